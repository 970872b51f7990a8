"""Geography without holes: the 34 outlines tile the country, and every park point lies in its province.

Tolerances: no overlap and no gap between provinces larger than 0.01 km² (the outlines are a valid polygonal
coverage); a park point may lie outside its province by at most its stated location error, unless its
location note says why (a generalised coastline).
"""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely import coverage_is_valid
from shapely.geometry import Polygon
from shapely.ops import unary_union

from eipmap.domain.dataset import Dataset

UTM_48N = 32648
TOLERANCE_KM2 = 0.01
EXPLAINED = "generalised"  # a location note that explains a point off the outline


def _holes_km2(frame: gpd.GeoDataFrame) -> list[float]:
    union = unary_union(frame.to_crs(UTM_48N).geometry.values)
    return [Polygon(r).area / 1e6 for part in getattr(union, "geoms", [union]) for r in part.interiors]


@pytest.mark.parametrize("layer", ["provinces", "former_provinces"])
def test_the_outlines_are_a_coverage_without_gaps_or_overlaps(dataset: Dataset, layer: str) -> None:
    frame = getattr(dataset, layer)
    assert coverage_is_valid(frame.geometry.values)  # no overlaps; shared edges identical
    utm = frame.to_crs(UTM_48N)
    left, right = utm.sindex.query(utm.geometry, predicate="intersects")
    geoms = utm.geometry.to_numpy()
    overlaps = [geoms[i].intersection(geoms[j]).area / 1e6 for i, j in zip(left, right, strict=True) if i < j]
    assert max(overlaps, default=0.0) <= TOLERANCE_KM2
    assert [h for h in _holes_km2(frame) if h > TOLERANCE_KM2] == []  # no sliver between neighbours


def test_every_park_point_lies_in_its_province_or_says_why(dataset: Dataset) -> None:
    provinces = dataset.provinces.set_index("province_code").to_crs(UTM_48N)
    located = dataset.parks.dropna(subset=["lat", "lon"])
    unplaced = dataset.parks.drop(located.index)
    assert (unplaced["location_accuracy"] == "unknown").all()  # never drawn; listed beside the map instead
    parks = gpd.GeoDataFrame(located, geometry=gpd.points_from_xy(located["lon"], located["lat"]), crs=4326)
    parks = parks.to_crs(UTM_48N)
    off: dict[str, float] = {}
    for park in parks.itertuples():
        km = provinces.at[park.province_code, "geometry"].distance(park.geometry) / 1000
        if km > float(park.location_error_km) and EXPLAINED not in str(park.location_note):
            off[park.park_id] = round(km, 2)
    assert off == {}
    inside = sum(provinces.at[p.province_code, "geometry"].contains(p.geometry) for p in parks.itertuples())
    assert inside >= len(parks) - 10  # the rest lie on a river bank or the coast, within their stated error
