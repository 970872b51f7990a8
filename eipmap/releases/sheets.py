"""The shape of an upload, shared by the reader, the template, the checks and the merge.

Table keys, the optional ``action`` column, the spreadsheet-row column, and the ``Upload`` record itself
live here, so the template and the reader no longer import each other for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from eipmap.domain.errors import Failure
from eipmap.releases.store import UPDATABLE

ACTION = "action"  # optional column: blank = add or change, "remove" = remove the row
REMOVE = "remove"
ROW = "_row"  # the spreadsheet row each record came from
KEYS = {
    "values": ("park_id", "indicator_id", "year"),
    "parks": ("park_id",),
    "firms": ("firm_id",),
    "links": ("link_id",),
}


def row_key(rec: Mapping[Any, Any], kind: str) -> tuple[str, ...]:
    """The row's key columns of table ``kind`` as text (blank for a missing cell)."""
    return tuple("" if _blank(rec[k]) else str(rec[k]) for k in KEYS[kind])


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))  # type: ignore[call-overload]


def columns_of(kind: str) -> list[str]:
    """The schema's columns of table ``kind``, in order."""
    from eipmap.ingest.schemas import CSV_SCHEMAS  # pandera loads when a table is read, not when the app starts

    return list(CSV_SCHEMAS[UPDATABLE[kind]].to_schema().columns)


@dataclass
class Upload:
    """What a file holds: kind → records as text (with their row numbers), and what was wrong."""

    name: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)


def where(upload: Upload, kind: str) -> str:
    """How messages name table ``kind`` of an upload: 'file › sheet' for a workbook, the file for a CSV."""
    return f"{upload.name} › {kind}" if upload.name.lower().endswith(".xlsx") else upload.name
