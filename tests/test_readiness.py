"""Certification readiness: verdict rules, the six demonstration-park cards, roll-ups."""

from __future__ import annotations

import pandas as pd
import pytest

from eipmap.loading import Dataset
from eipmap.readiness import (
    Readiness,
    blocking_criteria,
    card,
    category_scores,
    province_year_counts,
    verdict,
    verdicts,
)
from eipmap.readiness_view import card_table, verdict_text

DEMO = ["amata-bien-hoa", "deep-c-haiphong-1", "hiep-phuoc", "hoa-khanh", "tra-noc-1", "tra-noc-2"]


@pytest.mark.parametrize(
    ("statuses", "expected", "failed", "no_data"),
    [
        (["pass", "pass"], Readiness.MEETS_ALL, 0, 0),
        (["pass", "fail", "fail"], Readiness.MISSING, 2, 0),
        (["pass", "no_data"], Readiness.INSUFFICIENT_DATA, 0, 1),
        (["fail", "no_data"], Readiness.MISSING, 1, 1),
    ],
)
def test_verdict_rules(statuses: list[str], expected: Readiness, failed: int, no_data: int) -> None:
    assert verdict(pd.Series(statuses)) == (expected, failed, no_data)


@pytest.mark.parametrize("park_id", DEMO)
def test_every_line_of_a_demonstration_card_names_its_legal_source(dataset: Dataset, park_id: str) -> None:
    c = card(dataset, park_id, 2024)
    assert len(c.lines) == 7
    assert c.lines["legal_reference"].str.contains(r"Decree 35/2022/NĐ-CP Art\. 37\(").all()
    assert c.lines["source_url"].str.startswith("http").all()
    table = card_table(c, "vi")
    assert table["Căn cứ pháp lý"].str.len().gt(0).all() and table["Nguồn"].str.startswith("http").all()


def test_evidence_value_and_status_agree(dataset: Dataset) -> None:
    lines = card(dataset, "hoa-khanh", 2024).lines.set_index("indicator_id")
    recp = lines.loc["D35-37.2c"]
    assert recp["status"] == ("pass" if recp["value"] >= 20 else "fail")


def test_verdict_text(dataset: Dataset) -> None:
    c = card(dataset, "deep-c-haiphong-1", 2024)
    text = verdict_text(c, "en")
    expected = {
        Readiness.MEETS_ALL: "Meets all criteria",
        Readiness.MISSING: "Missing",
        Readiness.INSUFFICIENT_DATA: "Insufficient data",
    }
    assert text.startswith(expected[c.verdict])


def test_parks_without_values_have_insufficient_data(dataset: Dataset) -> None:
    v = verdicts(dataset, 2024)
    planned = dataset.parks.loc[dataset.parks["status"] == "planned", "park_id"]
    assert (v.reindex(planned) == "insufficient_data").all()


def test_province_year_counts_agree_with_verdicts(dataset: Dataset) -> None:
    counts = province_year_counts(dataset)
    v = verdicts(dataset, 2023)
    province = dataset.parks.set_index("park_id")["province_code"]
    assert counts.loc["79", 2023] == int(((v == "meets_all") & (province == "79")).sum())


def test_blocking_criterion_is_the_most_failed(dataset: Dataset) -> None:
    blocking = blocking_criteria(dataset, 2024)
    assert blocking.iloc[0] == blocking.max()


def test_category_scores_carry_the_50_park_benchmarks(dataset: Dataset) -> None:
    scores = category_scores(dataset, "amata-bien-hoa", 2024).set_index("category")
    assert scores["benchmark"].to_dict() == {
        "park_management": 55.0,
        "environmental": 34.0,
        "social": 44.0,
        "economic": 72.0,
    }
