"""Tables show numbers in the chosen language's format and keep the numbers underneath."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from eipmap.display.tables import localised


def shown(frame: pd.DataFrame, lang: str, plain: tuple[str, ...] = ()) -> list[list[str]]:
    """The cells as displayed (header row dropped), read through the Styler's own text output."""
    text = localised(frame, lang, plain).hide(axis="index").to_string(delimiter="|")
    return [line.split("|") for line in text.strip().splitlines()[1:]]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["Hòa Khánh", "=cmd"],
            "value": [1234.5, math.nan],
            "parks": pd.array([1200, 3], dtype="int64"),
            "year": pd.array([2024, 2019], dtype="int64"),
            "ok": [True, False],
        }
    )


def test_vietnamese_uses_comma_decimals_and_dot_thousands(frame: pd.DataFrame) -> None:
    rows = shown(frame, "vi", plain=("year",))
    assert rows[0] == ["Hòa Khánh", "1.234,5", "1.200", "2024", "True"]
    assert rows[1][1] == "–"  # missing stays visibly missing, never 0


def test_english_uses_dot_decimals_and_comma_thousands(frame: pd.DataFrame) -> None:
    rows = shown(frame, "en", plain=("year",))
    assert rows[0][1:4] == ["1,234.5", "1,200", "2024"]


def test_years_are_grouped_unless_declared_plain(frame: pd.DataFrame) -> None:
    assert shown(frame, "vi")[0][3] == "2.024"


def test_values_underneath_stay_numbers(frame: pd.DataFrame) -> None:
    styler = localised(frame, "vi")
    assert styler.data["value"].iloc[0] == pytest.approx(1234.5)
    assert styler.data is frame


def test_a_table_of_text_skips_the_styler() -> None:
    """Nothing to format: the frame itself goes to Streamlit (a Styler would cost a run ≈ 25 ms for nothing)."""
    text = pd.DataFrame({"field": ["Tỉnh", "Diện tích"], "value": ["Đà Nẵng", "không có trong nguồn"]})
    assert localised(text, "vi") is text
    assert not isinstance(localised(pd.DataFrame({"n": [1]}), "vi"), pd.DataFrame)  # a number: formatted
