"""Park search: names with or without diacritics, and pre-2025 province names."""

from __future__ import annotations

import pytest

from eipmap.loading import Dataset
from eipmap.search import find_parks


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
