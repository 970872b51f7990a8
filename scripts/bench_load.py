"""Concurrent viewers and a sign-in flood, measured on loopback (``make bench`` runs it; nothing here asserts a time).

1. **Viewers**: one ``streamlit run`` on the shipped data; 1, then 10, then 20 headless Chromium sessions, each
   clicking parks chosen from the data (a different park every click, every located park eligible) for
   ``--seconds``. A click is Leaflet's own click event on the park's feature, so the component sends it as a
   mouse click would; it is timed until the panel's heading names that park. Reported per load: clicks, errors
   (a heading that never came or Streamlit's error box), p50 / p95, p95 as a ratio to the single session's,
   and the server's peak RSS (process and children, sampled every 0.5 s).
2. **Sign-in flood**: against a SQLite store, the time of one publish alone, then of the same publish while
   6 threads send 120 wrong sign-ins from 6 addresses; how the attempts were answered.

Writes bench-results/load.json and prints Markdown tables.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import Browser, Frame, Page, async_playwright  # noqa: E402

from eipmap.ingest.loading import load_dataset  # noqa: E402
from eipmap.releases.accounts import Account, LoginError, Role, add_user, sign_in  # noqa: E402
from eipmap.releases.store import Store  # noqa: E402
from eipmap.releases.update import publish_upload  # noqa: E402
from eipmap.releases.upload import read_upload  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, MAIN_MAP_READY_JS, SERVERS, streamlit_server  # noqa: E402

DATA = ROOT / "data"
CLICK_JS = """(id) => { for (const l of Object.values(window.eipMap._layers)) {
  const p = l.feature && l.feature.properties;
  if (p && p.kind === 'park' && p.park_id === id) { l.fire('click', {latlng: l.getLatLng()}, true); return true; } }
  return false; }"""
ERROR_BOX = "[data-testid='stException']"


async def _map(page: Page) -> Frame:
    """The page once its map's parks are drawn (the map page's map is our component, in the page itself)."""
    await page.main_frame.wait_for_function(MAIN_MAP_READY_JS, timeout=240_000)
    return page.main_frame


async def _open(browser: Browser, url: str) -> Page:
    """A viewer's page with its map drawn (only loopback is reachable: tiles are refused)."""
    page = await browser.new_page(viewport={"width": 1600, "height": 1000})
    await page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    await page.goto(url, timeout=240_000)
    await _map(page)
    return page


async def _clicks(page: Page, parks: list[tuple[str, str]], until: float, seed: int) -> dict:
    """Click parks until ``until``: a different park every time, timed until its heading shows."""
    times: list[float] = []
    errors = 0
    rng = random.Random(seed)
    current = ""
    while time.monotonic() < until:
        park_id, name = rng.choice([p for p in parks if p[0] != current])
        try:
            frame = await _map(page)
            start = time.perf_counter()
            if not await frame.evaluate(CLICK_JS, park_id):
                raise LookupError(park_id)
            await page.get_by_role("heading", name=name, exact=True).wait_for(state="visible", timeout=60_000)
            times.append(time.perf_counter() - start)
            current = park_id
            if await page.locator(ERROR_BOX).count():
                errors += 1
        except Exception as exc:  # noqa: BLE001 - a failed click is counted, not fatal
            errors += 1
            print(f"  click on {park_id} failed: {type(exc).__name__}: {str(exc)[:120]}", file=sys.stderr)
    return {"times": times, "errors": errors}


class PeakRss:
    """The server's peak RSS (process and children), sampled in a thread every 0.5 s."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(psutil.Error):
                procs = [self.proc, *self.proc.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs) / 2**20)
            self._stop.wait(0.5)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def viewers(url: str, loads: list[int], seconds: float) -> list[dict]:
    data = load_dataset(DATA)
    located = data.parks.dropna(subset=["lat", "lon"])
    parks = list(zip(located["park_id"], located["name_vi"], strict=True))
    rows = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for sessions in loads:
            pages = await asyncio.gather(*(_open(browser, url) for _ in range(sessions)))
            with PeakRss(SERVERS[url].pid) as rss:  # every session loaded: the clock starts for all at once
                until = time.monotonic() + seconds
                done = await asyncio.gather(*(_clicks(page, parks, until, k) for k, page in enumerate(pages)))
            for page in pages:
                await page.close()
            times = [t for d in done for t in d["times"]]
            rows.append(
                {
                    "sessions": sessions,
                    "clicks": len(times),
                    "errors": sum(d["errors"] for d in done),
                    "p50_s": _percentile(times, 50),
                    "p95_s": _percentile(times, 95),
                    "peak_rss_mb": rss.peak,
                    "load_avg_1min": os.getloadavg()[0],
                }
            )
            print(f"{sessions} sessions: {rows[-1]}", file=sys.stderr)
        await browser.close()
    single = rows[0]["p95_s"]
    for row in rows:
        row["p95_ratio"] = row["p95_s"] / single
    return rows


def _publish(store: Store, admin: Account, n: int) -> float:
    upload = read_upload(f"bench-{n}.csv", (VALUE_HEADER + f"\nhoa-khanh,KPI-09,2024,{40 + n},estimated,,\n").encode())
    start = time.perf_counter()
    publish_upload(store, upload, admin, sha=f"bench-{n}", note="benchmark", root=DATA)
    return time.perf_counter() - start


VALUE_HEADER = "park_id,indicator_id,year,value,provenance,source_url,note"


def flood() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'flood.sqlite'}")
        store.seed_from(DATA)
        add_user(store, "admin", "admin-password-1", Role.ADMIN, None)
        admin = sign_in(store, "admin", "admin-password-1", client="198.51.100.20")
        alone = statistics.median(_publish(store, admin, n) for n in range(3))
        answers: Counter[str] = Counter()

        def attacker(k: int) -> None:
            for i in range(20):
                try:
                    sign_in(store, ["admin", f"ghost{i}"][i % 2], f"guess-{i}", client=f"192.0.2.{k}")
                except LoginError as err:
                    answers[err.reason] += 1
                except Exception as exc:  # noqa: BLE001 - what the flood test must never see
                    answers[type(exc).__name__] += 1

        threads = [threading.Thread(target=attacker, args=(k,)) for k in range(6)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        during = statistics.median(_publish(store, admin, n) for n in range(3, 6))
        for thread in threads:
            thread.join()
        store.engine.dispose()
        return {
            "attempts": sum(answers.values()),
            "answers": dict(answers),
            "flood_s": time.perf_counter() - started,
            "publish_alone_s": alone,
            "publish_during_flood_s": during,
            "publish_ratio": during / alone,
        }


def tables(rows: list[dict], flooded: dict) -> str:
    out = [
        "| sessions | clicks | errors | click → panel p50 | p95 | p95 ÷ 1 session | server peak RSS | load (1 min) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r['sessions']} | {r['clicks']} | {r['errors']} | {r['p50_s']:.2f} s | {r['p95_s']:.2f} s "
            f"| {r['p95_ratio']:.1f}× | {r['peak_rss_mb']:.0f} MB | {r['load_avg_1min']:.1f} |"
        )
    answers = ", ".join(f"{n} {k}" for k, n in sorted(flooded["answers"].items()))
    out += [
        "",
        "| sign-in flood | attempts | answered as | publish alone | publish during flood | ratio |",
        "|---|---|---|---|---|---|",
        f"| 6 addresses × 20, 6 threads | {flooded['attempts']} | {answers} | {flooded['publish_alone_s']:.2f} s "
        f"| {flooded['publish_during_flood_s']:.2f} s | {flooded['publish_ratio']:.1f}× |",
    ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long each load clicks (default 60)")
    parser.add_argument(
        "--sessions", type=int, nargs="+", default=[1, 10, 20], help="loads to run; the first is the reference"
    )
    args = parser.parse_args()
    with streamlit_server() as url:
        rows = asyncio.run(viewers(url, args.sessions, args.seconds))
    flooded = flood()
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "load.json").write_text(json.dumps({"viewers": rows, "flood": flooded}, indent=2), encoding="utf-8")
    print(tables(rows, flooded))


if __name__ == "__main__":
    main()
