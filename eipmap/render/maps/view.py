"""Where the map looks: the national view, a province, a park and its firms."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from eipmap.domain.dataset import Dataset

PARK_VIEW_MAX_ZOOM = 14
LONE_PARK_ZOOM = 12  # a park without firms: close enough to find it, far enough to see where it is


@dataclass(frozen=True)
class MapView:
    """Where the map looks: centre (lat, lon) and zoom."""

    center: tuple[float, float]
    zoom: int


NATIONAL_VIEW = MapView((15.2, 110.6), 6)


def view_for_bounds(bounds: tuple[float, float, float, float]) -> MapView:
    """Centre and a zoom that fits (minx, miny, maxx, maxy) in a ~900 px wide map."""
    minx, miny, maxx, maxy = bounds
    span = max(maxx - minx, (maxy - miny) * 1.3, 1e-3)
    zoom = int(max(4, min(15, math.floor(math.log2(360 * 2.2 / span)))))
    return MapView(((miny + maxy) / 2, (minx + maxx) / 2), zoom)


def province_view(data: Dataset, province_code: str | None) -> MapView:
    """The view of one province (its mainland part), or of all five."""
    if province_code is None:
        return NATIONAL_VIEW
    parks = data.parks[data.parks["province_code"] == province_code].dropna(subset=["lat", "lon"])
    if parks.empty:  # no park of the province has a location yet
        return NATIONAL_VIEW
    minx, miny, maxx, maxy = parks["lon"].min(), parks["lat"].min(), parks["lon"].max(), parks["lat"].max()
    return view_for_bounds((minx - 0.1, miny - 0.1, maxx + 0.1, maxy + 0.1))


def park_view(parks: pd.DataFrame, firms: pd.DataFrame, park_id: str) -> MapView:
    """A close view of one park and its firms; without a sourced location, the view of the park's province."""
    own = firms[firms["park_id"] == park_id]
    park = parks.set_index("park_id").loc[park_id]
    if pd.isna(park["lat"]) or pd.isna(park["lon"]):
        same = parks[(parks["province_code"] == park["province_code"])].dropna(subset=["lat", "lon"])
        if same.empty:
            return NATIONAL_VIEW
        return view_for_bounds((same["lon"].min(), same["lat"].min(), same["lon"].max(), same["lat"].max()))
    lats = [park["lat"], *own["lat"]]
    lons = [park["lon"], *own["lon"]]
    view = view_for_bounds((min(lons) - 0.01, min(lats) - 0.01, max(lons) + 0.01, max(lats) + 0.01))
    return MapView(view.center, min(view.zoom, LONE_PARK_ZOOM if own.empty else PARK_VIEW_MAX_ZOOM))


def label_point(geometry: object, offset_deg: float) -> tuple[float, float]:
    """(lat, lon) just above the largest part of a (multi)polygon: clear of the markers inside it."""
    mainland = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
    minx, _, maxx, maxy = mainland.bounds
    return maxy + offset_deg, (minx + maxx) / 2
