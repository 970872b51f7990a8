"""A provincial editor's accepted upload full of attack text, shown on every screen and in every export.

The Đà Nẵng editor uploads one workbook whose park names (vi and en, one of them newly marked as a
demonstration park), firm names, link descriptions, a value's note and the release note carry a
catalogue of payloads — script tags, event handlers, ``javascript:`` URLs, template-literal breaks,
Markdown and KaTeX links and images, entity tricks, ``<base>``/``<meta>`` redirects. It is checked,
previewed and published through the real page. Then, in headless Chromium with the internet cut off,
every page of the navigation in both languages, every presentation step and the saved HTML map are
opened with every map tooltip and popup shown; no dialog may open, no attacker's host may be asked
for, and no element may carry a payload's handler, URL or ``srcdoc``. The deck is read back with
python-pptx: the payloads are there as plain text, with no hyperlink.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Browser, Frame, Page

from eipmap.config import REPO_DIR
from eipmap.i18n import t
from eipmap.releases.accounts import Role, add_user
from eipmap.releases.sheets import columns_of
from eipmap.releases.store import Store
from tests.browser import (
    ARTIFACTS,
    EDITOR_PASSWORD,
    Offline,
    download,
    open_app,
    open_update_page,
    settle,
    streamlit_server,
    wait_for_text,
)

pytestmark = pytest.mark.browser
EVIL = "evil.example"
PAYLOADS = [
    "<script>alert(101)</script>",
    "<img src=x onerror=alert(102)>",
    "<svg onload=alert(103)>",
    '<iframe srcdoc="<script>parent.alert(104)</script>"></iframe>',
    "[bấm](javascript:alert(105))",
    "`);alert(106);//",
    "${alert(107)}",
    "</script><script>alert(108)</script>",
    '"><img src=x onerror=alert(109)>',
    "' onmouseover='alert(110)' x='",
    "&lt;img src=x onerror=alert(111)&gt;",
    f"![ảnh](https://{EVIL}/p.png)",
    f"[liên kết](https://{EVIL}/x)",
    ":red[chữ đỏ] **đậm**",
    "$\\href{javascript:alert(112)}{công thức}$",
    '<a href="javascript:alert(113)">a</a>',
    f'<meta http-equiv="refresh" content="0;url=https://{EVIL}/">',
    f'<base href="https://{EVIL}/">',
    '<object data="javascript:alert(114)"></object>',
    "<details open ontoggle=alert(115)>",
    f"<style>@import 'https://{EVIL}/s.css';</style>",
    "{{7*7}} %0d%0a <!--",
]
# the demonstration parks (their names reach the presentation's title line and the deck) carry the worst at once
DEMO_NAMES = {
    "hoa-khanh": " ".join(PAYLOADS[i] for i in (3, 1, 0, 6)),
    "lien-chieu": " ".join(PAYLOADS[i] for i in (4, 11, 14, 2, 19)),
}
NOTE = f"Ghi chú <img src=x onerror=alert(120)> [x](https://{EVIL}/n)"
PARK = "hoa-khanh"
NEW_DEMO = "lien-chieu"  # an editor may mark their own park as a demonstration park
# Everything an element may carry that would mean a payload became markup: handlers, script URLs, srcdoc,
# the attacker's host in a URL attribute, KaTeX output, a redirect or a new base.
INJECTED_JS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value || '';
      if (a.name.startsWith('on') && /alert/.test(v)) bad.push(`${el.tagName} ${a.name}`);
      if (['href', 'src', 'data', 'action', 'formaction', 'content'].includes(a.name)
          && /javascript:|evil\\.example/i.test(v)) bad.push(`${el.tagName} ${a.name}=${v}`);
      if (a.name === 'srcdoc' && /alert/.test(v)) bad.push(`${el.tagName} srcdoc`);
    }
  }
  if (document.querySelector('.katex, base[href]')) bad.push('katex or base');
  for (const el of document.querySelectorAll('script, iframe[srcdoc], object, embed')) {
    if (/^\\s*(parent\\.)?alert\\(\\d+\\)\\s*$/.test(el.textContent) || el.tagName !== 'SCRIPT') bad.push(el.tagName);
  }
  return bad;
}"""
SHOW_TOOLTIPS_JS = """() => {
  // the map page's map is window.eipMap, the other pages' window.map; a saved map names it map_<hash>
  const map = window.eipMap || window.map
    || Object.entries(window).find(([k, v]) => k.startsWith('map_') && v && v._layers)?.[1];
  if (!map) return 0;
  let shown = 0;
  for (const layer of Object.values(map._layers)) {
    const at = layer.getLatLng ? layer.getLatLng() : (layer.getBounds ? layer.getBounds().getCenter() : null);
    if (layer.feature && at) {  // a hover, as a user's mouse: the group's tooltip shows this feature's text
      layer.fire('mouseover', {latlng: at}, true);
      shown += 1;
    } else if (layer.getTooltip && layer.getTooltip()) {
      layer.openTooltip();
      shown += 1;
    }
    if (layer.getPopup && layer.getPopup()) { layer.openPopup(); shown += 1; }
  }
  return shown;
}"""


def _rows(kind: str, mask: pd.Series, frame: pd.DataFrame) -> list[list[object]]:
    rows = frame.loc[mask, columns_of(kind)].astype(object)
    return rows.where(rows.notna(), None).values.tolist()


def hostile_workbook(data: Path, target: Path) -> Path:
    """One workbook of parks, firms, links and a value of Đà Nẵng, every text a payload."""
    parks = pd.read_csv(data / "parks" / "parks.csv", dtype={"province_code": str})
    firms = pd.read_csv(data / "symbiosis" / "firms.csv")
    links = pd.read_csv(data / "symbiosis" / "links.csv")
    ours = parks["province_code"] == "48"
    for i, idx in enumerate(parks.index[ours]):
        payload = DEMO_NAMES.get(str(parks.at[idx, "park_id"]), PAYLOADS[i % len(PAYLOADS)])
        parks.loc[idx, ["name_vi", "name_en"]] = [f"KCN {payload}", f"IP {payload}"]
    parks.loc[parks["park_id"] == NEW_DEMO, "is_demonstration"] = True
    in_park = firms["park_id"] == PARK
    for i, idx in enumerate(firms.index[in_park]):
        firms.loc[idx, ["name_vi", "name_en"]] = [f"Nhà máy {PAYLOADS[-1 - i]}", f"Plant {PAYLOADS[-1 - i]}"]
    its_links = links["park_id"] == PARK
    for i, idx in enumerate(links.index[its_links]):  # vi: an interpolation that would run; en: literal breakers
        links.loc[idx, ["description_vi", "description_en"]] = [f"Nhiệt {PAYLOADS[6]} #{i}", f"Heat {PAYLOADS[5 + i]}"]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for kind, frame, mask in (("parks", parks, ours), ("firms", firms, in_park), ("links", links, its_links)):
        sheet = book.create_sheet(kind)
        sheet.append(columns_of(kind))
        for row in _rows(kind, mask, frame):
            sheet.append(row)
    values = book.create_sheet("values")
    values.append(columns_of("values"))
    values.append([PARK, "D35-37.2c", 2024, 66.6, "estimated", None, f"Ghi chú {PAYLOADS[1]} {PAYLOADS[12]}"])
    path = target / "hostile-da-nang.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture(scope="module")
def hostile_release(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose release 2 is the editor's hostile upload, published through the update page."""
    root = tmp_path_factory.mktemp("hostile-release")
    shutil.copytree(REPO_DIR / "data", root / "data")
    store = Store(f"sqlite:///{root / 'var' / 'eipmap.sqlite'}")
    add_user(store, "danang-editor", EDITOR_PASSWORD, Role.EDITOR, "48")
    store.engine.dispose()
    with streamlit_server(root / "data") as url:
        page, offline = open_app(browser, url)
        open_update_page(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            str(hostile_workbook(root / "data", root))
        )
        wait_for_text(page, "Tệp hợp lệ", 90_000)  # accepted: none of this is refused as input
        settle(page)
        assert_clean(page, offline, "the preview")
        page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)").fill(NOTE)
        page.get_by_label("Ghi chú cho bản phát hành (bắt buộc)").press("Enter")
        page.get_by_role("button", name="Phát hành").click()
        wait_for_text(page, "Đã phát hành bản 2", 90_000)
        page.close()
        yield url


def _frames(page: Page) -> list[Frame]:
    return [f for f in page.frames if not f.is_detached()]


def assert_clean(page: Page, offline: Offline, where: str) -> int:
    """No dialog, no attacker's host asked for, no injected element in any frame; returns tooltips shown."""
    shown = 0
    for frame in _frames(page):
        shown += int(frame.evaluate(SHOW_TOOLTIPS_JS))
    page.wait_for_timeout(300)  # an opened tooltip's markup is in the page; an onerror would have fired by now
    injected = {frame.url[-60:]: frame.evaluate(INJECTED_JS) for frame in _frames(page)}
    assert {k: v for k, v in injected.items() if v} == {}, where
    assert page.dialogs == [], (where, page.dialogs)  # type: ignore[attr-defined]
    assert EVIL not in offline.hosts, where
    return shown


MAP_PAGES = ("", "gaps", "present")
PAGES = ["", "gaps", "readiness", "compare", "present", "releases", "about", "update"]


def test_the_page_list_is_the_navigation() -> None:
    """PAGES follows pages/: a new page is swept here as soon as it exists."""
    stems = {p.stem for p in (REPO_DIR / "pages").glob("*.py")}
    assert {p or "map" for p in PAGES} == stems


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_the_payloads_as_text(browser: Browser, hostile_release: str, path: str, lang: str) -> None:
    with_map = path in MAP_PAGES
    page, offline = open_app(browser, f"{hostile_release}/{path}?park={PARK}&lang={lang}", with_map=with_map)
    page.locator("[data-testid='stMain']").wait_for(state="visible", timeout=60_000)
    page.wait_for_timeout(500)  # the first run has started
    settle(page)
    shown = assert_clean(page, offline, path or "map")
    if with_map:  # the maps with their parks: every tooltip and popup was opened
        assert shown > 50, shown
    page.close()


def test_the_map_panel_and_its_sections_show_the_payloads_as_text(browser: Browser, hostile_release: str) -> None:
    page, offline = open_app(browser, f"{hostile_release}/?park={PARK}")
    settle(page)
    heading = page.get_by_role("heading", name=f"KCN {DEMO_NAMES[PARK]}", exact=True)
    heading.wait_for(state="visible", timeout=30_000)  # Hòa Khánh's new name, literally
    for key in ("opportunity.open", "lifecycle.title", "whatif.open"):  # the panel's sections, opened as a user
        page.locator("[data-testid='stExpander'] summary", has_text=t(key, "vi")).first.click()
        settle(page)
    assert_clean(page, offline, "the panel with its sections open")
    page.screenshot(path=str(ARTIFACTS / "hostile-panel-vi-1600x1000.png"), full_page=True)
    page.close()


def test_every_presentation_step(browser: Browser, hostile_release: str) -> None:
    page, offline = open_app(browser, f"{hostile_release}/present?step=1", width=1920, height=1080)
    settle(page)
    steps = 0
    while True:
        steps += 1
        assert_clean(page, offline, f"presentation step {steps}")
        following = page.get_by_role("button", name="Tiếp ▶")
        if following.is_disabled():
            break
        following.click()
        page.get_by_text(f"({steps + 1}/").first.wait_for(timeout=30_000)
        settle(page)
    assert steps >= 14  # the new demonstration park has a step of its own
    page.close()


def test_the_saved_map_and_the_deck(browser: Browser, hostile_release: str, tmp_path: Path) -> None:
    from pptx import Presentation

    page, _ = open_app(browser, f"{hostile_release}/?park={PARK}")
    settle(page)
    page.get_by_text("Xuất bản trình chiếu và bản đồ").click()
    saved_map = download(page, "Tải bản đồ tương tác (HTML)", 60_000)
    saved_deck = download(page, "Tải bản trình chiếu (PPTX)", 60_000)
    html = tmp_path / "map.html"
    shutil.copy(saved_map.path(), html)
    deck = Presentation(saved_deck.path())
    page.close()
    viewer = browser.new_page(viewport={"width": 1600, "height": 1000})
    offline = Offline()
    viewer.route("**/*", offline)
    dialogs: list[str] = []
    viewer.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    viewer.goto(html.as_uri())
    viewer.wait_for_function("() => Object.keys(window).some(k => k.startsWith('map_'))")
    shown = 0
    for frame in _frames(viewer):
        shown += int(frame.evaluate(SHOW_TOOLTIPS_JS))
    viewer.wait_for_timeout(300)
    assert shown > 50 and dialogs == [] and EVIL not in offline.hosts, (shown, dialogs, offline.hosts)
    assert [b for f in _frames(viewer) for b in f.evaluate(INJECTED_JS)] == []
    viewer.close()
    text = [
        r.text
        for s in deck.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    links = [
        r.hyperlink.address
        for s in deck.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    ]
    assert any(DEMO_NAMES[PARK] in t for t in text), text[:20]  # Hòa Khánh's name, literally
    assert [a for a in links if "javascript" in a or EVIL in a] == []
