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
