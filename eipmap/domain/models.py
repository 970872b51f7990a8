"""Domain vocabulary: enumerations and frozen records shared by every module."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum


class Category(StrEnum):
    """Indicator categories of the International EIP Framework, plus overall scores."""

    PARK_MANAGEMENT = "park_management"
    ENVIRONMENTAL = "environmental"
    SOCIAL = "social"
    ECONOMIC = "economic"
    OVERALL = "overall"


class IndicatorKind(StrEnum):
    """What a catalogue row is: a legal criterion, a KPI, a category score or context."""

    CRITERION = "criterion"
    KPI = "kpi"
    CATEGORY_SCORE = "category_score"
    REFERENCE = "reference"


class Direction(StrEnum):
    """Which way is better."""

    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"


class TargetKind(StrEnum):
    """What a target is: a legal minimum, a benchmark (never a target), the project's reading of a text, or none."""

    LEGAL_MINIMUM = "legal_minimum"
    PROGRAMME_BENCHMARK = "programme_benchmark"
    INTERPRETATION = "interpretation"
    NONE = "none"


class Unit(StrEnum):
    """Units of indicator values; each has a valid range (``UNIT_RANGES``)."""

    PERCENT = "percent"
    BOOLEAN = "boolean"
    COUNT = "count"
    MWH_PER_YEAR = "mwh_per_year"
    T_CO2E_PER_YEAR = "t_co2e_per_year"
    M3_PER_YEAR = "m3_per_year"
    M3_PER_DAY = "m3_per_day"
    M3_PER_HA_DAY = "m3_per_ha_day"
    PERSONS = "persons"
    NONE = "none"


UNIT_RANGES: dict[Unit, tuple[float, float]] = {
    Unit.PERCENT: (0.0, 100.0),
    Unit.BOOLEAN: (0.0, 1.0),
    Unit.COUNT: (0.0, 10_000.0),
    Unit.MWH_PER_YEAR: (0.0, 10_000_000.0),
    Unit.T_CO2E_PER_YEAR: (0.0, 10_000_000.0),
    Unit.M3_PER_YEAR: (0.0, 1_000_000_000.0),
    Unit.M3_PER_DAY: (0.0, 1_000_000.0),
    Unit.M3_PER_HA_DAY: (0.0, 1_000.0),
    Unit.PERSONS: (0.0, 1_000_000.0),
    Unit.NONE: (0.0, 0.0),
}
INTEGER_UNITS = frozenset({Unit.BOOLEAN, Unit.COUNT, Unit.PERSONS})


class Provenance(StrEnum):
    """Where a figure comes from. Only ``reported`` figures are stated by a source."""

    REPORTED = "reported"
    ESTIMATED = "estimated"
    ILLUSTRATIVE = "illustrative"


class Resource(StrEnum):
    """Symbiosis resource types (Circular 05/2025/TT-BKHĐT Art. 2(1))."""

    WATER = "water"
    ENERGY = "energy"
    MATERIAL = "material"
    WASTE = "waste"
    SHARED_INFRASTRUCTURE = "shared_infrastructure"
    SERVICE = "service"
    UNSPECIFIED = "unspecified"


class Benefit(StrEnum):
    """What a resource exchange would count for (data/symbiosis/exchanges.csv)."""

    WATER_REUSE = "water_reuse"  # treated wastewater reused
    CO2 = "co2"  # CO₂ captured or fuel replaced
    ENERGY = "energy"  # heat, steam or fuel recovered
    MATERIAL = "material"  # a by-product or scrap replaces a raw material


class LinkStatus(StrEnum):
    """Life cycle of a symbiosis link."""

    IDENTIFIED = "identified"
    FEASIBILITY = "feasibility"
    OPERATING = "operating"
    DISCONTINUED = "discontinued"
    NOT_FEASIBLE = "not_feasible"


class LinkGroup(StrEnum):
    """The three counts users ask for: operating, potential, no longer feasible."""

    OPERATING = "operating"
    POTENTIAL = "potential"
    ENDED = "ended"


LINK_GROUP: dict[LinkStatus, LinkGroup] = {
    LinkStatus.OPERATING: LinkGroup.OPERATING,
    LinkStatus.IDENTIFIED: LinkGroup.POTENTIAL,
    LinkStatus.FEASIBILITY: LinkGroup.POTENTIAL,
    LinkStatus.DISCONTINUED: LinkGroup.ENDED,
    LinkStatus.NOT_FEASIBLE: LinkGroup.ENDED,
}


class ParkStatus(StrEnum):
    """Development stage of a park."""

    OPERATING = "operating"
    UNDER_CONSTRUCTION = "under_construction"
    PLANNED = "planned"
    CONVERTING = "converting"
    ESTABLISHED = "established"  # a source lists it as established; whether it operates is not known


class LocationAccuracy(StrEnum):
    """Whether a park's point was verified or estimated."""

    APPROXIMATE = "approximate"
    WARD_CENTRE = "ward_centre"  # the centre of the ward or commune its source names: no closer than that ward's size
    VERIFIED = "verified"
    UNKNOWN = "unknown"  # no source places the park yet: listed, counted, never drawn


def next_year(today: date | None = None) -> int:
    """The last year a value may carry: next year (a plan or target set ahead), as of ``today``."""
    return (today or date.today()).year + 1


def year_span(years: Iterable[int], first: int) -> range:
    """The years a screen shows: ``first`` (the series' first year, from the data) up to the newest with data."""
    newest = max((int(y) for y in years), default=first)
    return range(first, max(newest, first) + 1)


PILOT_PROVINCE_CODES = ("31", "48", "92", "75", "79")
VIET_NAM_BOUNDS = ((8.0, 102.0), (23.5, 110.0))  # (lat, lon) of the mainland and near islands


@dataclass(frozen=True)
class ReleaseStamp:
    """Which data a screen or an export shows: the release number and the day it was published.

    Number 0 is the data folder read directly (tests, scripts): not a published release.
    """

    number: int = 0
    published: date | None = None

    @property
    def slug(self) -> str:
        """For file names: ``r3-2026-12-02``; ``files`` for the data folder itself."""
        if self.number == 0 or self.published is None:
            return "files"
        return f"r{self.number}-{self.published.isoformat()}"


@dataclass(frozen=True)
class Indicator:
    """One catalogue row, typed."""

    indicator_id: str
    kind: IndicatorKind
    category: Category
    name_vi: str
    name_en: str
    unit: Unit
    direction: Direction
    target: float
    target_kind: TargetKind
    is_superseded: bool
    legal_reference: str
    framework: str
    source_url: str
    in_force_until: date | None = None  # the last day a superseded text applied

    @property
    def has_target(self) -> bool:
        """True when the indicator has a numeric threshold of any kind (in some year)."""
        return self.target_kind is not TargetKind.NONE and not math.isnan(self.target)

    def applies_in(self, year: int) -> bool:
        """Whether the threshold holds for ``year``: a superseded one only for years that ended before it lapsed."""
        return self.has_target and (self.in_force_until is None or year < self.in_force_until.year)

    def as_of(self, year: int) -> Indicator:
        """The row as it stands in ``year``: a lapsed threshold is no target (never colours, never counts)."""
        if self.applies_in(year) or not self.has_target:
            return self
        return replace(self, target=math.nan, target_kind=TargetKind.NONE)

    def name(self, lang: str) -> str:
        """The name in ``lang`` (``vi`` or ``en``)."""
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class Release:
    """One published release (its metadata; the tables are read with ``Store.files``)."""

    release_id: int
    created_at: datetime
    author: str
    kind: str
    file_name: str | None
    sha256: str | None
    note: str | None
    based_on: int | None
    summary: str | None
