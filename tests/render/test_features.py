"""What the main map's component is sent, on the hand-written four-park dataset (every answer known)."""

from __future__ import annotations

import json

from eipmap.display.overlay import build_overlay
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.features import (
    DIMMED_STYLE,
    SELECTED_COLOUR,
    base_features,
    park_features,
    park_radius,
    park_style,
    selection_features,
)

XSS = "<img src=x onerror=alert(1)>"


def _parks(tiny: Dataset, lang: str = "vi") -> list[dict[str, object]]:
    overlay = build_overlay(tiny.values, tiny.parks["park_id"], tiny.indicators["D35-37.2c"], 2024, lang)
    return park_features(tiny.parks, overlay, lang, tiny.links)


def test_every_located_park_once_and_never_an_unplaced_one(tiny: Dataset) -> None:
    parks = _parks(tiny)
    assert [p["id"] for p in parks] == ["beta", "gamma", "alpha"]  # demonstration park last: drawn on top
    assert "delta" not in {p["id"] for p in parks}  # no sourced location: listed beside the map, never drawn
    alpha = parks[-1]
    assert alpha["at"] == [16.07, 108.15]
    assert alpha["style"]["weight"] == 3 and alpha["style"]["radius"] == park_radius(300.0, True)


def test_a_tooltip_is_lines_of_text_with_provenance_and_caveats(tiny: Dataset) -> None:
    tips = {p["id"]: p["tip"] for p in _parks(tiny)}
    assert tips["alpha"][0] == ("KCN Alpha", "b") and tips["alpha"][1] == ("Đà Nẵng", "")
    assert any("KCN trình diễn" in text for text, _ in tips["alpha"])
    assert any("Vị trí gần đúng" in text for text, _ in tips["beta"])  # approximate, ±1.5 km
    en = {p["id"]: p["tip"] for p in _parks(tiny, "en")}
    assert en["alpha"][0] == ("Alpha Industrial Park", "b")


def test_a_park_placed_at_its_wards_centre_says_so_in_the_hover(tiny: Dataset) -> None:
    parks = tiny.parks.copy()
    parks.loc[parks["park_id"] == "gamma", ["location_accuracy", "location_error_km"]] = ["ward_centre", 7.0]
    for lang, words in (("vi", "trung tâm phường, xã"), ("en", "centre of the ward or commune")):
        overlay = build_overlay(tiny.values, parks["park_id"], tiny.indicators["D35-37.2c"], 2024, lang)
        tip = {p["id"]: p["tip"] for p in park_features(parks, overlay, lang, tiny.links)}["gamma"]
        assert any(words in text and "7" in text for text, _ in tip)
        assert not any("gần đúng" in text or "Approximate" in text for text, _ in tip)


def test_each_park_carries_its_links_counts_for_the_card(tiny: Dataset) -> None:
    links = {p["id"]: p["links"] for p in _parks(tiny)}
    assert links["alpha"] == "Đang vận hành: 1 · Tiềm năng: 0 · Không còn khả thi/đã dừng: 0"
    assert links["beta"] == "Đang vận hành: 0 · Tiềm năng: 1 · Không còn khả thi/đã dừng: 0 · trong đó minh họa: 1"
    assert links["gamma"] == "Chưa ghi nhận liên kết cộng sinh nào cho khu công nghiệp này."


def test_names_travel_as_text_not_markup(tiny: Dataset) -> None:
    hostile = tiny.parks.copy()
    hostile.loc[hostile["park_id"] == "alpha", "name_vi"] = XSS
    overlay = build_overlay(tiny.values, hostile["park_id"], tiny.indicators["D35-37.2c"], 2024, "vi")
    (alpha,) = [p for p in park_features(hostile, overlay, "vi") if p["id"] == "alpha"]
    assert alpha["tip"][0] == (XSS, "b")  # as typed: the browser writes it with textContent
    assert "&lt;" not in json.dumps(alpha)  # and not pre-escaped (it would show as "&lt;img")


def test_styles_dim_and_select() -> None:
    row = {"radius": 6.0, "colour": "#1a9850", "is_demonstration": False}
    assert park_style(row)["fillColor"] == "#1a9850"
    assert park_style({**row, "is_dimmed": True})["fillColor"] == DIMMED_STYLE["fillColor"]
    assert park_style({**row, "is_selected": True})["color"] == SELECTED_COLOUR


def test_the_selection_of_a_park_with_and_without_links_and_location(tiny: Dataset) -> None:
    alpha = selection_features(tiny, "alpha", "vi")
    assert alpha["park"] == "alpha" and alpha["ring"] == {"at": [16.07, 108.15], "radius": park_radius(300.0, True) + 3}
    (link,) = alpha["links"]  # type: ignore[misc]
    assert link["dash"] is None and len(link["line"]) > 2 and len(link["head"]) == 3  # operating: solid, curved, arrow
    assert ("Xỉ thép làm phụ gia xi măng", "") in link["tip"]
    assert {f["id"] for f in alpha["firms"]} == set(tiny.firms.loc[tiny.firms["park_id"] == "alpha", "firm_id"])  # type: ignore[attr-defined]
    delta = selection_features(tiny, "delta", "vi")
    assert delta == {"park": "delta", "ring": None, "links": [], "firms": []}  # nothing to ring, nothing drawn


def test_the_base_has_outlines_labels_and_archipelagos(tiny: Dataset) -> None:
    base = base_features(tiny, "vi")
    panes = [layer.get("pane") for layer in base["layers"]]  # type: ignore[union-attr]
    assert panes == ["background", "background", None, None]  # below the tiles: the offline background
    texts = [label["text"] for label in base["labels"]]  # type: ignore[union-attr]
    assert "Đà Nẵng" in texts and any("Hoàng Sa" in text for text in texts)
    assert len(base["frames"]) == len(tiny.archipelagos)  # type: ignore[arg-type]
