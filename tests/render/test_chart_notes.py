"""The provenance line of a chart: in the legend's title, or a foot note; nothing when no value is illustrative."""

from __future__ import annotations

import plotly.graph_objects as go

from eipmap.render.chart_notes import mark_provenance, note_of


def _spec(fig: go.Figure) -> dict[str, object]:
    return fig.to_plotly_json()  # type: ignore[no-any-return]


def test_a_chart_with_a_legend_says_it_in_the_legend_title() -> None:
    fig = go.Figure([go.Bar(y=[1], name="a"), go.Bar(y=[2], name="b")])
    mark_provenance(fig, ["illustrative", "reported", "illustrative", None], "vi")  # type: ignore[list-item]
    assert note_of(_spec(fig)) == "Số liệu minh họa: 2 trong 3 giá trị của biểu đồ"
    assert not fig.layout.annotations


def test_a_chart_without_a_legend_gets_a_foot_note_and_room_for_it() -> None:
    for fig in (go.Figure(go.Heatmap(z=[[1, 2]])), go.Figure(go.Sankey(node=dict(label=["a", "b"])))):
        fig.update_layout(margin=dict(b=30))
        mark_provenance(fig, ["illustrative"], "en")
        assert note_of(_spec(fig)) == "Illustrative figures: 1 of the 1 values in this chart"
        assert fig.layout.margin.b == 52


def test_no_illustrative_value_no_line() -> None:
    fig = go.Figure([go.Bar(y=[1], name="a"), go.Bar(y=[2], name="b")])
    mark_provenance(fig, ["reported", "estimated", ""], "en")
    assert note_of(_spec(fig)) is None
