"""Find parks by name or province, ignoring case and diacritics, old province names included."""

from __future__ import annotations

import pandas as pd

from eipmap.domain.textnorm import fold

RANK_NAME, RANK_FORMER, RANK_PROVINCE, RANK_MERGED, RANK_NONE = range(5)


def _province_aliases(merge: pd.DataFrame) -> dict[str, str]:
    """Folded old province names and aliases → 2025 province code."""
    out: dict[str, str] = {}
    for rec in merge.to_dict("records"):
        names = [rec["old_name"], rec["old_full_name"], *str(rec["old_name_alias"] or "").split(";")]
        out.update({fold(n): rec["new_code"] for n in names if n and str(n).strip() and n != "None"})
    return out


def find_parks(parks: pd.DataFrame, merge: pd.DataFrame, query: str) -> pd.DataFrame:
    """Parks whose name (vi/en), province or former province matches ``query``, best match first.

    Order: the park's own name (or id); then parks whose former (pre-2025) province is what was
    typed; then parks of a 2025 province of that name; last, the rest of the 2025 province that a
    typed former province merged into (e.g. "Bình Dương": its own parks before the other TP. HCM
    parks). Within each group by name. Adds ``matched_former`` (the old province name typed, when
    the match came only through the merger, so the UI can explain it).
    """
    needle = fold(query)
    out = parks.copy()
    out["matched_former"] = ""
    if not needle:
        return out
    folded = {col: out[col].fillna("").map(fold) for col in ("name_vi", "name_en", "park_id", "former_province")}
    province = (out["province_name_vi"] + " " + out["province_name_en"]).map(fold)
    aliases = _province_aliases(merge)
    codes = {code for name, code in aliases.items() if needle in name}
    rank = pd.Series(RANK_NONE, index=out.index)
    groups = [
        (
            RANK_NAME,
            folded["name_vi"].str.contains(needle, regex=False)
            | folded["name_en"].str.contains(needle, regex=False)
            | folded["park_id"].str.contains(needle, regex=False),
        ),
        (RANK_FORMER, folded["former_province"].str.contains(needle, regex=False)),
        (RANK_PROVINCE, province.str.contains(needle, regex=False)),
        (RANK_MERGED, out["province_code"].isin(codes)),
    ]
    for value, hit in reversed(groups):  # the best group written last wins
        rank[hit] = value
    out["match_rank"] = rank
    out.loc[rank == RANK_MERGED, "matched_former"] = query.strip()
    found = out[rank < RANK_NONE]
    return found.sort_values(["match_rank", "name_vi"], kind="stable").drop(columns="match_rank")
