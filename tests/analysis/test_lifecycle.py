"""The opportunities' life cycle by year: the rule on hand-built links, and Hòa Khánh's story in the shipped data."""

from __future__ import annotations

import pandas as pd

from eipmap.analysis.lifecycle import changes, stage_in, stages_by_year
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import LinkStatus


def link(status: str, identified: int, changed: int, start: int | None = None) -> dict[str, object]:
    return {
        "park_id": "p",
        "link_id": f"L-{status}-{identified}",
        "status": status,
        "year_identified": identified,
        "year_status_changed": changed,
        "year_operating_start": pd.NA if start is None else start,
        "notes": None,
    }


def test_each_year_follows_the_rule() -> None:
    ended = link("discontinued", 2016, 2022, start=2018)
    assert [stage_in(ended, y) for y in (2015, 2016, 2017, 2018, 2021, 2022, 2025)] == [
        None,
        LinkStatus.IDENTIFIED,
        LinkStatus.IDENTIFIED,
        LinkStatus.OPERATING,
        LinkStatus.OPERATING,
        LinkStatus.DISCONTINUED,
        LinkStatus.DISCONTINUED,
    ]
    dropped = link("not_feasible", 2017, 2021)
    assert [stage_in(dropped, y) for y in (2016, 2017, 2020, 2021)] == [
        None,
        LinkStatus.IDENTIFIED,
        LinkStatus.IDENTIFIED,
        LinkStatus.NOT_FEASIBLE,
    ]


def test_counts_by_year_and_a_park_without_links() -> None:
    links = pd.DataFrame([link("operating", 2019, 2020, start=2020), link("feasibility", 2020, 2022)])
    table = stages_by_year(links, "p", through=2023)
    assert list(table.index) == [2019, 2020, 2021, 2022, 2023]
    assert table["operating"].tolist() == [0, 1, 1, 1, 1]
    assert table["identified"].tolist() == [1, 1, 1, 0, 0]
    assert table["feasibility"].tolist() == [0, 0, 0, 1, 1]
    assert (table.sum(axis=1) == [1, 2, 2, 2, 2]).all()  # nothing lost or counted twice
    assert stages_by_year(links, "another-park").empty


def test_hoa_khanh_twelve_opportunities_story(dataset: Dataset) -> None:
    """Hòa Khánh: six of the 2015–2019 opportunities, then one operating, two potential, three not feasible.

    All six are identified by 2018; after the 2020–2021 re-assessment one operates, two remain potential (the two
    left in 2023) and three are not feasible.
    """
    table = stages_by_year(dataset.links, "hoa-khanh", through=2025)
    assert table.loc[2018].to_dict() == {
        "identified": 6,
        "feasibility": 0,
        "operating": 0,
        "discontinued": 0,
        "not_feasible": 0,
    }
    for year in (2021, 2023, 2025):
        row = table.loc[year]
        assert (row["operating"], row["identified"] + row["feasibility"], row["not_feasible"]) == (1, 2, 3)
    assert list(changes(dataset.links, "hoa-khanh")["link_id"])[-1] == "IS-HK-01"  # ordered by year of change
