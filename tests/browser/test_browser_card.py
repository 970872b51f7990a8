"""The map card's trend, drawn in the browser the moment a park is clicked, for every park drawn on the map.

The expected points come straight from the values table (not from the code that builds the card's data):
every year with a value is one marker of its provenance, the years without a value none; the threshold line
is drawn when a threshold of the indicator held in any of the years; a park without any value says so.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from eipmap.config import REPO_DIR
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Indicator
from eipmap.i18n import t
from eipmap.ingest.loading import load_dataset
from tests.browser import ARTIFACTS, map_frame, on_map, open_app, streamlit_server

pytestmark = pytest.mark.browser
PROVENANCE_OF = {"r": "reported", "e": "estimated", "i": "illustrative"}

CLICK_ALL_AND_READ_JS = """(ids) => {
  const m = window.eipMap;
  const parks = new Map(Object.values(m._layers).filter(l => l.feature && l.feature.properties.kind === 'park')
    .map(l => [l.feature.properties.park_id, l]));
  const card = m.getContainer().querySelector('.eip-card');
  const out = {};
  for (const id of ids) {
    const park = parks.get(id);
    park.fire('click', {latlng: park.getLatLng()});  // Leaflet's own click; read in the same task, before any run
    const trend = card.querySelector('.eip-trend');
    out[id] = {
      shown: !card.hidden && card.dataset.park === id,
      title: trend.querySelector('.eip-trend-title').textContent,
      points: [...trend.querySelectorAll('.eip-trend-point')].map(p => [Number(p.dataset.year), p.dataset.provenance]),
      threshold: trend.querySelectorAll('.eip-trend-threshold').length,
      legend: trend.querySelector('.eip-trend-legend')?.innerText ?? '',
      text: trend.innerText,
    };
  }
  m.eachLayer(l => l.closeTooltip && l.closeTooltip());  // a synthetic click leaves tooltips open
  return out;
}"""


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


def _most_documented(data: Dataset) -> Indicator:
    """The indicator with the most values that are not illustrative: its markers differ by provenance."""
    documented = data.values[data.values["provenance"] != "illustrative"]
    return data.indicators[str(documented["indicator_id"].value_counts().idxmax())]


def _superseded(data: Dataset) -> Indicator:
    """A measured indicator whose threshold lapsed (its line must stop where the text stopped applying)."""
    measured = set(data.values["indicator_id"])
    return next(i for i in data.indicators.values() if i.in_force_until is not None and i.indicator_id in measured)


def _expected(data: Dataset, park_id: str, ind: Indicator) -> list[list[object]]:
    rows = data.values[(data.values["park_id"] == park_id) & (data.values["indicator_id"] == ind.indicator_id)]
    rows = rows.dropna(subset=["value"]).sort_values("year")
    return [[int(r.year), str(r.provenance)[0]] for r in rows.itertuples()]


def _check_cards(page: Page, data: Dataset, ind: Indicator, lang: str) -> set[bool]:
    """Click every drawn park and check its card against the values table; whether parks with / without values met."""
    located = sorted(data.parks.dropna(subset=["lat", "lon"])["park_id"])
    cards = on_map(page, CLICK_ALL_AND_READ_JS, located)
    threshold_held = any(ind.applies_in(y) for y in data.years)
    kinds = set()
    for park_id in located:
        card, expected = cards[park_id], _expected(data, park_id, ind)
        assert card["shown"] and card["title"].startswith(ind.name(lang)), park_id
        assert card["points"] == expected, park_id
        if expected:
            assert card["threshold"] == int(threshold_held), park_id
            names = {t(f"provenance.{PROVENANCE_OF[c]}", lang) for _, c in expected}
            assert all(name in card["legend"] for name in names), park_id
        else:
            assert card["text"].endswith(t("legend.no_data", lang)), park_id
        kinds.add(bool(expected))
    return kinds


@pytest.mark.parametrize(("lang", "pick"), [("vi", _most_documented), ("en", _superseded)])
def test_every_parks_card_draws_its_trend_from_the_values(
    browser: Browser, app_url: str, dataset: Dataset, lang: str, pick: object
) -> None:
    ind = pick(dataset)  # type: ignore[operator]
    year = dataset.years[-1]  # the newest year
    page, _ = open_app(browser, f"{app_url}/?lang={lang}&indicator={ind.indicator_id}&year={year}", 1920, 1080)
    kinds = _check_cards(page, dataset, ind, lang)
    assert kinds == {True, False}  # the sweep met parks with values and parks without
    page.screenshot(path=str(ARTIFACTS / f"card-trend-{lang}-1920x1080.png"))
    page.close()


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Dataset]]:
    """The generated national dataset (scripts/generate_scale.py) and a server on it (its own release database)."""
    root = tmp_path_factory.mktemp("national-card")
    subprocess.run([sys.executable, str(REPO_DIR / "scripts" / "generate_scale.py"), str(root / "data")], check=True)
    with streamlit_server(root / "data") as url:
        yield url, load_dataset(root / "data")


def test_every_national_parks_card_draws_its_trend(browser: Browser, national: tuple[str, Dataset]) -> None:
    """Every park of the national dataset, in English, at its newest year."""
    url, data = national
    ind = data.indicators[data.default_indicator]
    page, _ = open_app(browser, f"{url}/?lang=en&indicator={ind.indicator_id}&year={data.years[-1]}", 1920, 1080)
    assert True in _check_cards(page, data, ind, "en")
    page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_first_screen_adds_its_chart_once_the_map_is_drawn(browser: Browser, app_url: str, lang: str) -> None:
    """The component tells the server when its map is drawn; only then does the overview add its Plotly chart."""
    page, _ = open_app(browser, f"{app_url}/?lang={lang}", 1600, 1000)
    frame = map_frame(page)
    assert frame.locator("[data-ready='1']").count() >= 1
    main = page.locator("[data-testid='stMain']")
    main.get_by_text(t("overview.status_chart", lang)).first.wait_for(state="visible", timeout=30_000)
    main.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible", timeout=30_000)
    page.close()


def test_after_a_parks_deep_link_the_overview_still_gets_its_chart(browser: Browser, app_url: str) -> None:
    """A park's link does not tell the server the map is drawn (nothing waits); leaving the park then does."""
    page, _ = open_app(browser, f"{app_url}/?park=hoa-khanh", 1600, 1000)
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("heading", name="KCN Hòa Khánh").wait_for(state="visible", timeout=30_000)
    page.get_by_role("button", name="Bỏ chọn khu công nghiệp").click()
    main.get_by_text(t("overview.status_chart", "vi")).first.wait_for(state="visible", timeout=30_000)
    main.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible", timeout=30_000)
    page.close()
