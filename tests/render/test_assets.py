"""Leaflet served without `make`: copied from its PyPI package on first start, or a message naming the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from eipmap.render.maps import assets
from eipmap.render.maps.assets import AssetsMissingError, install_assets
from eipmap.ui import layout
from tests.sweep_support import session


def test_first_start_copies_leaflet_and_a_second_start_copies_nothing(tmp_path: Path) -> None:
    vendor = tmp_path / "static" / "vendor"
    install_assets(vendor)
    js = vendor / "leaflet" / "leaflet.js"
    assert js.stat().st_size > 100_000 and (vendor / "leaflet" / "images").is_dir()
    assert (vendor / "jquery" / "jquery.min.js").is_file()
    assert "Leaflet 1.9.3" in (vendor / "leaflet" / "VERSION").read_text()
    before = js.stat().st_mtime_ns
    install_assets(vendor)
    assert js.stat().st_mtime_ns == before  # already there: left alone


def test_a_half_copy_is_completed(tmp_path: Path) -> None:
    vendor = tmp_path / "vendor"
    install_assets(vendor)
    (vendor / "leaflet" / "leaflet.css").unlink()
    install_assets(vendor)
    assert (vendor / "leaflet" / "leaflet.css").is_file()


def test_a_folder_that_cannot_be_written_names_the_fix(tmp_path: Path) -> None:
    blocker = tmp_path / "static"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(AssetsMissingError, match=r"could not copy Leaflet into .*install_assets\.py"):
        install_assets(blocker / "vendor")


def test_a_missing_package_names_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins

    real_import = builtins.__import__

    def no_xstatic(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("xstatic"):
            raise ImportError(name=name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_xstatic)
    with pytest.raises(AssetsMissingError, match=r"pip install -r requirements.txt"):
        install_assets(tmp_path / "vendor")


def test_the_dashboard_says_so_instead_of_a_blank_map(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(_vendor: Path = assets.VENDOR_DIR) -> None:
        raise AssetsMissingError("the map's Leaflet files are not installed: run `pip install -r requirements.txt`")

    layout._assets_installed.clear()
    monkeypatch.setattr(layout, "install_assets", missing)
    try:
        at = session(None, "en")
        assert not at.exception
        shown = [e.value for e in at.error]
        assert any("Leaflet" in m and "pip install -r requirements.txt" in m for m in shown), shown
    finally:
        layout._assets_installed.clear()
