"""NFC, diacritic folding and markdown escaping."""

from __future__ import annotations

import dataclasses
import html
import unicodedata

import folium
import pytest

from eipmap.domain.dataset import Dataset
from eipmap.domain.textnorm import escape_markdown, fold, html_text, markdown_link, matches, nfc
from eipmap.render.maps.layers import build_selection_layer


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


LEAVE_TEMPLATE = "`);alert(1);//${alert(2)}\\`"


def test_html_text_cannot_leave_a_javascript_template_literal() -> None:
    safe = html_text(f"<b>{LEAVE_TEMPLATE}</b>")
    assert not {"`", "$", "\\", "<", ">"} & set(safe)
    assert html.unescape(safe) == f"<b>{LEAVE_TEMPLATE}</b>"  # shown exactly as typed


def test_link_and_firm_tooltips_stay_inside_their_template_literals(dataset: Dataset) -> None:
    """Folium writes a Tooltip's HTML between backticks: data must not end or interpolate the literal."""
    links = dataset.links.copy()
    firms = dataset.firms.copy()
    own = links["park_id"] == "hoa-khanh"
    links.loc[own, "description_vi"] = LEAVE_TEMPLATE
    firms.loc[firms["park_id"] == "hoa-khanh", "name_vi"] = LEAVE_TEMPLATE
    data = dataclasses.replace(dataset, links=links, firms=firms)
    fmap = folium.Map()
    build_selection_layer(data, "hoa-khanh", "vi").add_to(fmap)
    page = fmap.get_root().render()
    assert html_text(LEAVE_TEMPLATE) in page  # the text is there, as inert entities …
    assert "${alert" not in page and "`);alert" not in page  # … and never as code


def test_a_link_target_cannot_close_the_link_and_add_an_image() -> None:
    link = markdown_link("Nguồn [1]", "https://example.org/a)![x](https://evil.example/p.png")
    assert link.startswith(r"[Nguồn \[1\]](https://example.org/a") and link.count("(") == 1 and link.count(")") == 1
    assert "%29!%5Bx%5D%28" in link  # the rest of the target stays inside it, percent-encoded


def test_bare_urls_and_addresses_are_not_linked() -> None:
    shown = escape_markdown("see https://evil.example, www.evil.example or me@evil.example")
    assert "https://" not in shown.replace("\\", "") and "www." not in shown.replace("\\", "")
    typed = "see https://evil.example, www.evil.example or me@evil.example"
    assert shown.replace("\u2060", "").replace("\\", "") == typed
