"""Realistic reporting bodies: regions, street offices, townships and county departments.

Names are plain data so the generator stays deterministic; a region is (province, city, county)
with an empty city for the municipalities directly under the central government.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

REGIONS: tuple[tuple[str, str, str], ...] = (
    ("福建省", "泉州市", "晋江市"),
    ("福建省", "厦门市", "湖里区"),
    ("吉林省", "吉林市", "桦甸市"),
    ("湖南省", "株洲市", "荷塘区"),
    ("四川省", "广元市", "利州区"),
    ("陕西省", "榆林市", "榆阳区"),
    ("河北省", "唐山市", "迁安市"),
    ("辽宁省", "沈阳市", "法库县"),
    ("浙江省", "温州市", "永嘉县"),
    ("广东省", "广州市", "海珠区"),
    ("甘肃省", "张掖市", "甘州区"),
    ("江苏省", "淮安市", "淮阴区"),
    ("安徽省", "阜阳市", "颍州区"),
    ("湖北省", "武汉市", "江夏区"),
    ("山东省", "济南市", "章丘区"),
    ("贵州省", "铜仁市", "思南县"),
    ("北京市", "", "通州区"),
    ("上海市", "", "徐汇区"),
    ("河南省", "洛阳市", "偃师区"),
    ("江西省", "赣州市", "瑞金市"),
    ("云南省", "曲靖市", "宣威市"),
)

STREETS = (
    "梅岭",
    "罗山",
    "西园",
    "启新",
    "桂花",
    "河西",
    "驼峰路",
    "和平",
    "北城",
    "大南",
    "昌岗",
    "北街",
    "新华",
    "城关",
    "东湖",
    "青山",
    "凤凰",
    "龙潭",
    "南湖",
    "朝阳",
    "胜利",
    "人民路",
    "解放",
    "漕河泾",
)
TOWNS = (
    "大五里",
    "兴华",
    "蚶江",
    "亭子坝",
    "青龙",
    "金山",
    "马坊",
    "石桥",
    "白沙",
    "永安",
    "长乐",
    "安平",
    "龙门",
    "清河",
    "柳林",
    "双桥",
    "黄泥",
    "高峰",
)
DEPARTMENTS = (
    "自然资源局",
    "教育局",
    "民政局",
    "财政局",
    "司法局",
    "统计局",
    "审计局",
    "交通运输局",
    "水利局",
    "人力资源和社会保障局",
    "住房和城乡建设局",
    "市场监督管理局",
    "农业农村局",
    "卫生健康局",
)
# departments that exist only after the 2018 institutional reform
POST2018 = frozenset({"自然资源局", "农业农村局", "卫生健康局"})

KINDS = ("street", "town", "county_dept")


@dataclass(frozen=True, slots=True)
class Agency:
    """A reporting body as printed, with its region and how it refers to itself in prose."""

    name: str  # e.g. 梅岭街道办事处
    region: str  # e.g. 福建省泉州市晋江市
    kind: str  # street | town | county_dept
    city: str  # e.g. 泉州 (for hotline names such as 泉州12345平台)
    county: str  # e.g. 晋江市
    we: str  # 我街道 / 我镇 / 我局


def pick_agency(rng: random.Random, year: int) -> Agency:
    """A plausible reporting body for a report of `year`."""
    province, city, county = rng.choice(REGIONS)
    kind = rng.choice(KINDS)
    if kind == "street":
        name, we = rng.choice(STREETS) + "街道办事处", "我街道"
    elif kind == "town":
        name, we = rng.choice(TOWNS) + "镇人民政府", "我镇"
    else:
        pool = [d for d in DEPARTMENTS if year >= 2019 or d not in POST2018]
        name, we = county + rng.choice(pool), "我局"
    hotline_city = (city or province).rstrip("市省")
    return Agency(
        name=name, region=province + city + county, kind=kind, city=hotline_city, county=county, we=we
    )
