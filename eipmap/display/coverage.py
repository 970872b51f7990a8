"""What the dataset covers: parks per province in the dataset against how many public sources list."""

from __future__ import annotations

import pandas as pd

from eipmap.analysis.story import province_values
from eipmap.domain.dataset import Dataset, unplaced
from eipmap.i18n import fmt_number, t


def coverage_frame(data: Dataset) -> pd.DataFrame:
    """Per province the sources count (index: province code, pilot provinces first): listed, held, share, source.

    ``unplaced``: how many of the province's parks in the dataset (planned ones too) have no location yet.

    The sources count parks that exist (established, under construction, operating); a park only planned is held
    in the dataset but not set against that count, so it is counted apart (``planned``).
    """
    planned = data.parks["status"] == "planned"
    held = data.parks[~planned].groupby("province_code").size()
    planned_by = data.parks[planned].groupby("province_code").size()
    unplaced_by = data.parks[unplaced(data.parks)].groupby("province_code").size()
    cov = data.coverage.set_index("province_code")
    order = [c for c in data.province_codes if c in cov.index]
    out = cov.reindex(order)[["parks_in_sources", "approximate", "as_of", "source_url", "note"]].copy()
    out["in_dataset"] = held.reindex(order).fillna(0).astype(int)
    out["planned"] = planned_by.reindex(order).fillna(0).astype(int)
    out["unplaced"] = unplaced_by.reindex(order).fillna(0).astype(int)  # in the dataset, no sourced location yet
    out["share_pct"] = out["in_dataset"] / out["parks_in_sources"].where(out["parks_in_sources"] > 0) * 100.0
    return out


def coverage_table(data: Dataset, lang: str) -> pd.DataFrame:
    """The data page's coverage table: numbers stay numbers; an approximate sources count says so."""
    frame = coverage_frame(data)
    names = data.provinces.set_index("province_code")[f"name_{lang}"]
    return pd.DataFrame(
        {
            t("overview.province", lang): [str(names[c]) for c in frame.index],
            t("coverage.in_sources", lang): frame["parks_in_sources"].to_numpy(),
            t("coverage.in_dataset", lang): frame["in_dataset"].to_numpy(),
            t("coverage.share", lang): frame["share_pct"].round(1).to_numpy(),
            t("coverage.planned", lang): frame["planned"].to_numpy(),
            t("coverage.unplaced", lang): frame["unplaced"].to_numpy(),
            t("coverage.approximate", lang): [
                t("legend.yes" if a else "legend.no", lang) for a in frame["approximate"]
            ],
            t("coverage.as_of", lang): frame["as_of"].to_numpy(),
            t("coverage.source", lang): frame["source_url"].to_numpy(),
        }
    )


def coverage_caption(data: Dataset, lang: str) -> str:
    """One sentence under every count of parks: the dataset holds N of about M parks the sources list."""
    frame = coverage_frame(data)
    if frame.empty:
        return ""
    listed, held = int(frame["parks_in_sources"].sum()), int(frame["in_dataset"].sum())
    approx = "≈ " if bool(frame["approximate"].any()) else ""
    share = fmt_number(held / listed * 100.0, lang, 0) if listed else "–"
    text = t("coverage.caption", lang, held=held, listed=f"{approx}{listed}", provinces=len(frame), share=share)
    planned = int(frame["planned"].sum())
    return f"{text} {t('coverage.planned_note', lang, planned=planned)}" if planned else text


def province_caption(data: Dataset, code: str, lang: str) -> str:
    """Under a province's counts: the dataset holds N of the M parks the sources list there; K are not drawn."""
    frame = coverage_frame(data)
    name = data.province_names(lang).get(code, code)
    parts = []
    if code in frame.index:
        row = frame.loc[[code]]
        listed, held = int(row["parks_in_sources"].sum()), int(row["in_dataset"].sum())
        share = fmt_number(held / listed * 100.0, lang, 0) if listed else "–"
        approx = "≈ " if bool(row["approximate"].any()) else ""
        parts.append(
            t("coverage.province_caption", lang, held=held, listed=f"{approx}{listed}", province=name, share=share)
        )
    own = data.parks[data.parks["province_code"] == code]
    undrawn = int(unplaced(own).sum())
    if undrawn:
        parts.append(t("coverage.unplaced_note", lang, count=undrawn, province=name))
    return " ".join(parts)


def province_bars(data: Dataset, code: str, indicator_id: str, year: int, lang: str) -> tuple[pd.DataFrame, str]:
    """A province's parks to draw as bars of the indicator, and the caption saying what they cover.

    Parks without a value are counted in the caption, not drawn as empty rows (they would squeeze the bars on a
    projector), unless no park has one: then every park is a row saying "no data".
    """
    frame = province_values(data, code, indicator_id, year)
    measured = frame.dropna(subset=["value"])
    notes = [province_caption(data, code, lang)]
    if 0 < len(measured) < len(frame):
        notes.append(t("present.without_value", lang, count=len(frame) - len(measured), year=year))
        frame = measured
    return frame, " ".join(filter(None, notes))
