"""Generate a national-scale dataset in the project's own schema, for benchmarks (never shipped).

Deterministic (seeded). Scale 1 ≈ every industrial park in Viet Nam: 450 parks across the
34 provinces, 10,000 firms, 20,000 symbiosis links, 40 indicators × 2019–2025 (the years the
schema accepts). ``--scale 10`` gives the stress point. All of it is illustrative.

Run: ``python scripts/generate_scale.py OUT_DIR [--scale N]``; then ``EIPMAP_DATA_DIR=OUT_DIR make run``.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = 450
PARKS, FIRMS, LINKS, INDICATORS = 450, 10_000, 20_000, 40
FIRST_YEAR = int(pd.read_csv(ROOT / "data" / "indicators" / "defaults.csv")["first_year"].iloc[0])
YEARS = range(FIRST_YEAR, 2026)  # the series' first year (data) to the last illustrated year
RESOURCES = ["water", "energy", "material", "waste", "shared_infrastructure", "service"]
STATUSES = ["identified", "feasibility", "operating", "discontinued", "not_feasible"]
KM_PER_DEG = 111.0
LAT_MAX, LON_MAX = 23.4, 109.9  # keep points inside the validated mainland box


def _mainland(geom: object) -> object:
    return max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)


def _point_in(geom: object, rng: random.Random) -> tuple[float, float]:
    minx, miny, maxx, maxy = geom.bounds  # type: ignore[attr-defined]
    for _ in range(500):
        lon, lat = rng.uniform(minx, min(maxx, LON_MAX)), rng.uniform(miny, min(maxy, LAT_MAX))
        if geom.contains(Point(lon, lat)):  # type: ignore[attr-defined]
            return round(lat, 5), round(lon, 5)
    centre = geom.representative_point()  # type: ignore[attr-defined]
    return round(centre.y, 5), round(centre.x, 5)


def parks_table(n: int, rng: random.Random) -> pd.DataFrame:
    """Parks spread over the 34 provinces, each in a pre-2025 province merged into its province."""
    provinces = gpd.read_file(DATA / "geo" / "provinces_2025.geojson").set_index("province_code")
    merge = pd.read_csv(DATA / "geo" / "province_merge_2025.csv", dtype=str)
    rows = []
    for i in range(n):
        old = merge.iloc[rng.randrange(len(merge))]
        lat, lon = _point_in(_mainland(provinces.at[old["new_code"], "geometry"]), rng)
        area = round(rng.uniform(50, 1500), 1)
        rows.append(
            {
                "park_id": f"scale-park-{i:05d}",
                "name_vi": f"KCN Mô phỏng {i:05d}",
                "name_en": f"Simulated park {i:05d}",
                "province_code": old["new_code"],
                "former_province": old["old_name"],
                "former_province_note": "",
                "lat": lat,
                "lon": lon,
                "location_accuracy": "approximate",
                "location_error_km": 5.0,
                "location_note": "generated",
                "area_ha": area,
                "tenants": "",
                "sectors": "",
                "operator": "",
                "established_year": rng.randint(1995, 2018),
                "established_note": "generated",
                "status": "operating",
                "is_demonstration": i < 6,
                "programme_roles": "",
                "programme_note": "",
                "notes": "generated (illustrative)",
                "source_urls": "https://example.org/generated",
            }
        )
    return pd.DataFrame(rows)


def catalogue_table(n_indicators: int) -> pd.DataFrame:
    """The shipped catalogue plus generated KPIs up to ``n_indicators`` measured ones."""
    cat = pd.read_csv(DATA / "indicators" / "catalogue.csv", dtype=str, keep_default_na=False)
    measured = set(pd.read_csv(DATA / "indicators" / "values.csv", usecols=["indicator_id"])["indicator_id"])
    extra = [
        {
            **cat.iloc[0].to_dict(),
            "indicator_id": f"KPI-S{i:02d}",
            "kind": "kpi",
            "category": ["environmental", "social", "economic", "park_management"][i % 4],
            "name_vi": f"Chỉ số mô phỏng {i:02d}",
            "name_en": f"Simulated indicator {i:02d}",
            "unit": "percent",
            "direction": "higher",
            "target": "50",
            "target_kind": "programme_benchmark",
            "is_superseded": "False",
            "legal_reference": "",
            "framework": "generated",
            "confidence": "derived",
            "notes": "generated for benchmarks",
        }
        for i in range(max(0, n_indicators - len(measured)))
    ]
    return pd.concat([cat, pd.DataFrame(extra)], ignore_index=True)


def values_table(parks: pd.DataFrame, catalogue: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Every park × measured indicator × year, minus ~7 % gaps; values fit each unit."""
    scored = catalogue[catalogue["kind"] != "reference"]
    shipped = set(pd.read_csv(DATA / "indicators" / "values.csv", usecols=["indicator_id"])["indicator_id"])
    inds = scored[scored["indicator_id"].isin(shipped) | scored["indicator_id"].str.startswith("KPI-S")]
    grid = pd.MultiIndex.from_product(
        [parks["park_id"], inds["indicator_id"], list(YEARS)], names=["park_id", "indicator_id", "year"]
    )
    frame = grid.to_frame(index=False)
    unit = frame["indicator_id"].map(dict(zip(inds["indicator_id"], inds["unit"], strict=True)))
    raw = rng.uniform(0, 1, len(frame))
    scale = unit.map(
        {
            "percent": 100,
            "boolean": 1,
            "count": 5,
            "persons": 20000,
            "m3_per_day": 10000,
            "m3_per_ha_day": 40,
            "mwh_per_year": 3000,
            "t_co2e_per_year": 40000,
            "m3_per_year": 10000,
        }
    ).fillna(100)
    value = raw * scale
    value = np.where(unit.isin(["boolean", "count", "persons"]), np.round(value), np.round(value, 1))
    frame["value"] = value
    frame["provenance"] = "illustrative"
    frame["source_url"] = ""
    frame["note"] = ""
    return frame[rng.uniform(0, 1, len(frame)) > 0.07].reset_index(drop=True)


def firms_and_links(
    parks: pd.DataFrame, n_firms: int, n_links: int, rng: random.Random
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Firms within ~1 km of their park (sectors of the exchange table, in turn); links between firms of a park."""
    per_park = max(2, n_firms // len(parks))
    firms, links = [], []
    exchanges = pd.read_csv(DATA / "symbiosis" / "exchanges.csv")
    sectors = sorted((set(exchanges["from_sector"]) | set(exchanges["to_sector"])) - {"*"})  # what the finder matches
    for n, park in enumerate(parks.to_dict("records")):
        ids = []
        for j in range(per_park):
            d, b = rng.uniform(0.1, 1.0), rng.uniform(0, 2 * math.pi)
            fid = f"{park['park_id']}-f{j:03d}"
            ids.append(fid)
            firms.append(
                {
                    "firm_id": fid,
                    "park_id": park["park_id"],
                    "name_vi": f"Doanh nghiệp {j:03d}",
                    "name_en": f"Firm {j:03d}",
                    "sector": sectors[(n + j) % len(sectors)],  # no draw: the rest of the data is unchanged
                    "is_named_in_source": False,
                    "is_external": False,
                    "lat": round(park["lat"] + d * math.cos(b) / KM_PER_DEG, 5),
                    "lon": round(park["lon"] + d * math.sin(b) / (KM_PER_DEG * math.cos(math.radians(park["lat"]))), 5),
                    "location_provenance": "illustrative",
                    "source_url": "",
                    "notes": "",
                }
            )
        for k in range(max(1, n_links // len(parks))):
            src, dst = rng.sample(ids, 2)
            status = rng.choice(STATUSES)
            ident = rng.randint(2012, 2023)
            start = rng.randint(ident, 2024) if status in ("operating", "discontinued") else None
            links.append(
                {
                    "link_id": f"{park['park_id']}-l{k:03d}",
                    "park_id": park["park_id"],
                    "from_firm_id": src,
                    "to_firm_id": dst,
                    "resource": rng.choice(RESOURCES),
                    "description_vi": "Liên kết mô phỏng",
                    "description_en": "Simulated link",
                    "status": status,
                    "counts_as_symbiosis": True,
                    "year_identified": ident,
                    "year_operating_start": start,
                    "year_status_changed": max(ident, start or ident) + rng.randint(0, 1),
                    "quantity": None,
                    "quantity_unit": None,
                    "co2_t_per_year": round(rng.uniform(10, 900), -1),
                    "water_m3_per_year": None,
                    "energy_mwh_per_year": None,
                    "money_usd_per_year": None,
                    "provenance": "illustrative",
                    "illustrative_fields": "",
                    "source_url": "",
                    "reference_case": "",
                    "notes": "",
                }
            )
    links_frame = pd.DataFrame(links)
    links_frame["year_operating_start"] = links_frame["year_operating_start"].astype("Int64")
    return pd.DataFrame(firms), links_frame


def generate(out: Path, scale: int) -> None:
    """Write a complete data folder at ``out``."""
    rng, nrng = random.Random(SEED * scale), np.random.default_rng(SEED * scale)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(DATA / "geo", out / "geo")
    for sub in ("parks", "indicators", "symbiosis"):
        (out / sub).mkdir(parents=True)
    shutil.copy(DATA / "parks" / "coverage.csv", out / "parks" / "coverage.csv")  # sources count real parks only
    parks = parks_table(PARKS * scale, rng)
    catalogue = catalogue_table(INDICATORS)
    firms, links = firms_and_links(parks, FIRMS * scale, LINKS * scale, rng)
    parks.to_csv(out / "parks" / "parks.csv", index=False)
    catalogue.to_csv(out / "indicators" / "catalogue.csv", index=False)
    values_table(parks, catalogue, nrng).to_csv(out / "indicators" / "values.csv", index=False)
    firms.to_csv(out / "symbiosis" / "firms.csv", index=False)
    links.to_csv(out / "symbiosis" / "links.csv", index=False)
    totals = pd.read_csv(DATA / "programme" / "totals.csv", dtype=str, keep_default_na=False)
    totals.loc[~totals["indicator_id"].isin(catalogue["indicator_id"]), "indicator_id"] = ""  # the split is the pilot's
    shutil.copy(DATA / "indicators" / "defaults.csv", out / "indicators" / "defaults.csv")
    shutil.copy(DATA / "symbiosis" / "exchanges.csv", out / "symbiosis" / "exchanges.csv")  # published cases
    (out / "programme").mkdir()
    totals.to_csv(out / "programme" / "totals.csv", index=False)
    inventory(out)


GENERATED = ["parks/parks.csv", "indicators/catalogue.csv", "indicators/values.csv", "symbiosis/firms.csv"]
GENERATED += ["symbiosis/links.csv"]


def inventory(out: Path) -> None:
    """files.csv of the generated folder: the shipped rows of the files copied, a synthetic row for the rest."""
    shipped = pd.read_csv(DATA / "files.csv", dtype=str, keep_default_na=False).set_index("file")
    present = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.suffix in {".csv", ".geojson"})
    rows = shipped.reindex([*present, "files.csv"])
    synthetic = ["Tổng hợp bởi scripts/generate_scale.py (minh họa)", "Synthetic, by scripts/generate_scale.py"]
    rows.loc[GENERATED, ["source_vi", "source_en"]] = synthetic
    rows.loc[GENERATED, ["licence_vi", "licence_en"]] = shipped.loc["files.csv", ["licence_vi", "licence_en"]].to_list()
    rows.rename_axis("file").reset_index().to_csv(out / "files.csv", index=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    generate(args.out.resolve(), args.scale)
