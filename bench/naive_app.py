"""The naive baseline the benchmark compares the app with — deliberately how NOT to build the map.

One folium.Marker with a popup per park, province outlines densified to full precision, st_folium
returning everything (every pan reruns), nothing cached (the data is read and validated on every run).
Not part of the product; run only by scripts/bench.py.
"""

from __future__ import annotations

import folium
import shapely
import streamlit as st
from streamlit_folium import st_folium

from eipmap.analysis.symbiosis import park_links
from eipmap.ingest.loading import load_dataset
from eipmap.render.charts import build_trend_chart
from eipmap.render.maps.assets import localize_assets

st.set_page_config(layout="wide")
data = load_dataset()  # no cache on purpose
ind_id = st.sidebar.selectbox("Indicator", ["D35-37.2c", "KPI-09"], key="naive-indicator")
ind = data.indicators[ind_id]
values = data.values[(data.values["indicator_id"] == ind_id) & (data.values["year"] == 2024)].set_index("park_id")[
    "value"
]
fmap = folium.Map(location=(15.2, 110.6), zoom_start=6, tiles=None)
provinces = data.provinces.copy()
provinces["geometry"] = shapely.segmentize(provinces.geometry.values, 0.002)  # full-precision outlines
folium.GeoJson(provinces.__geo_interface__, tooltip=folium.GeoJsonTooltip(["name_vi"])).add_to(fmap)
located = data.parks.dropna(subset=["lat", "lon"])  # a park no source places is not drawn (as in the app)
for park in located.to_dict("records"):
    value = values.get(park["park_id"])
    colour = "gray" if value is None else ("green" if ind.has_target and value >= ind.target else "red")
    popup = folium.Popup(f"{park['name_vi']}<br>{park['province_name_vi']}<br>{ind.name_vi}: {value}", max_width=300)
    folium.Marker((park["lat"], park["lon"]), popup=popup, tooltip=f"{park['name_vi']} ({colour})").add_to(fmap)
result = st_folium(
    localize_assets(fmap, keep=frozenset({"jquery"})), height=640, use_container_width=True
)  # returns everything
clicked = (result or {}).get("last_object_clicked")
if clicked:
    nearest = ((located["lat"] - clicked["lat"]) ** 2 + (located["lon"] - clicked["lng"]) ** 2).idxmin()
    park_id = data.parks.at[nearest, "park_id"]
    st.subheader(f"Selected: {data.parks.at[nearest, 'name_vi']}")
    st.plotly_chart(build_trend_chart(data.values, park_id, ind, "vi", data.years))
    st.dataframe(park_links(data.links, data.firms, park_id)[["link_id", "resource", "status"]])
