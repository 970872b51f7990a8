"""The life cycle of a park's symbiosis opportunities as stacked bars by year (plotly)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from eipmap.domain.models import LinkStatus
from eipmap.i18n import t
from eipmap.render.charts import FONT, SEPARATORS

STAGE_COLOURS: dict[LinkStatus, str] = {
    LinkStatus.IDENTIFIED: "#a6cee3",
    LinkStatus.FEASIBILITY: "#1f78b4",
    LinkStatus.OPERATING: "#1a9850",
    LinkStatus.DISCONTINUED: "#969696",
    LinkStatus.NOT_FEASIBLE: "#d7301f",
}


def build_lifecycle_chart(stages: pd.DataFrame, lang: str, height: int = 320) -> go.Figure:
    """Opportunities per stage in each year (``lifecycle.stages_by_year``), the stages in their order."""
    years = [int(y) for y in stages.index]
    fig = go.Figure()
    for stage, colour in STAGE_COLOURS.items():
        counts = stages[stage.value].astype(int).tolist() if stage.value in stages else [0] * len(years)
        fig.add_trace(
            go.Bar(
                x=years,
                y=counts,
                name=t(f"status.{stage.value}", lang),
                marker_color=colour,
                hovertemplate="%{x}: %{y}<extra>" + t(f"status.{stage.value}", lang) + "</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        font=FONT,
        separators=SEPARATORS[lang],
        height=height,
        margin=dict(l=40, r=10, t=36, b=30),
        title=dict(text=t("lifecycle.chart_title", lang), font=dict(size=14)),
        legend=dict(orientation="v", x=1.02, y=1, traceorder="reversed"),  # top to bottom as stacked
        xaxis=dict(dtick=1 if len(years) <= 8 else 2, tickangle=0, title=None),
        yaxis=dict(title=t("lifecycle.axis", lang), dtick=1, rangemode="tozero"),
        plot_bgcolor="#ffffff",
    )
    return fig
