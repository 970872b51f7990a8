"""Plotly figures: an indicator's trend against its target, category small multiples, a link Sankey."""

from __future__ import annotations

import math
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from eipmap.analysis.symbiosis import RESOURCE_COLOURS
from eipmap.display.trend import (
    LINE_COLOUR,
    MARKERS,
    TARGET_COLOUR,
    TrendFrame,
    TrendSeries,
    park_trend,
    threshold,
    unit_name,
    wrapped_title,
)
from eipmap.domain.models import Indicator, Provenance, Resource
from eipmap.i18n import t

PROVENANCE_MARKERS = MARKERS
FONT = dict(family="DejaVu Sans, Arial, sans-serif", size=14)
SEPARATORS = {"vi": ",.", "en": ".,"}  # plotly: decimal then thousands
PANEL_PX, GAP_PX, MARGIN_PX = 230, 80, 70  # small multiples: a row's height, the room for a title, top + bottom
PANEL_TITLE_WIDTH = 30


def series(values: pd.DataFrame, park_id: str, indicator_id: str, years: range) -> pd.DataFrame:
    """One park's values of one indicator, one row per year of ``years`` (NaN where missing)."""
    rows = values[(values["park_id"] == park_id) & (values["indicator_id"] == indicator_id)]
    return rows.set_index("year").reindex(list(years))[["value", "provenance", "source_url", "note"]]


def build_trend_chart(values: pd.DataFrame, park_id: str, ind: Indicator, lang: str, years: range) -> go.Figure:
    """The indicator over the dataset's ``years``: a line through known years, markers by provenance, target line."""
    return trend_figure(*park_trend(values, park_id, ind, lang, years), lang)


def _trend_traces(frame: TrendFrame, s: TrendSeries) -> list[go.Scatter]:
    """The line through the known years, the markers of each provenance, the threshold line."""
    known = s.known(frame.years)
    line = dict(color=LINE_COLOUR, width=2)
    x, y = [k[0] for k in known], [k[1] for k in known]
    traces = [go.Scatter(x=x, y=y, mode="lines", line=line, name=frame.title, showlegend=False, hoverinfo="skip")]
    for prov, marker in MARKERS.items():
        part = [(year, value) for year, value, p in known if p == prov]
        if part:
            name = frame.provenance_names[prov]
            hover = "%{x}: %{y}<extra>" + name + "</extra>"
            x, y = [k[0] for k in part], [k[1] for k in part]
            traces.append(go.Scatter(x=x, y=y, mode="markers", marker=marker, name=name, hovertemplate=hover))
    at = frame.threshold
    if at is not None:
        dash = dict(color=TARGET_COLOUR, dash="dash", width=2)
        traces.append(go.Scatter(x=[at.x0, at.x1], y=[at.value] * 2, mode="lines", line=dash, name=at.name))
    return traces


def trend_figure(frame: TrendFrame, s: TrendSeries, lang: str) -> go.Figure:
    """A trend as described in ``eipmap.display.trend`` (the map's card draws the same description)."""
    title = "<br>".join(wrapped_title(frame))
    if s.missing_note:
        title += "<br><sup>" + s.missing_note + "</sup>"
    years = frame.years
    fig = go.Figure(_trend_traces(frame, s))
    fig.update_layout(
        title=dict(text=title, font=dict(size=15)),
        font=FONT,
        separators=SEPARATORS[lang],
        height=360,
        margin=dict(l=50, r=20, t=90, b=40),
        legend=dict(orientation="h", y=-0.28),
        plot_bgcolor="#fafafa",
        xaxis=dict(
            title=frame.year_label, tickmode="array", tickvals=list(years), range=[years[0] - 0.4, years[-1] + 0.4]
        ),
        yaxis=dict(title=frame.unit, rangemode="tozero"),
    )
    return fig


def _panel_title(text: str) -> str:
    """A small panel's title on at most two short lines (long names would run into the next panel)."""
    lines = textwrap.wrap(text, PANEL_TITLE_WIDTH)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), PANEL_TITLE_WIDTH, placeholder=" …")]
    return "<br>".join(lines)


def _panel_domains(n: int, cols: int, gap_x: float, gap_y: float) -> list[tuple[list[float], list[float]]]:
    """(x, y) paper domains of ``n`` panels laid out row by row in ``cols`` columns, top row first."""
    rows = max(1, math.ceil(n / cols))
    width = (1 - gap_x * (cols - 1)) / cols
    height = (1 - gap_y * (rows - 1)) / rows
    out = []
    for i in range(n):
        row, col = divmod(i, cols)
        x0, top = col * (width + gap_x), 1 - row * (height + gap_y)
        out.append(([round(x0, 6), round(x0 + width, 6)], [round(top - height, 6), round(top, 6)]))
    return out


def _panel_trace(s: pd.DataFrame, name: str, n: str, lang: str) -> dict[str, object]:
    """One small panel's line; each point marked by its provenance (hollow = illustrative, as on the trend chart)."""
    marks = [PROVENANCE_MARKERS.get(p, PROVENANCE_MARKERS[Provenance.ILLUSTRATIVE.value]) for p in s["provenance"]]
    symbols, colours = [m["symbol"] for m in marks], [m["color"] for m in marks]
    return dict(
        type="scatter",
        x=list(s.index),
        y=s["value"].tolist(),
        mode="lines+markers",
        line=dict(color="#1f3b73"),
        marker=dict(size=7, symbol=symbols, color=colours, line=dict(width=1.5)),
        name=name,
        customdata=[t(f"provenance.{p}", lang) if isinstance(p, str) else "" for p in s["provenance"]],
        hovertemplate="%{x}: %{y}<extra>%{customdata}</extra>",
        xaxis=f"x{n}",
        yaxis=f"y{n}",
    )


def _no_data_label(x_dom: list[float], y_dom: list[float], lang: str) -> dict[str, Any]:
    """'No data' in the middle of an empty panel."""
    return dict(
        text=t("legend.no_data", lang),
        x=(x_dom[0] + x_dom[1]) / 2,
        y=(y_dom[0] + y_dom[1]) / 2,
        xanchor="center",  # plotly's "auto" anchors a paper x under 1/3 left and over 2/3 right
        xref="paper",
        yref="paper",
        showarrow=False,
        font=dict(size=12, color="#6b6b6b"),
    )


def build_small_multiples(
    values: pd.DataFrame, park_id: str, indicators: list[Indicator], lang: str, years: range
) -> go.Figure:
    """One small trend panel per indicator of a category, each with its target.

    Written as one figure description (axes, traces, target lines, panel titles) and validated
    once by ``go.Figure``: building it with ``make_subplots`` and ``update_*`` calls took
    0.1–0.4 s per park, on every first click.
    """
    cols = 2
    rows = max(1, math.ceil(len(indicators) / cols))
    height = PANEL_PX * rows + MARGIN_PX
    own = values[values["park_id"] == park_id]  # filter the park once, not once per panel
    layout: dict[str, object] = {
        "font": dict(FONT, size=12),
        "separators": SEPARATORS[lang],
        "height": height,
        "margin": dict(l=40, r=10, t=MARGIN_PX - 30, b=30),
        "plot_bgcolor": "#fafafa",
        "showlegend": False,
    }
    traces, shapes, titles = [], [], []
    for i, (ind, (x_dom, y_dom)) in enumerate(
        zip(indicators, _panel_domains(len(indicators), cols, 0.12, GAP_PX / (height - MARGIN_PX)), strict=True)
    ):
        n = "" if i == 0 else str(i + 1)  # axes x, y, x2, y2 … as plotly numbers them
        layout[f"xaxis{n}"] = dict(domain=x_dom, anchor=f"y{n}", tickvals=list(years)[::2])
        layout[f"yaxis{n}"] = dict(domain=y_dom, anchor=f"x{n}")
        s = series(own, park_id, ind.indicator_id, years)
        if s["value"].isna().all():  # say so, rather than an empty panel with a made-up scale
            layout[f"yaxis{n}"] = dict(domain=y_dom, anchor=f"x{n}", showticklabels=False, showgrid=False)
            titles.append(_no_data_label(x_dom, y_dom, lang))
        traces.append(_panel_trace(s, ind.name(lang), n, lang))
        at = threshold(ind, lang, years)
        if at is not None:
            line = dict(color=TARGET_COLOUR, dash="dash", width=1.5)
            shapes.append(
                dict(type="line", xref=f"x{n}", x0=at.x0, x1=at.x1, yref=f"y{n}", y0=at.value, y1=at.value)
                | {"line": line}
            )
        titles.append(
            dict(
                text=_panel_title(f"{ind.name(lang)} ({unit_name(ind, lang)})"),
                x=(x_dom[0] + x_dom[1]) / 2,
                y=y_dom[1],
                xref="paper",
                yref="paper",
                xanchor="center",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=11),
            )
        )
    layout["shapes"], layout["annotations"] = shapes, titles
    return go.Figure(dict(data=traces, layout=layout))


def build_sankey(flows: pd.DataFrame, lang: str) -> go.Figure:
    """Suppliers on the left, receivers on the right; flows coloured by resource, ended ones faded.

    A firm may stand on both sides, so exchanges in both directions never draw a loop.
    """
    left = list(dict.fromkeys(flows["source"]))
    right = list(dict.fromkeys(flows["target"]))
    colours = [RESOURCE_COLOURS[Resource(r)] for r in flows["resource"]]
    alpha = flows["group"].map({"operating": "ee", "potential": "99", "ended": "40"})
    link_colours = [c + a for c, a in zip(colours, alpha, strict=True)]
    labels = [
        f"{t(f'resource.{r}', lang)} · {t(f'group.{g}', lang)}"
        for r, g in zip(flows["resource"], flows["group"], strict=True)
    ]
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node=dict(
                label=left + right,
                pad=16,
                thickness=16,
                color="#9aa7bf",
                line=dict(color="#555", width=0.5),
                x=[0.01] * len(left) + [0.99] * len(right),
            ),
            link=dict(
                source=[left.index(s) for s in flows["source"]],
                target=[len(left) + right.index(x) for x in flows["target"]],
                value=flows["weight"].tolist(),
                color=link_colours,
                label=labels,
            ),
            textfont=dict(color="#111111", size=13),
        )
    )
    fig.update_layout(font=FONT, height=max(300, 46 * max(len(left), len(right))), margin=dict(l=10, r=10, t=10, b=10))
    return fig
