"""The URL view: parsing with fallbacks, encoding, round trip."""

from __future__ import annotations

import pytest

from eipmap.analysis.story import story_steps
from eipmap.display.viewstate import Filters, View, encode_view, parse_view
from eipmap.domain.dataset import Dataset


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


def test_filters_and_step_round_trip(dataset: Dataset) -> None:
    filters = Filters(
        provinces=("75", "79"),
        demonstration_only=True,
        below_target=False,
        min_gap_pct=12.5,
        min_failed=2,
        no_data_for="KPI-09",
    )
    view = View(indicator="KPI-09", year=2024, filters=filters, step=3)
    params = encode_view(view)
    assert params["prov"] == "75,79"
    assert params["step"] == "4"  # 1-based for people reading the link
    assert (params["demo"], params["below"], params["gap"], params["failed"]) == ("1", "0", "12.5", "2")
    assert parse_view(params, dataset) == (view, [])


def test_provinces_come_back_in_north_to_south_order(dataset: Dataset) -> None:
    view, bad = parse_view({"prov": "79,31"}, dataset)
    assert (view.filters.provinces, bad) == (("31", "79"), [])


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("prov", "75,01"),
        ("demo", "yes"),
        ("below", "2"),
        ("gap", "-5"),
        ("gap", "150"),
        ("gap", "nan"),
        ("failed", "1.5"),
        ("failed", "11"),
        ("nodata", "IEF-01"),
        ("step", "0"),
        ("step", "99"),
        ("step", "two"),
    ],
)
def test_invalid_filter_and_step_fall_back(dataset: Dataset, name: str, value: str) -> None:
    view, bad = parse_view({name: value, "park": "hoa-khanh"}, dataset)
    assert view == View(park="hoa-khanh")
    assert bad == [name]


def test_last_story_step_is_accepted(dataset: Dataset) -> None:
    last = len(story_steps(dataset))
    view, bad = parse_view({"step": str(last)}, dataset)
    assert (view.step, bad) == (last - 1, [])
