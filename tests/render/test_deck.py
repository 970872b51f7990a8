"""The PPTX deck, opened again with python-pptx: slides, native charts, language, sources, illustrative label."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from eipmap.display.overlay import build_overlay
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import ReleaseStamp
from eipmap.render.deck import DeckSpec, build_deck
from eipmap.render.maps.standalone import export_map, standalone_html
from eipmap.render.maps.static import render_map_png


def texts(slide) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.fixture(scope="module")
def deck_vi(dataset: Dataset):  # type: ignore[no-untyped-def]
    spec = DeckSpec("vi", "D35-37.2c", 2024, ("hoa-khanh", "amata-bien-hoa"))
    return Presentation(io.BytesIO(build_deck(dataset, spec)))


def test_slide_count(deck_vi) -> None:  # type: ignore[no-untyped-def]
    assert len(deck_vi.slides) == 2 + 2 * 2  # title, map, and two slides per park


def test_native_editable_charts(deck_vi) -> None:  # type: ignore[no-untyped-def]
    charts = [s.chart for slide in deck_vi.slides for s in slide.shapes if s.has_chart]
    assert [c.chart_type for c in charts] == [XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.COLUMN_CLUSTERED] * 2
    trend = charts[0]
    assert list(trend.plots[0].categories) == [str(y) for y in range(2019, 2026)]
    assert [s.name for s in trend.series][1] == "Mục tiêu / ngưỡng"
    assert set(trend.series[1].values) == {20.0}


def test_titles_in_the_chosen_language(deck_vi, dataset: Dataset) -> None:  # type: ignore[no-untyped-def]
    titles = [slide.shapes.title.text for slide in deck_vi.slides]
    assert titles[0] == "Bản đồ khu công nghiệp sinh thái Việt Nam"
    assert titles[2] == "KCN Hòa Khánh"
    deck_en = Presentation(io.BytesIO(build_deck(dataset, DeckSpec("en", "KPI-09", 2024, ("hoa-khanh",)))))
    assert deck_en.slides[2].shapes.title.text == "Hoa Khanh Industrial Park"


def test_every_content_slide_has_sources_and_the_illustrative_label(deck_vi) -> None:  # type: ignore[no-untyped-def]
    for slide in list(deck_vi.slides)[1:]:
        body = texts(slide)
        assert "Nguồn: http" in body or "Nguồn: Natural Earth" in body
        assert "Có số liệu minh họa" in body
        assert slide.notes_slide.notes_text_frame.text.startswith("Nguồn")


def test_tables_for_criteria_and_links(deck_vi) -> None:  # type: ignore[no-untyped-def]
    tables = [s.table for s in deck_vi.slides[3].shapes if s.has_table]
    assert len(tables) == 2
    assert tables[0].cell(0, 1).text == "Căn cứ pháp lý"
    assert "Decree 35/2022/NĐ-CP Art. 37" in tables[0].cell(1, 1).text


def test_static_map_png(dataset: Dataset) -> None:
    overlay = build_overlay(dataset.values, dataset.parks["park_id"], dataset.indicators["D35-37.2c"], 2024, "vi")
    png = render_map_png(dataset, overlay, "vi")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000


def test_html_export_is_self_contained(dataset: Dataset) -> None:
    overlay = build_overlay(dataset.values, dataset.parks["park_id"], dataset.indicators["D35-37.2c"], 2024, "vi")
    html = standalone_html(export_map(dataset, overlay, "vi", "hoa-khanh"))
    assert "<script src=" not in html and "stylesheet" not in html
    assert "Leaflet 1.9.3" in html and "hoa-khanh" in html


def test_deck_and_html_map_name_the_release_they_show(dataset: Dataset) -> None:
    """Not today's date: the release's number and publish date, on the title slide, every footer and the map."""
    older = dataclasses.replace(dataset, release=ReleaseStamp(3, date(2026, 11, 30)))
    deck = Presentation(io.BytesIO(build_deck(older, DeckSpec("vi", "D35-37.2c", 2024, ("hoa-khanh",)))))
    stamp = "Dữ liệu: bản phát hành 3, công bố ngày 2026-11-30"
    assert stamp in texts(deck.slides[0])
    for slide in list(deck.slides)[1:]:
        assert stamp in slide.notes_slide.notes_text_frame.text
    overlay = build_overlay(older.values, older.parks["park_id"], older.indicators["D35-37.2c"], 2024, "en")
    assert "Data: release 3, published 2026-11-30" in standalone_html(export_map(older, overlay, "en", None))


def test_deck_tables_show_numbers_in_the_language(deck_vi) -> None:  # type: ignore[no-untyped-def]
    (criteria, _links) = [s.table for s in deck_vi.slides[3].shapes if s.has_table]
    thresholds = [criteria.cell(i, 2).text for i in range(1, len(criteria.rows))]
    assert "20" in thresholds and not any(v.endswith(".0") for v in thresholds)


def test_the_scenario_slide_is_marked_as_a_scenario(dataset: Dataset) -> None:
    from pptx import Presentation

    from eipmap.analysis.whatif import Scenario, compare
    from eipmap.render.deck import build_scenario_slide

    result = compare(dataset, Scenario("hiep-phuoc", 2024, operating=("IL-HP-04",)))
    deck = Presentation(io.BytesIO(build_scenario_slide(dataset, result, "vi")))
    (slide,) = deck.slides
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert slide.shapes.title.text.startswith("KỊCH BẢN GIẢ ĐỊNH — không phải số liệu: KCN Hiệp Phước")
    assert sum("KỊCH BẢN GIẢ ĐỊNH" in x for x in texts) >= 2  # the title and the banner under the table
    assert any("Kịch bản: " in x and "Đáp ứng tất cả tiêu chí" in x for x in texts)
    (table,) = [s.table for s in slide.shapes if s.has_table]
    assert len(table.rows) == 1 + 6  # the six Decree 35 criteria
