"""The presentation story for meetings: the five provinces → each province's parks → each demonstration park."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from eipmap.domain.dataset import Dataset


class StepKind(StrEnum):
    """What one screen of the story shows."""

    OVERVIEW = "overview"
    PROVINCE = "province"
    PARK = "park"


@dataclass(frozen=True)
class Step:
    """One screen: its kind and the province or park it is about."""

    kind: StepKind
    key: str | None = None


def story_steps(data: Dataset) -> list[Step]:
    """Overview, then every province with parks (the five pilot provinces first), then the demonstration parks.

    Demonstration parks run north to south.
    """
    demo = data.parks[data.parks["is_demonstration"]].sort_values("lat", ascending=False)["park_id"]
    return [
        Step(StepKind.OVERVIEW),
        *(Step(StepKind.PROVINCE, code) for code in data.province_codes),
        *(Step(StepKind.PARK, park_id) for park_id in demo),
    ]


def clamp_step(index: int, steps: list[Step]) -> int:
    """A valid step index (first or last when out of range)."""
    return max(0, min(len(steps) - 1, index))


def province_values(data: Dataset, province_code: str, indicator_id: str, year: int) -> pd.DataFrame:
    """The province's parks with their value of the indicator in ``year`` (NaN where missing), best first."""
    parks = data.parks[data.parks["province_code"] == province_code].set_index("park_id")
    v = data.values
    values = v[(v["indicator_id"] == indicator_id) & (v["year"] == year)].set_index("park_id")["value"]
    out = parks[["name_vi", "name_en", "is_demonstration"]].join(values.rename("value"))
    return out.sort_values("value", ascending=False, na_position="last")
