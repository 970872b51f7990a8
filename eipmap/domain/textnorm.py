"""Text normalisation: NFC for storage and display, diacritic folding for search."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import quote


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


# characters that end or interpolate a JavaScript template literal: folium writes a Tooltip's HTML between backticks
JS_TEMPLATE_ENTITIES = {"\\": "&#92;", "`": "&#96;", "$": "&#36;"}


def html_text(text: str) -> str:
    """Data text for HTML that folium places inside a JavaScript template literal (Leaflet tooltips).

    HTML-escaped (no tags, no attributes), and the three characters that could leave or interpolate
    the literal — backslash, backtick, dollar — written as HTML entities, which the tooltip shows as typed.
    """
    escaped = html.escape(text)
    return "".join(JS_TEMPLATE_ENTITIES.get(ch, ch) for ch in escaped)


MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:"


WORD_JOINER = "\u2060"  # invisible; breaks what GFM would turn into a link by itself (no backslash escape does)
AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=www)(?=\.)|(?=@)")


def escape_markdown(text: str) -> str:
    """Data text for Markdown, shown exactly as typed: no links, images, HTML, colours or formulas.

    Markdown syntax is backslash-escaped; bare URLs, ``www.`` and e-mail addresses, which GFM links
    even when escaped, get an invisible word joiner where the link would start.
    """
    unlinked = AUTOLINK.sub(WORD_JOINER, text)
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in unlinked)


# what may stay unencoded in a link target: no parentheses, brackets, angle brackets, quotes or spaces
URL_SAFE = ":/?#@!$&*+,;=%-._~"


def markdown_link(label: str, url: str) -> str:
    """A Markdown link whose label and target are both data: the label escaped, the target percent-encoded.

    A target may then not close the link early and smuggle in an image or another link.
    """
    return f"[{escape_markdown(label)}]({quote(url, safe=URL_SAFE)})"
