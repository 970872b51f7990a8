"""The URL view: parsing with fallbacks, encoding, round trip."""

from __future__ import annotations

from eipmap.loading import Dataset
from eipmap.viewstate import View, encode_view, parse_view


def test_round_trip(dataset: Dataset) -> None:
    view = View(lang="en", indicator="KPI-09", year=2022, province="75", park="amata-bien-hoa")
    params = encode_view(view)
    assert params == {"lang": "en", "indicator": "KPI-09", "year": "2022", "province": "75", "park": "amata-bien-hoa"}
    assert parse_view(params, dataset) == (view, [])


def test_defaults_are_left_out() -> None:
    assert encode_view(View()) == {}


def test_invalid_parameters_fall_back_and_are_named(dataset: Dataset) -> None:
    view, bad = parse_view(
        {"lang": "fr", "year": "2031", "indicator": "IEF-01", "park": "<script>", "province": "01"}, dataset
    )
    assert view == View()
    assert sorted(bad) == ["indicator", "lang", "park", "province", "year"]


def test_unknown_parameters_are_ignored(dataset: Dataset) -> None:
    assert parse_view({"utm_source": "mail", "park": "hoa-khanh"}, dataset) == (View(park="hoa-khanh"), [])
