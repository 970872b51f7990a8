"""Sign-in for editors and admins (sidebar); viewing needs none.

Password accounts live in the database (``scripts/manage_users.py``) or in Streamlit
secrets under ``[eipmap.users.NAME]``; when the deployer configures ``[auth]`` for
``st.login`` (OIDC), an account whose username is the person's e-mail signs in that way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import streamlit as st

from eipmap.i18n import t
from eipmap.releases.accounts import (
    Account,
    LoginError,
    Role,
    client_of,
    expired,
    find_user,
    sign_in,
    still_valid,
    sync_users,
)
from eipmap.ui import cache, state


def _secrets(section: str) -> Mapping[str, Any]:
    try:
        value = st.secrets.get(section, {})
    except Exception:  # noqa: BLE001 - no secrets file at all raises; that simply means "not configured"
        return {}
    return value if isinstance(value, Mapping) else {}


@st.cache_resource(show_spinner=False)
def _synced(url: str) -> bool:
    """Copy accounts configured in secrets into the database, once per process."""
    configured = _secrets("eipmap").get("users", {})
    if configured:
        sync_users(cache.store(), {str(k): dict(v) for k, v in configured.items()})
    return True


def client_address() -> str:
    """The address the session's browser connected from (what sign-in is throttled by, besides the name)."""
    remote = st.context.ip_address  # None for a loopback peer (and not a string under AppTest)
    forwarded = st.context.headers.get("X-Forwarded-For")
    return client_of(remote if isinstance(remote, str) else None, forwarded if isinstance(forwarded, str) else None)


def current_account() -> Account | None:
    """The signed-in account, or None (also after the session idled too long)."""
    account = st.session_state.get(state.ACCOUNT)
    if account is None and _secrets("auth") and getattr(st.user, "is_logged_in", False):
        account = find_user(cache.store(), str(st.user.get("email", "")))
        if account is not None:
            st.session_state[state.ACCOUNT] = account
    if account is None:
        return None
    if still_valid(cache.store(), account) is None:  # moved, given a new password, or removed since sign-in
        sign_out()
        st.toast(t("auth.account_changed", st.session_state.get(state.LANGUAGE, "vi")), icon=":material/lock:")
        return None
    last = st.session_state.get(state.LAST_SEEN)
    if last is not None and expired(last):
        sign_out()
        st.toast(t("auth.expired", st.session_state.get(state.LANGUAGE, "vi")), icon=":material/lock:")
        return None
    st.session_state[state.LAST_SEEN] = datetime.now(UTC)
    return account  # type: ignore[no-any-return]


def sign_out() -> None:
    """Forget the account (and any upload waiting to be published)."""
    for key in (state.ACCOUNT, state.LAST_SEEN, state.UPLOAD):
        st.session_state.pop(key, None)


def role_text(account: Account, lang: str) -> str:
    """'provincial editor, Đà Nẵng' / 'admin (all provinces)'."""
    if account.role is Role.ADMIN:
        return t("auth.role_admin", lang)
    names = cache.dataset().provinces.set_index("province_code")["name_vi" if lang == "vi" else "name_en"]
    return t("auth.role_editor", lang, province=names.get(account.province_code, account.province_code))


def sign_in_box(lang: str) -> None:
    """The sidebar expander: a sign-in form, or who is signed in and a sign-out button."""
    _synced(cache.store().url)
    account = current_account()
    with st.sidebar.expander(t("auth.title", lang), expanded=False, icon=":material/key:"):
        if account is not None:
            st.markdown(t("auth.signed_in", lang, username=account.username, role=role_text(account, lang)))
            if st.button(t("auth.sign_out", lang), key="sign-out", width="stretch"):
                sign_out()
                if getattr(st.user, "is_logged_in", False):
                    st.logout()
                st.rerun()
            return
        st.caption(t("auth.viewer_note", lang))
        with st.form("sign-in", border=False):
            username = st.text_input(t("auth.username", lang), key="sign-in-user")
            password = st.text_input(t("auth.password", lang), type="password", key="sign-in-password")
            submitted = st.form_submit_button(t("auth.submit", lang), width="stretch")
        if submitted:
            try:
                st.session_state[state.ACCOUNT] = sign_in(
                    cache.store(), username.strip(), password, client=client_address()
                )
            except LoginError as err:
                st.error(t(f"auth.{err.reason}", lang, **err.params))
            else:
                st.session_state[state.LAST_SEEN] = datetime.now(UTC)
                st.rerun()
        if _secrets("auth"):
            if getattr(st.user, "is_logged_in", False):
                st.warning(t("auth.unknown_sso", lang, email=st.user.get("email", "")))
            elif st.button(t("auth.sso", lang), key="sso", width="stretch"):
                st.login()
