"""The Excel template people fill in, and the error report handed back for a rejected upload (openpyxl).

Template: an instructions sheet, one sheet per table (values, parks, firms, links) whose
first row holds the column names the upload reads and whose second row says in Vietnamese
and English what goes there (with the unit), drop-down lists for every enumeration, and a
hidden sheet with the lists (provinces, parks, indicators …) of the current release.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from eipmap.domain.dataset import Dataset
from eipmap.domain.errors import Failure
from eipmap.domain.models import PILOT_PROVINCE_CODES, LinkStatus, LocationAccuracy, ParkStatus, Provenance, Resource
from eipmap.i18n import catalogue, t
from eipmap.releases.sheets import ACTION, REMOVE, ROW, Upload, columns_of, where

INSTRUCTIONS = "Hướng dẫn - Instructions"
LISTS = "lists"
ERRORS = "Lỗi - Errors"
INFO_SHEETS = (INSTRUCTIONS, LISTS, ERRORS)
BAD_FILL = PatternFill("solid", fgColor="F8C9C4")
HEAD_FILL = PatternFill("solid", fgColor="DCE6F0")
ROWS_WITH_LISTS = 2000


def column_label(kind: str, column: str) -> str:
    """The second-row label of ``column``, Vietnamese / English (the upload skips a row of exactly these labels).

    The texts are the locales' ``template.column`` and ``template.unit`` entries; a column without one shows its name.
    """
    vi, en = (catalogue(lang).get(f"template.column.{column}", column) for lang in ("vi", "en"))
    unit_vi, unit_en = (catalogue(lang).get(f"template.unit.{column}", "") for lang in ("vi", "en"))
    unit = unit_vi if unit_vi == unit_en else f"{unit_vi} · {unit_en}"
    return f"{vi} / {en}" + (f" ({unit})" if unit else "")


def _enum_lists(data: Dataset) -> dict[str, list[str]]:
    return {
        "province_code": list(PILOT_PROVINCE_CODES),
        "park_id": sorted(data.parks["park_id"]),
        "indicator_id": sorted(data.indicators),
        "provenance": [p.value for p in Provenance],
        "location_provenance": [p.value for p in Provenance],
        "status_park": [s.value for s in ParkStatus],
        "status_link": [s.value for s in LinkStatus],
        "resource": [r.value for r in Resource],
        "location_accuracy": [a.value for a in LocationAccuracy],
        "bool": ["True", "False"],
        ACTION: ["", REMOVE],
    }


def _list_for(kind: str, column: str) -> str | None:
    if column == "status":
        return "status_park" if kind == "parks" else "status_link" if kind == "links" else None
    if column.startswith("is_") or column == "counts_as_symbiosis":
        return "bool"
    return (
        column
        if column
        in {
            "province_code",
            "park_id",
            "indicator_id",
            "provenance",
            "location_provenance",
            "resource",
            "location_accuracy",
            ACTION,
        }
        else None
    )


def _instruction_lines() -> list[tuple[str, str]]:
    """The instructions sheet's lines, (Vietnamese, English), from the locales' ``template.instruction_NN``."""
    keys = sorted(k for k in catalogue("vi") if k.startswith("template.instruction_"))
    return [(t(k, "vi"), t(k, "en")) for k in keys]


def build_template(data: Dataset, prefill: Mapping[str, pd.DataFrame] | None = None) -> bytes:
    """The template workbook for the current release (lists follow its parks and indicators).

    ``prefill`` maps a sheet (values, parks, firms, links) to rows written under its labels, e.g. the
    opportunity finder's candidates as potential links; every cell is written as text, never as a formula.
    """
    book = Workbook()
    info = book.active
    info.title = INSTRUCTIONS
    for i, (vi, en) in enumerate(_instruction_lines(), start=1):
        info.cell(i, 1, vi).font = Font(bold=i == 1)
        info.cell(i, 2, en).font = Font(bold=i == 1)
    info.column_dimensions["A"].width = 90
    info.column_dimensions["B"].width = 90
    lists = book.create_sheet(LISTS)
    refs: dict[str, str] = {}
    for col_index, (name, items) in enumerate(_enum_lists(data).items(), start=1):
        letter = get_column_letter(col_index)
        lists.cell(1, col_index, name)
        for row, item in enumerate(items, start=2):
            lists.cell(row, col_index, item)
        refs[name] = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${len(items) + 1}"
    lists.sheet_state = "hidden"
    for kind in ("values", "parks", "firms", "links"):
        _table_sheet(book.create_sheet(kind), kind, refs, (prefill or {}).get(kind))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table_sheet(ws: Worksheet, kind: str, refs: Mapping[str, str], rows: pd.DataFrame | None) -> None:
    """One table's sheet: names, labels, drop-down lists, and any pre-filled rows (as text)."""
    columns = [*columns_of(kind), ACTION]
    for col_index, column in enumerate(columns, start=1):
        head = ws.cell(1, col_index, column)
        head.font, head.fill = Font(bold=True), HEAD_FILL
        label = ws.cell(2, col_index, column_label(kind, column))
        label.font, label.alignment = Font(italic=True, color="555555"), Alignment(wrap_text=True)
        ws.column_dimensions[get_column_letter(col_index)].width = 22
        list_name = _list_for(kind, column)
        if list_name:
            letter = get_column_letter(col_index)
            rule = DataValidation(type="list", formula1=refs[list_name], allow_blank=True, showErrorMessage=True)
            rule.add(f"{letter}3:{letter}{ROWS_WITH_LISTS}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "A3"
    for row, rec in enumerate(([] if rows is None else rows.to_dict("records")), start=3):
        for col_index, column in enumerate(columns, start=1):
            value = rec.get(column)
            if value is not None and not (isinstance(value, float) and pd.isna(value)):
                cell = ws.cell(row, col_index)
                cell.value = str(value)
                cell.data_type = "s"  # text, even when it starts with "=": never a formula


def error_report(upload: Upload, failures: Sequence[Failure], messages: Sequence[str]) -> bytes:
    """A workbook listing every problem, with the uploaded rows and their bad cells marked red."""
    book = Workbook()
    sheet = book.active
    sheet.title = ERRORS
    for col, head in enumerate(("Vị trí / Where", "Giá trị / Value", "Cần / Expected"), start=1):
        sheet.cell(1, col, head).font = Font(bold=True)
    for line, (failure, message) in enumerate(zip(failures, messages, strict=True), start=2):
        sheet.cell(line, 1, message.split(": ", 1)[0])
        shown = "'" + failure.value if failure.value.startswith(("=", "+", "-", "@")) else failure.value
        sheet.cell(line, 2, shown)
        sheet.cell(line, 3, failure.expected)
    for letter, width in zip("ABC", (60, 30, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    for kind, frame in upload.tables.items():
        ws = book.create_sheet(kind)
        columns = [c for c in frame.columns if c != ROW]
        for col_index, column in enumerate(columns, start=1):
            ws.cell(1, col_index, column).font = Font(bold=True)
        bad = {(f.row, f.column): f for f in failures if f.spreadsheet and f.file == where(upload, kind)}
        for out_row, rec in enumerate(frame.to_dict("records"), start=2):
            for col_index, column in enumerate(columns, start=1):
                value = rec[column]
                text = None if value is None else str(value)
                if text and text.startswith(("=", "+", "-", "@")):
                    text = "'" + text  # shown as text, never run as a formula
                cell = ws.cell(out_row, col_index, text)
                hit = bad.get((rec[ROW], column))
                if hit is not None:
                    cell.fill = BAD_FILL
                    cell.comment = Comment(f"Cần / expected: {hit.expected}", "eipmap")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_back(content: bytes) -> Workbook:
    """Open a workbook this module wrote (for tests)."""
    return load_workbook(io.BytesIO(content))
