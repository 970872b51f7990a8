"""Write data/indicators/values.csv from the parks and the symbiosis links.

Deterministic (seeded): running it twice gives byte-identical files. Firms and links are data
(``data/symbiosis/*.csv``, edited as data and validated like every input); this script reads them.

* Indicator values: the few figures a source reports (``data/sources/anchored_values.csv``) are written as
  ``reported`` with their source; values computed from the link records are
  ``estimated``; everything else is ``illustrative`` — a plausible series
  (COVID-19 dip in 2020–2021, demonstration parks improving after 2020) with
  gaps left as gaps.

Run: ``python scripts/generate_data.py``
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eipmap.domain.errors import DataValidationError, Failure  # noqa: E402
from eipmap.domain.models import LocationAccuracy  # noqa: E402
from eipmap.ingest.loading import validate_table  # noqa: E402

SEED = 20250701
FIRST_YEAR = int(pd.read_csv(ROOT / "data" / "indicators" / "defaults.csv")["first_year"].iloc[0])
YEARS = range(FIRST_YEAR, 2026)  # the series' first year (data) to the last illustrated year
SOURCES = ROOT / "data" / "sources"  # what this script generates from, as validated CSV
# GEIPP expected yearly savings across its parks are programme totals (data/programme/totals.csv, reported for the
# southern and northern GEIPP parks, not Hòa Khánh or Trà Nóc); the per-park split (data/sources/geipp_split.csv) is
# illustrative, reaches the totals in 2025 and never exceeds them (tests/shipped_data/test_data_truth.py).
NO_LINK_RECORDED = "no operating symbiosis link recorded"  # such a year gets no count, not a 0
MODEL_FILE = "sources/illustrative_model.csv"  # per indicator: a threshold, or a line over the park's maturity
COVID = {2020: 0.93, 2021: 0.88}
GAP_SHARE = 0.07
UNMONITORED_SHARE = 0.25


def operating_links(links: pd.DataFrame, park_id: str, year: int) -> pd.DataFrame:
    """Industrial-symbiosis links of a park operating in ``year`` (started, and not stopped before that year).

    Cooperation that Circular 05/2025 Art. 2(1) does not call symbiosis (a partner outside the park, the
    mandatory central wastewater plant) is not counted.
    """
    own = links[(links["park_id"] == park_id) & links["counts_as_symbiosis"].astype(bool)]
    started = own["year_operating_start"].fillna(9999).astype(int) <= year
    running = (own["status"] == "operating") | ((own["status"] == "discontinued") & (own["year_status_changed"] > year))
    return own[started & running]


def _maturity(rng: random.Random, is_demo: bool) -> list[float]:
    base = rng.uniform(0.42, 0.55) if is_demo else rng.uniform(0.08, 0.5)
    slope = rng.uniform(0.06, 0.09) if is_demo else rng.uniform(0.0, 0.035)
    # demonstration parks improve from the start of GEIPP (2020) on
    return [min(0.97, base + slope * max(0, y - 2020)) for y in YEARS]


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def park_series(park: dict[str, object], rng: random.Random, links: pd.DataFrame) -> list[dict[str, object]]:
    """All illustrative/estimated values of one park (before gaps are cut)."""
    is_demo = bool(park["is_demonstration"])
    mat = _maturity(rng, is_demo)
    start = int(park["established_year"]) + 1 if not pd.isna(park["established_year"]) else FIRST_YEAR
    has_links = (links["park_id"] == park["park_id"]).any()
    out: list[dict[str, object]] = []

    def put(ind: str, year: int, value: float, prov: str = "illustrative", src: str = "", note: str = "") -> None:
        if year >= start:
            out.append(
                {
                    "park_id": park["park_id"],
                    "indicator_id": ind,
                    "year": year,
                    "value": value,
                    "provenance": prov,
                    "source_url": src,
                    "note": note,
                }
            )

    for ind, cut in BOOLEAN_THRESHOLDS.items():
        state = 0.0
        for year, m in zip(YEARS, mat, strict=True):
            state = max(state, 1.0 if m + rng.uniform(-0.08, 0.08) > cut else 0.0)
            put(ind, year, state)
    for ind, (a, b) in LINEAR.items():
        if ind == "D35-37.2b-ISO" and not has_links:
            continue
        for year, m in zip(YEARS, mat, strict=True):
            put(ind, year, round(_clip(a + b * m + rng.gauss(0, 2.5), 0.0, 100.0), 1))
    for year, m in zip(YEARS, mat, strict=True):
        put("KPI-08", year, round(_clip((45 + 50 * m) * COVID.get(year, 1.0) + rng.gauss(0, 2), 0, 100), 1))
        ief = [a + b * m for a, b in (LINEAR[k] for k in ("IEF-PM", "IEF-ENV", "IEF-SOC", "IEF-ECO"))]
        put("KPI-09", year, round(_clip(sum(ief) / 4 + rng.gauss(0, 2), 0, 100), 1))
        if has_links:
            running = operating_links(links, str(park["park_id"]), year)
            filled = running["illustrative_fields"].fillna("").str.contains("year")
            from_reported = bool((running["provenance"] == "reported").all() and not filled.any())
            put(
                "D35-37.2b",
                year,
                float(len(running)),
                "estimated" if from_reported else "illustrative",
                "",
                "Counted from the park's industrial-symbiosis links (symbiosis/links.csv)"
                + ("" if from_reported else "; some of them, or their years, are illustrative")
                if len(running)
                else NO_LINK_RECORDED,  # dropped once the gaps are cut
            )
    area = park["area_ha"]
    if not pd.isna(area):
        for year, m in zip(YEARS, mat, strict=True):
            workers = float(area) * rng.uniform(35, 55) * (0.5 + 0.5 * m) * COVID.get(year, 1.0)
            put("KPI-14", year, float(round(workers, -1)))
        if park["park_id"] not in ("tra-noc-1", "thot-not"):
            for year in YEARS:
                put("KPI-10", year, float(round(float(area) * 20, -2)))
    return out


def _savings(park_id: str) -> list[dict[str, object]]:
    """RECP/IS savings: the parks the totals cover ramp up to their share, never above the reported totals."""
    rows: list[dict[str, object]] = []
    ramp = {2021: 0.35, 2022: 0.7, 2023: 0.9, 2024: 0.95, 2025: 1.0}
    for ind, split in geipp_split().items():
        full = split.get(park_id)
        if full is None:
            continue
        for year, share in ramp.items():
            rows.append(
                {
                    "park_id": park_id,
                    "indicator_id": ind,
                    "year": year,
                    "value": float(round(full * share, -1)),
                    "provenance": "illustrative",
                    "source_url": "",
                    "note": "Illustrative split of the GEIPP programme totals (reported only in aggregate)",
                }
            )
    return rows


def anchored_values() -> pd.DataFrame:
    """Values a source anchors (data/sources/anchored_values.csv), validated like the values file itself."""
    content = (SOURCES / "anchored_values.csv").read_bytes()
    frame, failures = validate_table(content, "indicators/values.csv")
    if frame is None:
        raise DataValidationError(failures)
    return pd.read_csv(io.BytesIO(content), dtype={"source_url": str, "note": str}, keep_default_na=False)


def illustrative_model() -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """The thresholds and lines the illustrative series follow (data/sources/illustrative_model.csv), in file order.

    Refused, naming the file, row and column, for an indicator the catalogue lacks, an unknown model or a missing
    coefficient.
    """
    model = pd.read_csv(ROOT / "data" / MODEL_FILE)
    known = set(pd.read_csv(ROOT / "data" / "indicators" / "catalogue.csv")["indicator_id"])
    bad = [
        Failure(MODEL_FILE, row, column, str(rec[column]), expected)
        for row, rec in enumerate(model.to_dict("records"), start=1)
        for column, expected, ok in (
            ("indicator_id", "an indicator of indicators/catalogue.csv", rec["indicator_id"] in known),
            ("model", "threshold or linear", rec["model"] in {"threshold", "linear"}),
            ("a", "a number", not pd.isna(rec["a"])),
            ("b", "a number for a linear model", rec["model"] != "linear" or not pd.isna(rec["b"])),
        )
        if not ok
    ]
    if bad:
        raise DataValidationError(bad)
    thresholds = {str(r["indicator_id"]): float(r["a"]) for r in model.to_dict("records") if r["model"] == "threshold"}
    lines = {
        str(r["indicator_id"]): (float(r["a"]), float(r["b"]))
        for r in model.to_dict("records")
        if r["model"] == "linear"
    }
    return thresholds, lines


BOOLEAN_THRESHOLDS, LINEAR = illustrative_model()


def geipp_split() -> dict[str, dict[str, float]]:
    """Per indicator, each park's illustrative share of a reported programme total (data/sources/geipp_split.csv).

    Refused, naming the file and the indicator, when the shares of an indicator add up to more than its total.
    """
    split = pd.read_csv(SOURCES / "geipp_split.csv")
    totals = pd.read_csv(ROOT / "data" / "programme" / "totals.csv").dropna(subset=["indicator_id"])
    limit = totals.set_index("indicator_id")["value"]
    sums = split.groupby("indicator_id")["value_at_full"].sum()
    over = [
        Failure(
            "sources/geipp_split.csv", None, "value_at_full", f"{i}: {v:g}", f"≤ {limit.get(i)} (its programme total)"
        )
        for i, v in sums.items()
        if i not in limit or v > limit[i]
    ]
    if over:
        raise DataValidationError(over)
    return {
        str(ind): dict(zip(rows["park_id"], rows["value_at_full"].astype(float), strict=True))
        for ind, rows in split.groupby("indicator_id", sort=False)
    }


def value_table(parks: pd.DataFrame, links: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """Every park × indicator × year value, with gaps."""
    rows: list[dict[str, object]] = []
    # parks added from source pages have no profile yet (no location, or only their ward's centre): no values
    profiled = ~parks["location_accuracy"].isin([LocationAccuracy.UNKNOWN, LocationAccuracy.WARD_CENTRE])
    live = parks[parks["status"].isin(["operating", "converting"]) & profiled]
    for park in live.to_dict("records"):
        series = park_series(park, rng, links)
        if not park["is_demonstration"]:
            measured = sorted({str(r["indicator_id"]) for r in series})
            dropped = {ind for ind in measured if rng.random() < UNMONITORED_SHARE}
            series = [r for r in series if r["indicator_id"] not in dropped]
        series = [r for r in series if r["provenance"] != "illustrative" or rng.random() > GAP_SHARE]
        series = [r for r in series if r["note"] != NO_LINK_RECORDED]  # no recorded link is no evidence of none
        rows.extend(series + _savings(str(park["park_id"])))
    table = pd.DataFrame(rows)
    reported = anchored_values()
    keys = ["park_id", "indicator_id", "year"]
    table = table[~table.set_index(keys).index.isin(reported.set_index(keys).index)]
    # a series a source anchors is written only where data/sources/anchored_values.csv says: no invented year
    # before the baseline
    anchored = reported[["park_id", "indicator_id"]].drop_duplicates()
    table = table[
        ~table.set_index(["park_id", "indicator_id"]).index.isin(anchored.set_index(["park_id", "indicator_id"]).index)
    ]
    table = pd.concat([table, reported]).sort_values(keys).reset_index(drop=True)
    return table


def main() -> None:
    """Write the generated values file."""
    rng = random.Random(SEED)
    parks = pd.read_csv(ROOT / "data" / "parks" / "parks.csv")
    links = pd.read_csv(ROOT / "data" / "symbiosis" / "links.csv", dtype={"year_operating_start": "Int64"})
    value_table(parks, links, rng).to_csv(ROOT / "data" / "indicators" / "values.csv", index=False)


if __name__ == "__main__":
    main()
