"""The shareable view: what a URL carries (language, indicator, year, province, park) — parsed and encoded.

Pure functions; ``eipmap.ui.urlstate`` applies them to the session. An invalid parameter
falls back to its default and is reported, never raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from eipmap.i18n import DEFAULT_LANGUAGE, LANGUAGES
from eipmap.loading import Dataset
from eipmap.models import PILOT_PROVINCE_CODES, YEARS

PARAMS = ("lang", "indicator", "year", "province", "park")


@dataclass(frozen=True)
class View:
    """Everything a copied link restores."""

    lang: str = DEFAULT_LANGUAGE
    indicator: str | None = None
    year: int | None = None
    province: str | None = None
    park: str | None = None


def parse_view(params: Mapping[str, str], data: Dataset) -> tuple[View, list[str]]:
    """The view a URL asks for, and the names of parameters that were invalid (and ignored)."""
    bad: list[str] = []

    def pick(name: str, allowed: set[str]) -> str | None:
        value = params.get(name)
        if value is None or value == "":
            return None
        if value not in allowed:
            bad.append(name)
            return None
        return value

    measured = set(data.values["indicator_id"]) & set(data.indicators)
    year_text = pick("year", {str(y) for y in YEARS})
    view = View(
        lang=pick("lang", set(LANGUAGES)) or DEFAULT_LANGUAGE,
        indicator=pick("indicator", measured),
        year=int(year_text) if year_text else None,
        province=pick("province", set(PILOT_PROVINCE_CODES)),
        park=pick("park", set(data.parks["park_id"])),
    )
    return view, bad


def encode_view(view: View) -> dict[str, str]:
    """Query parameters for a view (defaults and empty fields left out, stable order)."""
    raw = {
        "lang": view.lang,
        "indicator": view.indicator,
        "year": view.year,
        "province": view.province,
        "park": view.park,
    }
    return {k: str(v) for k, v in raw.items() if v is not None and not (k == "lang" and v == DEFAULT_LANGUAGE)}
