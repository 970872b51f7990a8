"""Colours and legend of the indicator overlay; no data is drawn as no data, never as zero."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from eipmap.display.overlay import ATTAINMENT_BINS, NO_DATA_COLOUR, SEQUENTIAL, YES_NO, build_overlay, classify
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Direction, Indicator, Unit
from tests.conftest import make_indicator

RED, AMBER, GREEN = (c for _, c in ATTAINMENT_BINS)


def values_frame(rows: list[tuple[str, float]], ind: str = "X", year: int = 2024) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "park_id": p,
                "indicator_id": ind,
                "year": year,
                "value": v,
                "provenance": "illustrative",
                "source_url": None,
                "note": None,
            }
            for p, v in rows
        ]
    )


def indicator(unit: Unit = Unit.PERCENT, target: float = 20.0, direction: Direction = Direction.HIGHER) -> Indicator:
    return make_indicator(direction, target, unit)


def test_attainment_colours_for_known_values() -> None:
    vals = values_frame([("a", 5.0), ("b", 15.0), ("c", 20.0), ("d", 0.0)])
    ov = build_overlay(vals, pd.Index(["a", "b", "c", "d", "e"]), indicator(), 2024, "en")
    assert ov.scheme == "attainment"
    assert ov.table["colour"].to_dict() == {"a": RED, "b": AMBER, "c": GREEN, "d": RED, "e": NO_DATA_COLOUR}


def test_missing_park_is_no_data_not_zero() -> None:
    vals = values_frame([("a", 0.0)])
    ov = build_overlay(vals, pd.Index(["a", "b"]), indicator(), 2024, "en")
    assert ov.table.loc["a", "colour"] == RED
    assert ov.table.loc["b", "colour"] == NO_DATA_COLOUR
    assert math.isnan(ov.table.loc["b", "value"])
    assert ov.legend[-1].is_no_data and ov.legend[-1].label == "No data"


def test_other_year_is_not_used() -> None:
    vals = values_frame([("a", 30.0)], year=2023)
    ov = build_overlay(vals, pd.Index(["a"]), indicator(), 2024, "en")
    assert ov.table.loc["a", "colour"] == NO_DATA_COLOUR


def test_yes_no_without_target() -> None:
    vals = values_frame([("a", 1.0), ("b", 0.0)])
    ov = build_overlay(vals, pd.Index(["a", "b", "c"]), indicator(Unit.BOOLEAN, math.nan), 2024, "vi")
    assert ov.scheme == "yes_no"
    assert ov.table["colour"].tolist() == [YES_NO[1.0], YES_NO[0.0], NO_DATA_COLOUR]
    assert [e.label for e in ov.legend] == ["Có", "Không", "Không có số liệu"]


def test_classed_scale_darker_is_better_and_reversed_for_lower() -> None:
    s = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, math.nan], index=list("abcdef"))
    higher, legend = classify(s, Direction.HIGHER, "en")
    lower, _ = classify(s, Direction.LOWER, "en")
    assert higher["e"] == SEQUENTIAL[-1] and higher["a"] == SEQUENTIAL[0]
    assert lower["a"] == SEQUENTIAL[-1] and lower["e"] == SEQUENTIAL[0]
    assert higher["f"] == NO_DATA_COLOUR
    assert len(legend) == 5


def test_legend_numbers_use_the_language_separators() -> None:
    s = pd.Series([1000.5, 2000.0, 3000.0, 4000.0, 12345.6])
    _, vi = classify(s, Direction.HIGHER, "vi")
    _, en = classify(s, Direction.HIGHER, "en")
    assert "12.345,6" in vi[0].label
    assert "12,345.6" in en[0].label


def test_shipped_overlay_has_some_no_data(dataset: Dataset) -> None:
    ind = dataset.indicators["D35-37.2c"]
    ov = build_overlay(dataset.values, dataset.parks["park_id"], ind, 2024, "vi")
    assert (ov.table["colour"] == NO_DATA_COLOUR).sum() > 0
    assert (ov.table["colour"] != NO_DATA_COLOUR).sum() > 20


@pytest.mark.parametrize(
    "numbers",
    [[1, 1, 1, 1, 2, 3, 10], [0.5, 7.25, 7.25, 100, 3, 3, 3, 42, 0], list(range(1, 72)), [5, 6]],
)
def test_every_value_lies_in_the_legend_range_of_its_colour(numbers: list[float]) -> None:
    s = pd.Series(numbers, dtype=float)
    colours, legend = classify(s, Direction.HIGHER, "en")
    ranges = {e.colour: tuple(float(x.replace(",", "")) for x in e.label.split(" – ")) for e in legend}
    assert len(ranges) == len(legend)  # one colour per class
    for value, colour in zip(s, colours, strict=True):
        lo, hi = ranges[colour]
        assert lo <= value <= hi
    # classes go up with the values: the largest value is in the darkest class
    assert colours[s.idxmax()] == SEQUENTIAL[-1]
