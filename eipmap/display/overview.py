"""The five-province summary shown beside the map when no park is selected."""

from __future__ import annotations

import math

import pandas as pd

from eipmap.display.overlay import Overlay
from eipmap.domain.dataset import province_order, unplaced
from eipmap.i18n import t


def province_summary(
    overlay: Overlay, parks: pd.DataFrame, names: dict[str, str], lang: str, coverage: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per province (pilot first): parks, parks the sources list, with a value, illustrative, meeting target, median.

    Every pilot province has its row, one the dataset holds no park of too (0 parks beside what the sources
    list), as in the status chart; ``names`` (code → name in ``lang``, ``Dataset.province_names``) names them.
    """
    joined = parks.join(overlay.table[["value", "provenance", "attainment"]], on="park_id")
    listed = coverage.set_index("province_code")["parks_in_sources"] if coverage is not None else pd.Series(dtype=int)
    has_target = overlay.scheme == "attainment"
    rows = []
    for code in province_order(parks):
        own = joined[joined["province_code"] == code]
        known = own["value"].dropna()
        rows.append(
            {
                t("overview.province", lang): names[code],
                t("overview.parks", lang): len(own),
                t("overview.in_sources", lang): listed.get(code),
                t("overview.with_data", lang): len(known),
                t("overview.meeting_target", lang): int((own["attainment"] >= 100.0).sum()) if has_target else None,
                t("overview.median", lang): float(known.median()) if len(known) else math.nan,
                # last: the medians stay in view on a projector; the caption below says it in words too
                t("compare.illustrative", lang): int((own.loc[known.index, "provenance"] == "illustrative").sum()),
            }
        )
    table = pd.DataFrame(rows)
    met_col = t("overview.meeting_target", lang)
    table[met_col] = table[met_col].astype("Int64")  # missing where the indicator has no target
    listed_col = t("overview.in_sources", lang)
    table[listed_col] = table[listed_col].astype("Int64")  # missing where no source counts the province's parks
    return table


def demonstration_parks(parks: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """(park_id, name) of the GEIPP demonstration parks, north to south."""
    demo = parks[parks["is_demonstration"]].sort_values("lat", ascending=False)
    return list(zip(demo["park_id"], demo[f"name_{lang}"], strict=True))


def province_status_counts(overlay: Overlay, parks: pd.DataFrame) -> pd.DataFrame:
    """Per province (pilot first): parks meeting the target, below it, without data (index: province code)."""
    joined = parks.join(overlay.table[["value", "attainment"]], on="park_id")
    status = pd.Series("no_data", index=joined.index)
    status[joined["attainment"] >= 100.0] = "met"
    status[joined["attainment"] < 100.0] = "below"
    counts = pd.crosstab(joined["province_code"], status).reindex(list(province_order(parks))).fillna(0).astype(int)
    return counts.reindex(columns=["met", "below", "no_data"], fill_value=0)


def unplaced_parks(parks: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Parks no source places yet: counted everywhere, listed beside the map, never drawn at an invented point."""
    own = parks[unplaced(parks)]
    return pd.DataFrame(
        {
            t("readiness.park", lang): own[f"name_{lang}"].to_numpy(),
            t("overview.province", lang): own[f"province_name_{lang}"].to_numpy(),
            t("panel.status", lang): [t(f"park_status.{s}", lang) for s in own["status"]],
            t("table.source", lang): [str(u).split("|")[0].strip() for u in own["source_urls"]],
        }
    )


def illustrative_note(overlay: Overlay, lang: str) -> str:
    """'N of the M values behind these counts are illustrative', or '' when none is."""
    known = overlay.table.dropna(subset=["value"])
    n = int((known["provenance"] == "illustrative").sum())
    return t("overview.illustrative_counts", lang, n=n, total=len(known)) if n else ""
