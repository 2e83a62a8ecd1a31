"""A view's frame as the rows a section draws and tabulates (label in the brief's language, value, line,
quote), shared by the section's chart and its figure table so both always show the same figures.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from ogi import vocabulary as voc
from ogi.render import words as W
from ogi.render.context import Context
from ogi.render.fragments import fmt_num

OUTCOME_ORDER = ("granted", "partial", "already_public", "denied", "unavailable", "not_processed", "other")
INTAKE = ("channel", "received")
CARRY = ("received", "carried_over", "carried_forward", "completed")


def tips(ctx: Context, label_title: str, value_title: str, printed: bool = False) -> list[tuple[str, str]]:
    """Tooltip fields in the brief's language: the shown label, the value, the report's line and quote."""
    fields = [("label", label_title or W.ITEM(ctx.lang)), ("value", value_title)]
    if printed:
        fields.append(("printed", W.PRINTED(ctx.lang)))
    return [*fields, ("where", W.LINE(ctx.lang)), ("quote", W.QUOTE(ctx.lang))]


def rows_frame(
    rows: list[dict[str, Any]], extra: tuple[str, ...] = (), ctx: Context | None = None
) -> pl.DataFrame:
    """Chart data: label, value, line, quote (+ extra string columns), and `where`: the line as the
    tooltip shows it (with its page for a PDF report, `Context.where`)."""
    cols: dict[str, Any] = {
        "label": pl.Utf8,
        "value": pl.Float64,
        "line": pl.Int64,
        "quote": pl.Utf8,
        **{c: pl.Utf8 for c in extra},
    }

    def where(line: Any) -> str | None:
        shown = ctx.where(line) if ctx is not None else (int(line) if line else None)
        return None if shown is None else str(shown)

    return pl.DataFrame(
        [
            {c: (float(r[c]) if c == "value" else r.get(c)) for c in cols} | {"where": where(r.get("line"))}
            for r in rows
        ],
        schema=cols | {"where": pl.Utf8},
    )


def is_total(code: object) -> bool:
    """Views mark a measure's total with dim/outcome 'total' (or leave it empty); routes use 'all'."""
    return code in (None, "", "total", "all")


def measure_label(ctx: Context, measure: str) -> str:
    return voc.metric_label(measure if "." in measure else f"applications.{measure}", ctx.lang)


def kind_label(ctx: Context, row: dict[str, Any]) -> str:
    """Review or litigation, with its route when the row has one."""
    kind = voc.metric_label(
        f"{row['kind']}.count" if "." not in str(row["kind"]) else str(row["kind"]), ctx.lang
    )
    if not is_total(row.get("route")):
        route = voc.dim_label("route", str(row["route"]), ctx.lang)
        return f"{kind}（{route}）" if ctx.lang == "zh" else f"{kind} ({route})"
    return kind


def labelled_rows(df: pl.DataFrame, ctx: Context) -> list[dict[str, Any]]:
    """A frame with label_zh, label_en, value, line, quote → rows labelled in the brief's language."""
    return [
        {"label": ctx.label(r), "value": r["value"], "line": r.get("line"), "quote": r.get("quote")}
        for r in df.to_dicts()
    ]


def category_rows(df: pl.DataFrame, ctx: Context) -> list[dict[str, Any]]:
    """category_mix → one row per category, with its share in percent."""
    return [
        {
            "label": str(r["category"]),
            "value": r["value"],
            "line": r.get("line"),
            "quote": r.get("quote"),
            "pct": f"{(r.get('share') or 0) * 100:.1f}",
        }
        for r in df.to_dicts()
    ]


def channel_rows(df: pl.DataFrame, ctx: Context) -> list[dict[str, Any]]:
    """channel_mix → one row per channel (label in the brief's language, code for its colour)."""
    return [
        {
            "label": ctx.label(r, "channel"),
            "value": r["value"],
            "line": r.get("line"),
            "quote": r.get("quote"),
            "code": str(r["channel"]),
        }
        for r in df.to_dicts()
    ]


def intake_kinds(ctx: Context) -> dict[str, str]:
    return {"channel": ctx.t("按渠道", "By channel"), "received": ctx.t("按申请人", "By applicant")}


def intake_rows(df: pl.DataFrame, ctx: Context) -> list[dict[str, Any]]:
    """applications → new applications by channel and by applicant type (no totals)."""
    kinds = intake_kinds(ctx)
    return [
        {
            "label": ctx.label(r, "dim"),
            "value": r["value"],
            "line": r.get("line"),
            "quote": r.get("quote"),
            "kind": kinds.get(str(r["measure"]), str(r["measure"])),
        }
        for r in df.to_dicts()
        if r["measure"] in INTAKE and not is_total(r.get("dim"))
    ]


def outcome_rows(ctx: Context, df: pl.DataFrame) -> tuple[list[dict[str, Any]], float | None]:
    """One row per outcome (its subtotal; the reasons within it only in the tooltip and table), and the
    total of replies (总计, else the sum of the subtotals)."""
    recs = df.to_dicts()
    subtotal = {str(r["dim"]): r for r in recs if r["measure"] == "outcome"}
    reasons: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        if r["measure"] == "outcome_reason" and r.get("parent"):
            reasons.setdefault(str(r["parent"]), []).append(r)
    rows: list[dict[str, Any]] = []
    for code in [c for c in OUTCOME_ORDER if c in subtotal] + sorted(
        c for c in subtotal if c not in OUTCOME_ORDER and not is_total(c)
    ):
        r = subtotal[code]
        within = "；".join(f"{x['label_zh']} {fmt_num(x['value'])}" for x in reasons.get(code, []))
        rows.append(
            {
                "label": ctx.label(r, "dim"),
                "code": code,
                "value": float(r["value"]),
                "line": r.get("line"),
                "quote": r.get("quote") or "",
                "within": within or "—",
            }
        )
    total = subtotal.get("total")
    whole = float(total["value"]) if total else (sum(r["value"] for r in rows) or None)
    return rows, whole


def review_rows(df: pl.DataFrame, ctx: Context) -> list[dict[str, Any]]:
    """review_litigation → one row per route and outcome (totals left to the sentence)."""
    return [
        {
            "label": kind_label(ctx, r),
            "outcome": voc.dim_label("outcome", str(r["outcome"]), ctx.lang),
            "code": str(r["outcome"]),
            "value": float(r["value"]),
            "line": r.get("line"),
            "quote": r.get("quote"),
        }
        for r in df.to_dicts()
        if not is_total(r.get("outcome"))
    ]


def complaint_families(df: pl.DataFrame, ctx: Context) -> dict[str, str]:
    """Family code (complaints, inquiries) → its label in the brief's language, sorted by code."""
    return {
        f: voc.metric_label(f"{f}.count", ctx.lang) for f in sorted({str(x) for x in df.get_column("family")})
    }


def complaint_rows(
    df: pl.DataFrame, ctx: Context
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """complaints → one row per family and canonical source (the printed labels and quotes joined), and
    the stated totals of families that also list parts (said in the sentence, never drawn)."""
    recs = [
        {
            **r,
            "code": r.get("code") or voc.source_code(str(r["source"])) if r["source"] != "total" else "total",
        }
        for r in df.to_dicts()
    ]
    fam_label = complaint_families(df, ctx)
    totals: list[tuple[str, dict[str, Any]]] = []
    rows: list[dict[str, Any]] = []
    for fam in fam_label:
        mine = [r for r in recs if r["family"] == fam]
        parts = [r for r in mine if r["code"] != "total"]
        whole = [r for r in mine if r["code"] == "total"]
        if parts:
            totals += [(fam, r) for r in whole]
            merged: dict[str, dict[str, Any]] = {}
            for r in parts:
                key = str(r["code"])
                m = merged.setdefault(
                    key,
                    {
                        "code": key,
                        "family": fam_label[fam],
                        "value": 0.0,
                        "printed": [],
                        "line": r.get("line"),
                        "quote": [],
                        "label": voc.source_label(key, ctx.lang),
                    },
                )
                m["value"] += float(r["value"])
                m["printed"].append(str(r["source"]))
                m["quote"].append(str(r.get("quote") or ""))
            for m in merged.values():
                rows.append({**m, "printed": "；".join(m["printed"]), "quote": " / ".join(m["quote"])})
        else:
            for r in whole:
                rows.append(
                    {
                        "code": "total",
                        "family": fam_label[fam],
                        "value": float(r["value"]),
                        "printed": str(r["source"]),
                        "line": r.get("line"),
                        "quote": r.get("quote"),
                        "label": fam_label[fam],
                    }
                )
    if len(fam_label) > 1:
        for r in rows:
            r["label"] = (
                f"{r['label']}（{r['family']}）" if ctx.lang == "zh" else f"{r['label']} ({r['family']})"
            )
    return rows, totals
