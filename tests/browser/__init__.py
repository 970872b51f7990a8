"""Helpers for the browser tests: a real `streamlit run` on a free loopback port, Chromium via Playwright.

Playwright cannot download browsers here, so it drives Debian's chromium (``/usr/bin/chromium``).
Every wait is explicit (a condition polled until a deadline), never a fixed sleep.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser, Download, Frame, Page, Route
from playwright.sync_api import Error as PlaywrightError

from eipmap.config import DATA_DIR_ENV, REPO_DIR
from eipmap.ingest.disk_cache import CACHE_DIR_ENV
from eipmap.releases.store import DATABASE_URL_ENV

CHROMIUM = os.environ.get("EIPMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
ARTIFACTS = REPO_DIR / "test-artifacts"
START_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling interval of a bounded readiness check, not a synchronisation sleep
    raise TimeoutError(f"streamlit did not become healthy at {url}")


SERVERS: dict[str, subprocess.Popen[bytes]] = {}
STARTED: dict[str, float] = {}  # server URL → time.perf_counter() when its process was started (for the benchmark)


def url_of(port: int) -> str:
    return f"http://127.0.0.1:{port}"


@contextmanager
def streamlit_server(
    data_dir: Path | None = None, tiles: str | None = None, script: Path | None = None
) -> Iterator[str]:
    """Start the app as ``make run`` does (``streamlit run serve.py``) and yield its URL.

    ``script`` runs another entry point (the benchmark's naive baseline) from its own folder.
    """
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if data_dir is not None:  # its own release database and cache, beside that data folder (var/)
        env[DATA_DIR_ENV] = str(data_dir)
        env.pop(DATABASE_URL_ENV, None)
        env.pop(CACHE_DIR_ENV, None)
    if tiles is not None:
        env["EIPMAP_TILES"] = tiles
    main = script or REPO_DIR / "serve.py"
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(main),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    log = (ARTIFACTS / f"streamlit-{port}.log").open("wb") if ARTIFACTS.exists() else subprocess.DEVNULL
    env["PYTHONPATH"] = str(REPO_DIR)
    STARTED[url_of(port)] = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=main.parent, env=env, stdout=log, stderr=subprocess.STDOUT)
    SERVERS[url_of(port)] = proc
    url = url_of(port)
    try:
        _wait_healthy(url, proc, time.monotonic() + START_TIMEOUT_S)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


MAP_READY_JS = "() => (window.eipMap || window.map) && document.querySelectorAll('path.leaflet-interactive').length > 0"
# the main map is our own component in the page itself (eipmap/ui/park_map.js); the other maps are folium iframes
MAIN_MAP_READY_JS = """() => { const m = window.eipMap; if (!m) return false; const el = m.getContainer();
  return el.isConnected && el.dataset.ready === '1' && el.querySelectorAll('path.leaflet-interactive').length > 0; }"""


def _main_map(page: Page) -> Frame | None:
    try:
        return page.main_frame if page.main_frame.evaluate(MAIN_MAP_READY_JS) else None
    except PlaywrightError:  # the page is navigating
        return None


def map_frame(page: Page, timeout_s: float = 60.0) -> Frame:
    """The frame holding the page's Leaflet map, once its map and park layer exist.

    On the map page that is the page itself (our component); on the other pages it is streamlit-folium's
    iframe. Streamlit may replace the iframe while it re-renders (e.g. after a language switch),
    so a frame that detaches while we wait is dropped and the current one is taken.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        main = _main_map(page)
        if main is not None:
            return main
        handle = page.query_selector(MAP_IFRAME)
        frame = handle.content_frame() if handle is not None else None
        if frame is None:
            page.wait_for_timeout(100)  # polling interval of a bounded readiness check
            continue
        try:
            frame.wait_for_function(MAP_READY_JS, timeout=2_000, polling="raf")
        except PlaywrightError:
            continue
        return frame
    raise TimeoutError("the map never became ready")


def on_map(page: Page, js: str, arg: object = None, attempts: int = 4) -> Any:
    """Evaluate ``js`` on the page's current Leaflet map, taken again if the map was replaced meanwhile.

    Streamlit may re-mount the component (a reconnect on a loaded machine) between finding the map and
    using it: then ``window.eipMap`` is gone for a moment and the call is made again on the new map.
    """
    for attempt in range(attempts):
        try:
            return map_frame(page).evaluate(js, arg)
        except PlaywrightError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def map_offset(page: Page, frame: Frame) -> tuple[float, float]:
    """Where the frame's (0, 0) is on the page: the iframe's corner, or nothing for the page itself."""
    if frame == page.main_frame:
        return 0.0, 0.0
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box is not None
    return box["x"], box["y"]


# a tooltip's text: our component's tooltips are elements, folium's are HTML strings
TIP_TEXT_JS = "((c) => (c && c.textContent !== undefined ? c.textContent : String(c)))"
PARKS_JS = """() => { const out = {}; const m = window.eipMap || window.map;
  for (const k in m._layers) { const l = m._layers[k];
  if (l.feature && l.feature.properties && l.feature.properties.kind === 'park') {
    out[l.feature.properties.park_id] = {lat: l.getLatLng().lat, lng: l.getLatLng().lng, fill: l.options.fillColor}; } }
  return out; }"""


def drawn_parks(frame: Frame) -> dict[str, dict[str, object]]:
    """park_id → position and fill colour of every park feature on the map."""
    return frame.evaluate(PARKS_JS)  # type: ignore[no-any-return]


UNDER_POINT_JS = """([x, y]) => { const m = window.eipMap || window.map; const el = document.elementFromPoint(x, y);
  const hit = Object.values(m._layers).find(l => l._path === el && l.feature && l.feature.properties.kind === 'park');
  return hit ? hit.feature.properties.park_id : null; }"""
CLOSE_TOOLTIPS_JS = "() => (window.eipMap || window.map).eachLayer(l => l.closeTooltip && l.closeTooltip())"


def aim_at_park(page: Page, park_id: str, zoom: int = 14, attempts: int = 4) -> tuple[float, float, str]:
    """Centre the map on a park and hover it: the page coordinates to click, and the tooltip text.

    Every park is centred, so the pointer may already rest where the next one appears: it leaves the
    spot first, so that the browser sends a real mouse-over. A tooltip left open by an earlier hover (a link drawn
    under the pointer by the previous click's run) is closed first, and the park itself must be what is under
    the point. Streamlit may redraw a folium iframe while we aim, so a failed aim is tried again on the current frame.
    """
    for attempt in range(attempts):
        frame = map_frame(page)
        try:
            where = drawn_parks(frame)[park_id]
            frame.evaluate(
                "([lat, lng, z]) => (window.eipMap || window.map).setView([lat, lng], z, {animate: false})",
                [where["lat"], where["lng"], zoom],
            )
            frame.evaluate(CLOSE_TOOLTIPS_JS)
            point = frame.evaluate(
                """([lat, lng]) => { const p = (window.eipMap || window.map).latLngToContainerPoint([lat, lng]);
                   const r = (window.eipMap || window.map).getContainer().getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""",
                [where["lat"], where["lng"]],
            )
            left, top = map_offset(page, frame)
            x, y = left + point[0], top + point[1]
            page.mouse.move(x - 60, y - 60)
            page.mouse.move(x, y, steps=4)
            frame.wait_for_selector(".leaflet-tooltip", timeout=5_000)
            under = frame.evaluate(UNDER_POINT_JS, point)
            if under != park_id:
                raise PlaywrightError(f"{under} is under the pointer, not {park_id}")
            return x, y, frame.inner_text(".leaflet-tooltip")
        except PlaywrightError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def click_park(page: Page, park_id: str, zoom: int = 14) -> str:
    """Centre the map on a park, hover it (returns the tooltip text), then click it."""
    x, y, tooltip = aim_at_park(page, park_id, zoom)
    page.mouse.click(x, y)
    return tooltip


def settle(page: Page, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished its run (Streamlit marks its state on the app's root)."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout_ms,
    )


def download(page: Page, button: str, timeout_ms: int = 60_000, attempts: int = 3) -> Download:
    """Click a download button and return the download, clicking again if the click was lost.

    A button whose file is built on click asks the server for it; a rerun landing at that moment (a loaded
    machine) can drop the request, and a user would click again. Each try waits for the run to end first.
    """
    for attempt in range(attempts):
        settle(page)
        try:
            with page.expect_download(timeout=timeout_ms) as got:
                page.get_by_role("button", name=button).click()
            return got.value
        except PlaywrightError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def wait_for_text(page: Page, text: str, timeout_ms: int = 30_000) -> None:
    """Wait until ``text`` is visible somewhere in the app's main area."""
    page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=timeout_ms)


class Offline:
    """Aborts every non-loopback request and remembers the hosts asked for."""

    def __init__(self) -> None:
        self.hosts: set[str] = set()

    def __call__(self, route: Route) -> None:
        url = urlparse(route.request.url)
        host = url.hostname or ""
        if host in ("127.0.0.1", "localhost") or url.scheme in ("file", "data", "blob"):
            route.continue_()
        else:
            self.hosts.add(host)
            route.abort("internetdisconnected")


def open_app(
    browser: Browser, url: str, width: int = 1600, height: int = 1000, *, with_map: bool = True
) -> tuple[Page, Offline]:
    page = browser.new_page(viewport={"width": width, "height": height})
    offline = Offline()
    page.route("**/*", offline)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    page.goto(url)
    if with_map:
        map_frame(page)
    return page, offline


EDITOR_PASSWORD = "đà-nẵng-2026!"  # the Đà Nẵng editor the update tests create


def in_main(page: Page, text: str, timeout_ms: int = 30_000) -> None:
    """Wait for ``text`` in the main area (the sidebar's collapsed sign-in box holds some of the same words)."""
    page.locator("[data-testid='stMain']").get_by_text(text).first.wait_for(state="visible", timeout=timeout_ms)


def sign_in(page: Page, username: str, password: str) -> None:
    """Open the sidebar's sign-in box and sign in.

    A rerun that lands while the box opens (the page just changed) can draw it closed again:
    the box is opened until its field shows, as a user would click again.
    """
    field = page.get_by_label("Tên đăng nhập")
    for _ in range(4):
        if not field.is_visible():
            page.get_by_text("Đăng nhập biên tập").click()
        try:
            field.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightError:
            continue
    field.fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()


def open_update_page(page: Page, username: str = "danang-editor", password: str = EDITOR_PASSWORD) -> None:
    """Sign in as the Đà Nẵng editor and open the update page, as a user would: once signed in, click the page.

    A click that lands while a rerun still draws the page can be dropped (the page stays as it was, or the
    sign-in box comes back empty); a user clicks again, and so does this.
    """
    for attempt in range(3):  # a submit that lands during a rerun can be dropped: a user signs in again
        sign_in(page, username, password)
        try:
            page.get_by_role("button", name="Đăng xuất").wait_for(state="visible", timeout=20_000)
            break
        except PlaywrightError:
            alerts = page.locator("[data-testid='stAlertContentError']").all_inner_texts()
            if attempt == 2:
                raise AssertionError(f"the sign-in never finished; messages on the page: {alerts}") from None
    for attempt in range(3):
        page.get_by_role("link", name="Cập nhật dữ liệu").click()
        try:
            in_main(page, "biên tập viên tỉnh Đà Nẵng", 20_000)
            return
        except PlaywrightError:
            if attempt == 2:
                raise
