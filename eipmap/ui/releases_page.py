"""Release history, "data as of" an earlier release, and (admins) re-publishing one and the account list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from eipmap.config import data_dir
from eipmap.display.update_view import change_tables, failure_table, history_table, release_date
from eipmap.domain.dataset import Dataset
from eipmap.i18n import t
from eipmap.releases.accounts import Role, list_users
from eipmap.releases.shipped import publish_shipped
from eipmap.releases.store import StoreUnwritable
from eipmap.releases.update import UploadRejected
from eipmap.ui import cache, state
from eipmap.ui.auth import current_account
from eipmap.ui.sections import store_refused
from eipmap.ui.tables import show_table

NEWEST = 0  # the picker's value for "the newest release", whatever its number is by then


def as_of_picker(lang: str) -> None:
    """Sidebar choice of the release the dashboard shows, and a notice when it is not the newest."""
    history = cache.store().history()
    latest = history[0]
    by_id = {r.release_id: r for r in history}
    options = [NEWEST, *(r.release_id for r in history[1:])]
    current = st.session_state.get(state.AS_OF) or NEWEST
    # one widget per newest release: its labels name that release, and a browser still holding the label of
    # an older "newest" (after a publish) would send back text Streamlit can no longer map to an option
    key = f"{state.widget_key(state.AS_OF, lang)}.{latest.release_id}"

    def remember() -> None:  # before the rerun, so the rerun already loads the chosen release
        st.session_state[state.AS_OF] = st.session_state[key] or None

    chosen = st.sidebar.selectbox(
        t("releases.as_of", lang),
        options,
        index=options.index(current) if current in options else 0,
        key=key,
        on_change=remember,
        format_func=lambda rid: (
            t("releases.latest", lang, release=latest.release_id)
            if rid == NEWEST
            else t("releases.option", lang, release=rid, date=release_date(by_id[rid]))
        ),
    )
    chosen = chosen if chosen in by_id else NEWEST  # anything but a known release id means the newest
    st.session_state[state.AS_OF] = chosen or None
    if chosen:
        st.info(
            t("releases.viewing_old", lang, release=chosen, date=release_date(by_id[chosen]), latest=latest.release_id),
            icon=":material/history:",
        )


def _is_admin() -> bool:
    account = current_account()
    return account is not None and account.role is Role.ADMIN


def shipped_notice(lang: str) -> None:
    """Tell a signed-in admin, on every page, that the shipped data changed and is not yet published."""
    if not _is_admin() or cache.shipped_change() is None:
        return
    st.warning(t("releases.shipped_notice", lang), icon=":material/sync_problem:")
    st.page_link("pages/releases.py", label=t("releases.shipped_open", lang), icon=":material/inventory_2:")


def _shipped_section(data: Dataset, lang: str) -> None:
    """The shipped data's change: preview, problems, and publish with a note."""
    change = cache.shipped_change()
    if change is None:
        return
    account = current_account()
    assert account is not None
    st.subheader(t("releases.shipped_title", lang), anchor=False)
    st.markdown(t("releases.shipped_intro", lang, release=change.imported_in, changes=len(change.changes)))
    summary, detail = change_tables(change.changes, data.parks, lang)
    show_table(summary, lang, key="shipped-summary", name="shipped-summary")
    with st.expander(t("update.detail", lang)):
        show_table(detail, lang, key="shipped-detail", name="shipped-detail")
    if not change.ok:
        st.error(t("releases.shipped_invalid", lang))
        show_table(failure_table(change.failures, lang), lang, key="shipped-failures", name="shipped-failures")
        return
    with st.form("publish-shipped"):
        note = st.text_input(t("releases.shipped_note", lang), key="shipped-note")
        if st.form_submit_button(t("releases.shipped_publish", lang), type="primary"):
            try:
                new = publish_shipped(cache.store(), data_dir(), author=account.username, note=note.strip() or None)
            except UploadRejected as err:
                st.error(t("releases.shipped_invalid", lang))
                show_table(failure_table(err.failures, lang), lang, key="shipped-failed", name="shipped-failed")
                return
            except StoreUnwritable as err:
                store_refused(err, lang)
                return
            st.session_state[state.AS_OF] = None
            st.success(t("releases.shipped_published", lang, release=new))
            st.rerun()


def _rollback_section(older: list[int], author: str, lang: str) -> None:
    """An admin re-publishes an earlier release as the newest."""
    st.subheader(t("releases.rollback", lang), anchor=False)
    if not older:
        return
    with st.form("rollback"):
        source = st.selectbox(t("releases.rollback_pick", lang), older, key="rollback-pick")
        note = st.text_input(t("releases.rollback_note", lang), key="rollback-note")
        if st.form_submit_button(t("releases.rollback_button", lang)):
            try:
                new = cache.store().rollback(int(source), author=author, note=note.strip() or None)
            except StoreUnwritable as err:
                store_refused(err, lang)
            else:
                st.session_state[state.AS_OF] = None
                st.success(t("releases.rolled_back", lang, release=new, source=source))


def render(data: Dataset, lang: str) -> None:
    """Draw the release history."""
    store = cache.store()
    st.header(t("releases.title", lang), anchor=False)
    st.caption(t("releases.intro", lang))
    history = store.history()
    show_table(
        history_table(history, lang), lang, key="releases", name="releases", plain=(t("releases.col_release", lang),)
    )
    account = current_account()
    if account is None or account.role is not Role.ADMIN:
        return
    _shipped_section(data, lang)
    _rollback_section([r.release_id for r in history[1:]], account.username, lang)
    st.subheader(t("releases.users", lang), anchor=False)
    accounts = list_users(store)
    show_table(
        pd.DataFrame(
            {
                t("releases.col_user", lang): [a.username for a in accounts],
                t("releases.col_role", lang): [a.role.value for a in accounts],
                t("releases.col_province", lang): [a.province_code or "" for a in accounts],
            }
        ),
        lang,
        key="accounts",
        name="accounts",
    )
