"""The main map's own component: layers written once by content hash, and nothing from the data parsed as HTML."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from eipmap.ui import park_map
from eipmap.ui.park_map import clicked_park, publish


def test_a_layer_is_written_once_under_its_content_hash(tmp_path: Path) -> None:
    payload = {"parks": [{"id": "hoa-khanh", "tip": [["KCN Hòa Khánh", "b"]]}]}
    first = publish(payload, tmp_path)
    again = publish(json.loads(json.dumps(payload)), tmp_path)
    assert first == again and str(first["url"]).startswith("/app/static/gen/")
    (written,) = tmp_path.glob("*.json")
    assert json.loads(written.read_text(encoding="utf-8")) == payload  # UTF-8, diacritics kept
    assert written.name in str(first["url"]) and not list(tmp_path.glob("*.part"))
    assert oct(written.stat().st_mode & 0o777) == "0o644"  # readable by a server running as another user
    assert publish({"parks": []}, tmp_path) != first  # other content, other URL


def test_a_folder_that_cannot_be_written_sends_the_layer_inline(tmp_path: Path) -> None:
    blocked = tmp_path / "gen"
    blocked.write_text("not a folder")
    assert publish({"a": 1}, blocked) == {"inline": {"a": 1}}


def test_pruning_keeps_the_newest_half(tmp_path: Path) -> None:
    refs = []
    for i in range(7):
        refs.append(publish({"i": i}, tmp_path))
        newest = max(tmp_path.glob("*.json"), key=lambda f: f.stat().st_mtime_ns)
        os.utime(newest, (1_000_000 + i, 1_000_000 + i))  # distinct write times, oldest first
    park_map._prune(tmp_path, most=4)
    kept = {f.name for f in tmp_path.glob("*.json")}
    assert len(kept) == 2
    assert kept == {str(r["url"]).rsplit("/", 1)[-1] for r in refs[-2:]}


def test_a_pruned_reference_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(park_map, "GENERATED_DIR", tmp_path)
    cache: dict[str, park_map.LayerRef] = {}

    def cached() -> park_map.LayerRef:
        if "ref" not in cache:
            cache["ref"] = publish({"x": 1}, tmp_path)
        return cache["ref"]

    ref = park_map._live(cached, cache.clear)
    (tmp_path / str(ref["url"]).rsplit("/", 1)[-1]).unlink()  # another process pruned it
    again = park_map._live(cached, cache.clear)
    assert again == ref and (tmp_path / str(ref["url"]).rsplit("/", 1)[-1]).exists()


def test_the_click_value_is_read_from_the_component_state() -> None:
    assert clicked_park({"park": "hoa-khanh"}) == "hoa-khanh"
    assert clicked_park({"park": None}) is None
    assert clicked_park(None) is None


def test_the_module_never_parses_data_as_html() -> None:
    """Tooltips and labels are elements filled with textContent; no HTML string is built from data."""
    js = Path(park_map.__file__).with_name("park_map.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", js)
    assert "textContent = text" in js  # tooltip lines and labels
    assert re.search(r"divIcon\(\{ html: div,", js)  # a label icon is an element, not markup
    assert "bindTooltip(tipElement(" in js and "bindPopup" not in js
