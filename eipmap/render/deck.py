"""The steering-committee deck (python-pptx), with native, editable PowerPoint charts and tables.

Title slide, map slide (static image + five-province table), and per park: the indicator's trend
against its target and the four IEF category scores (charts), then its criteria and links (tables).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from eipmap.analysis.readiness import card, category_scores
from eipmap.analysis.symbiosis import park_links
from eipmap.analysis.whatif import Comparison
from eipmap.display.coverage import coverage_caption
from eipmap.display.overlay import build_overlay
from eipmap.display.overview import illustrative_note, province_summary
from eipmap.display.readiness_view import card_table, verdict_text, whatif_table
from eipmap.display.stamp import release_text
from eipmap.display.tables import cell_text
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Provenance
from eipmap.i18n import t
from eipmap.render.charts import series
from eipmap.render.maps.static import render_map_png

WIDE = (Inches(13.333), Inches(7.5))
NAVY = RGBColor(0x1F, 0x3B, 0x73)
WARN = RGBColor(0xB4, 0x53, 0x09)


@dataclass(frozen=True)
class DeckSpec:
    """What to put in the deck."""

    lang: str
    indicator_id: str
    year: int
    park_ids: tuple[str, ...]
    release_line: str = ""  # filled by build_deck from the dataset: which release every slide shows


def _text(
    slide: Slide,
    box: tuple[float, float, float, float],
    text: str,
    size: int = 14,
    bold: bool = False,
    colour: RGBColor | None = None,
) -> None:
    left, top, width, height = (Inches(v) for v in box)
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold = Pt(size), bold
    if colour is not None:
        run.font.color.rgb = colour


def _slide(deck: PresentationType, title: str, spec: DeckSpec, sources: Sequence[str], illustrative: bool) -> Slide:
    """A titled slide with its sources in the footer (and the notes), and the illustrative-data label if needed."""
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = title
    slide.shapes.title.left, slide.shapes.title.top = Inches(0.4), Inches(0.25)
    slide.shapes.title.width, slide.shapes.title.height = Inches(9.0), Inches(0.9)
    slide.shapes.title.text_frame.word_wrap = True
    slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(22 if len(title) < 70 else 18)
    footer = t("deck.sources", spec.lang) + ": " + " · ".join(dict.fromkeys(sources))
    if spec.release_line:
        footer += " · " + spec.release_line
    _text(slide, (0.4, 6.85, 12.5, 0.5), footer, size=9)
    if illustrative:
        _text(slide, (9.4, 0.15, 3.8, 0.4), t("deck.illustrative", spec.lang), size=12, bold=True, colour=WARN)
    slide.notes_slide.notes_text_frame.text = footer
    return slide  # type: ignore[no-any-return]


def _table(
    slide: Slide, frame: pd.DataFrame, box: tuple[float, float, float, float], lang: str, size: int = 10
) -> None:
    left, top, width, height = (Inches(v) for v in box)
    shape = slide.shapes.add_table(len(frame) + 1, len(frame.columns), left, top, width, height)
    for j, col in enumerate(frame.columns):
        shape.table.cell(0, j).text = str(col)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            shape.table.cell(i, j).text = cell_text(value, lang)
    for cell in (c for r in shape.table.rows for c in r.cells):
        for para in cell.text_frame.paragraphs:
            for run in para.runs:
                run.font.size = Pt(size)


def _title_slide(deck: PresentationType, data: Dataset, spec: DeckSpec) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = t("app.title", spec.lang)
    ind = data.indicators[spec.indicator_id]
    slide.placeholders[1].text = "\n".join(
        [
            t("app.subtitle", spec.lang),
            f"{ind.name(spec.lang)} · {spec.year}",
            release_text(data.release, spec.lang),
            t("app.illustrative_banner", spec.lang),
        ]
    )


def _map_slide(deck: PresentationType, data: Dataset, spec: DeckSpec) -> None:
    ind = data.indicators[spec.indicator_id]
    overlay = build_overlay(data.values, data.parks["park_id"], ind, spec.year, spec.lang)
    slide = _slide(
        deck,
        f"{ind.name(spec.lang)} · {spec.year}",
        spec,
        ["Natural Earth (public domain)", ind.source_url.split(" | ")[0]],
        True,
    )
    slide.shapes.add_picture(
        io.BytesIO(render_map_png(data, overlay, spec.lang)), Inches(0.4), Inches(1.3), height=Inches(5.5)
    )
    summary = province_summary(overlay, data.parks, data.province_names(spec.lang), spec.lang, data.coverage)
    _table(slide, summary, (7.4, 1.5, 5.6, 2.6), spec.lang, size=10)
    notes = filter(None, (illustrative_note(overlay, spec.lang), coverage_caption(data, spec.lang)))
    _text(slide, (7.4, 4.5, 5.6, 1.6), " ".join(notes), size=10)  # what the counts rest on and cover


def _trend_chart(slide: Slide, data: Dataset, park_id: str, spec: DeckSpec) -> bool:
    """A native line chart of the indicator and its target; True if it shows illustrative values."""
    ind = data.indicators[spec.indicator_id]
    s = series(data.values, park_id, ind.indicator_id, data.years)
    chart_data = CategoryChartData()
    chart_data.categories = [str(y) for y in s.index]
    chart_data.add_series(ind.name(spec.lang)[:60], [None if pd.isna(v) else float(v) for v in s["value"]])
    if ind.has_target:  # a lapsed threshold only over the years its text still covered
        chart_data.add_series(
            t("deck.target", spec.lang), [ind.target if ind.applies_in(int(y)) else None for y in s.index]
        )
    shape = slide.shapes.add_chart(
        XL_CHART_TYPE.LINE_MARKERS, Inches(0.4), Inches(1.3), Inches(6.3), Inches(5.3), chart_data
    )
    chart = shape.chart
    chart.has_legend, chart.legend.position, chart.legend.include_in_layout = True, XL_LEGEND_POSITION.BOTTOM, False
    chart.has_title = True
    chart.chart_title.text_frame.text = f"{ind.name(spec.lang)[:70]} ({t(f'unit.{ind.unit.value}', spec.lang)})"
    return bool((s["provenance"] == Provenance.ILLUSTRATIVE.value).any())


def _category_chart(slide: Slide, data: Dataset, park_id: str, spec: DeckSpec) -> None:
    scores = category_scores(data, park_id, spec.year)
    chart_data = CategoryChartData()
    chart_data.categories = [t(f"category.{c}", spec.lang) for c in scores["category"]]
    chart_data.add_series(
        t("readiness.park_score", spec.lang), [None if pd.isna(v) else float(v) for v in scores["score"]]
    )
    chart_data.add_series(t("readiness.benchmark_50", spec.lang), scores["benchmark"].astype(float).tolist())
    shape = slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(6.9), Inches(1.3), Inches(6.0), Inches(5.3), chart_data
    )
    shape.chart.has_legend, shape.chart.legend.position = True, XL_LEGEND_POSITION.BOTTOM
    shape.chart.has_title = True
    shape.chart.chart_title.text_frame.text = t("readiness.categories", spec.lang)


def _links_frame(data: Dataset, park_id: str, lang: str) -> pd.DataFrame:
    own = park_links(data.links, data.firms, park_id)
    return pd.DataFrame(
        {
            t("table.resource", lang): [t(f"resource.{r}", lang) for r in own["resource"]],
            t("table.from", lang): own[f"from_name_{lang}"],
            t("table.to", lang): own[f"to_name_{lang}"],
            t("table.status", lang): [t(f"status.{s}", lang) for s in own["status"]],
            t("table.provenance", lang): [t(f"provenance.{p}", lang) for p in own["provenance"]],
        }
    ).head(12)


def _park_slides(deck: PresentationType, data: Dataset, park_id: str, spec: DeckSpec) -> None:
    park = data.parks.set_index("park_id").loc[park_id]
    name = str(park[f"name_{spec.lang}"])
    sources = [u.strip() for u in str(park["source_urls"]).split("|")][:2]
    ind = data.indicators[spec.indicator_id]
    slide = _slide(
        deck,
        name,
        spec,
        [*sources, ind.source_url.split(" | ")[0], "UNIDO 50-park assessment (Sustainability 2020)"],
        True,
    )
    _trend_chart(slide, data, park_id, spec)
    _category_chart(slide, data, park_id, spec)
    c = card(data, park_id, spec.year)
    crit = card_table(c, spec.lang).drop(columns=[t("readiness.col_source", spec.lang)])
    slide = _slide(
        deck, f"{name} · {t('deck.criteria_links', spec.lang)}", spec, [*sources, c.lines["source_url"].iloc[0]], True
    )
    _table(slide, crit, (0.4, 1.2, 7.2, 4.6), spec.lang, size=8)
    links = _links_frame(data, park_id, spec.lang)
    if links.empty:
        _text(slide, (7.9, 1.3, 5.0, 1.0), t("panel.no_links", spec.lang), size=12)
    else:
        _table(slide, links, (7.9, 1.3, 5.0, 4.8), spec.lang, size=8)


def build_deck(data: Dataset, spec: DeckSpec) -> bytes:
    """The whole deck as .pptx bytes, in the spec's language; every slide names the data's release."""
    spec = dataclasses.replace(spec, release_line=release_text(data.release, spec.lang))
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(WIDE[0]), Emu(WIDE[1])
    _title_slide(deck, data, spec)
    _map_slide(deck, data, spec)
    for park_id in spec.park_ids:
        _park_slides(deck, data, park_id, spec)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def build_scenario_slide(data: Dataset, comparison: Comparison, lang: str) -> bytes:
    """One slide, marked as a scenario on its title and in its banner: the criteria today and in the what-if."""
    park_id, year = comparison.today.park_id, comparison.today.year
    spec = DeckSpec(lang, "", year, (park_id,), release_text(data.release, lang))
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(WIDE[0]), Emu(WIDE[1])
    name = str(data.parks.set_index("park_id").at[park_id, f"name_{lang}"])
    banner = t("whatif.banner", lang)
    slide = _slide(deck, f"{banner}: {name} · {year}", spec, list(comparison.today.lines["source_url"])[:2], True)
    sides = ((t("whatif.today", lang), comparison.today), (t("whatif.scenario", lang), comparison.scenario))
    for i, (label, c) in enumerate(sides):
        _text(slide, (0.4 + 6.3 * i, 1.2, 6.1, 0.7), f"{label}: {verdict_text(c, lang)}", size=14, bold=True)
    province = str(data.provinces.set_index("province_code").at[comparison.province_code, f"name_{lang}"])
    counts = {"today": comparison.province_today, "scenario": comparison.province_scenario}
    line = t("whatif.province", lang, province=province, year=year, **counts)
    _text(slide, (0.4, 1.95, 12.5, 0.5), line, size=12)
    _table(slide, whatif_table(comparison, lang), (0.4, 2.6, 12.5, 3.8), lang, size=9)
    _text(slide, (0.4, 6.45, 12.5, 0.4), banner, size=12, bold=True, colour=WARN)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
