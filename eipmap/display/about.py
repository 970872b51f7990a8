"""Facts for the data-and-sources screen: programme totals (reported, from the data) and the file inventory."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eipmap.i18n import t


@dataclass(frozen=True)
class ProgrammeTotal:
    """One reported programme-level figure (a row of data/programme/totals.csv)."""

    label_vi: str
    label_en: str
    value: float
    unit_vi: str
    unit_en: str
    source: str

    def label(self, lang: str) -> str:
        """The label in ``lang``, with the unit in brackets when there is one."""
        label, unit = (self.label_vi, self.unit_vi) if lang == "vi" else (self.label_en, self.unit_en)
        return f"{label} ({unit})" if unit else label


def programme_totals(programme: pd.DataFrame) -> tuple[ProgrammeTotal, ...]:
    """The programme totals in file order, blanks as empty units."""
    return tuple(
        ProgrammeTotal(
            str(r["label_vi"]),
            str(r["label_en"]),
            float(r["value"]),
            "" if pd.isna(r["unit_vi"]) else str(r["unit_vi"]),
            "" if pd.isna(r["unit_en"]) else str(r["unit_en"]),
            str(r["source_url"]),
        )
        for r in programme.to_dict("records")
    )


def data_files(files: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data files (data/files.csv) with their sources and licences, in ``lang``."""
    return pd.DataFrame(
        {
            t("about.col_file", lang): ("data/" + files["file"]).to_numpy(),
            t("about.col_source", lang): files[f"source_{lang}"].to_numpy(),
            t("about.col_licence", lang): files[f"licence_{lang}"].to_numpy(),
        }
    )


def provenance_counts(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """How many indicator values are reported, estimated, illustrative."""
    counts = values["provenance"].value_counts()
    return pd.DataFrame(
        {
            t("table.provenance", lang): [t(f"provenance.{p}", lang) for p in counts.index],
            t("about.col_count", lang): counts.to_numpy(),
        }
    )
