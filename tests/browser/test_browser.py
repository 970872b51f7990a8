"""End-to-end tests in headless Chromium against `streamlit run`, with the network unplugged.

Every request to a host other than 127.0.0.1 is aborted (as on a closed ministry network);
the only such requests allowed are map tiles. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from eipmap.config import REPO_DIR
from eipmap.domain.dataset import Dataset
from eipmap.render.maps.features import DIMMED_FILL
from tests.browser import (
    ARTIFACTS,
    PARKS_JS,
    TIP_TEXT_JS,
    Offline,
    click_park,
    download,
    drawn_parks,
    map_frame,
    on_map,
    open_app,
    streamlit_server,
    wait_for_text,
)

pytestmark = pytest.mark.browser
TILE_HOSTS = ("basemaps.cartocdn.com", "tile.openstreetmap.org")
XSS = "<img src=x onerror=alert(1)>"
MARKDOWN = "[bấm](https://evil.example/x) ![i](https://evil.example/p.png) :red[đỏ] $x^2$"
TEMPLATE_XSS = "Nhiệt thừa `);alert(2);// ${alert(3)} \\` → sấy giấy"
HOA_KHANH_COUNTS = "Đang vận hành: 1 · Tiềm năng: 2 · Không còn khả thi/đã dừng: 3"


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_map_renders_offline_with_every_park_and_a_legend(browser: Browser, app_url: str, dataset: Dataset) -> None:
    page, offline = open_app(browser, app_url)
    parks = drawn_parks(map_frame(page))
    located = dataset.parks.dropna(subset=["lat", "lon"])["park_id"]
    assert set(parks) == set(located)  # every park with a location, none without one
    wait_for_text(page, "Chú giải: Tỷ lệ doanh nghiệp áp dụng giải pháp")
    wait_for_text(page, "Không có số liệu")
    assert {p["fill"] for p in parks.values()} >= {"#ffffff", "#1a9850"}  # no-data and target-met parks both drawn
    assert all(any(host.endswith(t) for t in TILE_HOSTS) for host in offline.hosts), offline.hosts
    shot(page, "map-overview-vi-1600x1000")
    page.close()


def test_click_hoa_khanh_shows_trend_and_links(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url)
    tooltip = click_park(page, "hoa-khanh")
    assert "KCN Hòa Khánh" in tooltip and "Vị trí gần đúng" in tooltip
    wait_for_text(page, HOA_KHANH_COUNTS)
    page.locator("[data-testid='stPlotlyChart']").first.wait_for(state="visible")
    frame = map_frame(page)
    frame.wait_for_function(
        "() => Object.values((window.eipMap || window.map)._layers)"
        ".filter(l => l.feature && l.feature.properties.kind === 'firm').length === 6",
        polling="raf",
        timeout=20_000,
    )
    shot(page, "hoa-khanh-panel-vi")
    page.close()


CLICK_AND_READ_CARD_JS = """(id) => {
  const m = window.eipMap;
  const park = Object.values(m._layers).find(l => l.feature && l.feature.properties.kind === 'park'
    && l.feature.properties.park_id === id);
  park.fire('click', {latlng: park.getLatLng()});  // Leaflet's own click; the card is read in the same task,
  const card = m.getContainer().querySelector('.eip-card');  // so no server answer can have come in between
  return {hidden: card.hidden, text: card.firstElementChild.innerText, whole: card.innerText};
}"""


def test_the_card_answers_in_the_browser_before_the_server(browser: Browser, app_url: str) -> None:
    """Name, province, this year's value with its provenance and the links' counts, at once; kept, then cleared."""
    page, _ = open_app(browser, app_url)
    card = on_map(page, CLICK_AND_READ_CARD_JS, "hoa-khanh")
    assert not card["hidden"]
    lines = card["text"].splitlines()
    assert lines[:2] == ["KCN Hòa Khánh", "Đà Nẵng"] and lines[2].startswith("2024: ")
    assert "Số liệu minh họa" in lines and lines[-1].startswith(HOA_KHANH_COUNTS)
    page.get_by_role("heading", name="KCN Hòa Khánh").wait_for(state="visible", timeout=30_000)  # the server's panel
    assert page.locator(".eip-card").inner_text() == card["whole"]  # the run kept it, trend and all: nothing jumped
    page.get_by_role("button", name="Bỏ chọn khu công nghiệp").click()
    page.locator(".eip-card").wait_for(state="hidden", timeout=30_000)
    card = on_map(page, CLICK_AND_READ_CARD_JS, "nam-cau-kien")  # a park without links
    assert card["text"].splitlines()[-1] == "Chưa ghi nhận liên kết cộng sinh nào cho khu công nghiệp này."
    page.close()


def test_click_another_park_changes_the_panel(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url)
    click_park(page, "hoa-khanh")
    wait_for_text(page, HOA_KHANH_COUNTS)
    click_park(page, "tra-noc-2")
    page.get_by_role("heading", name="KCN Trà Nóc 2").wait_for(state="visible", timeout=30_000)
    assert page.get_by_role("heading", name="KCN Hòa Khánh").count() == 0
    page.close()


def test_same_park_again_after_clearing(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url)
    click_park(page, "hoa-khanh")
    wait_for_text(page, HOA_KHANH_COUNTS)
    page.get_by_role("button", name="Bỏ chọn khu công nghiệp").click()
    wait_for_text(page, "Bấm vào một khu công nghiệp")
    click_park(page, "hoa-khanh")
    wait_for_text(page, HOA_KHANH_COUNTS)
    page.close()


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option in the sidebar selectbox labelled ``label``."""
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_amata_compliance_rises_from_41_to_86(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url)
    choose(page, "Nhóm chỉ số", "Tổng hợp")
    wait_for_text(page, "Chú giải: Mức tuân thủ tiêu chuẩn KCN sinh thái")
    click_park(page, "amata-bien-hoa")
    page.get_by_role("heading", name="KCN Amata (AMATA City Biên Hòa)").wait_for(state="visible", timeout=30_000)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')].some(p => (p._fullData || []).some(
             t => t.name === 'Số liệu báo cáo' && JSON.stringify(Array.from(t.y)) === '[41,86]'))""",
        polling="raf",
        timeout=30_000,
    )
    shot(page, "amata-compliance-vi")
    page.close()


def test_changing_the_indicator_recolours_the_parks(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url)
    before = {k: v["fill"] for k, v in drawn_parks(map_frame(page)).items()}
    choose(page, "Nhóm chỉ số", "Kinh tế")
    wait_for_text(page, "Chú giải: Tỷ lệ doanh nghiệp có kế hoạch tham gia cộng sinh")
    frame = map_frame(page)
    frame.wait_for_function(
        f"(before) => {{ const now = ({PARKS_JS})(); return Object.keys(now).some(k => now[k].fill !== before[k]); }}",
        arg=before,
        polling="raf",
        timeout=30_000,
    )
    after = {k: v["fill"] for k, v in drawn_parks(frame).items()}
    assert len(after) == len(before) and after != before
    page.close()


def test_panning_and_zooming_do_not_rerun_the_script(browser: Browser, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.route("**/*", Offline())
    sent: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(1)))
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_text(page, "Chú giải")
    settled = len(sent)
    frame.evaluate(
        "() => { const m = window.eipMap || window.map; m.panBy([250, 120], {animate: false}); "
        "m.setZoom(8, {animate: false}); }"
    )
    frame.evaluate("() => (window.eipMap || window.map).panBy([-100, 60], {animate: false})")
    # Observation window for a negative assertion: the component debounces updates by 250 ms.
    page.wait_for_timeout(1500)
    assert len(sent) == settled, "a pan or zoom sent a message to the server (a rerun)"
    click_park(page, "deep-c-haiphong-1")  # positive control: a click does reach the server
    wait_for_text(page, "Liên kết cộng sinh công nghiệp")
    assert len(sent) > settled
    page.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(REPO_DIR / "data", data)
    parks = data / "parks" / "parks.csv"
    hostile_name = f'"KCN {XSS} {MARKDOWN}",'
    parks.write_text(parks.read_text(encoding="utf-8").replace("KCN Hòa Khánh,", hostile_name, 1), encoding="utf-8")
    firms = data / "symbiosis" / "firms.csv"
    firms.write_text(firms.read_text(encoding="utf-8").replace("Nhà máy giấy A", f"Nhà máy {XSS}"), encoding="utf-8")
    links = data / "symbiosis" / "links.csv"  # leaving the JavaScript template literal folium puts a tooltip in
    text = links.read_text(encoding="utf-8").replace("Nhiệt thừa lò hơi → sấy giấy", TEMPLATE_XSS, 1)
    links.write_text(text, encoding="utf-8")
    with streamlit_server(data) as url:
        yield url


def test_html_in_data_is_shown_as_text_and_never_runs(browser: Browser, hostile_url: str) -> None:
    page, offline = open_app(browser, hostile_url)
    tooltip = click_park(page, "hoa-khanh")
    assert XSS in tooltip and MARKDOWN in tooltip  # shown literally, as text
    heading = page.get_by_role("heading", name=re.compile(r"^KCN <img"))
    heading.wait_for(state="visible", timeout=30_000)
    # shown as typed (an invisible word joiner keeps the bare URL from becoming a link)
    assert heading.inner_text().replace("\u2060", "") == f"KCN {XSS} {MARKDOWN}"
    ran = page.locator("a[href*='evil.example'], img[src*='evil.example'], .katex")
    where = [ran.nth(i).evaluate("e => e.parentElement.outerHTML.slice(0, 300)") for i in range(ran.count())]
    assert not where, where
    assert "evil.example" not in offline.hosts  # nothing fetched from the attacker's host
    # the firm name, literally, in the links table (grid cells) and as a Sankey node label
    page.locator("[data-testid^='glide-cell']", has_text=f"Nhà máy {XSS}").first.wait_for(state="attached")
    page.locator("text.node-label", has_text=f"Nhà máy {XSS}").first.wait_for(state="attached")
    frame = map_frame(page)
    frame.wait_for_function(  # the selected park's links, whose tooltip holds the template-literal payload
        "() => Object.values((window.eipMap || window.map)._layers).some(l => l.getTooltip && l.getTooltip() && "
        "TIP(l.getTooltip().getContent()).includes('alert(2)'))".replace("TIP", TIP_TEXT_JS),
        polling="raf",
        timeout=20_000,
    )
    assert frame.locator("img[src='x']").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.close()


def test_gap_question_in_three_clicks_then_download(browser: Browser, app_url: str) -> None:
    """Which parks in Đồng Nai and TP. HCM are below the 20 % RECP threshold in 2024? Nav, Đồng Nai, TP. HCM."""
    import csv
    import io

    from eipmap.ingest.loading import load_dataset
    from tests.analysis.test_gaps import independent_answer

    expected = independent_answer()
    names = load_dataset().parks.set_index("park_id")["name_vi"]
    page, _ = open_app(browser, app_url)
    page.get_by_role("link", name="Khoảng cách tới mục tiêu").click()  # 1
    main = page.locator("[data-testid='stMain']")  # not the map page's own pills while the page switches
    main.get_by_text("Khoảng cách tối thiểu (% mục tiêu)").first.wait_for(state="visible", timeout=30_000)
    main.get_by_role("button", name="Đồng Nai", exact=True).click()  # 2
    main.get_by_role("button", name="TP. Hồ Chí Minh", exact=True).click()  # 3
    wait_for_text(page, f"{len(expected)} KCN khớp bộ lọc")
    frame = map_frame(page)
    frame.wait_for_function(
        "([n, dimmed]) => Object.values((window.eipMap || window.map)._layers).filter(l => l.feature"
        " && l.feature.properties.kind === 'park' && l.options.fillColor !== dimmed).length === n",
        arg=[len(expected), DIMMED_FILL],
        polling="raf",
        timeout=20_000,
    )
    shot(page, "gaps-dongnai-hcmc-recp-2024")
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải CSV").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["Khu công nghiệp"] for r in rows} == {names[p] for p in expected}
    assert "Khoảng cách tới mục tiêu (%)" in rows[0]
    page.close()


def test_deep_link_on_a_fresh_server_restores_the_view(browser: Browser) -> None:
    """The first request a just-started server sees is a copied link (the hardest case for routing)."""
    with streamlit_server() as url:
        page, _ = open_app(browser, f"{url}/?lang=en&indicator=KPI-09&year=2022&park=amata-bien-hoa")
        page.get_by_role("heading", name="Amata Industrial Park (AMATA City Bien Hoa)").wait_for(timeout=30_000)
        wait_for_text(page, "Legend: Overall eco-industrial park compliance")
        assert page.get_by_role("link", name="Gap analysis").count() == 1  # app.py's navigation, not file names
        page.close()


def test_language_switch_and_copied_link_in_a_new_context(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url)
    page.get_by_text("English", exact=True).click()
    wait_for_text(page, "Legend:")
    page.get_by_text("Tiếng Việt", exact=True).click()
    wait_for_text(page, "Chú giải:")
    choose(page, "Nhóm chỉ số", "Tổng hợp")
    wait_for_text(page, "Chú giải: Mức tuân thủ tiêu chuẩn KCN sinh thái")
    click_park(page, "hiep-phuoc")
    page.get_by_role("heading", name="KCN Hiệp Phước").wait_for(timeout=30_000)
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Hiep Phuoc Industrial Park").wait_for(timeout=30_000)
    page.get_by_role("button", name="Copy a link to this view").click()
    link = page.locator("[data-testid='stPopoverBody'] code").first.inner_text().strip()
    assert "park=hiep-phuoc" in link and "indicator=KPI-09" in link and "lang=en" in link
    page.close()
    fresh = browser.new_context(viewport={"width": 1600, "height": 1000})
    other = fresh.new_page()
    other.route("**/*", Offline())
    other.goto(link)
    map_frame(other)
    other.get_by_role("heading", name="Hiep Phuoc Industrial Park").wait_for(timeout=30_000)
    wait_for_text(other, "Legend: Overall eco-industrial park compliance (%) · 2024")
    assert other.get_by_role("link", name="Gap analysis").count() == 1  # navigation in the link's language too
    fresh.close()


def test_download_the_deck_from_the_sidebar(browser: Browser, app_url: str) -> None:
    from pptx import Presentation

    page, _ = open_app(browser, app_url)
    click_park(page, "hoa-khanh")
    wait_for_text(page, HOA_KHANH_COUNTS)
    page.get_by_text("Xuất bản trình chiếu và bản đồ").click()
    deck = Presentation(download(page, "Tải bản trình chiếu (PPTX)").path())
    assert len(deck.slides) == 4
    assert deck.slides[2].shapes.title.text == "KCN Hòa Khánh"
    assert any(s.has_chart for s in deck.slides[2].shapes)
    assert "Leaflet 1.9.3" in Path(download(page, "Tải bản đồ tương tác (HTML)").path()).read_text(encoding="utf-8")
    page.close()


def test_presentation_mode_on_a_1920x1080_projector(browser: Browser, app_url: str) -> None:
    page, _ = open_app(browser, app_url, width=1920, height=1080)
    page.get_by_role("button", name="Chế độ trình chiếu").click()
    page.get_by_role("button", name="Tiếp ▶").wait_for(timeout=30_000)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible", timeout=30_000)
    shot(page, "present-1-overview-1920x1080")
    for step in range(2, 9):  # the provinces (five pilot, then Ninh Bình), then DEEP C
        page.get_by_role("button", name="Tiếp ▶").click()
        page.get_by_text(f"({step}/13)").wait_for(timeout=30_000)
    wait_for_text(page, "Mức sẵn sàng công nhận:")
    page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible", timeout=30_000)
    shot(page, "present-7-deep-c-1920x1080")
    page.get_by_role("button", name="✕ Thoát").click()
    page.locator("[data-testid='stSidebar']").wait_for(state="visible", timeout=30_000)
    page.close()


@pytest.mark.parametrize(
    ("lang", "size", "words"),
    [("vi", (1600, 1000), "trung tâm phường, xã"), ("en", (1920, 1080), "centre of the ward or commune")],
)
def test_a_park_placed_at_its_wards_centre_says_so_when_hovered(
    browser: Browser, app_url: str, lang: str, size: tuple[int, int], words: str
) -> None:
    """Gò Dầu's source names only its commune: drawn at that commune's centre, and the hover says so."""
    page, _ = open_app(browser, f"{app_url}/?lang={lang}", *size)
    tooltip = click_park(page, "go-dau", zoom=12)
    assert words in tooltip and ("5 km" in tooltip)
    wait_for_text(page, "Gò Dầu" if lang == "vi" else "Go Dau")
    shot(page, f"ward-centre-go-dau-{lang}-{size[0]}x{size[1]}")
    page.close()
