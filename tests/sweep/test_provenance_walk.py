"""Every screen's values carry their provenance: a walk over every page, both languages and every presentation step.

On each screen (AppTest, shipped data, a park whose values are mostly illustrative; the map with that park's
panel and its sections open): every table that shows indicator values or link figures has a provenance column
(or, for a table of medians, how many of its values are illustrative) beside them, and every chart names how
many of the values it draws are illustrative. A verdict resting on an illustrative value says so in words
(``tests/analysis/test_readiness.py``); the deck has its own test (``tests/render/test_deck.py``).
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from eipmap.analysis.story import story_steps
from eipmap.config import REPO_DIR
from eipmap.i18n import t
from eipmap.ingest.loading import Dataset
from eipmap.render.chart_notes import note_of
from eipmap.ui import layout
from eipmap.ui.opportunity_panel import OPEN_KEY
from eipmap.ui.park_panel import LIFECYCLE_KEY, OTHER_INDICATORS_KEY

APP = str(REPO_DIR / "app.py")
PARK = "hoa-khanh"  # estimated and illustrative values, links of every status
VALUE_HEADERS = ("gaps.col_value", "readiness.col_evidence", "compare.median", "table.quantity", "table.co2")
PROVENANCE_HEADERS = ("table.provenance", "readiness.col_provenance", "compare.illustrative")


def _walk(at: AppTest, where: str, lang: str) -> list[str]:
    """What on this screen shows values without their provenance."""
    values = [t(k, lang) for k in VALUE_HEADERS]
    marks = [t(k, lang) for k in PROVENANCE_HEADERS]
    problems = [f"{where}: {e.value}" for e in at.error]  # a section that failed shows nothing to check
    for i, frame in enumerate(at.dataframe):
        if frame.proto.editing_mode:  # the what-if's input: the user's own assumed values
            continue
        headers = [str(c) for c in frame.value.columns]
        shows_values = any(h.startswith(v) for h in headers for v in values)
        if shows_values and not any(h.startswith(m) for h in headers for m in marks):
            problems.append(f"{where}: table {i} {headers[:6]} has values without provenance")
    for i, chart in enumerate(at.get("plotly_chart")):
        spec = json.loads(chart.proto.spec)
        marked = [d for d in spec.get("data", []) if d.get("name") == t("provenance.illustrative", lang)]
        if note_of(spec) is None and not marked:  # a line for the chart, or (trend) each illustrative point marked
            problems.append(f"{where}: chart {i} says nothing of its illustrative values")
    return problems


def _open(page: str, lang: str, *, park: str | None = PARK, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(page)
    for name, value in {"lang": lang, **({"park": park} if park else {}), **params}.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_shows_values_with_their_provenance(lang: str) -> None:
    problems = []
    for page, *_ in layout.PAGES:
        problems += _walk(_open(page, lang), page, lang)
    problems += _walk(_open("pages/map.py", lang, park=None), "the map's overview (no park chosen)", lang)
    assert problems == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_park_panel_with_every_section_open(lang: str) -> None:
    at = _open("pages/map.py", lang)
    for key in (OTHER_INDICATORS_KEY, LIFECYCLE_KEY, OPEN_KEY):
        at.session_state[key] = True
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) >= 4  # trend, small multiples, Sankey, life cycle
    assert _walk(at, "panel", lang) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_presentation_step(dataset: Dataset, lang: str) -> None:
    problems = []
    for step in range(1, len(story_steps(dataset)) + 1):
        problems += _walk(_open("pages/present.py", lang, step=str(step)), f"step {step}", lang)
    assert problems == []
