"""The law as it is: legal rows name article and source; lapsed thresholds, benchmarks and readings are no targets.

A superseded threshold never acts as a target after the day its text lapsed; benchmarks and the project's own
readings are never called targets or law.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from eipmap.analysis.compare import province_rollup
from eipmap.analysis.gaps import decree35_criteria, gap_frame
from eipmap.display.overlay import build_overlay, legend_caption
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import IndicatorKind, TargetKind
from eipmap.i18n import t
from eipmap.render.charts import build_trend_chart
from tests.conftest import DATA

ARTICLE = re.compile(r"\bArt\. \d+")
CATALOGUE = pd.read_csv(DATA / "indicators" / "catalogue.csv", dtype=str, keep_default_na=False)
LEGAL = CATALOGUE[
    (CATALOGUE["target_kind"] == TargetKind.LEGAL_MINIMUM.value)
    | (CATALOGUE["framework"].str.contains("Decree|Circular"))
]


@pytest.mark.parametrize("row", LEGAL.to_dict("records"), ids=list(LEGAL["indicator_id"]))
def test_every_legal_row_names_its_article_and_source(row: dict[str, str]) -> None:
    assert row["source_url"].startswith("http")
    if row["is_superseded"] == "True":  # the former decree's article could not be confirmed: it says so
        assert ARTICLE.search(row["legal_reference"]) or "article not confirmed" in row["legal_reference"]
        assert row["in_force_until"], "a superseded row gives the last day its text applied"
        assert row["confidence"] != "high"
    else:
        assert ARTICLE.search(row["legal_reference"]), row["indicator_id"]


def test_eco_enterprise_is_cited_to_art_37_2_and_art_38_is_new_parks() -> None:
    rows = CATALOGUE.set_index("indicator_id")
    assert "Art. 37(2)" in rows.at["D35-2.8", "legal_reference"]
    assert "Art. 38" not in rows.at["D35-2.8", "legal_reference"]
    assert rows.at["D35-38", "legal_reference"] == "Art. 38" and "8 years" in rows.at["D35-38", "notes"]


def test_an_interpretation_is_no_legal_minimum_and_no_part_of_the_verdict(dataset: Dataset) -> None:
    ind = dataset.indicators["D35-37.2b-ISO"]
    assert ind.target_kind is TargetKind.INTERPRETATION
    assert ind not in decree35_criteria(dataset)
    caption = legend_caption(build_overlay(dataset.values, dataset.parks["park_id"], ind, 2023, "vi"), "vi")
    assert "cách hiểu của dự án" in caption and "pháp lý" not in caption


def _superseded(dataset: Dataset) -> list[str]:
    ids = [i.indicator_id for i in dataset.indicators.values() if i.is_superseded and i.has_target]
    assert ids, "the catalogue holds the former Decree 82/2018 thresholds"
    return ids


def test_no_superseded_threshold_is_a_target_after_its_end_date(dataset: Dataset) -> None:
    measured = set(dataset.values["indicator_id"])
    checked = 0
    for ind_id in _superseded(dataset):
        ind = dataset.indicators[ind_id]
        assert ind.kind is IndicatorKind.CRITERION and ind.in_force_until is not None
        for year in dataset.years:
            applies = year < ind.in_force_until.year
            assert ind.applies_in(year) is applies
            overlay = build_overlay(dataset.values, dataset.parks["park_id"], ind, year, "vi")
            if applies:
                assert overlay.scheme == "attainment"
                continue
            checked += ind_id in measured
            assert overlay.scheme != "attainment" and overlay.table["attainment"].isna().all(), (ind_id, year)
            assert all("mục tiêu" not in e.label for e in overlay.legend)
            assert "chỉ áp dụng đến hết ngày 14/07/2022" in legend_caption(overlay, "vi")
            assert gap_frame(dataset, ind, year)["target"].isna().all()
            assert province_rollup(dataset, ind, year)["below_target"].isna().all()
    assert checked, "at least one superseded indicator has values after its end date to check"


def test_the_trend_chart_draws_a_former_threshold_only_while_it_applied(dataset: Dataset) -> None:
    ind = dataset.indicators["D82-4"]
    park = str(dataset.values.loc[dataset.values["indicator_id"] == "D82-4", "park_id"].iloc[0])
    fig = build_trend_chart(dataset.values, park, ind, "vi", dataset.years)
    line = next(tr for tr in fig.data if tr.name and tr.name.startswith("Ngưỡng cũ"))
    assert line.name.startswith("Ngưỡng cũ (áp dụng đến 14/07/2022)")
    assert max(line.x) < 2022  # ends with 2021, the last year wholly under Decree 82/2018
    assert not any(tr.name and tr.name.startswith("Ngưỡng pháp lý") for tr in fig.data)


@pytest.mark.parametrize("ind_id", ["KPI-09", "IEF-ENV"])
def test_benchmarks_are_shown_as_benchmarks_not_targets(dataset: Dataset, ind_id: str) -> None:
    ind = dataset.indicators[ind_id]
    assert ind.target_kind is TargetKind.PROGRAMME_BENCHMARK
    for lang in ("vi", "en"):
        overlay = build_overlay(dataset.values, dataset.parks["park_id"], ind, 2024, lang)
        assert overlay.scheme == "benchmark"
        caption = legend_caption(overlay, lang)
        assert ("mức tham chiếu" if lang == "vi" else "benchmark") in caption
        labels = " ".join(e.label for e in overlay.legend)
        assert ("mục tiêu" if lang == "vi" else "target") not in labels
        assert t("legend.reference_met", lang) in [e.label for e in overlay.legend]
