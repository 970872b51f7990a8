"""Pure tables behind the park detail panel: facts, links and value notes, in one language."""

from __future__ import annotations

import pandas as pd

from eipmap.analysis.symbiosis import LinkCounts
from eipmap.domain.models import Indicator, Provenance
from eipmap.i18n import fmt_number, t


def park_record(parks: pd.DataFrame, park_id: str) -> dict[str, object]:
    """One park as a dict."""
    row = parks.set_index("park_id").loc[park_id]
    return {**{str(k): v for k, v in row.items()}, "park_id": park_id}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() in ("", "None", "nan")


def facts_table(park: dict[str, object], lang: str) -> pd.DataFrame:
    """Field / value rows; a blank stays visibly blank ('–'), an unknown area says so."""
    area = park["area_ha"]
    rows = [
        ("panel.province", park[f"province_name_{lang}"]),
        (
            "panel.former_province",
            park["former_province"]
            if not park["former_province_note"]
            else f"{park['former_province']} ({park['former_province_note']})",
        ),
        ("panel.area", t("panel.area_unknown", lang) if _blank(area) else f"{fmt_number(float(area), lang)} ha"),  # type: ignore[arg-type]
        ("panel.established", park["established_note"]),
        ("panel.status", t(f"park_status.{park['status']}", lang)),
        ("panel.operator", park["operator"]),
        ("panel.tenants", park["tenants"]),
        ("panel.sectors", park["sectors"]),
        ("panel.location", park["location_note"]),
    ]
    return pd.DataFrame(
        {
            t("panel.facts", lang): [t(key, lang) for key, _ in rows],
            "": ["–" if _blank(v) else str(v) for _, v in rows],
        }
    )


def source_urls(park: dict[str, object]) -> list[str]:
    """The park's source URLs (schema guarantees http/https)."""
    return [u.strip() for u in str(park["source_urls"]).split("|") if u.strip()]


def _filled_fields(fields: object, lang: str) -> str:
    """'from firm, years' — the fields of a documented link that were filled in, not taken from its source."""
    names = [f for f in str(fields).split(";") if f and not _blank(fields)]
    return ", ".join(dict.fromkeys(t(f"field.{f}", lang) for f in names)) or "–"


def links_headline(counts: LinkCounts, lang: str) -> str:
    """'Operating: 4 · Potential: 2 · …', then how many are illustrative and how many are cooperation only."""
    text = t("panel.links_counts", lang, operating=counts.operating, potential=counts.potential, ended=counts.ended)
    if counts.illustrative:
        text += " · " + t("panel.links_illustrative", lang, n=counts.illustrative)
    if counts.cooperation:
        text += " · " + t("panel.links_cooperation", lang, n=counts.cooperation)
    return text


def links_table(own: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The links users read: resource, from → to, status, quantity, benefits, provenance, source."""
    return pd.DataFrame(
        {
            t("table.link_id", lang): own["link_id"].to_numpy(),
            t("table.resource", lang): [t(f"resource.{r}", lang) for r in own["resource"]],
            t("table.from", lang): own[f"from_name_{lang}"].to_numpy(),
            t("table.to", lang): own[f"to_name_{lang}"].to_numpy(),
            t("table.description", lang): own[f"description_{lang}"].to_numpy(),
            t("table.status", lang): [t(f"status.{s}", lang) for s in own["status"]],
            t("table.year_identified", lang): own["year_identified"].to_numpy(),
            t("table.quantity", lang): own["quantity"].astype(float).to_numpy(),
            t("table.unit", lang): own["quantity_unit"].fillna("").to_numpy(),
            t("table.co2", lang): own["co2_t_per_year"].to_numpy(),
            t("table.money", lang): own["money_usd_per_year"].to_numpy(),
            t("table.provenance", lang): [t(f"provenance.{p}", lang) for p in own["provenance"]],
            t("table.counts_as_symbiosis", lang): [
                t("table.symbiosis" if bool(c) else "table.cooperation", lang) for c in own["counts_as_symbiosis"]
            ],
            t("table.illustrative_fields", lang): [
                t("table.whole_link", lang) if p == Provenance.ILLUSTRATIVE.value else _filled_fields(f, lang)
                for f, p in zip(own["illustrative_fields"], own["provenance"], strict=True)
            ],
            t("table.source", lang): own["source_url"].fillna("").to_numpy(),
        }
    )


def value_notes(values: pd.DataFrame, park_id: str, ind: Indicator) -> pd.DataFrame:
    """Rows of the park's series for ``ind`` that carry a note or a source (reported/estimated ones)."""
    rows = values[(values["park_id"] == park_id) & (values["indicator_id"] == ind.indicator_id)]
    return rows[rows["note"].notna() | rows["source_url"].notna()][
        ["year", "value", "provenance", "note", "source_url"]
    ]


def lifecycle_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each opportunity's milestones (``lifecycle.changes``) with its recorded note, in ``lang``."""
    return pd.DataFrame(
        {
            t("lifecycle.col_link", lang): changes["link_id"].to_numpy(),
            t("lifecycle.col_identified", lang): changes["year_identified"].astype("Int64").to_numpy(),
            t("lifecycle.col_operating", lang): changes["year_operating_start"].astype("Int64").to_numpy(),
            t("lifecycle.col_status", lang): [t(f"status.{s}", lang) for s in changes["status"]],
            t("lifecycle.col_changed", lang): changes["year_status_changed"].astype("Int64").to_numpy(),
            t("lifecycle.col_note", lang): changes["notes"].fillna("").to_numpy(),
        }
    )
