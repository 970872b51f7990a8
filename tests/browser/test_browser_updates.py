"""End to end in headless Chromium: the Đà Nẵng editor corrects a value and publishes it; a viewer cannot upload."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser

from eipmap.config import REPO_DIR
from eipmap.ingest.loading import load_dataset
from eipmap.releases.accounts import Role, add_user
from eipmap.releases.sheets import columns_of
from eipmap.releases.store import Store
from tests.browser import (
    ARTIFACTS,
    EDITOR_PASSWORD,
    click_park,
    in_main,
    map_frame,
    open_app,
    open_update_page,
    sign_in,
    streamlit_server,
    wait_for_text,
)

pytestmark = pytest.mark.browser
ERROR_BOX = "[data-testid='stException'], [data-testid='stAlertContentError']"
PASSWORD = EDITOR_PASSWORD


@pytest.fixture(scope="module")
def editor_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("updates")
    shutil.copytree(REPO_DIR / "data", root / "data")
    store = Store(f"sqlite:///{root / 'var' / 'eipmap.sqlite'}")  # the server's default database for this data
    add_user(store, "danang-editor", PASSWORD, Role.EDITOR, "48")
    store.engine.dispose()
    with streamlit_server(root / "data") as url:
        yield url


def correction(tmp_path: Path, year: int = 2024, value: float = 77.7) -> Path:
    """A workbook giving Hòa Khánh's RECP share (the map's default indicator) for ``year``."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "values"
    ws.append(columns_of("values"))
    ws.append(["hoa-khanh", "D35-37.2c", year, value, "estimated", None, "Ban quản lý KCN Đà Nẵng, 2026"])
    path = tmp_path / f"hoa-khanh-{year}.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_editor_uploads_previews_publishes_and_the_map_shows_it(
    browser: Browser, editor_url: str, tmp_path: Path
) -> None:
    page, offline = open_app(browser, editor_url)
    assert "77,7" not in click_park(page, "hoa-khanh")
    page.get_by_role("heading", name="KCN Hòa Khánh", exact=True).wait_for(state="visible", timeout=30_000)
    assert page.get_by_role("link", name="Cập nhật dữ liệu").count() == 0  # not before signing in
    open_update_page(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(correction(tmp_path)))
    wait_for_text(page, "Tệp hợp lệ", 60_000)
    v = load_dataset(REPO_DIR / "data").values
    before = v[(v["park_id"] == "hoa-khanh") & (v["indicator_id"] == "D35-37.2c") & (v["year"] == 2024)]["value"]
    detail = page.locator("[data-testid^='glide-cell']", has_text=f"value: {before.iloc[0]} → 77.7").first
    detail.wait_for(state="attached")  # the preview names the change (table cells are drawn on a canvas)
    page.screenshot(path=str(ARTIFACTS / "update-preview-vi-1600x1000.png"), full_page=True)
    page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)").fill("Số liệu điều tra 2024 của Ban quản lý")
    page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)").press("Enter")
    page.get_by_role("button", name="Phát hành").click()
    wait_for_text(page, "Đã phát hành bản 2", 60_000)
    page.get_by_role("link", name="Bản đồ").click()
    map_frame(page)
    tooltip = click_park(page, "hoa-khanh")
    assert "77,7" in tooltip, tooltip
    page.get_by_role("link", name="Các bản phát hành").click()
    note = page.locator("[data-testid^='glide-cell']", has_text="Số liệu điều tra 2024 của Ban quản lý").first
    note.wait_for(state="attached")
    assert all(host.endswith("basemaps.cartocdn.com") for host in offline.hosts)  # only map tiles
    page.close()


def test_a_viewer_has_no_upload_page(browser: Browser, editor_url: str) -> None:
    page, _ = open_app(browser, editor_url)
    assert page.get_by_role("link", name="Cập nhật dữ liệu").count() == 0
    page.goto(f"{editor_url}/update")
    in_main(page, "Chỉ tài khoản biên tập mới tải lên")  # a copied link tells a viewer to sign in
    assert page.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0
    sign_in(page, "danang-editor", "sai-mật-khẩu")
    wait_for_text(page, "Sai tên đăng nhập hoặc mật khẩu.")
    assert page.get_by_role("link", name="Cập nhật dữ liệu").count() == 0
    page.close()


def test_a_value_for_a_new_year_extends_every_year_picker(browser: Browser, editor_url: str, tmp_path: Path) -> None:
    """December 2026: the editor sends this year's figure; the year picker and the map run to 2026."""
    page, _ = open_app(browser, editor_url)
    open_update_page(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(correction(tmp_path, 2026, 31.5)))
    wait_for_text(page, "Tệp hợp lệ", 60_000)
    page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)").fill("Số liệu năm 2026")
    page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)").press("Enter")
    page.get_by_role("button", name="Phát hành").click()
    wait_for_text(page, "Đã phát hành bản", 60_000)
    page.goto(f"{editor_url}/?year=2026")
    year = page.locator("[data-testid='stSliderThumbValue']").first
    year.wait_for(state="visible", timeout=30_000)
    assert year.inner_text() == "2026"  # the newest year with data is offered and chosen
    tooltip = click_park(page, "hoa-khanh")
    assert "2026: 31,5" in tooltip, tooltip
    page.get_by_role("heading", name="KCN Hòa Khánh", exact=True).wait_for(state="visible", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "map-2026-vi-1600x1000.png"))
    page.close()


def test_a_second_upload_after_publishing_works_in_the_same_session(
    browser: Browser, editor_url: str, tmp_path: Path
) -> None:
    """Publish, then send another file without reloading: a new preview, a second release, every page still works."""
    page, _ = open_app(browser, editor_url)
    open_update_page(page)
    released = []
    for value in (41.5, 42.5):
        upload = page.locator("[data-testid='stFileUploaderDropzoneInput']")
        upload.set_input_files(str(correction(tmp_path, 2023, value)))
        wait_for_text(page, "Tệp hợp lệ", 60_000)
        assert page.locator(ERROR_BOX).count() == 0
        note = page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)")
        note.fill(f"Số liệu 2023 lần {len(released) + 1}")
        note.press("Enter")
        page.get_by_role("button", name="Phát hành").click()
        wait_for_text(page, "Đã phát hành bản", 60_000)
        released.append(page.get_by_text("Đã phát hành bản").first.inner_text())
        assert page.locator(ERROR_BOX).count() == 0, released
    assert len(set(released)) == 2, released  # two different releases
    page.get_by_role("link", name="Các bản phát hành").click()
    page.locator("[data-testid^='glide-cell']", has_text="Số liệu 2023 lần 2").first.wait_for(state="attached")
    page.get_by_role("link", name="Bản đồ").click()
    map_frame(page)
    assert page.locator(ERROR_BOX).count() == 0
    page.close()
