"""The opportunity finder on hand-built firms and exchanges: known matches, known non-matches, the score."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from eipmap.analysis.opportunities import COLUMNS, candidates
from eipmap.domain.dataset import Dataset

EXCHANGES = [
    # exchange_id, from_sector, to_sector, resource, benefits
    ("T-1", "food", "feed", "material", "material"),
    ("T-2", "shared infrastructure", "textiles", "water", "water_reuse"),
    ("T-3", "*", "paper", "material", "material"),
    ("T-4", "steel", "cement", "material", "material;co2"),  # alpha's firms: already a recorded link
    ("T-5", "utilities", "food", "energy", "energy;co2"),
]


def firm(firm_id: str, park_id: str, sector: str, lat: float, lon: float, external: bool = False) -> dict[str, object]:
    return {
        "firm_id": firm_id,
        "park_id": park_id,
        "name_vi": f"DN {firm_id}",
        "name_en": f"Firm {firm_id}",
        "sector": sector,
        "is_named_in_source": False,
        "is_external": external,
        "lat": lat,
        "lon": lon,
        "location_provenance": "illustrative",
        "source_url": None,
        "notes": None,
    }


@pytest.fixture(scope="module")
def world(tiny: Dataset) -> Dataset:
    """The tiny dataset's parks and links, with firms and exchanges written for these tests."""
    firms = pd.DataFrame(
        [
            *tiny.firms[tiny.firms["park_id"] == "alpha"].to_dict("records"),  # a-steel → a-cement: recorded
            firm("a-food", "alpha", "food", 16.07, 108.15),
            firm("a-feed", "alpha", "feed", 16.07, 108.15),  # same point as a-food: 0 km
            firm("a-partner", "alpha", "feed", 16.10, 108.15, external=True),  # outside partner: never a candidate
            firm("b-mill", "beta", "paper", 15.55, 108.50),
            firm("b-wwtp", "beta", "shared infrastructure", 15.551, 108.50),
            firm("b-weave", "beta", "textiles", 15.55, 108.501),
            firm("b-boiler", "beta", "utilities", 15.56, 108.50),
        ]
    )
    exchanges = pd.DataFrame(
        [
            {
                "exchange_id": i,
                "from_sector": a,
                "to_sector": b,
                "resource": r,
                "stream_vi": f"dòng {i}",
                "stream_en": f"stream {i}",
                "benefits": ben,
                "source_url": f"https://example.org/{i}",
                "source_note": "test",
            }
            for i, a, b, r, ben in EXCHANGES
        ]
    )
    return dataclasses.replace(tiny, firms=firms, exchanges=exchanges)


def pairs(frame: pd.DataFrame) -> set[tuple[str, str, str]]:
    return set(zip(frame["exchange_id"], frame["from_firm_id"], frame["to_firm_id"], strict=True))


def test_matches_within_the_park_and_nothing_else(world: Dataset) -> None:
    alpha = candidates(world, "alpha")
    assert pairs(alpha) == {("T-1", "a-food", "a-feed")}  # not the recorded steel → cement, not the outside partner
    beta = candidates(world, "beta")
    assert pairs(beta) == {
        ("T-2", "b-wwtp", "b-weave"),  # the park's plant gives treated water …
        ("T-3", "b-weave", "b-mill"),  # … but is not "any tenant" giving waste paper
        ("T-3", "b-boiler", "b-mill"),
    }
    assert candidates(world, "gamma").empty  # one firm: nothing to pair
    none = candidates(world, "delta", max_km=25)  # no firms, no location
    assert none.empty and list(none.columns) == COLUMNS
    assert candidates(world, "no-such-park", max_km=25).empty  # a stale address: nothing, not an error


def test_reasons_and_score_follow_the_rule(world: Dataset) -> None:
    alpha = candidates(world, "alpha").iloc[0]
    # alpha already operates a symbiosis: no first-symbiosis bonus; 0 km; exact match
    assert alpha["reasons"] == ("sectors", "counts_37_2b") and alpha["km"] == 0 and alpha["score"] == 1.0
    beta = candidates(world, "beta").set_index("exchange_id")
    water = beta.loc["T-2"]  # beta has no operating symbiosis: its first one would count for Art. 37(2)(b)
    assert water["reasons"] == ("sectors", "counts_37_2b", "first_symbiosis", "water_reuse")
    assert water["score"] == pytest.approx(1.0 * (1 + 0.5 + 0.25) / (1 + water["km"] / 2), abs=1e-3)
    assert 0.1 < water["km"] < 0.2
    paper = candidates(world, "beta")
    best_paper = paper[paper["exchange_id"] == "T-3"].iloc[0]
    assert best_paper["reasons"][0] == "any_tenant" and best_paper["match"] == 0.6
    assert list(paper["rank"]) == list(range(1, len(paper) + 1)) and paper["score"].is_monotonic_decreasing


def test_a_nearby_park_adds_cooperation_candidates(world: Dataset) -> None:
    """The parks alpha and beta lie ~68 km apart: within 100 km, beta's boiler may feed alpha's food plant."""
    assert "T-5" not in set(candidates(world, "alpha", max_km=50)["exchange_id"])
    wide = candidates(world, "alpha", max_km=100)
    steam = wide[wide["exchange_id"] == "T-5"].iloc[0]
    assert (steam["from_firm_id"], steam["to_firm_id"], steam["same_park"]) == ("b-boiler", "a-food", False)
    assert "other_park" in steam["reasons"] and "counts_37_2b" not in steam["reasons"]
    assert 60 < steam["km"] < 75
    assert set(wide["from_park_id"]) | set(wide["to_park_id"]) == {"alpha", "beta"}
    assert ((wide["from_park_id"] == "alpha") | (wide["to_park_id"] == "alpha")).all()  # one end is always alpha's


def test_the_shipped_hoa_khanh_candidates_leave_out_what_was_assessed(dataset: Dataset) -> None:
    """Hòa Khánh's recorded links (operating, potential, not feasible) are never proposed again."""
    found = candidates(dataset, "hoa-khanh")
    assert not found.empty
    recorded = dataset.links[dataset.links["park_id"] == "hoa-khanh"]
    assert not pairs(found) & {
        (e, a, b)
        for e in found["exchange_id"]
        for a, b in zip(recorded["from_firm_id"], recorded["to_firm_id"], strict=True)
    }
    assert set(found["source_url"]) <= set(dataset.exchanges["source_url"])
