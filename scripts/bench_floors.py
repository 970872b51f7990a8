"""Streamlit's own floors on this machine, measured in the same run as the app (scripts/bench.py calls it).

* start: process start → an empty app's one line visible in Chromium (the app's cold start is read against it);
* click: a one-button app's click → the line it writes visible (the app's click → panel is read against it).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench_browser import wait_text
from playwright.sync_api import Browser

from tests.browser import STARTED, streamlit_server

BENCH = Path(__file__).resolve().parent.parent / "bench"


def floors(browser: Browser, data_dir: Path, runs: int) -> dict[str, float]:
    """Median empty-app start and one-button click → text, in seconds."""
    starts, clicks = [], []
    for _ in range(max(3, runs // 2)):  # as many starts as the app's cold start takes
        with streamlit_server(data_dir, script=BENCH / "empty_app.py") as url:
            page = browser.new_page()
            page.goto(url, timeout=240_000)
            wait_text(page, "eipmap-floor-ready", 240_000)
            starts.append(time.perf_counter() - STARTED[url])
            page.close()
    with streamlit_server(data_dir, script=BENCH / "one_button_app.py") as url:
        page = browser.new_page()
        page.goto(url, timeout=240_000)
        wait_text(page, "eipmap-floor-clicks-0", 240_000)
        for n in range(1, runs + 1):
            start = time.perf_counter()
            page.get_by_role("button", name="floor-click").click()
            wait_text(page, f"eipmap-floor-clicks-{n}", 60_000)
            clicks.append(time.perf_counter() - start)
        page.close()
    return {"empty_start_s": statistics.median(starts), "button_click_s": statistics.median(clicks)}
