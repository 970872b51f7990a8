"""One trend description, two renderers: the panel's Plotly figure and the JSON the map's card draws agree.

Swept over every park and every measured indicator of the shipped data, in both languages for a sample.
"""

from __future__ import annotations

import math

import pytest

from eipmap.display.overlay import build_overlay
from eipmap.display.trend import CODES, MARKERS, frame_json, layer_series, park_trend, series_json
from eipmap.domain.dataset import Dataset
from eipmap.render.charts import trend_figure
from eipmap.render.maps.features import park_layer


def _card_points(frame: dict[str, object], series: dict[str, object]) -> dict[str, list[tuple[int, float]]]:
    """What the card draws, read from the JSON as park_map.js reads it: (year, value) per provenance name."""
    out: dict[str, list[tuple[int, float]]] = {}
    marks = frame["marks"]
    for year, value, code in zip(frame["years"], series["v"], series["p"], strict=True):  # type: ignore[call-overload]
        if value is not None:
            out.setdefault(marks[code]["name"], []).append((year, value))  # type: ignore[index]
    return out


def _figure_points(fig: object) -> dict[str, list[tuple[int, float]]]:
    return {
        tr.name: list(zip(tr.x, tr.y, strict=True))
        for tr in fig.data  # type: ignore[attr-defined]
        if tr.mode == "markers"
    }


def test_the_card_and_the_panel_chart_draw_the_same_points_and_threshold(dataset: Dataset) -> None:
    measured = sorted(set(dataset.values["indicator_id"]))
    checked = 0
    for indicator_id in measured:
        ind = dataset.indicators[indicator_id]
        lang = "vi" if checked % 2 else "en"
        every = layer_series(dataset.values, ind, lang, dataset.years)
        for park_id, series in every.items():
            frame, own = park_trend(dataset.values, park_id, ind, lang, dataset.years)
            assert own == series  # the layer's pass and the panel's lookup build the same series
            fig, sent = trend_figure(frame, own, lang), frame_json(frame, lang)
            card = _card_points(sent, series_json(own))
            for name, points in _figure_points(fig).items():
                assert [y for y, _ in card[name]] == [y for y, _ in points], (park_id, indicator_id)
                assert all(math.isclose(a, b, rel_tol=1e-3) for (_, a), (_, b) in zip(card[name], points, strict=True))
            assert set(card) == set(_figure_points(fig))
            lines = [tr for tr in fig.data if tr.line.dash == "dash"]
            if sent["threshold"] is None:
                assert not lines
            else:
                value, name, x0, x1 = sent["threshold"]  # type: ignore[misc]
                assert (lines[0].name, list(lines[0].x), set(lines[0].y)) == (name, [x0, x1], {value})
            checked += 1
    assert checked == len(dataset.values.groupby(["park_id", "indicator_id"]))  # every park × measured indicator


def test_a_missing_year_is_named_in_both_and_drawn_in_neither(dataset: Dataset) -> None:
    ind = dataset.indicators["KPI-09"]
    frame, own = park_trend(dataset.values, "amata-bien-hoa", ind, "en", dataset.years)
    assert own.missing_note == "No data: 2019" and series_json(own)["m"] == "No data: 2019"
    assert series_json(own)["p"][0] == "-" and series_json(own)["v"][0] is None  # type: ignore[index]
    assert "No data: 2019" in trend_figure(frame, own, "en").layout.title.text


def test_reported_and_estimated_values_keep_their_markers_in_the_card(dataset: Dataset) -> None:
    ind = dataset.indicators["KPI-09"]
    frame, own = park_trend(dataset.values, "amata-bien-hoa", ind, "en", dataset.years)
    sent, series = frame_json(frame, "en"), series_json(own)
    assert _card_points(sent, series)["Reported figure"] == [(2020, 41.0), (2024, 86.0)]
    assert sent["marks"][CODES["reported"]]["symbol"] == MARKERS["reported"]["symbol"] == "circle"  # type: ignore[index]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_park_layer_carries_a_trend_for_exactly_the_parks_with_a_value(dataset: Dataset, lang: str) -> None:
    ind = dataset.indicators["KPI-10"]
    overlay = build_overlay(dataset.values, dataset.parks["park_id"], ind, dataset.years[-1], lang)
    layer = park_layer(dataset, overlay, lang)
    rows = dataset.values[(dataset.values["indicator_id"] == "KPI-10")].dropna(subset=["value"])
    with_values = set(rows["park_id"])
    drawn = {str(p["id"]): p for p in layer["parks"]}  # type: ignore[attr-defined]
    assert {p for p, f in drawn.items() if "trend" in f} == with_values & set(drawn)
    assert set(drawn) - with_values  # some drawn parks have no value: the card says "no data" for them
    assert layer["year"] == dataset.years[-1] and layer["trend"]["years"] == list(dataset.years)  # type: ignore[index]
