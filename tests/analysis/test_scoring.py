"""Attainment, gap and pass/fail from direction and target — including 0, NaN and on-target."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from eipmap.analysis.scoring import CriterionStatus, attainment, criterion_status, gap_to_target
from eipmap.domain.models import Direction, Indicator, TargetKind
from tests.conftest import make_indicator


def make(direction: Direction, target: float, kind: TargetKind = TargetKind.LEGAL_MINIMUM) -> Indicator:
    return make_indicator(direction, target, kind=kind)


NAN = math.nan
CASES = [
    # value, direction, target, attainment %, gap (own unit), status
    (20.0, Direction.HIGHER, 20.0, 100.0, 0.0, CriterionStatus.PASS),
    (10.0, Direction.HIGHER, 20.0, 50.0, 10.0, CriterionStatus.FAIL),
    (0.0, Direction.HIGHER, 20.0, 0.0, 20.0, CriterionStatus.FAIL),
    (35.0, Direction.HIGHER, 20.0, 100.0, 0.0, CriterionStatus.PASS),
    (NAN, Direction.HIGHER, 20.0, NAN, NAN, CriterionStatus.NO_DATA),
    (1.0, Direction.HIGHER, 1.0, 100.0, 0.0, CriterionStatus.PASS),
    (0.0, Direction.HIGHER, 1.0, 0.0, 1.0, CriterionStatus.FAIL),
    (40.0, Direction.LOWER, 20.0, 50.0, 20.0, CriterionStatus.FAIL),
    (20.0, Direction.LOWER, 20.0, 100.0, 0.0, CriterionStatus.PASS),
    (5.0, Direction.LOWER, 20.0, 100.0, 0.0, CriterionStatus.PASS),
    (0.0, Direction.LOWER, 20.0, 100.0, 0.0, CriterionStatus.PASS),
    (NAN, Direction.LOWER, 20.0, NAN, NAN, CriterionStatus.NO_DATA),
]


@pytest.mark.parametrize(("value", "direction", "target", "att", "gap", "status"), CASES)
def test_rules(
    value: float, direction: Direction, target: float, att: float, gap: float, status: CriterionStatus
) -> None:
    ind = make(direction, target)
    s = pd.Series([value])
    assert attainment(s, ind).iloc[0] == pytest.approx(att, nan_ok=True)
    assert gap_to_target(s, ind).iloc[0] == pytest.approx(gap, nan_ok=True)
    assert criterion_status(s, ind).iloc[0] == status.value


def test_no_target_means_no_attainment_and_no_verdict() -> None:
    ind = make(Direction.HIGHER, NAN, TargetKind.NONE)
    s = pd.Series([0.0, 50.0, NAN])
    assert attainment(s, ind).isna().all()
    assert set(criterion_status(s, ind)) == {CriterionStatus.NO_DATA.value}


def test_missing_is_never_a_pass_or_a_fail() -> None:
    ind = make(Direction.HIGHER, 20.0)
    status = criterion_status(pd.Series([NAN, 25.0, 5.0]), ind)
    assert list(status) == ["no_data", "pass", "fail"]
