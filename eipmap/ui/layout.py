"""Page furniture shared by every screen: title, illustrative-data banner, data errors, CSS."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from eipmap import private_api
from eipmap.config import PACKAGE_DIR, REPO_DIR
from eipmap.domain.dataset import Dataset
from eipmap.domain.errors import DataValidationError
from eipmap.i18n import t
from eipmap.releases.store import ReleaseTampered, default_url
from eipmap.render.maps.assets import AssetsMissingError, install_assets
from eipmap.ui import auth, cache, releases_page, state, urlstate, widgets
from eipmap.ui.sections import section

LOG = logging.getLogger("eipmap.layout")
CSS = """
<style>
[data-testid="stMainBlockContainer"]{padding-top:1.6rem;padding-bottom:2rem}
[data-testid="stMainBlockContainer"] h1{font-size:2.0rem;padding-top:0}
.eip-legend{display:flex;flex-wrap:wrap;gap:.35rem 1rem;margin:.2rem 0 .4rem}
.eip-swatch{display:inline-flex;align-items:center;gap:.4rem;font-size:.92rem}
.eip-swatch i{display:inline-block;width:14px;height:14px;border-radius:50%;border:1px solid #555}
</style>
"""


def inject_css() -> None:
    """Small style rules for the legend."""
    st.markdown(CSS, unsafe_allow_html=True)


PAGES = (
    ("pages/map.py", "nav.map", ":material/map:", "map"),
    ("pages/gaps.py", "nav.gaps", ":material/trending_down:", "gaps"),
    ("pages/readiness.py", "nav.readiness", ":material/verified:", "readiness"),
    ("pages/compare.py", "nav.compare", ":material/bar_chart:", "compare"),
    ("pages/about.py", "nav.about", ":material/menu_book:", "about"),
    ("pages/present.py", "nav.present", ":material/slideshow:", "present"),
    ("pages/releases.py", "nav.releases", ":material/inventory_2:", "releases"),
    ("pages/update.py", "nav.update", ":material/upload_file:", "update"),
)
SIGNED_IN_ONLY = frozenset({"update"})


FAVICON = PACKAGE_DIR / "favicon.png"  # a map point in the dashboard's navy and green


def run_app() -> None:
    """What app.py does: page config and the navigation of every page (listed explicitly)."""
    # an image file, not an emoji: Streamlit's emoji check compiles a large pattern (0.4 s of a cold start)
    st.set_page_config(page_title="eipmap", page_icon=FAVICON, layout="wide", initial_sidebar_state="expanded")
    lang = urlstate.opening_language()
    inject_css()
    pages = [
        # the default page lives at "/" (a url_path would be ignored for it)
        st.Page(
            str(REPO_DIR / path),
            title=t(key, lang),
            icon=icon,
            url_path=None if url == "map" else url,
            default=url == "map",
            # the update page is listed only for a signed-in editor; a viewer's deep link says "sign in"
            visibility="hidden" if url in SIGNED_IN_ONLY and st.session_state.get(state.ACCOUNT) is None else "visible",
        )
        for path, key, icon, url in PAGES
    ]
    _check_assets(lang)
    page = st.navigation(pages)
    st.session_state[state.CURRENT_PAGE] = page.url_path
    page.run()


@st.cache_resource(show_spinner=False)
def _assets_installed() -> bool:
    """Leaflet copied into static/vendor/ once per process (a failure is not cached: the next run tries again)."""
    install_assets()
    return True


def _check_assets(lang: str) -> None:
    """Without Leaflet the map would stay blank with no word: say so, and how to fix it."""
    try:
        _assets_installed()
    except AssetsMissingError as err:
        st.error(t("app.assets_missing", lang, detail=str(err)), icon=":material/map:")


def ensure_navigation() -> None:
    """Make a deep link work on a freshly started server (and in AppTest).

    Until ``st.navigation`` has run once in the process, Streamlit treats a ``pages/``
    folder as an old-style multipage app and runs the page file named by the URL
    directly, without app.py (no page config, file names as navigation). Then this runs
    app.py's navigation in place — which runs this page again, properly — and stops.
    """
    if private_api.leave_pages_directory_mode():  # the one private Streamlit flag: see eipmap.private_api
        run_app()
        st.stop()


def start_page() -> tuple[Dataset | None, str]:
    """Shared start of every page: routing guard, data, URL view, language, title, banner.

    Returns the dataset (None after showing what is wrong with it, never a traceback) and the language.
    """
    ensure_navigation()
    store_problem: str | None = None
    try:
        data: Dataset | None = cache.dataset()
        error: DataValidationError | None = None
    except DataValidationError as err:
        data, error = None, err
    except (ReleaseTampered, SQLAlchemyError, OSError) as err:  # a damaged, unreadable or full database
        LOG.exception("the release store cannot be used")
        data, error, store_problem = None, None, f"{type(err).__name__}: {str(err).splitlines()[0][:300]}"
    if data is not None:
        urlstate.apply_url(data)
    lang = widgets.language_picker()
    if data is not None:
        releases_page.as_of_picker(lang)
        auth.sign_in_box(lang)
    st.title(t("app.title", lang), anchor=False)
    st.caption(t("app.subtitle", lang))
    st.warning(t("app.illustrative_banner", lang), icon=":material/info:")
    if data is not None:
        releases_page.shipped_notice(lang)
    if store_problem is not None:
        where = make_url(default_url()).render_as_string(hide_password=True)  # never a password on screen
        st.error(t("app.store_error", lang, where=where, problem=store_problem), icon=":material/database:")
    if error is not None:
        st.error(t("app.data_error", lang))
        st.code("\n".join(f.describe() for f in error.failures), language=None)
    return data, lang


def finish_page(lang: str) -> None:
    """Shared end of every page: the URL follows the view, and a link to copy it."""
    urlstate.share_link(lang)


def run_screen(render: Callable[[Dataset, str], None]) -> None:
    """What every file in ``pages/`` does: the shared start, the screen as a section that fails alone, the end.

    A screen draws its own finer sections (the map page: map, panel, links …); this outer one
    catches whatever escapes them, so the sidebar, navigation and share link always stay.
    """
    data, lang = start_page()
    if data is None:
        return
    with section("page", lang):
        render(data, lang)
    finish_page(lang)
