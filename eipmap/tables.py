"""Tables as people read them: numbers with the language's separators, blanks as '–'.

The values underneath stay numbers (sorting in the table and the downloads use them);
only what is shown is formatted, through a pandas ``Styler``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd
from pandas.io.formats.style import Styler

from eipmap.i18n import fmt_number

DECIMALS = 2
BLANK = "–"


def _formatter(lang: str, decimals: int | None) -> Callable[[object], str]:
    """A cell formatter: ``None`` decimals for plain integers (years), else grouped with the language's separators."""

    def fmt(value: object) -> str:
        if value is None or pd.isna(value):  # type: ignore[call-overload]
            return BLANK
        number = float(value)  # type: ignore[arg-type]
        return str(int(number)) if decimals is None else fmt_number(number, lang, decimals)

    return fmt


def localised(frame: pd.DataFrame, lang: str, plain: Collection[str] = ()) -> Styler:
    """``frame`` with every numeric column formatted for ``lang``; ``plain`` columns (years) not grouped."""
    formatters: dict[object, Callable[[object], str]] = {}
    for col in frame.columns:
        column = frame[col]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        if col in plain:
            formatters[col] = _formatter(lang, None)
        else:
            formatters[col] = _formatter(lang, 0 if pd.api.types.is_integer_dtype(column) else DECIMALS)
    return frame.style.format(formatters, na_rep=BLANK)  # type: ignore[arg-type]
