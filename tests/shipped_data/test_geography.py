"""Geography without holes: the 34 outlines tile the country, and every park point lies in its province.

Tolerances: no overlap and no gap between provinces larger than 0.01 km² (the outlines are a valid polygonal
coverage); a park point may lie outside its province by at most its stated location error, unless its
location note says why (a generalised coastline).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import geopandas as gpd
import pytest
from shapely import coverage_is_valid
from shapely.geometry import Polygon
from shapely.ops import unary_union

from eipmap.config import data_dir
from eipmap.domain.dataset import Dataset
from eipmap.ingest.loading import DataValidationError, load_dataset

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


def test_the_archipelago_frames_are_data_and_a_frame_away_from_its_islands_is_refused(
    dataset: Dataset, tmp_path: Path
) -> None:
    from eipmap.render.maps.base import archipelago_frame

    frames = {r["id"]: archipelago_frame(r) for r in dataset.archipelagos.to_dict("records")}
    assert frames["hoang-sa"] == ((15.7, 111.1), (17.2, 112.9))  # as data/geo/archipelagos.geojson gives it
    shutil.copytree(data_dir(), tmp_path / "data")
    path = tmp_path / "data" / "geo" / "archipelagos.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][1]["properties"]["frame_east"] = 112.0  # Trường Sa's point (114.3° E) falls outside
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    (failure,) = err.value.failures
    assert (failure.file, failure.row, failure.column) == ("geo/archipelagos.geojson", 2, "geometry")
