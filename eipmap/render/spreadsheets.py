"""Table downloads: CSV (UTF-8 with BOM, so Excel shows Vietnamese) and XLSX, injection-safe."""

from __future__ import annotations

import io

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for download."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str, source: str = "") -> bytes:
    """One-sheet Excel workbook for download (openpyxl), header row frozen.

    ``source`` (which release the table comes from) goes into the workbook's title and description.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        writer.book.properties.title = sheet
        writer.book.properties.description = source
        neutralise(frame).to_excel(writer, sheet_name=sheet[:31], index=False, freeze_panes=(1, 0))
        sheet_obj = writer.sheets[sheet[:31]]
        for cells in sheet_obj.columns:
            width = max(len(str(c.value or "")) for c in cells)
            sheet_obj.column_dimensions[cells[0].column_letter].width = min(60, max(10, width + 2))
    return buffer.getvalue()
