"""Every table on screen: localised numbers, and its CSV/XLSX downloads beside it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import pandas as pd
import streamlit as st

from eipmap.display.stamp import release_text
from eipmap.display.tables import BLANK, localised
from eipmap.i18n import t
from eipmap.render.spreadsheets import csv_bytes, xlsx_bytes
from eipmap.ui import cache

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show_table(
    frame: pd.DataFrame,
    lang: str,
    *,
    key: str,
    name: str,
    plain: Collection[str] = (),
    column_config: dict[str, Any] | None = None,
    height: int | None = None,
    container: Any = st,
) -> None:
    """Draw ``frame`` (numbers in ``lang``'s format) with two download buttons named ``name``.csv/.xlsx.

    The files are built only when a button is clicked; their cells keep full precision
    and text that a spreadsheet would run as a formula is neutralised.
    """
    container.dataframe(
        localised(frame, lang, plain),
        hide_index=True,
        width="stretch",
        key=key,
        column_config=column_config,
        height=height if height is not None else "auto",
        placeholder=BLANK,  # Streamlit draws a missing cell itself (the Styler's text is not used): "None" otherwise
    )
    stamp = cache.dataset().release  # the release the table shows: in the file name and the workbook
    name = f"{name}-{stamp.slug}"
    row = container.container(horizontal=True, gap="small")  # buttons as wide as their labels, side by side
    row.download_button(
        t("table.download_csv", lang),
        data=lambda: csv_bytes(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}-csv",
        on_click="ignore",
        icon=":material/download:",
        width="content",
    )
    row.download_button(
        t("table.download_xlsx", lang),
        data=lambda: xlsx_bytes(frame, name, release_text(stamp, lang)),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}-xlsx",
        on_click="ignore",
        icon=":material/download:",
        width="content",
    )
