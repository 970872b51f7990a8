"""Rules that look at more than one column or more than one file.

Each check takes validated frames and returns a list of ``Failure``; none raises.
Rows are reported 1-based, the header not counted, as in ``schemas``.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import Any

import pandas as pd

from eipmap.domain.errors import Failure
from eipmap.domain.geo import km_between
from eipmap.domain.models import (
    INTEGER_UNITS,
    UNIT_RANGES,
    IndicatorKind,
    LinkStatus,
    LocationAccuracy,
    Provenance,
    TargetKind,
    Unit,
)

FIRM_MAX_KM = 3.0
PARTNER_MAX_KM = 25.0


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _row_failures(file: str, frame: pd.DataFrame, bad: pd.Series, column: str, expected: str) -> list[Failure]:
    """One failure per row where ``bad`` is true."""
    return [
        Failure(file, int(idx) + 1, column, _text(frame.at[idx, column]), expected)
        for idx in frame.index[bad.fillna(False).astype(bool)]
    ]


def not_nfc(file: str, frame: pd.DataFrame) -> list[Failure]:
    """Every text cell must be NFC-normalised (Vietnamese diacritics composed)."""
    out: list[Failure] = []
    for column in frame.columns:
        if frame[column].dtype != object and not pd.api.types.is_string_dtype(frame[column]):
            continue
        text = frame[column].astype("string")
        composed = text.map(lambda s: unicodedata.is_normalized("NFC", s) if isinstance(s, str) else True)
        bad = text.notna() & ~composed.astype(bool)  # is_normalized: a quick check, no normalised copy
        out += _row_failures(file, frame, bad, column, "NFC-normalised text (composed Vietnamese diacritics)")
    return out


def unknown_ids(file: str, frame: pd.DataFrame, column: str, known: Iterable[str], what: str) -> list[Failure]:
    """Each value of ``column`` must be one of ``known``."""
    known_set = set(known)
    return _row_failures(file, frame, ~frame[column].isin(known_set), column, f"an existing {what}")


def named_indicators(file: str, totals: pd.DataFrame | None, catalogue: pd.DataFrame) -> list[Failure]:
    """Each row names, if any, an indicator of the catalogue (a total's split indicator, the opening indicator)."""
    if totals is None:
        return []
    named = totals[totals["indicator_id"].notna()]
    return unknown_ids(
        file, named, "indicator_id", catalogue["indicator_id"], "indicator_id of indicators/catalogue.csv"
    )


def archipelago_frames(file: str, frame: pd.DataFrame) -> list[Failure]:
    """Each archipelago has its names, its province and a frame (south < north, west < east) around its point."""
    needed = ("id", "name_vi", "name_en", "province_vi", "frame_south", "frame_west", "frame_north", "frame_east")
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        return [Failure(file, None, c, "", "this property on every feature") for c in missing]
    out: list[Failure] = []
    s, w, n, e = (pd.to_numeric(frame[c], errors="coerce") for c in needed[4:])
    x, y = frame.geometry.x, frame.geometry.y  # type: ignore[attr-defined]
    expected = "a frame with south < north and west < east around the point"
    out += _row_failures(file, frame, ~(s < n), "frame_north", expected)
    out += _row_failures(file, frame, ~(w < e), "frame_east", expected)
    out += _row_failures(file, frame, ~(y.between(s, n) & x.between(w, e)), "geometry", expected)
    return out


def park_locations(file: str, parks: pd.DataFrame) -> list[Failure]:
    """A park has a point with its error exactly when its location accuracy is not 'unknown'."""
    unknown = parks["location_accuracy"] == LocationAccuracy.UNKNOWN.value
    out: list[Failure] = []
    for column in ("lat", "lon", "location_error_km"):
        out += _row_failures(
            file, parks, unknown & parks[column].notna(), column, "empty: location_accuracy is 'unknown'"
        )
        out += _row_failures(
            file, parks, ~unknown & parks[column].isna(), column, "a number, or location_accuracy 'unknown'"
        )
    return out


def park_provinces(file: str, parks: pd.DataFrame, merge: pd.DataFrame, province_codes: set[str]) -> list[Failure]:
    """The province exists, and the former province was merged into it."""
    out = unknown_ids(
        file, parks, "province_code", province_codes, "province code of 2025 (data/geo/provinces_2025.geojson)"
    )
    new_of: dict[str, str] = dict(zip(merge["old_name"], merge["new_code"], strict=True))
    for aliases, new in zip(merge["old_name_alias"].fillna(""), merge["new_code"], strict=True):
        new_of.update({alias.strip(): new for alias in str(aliases).split(";") if alias.strip()})
    target = parks["former_province"].map(new_of)
    out += _row_failures(
        file, parks, target.isna(), "former_province", "a pre-2025 province name or alias of province_merge_2025.csv"
    )
    mismatch = target.notna() & (target != parks["province_code"])
    out += _row_failures(
        file, parks, mismatch, "former_province", "a former province that was merged into the row's province_code"
    )
    return out


def catalogue_targets(file: str, catalogue: pd.DataFrame) -> list[Failure]:
    """A target is given exactly when the target kind is not 'none'; context rows carry no unit."""
    has_kind = catalogue["target_kind"] != TargetKind.NONE.value
    out = _row_failures(
        file, catalogue, has_kind & catalogue["target"].isna(), "target", "a number, because target_kind is not 'none'"
    )
    out += _row_failures(
        file, catalogue, ~has_kind & catalogue["target"].notna(), "target", "empty, because target_kind is 'none'"
    )
    reference = catalogue["kind"] == IndicatorKind.REFERENCE.value
    out += _row_failures(
        file, catalogue, reference & (catalogue["unit"] != Unit.NONE.value), "unit", "'none' for a reference row"
    )
    superseded = catalogue["is_superseded"].astype(str) == "True"
    dated = catalogue["in_force_until"].notna() & (catalogue["in_force_until"].astype(str) != "")
    out += _row_failures(
        file, catalogue, superseded != dated, "in_force_until", "the last day in force exactly when is_superseded"
    )
    return out


def value_ranges(file: str, values: pd.DataFrame, catalogue: pd.DataFrame) -> list[Failure]:
    """Values fit their indicator's unit; context rows take no values; reported values cite a source."""
    cat = catalogue.set_index("indicator_id")
    known = values["indicator_id"].isin(cat.index)
    out = _row_failures(file, values, ~known, "indicator_id", "an indicator_id of indicators/catalogue.csv")
    kind = values["indicator_id"].map(cat["kind"])
    out += _row_failures(
        file,
        values,
        known & (kind == IndicatorKind.REFERENCE.value),
        "indicator_id",
        "a scored indicator (this catalogue row is context only)",
    )
    units = values["indicator_id"].map(cat["unit"])
    for unit, (low, high) in UNIT_RANGES.items():
        rows = known & (units == unit.value)
        bad = rows & ((values["value"] < low) | (values["value"] > high))
        out += _row_failures(file, values, bad, "value", f"a value from {low:g} to {high:g} ({unit.value})")
        if unit in INTEGER_UNITS:
            frac = rows & values["value"].map(lambda v: not math.isclose(v, round(v)))
            out += _row_failures(file, values, frac, "value", f"a whole number ({unit.value})")
    reported = values["provenance"] == Provenance.REPORTED.value
    out += _row_failures(
        file, values, reported & values["source_url"].isna(), "source_url", "a source URL for a reported value"
    )
    return out


def values_from_first_year(file: str, values: pd.DataFrame, defaults: pd.DataFrame) -> list[Failure]:
    """No value before the series' first year (``first_year`` of indicators/defaults.csv, the GEIPP baseline)."""
    first = int(defaults["first_year"].iloc[0])
    return _row_failures(
        file, values, values["year"] < first, "year", f"a value ≥ {first} (first_year of indicators/defaults.csv)"
    )


def firms_in_parks(file: str, firms: pd.DataFrame, parks: pd.DataFrame) -> list[Failure]:
    """Firms belong to an existing park and lie within it (partners nearby)."""
    out = unknown_ids(file, firms, "park_id", parks["park_id"], "park_id of parks/parks.csv")
    where = parks.set_index("park_id")
    known = firms["park_id"].isin(where.index)
    dist = km_between(
        firms["lat"], firms["lon"], firms["park_id"].map(where["lat"]), firms["park_id"].map(where["lon"])
    )
    limit = firms["is_external"].map({True: PARTNER_MAX_KM, False: FIRM_MAX_KM})
    unplaced = known & firms["park_id"].map(where["lat"]).isna()
    out += _row_failures(file, firms, unplaced, "park_id", "a park with a location (firms are drawn around it)")
    out += _row_failures(
        file,
        firms,
        known & (dist > limit),
        "lat",
        f"a point within {FIRM_MAX_KM:g} km of the firm's park ({PARTNER_MAX_KM:g} km for outside partners)",
    )
    return out


def link_endpoints(file: str, links: pd.DataFrame, firms: pd.DataFrame, parks: pd.DataFrame) -> list[Failure]:
    """Both firms exist, differ, and belong to the link's park."""
    out = unknown_ids(file, links, "park_id", parks["park_id"], "park_id of parks/parks.csv")
    park_of = firms.set_index("firm_id")["park_id"]
    for end in ("from_firm_id", "to_firm_id"):
        owner = links[end].map(park_of)
        out += _row_failures(file, links, owner.isna(), end, "a firm_id of symbiosis/firms.csv")
        out += _row_failures(
            file, links, owner.notna() & (owner != links["park_id"]), end, "a firm of the link's own park"
        )
    out += _row_failures(
        file, links, links["from_firm_id"] == links["to_firm_id"], "to_firm_id", "a firm other than from_firm_id"
    )
    return out


def link_years(file: str, links: pd.DataFrame) -> list[Failure]:
    """Years in order; links that operate(d) say when they started; quantity has a unit; filled fields exist."""
    named = links["illustrative_fields"].fillna("").astype(str).str.split(";")
    unknown = named.map(lambda fields: any(f and f not in links.columns for f in fields))
    out = _row_failures(file, links, unknown, "illustrative_fields", "column names of this table, separated by ';'")
    out += _row_failures(
        file,
        links,
        links["year_status_changed"] < links["year_identified"],
        "year_status_changed",
        "a year not before year_identified",
    )
    ran = links["status"].isin([LinkStatus.OPERATING.value, LinkStatus.DISCONTINUED.value])
    out += _row_failures(
        file,
        links,
        ran & links["year_operating_start"].isna(),
        "year_operating_start",
        "a year for a link that operates or operated",
    )
    early = links["year_operating_start"].notna() & (links["year_operating_start"] < links["year_identified"])
    out += _row_failures(file, links, early, "year_operating_start", "a year not before year_identified")
    out += _row_failures(
        file,
        links,
        links["quantity"].notna() & links["quantity_unit"].isna(),
        "quantity_unit",
        "a unit for the quantity",
    )
    reported = links["provenance"] == Provenance.REPORTED.value
    out += _row_failures(
        file, links, reported & links["source_url"].isna(), "source_url", "a source URL for a reported link"
    )
    return out
