"""Internally consistent figures for the template tables (section 三 / 四 identities, form totals = parts).

Every function takes the report's own `random.Random`, so a report is a pure function of its seed.
"""

from __future__ import annotations

import random
from collections import Counter

APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service", "other_org")
# how often each applicant column is zero, and the largest count it gets otherwise
_APPLICANT_SCALE = {
    "natural_person": (0.2, 40),
    "business": (0.6, 8),
    "research": (0.9, 2),
    "public_interest": (0.9, 2),
    "legal_service": (0.8, 3),
    "other_org": (0.7, 4),
}

DENIED = (
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
)
UNAVAILABLE = ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")
NOT_PROCESSED = (
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
)
OTHER_2021 = (
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
)


def small(rng: random.Random, p_zero: float, hi: int, lo: int = 1) -> int:
    """0 with probability p_zero, else a uniform count in [lo, hi]."""
    return 0 if rng.random() < p_zero else rng.randint(lo, hi)


def spread(rng: random.Random, total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` into the keys of `weights` (every key present, parts sum to total)."""
    keys = list(weights)
    counts = Counter(rng.choices(keys, weights=[weights[k] for k in keys], k=total)) if total else Counter()
    return {k: counts.get(k, 0) for k in keys}


def outcome_rows(template: str) -> list[tuple[str, str]]:
    """Section 三 outcome rows as (outcome code, reason label or '') in template order, （七）总计 excluded."""
    rows = [("granted", ""), ("partial", "")]
    rows += [("denied", r) for r in DENIED]
    rows += [("unavailable", r) for r in UNAVAILABLE]
    rows += [("not_processed", r) for r in NOT_PROCESSED]
    rows += [("other", r) for r in OTHER_2021] if template == "2021" else [("other", "")]
    return rows


_OUTCOME_WEIGHT = {
    "granted": 10.0,
    "partial": 2.0,
    "denied": 0.25,
    "unavailable": 0.8,
    "not_processed": 0.3,
    "other": 0.5,
}


def section3(rng: random.Random, template: str, active: bool) -> dict[str, list[int]]:
    """Section 三 matrix: row key → 7 numbers (6 applicant columns then 总计).

    Row keys: received, carried_over, 'outcome|reason' for each outcome row, total, carried_forward.
    The matrix's sum identities (ogi.checks.identities) hold by construction.
    """
    rows = outcome_rows(template)
    keys = ["received", "carried_over"] + [f"{o}|{r}" for o, r in rows] + ["total", "carried_forward"]
    cols: dict[str, list[int]] = {k: [] for k in keys}
    weights = {f"{o}|{r}": _OUTCOME_WEIGHT[o] * (1.0 if i % 3 == 0 else 0.4) for i, (o, r) in enumerate(rows)}
    for applicant in APPLICANTS:
        p_zero, hi = _APPLICANT_SCALE[applicant]
        new = small(rng, p_zero, hi) if active else 0
        over = small(rng, 0.75, 3) if active else 0
        avail = new + over
        forward = min(avail, small(rng, 0.7, 3)) if avail else 0
        parts = spread(rng, avail - forward, weights)
        cols["received"].append(new)
        cols["carried_over"].append(over)
        for k, v in parts.items():
            cols[k].append(v)
        cols["total"].append(avail - forward)
        cols["carried_forward"].append(forward)
    return {k: [*v, sum(v)] for k, v in cols.items()}


def section4(rng: random.Random, active: bool) -> list[int]:
    """Section 四: 15 numbers (复议, 直接起诉, 复议后起诉; each 维持/纠正/其他/尚未审结/总计)."""
    out: list[int] = []
    for p_zero in (0.4, 0.6, 0.8):
        parts = [small(rng, p_zero if active else 1.0, 3) for _ in range(4)]
        out += [*parts, sum(parts)]
    return out
