"""What an upload reaches: the provinces each of its rows touches, judged by the stored rows it changes.

A provincial editor may change their own province only. A row's own ``park_id`` is a claim, not
proof: a removal with a blank or own-province ``park_id``, a link id re-pointed at other firms, a
firm moved into another park — each touches the stored row it replaces, and that row's province
counts too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from eipmap.domain.errors import Failure
from eipmap.releases.accounts import Account
from eipmap.releases.sheets import KEYS, ROW, Upload, row_key, where


@dataclass(frozen=True)
class _Lookups:
    """What every row's check needs, built once per upload (not once per row)."""

    park_province: dict[Any, Any]
    firm_park: dict[Any, Any]
    uploaded_firms: dict[Any, Any]
    stored: dict[str, dict[tuple[str, ...], dict[Any, Any]]]  # kind → key → stored row
    firm_links_parks: dict[str, set[str]]  # firm → parks of the stored links that use it


def _lookups(upload: Upload, current: Mapping[str, pd.DataFrame]) -> _Lookups:
    park_province = current["parks"].set_index("park_id")["province_code"].to_dict()
    if "parks" in upload.tables:  # parks the same upload adds or moves count with their new province too
        for new in upload.tables["parks"].to_dict("records"):
            if new["province_code"] and new["park_id"] not in park_province:
                park_province[new["park_id"]] = new["province_code"]
    uploaded = upload.tables.get("firms")
    firm_links_parks: dict[str, set[str]] = {}
    for link in current["links"].to_dict("records"):
        for end in ("from_firm_id", "to_firm_id"):
            firm_links_parks.setdefault(str(link[end]), set()).add(str(link["park_id"]))
    return _Lookups(
        park_province=park_province,
        firm_park=current["firms"].set_index("firm_id")["park_id"].to_dict(),
        uploaded_firms={} if uploaded is None else uploaded.set_index("firm_id")["park_id"].to_dict(),
        stored={kind: {row_key(r, kind): r for r in current[kind].to_dict("records")} for kind in upload.tables},
        firm_links_parks=firm_links_parks,
    )


def _touched_provinces(kind: str, rec: Mapping[Any, Any], look: _Lookups) -> set[str]:
    """Every province a row of the upload touches — judged by the stored rows it changes, not by its own claim.

    A row touches: the park it names; the stored row with the same key (its park, or for a park its
    province); for a link, the parks of both its firms as stored and as uploaded; for a firm, the parks
    of the stored links that use it (moving a firm moves its links). A blank or own-province ``park_id``
    on a removal of another province's row therefore does not hide what it removes.
    """
    stored = look.stored[kind].get(row_key(rec, kind))
    parks = {rec.get("park_id")} | ({stored.get("park_id")} if stored else set())
    codes: set[object] = set()
    if kind == "parks":
        codes |= {rec.get("province_code"), stored.get("province_code") if stored else None}
    if kind == "links":
        for source in (rec, stored or {}):
            for end in ("from_firm_id", "to_firm_id"):
                firm = source.get(end)
                parks |= {look.firm_park.get(firm), look.uploaded_firms.get(firm)}
    if kind == "firms":
        parks |= look.firm_links_parks.get(str(rec["firm_id"]), set())
    codes |= {look.park_province[p] for p in parks if p and p in look.park_province}
    return {str(c) for c in codes if c}


def province_checks(upload: Upload, account: Account, current: Mapping[str, pd.DataFrame]) -> list[Failure]:
    """An editor's rows may touch only their province: what they add, and every stored row they change or remove."""
    out = []
    look = _lookups(upload, current)
    for kind, frame in upload.tables.items():
        for rec in frame.to_dict("records"):
            for code in sorted(_touched_provinces(kind, rec, look)):
                if not account.may_edit(code):
                    out.append(
                        Failure(
                            where(upload, kind),
                            int(rec[ROW]),
                            "province_code" if kind == "parks" else KEYS[kind][0],
                            f"{'|'.join(row_key(rec, kind))} (touches province {code})",
                            f"rows of province {account.province_code} only (account {account.username})",
                            True,
                        )
                    )
    return out
