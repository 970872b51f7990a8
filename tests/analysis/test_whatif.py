"""What-if on the tiny dataset: known verdict changes, the same scoring as an edited dataset, nothing kept."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pandas.testing as pdt

from eipmap.analysis.readiness import Readiness, card
from eipmap.analysis.whatif import SYMBIOSIS_COUNT, Scenario, apply, compare, newly_operating
from eipmap.domain.dataset import Dataset


def test_beta_meets_every_criterion_if_its_potential_link_operates_and_two_values_are_reached(tiny: Dataset) -> None:
    """Beta, missing three criteria in 2024, meets all with its potential link operating and two values reached.

    It fails 1b, 2b (no operating symbiosis) and RECP (10 %); its identified water link L-B1 would make 2b pass,
    and 1b = 1 and RECP = 20 % the other two: the province would count two parks instead of one.
    """
    scenario = Scenario("beta", 2024, operating=("L-B1",), values=(("D35-37.1b", 1.0), ("D35-37.2c", 20.0)))
    result = compare(tiny, scenario)
    assert (result.today.verdict, result.today.failed) == (Readiness.MISSING, 3)
    assert (result.scenario.verdict, result.scenario.failed) == (Readiness.MEETS_ALL, 0)
    assert (result.province_code, result.province_today, result.province_scenario) == ("48", 1, 2)
    changed = result.changed
    assert sorted(changed[changed].index) == ["D35-37.1b", "D35-37.2b", "D35-37.2c"]
    assert result.scenario.lines.set_index("indicator_id").at[SYMBIOSIS_COUNT, "value"] == 1.0


def test_the_scenario_is_scored_like_a_dataset_edited_the_same_way(tiny: Dataset) -> None:
    scenario = Scenario("beta", 2024, operating=("L-B1",), values=(("D35-37.2c", 20.0),))
    by_hand = tiny.values.copy()
    beta_2024 = (by_hand["park_id"] == "beta") & (by_hand["year"] == 2024)
    by_hand.loc[beta_2024 & (by_hand["indicator_id"] == SYMBIOSIS_COUNT), "value"] = 1.0  # 0 + one more link
    by_hand.loc[beta_2024 & (by_hand["indicator_id"] == "D35-37.2c"), "value"] = 20.0
    edited_by_hand = dataclasses.replace(tiny, values=by_hand)
    ours, theirs = card(apply(tiny, scenario), "beta", 2024), card(edited_by_hand, "beta", 2024)
    columns = ["indicator_id", "value", "status"]
    pdt.assert_frame_equal(ours.lines[columns], theirs.lines[columns])
    assert (ours.verdict, ours.failed, ours.no_data) == (theirs.verdict, theirs.failed, theirs.no_data)


def test_nothing_is_counted_twice_and_nothing_is_kept(tiny: Dataset) -> None:
    values, links = tiny.values.copy(), tiny.links.copy()
    already = Scenario("alpha", 2024, operating=("L-A1",))  # alpha's link operates already
    assert newly_operating(tiny, already) == 0
    assert compare(tiny, already).changed.sum() == 0
    candidate = pd.DataFrame(
        [
            {
                "link_id": "CX-T",
                "park_id": "gamma",
                "from_firm_id": "g-food",
                "to_firm_id": "g-food",
                "resource": "material",
                "counts_as_symbiosis": "True",
            }
        ]
    )
    gamma = compare(tiny, Scenario("gamma", 2024, new_links=candidate, values=(("D35-37.2c", 30.0),)))
    assert (gamma.today.verdict, gamma.scenario.verdict) == (Readiness.MISSING, Readiness.INSUFFICIENT_DATA)
    assert gamma.scenario.lines.set_index("indicator_id").at[SYMBIOSIS_COUNT, "value"] == 1.0  # from no value
    pdt.assert_frame_equal(tiny.values, values)  # the dataset is not touched
    pdt.assert_frame_equal(tiny.links, links)
    assert Scenario("gamma", 2024).empty and not Scenario("gamma", 2024, values=(("X", 1.0),)).empty
