"""A provincial editor reaches only their province: every table × action × way of pointing at another province.

The province of a change is that of the stored row it touches (and, for links, of both firms' parks; for
firms, of the links that use them) — never the row's own claim. Rows are picked from the shipped data.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from eipmap.releases.accounts import Account, Role
from eipmap.releases.sheets import ACTION, REMOVE, columns_of
from eipmap.releases.store import UPDATABLE, Store
from eipmap.releases.update import UploadRejected, check_upload, publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA, seeded_store

DN = Account("danang-editor", Role.EDITOR, "48")
OWN_PARK = "hoa-khanh"
REFUSED = "rows of province 48 only"


def _table(kind: str) -> pd.DataFrame:
    return pd.read_csv(DATA / UPDATABLE[kind], dtype=str, keep_default_na=False)


PARKS = _table("parks")
PROVINCE = PARKS.set_index("park_id")["province_code"]
LINKS = _table("links")
FIRMS = _table("firms")
FOREIGN_LINK = LINKS[LINKS["park_id"].map(PROVINCE) != "48"].iloc[0]
FOREIGN_FIRM = FIRMS[FIRMS["firm_id"] == FOREIGN_LINK["from_firm_id"]].iloc[0]  # a firm that links use
FOREIGN_PARK = PARKS[PARKS["park_id"] == FOREIGN_LINK["park_id"]].iloc[0]
VALUES = _table("values")
FOREIGN_VALUE = VALUES[VALUES["park_id"] == FOREIGN_PARK["park_id"]].iloc[0]
OWN_FIRMS = list(FIRMS.loc[FIRMS["park_id"] == OWN_PARK, "firm_id"])
OWN_LINK = LINKS[LINKS["park_id"] == OWN_PARK].iloc[0]


def row(kind: str, base: pd.Series, action: str | None = None, **changes: object) -> list[object]:
    rec = {**base.to_dict(), **changes}
    return [None if rec[c] == "" else rec[c] for c in columns_of(kind)] + [action]


def workbook(kind: str, *rows: list[object]) -> Callable[[], bytes]:
    def build() -> bytes:
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = kind
        ws.append([*columns_of(kind), ACTION])
        for r in rows:
            ws.append(r)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    return build


FOREIGN_PATHS = {
    "values: change another province's value": workbook("values", row("values", FOREIGN_VALUE, value="1")),
    "values: remove another province's value": workbook("values", row("values", FOREIGN_VALUE, REMOVE)),
    "parks: rename another province's park": workbook("parks", row("parks", FOREIGN_PARK, name_vi="KCN X")),
    "parks: move another province's park into Đà Nẵng": workbook(
        "parks", row("parks", FOREIGN_PARK, province_code="48")
    ),
    "parks: remove another province's park": workbook("parks", row("parks", FOREIGN_PARK, REMOVE)),
    "firms: rename another province's firm": workbook("firms", row("firms", FOREIGN_FIRM, name_vi="Công ty X")),
    "firms: move another province's firm (and its links) into Hòa Khánh": workbook(
        "firms", row("firms", FOREIGN_FIRM, park_id=OWN_PARK)
    ),
    "firms: remove another province's firm, park left blank": workbook(
        "firms", row("firms", FOREIGN_FIRM, REMOVE, park_id="")
    ),
    "firms: remove another province's firm, claiming Hòa Khánh": workbook(
        "firms", row("firms", FOREIGN_FIRM, REMOVE, park_id=OWN_PARK)
    ),
    "links: change another province's link": workbook("links", row("links", FOREIGN_LINK, description_vi="x")),
    "links: remove another province's link, park left blank": workbook(
        "links", row("links", FOREIGN_LINK, REMOVE, park_id="")
    ),
    "links: remove another province's link, claiming Hòa Khánh": workbook(
        "links", row("links", FOREIGN_LINK, REMOVE, park_id=OWN_PARK)
    ),
    "links: re-point another province's link id at Hòa Khánh's firms": workbook(
        "links",
        row("links", FOREIGN_LINK, park_id=OWN_PARK, from_firm_id=OWN_FIRMS[0], to_firm_id=OWN_FIRMS[1]),
    ),
    "links: a Hòa Khánh link from another province's firm": workbook(
        "links", row("links", OWN_LINK, link_id="IL-HK-NEW", from_firm_id=FOREIGN_FIRM["firm_id"])
    ),
}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return seeded_store(tmp_path, DN)  # type: ignore[return-value]


@pytest.mark.parametrize("path", list(FOREIGN_PATHS))
def test_every_path_into_another_province_is_refused(store: Store, path: str) -> None:
    upload = read_upload("dn.xlsx", FOREIGN_PATHS[path]())
    assert not upload.failures, [f.describe() for f in upload.failures]
    checked = check_upload(upload, DN, store.files(1), DATA)
    messages = [f.describe() for f in checked.failures]
    assert any(REFUSED in m for m in messages), messages
    with pytest.raises(UploadRejected):
        publish_upload(store, upload, DN, sha="x", note="thử", root=DATA)
    assert store.latest_id() == 1  # nothing published


def test_the_table_covers_every_updatable_table() -> None:
    assert {p.split(":")[0] for p in FOREIGN_PATHS} == set(UPDATABLE)


@pytest.mark.parametrize(
    "content",
    [
        workbook("firms", row("firms", FIRMS[FIRMS["firm_id"] == OWN_FIRMS[0]].iloc[0], name_vi="Nhà máy mới")),
        workbook("links", row("links", OWN_LINK, to_firm_id=OWN_FIRMS[-1])),
        workbook("links", row("links", OWN_LINK, REMOVE, park_id="")),
    ],
    ids=["rename own firm", "re-point own link", "remove own link, park blank"],
)
def test_own_province_changes_still_go_through(store: Store, content: Callable[[], bytes]) -> None:
    upload = read_upload("dn.xlsx", content())
    checked = check_upload(upload, DN, store.files(1), DATA)
    assert checked.ok, [f.describe() for f in checked.failures]
    assert publish_upload(store, upload, DN, sha="x", note="ok", root=DATA) == 2
