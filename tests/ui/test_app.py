"""Page tests in-process with Streamlit's AppTest; a click is simulated through the component's value."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from eipmap.config import DATA_DIR_ENV, REPO_DIR
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import t
from eipmap.ingest.disk_cache import CACHE_DIR_ENV
from eipmap.ingest.loading import load_dataset
from eipmap.releases.store import DATABASE_URL_ENV
from eipmap.render.maps.features import DIMMED_FILL
from eipmap.ui import layout, state
from eipmap.ui.park_panel import OTHER_INDICATORS_KEY
from tests.apptest_support import click_park_map, park_map_data, park_map_layer

APP = str(REPO_DIR / "app.py")
TIMEOUT = 90


def click(at: AppTest, park_id: str) -> None:
    """What the browser component sends back when a park is clicked."""
    click_park_map(at, park_id)


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    parts += [i.value for i in at.info] + [e.value for e in at.error] + [c.value for c in at.code]
    return "\n".join(str(p) for p in parts)


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def test_map_page_renders_in_vietnamese(app: AppTest) -> None:
    assert app.title[0].value == "Bản đồ khu công nghiệp sinh thái Việt Nam"
    assert "Chú giải" in texts(app)
    assert "Bấm vào một khu công nghiệp" in texts(app)


def test_the_map_gets_its_big_layers_by_content_hashed_url(app: AppTest) -> None:
    data = park_map_data(app)
    assert data["static_url"] == "/app/static/vendor"  # Leaflet from the app itself
    for name in ("base", "parks"):
        assert str(data[name]["url"]).startswith("/app/static/gen/")  # fetched once, cached by the browser
    parks = park_map_layer(app, "parks")["parks"]
    assert {p["id"] for p in parks} == set(load_dataset().parks.dropna(subset=["lat", "lon"])["park_id"])
    assert data["selection"] is None and data["dimmed"] == []


def test_click_on_a_park_opens_its_panel(app: AppTest) -> None:
    click(app, "hoa-khanh")
    assert not app.exception
    assert app.session_state[state.SELECTED_PARK] == "hoa-khanh"
    body = texts(app)
    assert "Đang vận hành: 1 · Tiềm năng: 2 · Không còn khả thi/đã dừng: 3" in body
    assert any("KCN Hòa Khánh" in s.value for s in app.subheader)
    selection = park_map_data(app)["selection"]
    assert selection["park"] == "hoa-khanh" and selection["ring"] is not None
    assert "tn-wwtp" not in str(selection)  # only the selected park's firms are drawn
    assert len(selection["links"]) == 6 and selection["firms"]


def test_other_indicators_are_drawn_only_when_opened(app: AppTest) -> None:
    click(app, "hoa-khanh")
    assert [c.proto.id for c in app.get("plotly_chart")]  # the trend chart
    charts = len(app.get("plotly_chart"))
    app.session_state[OTHER_INDICATORS_KEY] = True  # what opening the expander sends
    app.run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == charts + 1  # the small multiples, built on opening
    spec = json.loads(app.get("plotly_chart")[1].proto.spec)
    assert len(spec["data"]) >= 2 and all(tr["type"] == "scatter" for tr in spec["data"])


def test_click_another_park_then_clear_then_same_again(app: AppTest) -> None:
    click(app, "hoa-khanh")
    click(app, "amata-bien-hoa")
    assert any("Amata" in s.value for s in app.subheader)
    app.button(key="clear-selection").click().run()
    assert app.session_state[state.SELECTED_PARK] is None
    click(app, "amata-bien-hoa")
    assert app.session_state[state.SELECTED_PARK] == "amata-bien-hoa"


def test_changing_the_indicator_recolours_the_parks(app: AppTest) -> None:
    before = park_map_data(app)["parks"]
    colours = {p["id"]: p["style"]["fillColor"] for p in park_map_layer(app, "parks")["parks"]}
    app.selectbox(key=state.widget_key(state.CATEGORY, "vi")).select_index(
        4
    ).run()  # another category → another indicator
    assert not app.exception
    assert park_map_data(app)["parks"] != before  # another file: the browser fetches the new colours once
    assert park_map_data(app)["base"] is not None
    assert colours != {p["id"]: p["style"]["fillColor"] for p in park_map_layer(app, "parks")["parks"]}


def test_base_map_identity_survives_selection_and_indicator_changes(app: AppTest) -> None:
    """Same component id and base layer → the map is not remounted and keeps the user's view."""
    from tests.apptest_support import park_map

    key, base = park_map(app).proto.id, park_map_data(app)["base"]  # type: ignore[attr-defined]
    click(app, "tra-noc-1")
    app.select_slider(key=state.widget_key(state.YEAR, "vi")).set_value(2021).run()
    assert park_map(app).proto.id == key and park_map_data(app)["base"] == base  # type: ignore[attr-defined]


def test_english_switch_keeps_the_view(app: AppTest) -> None:
    app.selectbox(key=state.widget_key(state.CATEGORY, "vi")).set_value("overall").run()
    app.select_slider(key=state.widget_key(state.YEAR, "vi")).set_value(2022).run()
    app.radio(key=state.LANGUAGE_WIDGET).set_value("en").run()
    assert app.title[0].value == "Viet Nam eco-industrial park map"
    assert app.selectbox(key=state.widget_key(state.CATEGORY, "en")).value == "overall"
    assert app.select_slider(key=state.widget_key(state.YEAR, "en")).value == 2022
    assert "Legend: " + escape_markdown("Overall eco-industrial park compliance") in texts(app)  # names are escaped
    click(app, "amata-bien-hoa")
    assert "Operating:" in texts(app)


def test_search_without_diacritics_selects_a_park(app: AppTest) -> None:
    app.text_input(key=state.PARK_QUERY).input("hoa khanh").run()
    app.radio(key=state.PARK_PICK).set_value("hoa-khanh").run()
    assert app.session_state[state.SELECTED_PARK] == "hoa-khanh"


def test_search_by_old_province_explains_the_merger(app: AppTest) -> None:
    app.text_input(key=state.PARK_QUERY).input("Bình Dương").run()
    assert "là tên tỉnh trước ngày 1/7/2025" in texts(app)


def test_about_page(app: AppTest) -> None:
    app.switch_page("pages/about.py").run()
    assert not app.exception
    coverage, provenance = app.dataframe[0].value, app.dataframe[1].value
    assert list(coverage["Số KCN theo nguồn công bố"]) == [40, 25, 13, 52, 66]  # first: what the dataset covers
    assert "Số liệu minh họa" in str(provenance)


def test_broken_data_shows_the_problem_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "data"
    shutil.copytree(REPO_DIR / "data", broken)
    parks = broken / "parks" / "parks.csv"
    parks.write_text(parks.read_text(encoding="utf-8").replace("16.078,108.14", "45.5,108.14"), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(broken))
    monkeypatch.delenv(DATABASE_URL_ENV)  # a database of its own, beside the broken copy
    monkeypatch.delenv(CACHE_DIR_ENV)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert "parks/parks.csv, row 4 (line 5), column 'lat'" in texts(at)


@pytest.fixture(scope="module")
def huge_figures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data with one Hòa Khánh link carrying figures an upload accepts but Babel could not format."""
    folder = tmp_path_factory.mktemp("huge") / "data"
    shutil.copytree(REPO_DIR / "data", folder)
    links = pd.read_csv(folder / "symbiosis" / "links.csv", dtype=str, keep_default_na=False)
    row = links.index[links["park_id"] == "hoa-khanh"][1]
    huge = ["1e30", "t/year", "1e29", "1e300"]
    links.loc[row, ["quantity", "quantity_unit", "co2_t_per_year", "money_usd_per_year"]] = huge
    links.to_csv(folder / "symbiosis" / "links.csv", index=False)
    return folder


@pytest.mark.parametrize("page", [path for path, *_ in layout.PAGES])
def test_huge_accepted_figures_break_no_section(page: str, huge_figures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(huge_figures))
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{huge_figures.parent / 'eipmap.sqlite'}")
    at = deep_link(page, park="hoa-khanh", step="9")
    if page == "pages/map.py":
        assert any((d.value == 1e30).any().any() for d in at.dataframe)  # the link's figure is in its table
    assert [e.value for e in at.error] == []


@pytest.mark.parametrize(
    ("page", "heading"),
    [
        ("pages/gaps.py", "Phân tích khoảng cách tới mục tiêu"),
        ("pages/readiness.py", "Mức sẵn sàng công nhận KCN sinh thái"),
        ("pages/compare.py", "So sánh các khu công nghiệp"),
    ],
)
def test_analysis_pages_render(app: AppTest, page: str, heading: str) -> None:
    app.switch_page(page).run()
    assert not app.exception
    assert any(h.value == heading for h in app.header)


def test_gap_page_answers_the_headline_question(app: AppTest) -> None:
    from tests.analysis.test_gaps import independent_answer

    app.switch_page("pages/gaps.py").run()
    pills = app.get("button_group")[0]
    pills.set_value(["75", "79"]).run()
    assert not app.exception
    table = app.dataframe[0].value
    names = set(table["Khu công nghiệp"])
    from eipmap.ingest.loading import load_dataset

    name_of = load_dataset().parks.set_index("park_id")["name_vi"]
    assert names == {name_of[p] for p in independent_answer()}


def test_map_page_filter_greys_other_parks(app: AppTest) -> None:
    pills = app.get("button_group")[0]
    pills.set_value(["48"]).run()
    data = park_map_data(app)
    assert data["dim_style"]["fillColor"] == DIMMED_FILL
    parks = load_dataset().parks.set_index("park_id")
    dimmed = set(data["dimmed"])
    assert dimmed and all(parks.at[p, "province_code"] != "48" for p in dimmed)  # parks outside Đà Nẵng greyed
    assert set(parks.index) - dimmed


def test_readiness_card_for_a_demonstration_park(app: AppTest) -> None:
    app.switch_page("pages/readiness.py").run()
    tables = [d.value for d in app.dataframe if "Căn cứ pháp lý" in d.value.columns]  # not the what-if's editor
    assert len(tables) >= 7  # the chosen park + six demonstration-park cards
    assert all(t["Căn cứ pháp lý"].str.contains("Decree 35/2022/NĐ-CP Art. 37").all() for t in tables[:7])


def test_presentation_mode_steps_through_the_story(app: AppTest) -> None:
    app.button(key="present-start").click().run()
    assert not app.exception
    assert "Các tỉnh, thành phố" in texts(app)
    for _ in range(7):  # the five pilot provinces, then Ninh Bình (the 2014–2019 pilot)
        app.button(key="present-next").click().run()
    assert r"KCN Đình Vũ \(DEEP C Hải Phòng I\)" in texts(app)  # the title is data: Markdown-escaped
    assert "Mức sẵn sàng công nhận" in texts(app)
    app.button(key="present-prev").click().run()
    assert "Ninh Bình" in texts(app)


def deep_link(page: str, **params: str) -> AppTest:
    """A fresh session opened on ``page`` with ``params`` in the address bar."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page(page)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


def test_gap_filters_travel_in_the_url() -> None:
    at = deep_link("pages/gaps.py", indicator="KPI-09", year="2024", prov="48", below="0")
    assert at.get("button_group")[0].value == ["48"]
    table = at.dataframe[0].value
    assert set(table["Tỉnh, thành phố"]) == {"Đà Nẵng"}
    at.checkbox(key=state.widget_key(f"{state.GAP_DEMO}.full", "vi")).check().run()
    assert at.query_params["demo"] == "1"
    assert at.query_params["prov"] == "48"
    assert "gap" not in at.query_params  # defaults stay out of the link


def test_map_filter_travels_in_the_url(app: AppTest) -> None:
    app.get("button_group")[0].set_value(["92", "79"]).run()
    assert app.query_params["prov"] == "92,79"
    again = deep_link("pages/map.py", prov="92,79")
    assert again.get("button_group")[0].value == ["92", "79"]


def test_presentation_step_travels_in_the_url() -> None:
    at = deep_link("pages/present.py", step="8")
    assert r"KCN Đình Vũ \(DEEP C Hải Phòng I\)" in texts(at)  # the title is data: Markdown-escaped
    at.button(key="present-next").click().run()
    assert at.query_params["step"] == "9"


def test_bad_filter_in_the_url_is_a_notice_not_an_error() -> None:
    at = deep_link("pages/gaps.py", prov="48,xx", gap="lots")
    assert at.get("button_group")[0].value == []
    assert any("prov" in str(t.value) and "gap" in str(t.value) for t in at.toast)


@pytest.mark.parametrize(
    "page", ["pages/map.py", "pages/gaps.py", "pages/readiness.py", "pages/compare.py", "pages/about.py"]
)
def test_every_table_shown_has_csv_and_excel_downloads(page: str) -> None:
    at = deep_link(page, park="hoa-khanh", prov="48", below="0")
    if page == "pages/map.py":
        click(at, "hoa-khanh")
    labels = [str(b.proto.label) for b in at.get("download_button")]
    tables = sum(1 for d in at.dataframe if not d.proto.editing_mode)  # tables shown, not the what-if's editor
    assert tables >= 1
    assert labels.count("Tải CSV") == tables
    assert labels.count("Tải Excel") == tables


def _store_with_admin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, releases: int = 1) -> Any:
    """A seeded SQLite store the app will use, with ``releases`` releases and an admin account."""
    from eipmap.releases.accounts import Role, add_user
    from eipmap.releases.store import Store

    url = f"sqlite:///{tmp_path / 'eipmap.sqlite'}"
    store = Store(url)
    store.seed_from(REPO_DIR / "data")
    for n in range(2, releases + 1):
        store.publish(lambda _l, c: dict(c), author="danang-editor", kind="upload", note=f"lần {n}")
    add_user(store, "admin", "admin-password-1", Role.ADMIN, None)
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    return store


def _sign_in_on_releases(password: str = "admin-password-1") -> AppTest:
    """The releases page, then the admin signs in from the sidebar."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("pages/releases.py").run()
    assert not at.exception
    assert "Khôi phục bản phát hành (quản trị viên)" not in texts(at)  # not for a viewer
    at.text_input(key="sign-in-user").input("admin")
    at.text_input(key="sign-in-password").input(password)
    at.button[[b.label for b in at.button].index("Đăng nhập")].click().run()
    assert not at.exception
    return at


def test_admin_signs_in_and_re_publishes_an_earlier_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store_with_admin(tmp_path, monkeypatch, releases=2)
    at = _sign_in_on_releases()
    assert "Khôi phục bản phát hành (quản trị viên)" in texts(at)
    at.selectbox(key="rollback-pick").select(1)
    at.text_input(key="rollback-note").input("quay lại dữ liệu gốc")
    at.button[[b.label for b in at.button].index("Phát hành lại bản này")].click().run()
    assert not at.exception
    assert store.latest_id() == 3
    assert store.release(3).kind == "rollback" and store.release(3).author == "admin"
    assert store.files(3) == store.files(1)


def test_viewer_sees_no_upload_form_on_a_deep_link() -> None:
    at = deep_link("pages/update.py")
    assert not at.get("file_uploader")
    assert "Chỉ tài khoản biên tập mới tải lên" in texts(at)


def test_the_dashboard_runs_on_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    from eipmap.releases.store import Store
    from tests.conftest import postgres_url

    url = postgres_url()  # emptied: the app seeds release 1 itself
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert "Chú giải:" in texts(at)
    click(at, "hoa-khanh")
    assert any(s.value == "KCN Hòa Khánh" for s in at.subheader) or "KCN Hòa Khánh" in texts(at)
    store = Store(url)
    assert [r.kind for r in store.history()] == ["seed"]
    store.engine.dispose()


def test_a_changed_account_is_signed_out_at_its_next_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eipmap.releases.accounts import Role, add_user

    store = _store_with_admin(tmp_path, monkeypatch)
    at = _sign_in_on_releases()
    assert "Khôi phục bản phát hành (quản trị viên)" in texts(at)
    add_user(store, "admin", "a-new-password-2", Role.ADMIN, None)  # e.g. the password was reset elsewhere
    at.run()
    assert not at.exception
    assert "Khôi phục bản phát hành (quản trị viên)" not in texts(at)
    assert state.ACCOUNT not in at.session_state  # signed out
    store.engine.dispose()


def test_a_full_disk_refuses_the_rollback_with_a_message_and_it_works_once_freed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eipmap.ui import cache
    from tests.conftest import unwritable

    store = _store_with_admin(tmp_path, monkeypatch, releases=2)
    at = _sign_in_on_releases()
    served = cache.store()  # the app's own store (same process), so its connections meet the fault
    assert served.url == store.url
    with unwritable(served, "full"):
        at.selectbox(key="rollback-pick").select(1)
        at.button[[b.label for b in at.button].index("Phát hành lại bản này")].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Không lưu được: ổ đĩa của máy chủ đã đầy. Chưa có gì được phát hành."]
    assert any("database or disk is full" in c.value for c in at.code)
    assert store.latest_id() == 2
    at.button[[b.label for b in at.button].index("Phát hành lại bản này")].click().run()  # space freed: try again
    assert not at.exception and not at.error
    assert store.latest_id() == 3 and store.release(3).kind == "rollback"
    store.engine.dispose()


def test_sign_in_is_throttled_by_the_address_it_comes_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A spray from this session's address (loopback: "local") blocks even the right password, with a message."""
    from eipmap.releases.accounts import MAX_CLIENT_FAILURES, LoginError, sign_in

    store = _store_with_admin(tmp_path, monkeypatch)
    for i in range(MAX_CLIENT_FAILURES):
        with pytest.raises(LoginError):
            sign_in(store, f"name-{i}", "guess", client="local")
    at = _sign_in_on_releases()
    assert any(e.value.startswith("Quá nhiều lần đăng nhập sai từ địa chỉ này") for e in at.error)
    assert state.ACCOUNT not in at.session_state
    store.engine.dispose()


def _damaged_store(tmp_path: Path, damage: str) -> str:
    import sqlalchemy as sa

    from eipmap.releases.store import Store
    from eipmap.releases.store_schema import release_files

    path = tmp_path / "eipmap.sqlite"
    store = Store(f"sqlite:///{path}")
    store.seed_from(REPO_DIR / "data")
    if damage == "a value edited in the database":
        with store.engine.begin() as conn:
            old = conn.execute(sa.select(release_files.c.content).where(release_files.c.path.like("%values%"))).scalar()
            conn.execute(release_files.update().where(release_files.c.path.like("%values%")).values(content=old[:-40]))
    store.engine.dispose()
    if damage == "a truncated database file":
        path.write_bytes(path.read_bytes()[:3000])
    return f"sqlite:///{path}"


@pytest.mark.parametrize("damage", ["a value edited in the database", "a truncated database file"])
def test_a_damaged_release_store_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, _damaged_store(tmp_path, damage))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "Không đọc được cơ sở dữ liệu các bản phát hành" in shown, shown
    if damage == "a value edited in the database":
        assert "differs from the SHA-256 recorded when published" in shown


def test_candidates_are_drawn_only_while_the_finder_is_open(app: AppTest) -> None:
    from eipmap.render.maps.features import CANDIDATE_COLOUR, CANDIDATE_DASH
    from eipmap.ui.opportunity_panel import OPEN_KEY

    click(app, "hoa-khanh")
    assert park_map_data(app)["candidates"] is None
    app.session_state[OPEN_KEY] = True  # what opening the expander sends
    app.run()
    assert not app.exception
    data = park_map_data(app)
    assert len(data["candidates"]) == 4  # Hòa Khánh's four candidates, one dash-dot line each
    assert data["candidate_style"] == {"colour": CANDIDATE_COLOUR, "dash": CANDIDATE_DASH}
    assert "Đề xuất, chưa phải liên kết #1" in str(data["candidates"])
    app.button(key="clear-selection").click().run()  # the finder stays open, no park: nothing drawn, no error
    assert not app.exception and park_map_data(app)["candidates"] is None


def test_the_lifecycle_is_drawn_when_opened_and_in_the_presentation(app: AppTest) -> None:
    from eipmap.ui.park_panel import LIFECYCLE_KEY

    click(app, "hoa-khanh")
    assert not [c for c in app.get("plotly_chart") if "lifecycle" in c.proto.id]
    app.session_state[LIFECYCLE_KEY] = True  # what opening the expander sends
    app.run()
    assert not app.exception
    (chart,) = [c for c in app.get("plotly_chart") if "lifecycle" in c.proto.id]
    spec = json.loads(chart.proto.spec)
    operating = next(tr for tr in spec["data"] if tr["name"] == "Đang vận hành")
    assert operating["y"][-1] == 1 and spec["layout"]["barmode"] == "stack"
    present = AppTest.from_file(str(REPO_DIR / "app.py"), default_timeout=120)
    present.switch_page("pages/present.py")
    present.query_params["step"] = "8"  # a demonstration park's step (the steps are swept elsewhere)
    present.run()
    assert not present.exception
    charts = [c.proto.id for c in present.get("plotly_chart")]
    assert any("present-lifecycle" in c for c in charts), charts


def test_a_what_if_on_the_readiness_page_changes_the_verdict_and_the_province_count() -> None:
    """Hiệp Phước, 2024: with its two potential links operating it would meet every criterion.

    Today it lacks data for Art. 37(2)(b); in the scenario it meets all, and TP. Hồ Chí Minh would count one park
    more. The scenario is marked as such and never published.
    """
    from eipmap.releases.store import Store, default_url
    from tests.sweep_support import session

    at = session("pages/readiness.py", "vi", park="hiep-phuoc", year="2024")
    assert not at.exception
    releases = Store(default_url()).latest_id()
    before = len(at.dataframe)
    assert "Chưa có giả định nào" in texts(at)
    at.multiselect(key="whatif-readiness-links").set_value(["IL-HP-04", "IL-HP-05"]).run()
    assert not at.exception
    assert "KỊCH BẢN GIẢ ĐỊNH — không phải số liệu" in [w.value for w in at.warning]
    assert any("Đáp ứng tất cả tiêu chí" in s.value for s in at.success)
    assert "hiện nay 0, theo kịch bản 1" in texts(at)
    assert len(at.dataframe) == before + 2  # the criteria side by side, and the category scores
    assert Store(default_url()).latest_id() == releases  # nothing published: a scenario is never data


def test_a_what_if_in_the_park_panel(app: AppTest) -> None:
    from eipmap.ui.whatif_panel import WHATIF_KEY

    click(app, "hoa-khanh")
    app.session_state[WHATIF_KEY] = True  # what opening the expander sends
    app.run()
    assert not app.exception
    app.multiselect(key="whatif-panel-links").set_value(["IL-HK-02"]).run()
    assert not app.exception
    assert "KỊCH BẢN GIẢ ĐỊNH — không phải số liệu" in [w.value for w in app.warning]
    (table,) = [d.value for d in app.dataframe if "Kết quả theo kịch bản" in d.value.columns]
    changed = table[table["Thay đổi"] == "Kịch bản"]
    assert list(changed["Tiêu chí"]) == ["Số liên kết cộng sinh công nghiệp đang vận hành"]
    assert (changed["Giá trị theo kịch bản"] == changed["Giá trị hiện nay"] + 1).all()


def test_the_map_asks_to_be_told_it_is_drawn_only_where_the_overview_waits_for_it() -> None:
    """Telling costs a whole run: asked at the overview of a target-scored indicator, not on a park's deep link."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["park"] = "hoa-khanh"
    at.run()
    assert not at.exception and park_map_data(at)["tell_drawn"] is False  # a park's panel: nothing waits
    at.button(key="clear-selection").click().run()
    assert park_map_data(at)["tell_drawn"] is True  # the overview's chart waits for the drawn map
    at.session_state[state.MAP_KEY] = {"drawn": True}  # what the browser reports once it drew the map
    at.run()
    assert park_map_data(at)["tell_drawn"] is False  # told once; the chart is there
    assert t("overview.status_chart", "vi") in texts(at)
