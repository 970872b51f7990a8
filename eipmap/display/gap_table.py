"""The gap table as users read and download it: localised headers, units in the headers, numbers kept numeric."""

from __future__ import annotations

import pandas as pd

from eipmap.display.tables import provenance_text
from eipmap.domain.models import Indicator
from eipmap.i18n import t


def display_table(matched: pd.DataFrame, ind: Indicator, lang: str, unit: str) -> pd.DataFrame:
    """The gap table as users read and download it: localised headers, units in the headers."""
    u = f" ({unit})" if unit else ""
    return pd.DataFrame(
        {
            t("gaps.col_park", lang): matched[f"name_{lang}"],
            t("gaps.col_province", lang): matched[f"province_name_{lang}"],
            t("gaps.col_value", lang) + u: matched["value"].round(2),
            t("table.provenance", lang): provenance_text(list(matched["provenance"]), lang),
            t("gaps.col_target", lang) + u: matched["target"],
            t("gaps.col_gap", lang) + u: matched["gap"].round(2),
            t("gaps.col_gap_pct", lang): matched["gap_pct"].round(1),
            t("gaps.col_failed", lang): matched["failed"],
            t("gaps.col_no_data", lang): matched["no_data"],
        }
    ).reset_index(drop=True)
