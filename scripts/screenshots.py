"""Take the screenshots a reviewer looks at: overview and a park panel, vi and en, 1600×1000 and 1920×1080.

Run: ``python scripts/screenshots.py [out_dir]`` (needs Debian's chromium). Uses the browser-test helpers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, click_park, map_frame, streamlit_server, wait_for_text  # noqa: E402

SIZES = ((1600, 1000), (1920, 1080))
PANEL_TEXT = {"vi": "Liên kết cộng sinh công nghiệp", "en": "Industrial-symbiosis links"}
OTHER_INDICATORS = {"vi": "Các chỉ số khác trong nhóm", "en": "Other indicators of the"}


CHART = "[data-testid='stPlotlyChart'] .main-svg"
TABLE = "[data-testid='stDataFrame'] canvas"
AWKWARD = (  # the places users go that the demonstration does not: (name, path and query, what to wait for)
    ("park-without-firms", "/?park=hoa-khanh-mo-rong", CHART),
    ("compare-kpi14-2024", "/compare?indicator=KPI-14&year=2024", TABLE),
    ("readiness", "/readiness", TABLE),
    ("present-ninh-binh", "/present?step=7", CHART),
    ("lapsed-threshold-d82-4-2024", "/?indicator=D82-4&year=2024&park=hiep-phuoc", CHART),
    ("benchmark-kpi09-2024", "/?indicator=KPI-09&year=2024&park=amata-bien-hoa", CHART),
    ("deep-c-links", "/?park=deep-c-haiphong-1", CHART),
    ("about-coverage", "/about", TABLE),
)


def _awkward_cases(browser: Browser, url: str, lang: str, size: tuple[int, int], out: Path) -> None:
    for name, path, ready in AWKWARD:
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(f"{url}{path}{'&' if '?' in path else '?'}lang={lang}")
        page.locator("[data-testid='stMainBlockContainer'] h1").first.wait_for(state="visible", timeout=60_000)
        if ready == CHART or "about" not in path:  # the data page has tables and figures, no chart
            page.locator(CHART).first.wait_for(state="visible", timeout=60_000)
        target = page.locator(ready).last
        target.wait_for(state="attached", timeout=60_000)
        page.screenshot(path=str(out / f"{name}-{lang}-{size[0]}x{size[1]}.png"))
        if ready == TABLE:  # the tables lie below the charts: a second picture of the last one
            target.scroll_into_view_if_needed()
            page.screenshot(path=str(out / f"{name}-table-{lang}-{size[0]}x{size[1]}.png"))
        page.close()


def main(out: Path) -> None:
    """Write one PNG per language × size × view into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in ("vi", "en"):
            for width, height in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(url)
                map_frame(page)
                if lang == "en":
                    page.get_by_text("English", exact=True).click()
                    wait_for_text(page, "Legend:")
                    map_frame(page)
                page.screenshot(path=str(out / f"overview-{lang}-{width}x{height}.png"))
                click_park(page, "hoa-khanh")
                wait_for_text(page, PANEL_TEXT[lang])
                page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible")
                page.mouse.move(5, 5)
                page.screenshot(path=str(out / f"hoa-khanh-{lang}-{width}x{height}.png"))
                page.get_by_text(OTHER_INDICATORS[lang]).first.click()  # built only when opened
                multiples = page.locator("[data-testid='stPlotlyChart'] .main-svg").nth(1)
                multiples.wait_for(state="visible")
                multiples.wait_for(state="visible")  # Streamlit may redraw it once more after the rerun
                multiples.scroll_into_view_if_needed()
                page.screenshot(path=str(out / f"hoa-khanh-multiples-{lang}-{width}x{height}.png"))
                page.close()
                _awkward_cases(browser, url, lang, (width, height), out)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "test-artifacts" / "screens")
