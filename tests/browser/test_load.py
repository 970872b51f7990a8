"""Concurrent viewers, briefly: the load benchmark's own code with 1 and 4 sessions clicking parks for 10 s.

Every click must reach its park's panel with no error box; the times are reported by `make bench`
(scripts/bench_load.py, 1/10/20 sessions for 60 s), never asserted here.
"""

from __future__ import annotations

import asyncio
import importlib.util
import threading
from types import ModuleType

import pytest

from eipmap.config import REPO_DIR
from tests.browser import streamlit_server

pytestmark = pytest.mark.browser


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", REPO_DIR / "scripts" / "bench_load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_four_sessions_clicking_parks_get_every_panel(browser: object) -> None:
    """``browser`` only for its check that Chromium is installed; the sessions are the benchmark's own."""
    bench = _bench()
    out: list[list[dict[str, float]]] = []
    with streamlit_server() as url:  # in a thread: the session's sync Playwright holds this thread's event loop
        runner = threading.Thread(target=lambda: out.append(asyncio.run(bench.viewers(url, [1, 4], 10.0))))
        runner.start()
        runner.join(timeout=600)
    (rows,) = out
    assert [r["sessions"] for r in rows] == [1, 4]
    assert all(r["errors"] == 0 for r in rows), rows
    assert rows[1]["clicks"] >= 4, rows  # every session clicked at least once
    assert all(r["peak_rss_mb"] > 0 for r in rows)


def test_the_flood_measure_answers_every_attempt() -> None:
    flooded = _bench().flood()
    assert flooded["attempts"] == 120
    assert set(flooded["answers"]) <= {"wrong", "locked", "throttled"}, flooded
