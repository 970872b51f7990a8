"""The benchmark's report: its results as the Markdown table the README carries (scripts/bench.py measures)."""

from __future__ import annotations

ROWS = [
    ("server script time, first load (ms)", "first_load_ms"),
    ("server script time, indicator change (ms)", "indicator_change_ms"),
    ("server script time, click on a park not clicked before (ms)", "click_ms"),
    ("server script time, click on a park clicked before (ms)", "click_again_ms"),
    ("map payload to the browser, JSON (KB)", "map_payload_kb"),
    ("map payload on the wire, deflated (KB)", "map_payload_wire_kb"),
    ("map component sent again per click, JSON (KB)", "per_click_kb"),
    ("map component per click on the wire, deflated (KB)", "per_click_wire_kb"),
    ("cold start: process start → map visible (s)", "cold_start_s"),
    ("page load → map visible, warm server (s)", "load_s"),
    ("click → the map's card: name, value with provenance, link counts, trend against its target (s)", "card_s"),
    ("click → park's name as the panel's heading (s)", "header_s"),
    ("click → detail panel's trend chart drawn (s)", "click_s"),
    ("click → the server's last run ended, as the browser receives it (s)", "click_run_s"),
    ("indicator change → recoloured (s)", "indicator_s"),
    ("indicator change → the server's last run ended, as the browser receives it (s)", "indicator_run_s"),
    ("messages to the server per pan/zoom", "messages_per_pan"),
    ("server RSS, 1 session (MB)", "rss_1_mb"),
    ("server RSS, 10 sessions (MB)", "rss_10_mb"),
]


def _cell(value: float | None) -> str:
    if value is None:
        return "–"
    return "failed" if value != value else f"{value:.2f}"


def table(results: dict[str, object]) -> str:
    """The Markdown table: app, naive baseline, baseline ÷ app, per dataset."""
    names = [k for k in results if k not in ("machine", "floors")]
    head = "| metric | " + " | ".join(f"{n}: app | {n}: naive | {n}: naive ÷ app" for n in names) + " |"
    lines = [head, "|---|" + "---|---|---|" * len(names)]
    for label, key in ROWS:
        cells = []
        for n in names:
            app, naive = results[n]["app"][key], results[n].get("naive", {}).get(key)  # type: ignore[attr-defined,index]
            ratio = "–" if not app or naive is None or app != app or naive != naive else f"{naive / app:.1f}×"
            cells += [_cell(app), _cell(naive), ratio]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", *floors_table(results, names)]
    m = results["machine"]
    lines.append(f"\nMachine: {m['cpus']} cores, {m['ram_gb']} GB RAM, Python {m['python']}, {m['platform']}.")  # type: ignore[index]
    start = " / ".join(str(x) for x in m.get("load_start", []))  # type: ignore[attr-defined]
    end = " / ".join(str(x) for x in m.get("load_end", []))  # type: ignore[attr-defined]
    lines.append(f"Load average (1, 5, 15 min) at the start: {start}; at the end: {end}.")
    return "\n".join(lines)


def floors_table(results: dict[str, object], names: list[str]) -> list[str]:
    """Streamlit's floors measured in the same run, and the app's start and click as multiples of them."""
    f = results.get("floors", {})
    start, click = f.get("empty_start_s", float("nan")), f.get("button_click_s", float("nan"))  # type: ignore[attr-defined]
    lines = ["| floor (same run) | seconds | " + " | ".join(f"{n}: app ÷ floor" for n in names) + " |"]
    lines.append("|---|---|" + "---|" * len(names))
    for label, floor, key in (
        ("empty Streamlit app: process start → its text visible", start, "cold_start_s"),
        ("one-button app: click → its text visible", click, "click_s"),
    ):
        ratios = [f"{results[n]['app'][key] / floor:.1f}×" if floor == floor else "–" for n in names]  # type: ignore[index]
        lines.append(f"| {label} | {_cell(floor)} | " + " | ".join(ratios) + " |")
    return lines
