"""Compare-page tables in one language: ranking with rank change, province roll-up."""

from __future__ import annotations

import pandas as pd

from eipmap.i18n import fmt_number, t


def ranking_table(ranked: pd.DataFrame, parks: pd.DataFrame, lang: str, unit: str) -> pd.DataFrame:
    """Rank, park, province, value, change since the previous year (▲ up / ▼ down / new)."""
    info = parks.set_index("park_id")

    def change(v: float) -> str:
        if pd.isna(v):
            return t("compare.new_entry", lang)
        return "▲ " + str(int(v)) if v > 0 else "▼ " + str(int(-v)) if v < 0 else "="

    return pd.DataFrame(
        {
            t("compare.rank", lang): ranked["rank"].to_numpy(),
            t("gaps.col_park", lang): info.loc[ranked.index, f"name_{lang}"].to_numpy(),
            t("gaps.col_province", lang): info.loc[ranked.index, f"province_name_{lang}"].to_numpy(),
            f"{t('gaps.col_value', lang)} ({unit})": [fmt_number(float(v), lang) for v in ranked["value"]],
            t("compare.rank_change", lang): [change(v) for v in ranked["rank_change"]],
        }
    )


def rollup_table(rollup: pd.DataFrame, parks: pd.DataFrame, provinces: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Province, median, best and worst park, parks below target, parks with data."""
    name = parks.set_index("park_id")[f"name_{lang}"]
    pname = provinces.set_index("province_code")[f"name_{lang}"]
    return pd.DataFrame(
        {
            t("gaps.col_province", lang): rollup["province_code"].map(pname),
            t("compare.median", lang): [fmt_number(v, lang) for v in rollup["median"]],
            t("compare.best", lang): rollup["best"].map(lambda p: name.get(p, "–") if isinstance(p, str) else "–"),
            t("compare.worst", lang): rollup["worst"].map(lambda p: name.get(p, "–") if isinstance(p, str) else "–"),
            t("compare.below_target", lang): rollup["below_target"].map(
                lambda v: "–" if v is None or pd.isna(v) else int(v)
            ),
            t("compare.with_data", lang): rollup["with_data"],
        }
    )
