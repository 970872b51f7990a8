"""Server-side cost of the opportunity finder and the what-if, shipped vs national data (part of ``make bench``).

Medians over the parks that have firms (at most 30), one process, so the national ÷ shipped ratio compares like
with like. Pure Python timings of the analysis layer (no Streamlit run around them); the panel's own budgets are in
``scripts/bench.py``.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from eipmap.analysis.opportunities import candidates  # noqa: E402
from eipmap.analysis.whatif import Scenario, compare  # noqa: E402
from eipmap.domain.dataset import Dataset  # noqa: E402
from eipmap.ingest.loading import load_dataset  # noqa: E402

SAMPLE = 30
ROWS: list[tuple[str, Callable[[Dataset, str], object]]] = [
    ("candidate exchanges, the park's own firms (ms)", lambda d, p: candidates(d, p)),
    ("candidate exchanges, parks within 10 km (ms)", lambda d, p: candidates(d, p, 10)),
    ("what-if: a value set, compared with today (ms)", lambda d, p: compare(d, _value(d, p))),
]


def _value(data: Dataset, park_id: str) -> Scenario:
    return Scenario(park_id, data.years[-1], values=(("D35-37.2c", 25.0),))


def _median_ms(data: Dataset, measure: Callable[[Dataset, str], object]) -> float:
    parks = list(data.parks.loc[data.parks["park_id"].isin(data.firms["park_id"]), "park_id"])[:SAMPLE]
    measure(data, parks[0])  # warm-up
    times = []
    for park_id in parks:
        start = time.perf_counter()
        measure(data, park_id)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _collect_ms() -> float:
    times = []
    for _ in range(7):
        start = time.perf_counter()
        gc.collect(2)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def post_run_gc() -> tuple[float, float]:
    """What Streamlit's gc.collect(2) after each run costs with the screens and a dataset loaded, then frozen."""
    import eipmap.ui.map_page  # the modules a session has loaded
    import eipmap.ui.readiness_page  # noqa: F401 - loaded, not used

    load_dataset(ROOT / "data")
    before = _collect_ms()
    gc.freeze()  # what eipmap/ui/cache.py does once a release is loaded
    after = _collect_ms()
    gc.unfreeze()
    return before, after


def main() -> None:
    """Print the Markdown table."""
    from generate_scale import generate

    national = Path(tempfile.mkdtemp(prefix="eipmap-bench-")) / "national"
    generate(national, 1)
    shipped, scaled = load_dataset(ROOT / "data"), load_dataset(national)
    before, after = post_run_gc()
    print(f"Streamlit's post-run gc.collect(2): {before:.0f} ms per run before gc.freeze(), {after:.1f} ms after\n")
    print("| metric | shipped | national | national ÷ shipped |\n|---|---|---|---|")
    for label, measure in ROWS:
        a, b = _median_ms(shipped, measure), _median_ms(scaled, measure)
        print(f"| {label} | {a:.0f} | {b:.0f} | {b / a:.1f}× |")


if __name__ == "__main__":
    main()
