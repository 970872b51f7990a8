"""The opportunity finder's table as users read and download it, in one language."""

from __future__ import annotations

import pandas as pd

from eipmap.i18n import t


def _firm(name: str, park_id: str, park_names: pd.Series, own_park: str) -> str:
    """A firm's name, with its park when that is not the park being looked at."""
    return name if park_id == own_park else f"{name} ({park_names.get(park_id, park_id)})"


def opportunity_table(found: pd.DataFrame, parks: pd.DataFrame, park_id: str, lang: str) -> pd.DataFrame:
    """Rank, the two firms, why, what it counts for, the stream, resource, distance, score and the source."""
    names = parks.set_index("park_id")[f"name_{lang}"]
    recs = found.to_dict("records")
    return pd.DataFrame(
        {
            t("opportunity.col_rank", lang): found["rank"].astype(int).to_numpy(),
            t("opportunity.col_from", lang): [
                _firm(str(r[f"from_name_{lang}"]), str(r["from_park_id"]), names, park_id) for r in recs
            ],
            t("opportunity.col_to", lang): [
                _firm(str(r[f"to_name_{lang}"]), str(r["to_park_id"]), names, park_id) for r in recs
            ],
            t("opportunity.col_why", lang): [
                "; ".join(t(f"opportunity.reason.{code}", lang) for code in codes) for codes in found["reasons"]
            ],
            t("opportunity.col_benefits", lang): [
                ", ".join(t(f"opportunity.benefit.{b}", lang) for b in str(v).split(";")) for v in found["benefits"]
            ],
            t("opportunity.col_stream", lang): found[f"stream_{lang}"].to_numpy(),
            t("opportunity.col_resource", lang): [t(f"resource.{r}", lang) for r in found["resource"]],
            t("opportunity.col_km", lang): found["km"].astype(float).to_numpy(),
            t("opportunity.col_score", lang): found["score"].astype(float).to_numpy(),
            t("opportunity.col_source", lang): found["source_url"].to_numpy(),
        }
    )
