"""Warm the server before its first visitor: the first screen's modules imported, the shown release's dataset loaded.

``serve.py`` runs the app through Streamlit's public ASGI entry (``st.App``) and starts ``warm`` in a thread from its
lifespan hook, i.e. when the server starts. The warm-up then overlaps what the first visitor's browser does anyway
(loading Streamlit's own page, ≈ 1 s here) instead of following it. A session that arrives before it is done waits
on the same cache entries (Streamlit computes each once, under a lock), so nothing is done twice. A failure is only
logged: the first session meets it again and says so in its own words (``eipmap.ui.layout``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

LOG = logging.getLogger("eipmap.warm")


def warm() -> float:
    """Import what the first screen needs, load the newest release's dataset and its first map; the seconds it took."""
    started = time.perf_counter()
    from eipmap.i18n import DEFAULT_LANGUAGE
    from eipmap.ui import cache, layout, map_page  # noqa: F401 — the import is the warm-up

    key = cache.newest_release_key()  # opening the store seeds release 1 from the shipped files on a new database
    if key is not None:
        map_page.warm_first_screen(key, DEFAULT_LANGUAGE)  # the dataset, then the first screen's layers and table
    return time.perf_counter() - started


def _warm_logged() -> None:
    # imported here, as everything of the app's: the server's own start (before the thread) stays Streamlit's alone
    from sqlalchemy.exc import SQLAlchemyError

    from eipmap.domain.errors import DataValidationError
    from eipmap.releases.store import ReleaseTampered

    try:
        seconds = warm()
    except (DataValidationError, SQLAlchemyError, ReleaseTampered, OSError) as err:
        LOG.warning("warm-up stopped (%s); the first visitor's run loads the data and shows what is wrong", err)
    else:
        LOG.info("warmed in %.2f s", seconds)


def start() -> threading.Thread:
    """Start the warm-up in a daemon thread (it never holds the server's shutdown)."""
    thread = threading.Thread(target=_warm_logged, name="eipmap-warm", daemon=True)
    thread.start()
    return thread


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """``st.App``'s lifespan hook: warm up beside the server, which starts serving at once."""
    start()
    yield
