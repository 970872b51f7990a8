"""What the sweep needs: sessions in AppTest, the three ways to pick a park, and what a healthy screen looks like.

Everything swept is enumerated from the data and the navigation (``layout.PAGES``, the dataset's parks,
indicators, years and story), never listed by hand: a new park, page or indicator is swept without anyone
remembering to add it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streamlit.testing.v1 import AppTest

from eipmap.domain.dataset import Dataset
from eipmap.domain.textnorm import escape_markdown
from eipmap.i18n import t
from eipmap.ui import layout, state
from tests.apptest_support import click_park_map

TIMEOUT = 120
PAGES = [path for path, *_ in layout.PAGES]  # every screen of the navigation
APP = "app.py"


def texts(at: AppTest) -> str:
    """Every text element of the page, joined."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    parts += [i.value for i in at.info] + [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [h.value for h in at.header] + [tt.value for tt in at.title]
    return "\n".join(str(p) for p in parts)


def failures(at: AppTest, lang: str) -> list[str]:
    """What went wrong on the screen: exceptions, and sections that showed their failure message."""
    marker = t("section.failed", lang, section="\0").split("\0")[0]
    found = [str(e.value) for e in at.exception]
    found += [str(e.value) for e in at.error if str(e.value).startswith(marker)]
    return found


def session(page: str | None, lang: str, **params: str) -> AppTest:
    """A fresh session opened on ``page`` (None: the map) in ``lang``, with ``params`` in the address bar."""
    from eipmap.config import REPO_DIR

    at = AppTest.from_file(str(REPO_DIR / APP), default_timeout=TIMEOUT)
    if page is not None:
        at.switch_page(page)
    at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    return at


@dataclass
class Clicker:
    """One user's map session: clicks parks on the map as the component reports them."""

    at: AppTest
    clicks: int = field(default=0)

    def click(self, park_id: str) -> None:
        """What the browser component sends back when a park is clicked (the counter makes each click new)."""
        self.clicks += 1
        click_park_map(self.at, park_id)

    def find(self, data: Dataset, park_id: str, lang: str) -> None:
        """Type the park's name in the finder, then pick the park among the matches."""
        name = str(data.parks.set_index("park_id").at[park_id, f"name_{lang}"])
        self.at.text_input(key=state.PARK_QUERY).input(name).run()
        self.at.radio(key=state.PARK_PICK).set_value(park_id).run()


def assert_park_panel(at: AppTest, data: Dataset, park_id: str, lang: str) -> None:
    """The panel of ``park_id``: no failure, its name as the header, a trend, its links or 'none recorded'."""
    assert not failures(at, lang), failures(at, lang)
    assert at.session_state[state.SELECTED_PARK] == park_id
    name = str(data.parks.set_index("park_id").at[park_id, f"name_{lang}"])
    # the header is Markdown, so a park's name is escaped in it (shown exactly as typed)
    assert [s.value for s in at.subheader][:1] == [escape_markdown(name)], (park_id, [s.value for s in at.subheader])
    charts = [c for c in at.get("plotly_chart") if c.proto.id and "trend-chart" in c.proto.id]
    assert len(charts) == 1, park_id  # the trend (it says which years have no data)
    own_links = (data.links["park_id"] == park_id).sum()
    body = texts(at)
    if own_links:
        assert t("panel.links", lang) in body and at.dataframe, park_id
    else:
        assert t("panel.no_links", lang) in body, park_id
