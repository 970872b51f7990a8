"""Hostile uploads stopped with a message, before and while parsing.

An editor's file is treated as hostile. Before openpyxl sees a workbook, its zip directory is
bounded: number of members, each member's and the total uncompressed size (the 5 MB upload limit
counts compressed bytes — a 311 KB workbook can hold a 300 MB cell), no encrypted members, only the
stored and deflate methods. The XML inside is parsed by openpyxl with defusedxml (installed with the
app): no entity expansion, no external entities. Every cell's text is then checked: no control,
bidirectional-override or zero-width characters (they hide or reorder what a reviewer reads), a
bounded length, finite numbers, and no number written in a notation that reads differently in
Vietnamese and English (``6.406``, ``33,8``).
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile

MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 25 * 1024 * 1024  # one uncompressed part of the workbook
MAX_TOTAL_BYTES = 60 * 1024 * 1024  # all parts together
MAX_CELL_CHARS = 2_000
COORDINATES = frozenset({"lat", "lon"})
ALLOWED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# characters that reorder or hide text: bidirectional embeddings/overrides/isolates, zero-width, BOM, word joiner
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
# a number with group separators ("6.406", "1,234,567") or a decimal comma ("33,8"): the reader cannot tell which
AMBIGUOUS_NUMBER = re.compile(r"^[+-]?(\d+,\d+|[1-9]\d{0,2}(\.\d{3})+|\d{1,3}(,\d{3})+(\.\d+)?)$")


def archive_problem(content: bytes) -> str | None:
    """Why the zip container of a workbook is refused before parsing, or None when it is within bounds."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return f"an Excel workbook (.xlsx) that opens ({type(exc).__name__})"
    if len(members) > MAX_MEMBERS:
        return f"a workbook of at most {MAX_MEMBERS} parts (it has {len(members)})"
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            return f"a workbook without encrypted parts ({info.filename} is encrypted)"
        if info.compress_type not in ALLOWED_METHODS:
            return f"a workbook compressed the usual way ({info.filename} uses method {info.compress_type})"
        if info.file_size > MAX_MEMBER_BYTES:
            return f"a workbook part of at most {MAX_MEMBER_BYTES // 1_048_576} MB unpacked ({info.filename})"
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        return f"a workbook of at most {MAX_TOTAL_BYTES // 1_048_576} MB unpacked (it holds {total // 1_048_576} MB)"
    return None


def text_problem(text: str) -> str | None:
    """Why a cell's text is refused, or None. Line breaks, tabs and other control characters included."""
    if len(text) > MAX_CELL_CHARS:
        return f"text of at most {MAX_CELL_CHARS} characters (this cell has {len(text)})"
    for ch in text:
        if ch in INVISIBLE or unicodedata.category(ch) == "Cc":
            return f"text without control, bidirectional or invisible characters (found U+{ord(ch):04X})"
    return None


def number_problem(value: object, column: str = "") -> str | None:
    """Why a cell of a numeric column is refused, or None: not finite, or written ambiguously as text.

    Coordinates are exempt from the "6.406" rule: a latitude has three decimals and no thousands.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isfinite(value) else "a finite number"
    text = str(value).strip()
    if column not in COORDINATES and AMBIGUOUS_NUMBER.match(text):
        return "a number without thousands separators, with a decimal point (6406, 33.8): this reads two ways"
    try:
        number = float(text)
    except ValueError:
        return None  # not a number at all: the schema says what the column expects
    return None if math.isfinite(number) else "a finite number"
