"""Translations and number formatting.

Strings live in ``locales/<lang>.toml`` (read with the standard library's
``tomllib``); numbers are formatted by Babel with the language's own separators
(Vietnamese: ``12.345,6``; English: ``12,345.6``). Indicator and criterion names
come from the catalogue's ``name_vi`` / ``name_en`` columns.
"""

from __future__ import annotations

import math
import tomllib
from datetime import date
from functools import cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_scientific

from eipmap.config import LOCALES_DIR

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def _flatten(tree: dict[str, object], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All strings of one language, by dotted key."""
    with (LOCALES_DIR / f"{lang}.toml").open("rb") as fh:
        return _flatten(tomllib.load(fh))


def t(key: str, lang: str, **params: object) -> str:
    """The string for ``key`` in ``lang``, with ``{name}`` placeholders filled.

    A missing key raises ``KeyError``: the registry test keeps both catalogues complete.
    """
    text = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[key]
    return text.format(**params) if params else text


def fmt_date(day: date, lang: str) -> str:
    """A calendar date as each language writes it: 14/07/2022, 14 Jul 2022."""
    return format_date(day, format="dd/MM/yyyy" if lang == "vi" else "d MMM yyyy", locale=lang)


HUGE = 1e18  # from here on numbers are written as powers of ten


def fmt_number(value: float | None, lang: str, decimals: int = 1) -> str:
    """A number with the language's separators; '–' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float) and not math.isfinite(value):
        return "–"
    if abs(value) >= HUGE:  # Babel's decimal context stops at 28 digits; past that, a power of ten reads better
        return format_scientific(value, format="0.###E0", locale=lang)
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=lang)
