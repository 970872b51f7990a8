"""Find parks by name or province, ignoring case and diacritics, old province names included."""

from __future__ import annotations

import pandas as pd

from eipmap.textnorm import fold


def _province_aliases(merge: pd.DataFrame) -> dict[str, str]:
    """Folded old province names and aliases → 2025 province code."""
    out: dict[str, str] = {}
    for rec in merge.to_dict("records"):
        names = [rec["old_name"], rec["old_full_name"], *str(rec["old_name_alias"] or "").split(";")]
        out.update({fold(n): rec["new_code"] for n in names if n and str(n).strip() and n != "None"})
    return out


def find_parks(parks: pd.DataFrame, merge: pd.DataFrame, query: str) -> pd.DataFrame:
    """Parks whose name (vi/en), province or former province matches ``query``.

    Adds ``matched_former`` (the old province name typed, when the match came
    through a pre-2025 province, so the UI can explain the merger).
    """
    needle = fold(query)
    out = parks.copy()
    out["matched_former"] = ""
    if not needle:
        return out
    text = (
        out["name_vi"]
        + " "
        + out["name_en"]
        + " "
        + out["province_name_vi"]
        + " "
        + out["province_name_en"]
        + " "
        + out["former_province"]
        + " "
        + out["park_id"]
    ).map(fold)
    by_name = text.str.contains(needle, regex=False)
    aliases = _province_aliases(merge)
    codes = {code for name, code in aliases.items() if needle in name}
    by_former = out["province_code"].isin(codes) & ~by_name
    out.loc[by_former, "matched_former"] = query.strip()
    return out[by_name | by_former]
