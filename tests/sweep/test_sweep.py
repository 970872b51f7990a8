"""The sweep: every park three ways in both languages, every page, indicator, year, step and table.

Parks, pages, indicators, years and steps come from the shipped data and the navigation. The same
sweep runs on a sample of 30 parks of the national dataset (``scripts/generate_scale.py``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pandas as pd
import pytest

from eipmap.analysis.opportunities import candidates
from eipmap.analysis.story import StepKind, story_steps
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import LANGUAGES, t
from eipmap.ingest.loading import Dataset, load_dataset
from eipmap.ui import state
from eipmap.ui.opportunity_panel import OPEN_KEY
from eipmap.ui.park_panel import LIFECYCLE_KEY
from eipmap.ui.whatif_panel import WHATIF_KEY
from tests.conftest import DATA
from tests.sweep_support import PAGES, Clicker, assert_park_panel, failures, session, texts

SHIPPED = load_dataset(DATA)
PARKS = sorted(SHIPPED.parks["park_id"])


# --- every park, three ways, both languages -------------------------------------------------------


@pytest.fixture(scope="module", params=LANGUAGES)
def clicker(request: pytest.FixtureRequest) -> Clicker:
    """One map session per language that clicks, then finds, park after park (as one user would)."""
    at = session(None, request.param)
    assert not at.exception
    return Clicker(at)


@pytest.mark.parametrize("park_id", PARKS)
def test_click_every_park(clicker: Clicker, park_id: str) -> None:
    lang = str(clicker.at.session_state[state.LANGUAGE])
    clicker.click(park_id)
    assert_park_panel(clicker.at, SHIPPED, park_id, lang)


@pytest.mark.parametrize("park_id", PARKS)
def test_find_every_park_by_name(clicker: Clicker, park_id: str) -> None:
    lang = str(clicker.at.session_state[state.LANGUAGE])
    clicker.find(SHIPPED, park_id, lang)
    assert_park_panel(clicker.at, SHIPPED, park_id, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("park_id", PARKS)
def test_deep_link_to_every_park(park_id: str, lang: str) -> None:
    at = session(None, lang, park=park_id)
    assert_park_panel(at, SHIPPED, park_id, lang)


# --- every page, both languages ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page(page: str, lang: str) -> None:
    at = session(page, lang)
    assert not failures(at, lang), failures(at, lang)
    assert at.title[0].value == t("app.title", lang)
    assert len(texts(at)) > 200  # the page drew its content, not only the frame


# --- every indicator and every year on the map, gap and compare pages --------------------------------


def _indicator_years(data: Dataset) -> list[tuple[str, int]]:
    """Each measured indicator once, the years taken in turn so every year comes at least once."""
    years = list(data.years)
    ids = list(data.measured_indicators)
    pairs = [(ind, years[i % len(years)]) for i, ind in enumerate(ids)]
    pairs += [(ids[0], y) for y in years[len(ids) :]]  # fewer indicators than years: the rest of the years
    return pairs


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["pages/map.py", "pages/gaps.py", "pages/compare.py"])
def test_every_indicator_and_year(page: str, lang: str) -> None:
    at = session(page, lang)
    pairs = _indicator_years(SHIPPED)
    assert {y for _, y in pairs} == set(SHIPPED.years)
    for indicator_id, year in pairs:
        ind = SHIPPED.indicators[indicator_id]
        at.selectbox(key=state.widget_key(state.CATEGORY, lang)).set_value(ind.category.value).run()
        at.selectbox(key=state.widget_key(state.INDICATOR, lang)).set_value(indicator_id).run()
        at.select_slider(key=state.widget_key(state.YEAR, lang)).set_value(year).run()
        assert not failures(at, lang), (indicator_id, year, failures(at, lang))
        assert (at.session_state[state.INDICATOR], at.session_state[state.YEAR]) == (indicator_id, year)
        shown = texts(at)  # the indicator is named on the screen (in Markdown, escaped)
        assert ind.name(lang) in shown or escape_markdown(ind.name(lang)) in shown, indicator_id


# --- every presentation step, forward to the end and back --------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_presentation_forward_to_the_end_and_back(lang: str) -> None:
    steps = story_steps(SHIPPED)
    at = session("pages/present.py", lang)
    names = {
        StepKind.PROVINCE: SHIPPED.provinces.set_index("province_code")[f"name_{lang}"],
        StepKind.PARK: SHIPPED.parks.set_index("park_id")[f"name_{lang}"],
    }

    def check(index: int) -> None:
        assert not failures(at, lang), (index, failures(at, lang))
        step = steps[index]
        title = t("present.overview", lang) if step.kind is StepKind.OVERVIEW else str(names[step.kind][step.key])
        shown = escape_markdown(html.escape(title))  # a park's name is data: escaped on this HTML line
        assert f"{shown} <small>({index + 1}/{len(steps)})</small>" in texts(at), (index, title)

    check(0)
    for index in range(1, len(steps)):
        at.button(key="present-next").click().run()
        check(index)
    assert at.button(key="present-next").disabled
    for index in range(len(steps) - 2, -1, -1):
        at.button(key="present-prev").click().run()
        check(index)
    assert at.button(key="present-prev").disabled


# --- numbers stay numbers in every table a screen shows ---------------------------------------------

NUMBER_AS_TEXT = re.compile(r"^[≥≤<>▲▼=+\-−]?\s*\d[\d.,]*(\s*(/\s*\d+|%|ha|[A-Za-z/³²₂]{1,12}))?$")


def _tables_on_screens(lang: str) -> Iterator[tuple[str, pd.DataFrame]]:
    """(where, table) for every table of every page, with a park selected on the map."""
    for page in PAGES:
        at = session(page, lang, indicator="KPI-14", year="2024")
        if page == "pages/map.py":
            Clicker(at).click("hoa-khanh")
        assert not failures(at, lang)
        for i, table in enumerate(at.dataframe):
            yield f"{page}#{i}", table.value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_keeps_numbers_numeric_and_sorts_them_as_numbers(lang: str) -> None:
    seen = 0
    for where, table in _tables_on_screens(lang):
        for col in table.columns:
            column = table[col]
            if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
                ordered = column.sort_values(na_position="last").dropna().to_numpy(dtype=float)
                assert (ordered[1:] >= ordered[:-1]).all(), (where, col)  # a numeric sort, not a text one
                seen += 1
                continue
            cells = [str(v).strip() for v in column.dropna() if str(v).strip() not in ("", "–")]
            as_text = [c for c in cells if NUMBER_AS_TEXT.match(c)]
            assert not cells or len(as_text) < len(cells), (where, col, "numbers stored as text", cells[:5])
    assert seen >= 20  # the sweep did meet numeric columns


@pytest.mark.parametrize("park_id", PARKS)
def test_a_link_to_any_park_centres_the_map_on_it(park_id: str) -> None:
    """With firms or without: the map opens on the linked park; without a known location, on its province."""
    at = session(None, "vi", park=park_id)
    park = SHIPPED.parks.set_index("park_id").loc[park_id]
    view = at.session_state[state.MAP_VIEW]
    if pd.isna(park["lat"]):  # never an invented point: the province the park lies in
        minx, miny, maxx, maxy = SHIPPED.provinces.set_index("province_code").loc[park["province_code"]].geometry.bounds
        assert miny <= view.center[0] <= maxy and minx <= view.center[1] <= maxx, (park_id, view)
        return
    assert abs(view.center[0] - park["lat"]) < 0.2 and abs(view.center[1] - park["lon"]) < 0.2, (park_id, view)
    assert view.zoom >= 12, (park_id, view)


# --- the opportunity finder opened on every park ------------------------------------------------------


@pytest.fixture(scope="module", params=LANGUAGES)
def finder(request: pytest.FixtureRequest) -> Clicker:
    """One map session per language with the candidate exchanges opened (what opening the expander sends)."""
    at = session(None, request.param)
    at.session_state[OPEN_KEY] = True
    at.session_state[LIFECYCLE_KEY] = True  # and the opportunities' life cycle
    at.session_state[WHATIF_KEY] = True  # and the what-if
    return Clicker(at)


@pytest.mark.parametrize("park_id", PARKS)
def test_candidate_exchanges_of_every_park(finder: Clicker, park_id: str) -> None:
    """Each park shows its candidates (a table with downloads) or why there are none, and its life cycle."""
    lang = str(finder.at.session_state[state.LANGUAGE])
    finder.click(park_id)
    assert not failures(finder.at, lang), failures(finder.at, lang)
    expected = candidates(SHIPPED, park_id)
    stream = t("opportunity.col_stream", lang)
    tables = [d for d in finder.at.dataframe if stream in d.value.columns]
    if expected.empty:
        assert not tables
        has_firms = (SHIPPED.firms["park_id"] == park_id).any()
        reason = t("opportunity.none" if has_firms else "opportunity.no_firms", lang)
        assert reason in [i.value for i in finder.at.info], park_id
    else:
        (table,) = tables
        assert len(table.value) == len(expected), park_id
        assert t("opportunity.rule", lang) in texts(finder.at)
    lifecycle = [c for c in finder.at.get("plotly_chart") if "lifecycle" in c.proto.id]
    assert len(lifecycle) == int((SHIPPED.links["park_id"] == park_id).any()), park_id  # a chart when it has links
    assert t("whatif.nothing", lang) in [i.value for i in finder.at.info], park_id  # the what-if, waiting
