"""The indicator overlay: one value per park for a chosen indicator and year, and its colour.

Colouring rule (the legend says which one applies):

* the indicator has a target → colour by attainment of it (red < 50 %, amber
  50–99 %, green ≥ 100 %);
* a yes/no indicator without target → yes / no;
* otherwise → a classed sequential scale (quantile classes by ``pandas.qcut``; mapclassify
  was measured at 3 s of import and ~100 MB of memory for this one call);
* no value for that park and year → "no data", drawn hollow, never as zero.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eipmap.analysis.scoring import attainment
from eipmap.domain.models import Direction, Indicator, TargetKind, Unit
from eipmap.i18n import fmt_date, fmt_number, t

NO_DATA_COLOUR = "#ffffff"
ATTAINMENT_BINS = ((50.0, "#d7301f"), (100.0, "#f59e0b"), (float("inf"), "#1a9850"))
SEQUENTIAL = ("#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b")
YES_NO = {1.0: "#1a9850", 0.0: "#d7301f"}
MAX_CLASSES = 5


@dataclass(frozen=True)
class LegendEntry:
    """One swatch of the legend."""

    colour: str
    label: str
    is_no_data: bool = False


@dataclass(frozen=True)
class Overlay:
    """Per-park values and colours for one indicator and year, plus the legend."""

    indicator: Indicator
    year: int
    table: pd.DataFrame  # index park_id; columns value, provenance, source_url, note, attainment, colour
    legend: tuple[LegendEntry, ...]
    scheme: str  # "attainment" (legal minimum) | "benchmark" | "interpretation" | "yes_no" | "classed"


def year_values(values: pd.DataFrame, indicator_id: str, year: int) -> pd.DataFrame:
    """Rows of one indicator and year, indexed by park_id."""
    rows = values[(values["indicator_id"] == indicator_id) & (values["year"] == year)]
    return rows.set_index("park_id")[["value", "provenance", "source_url", "note"]]


def _attainment_colours(att: pd.Series, lang: str, scheme: str) -> tuple[pd.Series, list[LegendEntry]]:
    """Three classes of attainment; a benchmark or an interpretation is named as such, never as a target."""
    colours = pd.Series(NO_DATA_COLOUR, index=att.index)
    for upper, colour in reversed(ATTAINMENT_BINS):
        colours[att < upper] = colour
    colours[att.isna()] = NO_DATA_COLOUR
    word = "target" if scheme == "attainment" else "reference"
    legend = [
        LegendEntry(ATTAINMENT_BINS[2][1], t(f"legend.{word}_met", lang)),
        LegendEntry(ATTAINMENT_BINS[1][1], t(f"legend.{word}_mid", lang)),
        LegendEntry(ATTAINMENT_BINS[0][1], t(f"legend.{word}_low", lang)),
    ]
    return colours, legend


SCHEME_OF_KIND = {
    TargetKind.LEGAL_MINIMUM: "attainment",
    TargetKind.PROGRAMME_BENCHMARK: "benchmark",
    TargetKind.INTERPRETATION: "interpretation",
}


def _yes_no_colours(values: pd.Series, lang: str) -> tuple[pd.Series, list[LegendEntry]]:
    colours = values.map(YES_NO).fillna(NO_DATA_COLOUR)
    legend = [LegendEntry(YES_NO[1.0], t("legend.yes", lang)), LegendEntry(YES_NO[0.0], t("legend.no", lang))]
    return colours, legend


def classify(values: pd.Series, direction: Direction, lang: str) -> tuple[pd.Series, list[LegendEntry]]:
    """Quantile classes of the known values; darker = better (reversed for lower-is-better)."""
    known = values.dropna()
    colours = pd.Series(NO_DATA_COLOUR, index=values.index)
    if known.empty:
        return colours, []
    k = min(MAX_CLASSES, known.nunique())
    if k < 2:
        colours[known.index] = SEQUENTIAL[-1]
        return colours, [LegendEntry(SEQUENTIAL[-1], fmt_number(float(known.iloc[0]), lang))]
    classes, edges = pd.qcut(known.astype(float), q=k, labels=False, retbins=True, duplicates="drop")
    n = len(edges) - 1
    palette = list(SEQUENTIAL[-n:]) if n < MAX_CLASSES else list(SEQUENTIAL)
    if direction is Direction.LOWER:
        palette.reverse()
    colours.loc[known.index] = pd.Series([palette[int(c)] for c in classes], index=known.index)
    legend = [
        LegendEntry(palette[i], f"{fmt_number(float(lo), lang)} – {fmt_number(float(hi), lang)}")
        for i, (lo, hi) in enumerate(itertools.pairwise(edges))
    ]
    return colours, legend[::-1]


def build_overlay(
    values: pd.DataFrame, park_ids: pd.Index | pd.Series, ind: Indicator, year: int, lang: str
) -> Overlay:
    """Values, attainment and colours of ``ind`` in ``year`` for every park in ``park_ids``.

    A threshold that had lapsed by ``year`` colours nothing: the values are classed instead.
    """
    rule = ind.as_of(year)
    table = year_values(values, ind.indicator_id, year).reindex(park_ids)
    table["attainment"] = attainment(table["value"], rule)
    if rule.has_target and rule.direction is not Direction.NONE:
        scheme = SCHEME_OF_KIND[rule.target_kind]
        colours, legend = _attainment_colours(table["attainment"], lang, scheme)
    elif ind.unit is Unit.BOOLEAN:
        colours, legend, scheme = *_yes_no_colours(table["value"], lang), "yes_no"
    else:
        colours, legend, scheme = *classify(table["value"], ind.direction, lang), "classed"
    table["colour"] = colours
    entries = [*legend, LegendEntry(NO_DATA_COLOUR, t("legend.no_data", lang), is_no_data=True)]
    return Overlay(indicator=ind, year=year, table=table, legend=tuple(entries), scheme=scheme)


def count_no_data(overlay: Overlay) -> int:
    """How many parks have no value for the overlay's indicator and year."""
    return int(np.isnan(overlay.table["value"].astype(float)).sum())


def legend_caption(overlay: Overlay, lang: str) -> str:
    """How the map is coloured, in words: a legal minimum, a benchmark, the project's reading, a lapsed threshold."""
    catalogue_row = overlay.indicator
    unit = t(f"unit.{catalogue_row.unit.value}", lang)
    target = f"{fmt_number(catalogue_row.target, lang)} {unit}".strip()
    if overlay.scheme in ("attainment", "benchmark", "interpretation"):
        return t(f"legend.scheme_{overlay.scheme}", lang, target=target)
    if catalogue_row.has_target and catalogue_row.in_force_until and not catalogue_row.applies_in(overlay.year):
        when = fmt_date(catalogue_row.in_force_until, lang)
        return t("legend.lapsed", lang, target=target, date=when, year=overlay.year)
    return t(f"legend.scheme_{overlay.scheme}", lang)
