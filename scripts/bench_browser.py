"""The benchmark's browser side (scripts/bench.py calls it): real ``streamlit run`` sessions in headless Chromium.

Every time here is a real session's: a page load, a click with the mouse, an indicator chosen in the sidebar.
Besides what the page shows, ``RunClock`` reads the websocket as the browser receives it, so the server's runs are
timed as users pay for them (Streamlit's post-run work, the websocket, the browser's own queue), not under AppTest.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import psutil
from google.protobuf.message import DecodeError
from playwright.sync_api import Browser, Page, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import SERVERS, STARTED, aim_at_park, map_frame

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


def _wait_panel(page: Page, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=120_000)


def _page(browser: Browser, width: int, height: int) -> Page:
    return browser.new_page(viewport={"width": width, "height": height})


def _wait_chart(page: Page, naive: bool) -> None:
    """The detail panel's trend chart drawn (the app's overview has a chart of its own, so by key)."""
    chart = "[data-testid='stPlotlyChart'] .main-svg" if naive else ".st-key-trend-chart .main-svg"
    page.locator(chart).first.wait_for(state="visible", timeout=120_000)


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


def _wait_header(page: Page, header: str, naive: bool) -> None:
    """The clicked park's name as the panel's heading, drawn by the server's run (the naive app: its 'Selected:' line).

    A heading, not any text: the map's tooltip and card (in the page itself) show the name before the server answers.
    """
    found = page.get_by_text(header) if naive else page.get_by_role("heading", name=header)
    found.first.wait_for(state="visible", timeout=120_000)


def _wait_card(page: Page, name: str) -> None:
    """The map's card with the clicked park's name and its trend drawn (in the browser from the park layer)."""
    card = page.locator(".eip-card", has_text=name)
    card.locator(".eip-trend").wait_for(state="visible", timeout=120_000)  # its chart, or "no data" for it


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
        frame = map_frame(page, timeout_s=180)
        loads.append(time.perf_counter() - start)
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
        _wait_header(page, header, naive)
        headers.append(time.perf_counter() - start)
        _wait_chart(page, naive)
        clicks.append(time.perf_counter() - start)
        _wait_panel(page, panel_text)
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
            _wait_panel(page, "Chú giải: Mức tuân thủ")
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


def cold_start(browser: Browser, url: str) -> dict[str, float]:
    """Process start → map visible, for the first page a just-started server serves."""
    page = _page(browser, 1600, 1000)
    page.goto(url, timeout=GOTO_TIMEOUT_MS)
    map_frame(page, timeout_s=180)
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
