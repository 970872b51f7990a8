"""Upload → validate → preview → publish, for signed-in editors and admins."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from eipmap.config import data_dir
from eipmap.display.update_view import change_tables, failure_table
from eipmap.domain.dataset import Dataset
from eipmap.domain.errors import Failure
from eipmap.i18n import t
from eipmap.releases.accounts import Account
from eipmap.releases.sheets import Upload
from eipmap.releases.store import StoreUnwritable, sha256
from eipmap.releases.template import build_template, error_report
from eipmap.releases.update import Checked, UploadRejected, check_upload, publish_upload
from eipmap.releases.upload import read_upload
from eipmap.ui import cache, state
from eipmap.ui.auth import current_account, role_text
from eipmap.ui.sections import store_refused
from eipmap.ui.tables import XLSX_MIME, show_table


@dataclass(frozen=True)
class Pending:
    """An upload checked against a release, kept between reruns until it is published."""

    sha: str
    release: int
    upload: Upload
    checked: Checked


def _show_failures(pending: Pending, failures: list[Failure], lang: str) -> None:
    st.error(t("update.rejected", lang, count=len(failures)))
    show_table(
        failure_table(failures, lang),
        lang,
        key="upload-failures",
        name="upload-problems",
        plain=(t("update.col_row", lang),),
    )
    if t("update.expected_language", lang):
        st.caption(t("update.expected_language", lang))
    st.download_button(
        t("update.report", lang),
        data=lambda: error_report(pending.upload, failures, [f.describe() for f in failures]),
        file_name=f"errors-{pending.upload.name.rsplit('.', 1)[0]}.xlsx",
        mime=XLSX_MIME,
        key="error-report",
        on_click="ignore",
        icon=":material/download:",
    )


def _check(account: Account, name: str, content: bytes) -> Pending:
    """Read and check the file against the newest release, once per file content and release."""
    store = cache.store()
    latest = int(store.latest_id() or 0)
    sha = sha256(content)
    pending: Pending | None = st.session_state.get(state.UPLOAD)
    if pending is None or pending.sha != sha or pending.release != latest:
        upload = read_upload(name, content)
        pending = Pending(sha, latest, upload, check_upload(upload, account, store.files(latest), data_dir()))
        st.session_state[state.UPLOAD] = pending
    return pending


PREVIEW_SEEN = "_preview_seen"


def render(data: Dataset, lang: str) -> None:
    """Draw the update screen (only reachable when signed in)."""
    account = current_account()
    st.header(t("update.title", lang), anchor=False)
    if account is None:
        st.info(t("auth.viewer_note", lang))
        return
    st.caption(role_text(account, lang))
    st.markdown(t("update.intro", lang))
    st.download_button(
        t("update.template", lang),
        data=lambda: build_template(data),
        file_name="eipmap-template.xlsx",
        mime=XLSX_MIME,
        key="template",
        on_click="ignore",
        icon=":material/description:",
    )
    done = st.session_state.pop("_published_message", None)
    if done:
        st.success(done)
    file = st.file_uploader(
        t("update.upload", lang), type=["xlsx", "csv"], key=f"upload-{st.session_state.get('_upload_round', 0)}"
    )
    if file is None:
        return
    seen = st.session_state.get(PREVIEW_SEEN)  # (file, release) of the preview drawn before this run
    pending = _check(account, file.name, file.getvalue())
    if not pending.checked.ok:
        _show_failures(pending, pending.checked.failures, lang)
        return
    if pending.checked.changes.empty:
        st.info(t("update.no_changes", lang))
        return
    st.success(t("update.valid", lang))
    st.caption(t("update.based_on", lang, release=pending.release))
    summary, detail = change_tables(pending.checked.changes, data.parks, lang)
    st.subheader(t("update.summary", lang), anchor=False)
    show_table(summary, lang, key="upload-summary", name="upload-summary")
    st.subheader(t("update.detail", lang), anchor=False)
    show_table(detail, lang, key="upload-detail", name="upload-changes")
    st.session_state[PREVIEW_SEEN] = (pending.sha, pending.release)
    # the release of the preview the editor has seen: if a newer one changed the same rows, publish stops
    based_on = seen[1] if isinstance(seen, tuple) and seen[0] == pending.sha else pending.release
    note = st.text_input(t("update.note", lang), key="publish-note", max_chars=500)
    if st.button(t("update.publish", lang), type="primary", key="publish"):
        _publish(pending, account, note.strip(), based_on, lang)


def _publish(pending: Pending, account: Account, note: str, based_on: int, lang: str) -> None:
    """Publish the previewed upload; on refusal say why and keep the upload, its preview and the note."""
    if not note:
        st.error(t("update.note_needed", lang))
        return
    try:
        release = publish_upload(
            cache.store(), pending.upload, account, sha=pending.sha, note=note, root=data_dir(), based_on=based_on
        )
    except UploadRejected as err:
        # PREVIEW_SEEN already names the release of the preview now on screen: a second click publishes that
        _show_failures(pending, err.failures, lang)
        return
    except StoreUnwritable as err:  # nothing written
        store_refused(err, lang)
        st.caption(t("store.upload_kept", lang))
        return
    st.session_state.pop(state.UPLOAD, None)
    st.session_state[state.AS_OF] = None  # the release picker is a new widget for the new release
    st.session_state["_upload_round"] = int(st.session_state.get("_upload_round", 0)) + 1
    st.session_state["_published_message"] = t(
        "update.published", lang, release=release, changes=len(pending.checked.changes)
    )
    st.rerun()
