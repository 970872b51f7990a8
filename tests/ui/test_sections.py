"""A section that fails shows a short message in its place; the rest of the screen stays usable."""

from __future__ import annotations

import logging

import pytest

from eipmap.i18n import t
from eipmap.ui import map_page, park_panel, present_page
from tests.apptest_support import folium_components, park_maps
from tests.sweep_support import Clicker, session, texts


def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("injected failure")


@pytest.mark.parametrize(
    ("module", "name", "section"),
    [
        (map_page, "show_park_map", "map"),
        (map_page, "_legend", "legend"),
        (map_page, "render_park_header", "panel_header"),
        (map_page, "render_trend", "trend"),
        (map_page, "render_facts", "facts"),
        (map_page, "render_links", "links"),
        (map_page, "export_controls", "exports"),
        (park_panel, "links_table", "links"),
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_failing_section_leaves_the_rest_of_the_map_screen(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    module: object,
    name: str,
    section: str,
    lang: str,
) -> None:
    user = Clicker(session(None, lang))
    user.click("hoa-khanh")  # a park with firms and links: every section is drawn
    monkeypatch.setattr(module, name, _boom)
    with caplog.at_level(logging.ERROR, logger="eipmap.sections"):
        user.click("tra-noc-1")
    at = user.at
    assert not at.exception  # never Streamlit's full-page error
    message = t("section.failed", lang, section=t(f"section.{section}", lang))
    assert [e.value for e in at.error if e.value == message] == [message]
    assert "injected failure" in caplog.text  # the traceback is in the server log …
    assert "injected failure" not in texts(at)  # … not on the screen
    if section != "map":
        assert park_maps(at)  # the map is still there
    if section not in ("panel_header", "links"):
        assert "KCN Trà Nóc 1" in texts(at) or "Tra Noc 1 Industrial Park" in texts(at)
    assert at.title[0].value == t("app.title", lang)  # and so is the frame


def test_a_failing_chart_in_the_presentation_keeps_its_map_and_buttons(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(present_page, "_chart", _boom)
    at = session("pages/present.py", "vi")
    assert not at.exception
    assert t("section.failed", "vi", section=t("section.trend", "vi")) in [e.value for e in at.error]
    assert folium_components(at._tree)
    at.button(key="present-next").click().run()
    assert not at.exception and "Hải Phòng" in texts(at)


def test_a_failing_screen_keeps_the_sidebar_and_navigation(monkeypatch: pytest.MonkeyPatch) -> None:
    from eipmap.ui import compare_page

    monkeypatch.setattr(compare_page, "render", _boom)
    at = session("pages/compare.py", "en")
    assert not at.exception
    assert t("section.failed", "en", section=t("section.page", "en")) in [e.value for e in at.error]
    assert at.sidebar.radio  # the language switch is still there
