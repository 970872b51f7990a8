"""The Excel template people fill in, and the error report handed back for a rejected upload (openpyxl).

Template: an instructions sheet, one sheet per table (values, parks, firms, links) whose
first row holds the column names the upload reads and whose second row says in Vietnamese
and English what goes there (with the unit), drop-down lists for every enumeration, and a
hidden sheet with the lists (provinces, parks, indicators …) of the current release.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from eipmap.domain.dataset import Dataset
from eipmap.domain.errors import Failure
from eipmap.domain.models import PILOT_PROVINCE_CODES, LinkStatus, LocationAccuracy, ParkStatus, Provenance, Resource
from eipmap.releases.sheets import ACTION, REMOVE, ROW, Upload, columns_of, where

INSTRUCTIONS = "Hướng dẫn - Instructions"
LISTS = "lists"
ERRORS = "Lỗi - Errors"
INFO_SHEETS = (INSTRUCTIONS, LISTS, ERRORS)
BAD_FILL = PatternFill("solid", fgColor="F8C9C4")
HEAD_FILL = PatternFill("solid", fgColor="DCE6F0")
ROWS_WITH_LISTS = 2000

# column → (Vietnamese, English, unit)
LABELS: dict[str, tuple[str, str, str]] = {
    "park_id": ("Mã KCN", "Park id", ""),
    "indicator_id": ("Mã chỉ số", "Indicator id", ""),
    "year": ("Năm", "Year", ""),
    "value": ("Giá trị", "Value", "đơn vị của chỉ số · the indicator's unit"),
    "provenance": ("Nguồn gốc số liệu", "Provenance", "reported / estimated / illustrative"),
    "source_url": ("URL nguồn", "Source URL", "https://…"),
    "note": ("Ghi chú", "Note", ""),
    "notes": ("Ghi chú", "Notes", ""),
    "name_vi": ("Tên tiếng Việt", "Name in Vietnamese", ""),
    "name_en": ("Tên tiếng Anh", "Name in English", ""),
    "province_code": ("Mã tỉnh (2025)", "Province code (2025)", ""),
    "former_province": ("Tỉnh trước 1/7/2025", "Province before 1 July 2025", ""),
    "lat": ("Vĩ độ", "Latitude", "độ · degrees"),
    "lon": ("Kinh độ", "Longitude", "độ · degrees"),
    "location_accuracy": ("Độ chính xác vị trí", "Location accuracy", ""),
    "location_error_km": ("Sai số vị trí", "Location error", "km"),
    "area_ha": ("Diện tích", "Area", "ha"),
    "established_year": ("Năm thành lập", "Year established", ""),
    "status": ("Trạng thái", "Status", ""),
    "is_demonstration": ("KCN trình diễn", "Demonstration park", "True / False"),
    "firm_id": ("Mã doanh nghiệp", "Firm id", ""),
    "sector": ("Ngành", "Sector", ""),
    "is_named_in_source": ("Có tên trong nguồn", "Named in the source", "True / False"),
    "is_external": ("Ngoài KCN", "Outside the park", "True / False"),
    "location_provenance": ("Nguồn gốc vị trí", "Location provenance", ""),
    "link_id": ("Mã liên kết", "Link id", ""),
    "from_firm_id": ("Từ doanh nghiệp", "From firm", "firm_id"),
    "to_firm_id": ("Đến doanh nghiệp", "To firm", "firm_id"),
    "resource": ("Tài nguyên", "Resource", ""),
    "description_vi": ("Mô tả tiếng Việt", "Description in Vietnamese", ""),
    "description_en": ("Mô tả tiếng Anh", "Description in English", ""),
    "year_identified": ("Năm xác định", "Year identified", ""),
    "counts_as_symbiosis": (
        "Là cộng sinh (TT 05/2025 Đ. 2(1))",
        "Symbiosis (Circular 05/2025 Art. 2(1))",
        "True / False",
    ),
    "illustrative_fields": (
        "Trường minh họa",
        "Illustrative fields",
        "tên cột, cách nhau bởi ; · column names, ; between",
    ),
    "year_operating_start": ("Năm bắt đầu vận hành", "Year operation started", ""),
    "year_status_changed": ("Năm đổi trạng thái", "Year status changed", ""),
    "quantity": ("Khối lượng", "Quantity", "xem cột đơn vị · see unit column"),
    "quantity_unit": ("Đơn vị khối lượng", "Quantity unit", ""),
    "co2_t_per_year": ("Giảm CO₂e", "CO₂e avoided", "t/năm · t/yr"),
    "water_m3_per_year": ("Nước tiết kiệm", "Water saved", "m³/năm · m³/yr"),
    "energy_mwh_per_year": ("Năng lượng tiết kiệm", "Energy saved", "MWh/năm · MWh/yr"),
    "money_usd_per_year": ("Lợi ích", "Benefit", "USD/năm · USD/yr"),
    ACTION: ("Thao tác", "Action", "để trống = thêm/sửa · blank = add/change; remove = xóa · remove"),
}


def column_label(kind: str, column: str) -> str:
    """The second-row label of ``column`` (the upload skips a row of exactly these labels)."""
    vi, en, unit = LABELS.get(column, (column, column, ""))
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


INSTRUCTION_LINES = (
    ("Mẫu cập nhật dữ liệu eipmap", "eipmap data-update template"),
    (
        "Mỗi bảng một trang: values (giá trị chỉ số), parks (KCN), firms (doanh nghiệp), links (liên kết cộng sinh).",
        "One sheet per table: values (indicator values), parks, firms, links (symbiosis links).",
    ),
    (
        "Dòng 1 là tên cột (không sửa); dòng 2 giải thích cột và đơn vị; nhập dữ liệu từ dòng 3.",
        "Row 1 holds the column names (do not change them); row 2 explains each column and its unit; "
        "enter data from row 3.",
    ),
    (
        "Dòng có cùng khóa (vd. park_id + indicator_id + year) thay thế dòng hiện có; dòng mới được thêm vào.",
        "A row with the key of an existing row (e.g. park_id + indicator_id + year) replaces it; other rows are added.",
    ),
    ("Để xóa một dòng: ghi 'remove' vào cột action.", "To remove a row: write 'remove' in the action column."),
    (
        "Chỉ nhập giá trị, không dùng công thức; tệp .xlsm (có macro) bị từ chối.",
        "Enter values only, no formulas; .xlsm files (macros) are refused.",
    ),
    (
        "Biên tập viên cấp tỉnh chỉ được gửi dòng của tỉnh mình.",
        "A provincial editor may only send rows of their own province.",
    ),
    (
        "Có thể xóa các trang không dùng. Có thể gửi một bảng dưới dạng CSV UTF-8 với cùng tên cột.",
        "Sheets you do not use may be deleted. One table may also be sent as a UTF-8 CSV with the same column names.",
    ),
    (
        "Ghi rõ nguồn gốc: reported (có nguồn công bố, cần URL), estimated, illustrative.",
        "State the provenance: reported (published, needs a URL), estimated, illustrative.",
    ),
)


def build_template(data: Dataset) -> bytes:
    """The template workbook for the current release (lists follow its parks and indicators)."""
    book = Workbook()
    info = book.active
    info.title = INSTRUCTIONS
    for i, (vi, en) in enumerate(INSTRUCTION_LINES, start=1):
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
        ws = book.create_sheet(kind)
        for col_index, column in enumerate([*columns_of(kind), ACTION], start=1):
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
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
