"""The readiness card as a table users read: criterion, legal basis, threshold, evidence, result, source."""

from __future__ import annotations

import pandas as pd

from eipmap.analysis.readiness import Card, Readiness
from eipmap.i18n import t


def card_table(card: Card, lang: str) -> pd.DataFrame:
    """One row per criterion; every row names its legal article and links its source."""
    lines = card.lines
    return pd.DataFrame(
        {
            t("readiness.col_criterion", lang): lines[f"name_{lang}"],
            t("readiness.col_article", lang): lines["legal_reference"],
            t("readiness.col_threshold", lang): lines["target"].astype(float).to_numpy(),
            t("readiness.col_evidence", lang): lines["value"].astype(float).to_numpy(),
            t("table.unit", lang): [t(f"unit.{u}", lang) for u in lines["unit"]],
            t("readiness.col_provenance", lang): [
                t(f"provenance.{p}", lang) if p else "–" for p in lines["provenance"]
            ],
            t("readiness.col_status", lang): [t(f"readiness.status_{s}", lang) for s in lines["status"]],
            t("readiness.col_source", lang): lines["source_url"],
        }
    )


def verdict_text(card: Card, lang: str) -> str:
    """'Meets all criteria' / 'Missing N criteria[; M without data]' / 'Insufficient data (M …)'.

    A verdict resting on any illustrative value says so first: 'Illustrative verdict: …'.
    """
    if card.verdict is Readiness.MEETS_ALL:
        text = t("readiness.verdict_meets_all", lang)
    elif card.verdict is Readiness.MISSING:
        text = t("readiness.verdict_missing", lang, n=card.failed)
        text += t("readiness.and_no_data", lang, n=card.no_data) if card.no_data else ""
    else:
        text = t("readiness.verdict_insufficient_data", lang, n=card.no_data)
    return t("readiness.illustrative_verdict", lang, verdict=text) if card.illustrative else text
