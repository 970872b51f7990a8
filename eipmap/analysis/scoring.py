"""Attainment of targets and criterion status — small pure functions driven by the catalogue.

No per-indicator branches: direction and target come from the ``Indicator``.
Missing data is never zero: NaN in, NaN (or ``NO_DATA``) out.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pandas as pd

from eipmap.domain.models import Direction, Indicator


class CriterionStatus(StrEnum):
    """Outcome of checking one value against a threshold."""

    PASS = "pass"
    FAIL = "fail"
    NO_DATA = "no_data"


def attainment(values: pd.Series, ind: Indicator) -> pd.Series:
    """Share of the target reached, 0–100 %; NaN where there is no value or no target.

    Higher-is-better: value / target. Lower-is-better: target / value (a value of 0
    beats any positive target, so it scores 100 %).
    """
    v = values.astype(float)
    if not ind.has_target or ind.direction is Direction.NONE:
        return pd.Series(np.nan, index=values.index)
    t = ind.target
    if ind.direction is Direction.HIGHER:
        ratio = v / t if t else pd.Series(np.where(v.isna(), np.nan, 1.0), index=v.index)
    else:
        ratio = pd.Series(np.where(v == 0, 1.0, t / v.where(v != 0)), index=v.index).where(v.notna())
    return ratio.clip(0.0, 1.0) * 100.0


def gap_to_target(values: pd.Series, ind: Indicator) -> pd.Series:
    """How far short of the target, in the indicator's own unit (0 when met, NaN when unknown)."""
    v = values.astype(float)
    if not ind.has_target or ind.direction is Direction.NONE:
        return pd.Series(np.nan, index=values.index)
    short = ind.target - v if ind.direction is Direction.HIGHER else v - ind.target
    return short.clip(lower=0.0)


def criterion_status(values: pd.Series, ind: Indicator) -> pd.Series:
    """PASS / FAIL / NO_DATA per value: on target counts as a pass."""
    att = attainment(values, ind)
    status = np.where(
        att.isna(),
        CriterionStatus.NO_DATA.value,
        np.where(att >= 100.0, CriterionStatus.PASS.value, CriterionStatus.FAIL.value),
    )
    return pd.Series(status, index=values.index)
