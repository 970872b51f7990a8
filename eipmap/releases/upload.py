"""Read an uploaded workbook or CSV into tables of text, refusing anything hostile.

Accepted: ``.xlsx`` (sheets named after the tables: values, parks, firms, links) and
``.csv`` (one table, told apart by its header). Refused with a reason: other types,
``.xlsm`` or any workbook carrying macros, files over the size limit, formulas (never
evaluated), empty files, unknown sheets and unknown or missing columns. Every problem is
reported at once, by sheet, spreadsheet row and column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import openpyxl
import pandas as pd

from eipmap.domain.errors import Failure
from eipmap.ingest.schemas import CSV_SCHEMAS
from eipmap.releases.sheets import ACTION, ROW, Upload, columns_of
from eipmap.releases.store import UPDATABLE
from eipmap.releases.upload_guard import archive_problem, number_problem, text_problem

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
SHEET_LABEL_ROW = 2  # the template's second row holds the bilingual labels, not data


def _text(value: object) -> str | None:
    """A cell as the text a CSV would hold (whole numbers without '.0', booleans as True/False)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    return None if text.strip() == "" else text


def _has_macros(content: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace") if "[Content_Types].xml" in names else ""
    return any(n.lower().endswith("vbaproject.bin") for n in names) or "macroEnabled" in types


def _frame(
    name: str, sheet: str, kind: str, header: Sequence[str | None], rows: Iterable[tuple[int, list[object]]], up: Upload
) -> None:
    """Check the header of one table and keep its rows as text."""
    where = f"{name} › {sheet}" if sheet else name
    allowed = [*columns_of(kind), ACTION]
    names = [str(h).strip() if h is not None else "" for h in header]
    while names and names[-1] == "":
        names.pop()
    bad = False
    for i, col in enumerate(names):
        if col not in allowed:
            up.failures.append(
                Failure(
                    where, 1, col or f"#{i + 1}", col, "a column of the template (see the instructions sheet)", True
                )
            )
            bad = True
    for col in columns_of(kind):
        if col not in names:
            up.failures.append(Failure(where, 1, col, "", "this column to be present", True))
            bad = True
    if len(set(names)) != len(names):
        up.failures.append(Failure(where, 1, None, ", ".join(names), "each column once", True))
        bad = True
    if bad:
        return
    records = []
    numeric = _numeric_columns(kind)
    for number, cells in rows:
        values = [_text(c) for c in cells[: len(names)]] + [None] * max(0, len(names) - len(cells))
        if all(v is None for v in values):
            continue
        for col, raw, text in zip(names, cells, values, strict=False):
            problem = None if text is None else text_problem(text)
            if problem is None and col in numeric and raw is not None:
                problem = number_problem(raw, col)
            if problem is not None:
                up.failures.append(Failure(where, number, col, text[:60] if text else "", problem, True))
        records.append({ROW: number, **dict(zip(names, values, strict=True))})
    if len(records) > MAX_ROWS:
        up.failures.append(Failure(where, None, None, str(len(records)), f"at most {MAX_ROWS} rows", True))
        return
    if not records:
        return  # an unused sheet of the template
    frame = pd.DataFrame(records, columns=[ROW, *names])
    if ACTION not in frame:
        frame[ACTION] = None
    up.tables[kind] = frame


PERCENT_CELL = "a plain number, not a percentage cell (33.8 % is stored as 0.338): type 33.8"
FORMULA_CELL = "a plain value, not a formula (formulas are never evaluated)"


def _cell_failure(where: str, row: int, cell: object, expected: str) -> Failure:
    """A problem of one worksheet cell, named by sheet, row and column letter."""
    return Failure(where, row, getattr(cell, "column_letter", None), str(getattr(cell, "value", "")), expected, True)


def _numeric_columns(kind: str) -> frozenset[str]:
    columns = CSV_SCHEMAS[UPDATABLE[kind]].to_schema().columns
    return frozenset(name for name, col in columns.items() if any(k in str(col.dtype) for k in ("float", "int")))


def _label_row(kind: str, cells: list[object]) -> bool:
    from eipmap.releases.template import column_label  # the template writes what this recognises

    first = columns_of(kind)[0]
    return bool(cells) and _text(cells[0]) == column_label(kind, first)


def _read_xlsx(name: str, content: bytes, up: Upload) -> None:
    problem = archive_problem(content)
    if problem is not None:
        up.failures.append(Failure(name, None, None, "", problem, True))
        return
    try:
        _read_workbook(name, content, up)
    except Exception as exc:  # noqa: BLE001 - a hostile workbook makes openpyxl/defusedxml raise many unrelated types
        up.failures.clear()
        up.tables.clear()
        up.failures.append(
            Failure(name, None, None, "", f"an Excel workbook (.xlsx) that reads cleanly ({type(exc).__name__})", True)
        )


def _read_workbook(name: str, content: bytes, up: Upload) -> None:
    try:
        if _has_macros(content):
            up.failures.append(Failure(name, None, None, "", "a workbook without macros (.xlsx, not .xlsm)", True))
            return
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        up.failures.append(
            Failure(name, None, None, "", f"an Excel workbook (.xlsx) that opens ({type(exc).__name__})", True)
        )
        return
    try:
        known = [s for s in book.sheetnames if s in UPDATABLE]
        for sheet in book.sheetnames:
            if sheet not in UPDATABLE and not _is_template_sheet(sheet):
                up.failures.append(
                    Failure(
                        f"{name} › {sheet}", None, None, sheet, f"a sheet named one of {', '.join(UPDATABLE)}", True
                    )
                )
        if not known:
            up.failures.append(
                Failure(name, None, None, "", f"at least one sheet named one of {', '.join(UPDATABLE)}", True)
            )
        for sheet in known:
            ws = book[sheet]
            if getattr(ws, "sheet_state", "visible") != "visible":
                hidden = "a visible sheet (hidden sheets are not read)"
                up.failures.append(Failure(f"{name} › {sheet}", None, None, sheet, hidden, True))
                continue
            rows: list[tuple[int, list[object]]] = []
            header: list[str | None] | None = None
            formulas = False
            for number, cells in enumerate(ws.iter_rows(), start=1):
                if not cells:
                    continue
                values: list[object] = []
                for cell in cells:
                    if isinstance(cell.value, int | float) and "%" in str(getattr(cell, "number_format", "")):
                        up.failures.append(_cell_failure(f"{name} › {sheet}", number, cell, PERCENT_CELL))
                    if cell.data_type == "f":
                        up.failures.append(_cell_failure(f"{name} › {sheet}", number, cell, FORMULA_CELL))
                        formulas = True
                    values.append(cell.value)
                if header is None:
                    header = [None if v is None else str(v) for v in values]
                elif not (number == SHEET_LABEL_ROW and _label_row(sheet, values)):
                    rows.append((number, values))
                if len(rows) > MAX_ROWS:
                    break
            if header is None:
                up.failures.append(Failure(f"{name} › {sheet}", None, None, "", "a header row and data rows", True))
            elif not formulas:
                _frame(name, sheet, sheet, header, rows, up)
    finally:
        book.close()


def _is_template_sheet(sheet: str) -> bool:
    from eipmap.releases.template import INFO_SHEETS

    return sheet in INFO_SHEETS


def _read_csv(name: str, content: bytes, up: Upload) -> None:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        up.failures.append(Failure(name, None, None, "", "a UTF-8 CSV file", True))
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # CR-only files (old Mac exports) read like any other
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        up.failures.append(Failure(name, None, None, "", f"a CSV file that reads cleanly ({exc})", True))
        return
    if not rows or not any(c.strip() for c in rows[0]):
        up.failures.append(Failure(name, None, None, "", "a header row and data rows", True))
        return
    header = [c.strip() for c in rows[0]]
    fits = [k for k in UPDATABLE if set(columns_of(k)) <= set(header)]
    if not fits:
        best = max(UPDATABLE, key=lambda k: len(set(columns_of(k)) & set(header)))
        _frame(name, "", best, header, [], up)  # names the missing / unknown columns of the closest table
        return
    _frame(name, "", fits[0], header, ((i + 1, list(r)) for i, r in enumerate(rows[1:], start=1)), up)


def read_upload(name: str, content: bytes) -> Upload:
    """Read ``content`` (a file called ``name``); problems are in ``failures``, never raised."""
    up = Upload(name)
    lower = name.lower()
    if len(content) > MAX_BYTES:
        up.failures.append(
            Failure(
                name,
                None,
                None,
                f"{len(content) / 1_048_576:.1f} MB",
                f"a file of at most {MAX_BYTES // 1_048_576} MB",
                True,
            )
        )
    elif len(content) == 0:
        up.failures.append(Failure(name, None, None, "", "a file with content (it is empty)", True))
    elif lower.endswith(".xlsx"):
        _read_xlsx(name, content, up)
    elif lower.endswith(".csv"):
        _read_csv(name, content, up)
    else:
        up.failures.append(
            Failure(
                name,
                None,
                None,
                name.rsplit(".", 1)[-1] if "." in name else "",
                "an .xlsx or .csv file (.xlsm and other types are refused)",
                True,
            )
        )
    if not up.failures and not up.tables:
        up.failures.append(
            Failure(name, None, None, "", "at least one data row in a sheet named values, parks, firms or links", True)
        )
    return up
