"""The translation registry: both catalogues complete, every key used exists, text NFC."""

from __future__ import annotations

import re
import unicodedata

import pytest

from eipmap.config import REPO_DIR
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import Category, LinkStatus, Provenance, Resource, Unit
from eipmap.i18n import LANGUAGES, catalogue, fmt_number, t

LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def test_same_keys_in_every_language() -> None:
    keys = [set(catalogue(lang)) for lang in LANGUAGES]
    assert keys[0] == keys[1], keys[0] ^ keys[1]


def test_every_literal_key_in_the_code_exists() -> None:
    used = set()
    for path in [*REPO_DIR.glob("eipmap/**/*.py"), *REPO_DIR.glob("pages/*.py"), REPO_DIR / "app.py"]:
        used |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys"
    missing = {k for k in used for lang in LANGUAGES if k not in catalogue(lang)}
    assert not missing


@pytest.mark.parametrize(
    ("prefix", "members"),
    [
        ("category", Category),
        ("status", LinkStatus),
        ("provenance", Provenance),
        ("resource", Resource),
        ("unit", Unit),
    ],
)
def test_every_enum_member_has_a_label(prefix: str, members: type) -> None:
    for lang in LANGUAGES:
        for member in members:
            assert f"{prefix}.{member.value}" in catalogue(lang)


def test_every_indicator_has_a_name_in_both_languages(dataset: Dataset) -> None:
    for ind in dataset.indicators.values():
        assert ind.name("vi").strip() and ind.name("en").strip()
        assert ind.name("vi") != ind.name("en")


def test_catalogue_text_is_nfc() -> None:
    for lang in LANGUAGES:
        for key, text in catalogue(lang).items():
            assert unicodedata.normalize("NFC", text) == text, key


def test_numbers_follow_the_language() -> None:
    assert fmt_number(12345.67, "vi") == "12.345,7"
    assert fmt_number(12345.67, "en") == "12,345.7"
    assert fmt_number(float("nan"), "vi") == "–"


def test_placeholders_are_filled() -> None:
    assert t("legend.parks_no_data", "en", count=3, year=2024) == "3 parks have no data for 2024"


def test_every_template_column_has_its_label_in_both_languages() -> None:
    """The template's second row comes from the locales; a column without an entry would show its bare name."""
    from eipmap.releases.sheets import ACTION, UPDATABLE, columns_of

    columns = {c for kind in UPDATABLE for c in columns_of(kind)} | {ACTION}
    for lang in LANGUAGES:
        missing = {c for c in columns if f"template.column.{c}" not in catalogue(lang)}
        assert missing == set(), (lang, missing)
    assert min(k for k in catalogue("vi") if k.startswith("template.instruction_")) == "template.instruction_01"


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1e17, "100.000.000.000.000.000", "100,000,000,000,000,000"),
        (1e30, "1E30", "1E30"),
        (-1e300, "-1E300", "-1E300"),
    ],
)
def test_a_huge_number_is_written_not_refused(value: float, vi: str, en: str) -> None:
    """Babel's decimal context stops at 28 digits: past 1e18 a power of ten, never an exception."""
    assert (fmt_number(value, "vi"), fmt_number(value, "en")) == (vi, en)
    assert fmt_number(float("inf"), "vi") == "–"
