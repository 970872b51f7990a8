"""Uploads: a valid file merges and previews; ≥ 40 malformed ones are refused with a message, nothing published."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from eipmap.domain.dataset import Dataset
from eipmap.domain.models import next_year
from eipmap.releases.accounts import Account, Role
from eipmap.releases.sheets import columns_of
from eipmap.releases.store import UPDATABLE, Store
from eipmap.releases.template import ERRORS, LISTS, build_template, column_label, error_report, read_back
from eipmap.releases.update import UploadRejected, check_upload, publish_upload
from eipmap.releases.upload import MAX_BYTES, read_upload
from tests.conftest import DATA, with_accounts

DN = Account("danang-editor", Role.EDITOR, "48")
ADMIN = Account("admin", Role.ADMIN, None)
VALUE = ["hoa-khanh", "KPI-09", 2024, 55.5, "estimated", None, "Ban quản lý KCN Đà Nẵng"]
NEXT_YEAR = next_year()  # the last year a value may carry


def xlsx(sheets: dict[str, list[list[object]]], *, header: dict[str, list[str]] | None = None) -> bytes:
    """A workbook with one sheet per table: header row from the schema (unless given), then ``rows``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        kind = name if name in UPDATABLE else "values"
        ws.append((header or {}).get(name, columns_of(kind)))
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def record(kind: str, key: str, **changes: object) -> list[object]:
    """An existing row of the shipped table ``kind`` (by its first key column), with ``changes``."""
    frame = pd.read_csv(DATA / UPDATABLE[kind], dtype=str, keep_default_na=False)
    rec = frame[frame[columns_of(kind)[0]] == key].iloc[0].to_dict()
    rec.update(changes)
    return [None if rec[c] == "" else rec[c] for c in columns_of(kind)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('db') / 'eipmap.sqlite'}")
    s.seed_from(DATA)
    with_accounts(s, DN, ADMIN)
    return s


def test_valid_upload_previews_then_publishes(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.seed_from(DATA)
    with_accounts(store, DN)
    upload = read_upload("danang.xlsx", xlsx({"values": [VALUE]}))
    checked = check_upload(upload, DN, store.files(1))
    assert checked.ok, [f.describe() for f in checked.failures]
    (change,) = checked.changes.to_dict("records")
    assert (change["table"], change["park_id"], change["change"]) == ("values", "hoa-khanh", "changed")
    assert "value: " in change["detail"] and "→ 55.5" in change["detail"]
    release = publish_upload(store, upload, DN, sha="abc", note="sửa số liệu")
    assert release == 2
    assert store.release(2).author == "danang-editor"
    assert store.release(2).summary == "1 changed"


def test_template_round_trip(dataset: Dataset) -> None:
    content = build_template(dataset)
    book = read_back(content)
    assert {"values", "parks", "firms", "links", LISTS}.issubset(book.sheetnames)
    ws = book["values"]
    assert [c.value for c in ws[1]][:7] == columns_of("values")
    assert ws.cell(2, 1).value == column_label("values", "park_id") == "Mã KCN / Park id"
    assert ws.data_validations.dataValidation  # drop-down lists
    assert book[LISTS].sheet_state == "hidden"
    ws.append(VALUE)
    buffer = io.BytesIO()
    book.save(buffer)
    upload = read_upload("filled.xlsx", buffer.getvalue())
    assert upload.failures == []
    assert list(upload.tables) == ["values"]
    assert int(upload.tables["values"].iloc[0]["_row"]) == 3  # the label row is not data


def test_removing_one_row_and_adding_another(store: Store) -> None:
    head = {"values": [*columns_of("values"), "action"]}
    rows = [
        ["hoa-khanh", "KPI-09", 2019, None, None, None, None, "remove"],
        ["hoa-khanh", "KPI-09", 2024, 55.5, "estimated", None, None, None],
    ]
    checked = check_upload(read_upload("a.xlsx", xlsx({"values": rows}, header=head)), DN, store.files(1), DATA)
    assert checked.ok, [f.describe() for f in checked.failures]
    assert sorted(checked.changes["change"]) == ["changed", "removed"]
    merged = pd.read_csv(io.BytesIO(checked.tables[UPDATABLE["values"]]))
    mine = merged[(merged["park_id"] == "hoa-khanh") & (merged["indicator_id"] == "KPI-09")]
    assert 2019 not in set(mine["year"])
    assert mine.loc[mine["year"] == 2024, "value"].item() == 55.5


def macro_workbook() -> bytes:
    buffer = io.BytesIO(xlsx({"values": [VALUE]}))
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\x00macro")
    return out.getvalue()


def formula_workbook() -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(xlsx({"values": [VALUE]})))
    book["values"]["D2"] = "=1+1"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Case:
    """A malformed upload and a piece of the message it must get."""

    name: str
    file_name: str
    content: Callable[[], bytes]
    message: str
    account: Account = DN


def values_with(**changes: object) -> Callable[[], bytes]:
    row = dict(zip(columns_of("values"), VALUE, strict=True))
    row.update(changes)
    return lambda: xlsx({"values": [list(row.values())]})


def sheet(name: str, rows: list[list[object]]) -> Callable[[], bytes]:
    return lambda: xlsx({name: rows})


FIRST_FIRM = str(pd.read_csv(DATA / UPDATABLE["firms"])["firm_id"].iloc[0])
FIRST_LINK = str(pd.read_csv(DATA / UPDATABLE["links"])["link_id"].iloc[0])
VALUES_CSV_HEAD = ",".join(columns_of("values"))
NFD = unicodedata.normalize("NFD", "Hòa Khánh")

CASES = [
    Case(
        "wrong sheet", "a.xlsx", lambda: xlsx({"Sheet1": [VALUE]}), "a sheet named one of values, parks, firms, links"
    ),
    Case(
        "extra unknown sheet",
        "a.xlsx",
        lambda: xlsx({"values": [VALUE], "Ghi chú": [["x"]]}),
        "got 'Ghi chú'; expected a sheet",
    ),
    Case(
        "missing column",
        "a.xlsx",
        lambda: xlsx({"values": [VALUE[:4]]}, header={"values": columns_of("values")[:4]}),
        "this column to be present",
    ),
    Case(
        "unknown column",
        "a.xlsx",
        lambda: xlsx({"values": [[*VALUE, 1]]}, header={"values": [*columns_of("values"), "bonus"]}),
        "a column of the template",
    ),
    Case(
        "duplicate column",
        "a.xlsx",
        lambda: xlsx({"values": [[*VALUE, "x"]]}, header={"values": [*columns_of("values"), "note"]}),
        "each column once",
    ),
    Case(
        "year not a number",
        "a.xlsx",
        values_with(year="hai nghìn"),
        "got 'hai nghìn'; expected a value of type 'int64'",
    ),
    Case("value not a number", "a.xlsx", values_with(value="nhiều"), "expected a value of type 'float64'"),
    Case("year after next year", "a.xlsx", values_with(year=NEXT_YEAR + 1), f"a value ≤ {NEXT_YEAR}"),
    Case("year before 2019", "a.xlsx", values_with(year=2010), "a value ≥ 2019"),
    Case("value blank", "a.xlsx", values_with(value=None), "the cell is empty"),
    Case("unknown park", "a.xlsx", values_with(park_id="khong-co"), "an existing park_id of parks/parks.csv"),
    Case(
        "unknown indicator", "a.xlsx", values_with(indicator_id="KPI-99"), "an indicator_id of indicators/catalogue.csv"
    ),
    Case("bad provenance", "a.xlsx", values_with(provenance="đoán"), "one of"),
    Case("reported without source", "a.xlsx", values_with(provenance="reported"), "a source URL for a reported value"),
    Case(
        "source not a web address",
        "a.xlsx",
        values_with(provenance="reported", source_url="javascript:alert(1)"),
        "text matching",
    ),
    Case("percent over 100", "a.xlsx", values_with(value=180), "got '180.0'; expected a value from 0 to 100"),
    Case("negative percent", "a.xlsx", values_with(value=-5), "got '-5.0'; expected a value from 0 to 100"),
    Case("NFD text", "a.xlsx", values_with(note=NFD), "NFC"),
    Case("duplicate rows", "a.xlsx", lambda: xlsx({"values": [VALUE, VALUE]}), "each key once in the upload"),
    Case(
        "bad action",
        "a.xlsx",
        lambda: xlsx({"values": [[*VALUE, "delete"]]}, header={"values": [*columns_of("values"), "action"]}),
        "blank or 'remove'",
    ),
    Case(
        "the same row removed twice",
        "a.xlsx",
        lambda: xlsx(
            {
                "values": [
                    ["hoa-khanh", "KPI-09", 2019, 1, "estimated", None, None, "remove"],
                    ["hoa-khanh", "KPI-09", 2019, 1, "estimated", None, None, "remove"],
                ]
            },
            header={"values": [*columns_of("values"), "action"]},
        ),
        "each key once",
    ),
    Case(
        "remove a row that is not there",
        "a.xlsx",
        lambda: xlsx(
            {"values": [["hoa-khanh", "KPI-99", 2019, 1, "estimated", None, None, "remove"]]},
            header={"values": [*columns_of("values"), "action"]},
        ),
        "an existing row to remove",
    ),
    Case("another province's value", "a.xlsx", values_with(park_id="amata-bien-hoa"), "rows of province 48 only"),
    Case(
        "park moved out of the province",
        "a.xlsx",
        sheet("parks", [record("parks", "hoa-khanh", province_code="79")]),
        "rows of province 48 only",
    ),
    Case(
        "park added in another province",
        "a.xlsx",
        sheet("parks", [record("parks", "hoa-khanh", park_id="kcn-moi", province_code="92")]),
        "rows of province 48 only",
    ),
    Case(
        "latitude outside Viet Nam",
        "a.xlsx",
        sheet("parks", [record("parks", "hoa-khanh", lat="40.1")]),
        "got '40.1'; expected a value ≤ 23.5",
    ),
    Case(
        "longitude outside Viet Nam",
        "a.xlsx",
        sheet("parks", [record("parks", "hoa-khanh", lon="95.0")]),
        "got '95.0'; expected a value ≥ 102.0",
    ),
    Case(
        "unknown province code",
        "a.xlsx",
        sheet("parks", [record("parks", "hoa-khanh", park_id="kcn-x", province_code="99")]),
        "got '99'; expected an existing province code of 2025",
        ADMIN,
    ),
    Case("negative area", "a.xlsx", sheet("parks", [record("parks", "hoa-khanh", area_ha="-3")]), "a value > 0"),
    Case(
        "demonstration not True/False",
        "a.xlsx",
        sheet("parks", [record("parks", "hoa-khanh", is_demonstration="có")]),
        "one of",
    ),
    Case(
        "park name too short", "a.xlsx", sheet("parks", [record("parks", "hoa-khanh", name_vi="K")]), "text of length"
    ),
    Case("bad park id", "a.xlsx", sheet("parks", [record("parks", "hoa-khanh", park_id="Bad ID!")]), "text matching"),
    Case(
        "remove a park that has values",
        "a.xlsx",
        lambda: xlsx(
            {"parks": [[*record("parks", "hoa-khanh"), "remove"]]}, header={"parks": [*columns_of("parks"), "action"]}
        ),
        "existing data",
    ),
    Case(
        "firm in an unknown park",
        "a.xlsx",
        sheet("firms", [record("firms", FIRST_FIRM, park_id="khong-co")]),
        "firms, row 2, column 'park_id': got 'khong-co'",
        ADMIN,  # an editor would be stopped earlier: the stored firm lies in another province
    ),
    Case(
        "link from an unknown firm",
        "a.xlsx",
        sheet(
            "links",
            [record("links", FIRST_LINK, from_firm_id="khong-co")],
        ),
        "a firm_id of symbiosis/firms.csv",
        ADMIN,
    ),
    Case(
        "link status unknown",
        "a.xlsx",
        sheet("links", [record("links", FIRST_LINK, status="maybe")]),
        "one of",
        ADMIN,
    ),
    Case(
        "link year before 2000",
        "a.xlsx",
        sheet(
            "links",
            [record("links", FIRST_LINK, year_identified="1990")],
        ),
        "a value ≥ 2000",
        ADMIN,
    ),
    Case("formula cell", "a.xlsx", formula_workbook, "not a formula"),
    Case("macro workbook named .xlsx", "a.xlsx", macro_workbook, "without macros"),
    Case(".xlsm file", "a.xlsm", lambda: xlsx({"values": [VALUE]}), ".xlsm and other types are refused"),
    Case("text file", "a.txt", lambda: b"hello", "an .xlsx or .csv file"),
    Case("no extension", "values", lambda: b"a,b", "an .xlsx or .csv file"),
    Case("empty file", "a.xlsx", lambda: b"", "it is empty"),
    Case("50 MB file", "a.csv", lambda: b"x" * (50 * 1024 * 1024), f"at most {MAX_BYTES // 1_048_576} MB"),
    Case("corrupt workbook", "a.xlsx", lambda: b"PK\x03\x04 not really a zip", "an Excel workbook (.xlsx) that opens"),
    Case("template without data", "a.xlsx", lambda: xlsx({"values": []}), "at least one data row"),
    Case("CSV with unknown header", "a.csv", lambda: b"ten,gia tri\nx,1\n", "this column to be present"),
    Case(
        "CSV not UTF-8",
        "a.csv",
        lambda: (VALUES_CSV_HEAD + "\nhoa-khanh,KPI-09,2024,1,estimated,,Hòa\n").encode("latin-1"),
        "a UTF-8 CSV file",
    ),
    Case("CSV header only", "a.csv", lambda: (VALUES_CSV_HEAD + "\n").encode(), "at least one data row"),
    Case(
        "CSV another province",
        "a.csv",
        lambda: (VALUES_CSV_HEAD + "\nhiep-phuoc,KPI-09,2024,1,estimated,,\n").encode(),
        "rows of province 48 only",
    ),
]


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_upload_is_refused_and_nothing_is_published(store: Store, case: Case) -> None:
    before_id, before = store.latest_id(), store.files(int(store.latest_id() or 0))
    upload = read_upload(case.file_name, case.content())
    checked = check_upload(upload, case.account, before, DATA)
    messages = [f.describe() for f in checked.failures]
    assert not checked.ok
    assert any(case.message in m for m in messages), messages
    assert all(case.file_name in m or "existing data" in m for m in messages)  # every message names the file
    with pytest.raises(UploadRejected):
        publish_upload(store, upload, case.account, sha="x", note="must not land", root=DATA)
    assert store.latest_id() == before_id
    assert store.files(int(before_id or 0)) == before
    report = read_back(error_report(upload, checked.failures, messages))
    assert report[ERRORS].max_row == len(messages) + 1


def test_error_report_marks_the_bad_cell() -> None:
    upload = read_upload("dn.xlsx", values_with(year=NEXT_YEAR + 1)())
    checked = check_upload(upload, DN, {p: (DATA / p).read_bytes() for p in UPDATABLE.values()}, DATA)
    book = read_back(error_report(upload, checked.failures, [f.describe() for f in checked.failures]))
    cell = book["values"]["C2"]  # year of the first data row
    assert cell.value == str(NEXT_YEAR + 1)
    assert cell.fill.fgColor.rgb.endswith("F8C9C4")
    assert str(NEXT_YEAR) in cell.comment.text


def test_formula_text_is_neutralised_in_the_error_report() -> None:
    csv = VALUES_CSV_HEAD + '\nhoa-khanh,KPI-09,2031,1,estimated,,"=HYPERLINK(""http://x"")"\n'
    upload = read_upload("dn.csv", csv.encode())
    checked = check_upload(upload, DN, {p: (DATA / p).read_bytes() for p in UPDATABLE.values()}, DATA)
    book = read_back(error_report(upload, checked.failures, [f.describe() for f in checked.failures]))
    assert book["values"]["G2"].value.startswith("'=")
    assert book["values"]["G2"].data_type != "f"
