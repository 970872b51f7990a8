"""Certification readiness: verdict rules, the six demonstration-park cards, roll-ups."""

from __future__ import annotations

import pandas as pd
import pytest

from eipmap.analysis.gaps import decree35_criteria
from eipmap.analysis.readiness import (
    Readiness,
    blocking_criteria,
    card,
    category_scores,
    province_year_counts,
    verdict,
    verdicts,
)
from eipmap.display.readiness_view import card_table, verdict_text
from eipmap.domain.dataset import Dataset
from eipmap.i18n import t

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
    assert list(c.lines["indicator_id"]) == [i.indicator_id for i in decree35_criteria(dataset)]
    assert c.lines["legal_reference"].str.contains(r"Decree 35/2022/NĐ-CP Art\. 37\(").all()
    assert c.lines["source_url"].str.startswith("http").all()
    table = card_table(c, "vi")
    assert table["Căn cứ pháp lý"].str.len().gt(0).all() and table["Nguồn"].str.startswith("http").all()
    v = dataset.values
    own = v[(v["park_id"] == park_id) & (v["year"] == 2024)].set_index("indicator_id")["provenance"]
    expected = [own.get(i, "") for i in c.lines["indicator_id"]]  # each line shows its own value's provenance
    assert list(c.lines["provenance"]) == expected
    assert list(table["Nguồn gốc số liệu"]) == [t(f"provenance.{p}", "vi") if p else "–" for p in expected]


def test_evidence_value_and_status_agree(dataset: Dataset) -> None:
    lines = card(dataset, "hoa-khanh", 2024).lines.set_index("indicator_id")
    recp = lines.loc["D35-37.2c"]
    assert recp["status"] == ("pass" if recp["value"] >= 20 else "fail")


@pytest.mark.parametrize("park_id", DEMO)
def test_verdict_text_says_when_it_rests_on_illustrative_values(dataset: Dataset, park_id: str) -> None:
    c = card(dataset, park_id, 2024)
    text = verdict_text(c, "en")
    expected = {
        Readiness.MEETS_ALL: "Meets all criteria",
        Readiness.MISSING: "Missing",
        Readiness.INSUFFICIENT_DATA: "Insufficient data",
    }
    rests_on_illustrative = (c.lines["provenance"] == "illustrative").any()
    prefix = "Illustrative verdict (rests on illustrative values): " if rests_on_illustrative else ""
    assert text == prefix + text.removeprefix(prefix) and text.removeprefix(prefix).startswith(expected[c.verdict])
    assert text.startswith("Illustrative verdict") == rests_on_illustrative
    assert verdict_text(c, "vi").startswith("Kết luận minh họa") == rests_on_illustrative


def test_deep_c_meets_all_only_as_an_illustrative_verdict(dataset: Dataset) -> None:
    """The audit's case: DEEP C 'meets all' Decree 35 criteria in 2024 on illustrative values; it must say so."""
    c = card(dataset, "deep-c-haiphong-1", 2024)
    assert c.illustrative and verdict_text(c, "vi").startswith("Kết luận minh họa")


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
