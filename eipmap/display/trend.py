"""A park's trend of one indicator, described once: the server's Plotly chart and the map card's drawing read it.

The description has two parts. The *frame* is the same for every park of a layer (title, years, the threshold
line and its name, the marker of each provenance); a park's *series* is its values, their provenance and the
years without a value. ``eipmap.render.charts.trend_figure`` draws a frame and a series with Plotly in the
panel; the map's component (``eipmap/ui/park_map.js``) draws the same JSON (``frame_json``/``series_json``)
as a small SVG in its card the moment a park is clicked. Nothing about the trend is decided in either renderer:
which points, which marker, where the threshold runs and what it is called all come from here.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import pandas as pd

from eipmap.domain.models import Indicator, Provenance, TargetKind
from eipmap.i18n import fmt_date, fmt_number, t

LINE_COLOUR = "#1f3b73"
TARGET_COLOUR = "#c0392b"
MARKERS: dict[str, dict[str, object]] = {  # Plotly's marker for each provenance; hollow = illustrative
    Provenance.REPORTED.value: dict(symbol="circle", size=12, color="#1f3b73"),
    Provenance.ESTIMATED.value: dict(symbol="diamond", size=10, color="#5b7db8"),
    Provenance.ILLUSTRATIVE.value: dict(symbol="circle-open", size=9, color="#7a7a7a", line=dict(width=2)),
}
CODES = {p: p[0] for p in MARKERS}  # one letter per provenance in the browser's series ("r", "e", "i")
TITLE_WIDTH = 58
VALUE_DIGITS = 4  # significant digits sent to the browser: finer than its 60-pixel plot can show
TARGET_KEYS = {
    TargetKind.LEGAL_MINIMUM: "chart.legal_minimum",
    TargetKind.PROGRAMME_BENCHMARK: "chart.benchmark",
    TargetKind.INTERPRETATION: "chart.interpretation",
}


@dataclass(frozen=True)
class Threshold:
    """The threshold line: its value, its name in the legend and the years it spans (x from, x to)."""

    value: float
    name: str
    x0: float
    x1: float


@dataclass(frozen=True)
class TrendFrame:
    """What every park's trend of one indicator shares."""

    title: str  # the indicator's name and unit
    unit: str
    year_label: str
    years: tuple[int, ...]
    threshold: Threshold | None
    provenance_names: dict[str, str]  # provenance → its name in the language


@dataclass(frozen=True)
class TrendSeries:
    """One park's values over the frame's years (None where it has none), with their provenance."""

    values: tuple[float | None, ...]
    provenance: tuple[str | None, ...]
    missing_note: str | None  # "No data: 2019, 2020", or None when every year has a value

    def known(self, years: tuple[int, ...]) -> list[tuple[int, float, str]]:
        """(year, value, provenance) of the years with a value, in order."""
        return [(y, v, p or "") for y, v, p in zip(years, self.values, self.provenance, strict=True) if v is not None]


def unit_name(ind: Indicator, lang: str) -> str:
    """The indicator's unit in ``lang``."""
    return t(f"unit.{ind.unit.value}", lang)


def threshold_name(ind: Indicator, lang: str) -> str:
    """The threshold line's name: legal minimum, benchmark, the project's reading, or a former threshold."""
    value, unit = fmt_number(ind.target, lang), unit_name(ind, lang)
    if ind.in_force_until is not None:
        return t("chart.former", lang, date=fmt_date(ind.in_force_until, lang), value=value, unit=unit)
    return t(TARGET_KEYS[ind.target_kind], lang, value=value, unit=unit)


def threshold(ind: Indicator, lang: str, years: range) -> Threshold | None:
    """The line over the dataset's years, or only over those a lapsed text still covered."""
    covered = [y for y in years if ind.applies_in(y)]
    if not covered:
        return None
    x1 = years.stop - 0.7 if covered[-1] == years[-1] else covered[-1] + 0.3
    return Threshold(float(ind.target), threshold_name(ind, lang), covered[0] - 0.3, x1)


def trend_frame(ind: Indicator, lang: str, years: range) -> TrendFrame:
    """The shared part of every park's trend of ``ind``."""
    return TrendFrame(
        title=f"{ind.name(lang)} ({unit_name(ind, lang)})",
        unit=unit_name(ind, lang),
        year_label=t("chart.year", lang),
        years=tuple(years),
        threshold=threshold(ind, lang, years),
        provenance_names={p: t(f"provenance.{p}", lang) for p in MARKERS},
    )


def trend_series(rows: pd.DataFrame, years: tuple[int, ...], lang: str) -> TrendSeries:
    """A park's series from its rows of one indicator (columns year, value, provenance)."""
    by_year = rows.drop_duplicates("year", keep="last").set_index("year")
    values: list[float | None] = []
    provenance: list[str | None] = []
    for year in years:
        value = by_year["value"].get(year, math.nan)
        known = not pd.isna(value)
        values.append(float(value) if known else None)
        provenance.append(str(by_year["provenance"][year]) if known else None)
    missing = [str(y) for y, v in zip(years, values, strict=True) if v is None]
    note = t("chart.missing_years", lang, years=", ".join(missing)) if missing else None
    return TrendSeries(tuple(values), tuple(provenance), note)


def park_trend(
    values: pd.DataFrame, park_id: str, ind: Indicator, lang: str, years: range
) -> tuple[TrendFrame, TrendSeries]:
    """One park's trend of ``ind``: the frame and the park's series."""
    rows = values[(values["park_id"] == park_id) & (values["indicator_id"] == ind.indicator_id)]
    return trend_frame(ind, lang, years), trend_series(rows, tuple(years), lang)


def layer_series(values: pd.DataFrame, ind: Indicator, lang: str, years: range) -> dict[str, TrendSeries]:
    """Every park's series of ``ind`` that has at least one row (one pass over the values)."""
    rows = values[values["indicator_id"] == ind.indicator_id]
    return {str(park): trend_series(own, tuple(years), lang) for park, own in rows.groupby("park_id", sort=False)}


def wrapped_title(frame: TrendFrame) -> list[str]:
    """The title on lines of at most ``TITLE_WIDTH`` characters."""
    return textwrap.wrap(frame.title, TITLE_WIDTH)


def _short(value: float) -> float:
    return float(f"{value:.{VALUE_DIGITS}g}")


def frame_json(frame: TrendFrame, lang: str) -> dict[str, object]:
    """The frame as the browser reads it, with each provenance's marker and name under its one-letter code."""
    threshold = frame.threshold
    return {
        "title": frame.title,
        "years": list(frame.years),
        "threshold": None if threshold is None else [threshold.value, threshold.name, threshold.x0, threshold.x1],
        "marks": {CODES[p]: {**MARKERS[p], "name": frame.provenance_names[p]} for p in MARKERS},
        "line": LINE_COLOUR,
        "target": TARGET_COLOUR,
        "no_data": t("legend.no_data", lang),
    }


def series_json(series: TrendSeries) -> dict[str, object]:
    """A park's series as the browser reads it: values, one provenance letter per year ('-' = none), the note."""
    out: dict[str, object] = {
        "v": [None if v is None else _short(v) for v in series.values],
        "p": "".join(CODES.get(p, "-") if p else "-" for p in series.provenance),
    }
    if series.missing_note:
        out["m"] = series.missing_note
    return out
