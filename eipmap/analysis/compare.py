"""Comparing parks: attainment heatmap, ranking with rank change, category radar, province roll-ups."""

from __future__ import annotations

import pandas as pd

from eipmap.analysis.gaps import year_provenance, year_values
from eipmap.analysis.readiness import ief_scores
from eipmap.analysis.scoring import attainment
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import PILOT_PROVINCE_CODES, Direction, Indicator, Provenance


def targeted_indicators(data: Dataset) -> list[Indicator]:
    """Measured indicators that have a target (attainment is defined for them)."""
    measured = set(data.values["indicator_id"])
    return [
        i
        for i in data.indicators.values()
        if i.has_target and i.indicator_id in measured and i.direction is not Direction.NONE
    ]


def attainment_matrix(data: Dataset, year: int, indicators: list[Indicator]) -> pd.DataFrame:
    """Parks × indicators: attainment % (NaN = no data); parks of the five provinces, demonstration parks first."""
    scope = data.parks[data.parks["province_code"].isin(PILOT_PROVINCE_CODES)]
    order = scope.sort_values(["is_demonstration", "province_code", "park_id"], ascending=[False, True, True])[
        "park_id"
    ]
    cols = {
        ind.indicator_id: attainment(year_values(data, ind.indicator_id, year), ind.as_of(year)) for ind in indicators
    }
    return pd.DataFrame(cols).reindex(order)


def ranking(data: Dataset, ind: Indicator, year: int) -> pd.DataFrame:
    """Parks with a value, ranked best first, with the rank change since the previous year (+ = moved up)."""
    ascending = ind.direction is Direction.LOWER

    def ranks(y: int) -> pd.Series:
        return year_values(data, ind.indicator_id, y).dropna().rank(ascending=ascending, method="min")

    now, before = ranks(year), ranks(year - 1)
    frame = pd.DataFrame(
        {
            "value": year_values(data, ind.indicator_id, year).reindex(now.index),
            "provenance": year_provenance(data, ind.indicator_id, year).reindex(now.index),
            "rank": now.astype(int),
        }
    )
    frame["previous_rank"] = before.reindex(now.index)
    frame["rank_change"] = frame["previous_rank"] - frame["rank"]
    return frame.sort_values("rank")


def radar_frame(data: Dataset, park_id: str, year: int) -> pd.DataFrame:
    """The park's four IEF category scores, its province's median and the five-province median."""
    parks = data.parks.set_index("park_id")
    in_scope = parks.index[parks["province_code"].isin(PILOT_PROVINCE_CODES)]
    same_province = parks.index[parks["province_code"] == parks.at[park_id, "province_code"]]
    rows = []
    for category, ind_id in ief_scores(data).items():
        values = year_values(data, ind_id, year)
        rows.append(
            {
                "category": category.value,
                "park": values.loc[park_id],
                "province_median": values.reindex(same_province).median(),
                "all_median": values.reindex(in_scope).median(),
            }
        )
    return pd.DataFrame(rows)


def province_rollup(data: Dataset, ind: Indicator, year: int) -> pd.DataFrame:
    """Per province (pilot provinces first): median, best and worst park, parks below target (no data not counted)."""
    values = year_values(data, ind.indicator_id, year)
    illustrative = year_provenance(data, ind.indicator_id, year) == Provenance.ILLUSTRATIVE.value
    ind = ind.as_of(year)  # a lapsed threshold counts nobody as below it
    att = attainment(values, ind)
    parks = data.parks.set_index("park_id")
    rows = []
    for code in data.province_codes:
        own = values.reindex(parks.index[parks["province_code"] == code]).dropna()
        best = worst = None
        if len(own):
            low, high = own.idxmin(), own.idxmax()
            best, worst = (low, high) if ind.direction is Direction.LOWER else (high, low)
        rows.append(
            {
                "province_code": code,
                "median": own.median() if len(own) else float("nan"),
                "best": best,
                "worst": worst,
                "below_target": int((att.reindex(own.index) < 100.0).sum()) if ind.has_target else None,
                "with_data": len(own),
                "illustrative": int(illustrative.reindex(own.index).sum()),
            }
        )
    return pd.DataFrame(rows)
