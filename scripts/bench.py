"""Benchmark the dashboard against a naive baseline, on the shipped data and a national-scale dataset.

``make bench`` runs it. Not part of the tests: nothing here asserts a time. It measures, in one run:

1. server script time (Streamlit AppTest) for a first load, an indicator change, a click on a park not clicked
   before (a different park each run) and on one clicked before — median of N runs;
2. bytes of the map component (its JSON arguments) on load and sent again per click, and the same deflated as
   the websocket's permessage-deflate sends them;
3. in headless Chromium, real ``streamlit run`` sessions (scripts/bench_browser.py): cold start (process start →
   map visible, median of 3 starts; the app started as make run starts it), page load → map visible on a warm server, click → the map's card with the park's trend, → the
   panel's heading, → its trend chart drawn (timed from the click itself), indicator change → recoloured, the
   server's runs as the browser receives their end over the websocket, and messages sent to the server by a
   pan/zoom (each would be a rerun);
4. server RSS with 1 and 10 concurrent browser sessions;
5. the same for the naive baseline (bench/naive_app.py), reported as baseline ÷ app; with ``--stress`` also the
   app alone on the ×10 dataset (4,500 parks; the baseline would take minutes a click there).

Writes bench-results/latest.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_browser import BROWSER_KEYS, Target, browser_side, cold_starts, rss_entry  # noqa: E402
from bench_floors import floors  # noqa: E402
from bench_report import table  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from eipmap.config import DATA_DIR_ENV  # noqa: E402
from eipmap.ingest.loading import load_dataset  # noqa: E402
from eipmap.ui import state  # noqa: E402
from tests.apptest_support import click_park_map, map_args, park_map, park_map_data  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

CLICK_PARK = "deep-c-haiphong-1"
NATIONAL_CLICK = "scale-park-00000"
NO_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _deflated_kb(body: bytes) -> float:
    """Size after permessage-deflate (server.enableWebsocketCompression) or gzip, estimated message by message."""
    squeezer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return len(squeezer.compress(body) + squeezer.flush(zlib.Z_SYNC_FLUSH)) / 1024


def _component_bytes(at: AppTest, naive: bool) -> bytes:
    """What a run sends of the map: streamlit-folium's JSON arguments, or our component's element (data, JS, CSS)."""
    if naive:
        return json.dumps(map_args(at)).encode()
    return park_map(at).proto.SerializeToString()  # type: ignore[attr-defined,no-any-return]


def _layer_files(at: AppTest) -> bytes:
    """The layers our component fetches once by URL on first load (outlines, the parks of the view)."""
    refs = park_map_data(at)
    return b"".join(
        (ROOT / str(refs[name]["url"]).removeprefix("/app/")).read_bytes()  # type: ignore[index]
        for name in ("base", "parks")
    )


def server_side(script: Path, data_dir: Path, park_id: str, naive: bool, runs: int) -> dict[str, float]:
    """AppTest timings (ms) and map payload sizes (KB) for one app on one dataset."""
    import streamlit as st

    os.environ[DATA_DIR_ENV] = str(data_dir)
    out: dict[str, float] = {}

    def first() -> AppTest:
        st.cache_resource.clear()
        at = AppTest.from_file(str(script), default_timeout=300)
        at.run()
        return at

    out["first_load_ms"] = _median_seconds(first, runs) * 1000
    at = first()
    sent = _component_bytes(at, naive)
    fetched = b"" if naive else _layer_files(at)  # HTTP responses, gzipped by Streamlit's server
    out["map_payload_kb"] = (len(sent) + len(fetched)) / 1024
    out["map_payload_wire_kb"] = _deflated_kb(sent) + (_deflated_kb(fetched) if fetched else 0.0)
    toggle = ["KPI-09", "D35-37.2c"]
    if naive:

        def change() -> None:
            at.selectbox(key="naive-indicator").set_value(toggle[0]).run()
            toggle.reverse()
    else:

        def change() -> None:
            at.selectbox(key=state.widget_key(state.CATEGORY, "vi")).set_value(
                "overall" if toggle[0] == "KPI-09" else "environmental"
            ).run()
            toggle.reverse()

    out["indicator_change_ms"] = _median_seconds(change, runs) * 1000
    count = [0]
    parks = load_dataset(data_dir).parks.set_index("park_id")
    order = [park_id, *(p for p in parks.sort_values("is_demonstration", ascending=False).index if p != park_id)]
    firsts = iter(order)

    def click(target: str) -> None:
        count[0] += 1
        if naive:  # the naive app matches the clicked coordinates back to a park
            row = parks.loc[target]
            at.session_state[str(map_args(at)["key"])] = {"last_object_clicked": {"lat": row["lat"], "lng": row["lon"]}}
            at.run()
        else:
            click_park_map(at, target)

    out["click_ms"] = _median_seconds(lambda: click(next(firsts)), runs) * 1000  # each park for the first time
    out["click_again_ms"] = _median_seconds(lambda: click(park_id), runs) * 1000  # a park clicked before
    after = _component_bytes(at, naive)
    out["per_click_kb"] = len(after) / 1024  # everything the component is sent again on a click
    out["per_click_wire_kb"] = _deflated_kb(after)
    return out


def _guarded(measure: Callable[[], dict[str, float | None]], keys: tuple[str, ...]) -> dict[str, float | None]:
    """A measurement, or NaN for each of its figures when it failed (e.g. a server that never answered)."""
    try:
        return measure()
    except Exception as exc:  # noqa: BLE001 - a failed measurement is reported, not fatal
        print(f"measurement failed: {type(exc).__name__}: {str(exc)[:200]}", file=sys.stderr)
        return dict.fromkeys(keys, float("nan"))


def _save(results: dict[str, object]) -> None:
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


def _naive_folder() -> Path:
    """A folder where the baseline finds the same static files and config as the app."""
    folder = Path(tempfile.mkdtemp(prefix="eipmap-naive-"))
    shutil.copy(ROOT / "bench" / "naive_app.py", folder / "naive_app.py")
    (folder / "static").symlink_to(ROOT / "static")
    shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
    return folder


def run(datasets: dict[str, Path], runs: int) -> dict[str, object]:
    """Every measurement for the app and the baseline on each dataset."""
    naive_script = _naive_folder() / "naive_app.py"
    results: dict[str, object] = {
        "machine": {
            "cpus": psutil.cpu_count(),
            "ram_gb": round(psutil.virtual_memory().total / 2**30),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_start": [round(x, 2) for x in os.getloadavg()],  # the machine's load, noted with the figures
        }
    }
    with sync_playwright() as pw:
        # Only the server is reachable, as in the tests: this machine has no internet, and tile requests that never
        # answer would count as the app's time. Resolving every other host to "not found" costs nothing per request
        # (a Playwright route would put a Python round trip on each of the ~100 script files a page loads).
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, NO_OTHER_HOSTS])
        for name, data_dir in datasets.items():
            park = CLICK_PARK if name == "shipped" else NATIONAL_CLICK
            row = load_dataset(data_dir).parks.set_index("park_id").loc[park]
            target = Target(park, str(row["name_vi"]), float(row.at["lat"]), float(row.at["lon"]))
            entry: dict[str, dict[str, float]] = {}
            for label, script, naive, panel in (
                ("app", ROOT / "serve.py", False, "Liên kết cộng sinh công nghiệp"),
                *([] if name == "stress" else [("naive", naive_script, True, "Selected:")]),  # ×10: minutes a click
            ):
                # AppTest runs the page script itself (app.py); the browser meets the server as make run starts it
                measured = server_side(ROOT / "app.py" if not naive else script, data_dir, park, naive, runs)
                measured |= _guarded(partial(cold_starts, browser, data_dir, script, naive), ("cold_start_s",))
                with streamlit_server(data_dir, script=script) as url:
                    measured |= _guarded(
                        partial(browser_side, browser, url, target, panel, naive, max(3, runs // 2)),
                        BROWSER_KEYS,
                    )
                    for sessions in (1, 10):
                        key = f"rss_{sessions}_mb"
                        measured |= _guarded(partial(rss_entry, browser, url, sessions, key), (key,))
                entry[label] = measured
                _save(results | {name: entry})
            results[name] = entry
        results["floors"] = _guarded(
            partial(floors, browser, datasets["shipped"], runs), ("empty_start_s", "button_click_s")
        )
        browser.close()
    results["machine"]["load_end"] = [round(x, 2) for x in os.getloadavg()]  # type: ignore[index]
    return results


def main() -> None:
    """Generate the national dataset, measure, write JSON and print the table."""
    parser = argparse.ArgumentParser(description="eipmap benchmark")
    parser.add_argument("--runs", type=int, default=5, help="AppTest repetitions (browser: half of it, at least 3)")
    parser.add_argument("--stress", action="store_true", help="also the ×10 dataset (slow)")
    args = parser.parse_args()
    from generate_scale import generate

    work = Path(tempfile.mkdtemp(prefix="eipmap-bench-"))
    # each generated data folder in a folder of its own: the app keeps its release database beside it (../var)
    datasets = {"shipped": ROOT / "data", "national": work / "national" / "data"}
    generate(datasets["national"], 1)
    if args.stress:
        datasets["stress"] = work / "stress" / "data"
        generate(datasets["stress"], 10)
    results = run(datasets, args.runs)
    _save(results)
    print(table(results))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    main()
