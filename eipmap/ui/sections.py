"""Sections that fail alone: a short bilingual message in their place, the traceback in the server log.

Every screen is drawn as named sections (map, panel header, trend, links, tables, exports …).
A section that raises shows "this part could not be drawn" where it would have been; the
rest of the screen — above all the map — stays usable. Streamlit's own control flow
(``st.rerun``, ``st.stop``, ``st.switch_page``) raises ``BaseException`` subclasses, which
``except Exception`` lets through untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from eipmap.i18n import t
from eipmap.releases.store import StoreUnwritable

LOG = logging.getLogger("eipmap.sections")
SECTIONS = (
    "map",
    "legend",
    "overview",
    "panel_header",
    "trend",
    "small_multiples",
    "facts",
    "links",
    "sankey",
    "lifecycle",
    "opportunities",
    "whatif",
    "exports",
    "sidebar",
    "page",
)


@contextmanager
def section(name: str, lang: str) -> Iterator[None]:
    """Draw the body in its own container; if it raises, replace what it drew with a message.

    ``name`` is one of ``SECTIONS`` (each has a bilingual label in the locales).
    """
    holder = st.empty()
    try:
        with holder.container():
            yield
    except Exception:
        LOG.exception("section %r failed", name)
        holder.error(t("section.failed", lang, section=t(f"section.{name}", lang)), icon=":material/error:")


def store_refused(err: StoreUnwritable, lang: str) -> None:
    """Why a publish did not land (disk full, read-only, busy), and the database's own words for an admin."""
    LOG.warning("publish refused by the database: %s", err)
    st.error(t(f"store.{err.why}", lang), icon=":material/database:")
    st.caption(t("store.detail", lang))
    st.code(err.detail, language=None)
