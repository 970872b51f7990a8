"""Compare-page tables in one language: ranking with rank change, province roll-up."""

from __future__ import annotations

import pandas as pd

from eipmap.display.tables import RANK_CHANGE, provenance_text, with_formats
from eipmap.i18n import t


def ranking_table(ranked: pd.DataFrame, parks: pd.DataFrame, lang: str, unit: str) -> pd.DataFrame:
    """Rank, park, province, value, change since the previous year (numbers; shown as ▲ up / ▼ down / new)."""
    info = parks.set_index("park_id")
    change = t("compare.rank_change", lang)
    table = pd.DataFrame(
        {
            t("compare.rank", lang): ranked["rank"].to_numpy(),
            t("gaps.col_park", lang): info.loc[ranked.index, f"name_{lang}"].to_numpy(),
            t("gaps.col_province", lang): info.loc[ranked.index, f"province_name_{lang}"].to_numpy(),
            f"{t('gaps.col_value', lang)} ({unit})": ranked["value"].astype(float).to_numpy(),
            t("table.provenance", lang): provenance_text(list(ranked["provenance"]), lang),
            change: ranked["rank_change"].astype("Int64").reset_index(drop=True),
        }
    )
    return with_formats(table, {change: RANK_CHANGE})


def rollup_table(rollup: pd.DataFrame, parks: pd.DataFrame, provinces: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Province, median, best and worst park, parks below target, parks with data and how many are illustrative."""
    rollup = rollup.reset_index(drop=True)
    name = parks.set_index("park_id")[f"name_{lang}"]
    pname = provinces.set_index("province_code")[f"name_{lang}"]
    return pd.DataFrame(
        {
            t("gaps.col_province", lang): rollup["province_code"].map(pname),
            t("compare.median", lang): rollup["median"].astype(float).to_numpy(),
            t("compare.best", lang): rollup["best"].map(lambda p: name.get(p, "–") if isinstance(p, str) else "–"),
            t("compare.worst", lang): rollup["worst"].map(lambda p: name.get(p, "–") if isinstance(p, str) else "–"),
            t("compare.below_target", lang): rollup["below_target"].astype("Int64").reset_index(drop=True),
            t("compare.with_data", lang): rollup["with_data"].astype(int).to_numpy(),
            t("compare.illustrative", lang): rollup["illustrative"].astype(int).to_numpy(),
        }
    )
