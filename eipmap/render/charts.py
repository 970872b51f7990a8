"""Plotly figures: an indicator's trend against its target, category small multiples, a link Sankey."""

from __future__ import annotations

import math
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from eipmap.analysis.symbiosis import RESOURCE_COLOURS
from eipmap.domain.models import Indicator, Provenance, Resource, TargetKind
from eipmap.i18n import fmt_date, fmt_number, t

PROVENANCE_MARKERS = {
    Provenance.REPORTED.value: dict(symbol="circle", size=12, color="#1f3b73"),
    Provenance.ESTIMATED.value: dict(symbol="diamond", size=10, color="#5b7db8"),
    Provenance.ILLUSTRATIVE.value: dict(symbol="circle-open", size=9, color="#7a7a7a", line=dict(width=2)),
}
TARGET_COLOUR = "#c0392b"
FONT = dict(family="DejaVu Sans, Arial, sans-serif", size=14)
TITLE_WIDTH = 58
SEPARATORS = {"vi": ",.", "en": ".,"}  # plotly: decimal then thousands
PANEL_PX, GAP_PX, MARGIN_PX = 230, 80, 70  # small multiples: a row's height, the room for a title, top + bottom
PANEL_TITLE_WIDTH = 30


def series(values: pd.DataFrame, park_id: str, indicator_id: str, years: range) -> pd.DataFrame:
    """One park's values of one indicator, one row per year of ``years`` (NaN where missing)."""
    rows = values[(values["park_id"] == park_id) & (values["indicator_id"] == indicator_id)]
    return rows.set_index("year").reindex(list(years))[["value", "provenance", "source_url", "note"]]


def _unit(ind: Indicator, lang: str) -> str:
    return t(f"unit.{ind.unit.value}", lang)


TARGET_KEYS = {
    TargetKind.LEGAL_MINIMUM: "chart.legal_minimum",
    TargetKind.PROGRAMME_BENCHMARK: "chart.benchmark",
    TargetKind.INTERPRETATION: "chart.interpretation",
}


def _target_name(ind: Indicator, lang: str) -> str:
    """The threshold line's name: legal minimum, benchmark, the project's reading, or a former threshold."""
    value, unit = fmt_number(ind.target, lang), _unit(ind, lang)
    if ind.in_force_until is not None:
        return t("chart.former", lang, date=fmt_date(ind.in_force_until, lang), value=value, unit=unit)
    return t(TARGET_KEYS[ind.target_kind], lang, value=value, unit=unit)


def _threshold_span(ind: Indicator, years: range) -> tuple[float, float] | None:
    """The x extent of the threshold line: the dataset's years, or only those a lapsed text still covered."""
    covered = [y for y in years if ind.applies_in(y)]
    if not covered:
        return None
    return covered[0] - 0.3, (years.stop - 0.7 if covered[-1] == years[-1] else covered[-1] + 0.3)


def build_trend_chart(values: pd.DataFrame, park_id: str, ind: Indicator, lang: str, years: range) -> go.Figure:
    """The indicator over the dataset's ``years``: a line through known years, markers by provenance, target line."""
    s = series(values, park_id, ind.indicator_id, years)
    fig = go.Figure()
    known = s.dropna(subset=["value"])
    fig.add_trace(
        go.Scatter(
            x=known.index,
            y=known["value"],
            mode="lines",
            line=dict(color="#1f3b73", width=2),
            name=ind.name(lang),
            showlegend=False,
            hoverinfo="skip",
        )
    )
    for prov, marker in PROVENANCE_MARKERS.items():
        part = known[known["provenance"] == prov]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part.index,
                y=part["value"],
                mode="markers",
                marker=marker,
                name=t(f"provenance.{prov}", lang),
                hovertemplate="%{x}: %{y}<extra>" + t(f"provenance.{prov}", lang) + "</extra>",
            )
        )
    span = _threshold_span(ind, years)
    if span is not None:
        line = dict(color=TARGET_COLOUR, dash="dash", width=2)
        fig.add_trace(
            go.Scatter(x=list(span), y=[ind.target] * 2, mode="lines", line=line, name=_target_name(ind, lang))
        )
    missing = [int(y) for y in s.index[s["value"].isna()]]
    title = "<br>".join(textwrap.wrap(f"{ind.name(lang)} ({_unit(ind, lang)})", TITLE_WIDTH))
    if missing:
        title += "<br><sup>" + t("chart.missing_years", lang, years=", ".join(map(str, missing))) + "</sup>"
    fig.update_layout(
        title=dict(text=title, font=dict(size=15)),
        font=FONT,
        separators=SEPARATORS[lang],
        height=360,
        margin=dict(l=50, r=20, t=90, b=40),
        legend=dict(orientation="h", y=-0.28),
        plot_bgcolor="#fafafa",
        xaxis=dict(
            title=t("chart.year", lang),
            tickmode="array",
            tickvals=list(years),
            range=[years.start - 0.4, years.stop - 0.6],
        ),
        yaxis=dict(title=_unit(ind, lang), rangemode="tozero"),
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
        span = _threshold_span(ind, years)
        if span is not None:
            line = dict(color=TARGET_COLOUR, dash="dash", width=1.5)
            shapes.append(
                dict(type="line", xref=f"x{n}", x0=span[0], x1=span[1], yref=f"y{n}", y0=ind.target, y1=ind.target)
                | {"line": line}
            )
        titles.append(
            dict(
                text=_panel_title(f"{ind.name(lang)} ({_unit(ind, lang)})"),
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
