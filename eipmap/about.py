"""Facts for the data-and-sources screen: programme totals (reported) and the file inventory."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eipmap.i18n import t

GEIPP_SOURCE = "https://amatavn.com/tin-tuc/tin-tuc-va-hoat-dong-csr/amata-city-bien-hoa-khu-cong-nghiep-sinh-thai-tao-gia-tri-ben-vung-cho-tuong-lai/"


@dataclass(frozen=True)
class ProgrammeTotal:
    """One reported programme-level figure."""

    label_vi: str
    label_en: str
    value: float
    unit: str
    source: str

    def label(self, lang: str) -> str:
        """The label in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en


PROGRAMME_TOTALS = (
    ProgrammeTotal("Giải pháp RECP", "RECP solutions", 295, "", GEIPP_SOURCE),
    ProgrammeTotal("Giải pháp cộng sinh đề xuất", "IS solutions proposed", 62, "", GEIPP_SOURCE),
    ProgrammeTotal("Điện tiết kiệm", "Electricity saved", 4_400, "MWh/năm · MWh/yr", GEIPP_SOURCE),
    ProgrammeTotal("Nước tiết kiệm", "Water saved", 20_800, "m³/năm · m³/yr", GEIPP_SOURCE),
    ProgrammeTotal("Giảm phát thải", "Emissions avoided", 87_000, "t CO₂e", GEIPP_SOURCE),
)

DATA_FILES = pd.DataFrame(
    [
        (
            "data/geo/provinces_2025.geojson",
            "Natural Earth admin-1 (npm @superset-ui/legacy-plugin-chart-country-map@0.20.3), dissolved 63→34; Hoàng Sa, Trường Sa from world-atlas@2.0.2",
            "Public domain (Natural Earth)",
        ),
        (
            "data/geo/background_countries.geojson",
            "Natural Earth 50m countries (world-atlas@2.0.2)",
            "Public domain (Natural Earth)",
        ),
        (
            "data/geo/province_merge_2025.csv",
            "Nghị quyết 202/2025/QH15; PyPI vietnamadminunits 1.0.4",
            "Facts (no copyright)",
        ),
        ("data/parks/parks.csv", "Researched park list with source URLs per row", "CC BY 4.0 (this project)"),
        (
            "data/indicators/catalogue.csv",
            "Decree 35/2022/NĐ-CP, Decree 82/2018/NĐ-CP, International EIP Framework v2.0",
            "CC BY 4.0 (this project)",
        ),
        (
            "data/indicators/values.csv",
            "Reported where a source gives a figure; otherwise estimated or illustrative (scripts/generate_data.py)",
            "CC BY 4.0 (this project)",
        ),
        (
            "data/symbiosis/firms.csv, links.csv",
            "Documented cases with sources; illustrative links between sector-labelled firms",
            "CC BY 4.0 (this project)",
        ),
    ],
    columns=["file", "source", "licence"],
)


def provenance_counts(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """How many indicator values are reported, estimated, illustrative."""
    counts = values["provenance"].value_counts()
    return pd.DataFrame(
        {
            t("table.provenance", lang): [t(f"provenance.{p}", lang) for p in counts.index],
            "n": counts.to_numpy(),
        }
    )
