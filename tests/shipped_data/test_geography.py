"""Geography without holes: the 34 outlines tile the country, and every park point lies in its province.

Tolerances: no overlap and no gap between provinces larger than 0.01 km² (the outlines are a valid polygonal
coverage). Every located park lies inside its province's outline, none in the sea or a river: the pilot provinces'
shore is GSHHG's full-resolution one, and an estimated point moved onto it says so in its note, by no more than its
stated location error. The same holds for illustrative firm points.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely import coverage_is_valid
from shapely.geometry import Polygon
from shapely.ops import unary_union

from eipmap.config import data_dir
from eipmap.domain.dataset import Dataset
from eipmap.ingest.loading import DataValidationError, load_dataset

UTM_48N = 32648
TOLERANCE_KM2 = 0.01
MOVED = re.compile(r"moved (?P<km>[0-9.]+) km from \((?P<lat>[0-9.]+), (?P<lon>[0-9.]+)\)")


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


def _points(frame: object, lat: str = "lat", lon: str = "lon") -> gpd.GeoDataFrame:
    located = frame.dropna(subset=[lat, lon])  # type: ignore[attr-defined]
    points = gpd.points_from_xy(located[lon].astype(float), located[lat].astype(float))
    return gpd.GeoDataFrame(located, geometry=points, crs=4326).to_crs(UTM_48N)


def _outline(provinces: gpd.GeoDataFrame, code: str) -> object:
    return provinces.at[code, "geometry"]


def test_every_park_point_lies_in_its_province(dataset: Dataset) -> None:
    provinces = dataset.provinces.set_index("province_code").to_crs(UTM_48N)
    parks = _points(dataset.parks)
    unplaced = dataset.parks[dataset.parks["lat"].isna()]
    assert (unplaced["location_accuracy"] == "unknown").all()  # never drawn; listed beside the map instead
    outside = [p.park_id for p in parks.itertuples() if not _outline(provinces, p.province_code).contains(p.geometry)]
    assert outside == []
    assert "deep-c-haiphong-1" in set(parks["park_id"])  # on the Đình Vũ peninsula, which the old coast left out


def test_a_moved_point_says_from_where_and_stays_within_its_stated_error(dataset: Dataset) -> None:
    moved = dataset.parks[dataset.parks["location_note"].fillna("").str.contains("moved ")]
    assert len(moved) >= 5
    for park in moved.itertuples():
        found = MOVED.search(park.location_note)
        assert found, park.park_id
        was = _points(pd.DataFrame([{"lat": float(found["lat"]), "lon": float(found["lon"])}]))
        now = _points(pd.DataFrame([{"lat": park.lat, "lon": park.lon}]))
        km = was.geometry.iloc[0].distance(now.geometry.iloc[0]) / 1000
        assert abs(km - float(found["km"])) < 0.1 and km <= park.location_error_km, park.park_id


def test_a_park_placed_at_its_ward_centre_says_so_and_states_the_wards_size_as_its_error(dataset: Dataset) -> None:
    placed = dataset.parks[dataset.parks["location_note"].fillna("").str.contains("the centre of")]
    assert len(placed) >= 10  # the added parks whose source page names their ward or commune
    assert (placed["location_accuracy"] == "ward_centre").all()  # the hover says so in its own words
    assert (placed["location_error_km"] >= 3).all()  # a ward is kilometres across: never claimed closer
    assert placed["location_note"].str.contains("vietnamadminunits").all()


def test_every_firm_point_lies_in_its_parks_province(dataset: Dataset) -> None:
    provinces = dataset.provinces.set_index("province_code").to_crs(UTM_48N)
    firms = _points(dataset.firms.join(dataset.parks.set_index("park_id")["province_code"], on="park_id"))
    firms = firms[firms["province_code"].isin(provinces.index)]
    assert len(firms) > 30
    outside = [f.firm_id for f in firms.itertuples() if not _outline(provinces, f.province_code).contains(f.geometry)]
    assert outside == []


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
