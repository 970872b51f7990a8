"""The presentation story: order of steps and the per-province values."""

from __future__ import annotations

import math

from eipmap.analysis.story import StepKind, clamp_step, province_values, story_steps
from eipmap.display.overlay import build_overlay
from eipmap.display.overview import province_status_counts
from eipmap.domain.dataset import Dataset


def test_story_order(dataset: Dataset) -> None:
    steps = story_steps(dataset)
    provinces = dataset.parks["province_code"].nunique()  # the five pilot provinces and Ninh Bình
    demonstration = int(dataset.parks["is_demonstration"].sum())
    kinds = [StepKind.OVERVIEW] + [StepKind.PROVINCE] * provinces + [StepKind.PARK] * demonstration
    assert [s.kind for s in steps] == kinds
    assert [s.key for s in steps[1:6]] == ["31", "48", "92", "75", "79"]  # the pilot provinces lead
    assert {s.key for s in steps if s.kind is StepKind.PROVINCE} == set(dataset.parks["province_code"])
    assert steps[1 + provinces].key == "deep-c-haiphong-1"  # demonstration parks north to south
    assert clamp_step(-3, steps) == 0 and clamp_step(99, steps) == len(steps) - 1


def test_province_values_keep_gaps_last(dataset: Dataset) -> None:
    frame = province_values(dataset, "48", "D35-37.2c", 2024)
    known = frame["value"].dropna()
    assert known.is_monotonic_decreasing
    assert frame["value"].iloc[len(known) :].map(math.isnan).all()


def test_status_counts_add_up(dataset: Dataset) -> None:
    overlay = build_overlay(dataset.values, dataset.parks["park_id"], dataset.indicators["D35-37.2c"], 2024, "vi")
    counts = province_status_counts(overlay, dataset.parks)
    per_province = dataset.parks[dataset.parks["province_code"].isin(counts.index)].groupby("province_code").size()
    assert (counts.sum(axis=1) == per_province.reindex(counts.index)).all()


def test_story_and_status_counts_on_tiny(tiny: Dataset) -> None:
    """tests/data/README.md: the five pilot provinces are always steps; only alpha is a demonstration park."""
    steps = [(s.kind, s.key) for s in story_steps(tiny)]
    provinces = [(StepKind.PROVINCE, code) for code in ("31", "48", "92", "75", "79")]
    assert steps == [(StepKind.OVERVIEW, None), *provinces, (StepKind.PARK, "alpha")]
    assert province_values(tiny, "48", "D35-37.2c", 2024)["value"].to_dict() == {"alpha": 25.0, "beta": 10.0}
    overlay = build_overlay(tiny.values, tiny.parks["park_id"], tiny.indicators["D35-37.2c"], 2024, "vi")
    counts = province_status_counts(overlay, tiny.parks)
    assert counts.loc["48"].to_dict() == {"met": 1, "below": 1, "no_data": 0}
    assert counts.loc["92"].to_dict() == {"met": 0, "below": 1, "no_data": 1}
    assert counts.drop(index=["48", "92"]).to_numpy().sum() == 0
