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


# The rules on the hand-written tiny dataset (tests/data/README.md): every answer known in advance.


def test_verdicts_on_tiny(tiny: Dataset) -> None:
    assert verdicts(tiny, 2024).to_dict() == {
        "alpha": "meets_all",
        "beta": "missing",
        "gamma": "missing",
        "delta": "insufficient_data",
    }
    assert verdicts(tiny, 2023).to_dict() == {
        "alpha": "missing",  # RECP 18 % < 20 %
        "beta": "missing",
        "gamma": "insufficient_data",
        "delta": "insufficient_data",
    }


def test_cards_on_tiny_count_failures_and_say_when_evidence_is_illustrative(tiny: Dataset) -> None:
    alpha, beta, gamma = (card(tiny, p, 2024) for p in ("alpha", "beta", "gamma"))
    assert (alpha.verdict, alpha.failed, alpha.no_data, alpha.illustrative) == (Readiness.MEETS_ALL, 0, 0, False)
    assert (beta.verdict, beta.failed, beta.no_data, beta.illustrative) == (Readiness.MISSING, 3, 0, True)
    assert (gamma.verdict, gamma.failed, gamma.no_data, gamma.illustrative) == (Readiness.MISSING, 1, 5, True)
    failed = beta.lines.loc[beta.lines["status"] == "fail", "indicator_id"].tolist()
    assert failed == ["D35-37.1b", "D35-37.2b", "D35-37.2c"]
    assert alpha.lines.set_index("indicator_id").at["D35-37.2c", "provenance"] == "reported"


def test_rollups_on_tiny(tiny: Dataset) -> None:
    counts = province_year_counts(tiny)
    assert list(counts.columns) == [2022, 2023, 2024]  # the tiny series start in 2022 (its defaults.csv)
    assert list(counts.index) == ["31", "48", "92", "75", "79"]
    assert counts.loc["48"].tolist() == [0, 0, 1] and counts.drop(index="48").to_numpy().sum() == 0
    blocking = blocking_criteria(tiny, 2024)
    assert blocking[blocking > 0].to_dict() == {"D35-37.2c": 2, "D35-37.1b": 1, "D35-37.2b": 1}
    scores = category_scores(tiny, "alpha", 2024).set_index("category")["score"]
    assert scores["environmental"] == 40.0 and scores.drop("environmental").isna().all()
