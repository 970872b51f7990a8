"""Gap analysis: which parks fall short of what — filters that combine, and the gap table.

Everything is driven by the catalogue (direction, target) through ``scoring``;
there is no per-indicator branch. Missing data is "no data": never a pass, never a fail.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

from eipmap.analysis.scoring import CriterionStatus, attainment, criterion_status, gap_to_target
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Indicator, IndicatorKind, TargetKind


@dataclass(frozen=True)
class GapFilter:
    """What the analyst asks for; every condition left at its default does not filter."""

    indicator_id: str
    year: int
    provinces: tuple[str, ...] = ()
    demonstration_only: bool = False
    below_target: bool = False
    min_gap_pct: float | None = None
    min_failed_criteria: int | None = None
    no_data_for: str | None = None


def decree35_criteria(data: Dataset) -> list[Indicator]:
    """The Decree 35/2022 Art. 37 criteria in force (legal minimum, not superseded), catalogue order."""
    return [
        ind
        for ind in data.indicators.values()
        if ind.kind is IndicatorKind.CRITERION and ind.target_kind is TargetKind.LEGAL_MINIMUM and not ind.is_superseded
    ]


def _year_rows(data: Dataset, indicator_id: str, year: int) -> pd.DataFrame:
    """One indicator's rows for one year, indexed by park_id."""
    v = data.values
    return v[(v["indicator_id"] == indicator_id) & (v["year"] == year)].set_index("park_id")


def year_values(data: Dataset, indicator_id: str, year: int) -> pd.Series:
    """Value per park (NaN where missing), indexed by every park_id."""
    return _year_rows(data, indicator_id, year)["value"].reindex(data.parks["park_id"]).astype(float)


def year_provenance(data: Dataset, indicator_id: str, year: int) -> pd.Series:
    """Provenance of each park's value (reported / estimated / illustrative; '' where missing), by every park_id."""
    return _year_rows(data, indicator_id, year)["provenance"].reindex(data.parks["park_id"]).fillna("").astype(str)


def provenance_of(
    data: Dataset, indicator_ids: Collection[str], years: Collection[int], park_ids: Collection[str] | None = None
) -> pd.Series:
    """The provenance of every value a view draws: these indicators, years and (optionally) parks."""
    v = data.values
    mask = v["indicator_id"].isin(list(indicator_ids)) & v["year"].isin(list(years))
    if park_ids is not None:
        mask &= v["park_id"].isin(list(park_ids))
    return v.loc[mask, "provenance"].astype(str)


def criteria_status(data: Dataset, year: int) -> pd.DataFrame:
    """Park × criterion status ('pass' / 'fail' / 'no_data') for the Decree 35 criteria in ``year``."""
    out = {
        ind.indicator_id: criterion_status(year_values(data, ind.indicator_id, year), ind)
        for ind in decree35_criteria(data)
    }
    return pd.DataFrame(out, index=data.parks["park_id"])


def criteria_counts(status: pd.DataFrame) -> pd.DataFrame:
    """Per park: criteria failed, without data, passed."""
    return pd.DataFrame(
        {
            "failed": (status == CriterionStatus.FAIL.value).sum(axis=1),
            "no_data": (status == CriterionStatus.NO_DATA.value).sum(axis=1),
            "passed": (status == CriterionStatus.PASS.value).sum(axis=1),
        }
    )


def gap_frame(data: Dataset, ind: Indicator, year: int) -> pd.DataFrame:
    """Per park: value, target, gap in the unit, gap as % of target, attainment, criteria counts."""
    values = year_values(data, ind.indicator_id, year)
    ind = ind.as_of(year)  # no gap to a threshold that had lapsed by then
    gap = gap_to_target(values, ind)
    frame = pd.DataFrame(
        {
            "value": values,
            "provenance": year_provenance(data, ind.indicator_id, year),
            "target": ind.target if ind.has_target else float("nan"),
            "gap": gap,
            "gap_pct": gap / ind.target * 100.0 if ind.has_target and ind.target else float("nan"),
            "attainment": attainment(values, ind),
        }
    )
    return frame.join(criteria_counts(criteria_status(data, year)))


def apply_filter(data: Dataset, filt: GapFilter) -> pd.DataFrame:
    """Matching parks with their gaps, largest gap first (no-data rows last)."""
    ind = data.indicators[filt.indicator_id]
    parks = data.parks.set_index("park_id")
    frame = gap_frame(data, ind, filt.year)
    keep = pd.Series(True, index=frame.index)
    if filt.provinces:
        keep &= parks["province_code"].isin(filt.provinces)
    if filt.demonstration_only:
        keep &= parks["is_demonstration"]
    if filt.below_target:
        keep &= frame["attainment"] < 100.0
    if filt.min_gap_pct is not None:
        keep &= frame["gap_pct"] >= filt.min_gap_pct
    if filt.min_failed_criteria is not None:
        keep &= frame["failed"] >= filt.min_failed_criteria
    if filt.no_data_for is not None:
        keep &= year_values(data, filt.no_data_for, filt.year).isna()
    matched = frame[keep].join(
        parks[["name_vi", "name_en", "province_code", "province_name_vi", "province_name_en", "is_demonstration"]]
    )
    return matched.sort_values(["gap", "failed"], ascending=[False, False], na_position="last")
