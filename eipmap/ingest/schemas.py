"""One pandera model per input file: columns, types and single-file rules.

Rules that need two files (a park's province exists, a link's firms belong to
its park …) live in ``crosschecks.py``; both are run by ``loading.py``.
Column names are defined here once and imported wherever they are used.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from eipmap.domain.models import (
    VIET_NAM_BOUNDS,
    Benefit,
    Category,
    Direction,
    IndicatorKind,
    LinkStatus,
    LocationAccuracy,
    ParkStatus,
    Provenance,
    Resource,
    TargetKind,
    Unit,
    next_year,
)

(LAT_MIN, LON_MIN), (LAT_MAX, LON_MAX) = VIET_NAM_BOUNDS
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
# Booleans are validated as text: pandas turns any non-empty string into True.
BOOL_TEXT = ["True", "False"]
YEAR_MIN, YEAR_MAX = 1990, 2100  # sanity bounds; the series' first year is data (defaults.csv)
YEAR_CHECK = "year_up_to_next_year"  # named, so loading.py can say which year is the last accepted
BOOL_COLUMNS = (
    "merged",
    "in_dashboard_scope",
    "is_demonstration",
    "is_superseded",
    "approximate",
    "counts_as_symbiosis",
    "is_named_in_source",
    "is_external",
)


def _values(enum: type[object]) -> list[str]:
    return [member.value for member in enum]  # type: ignore[attr-defined]


class _Base(pa.DataFrameModel):
    class Config:
        strict = True  # an unknown column is an error, not silently ignored
        coerce = True


class ProvinceMergeSchema(_Base):
    """data/geo/province_merge_2025.csv — 63 pre-2025 provinces → 34 provinces."""

    old_code: Series[str] = pa.Field(str_matches=r"^\d{2}$", unique=True)
    old_name: Series[str] = pa.Field(str_length={"min_value": 2}, unique=True)
    old_full_name: Series[str]
    old_name_alias: Series[str] = pa.Field(nullable=True)
    iso_3166_2_pre2025: Series[str] = pa.Field(str_matches=r"^VN-[0-9A-Z]{2}$", unique=True)
    new_code: Series[str] = pa.Field(str_matches=r"^\d{2}$")
    new_name: Series[str]
    new_full_name: Series[str]
    merged: Series[str] = pa.Field(isin=BOOL_TEXT)
    in_dashboard_scope: Series[str] = pa.Field(isin=BOOL_TEXT)
    source: Series[str]
    source_url: Series[str] = pa.Field(nullable=True)
    confidence: Series[str] = pa.Field(isin=["high", "medium", "low"])


class ParkSchema(_Base):
    """data/parks/parks.csv — one row a park."""

    park_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    name_vi: Series[str] = pa.Field(str_length={"min_value": 3})
    name_en: Series[str] = pa.Field(str_length={"min_value": 3})
    province_code: Series[str] = pa.Field(str_matches=r"^\d{2}$")
    former_province: Series[str]
    former_province_note: Series[str] = pa.Field(nullable=True)
    lat: Series[float] = pa.Field(ge=LAT_MIN, le=LAT_MAX, nullable=True)  # blank: location not yet known
    lon: Series[float] = pa.Field(ge=LON_MIN, le=LON_MAX, nullable=True)
    location_accuracy: Series[str] = pa.Field(isin=_values(LocationAccuracy))
    location_error_km: Series[float] = pa.Field(ge=0, le=50, nullable=True)
    location_note: Series[str] = pa.Field(nullable=True)
    area_ha: Series[float] = pa.Field(gt=0, le=50_000, nullable=True)
    tenants: Series[str] = pa.Field(nullable=True)
    sectors: Series[str] = pa.Field(nullable=True)
    operator: Series[str] = pa.Field(nullable=True)
    established_year: Series[pd.Int64Dtype] = pa.Field(ge=1950, le=2030, nullable=True)
    established_note: Series[str] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=_values(ParkStatus))
    is_demonstration: Series[str] = pa.Field(isin=BOOL_TEXT)
    programme_roles: Series[str] = pa.Field(nullable=True)
    programme_note: Series[str] = pa.Field(nullable=True)
    notes: Series[str] = pa.Field(nullable=True)
    source_urls: Series[str] = pa.Field(str_matches=r"^https?://")


class CatalogueSchema(_Base):
    """data/indicators/catalogue.csv — criteria, KPIs, category scores and context rows."""

    indicator_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    kind: Series[str] = pa.Field(isin=_values(IndicatorKind))
    category: Series[str] = pa.Field(isin=_values(Category))
    name_vi: Series[str] = pa.Field(str_length={"min_value": 3})
    name_en: Series[str] = pa.Field(str_length={"min_value": 3})
    unit: Series[str] = pa.Field(isin=_values(Unit))
    direction: Series[str] = pa.Field(isin=_values(Direction))
    target: Series[float] = pa.Field(nullable=True)
    target_kind: Series[str] = pa.Field(isin=_values(TargetKind))
    is_superseded: Series[str] = pa.Field(isin=BOOL_TEXT)
    in_force_until: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{4}-\d{2}-\d{2}$")
    legal_reference: Series[str] = pa.Field(nullable=True)
    framework: Series[str]
    source_url: Series[str] = pa.Field(str_matches=r"^https?://")
    confidence: Series[str] = pa.Field(isin=["high", "medium", "low", "derived"])
    notes: Series[str] = pa.Field(nullable=True)


class ValueSchema(_Base):
    """data/indicators/values.csv — one row a park × indicator × year; a gap is an absent row."""

    park_id: Series[str]
    indicator_id: Series[str]
    year: Series[int] = pa.Field(ge=YEAR_MIN)  # the series' first year: a cross-check with defaults.csv
    value: Series[float] = pa.Field(nullable=False)
    provenance: Series[str] = pa.Field(isin=_values(Provenance))
    source_url: Series[str] = pa.Field(nullable=True, str_matches=r"^https?://")
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        unique = ["park_id", "indicator_id", "year"]  # noqa: RUF012 - pandera reads a list here

    @pa.check("year", name=YEAR_CHECK)
    def _up_to_next_year(cls, year: Series[int]) -> Series[bool]:
        """Checked against the date of the check, so a running server accepts the new year on 1 January."""
        return year <= next_year()  # type: ignore[return-value]


class FirmSchema(_Base):
    """data/symbiosis/firms.csv — tenant firms and outside partners of the parks."""

    firm_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    park_id: Series[str]
    name_vi: Series[str] = pa.Field(str_length={"min_value": 2})
    name_en: Series[str] = pa.Field(str_length={"min_value": 2})
    sector: Series[str]
    is_named_in_source: Series[str] = pa.Field(isin=BOOL_TEXT)
    is_external: Series[str] = pa.Field(isin=BOOL_TEXT)
    lat: Series[float] = pa.Field(ge=LAT_MIN, le=LAT_MAX)
    lon: Series[float] = pa.Field(ge=LON_MIN, le=LON_MAX)
    location_provenance: Series[str] = pa.Field(isin=_values(Provenance))
    source_url: Series[str] = pa.Field(nullable=True, str_matches=r"^https?://")
    notes: Series[str] = pa.Field(nullable=True)


class LinkSchema(_Base):
    """data/symbiosis/links.csv — one row a symbiosis link between two firms of one park."""

    link_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    park_id: Series[str]
    from_firm_id: Series[str]
    to_firm_id: Series[str]
    resource: Series[str] = pa.Field(isin=_values(Resource))
    description_vi: Series[str]
    description_en: Series[str]
    status: Series[str] = pa.Field(isin=_values(LinkStatus))
    counts_as_symbiosis: Series[str] = pa.Field(isin=BOOL_TEXT)  # Circular 05/2025 Art. 2(1); False = cooperation
    year_identified: Series[int] = pa.Field(ge=2000, le=2030)
    year_operating_start: Series[pd.Int64Dtype] = pa.Field(ge=2000, le=2030, nullable=True)
    year_status_changed: Series[int] = pa.Field(ge=2000, le=2030)
    quantity: Series[float] = pa.Field(ge=0, nullable=True)
    quantity_unit: Series[str] = pa.Field(nullable=True)
    co2_t_per_year: Series[float] = pa.Field(ge=0, nullable=True)
    water_m3_per_year: Series[float] = pa.Field(ge=0, nullable=True)
    energy_mwh_per_year: Series[float] = pa.Field(ge=0, nullable=True)
    money_usd_per_year: Series[float] = pa.Field(ge=0, nullable=True)
    provenance: Series[str] = pa.Field(isin=_values(Provenance))
    illustrative_fields: Series[str] = pa.Field(nullable=True, str_matches=r"^[a-z_]+(;[a-z_]+)*$")
    source_url: Series[str] = pa.Field(nullable=True, str_matches=r"^https?://")
    reference_case: Series[str] = pa.Field(nullable=True)
    notes: Series[str] = pa.Field(nullable=True)


class CoverageSchema(_Base):
    """data/parks/coverage.csv — how many parks public sources list per province, to say what the dataset covers."""

    province_code: Series[str] = pa.Field(str_matches=r"^\d{2}$", unique=True)
    parks_in_sources: Series[int] = pa.Field(ge=0)
    approximate: Series[str] = pa.Field(isin=BOOL_TEXT)
    as_of: Series[str] = pa.Field(str_matches=r"^\d{4}-\d{2}-\d{2}$")
    source_url: Series[str] = pa.Field(str_matches=r"^https?://")
    note: Series[str] = pa.Field(nullable=True)


class ProgrammeTotalSchema(_Base):
    """data/programme/totals.csv — programme-level figures as a source reports them (never split per park here)."""

    total_id: Series[str] = pa.Field(str_matches=r"^[a-z0-9-]+$", unique=True)
    label_vi: Series[str] = pa.Field(str_length={"min_value": 2})
    label_en: Series[str] = pa.Field(str_length={"min_value": 2})
    value: Series[float] = pa.Field(ge=0)
    unit_vi: Series[str] = pa.Field(nullable=True)
    unit_en: Series[str] = pa.Field(nullable=True)
    indicator_id: Series[str] = pa.Field(nullable=True)  # the indicator whose per-park values split this total
    provenance: Series[str] = pa.Field(isin=[Provenance.REPORTED.value])  # a programme total is reported, or absent
    source_url: Series[str] = pa.Field(str_matches=r"^https?://")
    note: Series[str] = pa.Field(nullable=True)


class DefaultsSchema(_Base):
    """data/indicators/defaults.csv — the one view a screen opens on when its address names nothing."""

    indicator_id: Series[str] = pa.Field(str_length={"min_value": 1})
    year: Series[int] = pa.Field(ge=YEAR_MIN, le=YEAR_MAX)
    first_year: Series[int] = pa.Field(ge=YEAR_MIN, le=YEAR_MAX)
    reason: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(error="year ≥ first_year (the opening year lies in the series)")
    def year_in_series(cls, frame: pd.DataFrame) -> pd.Series:
        """The opening year is not before the series' first year."""
        return frame["year"] >= frame["first_year"]

    @pa.dataframe_check(error="exactly one row")
    def one_row(cls, frame: pd.DataFrame) -> bool:
        """One opening view, not a choice of several."""
        return len(frame) == 1


# Columns a later version added, with what a table written before them means (a stored release, an old data
# folder, an upload from an old template): read as if the column held that value, so nothing older breaks.
ADDED_COLUMNS: dict[str, dict[str, str | None]] = {
    "symbiosis/links.csv": {"counts_as_symbiosis": "True", "illustrative_fields": None},
    "indicators/catalogue.csv": {"in_force_until": None},
}


def with_added_columns(frame: pd.DataFrame, rel: str) -> pd.DataFrame:
    """``frame`` with every column added since it was written, at its default (see ``ADDED_COLUMNS``)."""
    missing = {c: d for c, d in ADDED_COLUMNS.get(rel, {}).items() if c not in frame.columns}
    if not missing:
        return frame
    out = frame.copy()
    for column, default in missing.items():
        out[column] = pd.Series([default] * len(out), index=out.index, dtype=object)
    return out


# file name (relative to the data directory) → schema
class ExchangeSchema(_Base):
    """data/symbiosis/exchanges.csv — resource exchanges by sector from published cases (the opportunity finder's)."""

    exchange_id: Series[str] = pa.Field(str_matches=ID_PATTERN, unique=True)
    from_sector: Series[str] = pa.Field(str_length={"min_value": 1})  # a firm sector, or * for any tenant
    to_sector: Series[str] = pa.Field(str_length={"min_value": 1})
    resource: Series[str] = pa.Field(isin=_values(Resource))
    stream_vi: Series[str] = pa.Field(str_length={"min_value": 3})
    stream_en: Series[str] = pa.Field(str_length={"min_value": 3})
    benefits: Series[str] = pa.Field(str_matches=rf"^({'|'.join(_values(Benefit))})(;({'|'.join(_values(Benefit))}))*$")
    source_url: Series[str] = pa.Field(str_matches=r"^https?://")  # every exchange cites where it was done or studied
    source_note: Series[str]


class FilesSchema(_Base):
    """data/files.csv — every file of the data folder with its source and licence (the about page's inventory)."""

    file: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z0-9_/.-]+\.(csv|geojson)$")
    source_vi: Series[str]
    source_en: Series[str]
    licence_vi: Series[str]
    licence_en: Series[str]


FILES_FILE = "files.csv"
CSV_SCHEMAS: dict[str, type[_Base]] = {
    "geo/province_merge_2025.csv": ProvinceMergeSchema,
    "parks/coverage.csv": CoverageSchema,
    "parks/parks.csv": ParkSchema,
    "indicators/catalogue.csv": CatalogueSchema,
    "indicators/values.csv": ValueSchema,
    "symbiosis/firms.csv": FirmSchema,
    "symbiosis/links.csv": LinkSchema,
    "programme/totals.csv": ProgrammeTotalSchema,
    "indicators/defaults.csv": DefaultsSchema,
    "symbiosis/exchanges.csv": ExchangeSchema,
    FILES_FILE: FilesSchema,
}
PROVINCES_FILE = "geo/provinces_2025.geojson"
PROVINCE_COLUMNS = ("province_code", "name_vi", "full_name_vi", "name_en", "former_provinces", "is_pilot", "source")
FORMER_PROVINCES_FILE = "geo/provinces_pre2025_pilot.geojson"
BACKGROUND_FILE = "geo/background_countries.geojson"
ARCHIPELAGOS_FILE = "geo/archipelagos.geojson"
