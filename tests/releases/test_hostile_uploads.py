"""Files an attacker sends: each is refused with a message naming where — never a crash, never published.

The workbooks are built here byte by byte where openpyxl would not write them (entities, encrypted or
oddly compressed members, truncated XML, bombs).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from eipmap.releases.accounts import Account, Role
from eipmap.releases.sheets import columns_of
from eipmap.releases.store import UPDATABLE, Store
from eipmap.releases.update import UploadRejected, check_upload, publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA, with_accounts

DN = Account("danang-editor", Role.EDITOR, "48")
VALUE = ["hoa-khanh", "KPI-09", 2024, 55.5, "estimated", None, "Ban quản lý KCN Đà Nẵng"]


def book(rows: list[list[object]], kind: str = "values", edit: Callable[..., None] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = kind
    ws.append(columns_of(kind))
    for r in rows:
        ws.append(r)
    if edit is not None:
        edit(wb, ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def with_member(content: bytes, member: str, replace: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one zip member's bytes replaced (written back deflated)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, replace(data) if info.filename == member else data)
    return out.getvalue()


def patched_directory(content: bytes, *, flag: int | None = None, method: int | None = None) -> bytes:
    """Set the general-purpose flag or the compression method of every central-directory entry."""
    data = bytearray(content)
    at = data.find(b"PK\x01\x02")
    while at != -1:
        if flag is not None:
            struct.pack_into("<H", data, at + 8, flag)
        if method is not None:
            struct.pack_into("<H", data, at + 10, method)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _with_doctype(doctype: bytes, entity: bytes) -> Callable[[bytes], bytes]:
    def replace(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return doctype + body.replace(b"<v>2024</v>", b"<v>" + entity + b"</v>", 1)

    return replace


def percent_cell(_wb: openpyxl.Workbook, ws: object) -> None:
    ws["D2"].number_format = "0.0%"  # type: ignore[index]


def merged_ids(_wb: openpyxl.Workbook, ws: object) -> None:
    ws.merge_cells("A2:A3")  # type: ignore[attr-defined]


def hidden(wb: openpyxl.Workbook, ws: object) -> None:
    wb.create_sheet("firms").append(columns_of("firms"))  # a workbook needs one visible sheet
    ws.sheet_state = "hidden"  # type: ignore[attr-defined]


def bomb() -> bytes:
    """A few hundred KB that unpack to 300 MB (one huge shared string)."""
    return with_member(book([VALUE]), "[Content_Types].xml", lambda xml: xml + b" " * 300_000_000)


def park_row(**changes: object) -> list[object]:
    frame = pd.read_csv(DATA / UPDATABLE["parks"], dtype=str, keep_default_na=False)
    rec = {**frame[frame["park_id"] == "hoa-khanh"].iloc[0].to_dict(), **changes}
    return [None if rec[c] == "" else rec[c] for c in columns_of("parks")]


@dataclass(frozen=True)
class Hostile:
    name: str
    file_name: str
    content: Callable[[], bytes]
    expected: str  # a piece of the message


CASES = [
    Hostile(
        "billion laughs",
        "a.xlsx",
        lambda: with_member(book([VALUE]), SHEET, _with_doctype(LAUGHS, b"&lol3;")),
        "an Excel workbook (.xlsx) that",
    ),
    Hostile(
        "external entity (XXE)",
        "a.xlsx",
        lambda: with_member(book([VALUE]), SHEET, _with_doctype(XXE, b"&x;")),
        "an Excel workbook (.xlsx) that",
    ),
    Hostile("300 MB inside a small workbook", "a.xlsx", bomb, "unpacked"),
    Hostile(
        "truncated worksheet XML",
        "a.xlsx",
        lambda: with_member(book([VALUE]), SHEET, lambda x: x[: len(x) // 2]),
        "reads cleanly",
    ),
    Hostile("encrypted zip member", "a.xlsx", lambda: patched_directory(book([VALUE]), flag=1), "encrypted"),
    Hostile("unknown compression method", "a.xlsx", lambda: patched_directory(book([VALUE]), method=99), "method 99"),
    Hostile(
        "merged park_id cells",
        "a.xlsx",
        lambda: book([VALUE, [None, "KPI-09", 2023, 1.0, "estimated", None, None]], edit=merged_ids),
        "park_id",
    ),
    Hostile("value inf", "a.xlsx", lambda: book([[*VALUE[:3], "inf", *VALUE[4:]]]), "a finite number"),
    Hostile("value 1e309", "a.xlsx", lambda: book([[*VALUE[:3], "1e309", *VALUE[4:]]]), "a finite number"),
    Hostile(
        "a percentage cell (33.8 % stored as 0.338)",
        "a.xlsx",
        lambda: book([[*VALUE[:3], 0.338, *VALUE[4:]]], edit=percent_cell),
        "percentage",
    ),
    Hostile("'6.406' meaning 6,406", "a.xlsx", lambda: book([[*VALUE[:3], "6.406", *VALUE[4:]]]), "reads two ways"),
    Hostile(
        "'33,8' with a decimal comma", "a.xlsx", lambda: book([[*VALUE[:3], "33,8", *VALUE[4:]]]), "reads two ways"
    ),
    Hostile("id with a trailing newline", "a.xlsx", lambda: book([["hoa-khanh\n", *VALUE[1:]]]), "U+000A"),
    Hostile("cell starting with CR then =", "a.xlsx", lambda: book([[*VALUE[:6], "\r=1+1"]]), "U+000D"),
    Hostile(
        "right-to-left override in a name",
        "a.xlsx",
        lambda: book([park_row(name_vi="KCN \u202eHòa Khánh")], "parks"),
        "U+202E",
    ),
    Hostile(
        "zero-width space in a name", "a.xlsx", lambda: book([park_row(name_en="Hoa\u200bKhanh")], "parks"), "U+200B"
    ),
    Hostile(
        "10,000-character park name",
        "a.xlsx",
        lambda: book([park_row(name_vi="K" * 10_000)], "parks"),
        "at most 2000 characters",
    ),
    Hostile("hidden values sheet", "a.xlsx", lambda: book([VALUE], edit=hidden), "hidden sheets are not read"),
    Hostile(
        "park id differing only by case",
        "a.xlsx",
        lambda: book([park_row(park_id="Hoa-Khanh")], "parks"),
        "the existing id 'hoa-khanh'",
    ),
    Hostile(
        "140,000-character CSV field",
        "a.csv",
        lambda: (
            ",".join(columns_of("values")) + "\nhoa-khanh,KPI-09,2024,1,estimated,," + "x" * 140_000 + "\n"
        ).encode(),
        "CSV file that reads cleanly",
    ),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'eipmap.sqlite'}")
    s.seed_from(DATA)
    with_accounts(s, DN)
    return s


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_upload_is_refused_with_a_message(store: Store, case: Hostile) -> None:
    upload = read_upload(case.file_name, case.content())
    checked = check_upload(upload, DN, store.files(1), DATA)
    messages = [f.describe() for f in checked.failures]
    assert not checked.ok and any(case.expected in m for m in messages), messages
    assert all(m.startswith(case.file_name) for m in messages)  # every message names the file (and sheet, row)
    with pytest.raises(UploadRejected):
        publish_upload(store, upload, DN, sha="x", note="x", root=DATA)
    assert store.latest_id() == 1


def test_a_cr_only_csv_reads_like_any_other(store: Store) -> None:
    row = "hoa-khanh,KPI-09,2024,55.5,estimated,,Ban quản lý KCN Đà Nẵng"
    content = ("\r".join([",".join(columns_of("values")), row]) + "\r").encode()
    checked = check_upload(read_upload("mac.csv", content), DN, store.files(1), DATA)
    assert checked.ok, [f.describe() for f in checked.failures]


def test_a_blank_row_under_the_header_is_skipped(store: Store) -> None:
    content = book([[None] * len(columns_of("values")), VALUE])
    checked = check_upload(read_upload("a.xlsx", content), DN, store.files(1), DATA)
    assert checked.ok, [f.describe() for f in checked.failures]


def test_files_written_here_still_read(tmp_path: Path) -> None:
    """Positive control: the helpers build workbooks that read when nothing hostile is in them."""
    assert not read_upload("a.xlsx", book([VALUE])).failures
    assert not read_upload("a.xlsx", with_member(book([VALUE]), SHEET, lambda x: x)).failures
