"""Real mouse clicks in headless Chromium on parks of every province, most of them not demonstration parks.

The parks are chosen from the data (per province: the first park that is not a demonstration park, and
a demonstration park where the province has one, else a second park), so the sweep follows the data.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from playwright.sync_api import Browser

from eipmap.i18n import t
from eipmap.ingest.loading import load_dataset
from tests.browser import ARTIFACTS, click_park, open_app, streamlit_server
from tests.conftest import DATA

pytestmark = pytest.mark.browser
ERROR_BOX = "[data-testid='stAlert'] [data-testid='stAlertContentError'], [data-testid='stException']"


def chosen_parks(parks: pd.DataFrame) -> list[str]:
    """Two parks per province with parks, non-demonstration ones first (only drawn parks can be clicked)."""
    picked: list[str] = []
    located = parks.dropna(subset=["lat", "lon"])
    for _code, own in located.sort_values("park_id").groupby("province_code", sort=True):
        plain = list(own.loc[~own["is_demonstration"], "park_id"])
        demo = list(own.loc[own["is_demonstration"], "park_id"])
        picked += (plain[:1] + demo[:1] + plain[1:])[:2]
    return picked


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mouse_clicks_on_parks_of_every_province(browser: Browser, app_url: str, lang: str) -> None:
    data = load_dataset(DATA)
    parks = data.parks.set_index("park_id")
    picked = chosen_parks(data.parks)
    assert set(parks.loc[picked, "province_code"]) == set(data.parks["province_code"])  # every province
    assert len(picked) >= 8 and (~parks.loc[picked, "is_demonstration"]).sum() >= 5
    page, _ = open_app(browser, f"{app_url}/?lang={lang}")
    for park_id in picked:
        name = str(parks.at[park_id, f"name_{lang}"])
        tooltip = click_park(page, park_id)
        assert name in tooltip, (park_id, tooltip)  # the mouse is on the intended park
        page.get_by_role("heading", name=name, exact=True).wait_for(state="visible", timeout=30_000)
        has_links = (data.links["park_id"] == park_id).any()
        expected = t("panel.links", lang) if has_links else t("panel.no_links", lang)
        page.get_by_text(expected, exact=False).first.wait_for(state="visible", timeout=30_000)
        assert page.locator(ERROR_BOX).count() == 0, park_id
    page.screenshot(path=str(ARTIFACTS / f"sweep-last-park-{lang}-1600x1000.png"))
    page.close()
