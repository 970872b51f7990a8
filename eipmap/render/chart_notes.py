"""The provenance line every chart of values carries: how many of the values it draws are illustrative.

A chart exported on its own (plotly's camera button, a screenshot on a slide) keeps the line, so an
illustrative figure is never read as a reported one. Where the chart has a legend the line is the
legend's title (it sits with the legend, wherever the chart puts it); otherwise it is a note at the
figure's foot. The trend chart marks each illustrative point itself (hollow, named in its legend).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import plotly.graph_objects as go

from eipmap.domain.models import Provenance
from eipmap.i18n import t

NOTE_NAME = "provenance-note"  # the foot note's annotation name
DEFAULT_MARGIN_PX = 80  # plotly's bottom margin when a figure sets none
NOTE_PX = 22  # room the foot note takes below the axes
NOTE_COLOUR = "#8a5a00"  # the illustrative banner's amber, darker for small type
LEGEND_MARK = "\u2060"  # invisible word joiner ending a legend title that is the provenance line


def _has_legend(fig: go.Figure) -> bool:
    """Whether plotly draws a legend: two traces that may show in it, or one that asks to."""
    if fig.layout.showlegend is False:
        return False
    legendable = [tr for tr in fig.data if "showlegend" in tr and tr.type != "heatmap"]  # Sankey has no legend
    return len([tr for tr in legendable if tr.showlegend is not False]) >= 2 or any(tr.showlegend for tr in legendable)


def mark_provenance(fig: go.Figure, provenances: Iterable[str], lang: str) -> go.Figure:
    """Say 'N of M values illustrative' on ``fig`` when any value it draws is illustrative; returns ``fig``."""
    known = [p for p in provenances if isinstance(p, str) and p]  # no value, no provenance
    n = sum(p == Provenance.ILLUSTRATIVE.value for p in known)
    if not n:
        return fig
    text = t("chart.illustrative_share", lang, n=n, total=len(known))
    if _has_legend(fig):
        fig.update_layout(legend_title=dict(text=text + LEGEND_MARK, font=dict(color=NOTE_COLOUR)))
        return fig
    bottom = fig.layout.margin.b if fig.layout.margin.b is not None else DEFAULT_MARGIN_PX
    fig.add_annotation(
        name=NOTE_NAME,
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="bottom",
        yshift=-(bottom + NOTE_PX) + 2,  # from the plot's foot down to the figure's
        showarrow=False,
        align="left",
        font=dict(size=12, color=NOTE_COLOUR),
    )
    fig.update_layout(margin=dict(b=bottom + NOTE_PX))
    return fig


def note_of(spec: Mapping[str, Any]) -> str | None:
    """The provenance line a figure's description carries (legend title or foot note), if any."""
    layout = spec.get("layout", {})
    title = str(layout.get("legend", {}).get("title", {}).get("text", ""))
    if title.endswith(LEGEND_MARK):
        return title.removesuffix(LEGEND_MARK)
    notes = [str(a.get("text")) for a in layout.get("annotations", []) if a.get("name") == NOTE_NAME]
    return notes[0] if notes else None
