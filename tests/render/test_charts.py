"""Plotly figures, inspected through fig.data."""

from __future__ import annotations

from eipmap.analysis.symbiosis import park_links, sankey_frame
from eipmap.domain.dataset import Dataset
from eipmap.render.charts import build_sankey, build_small_multiples, build_trend_chart, series


def test_amata_trend_rises_from_41_to_86_with_reported_points(dataset: Dataset) -> None:
    fig = build_trend_chart(dataset.values, "amata-bien-hoa", dataset.indicators["KPI-09"], "en", dataset.years)
    reported = next(tr for tr in fig.data if tr.name == "Reported figure")
    assert list(reported.x) == [2020, 2024] and list(reported.y) == [41.0, 86.0]
    target = next(tr for tr in fig.data if tr.name and tr.name.startswith("Benchmark"))
    assert set(target.y) == {63.0}


def test_trend_has_legal_minimum_line_in_vietnamese(dataset: Dataset) -> None:
    fig = build_trend_chart(dataset.values, "hoa-khanh", dataset.indicators["D35-37.2c"], "vi", dataset.years)
    names = [tr.name for tr in fig.data]
    assert "Ngưỡng pháp lý: 20 %" in names
    assert fig.layout.separators == ",."


def test_missing_years_are_named_not_drawn_as_zero(dataset: Dataset) -> None:
    s = series(dataset.values, "amata-bien-hoa", "KPI-09", dataset.years)
    assert s["value"].isna().sum() == 1  # 2019, before the baseline
    fig = build_trend_chart(dataset.values, "amata-bien-hoa", dataset.indicators["KPI-09"], "en", dataset.years)
    assert "No data: 2019" in fig.layout.title.text
    line = fig.data[0]
    assert 2019 not in list(line.x)


def test_small_multiples_one_panel_per_indicator(dataset: Dataset) -> None:
    inds = [dataset.indicators[k] for k in ("D35-37.2c", "KPI-11", "KPI-12")]
    fig = build_small_multiples(dataset.values, "deep-c-haiphong-1", inds, "en", dataset.years)
    assert len(fig.data) == 3
    assert len([a for a in fig.layout.annotations if a.yanchor == "bottom"]) == 3  # one title per panel


def test_a_panel_without_data_says_so(dataset: Dataset) -> None:
    inds = [dataset.indicators[k] for k in ("D35-37.2c", "KPI-11")]
    values = dataset.values[dataset.values["indicator_id"] != "KPI-11"]  # KPI-11 without any value
    fig = build_small_multiples(values, "deep-c-haiphong-1", inds, "vi", dataset.years)
    notes = [a for a in fig.layout.annotations if a.text == "Không có số liệu"]
    assert len(notes) == 1 and notes[0].x > 0.5  # in the second panel
    assert fig.layout.yaxis2.showticklabels is False


def test_sankey_has_one_flow_per_link_and_no_loops(dataset: Dataset) -> None:
    own = park_links(dataset.links, dataset.firms, "tra-noc-1")
    fig = build_sankey(sankey_frame(own, "vi"), "vi")
    sankey = fig.data[0]
    assert len(sankey.link.source) == len(own)
    assert all(s < t for s, t in zip(sankey.link.source, sankey.link.target, strict=True))


def test_small_multiples_draw_each_target_on_its_own_panel(dataset: Dataset) -> None:
    inds = [dataset.indicators[k] for k in ("D35-37.2c", "KPI-11", "KPI-12")]
    fig = build_small_multiples(dataset.values, "deep-c-haiphong-1", inds, "en", dataset.years)
    axes = [(tr.xaxis, tr.yaxis) for tr in fig.data]
    assert axes == [("x", "y"), ("x2", "y2"), ("x3", "y3")]
    targets = {shape.yref: shape.y0 for shape in fig.layout.shapes}
    assert targets == {f"y{'' if i == 0 else i + 1}": ind.target for i, ind in enumerate(inds) if ind.has_target}
    assert len(targets) >= 1


def test_trend_on_tiny_spans_its_own_years_and_names_the_gaps(tiny: Dataset) -> None:
    """tests/data/README.md: the tiny series start in 2022; gamma has RECP only in 2024, beta in every year."""
    recp = tiny.indicators["D35-37.2c"]
    beta = build_trend_chart(tiny.values, "beta", recp, "en", tiny.years)
    assert list(beta.data[0].x) == [2022, 2023, 2024] and list(beta.data[0].y) == [12.0, 15.0, 10.0]
    assert "No data" not in (beta.layout.title.text or "")
    gamma = build_trend_chart(tiny.values, "gamma", recp, "en", tiny.years)
    assert "No data: 2022, 2023" in gamma.layout.title.text
    delta = build_trend_chart(tiny.values, "delta", recp, "vi", tiny.years)  # a park without any value
    assert list(delta.data[0].x) == []
