"""The life cycle of a park's symbiosis opportunities, year by year, as the data records it.

A link records the year it was identified, the year it started operating (if it did), its latest status and the
year that status was set. So, for each year, a link is:

* nothing before ``year_identified``;
* ``operating`` from ``year_operating_start`` (a link that operates or operated);
* its latest status from ``year_status_changed`` on (feasibility, not feasible, discontinued …);
* ``identified`` in between: the data does not record stages before the latest one, and the chart says so.

Hòa Khánh is the example to get right: six of the twelve 2015–2019 opportunities recorded there, of which one
operates and two remain potential after the 2020–2021 re-assessment, the others not feasible.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from eipmap.domain.models import LinkStatus

STAGES = tuple(LinkStatus)  # identified, feasibility, operating, discontinued, not feasible


def stage_in(link: Mapping[Any, Any], year: int) -> LinkStatus | None:
    """What ``link`` (a links.csv row) was in ``year`` by the rule above; None before it was identified."""
    if year < int(link["year_identified"]):
        return None
    status = LinkStatus(str(link["status"]))
    changed = int(link["year_status_changed"])
    start = link["year_operating_start"]
    if year >= changed:
        return status
    if start is not None and not pd.isna(start) and year >= int(start):
        return LinkStatus.OPERATING
    return LinkStatus.IDENTIFIED


def stages_by_year(links: pd.DataFrame, park_id: str, through: int | None = None) -> pd.DataFrame:
    """Rows: years from the park's first identification to its last change (or ``through``); columns: stages.

    Empty (no rows) for a park without links.
    """
    own = links[links["park_id"] == park_id].to_dict("records")
    if not own:
        return pd.DataFrame(columns=[s.value for s in STAGES], dtype=int)
    first = min(int(r["year_identified"]) for r in own)
    last = max(int(r["year_status_changed"]) for r in own)
    years = range(first, max(last, through or last) + 1)
    rows = {y: [stage_in(r, y) for r in own] for y in years}
    table = {y: {s.value: sum(1 for x in stages if x is s) for s in STAGES} for y, stages in rows.items()}
    return pd.DataFrame.from_dict(table, orient="index").rename_axis("year")


def changes(links: pd.DataFrame, park_id: str) -> pd.DataFrame:
    """Each opportunity of the park: identified, operating from, latest status and when, and the recorded note."""
    own = links[links["park_id"] == park_id]
    columns = ["link_id", "year_identified", "year_operating_start", "status", "year_status_changed", "notes"]
    return own[columns].sort_values(["year_status_changed", "link_id"]).reset_index(drop=True)
