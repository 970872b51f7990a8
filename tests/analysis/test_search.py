"""Park search: names with or without diacritics, and pre-2025 province names."""

from __future__ import annotations

import pytest

from eipmap.analysis.search import find_parks
from eipmap.domain.dataset import Dataset
from eipmap.domain.textnorm import fold


@pytest.mark.parametrize("query", ["hoa khanh", "HOA KHANH", "Hòa Khánh"])
def test_park_by_name(dataset: Dataset, query: str) -> None:
    found = find_parks(dataset.parks, dataset.province_merge, query)
    assert "hoa-khanh" in set(found["park_id"])


def test_old_province_finds_its_parks_in_the_new_one(dataset: Dataset) -> None:
    found = find_parks(dataset.parks, dataset.province_merge, "Bình Dương")
    assert "vsip-1" in set(found["park_id"])
    assert set(found["province_code"]) == {"79"}


def test_quang_nam_leads_to_da_nang_with_a_note(dataset: Dataset) -> None:
    found = find_parks(dataset.parks, dataset.province_merge, "quang nam")
    assert set(found["province_code"]) == {"48"}
    via_merge = found[found["matched_former"] != ""]
    assert len(via_merge) > 0  # parks of Đà Nẵng proper are found only through the merger


def test_nothing_found(dataset: Dataset) -> None:
    assert find_parks(dataset.parks, dataset.province_merge, "zzzz").empty


@pytest.mark.parametrize("former", ["Bình Dương", "binh duong", "Bà Rịa - Vũng Tàu", "Quảng Nam"])
def test_parks_of_the_former_province_come_first(dataset: Dataset, former: str) -> None:
    """A pre-2025 province typed: its own parks lead, the rest of the merged province follows."""
    found = find_parks(dataset.parks, dataset.province_merge, former)
    own = found["former_province"].map(fold).str.contains(fold(former), regex=False)
    assert own.any() and (~own).any()  # both kinds are there …
    first_other = int((~own).to_numpy().argmax())
    assert own.iloc[:first_other].all() and not own.iloc[first_other:].any()  # … and never interleaved


def test_own_name_beats_province(dataset: Dataset) -> None:
    found = find_parks(dataset.parks, dataset.province_merge, "da nang")
    named = found["name_vi"].map(fold).str.contains("da nang", regex=False)
    assert named.iloc[: int(named.sum())].all()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quang nam", [("beta", ""), ("alpha", "quang nam")]),  # its own former province first, then the merger's
        ("Hậu Giang", [("delta", ""), ("gamma", "Hậu Giang")]),  # the name as typed, for the UI's note
        ("ALPHA", [("alpha", "")]),
        ("kcn", [("alpha", ""), ("beta", ""), ("delta", ""), ("gamma", "")]),
        ("omega", []),
    ],
)
def test_search_on_tiny(tiny: Dataset, query: str, expected: list[tuple[str, str]]) -> None:
    """tests/data/README.md: four parks, two of them in provinces merged in 2025."""
    found = find_parks(tiny.parks, tiny.province_merge, query)
    assert list(zip(found["park_id"], found["matched_former"], strict=True)) == expected
