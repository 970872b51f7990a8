"""Gap filters, and the headline question answered independently from the CSV files."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from eipmap.analysis.gaps import GapFilter, apply_filter, criteria_status, decree35_criteria
from eipmap.config import REPO_DIR
from eipmap.display.gap_table import display_table
from eipmap.domain.dataset import Dataset
from eipmap.render.spreadsheets import csv_bytes, neutralise, xlsx_bytes

RECP = "D35-37.2c"
DONG_NAI, HCMC = "75", "79"


def independent_answer() -> set[str]:
    """Parks of Đồng Nai and TP. HCM below 20 % RECP adoption in 2024, read straight from the CSVs."""
    with (REPO_DIR / "data" / "parks" / "parks.csv").open(encoding="utf-8") as fh:
        province = {r["park_id"]: r["province_code"] for r in csv.DictReader(fh)}
    with (REPO_DIR / "data" / "indicators" / "values.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["indicator_id"] == RECP and r["year"] == "2024"]
    return {r["park_id"] for r in rows if province[r["park_id"]] in (DONG_NAI, HCMC) and float(r["value"]) < 20.0}


def test_headline_question_matches_the_data_files(dataset: Dataset) -> None:
    matched = apply_filter(dataset, GapFilter(RECP, 2024, (DONG_NAI, HCMC), below_target=True))
    expected = independent_answer()
    assert expected, "the shipped data must contain such parks"
    assert set(matched.index) == expected


def test_sorted_by_gap_and_gap_in_unit_and_percent(dataset: Dataset) -> None:
    matched = apply_filter(dataset, GapFilter(RECP, 2024, (DONG_NAI, HCMC), below_target=True))
    assert matched["gap"].is_monotonic_decreasing
    row = matched.iloc[0]
    assert row["gap"] == pytest.approx(20.0 - row["value"])
    assert row["gap_pct"] == pytest.approx((20.0 - row["value"]) / 20.0 * 100)


def test_no_data_parks_are_not_below_target(dataset: Dataset) -> None:
    every = apply_filter(dataset, GapFilter(RECP, 2024))
    below = apply_filter(dataset, GapFilter(RECP, 2024, below_target=True))
    without = every[every["value"].isna()].index
    assert len(without) > 0 and not set(without) & set(below.index)


def test_filters_combine(dataset: Dataset) -> None:
    demo = apply_filter(dataset, GapFilter(RECP, 2024, demonstration_only=True))
    assert set(demo.index) <= set(dataset.parks.loc[dataset.parks["is_demonstration"], "park_id"])
    big_gap = apply_filter(dataset, GapFilter(RECP, 2024, below_target=True, min_gap_pct=50.0))
    assert (big_gap["gap_pct"] >= 50.0).all()
    assert set(big_gap.index) <= set(apply_filter(dataset, GapFilter(RECP, 2024, below_target=True)).index)


def test_no_data_for_filter(dataset: Dataset) -> None:
    matched = apply_filter(dataset, GapFilter(RECP, 2024, no_data_for="KPI-14"))
    v = dataset.values
    has = set(v[(v["indicator_id"] == "KPI-14") & (v["year"] == 2024)]["park_id"])
    assert set(matched.index) == set(dataset.parks["park_id"]) - has


def test_failed_criteria_filter(dataset: Dataset) -> None:
    status = criteria_status(dataset, 2024)
    fails = (status == "fail").sum(axis=1)
    matched = apply_filter(dataset, GapFilter(RECP, 2024, min_failed_criteria=2))
    assert set(matched.index) == set(fails[fails >= 2].index)


def test_criteria_are_the_decree35_ones_in_force(dataset: Dataset) -> None:
    ids = [i.indicator_id for i in decree35_criteria(dataset)]
    # D35-37.2b-ISO is the project's reading of Art. 37(2)(b) (the decree sets no share): never part of a verdict
    assert ids == ["D35-37.1a", "D35-37.1b", "D35-37.1c", "D35-37.2a", "D35-37.2b", "D35-37.2c"]


def test_downloads_have_vietnamese_headers_with_units(dataset: Dataset) -> None:
    ind = dataset.indicators[RECP]
    table = display_table(apply_filter(dataset, GapFilter(RECP, 2024, below_target=True)), ind, "vi", "%")
    assert "Khoảng cách tới mục tiêu (%)" in table.columns
    text = csv_bytes(table).decode("utf-8-sig")
    assert (
        text.splitlines()[0].startswith("Khu công nghiệp,Tỉnh, thành phố") or "Khu công nghiệp" in text.splitlines()[0]
    )
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table, "KCN dưới mục tiêu")))
    sheet = book["KCN dưới mục tiêu"]
    assert [c.value for c in sheet[1]] == list(table.columns)
    assert sheet.max_row == len(table) + 1


def test_spreadsheet_injection_is_neutralised() -> None:
    frame = pd.DataFrame({"name": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "ok"]})
    assert neutralise(frame)["name"].tolist() == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)", "ok"]
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame, "s")))
    assert book["s"]["A2"].data_type == "s"


# The algorithm on the hand-written tiny dataset (tests/data/README.md): every answer known in advance.


def test_below_target_on_tiny_is_sorted_by_gap_in_unit_and_percent(tiny: Dataset) -> None:
    below = apply_filter(tiny, GapFilter(RECP, 2024, below_target=True))
    assert list(below.index) == ["gamma", "beta"]  # 5 % and 10 % against the 20 % minimum; alpha meets it
    assert below["gap"].tolist() == [15.0, 10.0]
    assert below["gap_pct"].tolist() == [75.0, 50.0]
    assert below["failed"].tolist() == [1, 3] and below["no_data"].tolist() == [5, 0]
    earlier = apply_filter(tiny, GapFilter(RECP, 2023, below_target=True))
    assert list(earlier.index) == ["beta", "alpha"]  # 15 % and 18 %; gamma and delta have no value: not below


@pytest.mark.parametrize(
    ("filt", "expected"),
    [
        (GapFilter(RECP, 2024), ["gamma", "beta", "alpha", "delta"]),  # no data last
        (GapFilter(RECP, 2024, provinces=("92",)), ["gamma", "delta"]),
        (GapFilter(RECP, 2024, demonstration_only=True), ["alpha"]),
        (GapFilter(RECP, 2024, below_target=True, min_gap_pct=60.0), ["gamma"]),
        (GapFilter(RECP, 2024, min_failed_criteria=2), ["beta"]),
        (GapFilter(RECP, 2024, no_data_for="KPI-14"), ["gamma", "beta", "delta"]),
        (GapFilter(RECP, 2024, provinces=("31",)), []),  # an empty answer is an empty frame, not an error
    ],
)
def test_each_filter_on_tiny(tiny: Dataset, filt: GapFilter, expected: list[str]) -> None:
    assert list(apply_filter(tiny, filt).index) == expected
