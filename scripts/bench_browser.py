"""The benchmark's browser side (scripts/bench.py calls it): real ``streamlit run`` sessions in headless Chromium.

Every time here is a real session's: a page load, a click with the mouse, an indicator chosen in the sidebar.
Besides what the page shows, ``RunClock`` reads the websocket as the browser receives it, so the server's runs are
timed as users pay for them (Streamlit's post-run work, the websocket, the browser's own queue), not under AppTest.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from google.protobuf.message import DecodeError
from playwright.sync_api import Browser, Page, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import MAIN_MAP_READY_JS, SERVERS, STARTED, aim_at_park, map_frame, streamlit_server

GOTO_TIMEOUT_MS = 240_000
BROWSER_KEYS: tuple[str, ...] = ("load_s", "card_s", "header_s", "click_s", "indicator_s", "messages_per_pan")
BROWSER_KEYS += ("click_run_s", "indicator_run_s")
SETTLE_MS = 600  # after what a user waits for: a run that follows it (e.g. a view change) still counts


@dataclass(frozen=True)
class Target:
    """The park a benchmark clicks: its id, its Vietnamese name (the panel's heading) and where it is."""

    park_id: str
    name: str
    lat: float
    lon: float


class RunClock:
    """When, seen from the browser, the page sent anything to the server and each server run ended."""

    def __init__(self, page: Page) -> None:
        self.sent: list[float] = []
        self.ended: list[float] = []
        page.on("websocket", self._attach)

    def _attach(self, ws: WebSocket) -> None:
        ws.on("framesent", lambda _payload: self.sent.append(time.perf_counter()))
        ws.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(payload)
        except DecodeError:
            return
        if msg.WhichOneof("type") == "script_finished":
            self.ended.append(time.perf_counter())

    def last_run_end(self, since: float) -> float:
        """When the last run that ended after ``since`` ended (NaN if none did)."""
        after = [t for t in self.ended if t > since]
        return after[-1] if after else float("nan")


# Every wait below is checked on each animation frame in the page (``wait_for_function``'s "raf" polling): a
# locator's wait re-checks at growing intervals (up to 0.5 s apart), which would add up to that to a time.
SHOWN_JS = "(e) => !!e && e.getClientRects().length > 0"
HEADING_JS = f"""(name) => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .some(h => h.textContent.includes(name) && ({SHOWN_JS})(h))"""
CARD_JS = f"""(name) => [...document.querySelectorAll('.eip-card')]
  .some(c => !c.hidden && c.textContent.includes(name) && ({SHOWN_JS})(c.querySelector('.eip-trend')))"""
SELECTOR_JS = f"(selector) => ({SHOWN_JS})(document.querySelector(selector))"
TEXT_JS = """(text) => { const main = document.querySelector("[data-testid='stMain']");
  return !!main && main.textContent.includes(text); }"""


def wait_js(page: Page, predicate: str, arg: object = None, timeout_ms: float = 120_000) -> None:
    """Wait until ``predicate(arg)`` holds in the page, checked on every animation frame."""
    page.wait_for_function(predicate, arg=arg, polling="raf", timeout=timeout_ms)


def wait_text(page: Page, text: str, timeout_ms: float = 120_000) -> None:
    """Wait until ``text`` is in the app's main area."""
    wait_js(page, TEXT_JS, text, timeout_ms)


def wait_map(page: Page, naive: bool, timeout_s: float = 180) -> None:
    """The map drawn with its parks: our component in the page (checked each frame), or the naive app's iframe."""
    if naive:
        map_frame(page, timeout_s=timeout_s)
    else:
        wait_js(page, MAIN_MAP_READY_JS, None, timeout_s * 1000)


def _page(browser: Browser, width: int, height: int) -> Page:
    return browser.new_page(viewport={"width": width, "height": height})


def _wait_chart(page: Page, naive: bool) -> None:
    """The detail panel's trend chart drawn (the app's overview has a chart of its own, so by key)."""
    wait_js(page, SELECTOR_JS, "[data-testid='stPlotlyChart'] .main-svg" if naive else ".st-key-trend-chart .main-svg")


def _aim_marker(page: Page, lat: float, lon: float) -> tuple[float, float]:
    """Where to click a pin marker of the naive map (its icon stands ~20 px above the point)."""
    frame = map_frame(page)
    frame.evaluate("([lat, lng]) => window.map.setView([lat, lng], 14, {animate: false})", [lat, lon])
    point = frame.evaluate(
        "([lat, lng]) => { const p = window.map.latLngToContainerPoint([lat, lng]);"
        " const r = window.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }",
        [lat, lon],
    )
    box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    assert box is not None
    return box["x"] + point[0], box["y"] + point[1] - 20


def _wait_header(page: Page, header: str) -> None:
    """The clicked park's name as the panel's heading, drawn by the server's run (the naive app: its 'Selected:' line).

    A heading, not any text: the map's tooltip and card (in the page itself) show the name before the server answers.
    """
    wait_js(page, HEADING_JS, header)


def _wait_card(page: Page, name: str) -> None:
    """The map's card with the clicked park's name and its trend drawn (in the browser from the park layer)."""
    wait_js(page, CARD_JS, name)  # its chart, or "no data" for it


def browser_side(
    browser: Browser, url: str, park: Target, panel_text: str, naive: bool, runs: int
) -> dict[str, float | None]:
    """Chromium timings (s) and messages per pan for one server."""
    loads, cards, headers, clicks, changes, pans, click_runs, change_runs = [], [], [], [], [], [], [], []
    header = "Selected:" if naive else park.name
    for _ in range(runs):
        page = _page(browser, 1600, 1000)
        clock = RunClock(page)
        sent = clock.sent
        start = time.perf_counter()
        page.goto(url, timeout=GOTO_TIMEOUT_MS)
        wait_map(page, naive)
        loads.append(time.perf_counter() - start)
        frame = map_frame(page)
        page.wait_for_timeout(1500)  # let the first run settle before counting
        before = len(sent)
        frame.evaluate(
            "() => { const m = window.eipMap || window.map; m.panBy([200, 100], {animate: false});"
            " m.setZoom(8, {animate: false}); }"
        )
        page.wait_for_timeout(1200)  # observation window: the component debounces by 250 ms
        pans.append(len(sent) - before)
        if naive:
            x, y = _aim_marker(page, park.lat, park.lon)
        else:
            x, y, _tooltip = aim_at_park(page, park.park_id)
        start = time.perf_counter()  # from the click itself, not the aiming and hovering before it
        page.mouse.click(x, y)
        if not naive:
            _wait_card(page, header)
            cards.append(time.perf_counter() - start)
        _wait_header(page, header)
        headers.append(time.perf_counter() - start)
        _wait_chart(page, naive)
        clicks.append(time.perf_counter() - start)
        wait_text(page, panel_text)
        page.wait_for_timeout(SETTLE_MS)
        click_runs.append(clock.last_run_end(start) - start)
        start = time.perf_counter()
        if naive:
            page.get_by_role("combobox", name="Indicator").click()
            page.get_by_role("option", name="KPI-09", exact=True).click()
            map_frame(page, timeout_s=180)
        else:
            page.get_by_role("combobox", name="Nhóm chỉ số").click()
            page.get_by_role("option", name="Tổng hợp", exact=True).click()
            wait_text(page, "Chú giải: Mức tuân thủ")
        changes.append(time.perf_counter() - start)
        page.wait_for_timeout(SETTLE_MS)
        change_runs.append(clock.last_run_end(start) - start)
        page.close()
    return {
        "load_s": statistics.median(loads),
        "card_s": statistics.median(cards) if cards else None,  # the naive app has no card
        "header_s": statistics.median(headers),
        "click_s": statistics.median(clicks),
        "indicator_s": statistics.median(changes),
        "messages_per_pan": statistics.median(pans),
        "click_run_s": statistics.median(click_runs),
        "indicator_run_s": statistics.median(change_runs),
    }


def cold_start(browser: Browser, url: str, naive: bool) -> dict[str, float]:
    """Process start → map visible, for the first page a just-started server serves."""
    page = _page(browser, 1600, 1000)
    page.goto(url, timeout=GOTO_TIMEOUT_MS)
    wait_map(page, naive)
    seconds = time.perf_counter() - STARTED[url]
    page.close()
    return {"cold_start_s": seconds}


def rss_mb(browser: Browser, url: str, sessions: int) -> float:
    """Server process RSS (MB) with ``sessions`` pages open at once."""
    pages = [_page(browser, 1400, 900) for _ in range(sessions)]
    for page in pages:
        page.goto(url, timeout=GOTO_TIMEOUT_MS, wait_until="commit")
    for page in pages:
        map_frame(page, timeout_s=240)
    proc = psutil.Process(SERVERS[url].pid)
    rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
    for page in pages:
        page.close()
    return rss / 1024 / 1024


def rss_entry(browser: Browser, url: str, sessions: int, key: str) -> dict[str, float]:
    return {key: rss_mb(browser, url, sessions)}


def cold_starts(browser: Browser, data_dir: Path, script: Path, naive: bool, starts: int = 3) -> dict[str, float]:
    """Median of ``starts`` server starts, process start → map visible (one start varied by ±25 % here)."""
    seconds = []
    for _ in range(starts):
        with streamlit_server(data_dir, script=script) as url:
            seconds.append(cold_start(browser, url, naive)["cold_start_s"])
    return {"cold_start_s": statistics.median(seconds)}
