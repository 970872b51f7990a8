"""Each validation rule, proven by a deliberately broken copy of the shipped data.

Every case breaks one cell (or file) and asserts that load_dataset raises the one
error type, naming the file, the row and the column, and saying what was expected.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from eipmap.config import REPO_DIR
from eipmap.domain.errors import DataValidationError, Failure
from eipmap.domain.models import next_year
from eipmap.ingest.loading import load_dataset

Mutation = Callable[[pd.DataFrame], pd.DataFrame]
NEXT_YEAR = next_year()  # the last year a value may carry


def set_cell(row: int, column: str, value: str) -> Mutation:
    """Set one cell (row is 0-based in the frame, i.e. data row row+1)."""

    def apply(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = value
        return frame

    return apply


def duplicate_row(row: int) -> Mutation:
    def apply(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([frame, frame.iloc[[row]]], ignore_index=True)

    return apply


def drop_column(column: str) -> Mutation:
    return lambda frame: frame.drop(columns=[column])


def add_column(column: str) -> Mutation:
    def apply(frame: pd.DataFrame) -> pd.DataFrame:
        frame[column] = "x"
        return frame

    return apply


def row_of(rel: str, column: str, value: str) -> int:
    """0-based index of the first row of a shipped file where column == value."""
    frame = pd.read_csv((REPO_DIR / "data") / rel, dtype=str, keep_default_na=False)
    return int(frame.index[frame[column] == value][0])


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    mutate: Mutation
    row: int | None  # expected 1-based data row in the error (None = file-level)
    column: str | None
    expected: str  # substring of the failure's "expected" text


PARKS = "parks/parks.csv"
VALUES = "indicators/values.csv"
LINKS = "symbiosis/links.csv"
FIRMS = "symbiosis/firms.csv"
CATALOGUE = "indicators/catalogue.csv"
HK = row_of(PARKS, "park_id", "hoa-khanh")
TN_LINK = row_of(LINKS, "link_id", "IS-TN-01")
OP_LINK = row_of(LINKS, "link_id", "IS-HK-01")
REFERENCE_ROW = row_of(CATALOGUE, "indicator_id", "IEF-01")
LEGAL_ROW = row_of(CATALOGUE, "indicator_id", "D35-37.2c")
COUNT_VALUE = int(pd.read_csv((REPO_DIR / "data") / VALUES).query("indicator_id == 'D35-37.2b'").index[0])
REPORTED_VALUE = int(pd.read_csv((REPO_DIR / "data") / VALUES).query("provenance == 'reported'").index[0])
PERCENT_VALUE = int(pd.read_csv((REPO_DIR / "data") / VALUES).query("indicator_id == 'D35-37.2c'").index[0])

CASES = [
    Case("duplicate park id", PARKS, set_cell(1, "park_id", "amata-bien-hoa"), 2, "park_id", "unique"),
    Case("latitude outside Viet Nam", PARKS, set_cell(HK, "lat", "45.2"), HK + 1, "lat", "≤ 23.5"),
    Case("longitude outside Viet Nam", PARKS, set_cell(HK, "lon", "120.5"), HK + 1, "lon", "≤ 110"),
    Case("unknown province", PARKS, set_cell(HK, "province_code", "99"), HK + 1, "province_code", "existing province"),
    Case(
        "former province of another province",
        PARKS,
        set_cell(HK, "former_province", "Bình Dương"),
        HK + 1,
        "former_province",
        "merged into",
    ),
    Case(
        "unknown former province",
        PARKS,
        set_cell(HK, "former_province", "Atlantis"),
        HK + 1,
        "former_province",
        "pre-2025 province",
    ),
    Case("park status not allowed", PARKS, set_cell(HK, "status", "closed"), HK + 1, "status", "one of"),
    Case(
        "boolean that is not True/False",
        PARKS,
        set_cell(HK, "is_demonstration", "yes"),
        HK + 1,
        "is_demonstration",
        "one of",
    ),
    Case(
        "year that is not a number",
        PARKS,
        set_cell(0, "established_year", "nineteen"),
        None,
        "established_year",
        "type",
    ),
    Case(
        "text not NFC",
        PARKS,
        set_cell(HK, "name_vi", unicodedata.normalize("NFD", "KCN Hòa Khánh")),
        HK + 1,
        "name_vi",
        "NFC",
    ),
    Case("missing column", PARKS, drop_column("lat"), None, "lat", "present"),
    Case("unknown column", PARKS, add_column("colour"), None, "colour", "no such column"),
    Case("value of unknown indicator", VALUES, set_cell(0, "indicator_id", "KPI-99"), 1, "indicator_id", "catalogue"),
    Case("value of unknown park", VALUES, set_cell(0, "park_id", "atlantis"), 1, "park_id", "park_id of parks"),
    Case("year out of range", VALUES, set_cell(0, "year", str(NEXT_YEAR + 1)), 1, "year", f"≤ {NEXT_YEAR} (next year)"),
    Case(
        "percent above 100",
        VALUES,
        set_cell(PERCENT_VALUE, "value", "140"),
        PERCENT_VALUE + 1,
        "value",
        "0 to 100 (percent)",
    ),
    Case(
        "fractional link count", VALUES, set_cell(COUNT_VALUE, "value", "1.5"), COUNT_VALUE + 1, "value", "whole number"
    ),
    Case(
        "reported value without source",
        VALUES,
        set_cell(REPORTED_VALUE, "source_url", ""),
        REPORTED_VALUE + 1,
        "source_url",
        "source URL",
    ),
    Case("provenance not allowed", VALUES, set_cell(0, "provenance", "guessed"), 1, "provenance", "one of"),
    Case("empty value", VALUES, set_cell(0, "value", ""), 1, "value", "empty"),
    Case("duplicate park-indicator-year", VALUES, duplicate_row(0), None, None, "unique combination"),
    Case(
        "value for a context-only row",
        VALUES,
        set_cell(0, "indicator_id", "IEF-01"),
        1,
        "indicator_id",
        "scored indicator",
    ),
    Case(
        "link from unknown firm",
        LINKS,
        set_cell(TN_LINK, "from_firm_id", "ghost"),
        TN_LINK + 1,
        "from_firm_id",
        "firm_id of symbiosis/firms.csv",
    ),
    Case(
        "link to a firm of another park",
        LINKS,
        set_cell(TN_LINK, "to_firm_id", "am-wwtp"),
        TN_LINK + 1,
        "to_firm_id",
        "own park",
    ),
    Case("link to itself", LINKS, set_cell(TN_LINK, "to_firm_id", "tn-wwtp"), TN_LINK + 1, "to_firm_id", "other than"),
    Case("link status not allowed", LINKS, set_cell(TN_LINK, "status", "maybe"), TN_LINK + 1, "status", "one of"),
    Case("resource not allowed", LINKS, set_cell(TN_LINK, "resource", "gold"), TN_LINK + 1, "resource", "one of"),
    Case(
        "operating link without start year",
        LINKS,
        set_cell(OP_LINK, "year_operating_start", ""),
        OP_LINK + 1,
        "year_operating_start",
        "operates",
    ),
    Case(
        "status change before identification",
        LINKS,
        set_cell(TN_LINK, "year_status_changed", "2010"),
        TN_LINK + 1,
        "year_status_changed",
        "not before",
    ),
    Case("firm far outside its park", FIRMS, set_cell(0, "lat", "11.6"), 1, "lat", "within 3 km"),
    Case(
        "legal threshold without a number",
        CATALOGUE,
        set_cell(LEGAL_ROW, "target", ""),
        LEGAL_ROW + 1,
        "target",
        "a number",
    ),
    Case(
        "reference row with a unit",
        CATALOGUE,
        set_cell(REFERENCE_ROW, "unit", "percent"),
        REFERENCE_ROW + 1,
        "unit",
        "'none'",
    ),
    Case("direction not allowed", CATALOGUE, set_cell(0, "direction", "up"), 1, "direction", "one of"),
    Case("value before the series' first year", VALUES, set_cell(0, "year", "2018"), 1, "year", "≥ 2019 (first_year"),
    Case("opening year before the series", "indicators/defaults.csv", set_cell(0, "year", "2010"), 1, None, "year ≥"),
]


def _break(data: Path, case: Case) -> None:
    path = data / case.file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    case.mutate(frame).to_csv(path, index=False)


def _failures(data: Path) -> list[Failure]:
    with pytest.raises(DataValidationError) as info:
        load_dataset(data)
    return info.value.failures


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_file_is_reported_with_file_row_and_column(data_copy: Path, case: Case) -> None:
    _break(data_copy, case)
    failures = _failures(data_copy)
    hits = [f for f in failures if f.file == case.file and case.expected in f.expected]
    assert hits, f"no failure in {case.file} expecting {case.expected!r}; got {[f.describe() for f in failures]}"
    if case.column is not None:
        hits = [f for f in hits if f.column == case.column]
        assert hits, f"no failure names column {case.column!r}"
    if case.row is not None:
        hits = [f for f in hits if f.row == case.row]
        assert hits, f"no failure names row {case.row}"
        assert f"row {case.row}" in hits[0].describe()


def test_every_failure_is_reported_at_once(data_copy: Path) -> None:
    for case in (CASES[1], CASES[15], CASES[25]):
        _break(data_copy, case)
    failures = _failures(data_copy)
    assert {PARKS, VALUES, LINKS} <= {f.file for f in failures}


def test_error_message_names_file_row_column_and_expectation(data_copy: Path) -> None:
    _break(data_copy, CASES[1])
    with pytest.raises(DataValidationError) as info:
        load_dataset(data_copy)
    message = str(info.value)
    assert f"parks/parks.csv, row {HK + 1} (line {HK + 2}), column 'lat': got '45.2'; expected" in message


def test_province_file_in_another_crs_is_rejected(data_copy: Path) -> None:
    path = data_copy / "geo" / "provinces_2025.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    failures = _failures(data_copy)
    assert any(f.file == "geo/provinces_2025.geojson" and "EPSG:4326" in f.expected for f in failures)


def test_province_file_with_a_missing_province_is_rejected(data_copy: Path) -> None:
    path = data_copy / "geo" / "provinces_2025.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"] = doc["features"][:-1]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    failures = _failures(data_copy)
    assert any("34 provinces" in f.expected for f in failures)


def test_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / LINKS).unlink()
    failures = _failures(data_copy)
    assert [f.describe() for f in failures if f.file == LINKS] == [f"{LINKS}: expected the file to exist"]


def test_validation_does_not_touch_the_files(data_copy: Path) -> None:
    _break(data_copy, CASES[1])
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    _failures(data_copy)
    assert before == {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
