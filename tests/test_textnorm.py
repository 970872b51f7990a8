"""NFC, diacritic folding and markdown escaping."""

from __future__ import annotations

import unicodedata

import pytest

from eipmap.textnorm import escape_markdown, fold, matches, nfc


@pytest.mark.parametrize("query", ["hoa khanh", "HOA KHANH", "Hòa Khánh", "  hòa   KHÁNH "])
def test_search_ignores_case_and_diacritics(query: str) -> None:
    assert matches(query, "KCN Hòa Khánh")


def test_d_with_stroke_folds_to_d() -> None:
    assert fold("Đà Nẵng") == "da nang"
    assert fold("Đồng Nai") == "dong nai"


def test_nfc_composes() -> None:
    decomposed = unicodedata.normalize("NFD", "Cần Thơ")
    assert decomposed != "Cần Thơ"
    assert nfc(decomposed) == "Cần Thơ"


def test_markdown_is_escaped() -> None:
    text = escape_markdown("![x](http://evil) <b>bold</b> **a**")
    assert "![" not in text and "<b>" not in text and "**" not in text
