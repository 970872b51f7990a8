"""Text normalisation: NFC for storage and display, diacritic folding for search."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """Compose Vietnamese diacritics (NFC), the form every data file must use."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse spaces, for matching search input."""
    text = text.replace("Đ", "D").replace("đ", "d")
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def matches(query: str, *candidates: str) -> bool:
    """True when the folded query occurs in any folded candidate ("hoa khanh" finds "Hòa Khánh")."""
    needle = fold(query)
    return any(needle in fold(c) for c in candidates)


MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:"


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown syntax so data text shows as typed (no links, images or HTML)."""
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)
