"""The validated dataset as the rest of eipmap sees it: tables, typed indicators, and the release it comes from.

Built only by ``eipmap.ingest.loading`` (the one reader and validator); everything else reads it and never
changes it. Derived views (indicators, years, the provinces a screen offers) are computed once per
dataset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import geopandas as gpd
import pandas as pd

from eipmap.domain.models import (
    PILOT_PROVINCE_CODES,
    Category,
    Direction,
    Indicator,
    IndicatorKind,
    ReleaseStamp,
    TargetKind,
    Unit,
    year_span,
)

DATA_FILES = ReleaseStamp()  # a dataset read straight from the data folder


@dataclass(frozen=True)
class Dataset:
    """Everything the dashboard shows, validated."""

    provinces: gpd.GeoDataFrame
    former_provinces: gpd.GeoDataFrame
    background: gpd.GeoDataFrame
    archipelagos: gpd.GeoDataFrame
    province_merge: pd.DataFrame
    coverage: pd.DataFrame  # parks per province in public sources (what the dataset covers)
    parks: pd.DataFrame
    catalogue: pd.DataFrame
    values: pd.DataFrame
    firms: pd.DataFrame
    links: pd.DataFrame
    programme: pd.DataFrame  # programme-level totals as reported (GEIPP Viet Nam)
    defaults: pd.DataFrame  # one row: the indicator and year a screen opens on (data/indicators/defaults.csv)
    exchanges: pd.DataFrame  # resource exchanges by sector from published cases (data/symbiosis/exchanges.csv)
    files: pd.DataFrame  # every data file with its source and licence (data/files.csv)
    release: ReleaseStamp = DATA_FILES  # set by the release store's loader; exports name it

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        """Scored catalogue rows as typed records, by id (built once per dataset)."""
        return indicators_from(self.catalogue)

    @property
    def default_indicator(self) -> str:
        """The indicator a screen opens on, if the dataset measures it; else the first measured one."""
        wanted = str(self.defaults["indicator_id"].iloc[0])
        return wanted if wanted in self.measured_indicators else next(iter(self.measured_indicators))

    @property
    def default_year(self) -> int:
        """The year a screen opens on, if the dataset has it; else its newest year."""
        wanted = int(self.defaults["year"].iloc[0])
        return wanted if wanted in self.years else self.years[-1]

    @cached_property
    def province_codes(self) -> tuple[str, ...]:
        """Provinces a screen offers: the five pilot provinces, then any other province that holds parks.

        The shipped data has Ninh Bình's two parks of the 2014–2019 pilot; the national dataset has all 34
        provinces. Every park drawn is thus reachable from the province filter, the overview and the story.
        """
        return province_order(self.parks)

    def province_names(self, lang: str) -> dict[str, str]:
        """Province code → name in ``lang``, of all 34 provinces (a province without parks has its name too)."""
        return dict(zip(self.provinces["province_code"], self.provinces[f"name_{lang}"], strict=True))

    @property
    def first_year(self) -> int:
        """The first year of every indicator series (the GEIPP baseline), from indicators/defaults.csv."""
        return int(self.defaults["first_year"].iloc[0])

    @cached_property
    def years(self) -> range:
        """The years the screens offer: the first year of the series up to the newest year with a value."""
        return year_span(self.values["year"].unique(), self.first_year)

    @cached_property
    def measured_indicators(self) -> dict[str, Indicator]:
        """Scored indicators with at least one value, in catalogue order (every rerun asks; built once)."""
        has_values = set(self.values["indicator_id"].unique())
        return {k: v for k, v in self.indicators.items() if k in has_values and v.kind is not IndicatorKind.REFERENCE}


def unplaced(parks: pd.DataFrame) -> pd.Series:
    """Which parks no source places yet (no point): counted in every table, never drawn."""
    return parks["lat"].isna() | parks["lon"].isna()


def province_order(parks: pd.DataFrame) -> tuple[str, ...]:
    """The five pilot provinces in programme order, then the other provinces of ``parks`` by Vietnamese name."""
    names = dict(zip(parks["province_code"], parks["province_name_vi"], strict=True))
    others = sorted(set(names) - set(PILOT_PROVINCE_CODES), key=lambda c: str(names[c]))
    return (*PILOT_PROVINCE_CODES, *others)


def _date_or_none(cell: object) -> date | None:
    return date.fromisoformat(cell) if isinstance(cell, str) and cell else None


def indicators_from(catalogue: pd.DataFrame) -> dict[str, Indicator]:
    """Typed ``Indicator`` records for every non-reference row."""
    scored = catalogue[catalogue["kind"] != IndicatorKind.REFERENCE.value]
    out: dict[str, Indicator] = {}
    for rec in scored.to_dict("records"):
        target = rec["target"]
        out[str(rec["indicator_id"])] = Indicator(
            indicator_id=str(rec["indicator_id"]),
            kind=IndicatorKind(rec["kind"]),
            category=Category(rec["category"]),
            name_vi=str(rec["name_vi"]),
            name_en=str(rec["name_en"]),
            unit=Unit(rec["unit"]),
            direction=Direction(rec["direction"]),
            target=math.nan if pd.isna(target) else float(target),
            target_kind=TargetKind(rec["target_kind"]),
            is_superseded=bool(rec["is_superseded"]),
            legal_reference=rec["legal_reference"] if isinstance(rec["legal_reference"], str) else "",
            framework=str(rec["framework"]),
            source_url=str(rec["source_url"]),
            in_force_until=_date_or_none(rec["in_force_until"]),
        )
    return out
