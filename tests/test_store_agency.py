"""Agency identity: one key per body across years and spellings; namesakes in different places stay apart."""

from __future__ import annotations

import pytest

from ogi.store.agency import assign_keys, city_of, split_name


@pytest.mark.parametrize(
    ("name", "region", "core"),
    [
        ("梅岭街道", None, "梅岭街道"),
        ("梅岭街道办事处", "福建省泉州市晋江市", "梅岭街道"),
        ("晋江市梅岭街道办事处", None, "梅岭街道"),
        ("福建省晋江市梅岭街道办事处", None, "梅岭街道"),
        ("梅岭 街道办事处", None, "梅岭街道"),
        ("驼峰路街道办事处（榆林市榆阳区）", None, "驼峰路街道"),
        ("深沪镇人民政府", None, "深沪镇"),
        ("晋江市市场监督管理局", "福建省泉州市晋江市", "市场监督管理局"),
        ("晋江市人民政府", None, "晋江市人民政府"),  # a county government keeps its place name
        ("西城区人民政府", None, "西城区人民政府"),
    ],
)
def test_core_names(name: str, region: str | None, core: str) -> None:
    assert split_name(name, region)[0] == core


def test_one_key_across_spellings_and_years() -> None:
    keys = assign_keys(
        [
            ("r1", "梅岭街道", None),
            ("r2", "梅岭街道办事处", "福建省泉州市晋江市"),
            ("r3", "晋江市梅岭街道办事处", None),
        ]
    )
    assert set(keys.values()) == {"梅岭街道"}


def test_namesakes_in_different_places_get_the_place_in_their_key() -> None:
    keys = assign_keys(
        [
            ("a", "城关镇人民政府", "甲省乙市丙县"),
            ("b", "城关镇", "甲省乙市丁县"),
            ("c", "丙县城关镇人民政府", None),
        ]
    )
    assert keys == {"a": "丙县城关镇", "b": "丁县城关镇", "c": "丙县城关镇"}


def test_reports_without_agency_get_their_own_key() -> None:
    keys = assign_keys([("0123456789abcdef", None, None), ("fedcba9876543210", "", None)])
    assert len(set(keys.values())) == 2 and all(k.startswith("unknown-") for k in keys.values())


def test_city_of() -> None:
    assert city_of("福建省泉州市晋江市") == "福建省泉州市"
    assert city_of("北京市通州区") == "北京市"
    assert city_of(None) is None
