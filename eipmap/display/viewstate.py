"""The shareable view: what a URL carries — parsed and encoded.

Language, indicator, year, province and park; the gap filters of the page that shows
them; the step of the presentation story.

Pure functions; ``eipmap.ui.urlstate`` applies them to the session. An invalid parameter
falls back to its default and is reported, never raised.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from eipmap.analysis.story import story_steps
from eipmap.domain.dataset import Dataset
from eipmap.i18n import DEFAULT_LANGUAGE, LANGUAGES

PARAMS = ("lang", "indicator", "year", "province", "park", "prov", "demo", "below", "gap", "failed", "nodata", "step")
MAX_FAILED = 10


@dataclass(frozen=True)
class Filters:
    """Gap filters a link carries; None means "the page's default"."""

    provinces: tuple[str, ...] = ()
    demonstration_only: bool | None = None
    below_target: bool | None = None
    min_gap_pct: float | None = None
    min_failed: int | None = None
    no_data_for: str | None = None


@dataclass(frozen=True)
class View:
    """Everything a copied link restores."""

    lang: str = DEFAULT_LANGUAGE
    indicator: str | None = None
    year: int | None = None
    province: str | None = None
    park: str | None = None
    filters: Filters = field(default_factory=Filters)
    step: int | None = None  # 0-based index into the presentation story; 1-based in the URL


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

    def number(name: str, low: float, high: float) -> float | None:
        value = params.get(name)
        if value is None or value == "":
            return None
        try:
            parsed = float(value)
        except ValueError:
            parsed = math.nan
        if not low <= parsed <= high:  # NaN fails too
            bad.append(name)
            return None
        return parsed

    def flag(name: str) -> bool | None:
        text = pick(name, {"0", "1"})
        return None if text is None else text == "1"

    measured = set(data.values["indicator_id"]) & set(data.indicators)
    year_text = pick("year", {str(y) for y in data.years})
    provinces = tuple(c for c in (params.get("prov") or "").split(",") if c)
    if any(c not in data.province_codes for c in provinces):
        bad.append("prov")
        provinces = ()
    failed = number("failed", 0, MAX_FAILED)
    if failed is not None and not failed.is_integer():
        bad.append("failed")
        failed = None
    step = number("step", 1, len(story_steps(data)))
    filters = Filters(
        provinces=tuple(c for c in data.province_codes if c in provinces),
        demonstration_only=flag("demo"),
        below_target=flag("below"),
        min_gap_pct=number("gap", 0, 100),
        min_failed=None if failed is None else int(failed),
        no_data_for=pick("nodata", measured),
    )
    view = View(
        lang=pick("lang", set(LANGUAGES)) or DEFAULT_LANGUAGE,
        indicator=pick("indicator", measured),
        year=int(year_text) if year_text else None,
        province=pick("province", set(data.province_codes)),
        park=pick("park", set(data.parks["park_id"])),
        filters=filters,
        step=None if step is None else int(step) - 1,
    )
    return view, bad


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def encode_view(view: View) -> dict[str, str]:
    """Query parameters for a view (defaults and empty fields left out, stable order)."""
    f = view.filters
    raw = {
        "lang": view.lang,
        "indicator": view.indicator,
        "year": view.year,
        "province": view.province,
        "park": view.park,
        "prov": ",".join(f.provinces) or None,
        "demo": None if f.demonstration_only is None else int(f.demonstration_only),
        "below": None if f.below_target is None else int(f.below_target),
        "gap": None if f.min_gap_pct is None else _number_text(f.min_gap_pct),
        "failed": f.min_failed,
        "nodata": f.no_data_for,
        "step": None if view.step is None else view.step + 1,
    }
    return {k: str(v) for k, v in raw.items() if v is not None and not (k == "lang" and v == DEFAULT_LANGUAGE)}
