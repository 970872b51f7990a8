"""Read every data file, validate it once, and return typed objects.

This is the only module that opens data files. A bad file raises
``DataValidationError`` listing every failure (file, row, column, expected);
nothing downstream re-checks or coerces.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd
from pandera.errors import SchemaErrors

from eipmap.config import data_dir
from eipmap.domain.dataset import Dataset, indicators_from
from eipmap.domain.errors import DataValidationError, Failure
from eipmap.domain.models import (
    VIET_NAM_BOUNDS,
    next_year,
)
from eipmap.ingest import crosschecks as cc
from eipmap.ingest.schemas import (
    ARCHIPELAGOS_FILE,
    BACKGROUND_FILE,
    BOOL_COLUMNS,
    CSV_SCHEMAS,
    FILES_FILE,
    FORMER_PROVINCES_FILE,
    PROVINCE_COLUMNS,
    PROVINCES_FILE,
    YEAR_CHECK,
    with_added_columns,
)

EXPECTED_CRS = "EPSG:4326"
PROVINCE_COUNT = 34
# Provinces include Trường Sa, so their extent reaches further east than the mainland box.
PROVINCE_LON_MAX = 118.0


def _read_csv(source: Path | bytes, rel: str, failures: list[Failure]) -> pd.DataFrame | None:
    """All cells as text; empty cells become missing (never the string 'nan')."""
    try:
        handle = io.BytesIO(source) if isinstance(source, bytes) else source
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        failures.append(Failure(rel, None, None, "", "the file to exist"))
        return None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        failures.append(Failure(rel, None, None, "", f"a UTF-8 CSV file with a header row ({type(exc).__name__})"))
        return None
    return with_added_columns(frame.replace("", None), rel)


def _schema_failures(rel: str, err: SchemaErrors) -> list[Failure]:
    """Turn pandera's failure table into our records (row = data row, 1-based)."""
    out = []
    for case in err.failure_cases.to_dict("records"):
        index = case.get("index")
        row = None if index is None or pd.isna(index) else int(index) + 1
        check = str(case.get("check"))
        column = case.get("column")
        value = "" if case.get("failure_case") is None else str(case.get("failure_case"))
        if row is None and column is not None and value.startswith("TypeError("):
            continue  # a range check that could not run on a column of the wrong type: its cells are reported
        if check == "column_in_schema":
            out.append(Failure(rel, None, value, "", "no such column (the file has a column the schema does not know)"))
        elif check == "column_in_dataframe":
            out.append(Failure(rel, None, value, "", "this column to be present"))
        else:
            out.append(Failure(rel, row, None if column is None else str(column), value, _describe_check(check)))
    return out


def _describe_check(check: str) -> str:
    """Plain words for pandera's check names."""
    words = {
        "greater_than_or_equal_to": "a value ≥ ",
        "less_than_or_equal_to": "a value ≤ ",
        "greater_than": "a value > ",
        "isin": "one of ",
        "str_matches": "text matching ",
        "field_uniqueness": "a value unique in its column",
        "not_nullable": "a value (the cell is empty)",
        "coerce_dtype": "a value of type ",
        "str_length": "text of length ",
        "multiple_fields_uniqueness": "a unique combination of ",
    }
    if check == YEAR_CHECK:
        return f"a value ≤ {next_year()} (next year)"
    for name, text in words.items():
        if check.startswith(name):
            arg = check[len(name) :].strip("()")
            return text + arg if arg else text.strip()
    return check


def _validate_csv(source: Path | bytes, rel: str, failures: list[Failure]) -> pd.DataFrame | None:
    """Validate one CSV; on failure, record why and return None."""
    frame = _read_csv(source, rel, failures)
    if frame is None:
        return None
    try:
        valid = CSV_SCHEMAS[rel].validate(frame, lazy=True)
    except SchemaErrors as err:
        failures.extend(_schema_failures(rel, err))
        failures.extend(cc.not_nfc(rel, frame))
        return None
    failures.extend(cc.not_nfc(rel, valid))
    for col in BOOL_COLUMNS:
        if col in valid.columns:
            valid[col] = valid[col] == "True"
    return valid


def validate_table(content: bytes, rel: str) -> tuple[pd.DataFrame | None, list[Failure]]:
    """Validate one table given as CSV bytes against the schema of ``rel`` (used for uploads)."""
    failures: list[Failure] = []
    frame = _validate_csv(content, rel, failures)
    return (frame if not failures else None), failures


def _read_geo(root: Path, rel: str, failures: list[Failure]) -> gpd.GeoDataFrame | None:
    """Read a GeoJSON layer; its CRS must be EPSG:4326 and its geometries valid."""
    try:
        frame = gpd.read_file(root / rel)
    except Exception as exc:  # noqa: BLE001 - GDAL raises several unrelated types for unreadable files
        failures.append(Failure(rel, None, None, "", f"a readable GeoJSON file ({type(exc).__name__})"))
        return None
    if frame.crs is None or frame.crs.to_string() != EXPECTED_CRS:
        failures.append(Failure(rel, None, "geometry", str(frame.crs), f"CRS {EXPECTED_CRS}"))
    invalid = ~frame.geometry.is_valid
    failures.extend(Failure(rel, int(i) + 1, "geometry", "invalid", "a valid geometry") for i in frame.index[invalid])
    return frame


def _check_provinces(rel: str, provinces: gpd.GeoDataFrame) -> list[Failure]:
    missing = [c for c in PROVINCE_COLUMNS if c not in provinces.columns]
    if missing:
        return [Failure(rel, None, c, "", "this property on every feature") for c in missing]
    out = []
    if len(provinces) != PROVINCE_COUNT:
        out.append(
            Failure(rel, None, None, str(len(provinces)), f"{PROVINCE_COUNT} provinces (in force since 1 July 2025)")
        )
    dup = provinces["province_code"].duplicated(keep=False)
    out += [
        Failure(rel, int(i) + 1, "province_code", str(provinces.at[i, "province_code"]), "a unique code")
        for i in provinces.index[dup]
    ]
    (lat_min, lon_min), (lat_max, _) = VIET_NAM_BOUNDS
    minx, miny, maxx, maxy = provinces.total_bounds
    if minx < lon_min or miny < lat_min - 1.5 or maxy > lat_max or maxx > PROVINCE_LON_MAX:
        out.append(
            Failure(
                rel,
                None,
                "geometry",
                f"bounds {minx:.2f},{miny:.2f},{maxx:.2f},{maxy:.2f}",
                "coordinates within Viet Nam",
            )
        )
    out += cc.not_nfc(rel, pd.DataFrame(provinces.drop(columns="geometry")))
    return out


def _cross(frames: dict[str, pd.DataFrame | None], provinces: gpd.GeoDataFrame | None) -> list[Failure]:
    """Run each cross-file rule whose inputs passed their own schema."""
    merge, parks = frames["geo/province_merge_2025.csv"], frames["parks/parks.csv"]
    cat, values = frames["indicators/catalogue.csv"], frames["indicators/values.csv"]
    firms, links = frames["symbiosis/firms.csv"], frames["symbiosis/links.csv"]
    out: list[Failure] = []
    if parks is not None and merge is not None and provinces is not None and "province_code" in provinces:
        out += cc.park_provinces("parks/parks.csv", parks, merge, set(provinces["province_code"]))
    if parks is not None:
        out += cc.park_locations("parks/parks.csv", parks)
    coverage = frames["parks/coverage.csv"]
    if coverage is not None and provinces is not None and "province_code" in provinces:
        known = pd.Series(sorted(provinces["province_code"]))
        out += cc.unknown_ids("parks/coverage.csv", coverage, "province_code", known, "province_code of the provinces")
    if cat is not None:
        out += cc.named_indicators("programme/totals.csv", frames["programme/totals.csv"], cat)
        defaults = frames["indicators/defaults.csv"]
        if defaults is not None:
            known = cat["indicator_id"]
            out += cc.unknown_ids(
                "indicators/defaults.csv", defaults, "indicator_id", known, "indicator of the catalogue"
            )
        out += cc.catalogue_targets("indicators/catalogue.csv", cat)
    if values is not None and cat is not None:
        out += cc.value_ranges("indicators/values.csv", values, cat)
    if values is not None and frames["indicators/defaults.csv"] is not None:
        out += cc.values_from_first_year("indicators/values.csv", values, frames["indicators/defaults.csv"])
    if values is not None and parks is not None:
        out += cc.unknown_ids(
            "indicators/values.csv", values, "park_id", parks["park_id"], "park_id of parks/parks.csv"
        )
    if firms is not None and parks is not None:
        out += cc.firms_in_parks("symbiosis/firms.csv", firms, parks)
    if links is not None:
        out += cc.link_years("symbiosis/links.csv", links)
        if firms is not None and parks is not None:
            out += cc.link_endpoints("symbiosis/links.csv", links, firms, parks)
    return out


def _inventory(base: Path, files: pd.DataFrame) -> list[Failure]:
    """files.csv lists every data file of ``base`` (READMEs aside), and each file it lists exists."""
    present = {
        p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file() and p.suffix in {".csv", ".geojson"}
    }
    out = _inventory_rows(files, present)
    listed = set(files["file"])
    out += [Failure(FILES_FILE, None, "file", rel, "a row for every data file") for rel in sorted(present - listed)]
    return out


def _inventory_rows(files: pd.DataFrame, present: set[str]) -> list[Failure]:
    return [
        Failure(FILES_FILE, row, "file", str(rel), "a file of the data folder")
        for row, rel in enumerate(files["file"], start=1)
        if rel not in present
    ]


def _with_province_names(parks: pd.DataFrame, provinces: gpd.GeoDataFrame) -> pd.DataFrame:
    """Add the 2025 province's name in both languages (display columns, derived once here)."""
    names = provinces.set_index("province_code")[["name_vi", "name_en"]]
    out = parks.copy()
    out["province_name_vi"] = out["province_code"].map(names["name_vi"])
    out["province_name_en"] = out["province_code"].map(names["name_en"])
    return out


def _geo_layers(base: Path, failures: list[Failure]) -> dict[str, gpd.GeoDataFrame | None]:
    """The four GeoJSON layers, each validated on its own."""
    geo = {
        rel: _read_geo(base, rel, failures)
        for rel in (PROVINCES_FILE, FORMER_PROVINCES_FILE, BACKGROUND_FILE, ARCHIPELAGOS_FILE)
    }
    if geo[PROVINCES_FILE] is not None:
        failures += _check_provinces(PROVINCES_FILE, geo[PROVINCES_FILE])
    archipelagos = geo[ARCHIPELAGOS_FILE]
    if archipelagos is not None:
        failures += cc.archipelago_frames(ARCHIPELAGOS_FILE, archipelagos)
    return geo


def load_dataset(root: Path | None = None, overrides: Mapping[str, bytes] | None = None) -> Dataset:
    """Load and validate the whole dataset from ``root`` (default: the configured data directory).

    ``overrides`` maps a CSV's relative path to its content, read instead of the file (a
    published release's tables); the validation is the same either way.
    """
    base = root or data_dir()
    given = overrides or {}
    failures: list[Failure] = []
    frames = {rel: _validate_csv(given.get(rel, base / rel), rel, failures) for rel in CSV_SCHEMAS}
    geo = _geo_layers(base, failures)
    failures += _cross(frames, geo[PROVINCES_FILE])
    inventory = frames[FILES_FILE]
    if inventory is not None:
        failures += _inventory(base, inventory)
    if failures:
        raise DataValidationError(failures)
    parks = _with_province_names(frames["parks/parks.csv"], geo[PROVINCES_FILE])  # type: ignore[arg-type]
    return Dataset(
        provinces=geo[PROVINCES_FILE],  # type: ignore[arg-type]
        former_provinces=geo[FORMER_PROVINCES_FILE],  # type: ignore[arg-type]
        background=geo[BACKGROUND_FILE],  # type: ignore[arg-type]
        archipelagos=geo[ARCHIPELAGOS_FILE],  # type: ignore[arg-type]
        province_merge=frames["geo/province_merge_2025.csv"],  # type: ignore[arg-type]
        coverage=frames["parks/coverage.csv"],  # type: ignore[arg-type]
        parks=parks,
        catalogue=frames["indicators/catalogue.csv"],  # type: ignore[arg-type]
        values=frames["indicators/values.csv"],  # type: ignore[arg-type]
        firms=frames["symbiosis/firms.csv"],  # type: ignore[arg-type]
        links=frames["symbiosis/links.csv"],  # type: ignore[arg-type]
        programme=frames["programme/totals.csv"],  # type: ignore[arg-type]
        defaults=frames["indicators/defaults.csv"],  # type: ignore[arg-type]
        exchanges=frames["symbiosis/exchanges.csv"],  # type: ignore[arg-type]
        files=frames[FILES_FILE],  # type: ignore[arg-type]
    )


__all__ = ["DataValidationError", "Dataset", "indicators_from", "load_dataset", "validate_table"]
