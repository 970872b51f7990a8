"""Plotly figures for readiness and comparison: heatmap, radar, category bars, province-by-year counts."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from eipmap.display.trend import TARGET_COLOUR
from eipmap.i18n import fmt_number, t
from eipmap.render.charts import FONT, SEPARATORS

ATTAINMENT_SCALE = [[0.0, "#d7301f"], [0.5, "#f59e0b"], [0.99, "#f3e79b"], [1.0, "#1a9850"]]
NO_DATA_FILL = "#e9e9e9"


def build_heatmap(matrix: pd.DataFrame, row_labels: list[str], col_labels: list[str], lang: str) -> go.Figure:
    """Parks × indicators, attainment 0–100 %; cells without data grey and marked '–'."""
    z = matrix.to_numpy(dtype=float)
    text = [[("–" if np.isnan(v) else fmt_number(v, lang, 0)) for v in row] for row in z]
    fig = go.Figure()
    fig.add_trace(
        go.Heatmap(
            z=np.where(np.isnan(z), 1.0, np.nan),
            x=col_labels,
            y=row_labels,
            showscale=False,
            colorscale=[[0, NO_DATA_FILL], [1, NO_DATA_FILL]],
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Heatmap(
            z=z,
            x=col_labels,
            y=row_labels,
            zmin=0,
            zmax=100,
            colorscale=ATTAINMENT_SCALE,
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=10),
            colorbar=dict(title=t("compare.attainment_axis", lang)),
            hovertemplate="%{y}<br>%{x}<br>%{text} %<extra></extra>",
        )
    )
    fig.update_layout(
        font=dict(FONT, size=11),
        separators=SEPARATORS[lang],
        height=max(420, 22 * len(row_labels) + 160),
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(side="top", tickangle=-35),
        yaxis=dict(autorange="reversed"),
    )
    return fig


def build_radar(frame: pd.DataFrame, labels: dict[str, str], lang: str) -> go.Figure:
    """The park's four category scores against its province's and the five provinces' medians."""
    cats = [t(f"category.{c}", lang) for c in frame["category"]]
    fig = go.Figure()
    for col, colour, dash in (
        ("all_median", "#9aa7bf", "dot"),
        ("province_median", "#5b7db8", "dash"),
        ("park", "#1f3b73", "solid"),
    ):
        values = frame[col].tolist()
        fig.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*cats, cats[0]],
                name=labels[col],
                line=dict(color=colour, dash=dash, width=3 if col == "park" else 2),
                fill="toself" if col == "park" else None,
                opacity=0.9,
            )
        )
    fig.update_layout(
        font=FONT,
        separators=SEPARATORS[lang],
        height=420,
        margin=dict(l=40, r=40, t=30, b=30),
        polar=dict(radialaxis=dict(range=[0, 100], ticksuffix=" %")),
        legend=dict(orientation="h", y=-0.1),
    )
    return fig


def build_category_bars(frame: pd.DataFrame, vn_average: float, lang: str) -> go.Figure:
    """The park's IEF category scores beside the 8-country averages, with Viet Nam's 63 % average line."""
    cats = [t(f"category.{c}", lang) for c in frame["category"]]
    fig = go.Figure()
    for column, key, colour in (("score", "park_score", "#1f3b73"), ("benchmark", "benchmark_50", "#b8c2d6")):
        fig.add_trace(
            go.Bar(
                x=cats,
                y=frame[column],
                name=t(f"readiness.{key}", lang),
                marker_color=colour,
                text=[fmt_number(v, lang, 0) for v in frame[column]],
                textposition="outside",
            )
        )
    fig.add_hline(
        y=vn_average,
        line=dict(color=TARGET_COLOUR, dash="dash"),
        annotation_text=t("readiness.vn_average", lang, value=fmt_number(vn_average, lang, 0)),
    )
    fig.update_layout(
        font=FONT,
        separators=SEPARATORS[lang],
        barmode="group",
        height=360,
        yaxis=dict(range=[0, 110], title="%"),
        margin=dict(l=40, r=10, t=30, b=40),
        legend=dict(orientation="h", y=-0.2),
    )
    return fig


def build_province_year_chart(counts: pd.DataFrame, names: dict[str, str], lang: str) -> go.Figure:
    """Parks meeting all Decree 35 criteria, by province (bars) and year (x)."""
    fig = go.Figure()
    for code, row in counts.iterrows():
        fig.add_trace(
            go.Bar(
                x=[str(y) for y in counts.columns],
                y=row.tolist(),
                name=names[str(code)],
                text=row.tolist(),
                textposition="outside",
            )
        )
    fig.update_layout(
        font=FONT,
        separators=SEPARATORS[lang],
        barmode="group",
        height=380,
        yaxis=dict(title=t("readiness.parks_meeting", lang), rangemode="tozero", dtick=1),
        xaxis=dict(title=t("chart.year", lang)),
        margin=dict(l=50, r=10, t=20, b=40),
        legend=dict(orientation="h", y=-0.25),
    )
    return fig


def build_province_bars(
    frame: pd.DataFrame, ind_name: str, target: float | None, lang: str, big: bool = False
) -> go.Figure:
    """One province's parks as horizontal bars of the indicator, with the target line; missing values named."""
    labels = [
        f"{n} ({t('map.no_data', lang)})" if np.isnan(v) else n
        for n, v in zip(frame[f"name_{lang}"], frame["value"], strict=True)
    ]
    values = frame["value"].fillna(0.0)
    colours = [
        "#cfcfcf" if np.isnan(v) else ("#1f3b73" if d else "#5b7db8")
        for v, d in zip(frame["value"], frame["is_demonstration"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colours,
            text=["–" if np.isnan(v) else fmt_number(v, lang) for v in frame["value"]],
            textposition="outside",
        )
    )
    if target is not None:
        fig.add_vline(x=target, line=dict(color=TARGET_COLOUR, dash="dash", width=2))
    size = 18 if big else 12
    # a long indicator name on several lines (a projector column is narrow), and room right of the longest bar
    title = textwrap.wrap(ind_name, 44 if big else 64)
    upper = max(float(values.max()) if len(values) else 0.0, target or 0.0) or 1.0
    fig.update_layout(
        font=dict(FONT, size=size),
        separators=SEPARATORS[lang],
        title=dict(text="<br>".join(title), font=dict(size=size + 2)),
        height=max(420, (36 if big else 26) * len(frame) + 120),
        margin=dict(l=10, r=40, t=30 + (size + 8) * len(title), b=30),
        xaxis=dict(range=[0, upper * 1.18]),
        yaxis=dict(autorange="reversed"),
        plot_bgcolor="#fafafa",
    )
    return fig


def build_status_bars(
    counts: pd.DataFrame, names: dict[str, str], lang: str, height: int = 420, horizontal: bool = False
) -> go.Figure:
    """Stacked bars per province: parks meeting the target, below it, without data.

    ``horizontal`` for a narrow column (the map's overview): province names stay readable.
    """
    colours = {"met": "#1a9850", "below": "#d7301f", "no_data": "#cfcfcf"}
    labels = {
        "met": t("legend.target_met", lang),
        "below": t("overview.below", lang),
        "no_data": t("legend.no_data", lang),
    }
    provinces = [names[c] for c in counts.index]
    fig = go.Figure()
    for col in ("met", "below", "no_data"):
        along, across = (counts[col], provinces) if horizontal else (provinces, counts[col])
        fig.add_trace(
            go.Bar(
                x=along,
                y=across,
                orientation="h" if horizontal else "v",
                name=labels[col],
                marker_color=colours[col],
                text=counts[col].where(counts[col] > 0, "").astype(str),  # no "0" on an empty segment
                textposition="inside",
            )
        )
    count_axis = dict(title=t("overview.parks", lang), dtick=2)
    fig.update_layout(
        font=FONT,
        separators=SEPARATORS[lang],
        barmode="stack",
        height=height,
        margin=dict(l=10 if horizontal else 40, r=10, t=20, b=40),
        legend=dict(orientation="h", y=-0.2 if horizontal else -0.15, traceorder="normal"),
    )
    if horizontal:
        fig.update_layout(xaxis=count_axis, yaxis=dict(autorange="reversed"))
    else:
        fig.update_layout(yaxis=count_axis)
    return fig
