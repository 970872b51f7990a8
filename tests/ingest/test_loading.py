"""The shipped dataset loads through eipmap and has what the dashboard promises."""

from __future__ import annotations

import pandas as pd

from eipmap.domain.dataset import Dataset
from eipmap.domain.models import PILOT_PROVINCE_CODES, IndicatorKind

DEMONSTRATION = {"amata-bien-hoa", "deep-c-haiphong-1", "hiep-phuoc", "hoa-khanh", "tra-noc-1", "tra-noc-2"}


def test_34_provinces_of_2025(dataset: Dataset) -> None:
    assert len(dataset.provinces) == 34
    assert dataset.provinces.crs.to_epsg() == 4326
    assert set(PILOT_PROVINCE_CODES) <= set(dataset.provinces["province_code"])


def test_every_pre2025_province_maps_to_a_2025_one(dataset: Dataset) -> None:
    merge = dataset.province_merge
    assert len(merge) == 63
    assert set(merge["new_code"]) == set(dataset.provinces["province_code"])


def test_at_least_60_parks_in_the_five_provinces(dataset: Dataset) -> None:
    in_scope = dataset.parks["province_code"].isin(PILOT_PROVINCE_CODES)
    assert in_scope.sum() >= 60
    assert set(dataset.parks.loc[in_scope, "province_code"]) == set(PILOT_PROVINCE_CODES)


def test_demonstration_parks_are_flagged(dataset: Dataset) -> None:
    assert set(dataset.parks.loc[dataset.parks["is_demonstration"], "park_id"]) == DEMONSTRATION


def test_each_demonstration_park_has_firms_and_5_to_20_links(dataset: Dataset) -> None:
    for park_id in DEMONSTRATION:
        assert (dataset.firms["park_id"] == park_id).sum() >= 2, park_id
        n_links = (dataset.links["park_id"] == park_id).sum()
        assert 5 <= n_links <= 20, (park_id, n_links)


def test_at_least_20_indicators_have_values_for_every_year(dataset: Dataset) -> None:
    years = dataset.values.groupby("indicator_id")["year"].apply(lambda s: set(s))
    full = [ind for ind, ys in years.items() if ys == set(dataset.years)]
    assert len(full) >= 20


def test_gaps_exist_and_stay_gaps(dataset: Dataset) -> None:
    """Not every park × indicator × year has a value, and no missing value became a number."""
    scored = [k for k, v in dataset.indicators.items() if v.kind is not IndicatorKind.REFERENCE]
    possible = len(dataset.parks) * len(scored) * len(dataset.years)
    assert len(dataset.values) < possible
    assert dataset.values["value"].notna().all()


def test_amata_reported_compliance_41_to_86(dataset: Dataset) -> None:
    v = dataset.values
    amata = v[(v["park_id"] == "amata-bien-hoa") & (v["indicator_id"] == "KPI-09") & (v["provenance"] == "reported")]
    assert dict(zip(amata["year"], amata["value"], strict=True)) == {2020: 41.0, 2024: 86.0}
    assert amata["source_url"].str.startswith("https://amatavn.com/").all()


def test_documented_symbiosis_cases_are_present_with_sources(dataset: Dataset) -> None:
    links = dataset.links.set_index("link_id")
    for case in (
        "IS-KP-01",
        "IS-TN-01",
        "IS-TN-02",
        "IS-TN-03",
        "IS-TN-04",
        "IS-HK-01",
        "IS-DV-01",
        "IS-DV-02",
        "IS-HP-02",
    ):
        assert links.at[case, "provenance"] == "reported"
        assert str(links.at[case, "source_url"]).startswith("http")


def test_twelve_opportunities_two_operating(dataset: Dataset) -> None:
    """Of the 12 Hòa Khánh / Trà Nóc opportunities of 2015–2019, 2 operate and the rest do not."""
    notes = dataset.links["notes"].fillna("")
    twelve = dataset.links[notes.str.contains("one of the 12 opportunities")]
    assert len(twelve) == 12
    assert (twelve["status"] == "operating").sum() == 2
    hoa_khanh = twelve[twelve["park_id"] == "hoa-khanh"]
    assert set(hoa_khanh["status"]) == {"operating", "feasibility", "not_feasible"}
    assert (hoa_khanh["status"] == "feasibility").sum() == 2  # the two potential ones left


def test_illustrative_links_never_join_a_named_company(dataset: Dataset) -> None:
    """An invented exchange may touch a park's shared plant, never a company a source names."""
    firms = dataset.firms
    companies = set(firms.loc[firms["is_named_in_source"] & (firms["sector"] != "shared infrastructure"), "firm_id"])
    ill = dataset.links[dataset.links["provenance"] == "illustrative"]
    joined = set(ill["from_firm_id"]) | set(ill["to_firm_id"])
    assert companies, "the fixture data must name some companies"
    assert joined.isdisjoint(companies)


def test_blank_areas_stay_blank(dataset: Dataset) -> None:
    hoa_khanh = dataset.parks.set_index("park_id").loc["hoa-khanh"]
    assert pd.isna(hoa_khanh["area_ha"])
