"""Comparison views: heatmap matrix, ranking with rank change, radar medians, province roll-ups."""

from __future__ import annotations

import math

import pandas as pd

from eipmap.analysis.compare import attainment_matrix, province_rollup, radar_frame, ranking, targeted_indicators
from eipmap.analysis.readiness import ief_scores
from eipmap.domain.dataset import Dataset
from eipmap.render.charts_compare import build_heatmap


def test_matrix_has_no_data_as_nan_and_demonstration_parks_first(dataset: Dataset) -> None:
    inds = targeted_indicators(dataset)
    m = attainment_matrix(dataset, 2024, inds)
    assert m.isna().any().any()
    known = m.stack().dropna()
    assert ((known >= 0) & (known <= 100)).all()
    assert set(m.index[:6]) == set(dataset.parks.loc[dataset.parks["is_demonstration"], "park_id"])
    fig = build_heatmap(m, list(m.index), [i.indicator_id for i in inds], "en")
    assert "–" in str(fig.data[1].text)


def test_ranking_and_rank_change(dataset: Dataset) -> None:
    ind = dataset.indicators["D35-37.2c"]
    r = ranking(dataset, ind, 2024)
    assert r["rank"].iloc[0] == 1 and r["value"].is_monotonic_decreasing
    prev = ranking(dataset, ind, 2023)
    both = r.index.intersection(prev.index)
    park = both[0]
    assert r.at[park, "rank_change"] == prev.at[park, "rank"] - r.at[park, "rank"]


def test_lower_is_better_ranks_low_values_first(dataset: Dataset) -> None:
    r = ranking(dataset, dataset.indicators["KPI-12"], 2024)
    assert r["value"].is_monotonic_increasing


def test_radar_medians_and_a_gap_stays_a_gap(dataset: Dataset) -> None:
    v = dataset.values
    ief = ief_scores(dataset)
    assert list(ief.values()) == ["IEF-PM", "IEF-ENV", "IEF-SOC", "IEF-ECO"]  # the catalogue's category scores
    scores = v[v["indicator_id"].isin(list(ief.values()))]
    per_park_year = scores.groupby(["park_id", "year"])["indicator_id"].nunique()
    gappy = per_park_year[(per_park_year > 0) & (per_park_year < len(ief))]
    assert not gappy.empty, "the shipped data has a park-year missing one IEF score (its ~7 % gaps)"
    park_id, year = gappy.index[0]
    frame = radar_frame(dataset, park_id, int(year))
    assert list(frame["category"]) == ["park_management", "environmental", "social", "economic"]
    assert frame[["province_median", "all_median"]].notna().all().all()
    have = set(scores.loc[(scores["park_id"] == park_id) & (scores["year"] == year), "indicator_id"])
    for row, ind_id in zip(frame.itertuples(), ief.values(), strict=True):
        assert math.isnan(row.park) == (ind_id not in have)  # no value in the data → NaN, not 0


def test_rollup_best_and_worst(dataset: Dataset) -> None:
    ind = dataset.indicators["D35-37.2c"]
    roll = province_rollup(dataset, ind, 2024).set_index("province_code")
    v = dataset.values
    dn = v[(v["indicator_id"] == ind.indicator_id) & (v["year"] == 2024)].merge(
        dataset.parks[["park_id", "province_code"]]
    )
    dn = dn[dn["province_code"] == "75"].set_index("park_id")["value"]
    assert roll.at["75", "best"] == dn.idxmax() and roll.at["75", "worst"] == dn.idxmin()
    assert math.isclose(roll.at["75", "median"], dn.median())
    assert roll.at["75", "below_target"] == int((dn < 20).sum())


# On the hand-written tiny dataset (tests/data/README.md): every answer known in advance.


def test_ranking_on_tiny(tiny: Dataset) -> None:
    recp = ranking(tiny, tiny.indicators["D35-37.2c"], 2024)
    assert list(recp.index) == ["alpha", "beta", "gamma"] and recp["rank"].tolist() == [1, 2, 3]
    assert recp["previous_rank"].tolist()[:2] == [1.0, 2.0] and math.isnan(recp.at["gamma", "previous_rank"])
    lower = ranking(tiny, tiny.indicators["KPI-12"], 2024)  # lower is better
    assert list(lower.index) == ["gamma", "alpha", "beta"]


def test_matrix_and_rollup_on_tiny(tiny: Dataset) -> None:
    m = attainment_matrix(tiny, 2024, [tiny.indicators["D35-37.2c"]])
    assert list(m.index) == ["alpha", "beta", "delta", "gamma"]  # demonstration first, then province and id
    assert m["D35-37.2c"].tolist()[:2] == [100.0, 50.0] and math.isnan(m.at["delta", "D35-37.2c"])
    roll = province_rollup(tiny, tiny.indicators["D35-37.2c"], 2024).set_index("province_code")
    assert (roll.at["48", "best"], roll.at["48", "worst"], roll.at["48", "median"]) == ("alpha", "beta", 17.5)
    assert (roll.at["92", "below_target"], roll.at["92", "with_data"]) == (1, 1)
    assert roll.at["31", "with_data"] == 0 and pd.isna(roll.at["31", "best"])  # a province without values
