"""What-if: a park's readiness if chosen links operated and chosen values were reached — never saved.

A scenario edits a copy of the dataset (``apply``) and scores it with the same code as the real one
(``readiness.card``, ``category_scores``, ``verdicts``); nothing here scores anything itself. The copy lives for
one screen and is never written to a file or a release.

How a link that starts operating counts: the Decree 35/2022 Art. 37(2)(b) criterion (``SYMBIOSIS_COUNT``) is the
number of industrial-symbiosis links operating in the year, so each chosen link that counts as symbiosis
(Circular 05/2025 Art. 2(1)) and was not already operating adds one to the park's value for that year (a missing
value counts as none). A value set by hand replaces the park's value of that indicator in that year.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd

from eipmap.analysis.readiness import Card, Readiness, card, category_scores, verdicts
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import LinkStatus, Provenance

SYMBIOSIS_COUNT = "D35-37.2b"  # Decree 35/2022 Art. 37(2)(b): industrial-symbiosis links operating (a count)
SCENARIO_NOTE = "scenario (what-if): not data"


@dataclass(frozen=True)
class Scenario:
    """What the user supposes for one park in one year."""

    park_id: str
    year: int
    operating: tuple[str, ...] = ()  # recorded links of the park that would operate from ``year``
    new_links: pd.DataFrame | None = field(default=None, compare=False)  # candidate rows (``as_link_rows``)
    values: tuple[tuple[str, float], ...] = ()  # (indicator_id, value) set for ``year``

    @property
    def empty(self) -> bool:
        """True when the scenario supposes nothing (it then equals today)."""
        return not self.operating and (self.new_links is None or self.new_links.empty) and not self.values


def _operate(links: pd.DataFrame, ids: set[str], year: int) -> pd.DataFrame:
    chosen = links["link_id"].isin(ids)
    out = links.copy()
    out.loc[chosen, "status"] = LinkStatus.OPERATING.value
    out.loc[chosen, "year_operating_start"] = year
    out.loc[chosen, "year_status_changed"] = year
    return out


def _set_value(values: pd.DataFrame, park_id: str, indicator_id: str, year: int, value: float) -> pd.DataFrame:
    here = (values["park_id"] == park_id) & (values["indicator_id"] == indicator_id) & (values["year"] == year)
    row = {
        "park_id": park_id,
        "indicator_id": indicator_id,
        "year": year,
        "value": float(value),
        "provenance": Provenance.ESTIMATED.value,
        "source_url": None,
        "note": SCENARIO_NOTE,
    }
    return pd.concat([values[~here], pd.DataFrame([row])], ignore_index=True)


def newly_operating(data: Dataset, scenario: Scenario) -> int:
    """How many chosen links would add an operating industrial symbiosis to the park."""
    own = data.links[(data.links["park_id"] == scenario.park_id) & data.links["link_id"].isin(scenario.operating)]
    counted = own["counts_as_symbiosis"].astype(bool) & (own["status"] != LinkStatus.OPERATING.value)
    new = scenario.new_links
    added = 0 if new is None else int((new["counts_as_symbiosis"].astype(str) == "True").sum())
    return int(counted.sum()) + added


def apply(data: Dataset, scenario: Scenario) -> Dataset:
    """A copy of ``data`` edited as ``scenario`` supposes (the original is not touched)."""
    links = _operate(data.links, set(scenario.operating), scenario.year)
    if scenario.new_links is not None and not scenario.new_links.empty:
        added = scenario.new_links.assign(
            status=LinkStatus.OPERATING.value,
            counts_as_symbiosis=scenario.new_links["counts_as_symbiosis"].astype(str) == "True",
            year_identified=scenario.year,
            year_operating_start=scenario.year,
            year_status_changed=scenario.year,
        )
        links = pd.concat([links, added], ignore_index=True)
    values = data.values
    extra = newly_operating(data, scenario)
    if extra:
        v = values
        now = v[
            (v["park_id"] == scenario.park_id) & (v["indicator_id"] == SYMBIOSIS_COUNT) & (v["year"] == scenario.year)
        ]
        base = float(now["value"].iloc[0]) if len(now) else 0.0
        values = _set_value(values, scenario.park_id, SYMBIOSIS_COUNT, scenario.year, base + extra)
    for indicator_id, value in scenario.values:
        values = _set_value(values, scenario.park_id, indicator_id, scenario.year, value)
    return dataclasses.replace(data, links=links, values=values)


@dataclass(frozen=True)
class Comparison:
    """Today and the scenario, scored by the same code."""

    today: Card
    scenario: Card
    categories: pd.DataFrame  # category, indicator_id, today, scenario, benchmark
    province_code: str
    province_today: int  # parks of the province meeting every criterion in the year
    province_scenario: int

    @property
    def changed(self) -> pd.Series:
        """Per criterion (indexed by indicator_id): whether its value or status differs."""
        a = self.today.lines.set_index("indicator_id")
        b = self.scenario.lines.set_index("indicator_id")
        same_value = (a["value"] == b["value"]) | (a["value"].isna() & b["value"].isna())
        return ~same_value | (a["status"] != b["status"])


def compare(data: Dataset, scenario: Scenario) -> Comparison:
    """The park's card, category scores and province count, today and under ``scenario``."""
    edited = apply(data, scenario)
    park, year = scenario.park_id, scenario.year
    before = category_scores(data, park, year)
    after = category_scores(edited, park, year)
    categories = before.rename(columns={"score": "today"}).assign(scenario=after["score"].to_numpy())
    province = str(data.parks.set_index("park_id").at[park, "province_code"])
    in_province = data.parks["park_id"][data.parks["province_code"] == province]

    def meeting(d: Dataset) -> int:
        return int((verdicts(d, year).reindex(in_province) == Readiness.MEETS_ALL.value).sum())

    return Comparison(
        card(data, park, year), card(edited, park, year), categories, province, meeting(data), meeting(edited)
    )
