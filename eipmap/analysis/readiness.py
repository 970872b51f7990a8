"""EIP certification readiness: each Decree 35/2022 Art. 37 criterion per park and year, and roll-ups."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from eipmap.analysis.gaps import criteria_status, decree35_criteria, year_values
from eipmap.analysis.scoring import CriterionStatus
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Category, IndicatorKind, Provenance

VN_AVERAGE_ID = "KPI-09"  # its benchmark is the Viet Nam average (63 %) of UNIDO's 50-park assessment


def ief_scores(data: Dataset) -> dict[Category, str]:
    """The catalogue's category-score indicator of each IEF category, in the categories' order.

    The catalogue says which rows they are (``kind`` ``category_score``); a category without one is left out.
    """
    by_category = {
        ind.category: ind.indicator_id for ind in data.indicators.values() if ind.kind is IndicatorKind.CATEGORY_SCORE
    }
    return {c: by_category[c] for c in Category if c in by_category}


class Readiness(StrEnum):
    """Overall verdict of a park in a year."""

    MEETS_ALL = "meets_all"
    MISSING = "missing"
    INSUFFICIENT_DATA = "insufficient_data"


@dataclass(frozen=True)
class Card:
    """A park's readiness in one year: one line per criterion and the verdict."""

    park_id: str
    year: int
    lines: pd.DataFrame  # indicator_id, name_vi, name_en, legal_reference, source_url, target, unit, value,
    # provenance (of the value; empty without one), status
    verdict: Readiness
    failed: int
    no_data: int

    @property
    def illustrative(self) -> bool:
        """True when any evidence the verdict rests on is illustrative: the verdict is then illustrative too."""
        return bool((self.lines["provenance"] == Provenance.ILLUSTRATIVE.value).any())


def verdict(statuses: pd.Series) -> tuple[Readiness, int, int]:
    """Any failed criterion → missing N; else any without data → insufficient data; else meets all."""
    failed = int((statuses == CriterionStatus.FAIL.value).sum())
    no_data = int((statuses == CriterionStatus.NO_DATA.value).sum())
    if failed:
        return Readiness.MISSING, failed, no_data
    if no_data:
        return Readiness.INSUFFICIENT_DATA, failed, no_data
    return Readiness.MEETS_ALL, failed, no_data


def card(data: Dataset, park_id: str, year: int) -> Card:
    """Every criterion with its legal article, source, threshold, the park's value and pass/fail/no data."""
    status = criteria_status(data, year).loc[park_id]
    rows_now = data.values[(data.values["park_id"] == park_id) & (data.values["year"] == year)]
    own = rows_now.set_index("indicator_id")["provenance"]
    rows = []
    for ind in decree35_criteria(data):
        rows.append(
            {
                "indicator_id": ind.indicator_id,
                "name_vi": ind.name_vi,
                "name_en": ind.name_en,
                "legal_reference": f"{ind.framework} {ind.legal_reference}".strip(),
                "source_url": ind.source_url.split(" | ")[0],
                "target": ind.target,
                "unit": ind.unit.value,
                "value": year_values(data, ind.indicator_id, year).loc[park_id],
                "provenance": str(own.get(ind.indicator_id, "")),
                "status": status[ind.indicator_id],
            }
        )
    lines = pd.DataFrame(rows)
    v, failed, no_data = verdict(lines["status"])
    return Card(park_id, year, lines, v, failed, no_data)


def verdicts(data: Dataset, year: int) -> pd.Series:
    """Verdict per park in ``year``."""
    status = criteria_status(data, year)
    return status.apply(lambda row: verdict(row)[0].value, axis=1)


def province_year_counts(data: Dataset) -> pd.DataFrame:
    """Parks meeting all criteria, by province (pilot provinces first) and year (rows: province code, columns: year)."""
    province = data.parks.set_index("park_id")["province_code"]
    table = {}
    for year in data.years:
        meets = verdicts(data, year) == Readiness.MEETS_ALL.value
        table[year] = meets.groupby(province).sum()
    return pd.DataFrame(table).reindex(list(data.province_codes)).fillna(0).astype(int)


def blocking_criteria(data: Dataset, year: int) -> pd.Series:
    """How many parks each criterion fails in ``year``, most blocking first."""
    status = criteria_status(data, year)
    return (status == CriterionStatus.FAIL.value).sum().sort_values(ascending=False)


def category_scores(data: Dataset, park_id: str, year: int) -> pd.DataFrame:
    """The park's four IEF category scores against the 8-country averages of the 50-park assessment."""
    rows = []
    for category, ind_id in ief_scores(data).items():
        ind = data.indicators[ind_id]
        rows.append(
            {
                "category": category.value,
                "indicator_id": ind_id,
                "score": year_values(data, ind_id, year).loc[park_id],
                "benchmark": ind.target,
            }
        )
    return pd.DataFrame(rows)


def vn_average(data: Dataset) -> float:
    """Viet Nam's average IEF compliance in UNIDO's 50-park assessment (63 %)."""
    return data.indicators[VN_AVERAGE_ID].target
