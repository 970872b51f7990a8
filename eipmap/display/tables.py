"""Tables as people read them: numbers with the language's separators, blanks as '–'.

This is the one place where a table's numbers become text. The values underneath stay
numbers (sorting in the table and the downloads use them); only what is shown is formatted,
through a pandas ``Styler``. A view that wants a column shown its own way (a rank change as
"▲ 3") names a format kind in ``frame.attrs[FORMATS]``; the formatting itself lives here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd
from pandas.io.formats.style import Styler

from eipmap.i18n import fmt_number, t

DECIMALS = 2
BLANK = "–"
FORMATS = "eipmap_formats"  # frame.attrs key: {column: format kind}
RANK_CHANGE = "rank_change"  # +n up, -n down, 0 same, missing = new in the ranking


def provenance_text(values: Collection[str], lang: str) -> list[str]:
    """Each value's provenance in words (reported / estimated / illustrative); '–' where there is no value."""
    return [t(f"provenance.{p}", lang) if p else "–" for p in values]


def with_formats(frame: pd.DataFrame, formats: dict[str, str]) -> pd.DataFrame:
    """``frame`` with display formats named for some of its columns (kinds: ``RANK_CHANGE``)."""
    frame.attrs[FORMATS] = {**frame.attrs.get(FORMATS, {}), **formats}
    return frame


def _rank_change(lang: str) -> Callable[[object], str]:
    def fmt(value: object) -> str:
        if value is None or pd.isna(value):  # type: ignore[call-overload]
            return t("compare.new_entry", lang)
        n = int(value)  # type: ignore[call-overload]
        return f"▲ {n}" if n > 0 else f"▼ {-n}" if n < 0 else "="

    return fmt


def _formatter(lang: str, decimals: int | None) -> Callable[[object], str]:
    """A cell formatter: ``None`` decimals for plain integers (years), else grouped with the language's separators."""

    def fmt(value: object) -> str:
        if value is None or pd.isna(value):  # type: ignore[call-overload]
            return BLANK
        number = float(value)  # type: ignore[arg-type]
        return str(int(number)) if decimals is None else fmt_number(number, lang, decimals)

    return fmt


def cell_text(value: object, lang: str) -> str:
    """One cell as text outside a Styler (the deck's tables): numbers grouped for ``lang``, blanks as '–'."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return BLANK
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return _formatter(lang, 0 if float(value).is_integer() else DECIMALS)(value)


def localised(frame: pd.DataFrame, lang: str, plain: Collection[str] = ()) -> Styler | pd.DataFrame:
    """``frame`` with every numeric column formatted for ``lang``; ``plain`` columns (years) not grouped.

    A frame without a number to format is returned as it is: a pandas ``Styler`` over text costs ≈ 25 ms a table
    on every rerun for nothing (issue 16 measured it as much of a national click).
    """
    formatters: dict[object, Callable[[object], str]] = {}
    special = {RANK_CHANGE: _rank_change(lang)}
    for col, kind in frame.attrs.get(FORMATS, {}).items():
        formatters[col] = special[kind]
    for col in frame.columns:
        if col in formatters:
            continue
        column = frame[col]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        if col in plain:
            formatters[col] = _formatter(lang, None)
        else:
            formatters[col] = _formatter(lang, 0 if pd.api.types.is_integer_dtype(column) else DECIMALS)
    if not formatters:
        return frame
    return frame.style.format(formatters, na_rep=BLANK)  # type: ignore[arg-type]
