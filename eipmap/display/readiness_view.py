"""The readiness card as a table users read: criterion, legal basis, threshold, evidence, result, source."""

from __future__ import annotations

import pandas as pd

from eipmap.analysis.readiness import Card, Readiness
from eipmap.analysis.whatif import Comparison
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


def whatif_table(comparison: Comparison, lang: str) -> pd.DataFrame:
    """Per criterion: threshold, today's value and result, the scenario's, and whether the scenario changes it."""
    today, scenario = comparison.today.lines, comparison.scenario.lines
    changed = comparison.changed.reindex(today["indicator_id"]).to_numpy()
    scenario_word = t("whatif.scenario", lang)
    return pd.DataFrame(
        {
            t("readiness.col_criterion", lang): today[f"name_{lang}"].to_numpy(),
            t("readiness.col_threshold", lang): today["target"].astype(float).to_numpy(),
            t("table.unit", lang): [t(f"unit.{u}", lang) for u in today["unit"]],
            t("whatif.col_today_value", lang): today["value"].astype(float).to_numpy(),
            t("whatif.col_today_status", lang): [t(f"readiness.status_{s}", lang) for s in today["status"]],
            t("whatif.col_scenario_value", lang): scenario["value"].astype(float).to_numpy(),
            t("whatif.col_scenario_status", lang): [t(f"readiness.status_{s}", lang) for s in scenario["status"]],
            t("whatif.col_changed", lang): [scenario_word if c else "" for c in changed],
        }
    )


def whatif_categories(comparison: Comparison, lang: str) -> pd.DataFrame:
    """The four IEF category scores today and in the scenario, against the 50-park averages."""
    frame = comparison.categories
    return pd.DataFrame(
        {
            t("whatif.col_category", lang): [t(f"category.{c}", lang) for c in frame["category"]],
            t("whatif.col_today_value", lang): frame["today"].astype(float).to_numpy(),
            t("whatif.col_scenario_value", lang): frame["scenario"].astype(float).to_numpy(),
            t("readiness.benchmark_50", lang): frame["benchmark"].astype(float).to_numpy(),
        }
    )
