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


OWN_LICENCE = ("CC BY 4.0 (dự án này)", "CC BY 4.0 (this project)")
NE_LICENCE = ("Phạm vi công cộng (Natural Earth)", "Public domain (Natural Earth)")

#: Each shipped file with its source and licence, both as (Vietnamese, English).
DATA_FILES: tuple[tuple[str, tuple[str, str], tuple[str, str]], ...] = (
    (
        "data/geo/provinces_2025.geojson",
        (
            "Natural Earth admin-1 (npm @superset-ui/legacy-plugin-chart-country-map@0.20.3), gộp 63→34; "
            "Hoàng Sa, Trường Sa từ world-atlas@2.0.2",
            "Natural Earth admin-1 (npm @superset-ui/legacy-plugin-chart-country-map@0.20.3), dissolved 63→34; "
            "Hoàng Sa, Trường Sa from world-atlas@2.0.2",
        ),
        NE_LICENCE,
    ),
    (
        "data/geo/background_countries.geojson",
        ("Natural Earth 50m, các quốc gia (world-atlas@2.0.2)", "Natural Earth 50m countries (world-atlas@2.0.2)"),
        NE_LICENCE,
    ),
    (
        "data/geo/province_merge_2025.csv",
        ("Nghị quyết 202/2025/QH15; PyPI vietnamadminunits 1.0.4",) * 2,
        ("Dữ kiện (không có bản quyền)", "Facts (no copyright)"),
    ),
    (
        "data/parks/parks.csv",
        ("Danh sách KCN đã khảo cứu, mỗi dòng có URL nguồn", "Researched park list with source URLs per row"),
        OWN_LICENCE,
    ),
    (
        "data/parks/coverage.csv",
        (
            "Số KCN theo nguồn công bố của từng tỉnh, thành phố (báo chí, ban quản lý), mỗi dòng có URL",
            "Parks per province as public sources count them (press, IZ authorities), a URL per row",
        ),
        ("Dữ kiện (không có bản quyền)", "Facts (no copyright)"),
    ),
    (
        "data/programme/totals.csv",
        (
            "Tổng kết GEIPP Việt Nam do nguồn công bố (URL mỗi dòng)",
            "GEIPP Viet Nam totals as a source reports them (URL per row)",
        ),
        ("Dữ kiện (không có bản quyền)", "Facts (no copyright)"),
    ),
    (
        "data/indicators/catalogue.csv",
        (
            "Nghị định 35/2022/NĐ-CP, Nghị định 82/2018/NĐ-CP, Khung quốc tế về KCN sinh thái v2.0",
            "Decree 35/2022/NĐ-CP, Decree 82/2018/NĐ-CP, International EIP Framework v2.0",
        ),
        OWN_LICENCE,
    ),
    (
        "data/indicators/values.csv",
        (
            "Số liệu công bố khi nguồn có con số; còn lại là ước tính hoặc minh họa (scripts/generate_data.py)",
            "Reported where a source gives a figure; otherwise estimated or illustrative (scripts/generate_data.py)",
        ),
        OWN_LICENCE,
    ),
    (
        "data/symbiosis/firms.csv, links.csv",
        (
            "Các trường hợp có tài liệu kèm nguồn; liên kết minh họa giữa các doanh nghiệp có ghi ngành",
            "Documented cases with sources; illustrative links between sector-labelled firms",
        ),
        OWN_LICENCE,
    ),
)


def data_files(lang: str) -> pd.DataFrame:
    """The shipped files with their sources and licences, in ``lang``."""
    i = 0 if lang == "vi" else 1
    return pd.DataFrame(
        {
            t("about.col_file", lang): [f for f, _, _ in DATA_FILES],
            t("about.col_source", lang): [s[i] for _, s, _ in DATA_FILES],
            t("about.col_licence", lang): [lic[i] for _, _, lic in DATA_FILES],
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
