"""Tables the update and release screens show: upload problems, the change preview, the release history."""

from __future__ import annotations

import pandas as pd

from eipmap.domain.errors import Failure
from eipmap.domain.models import Release
from eipmap.i18n import t


def failure_table(failures: list[Failure], lang: str) -> pd.DataFrame:
    """One row per problem: where (file › sheet), row, column, value, expected."""
    return pd.DataFrame(
        {
            t("update.col_where", lang): [f.file for f in failures],
            t("update.col_row", lang): pd.array([f.row for f in failures], dtype="Int64"),
            t("update.col_column", lang): [f.column or "" for f in failures],
            t("update.col_value", lang): [f.value for f in failures],
            t("update.col_expected", lang): [f.expected for f in failures],
        }
    )


def change_tables(changes: pd.DataFrame, parks: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The preview of an upload: counts per park and change, and one row per changed row."""
    names = parks.set_index("park_id")[f"name_{lang}"]
    labelled = changes.assign(
        park=changes["park_id"].map(names).fillna(changes["park_id"]),
        change_text=changes["change"].map(lambda c: t(f"update.change_{c}", lang)),
    )
    summary = (
        labelled.pivot_table(index=["park"], columns="change_text", values="key", aggfunc="count", fill_value=0)
        .reset_index()
        .rename(columns={"park": t("update.col_park", lang)})
    )
    summary.columns.name = None
    detail = pd.DataFrame(
        {
            t("update.col_table", lang): labelled["table"],
            t("update.col_park", lang): labelled["park"],
            t("update.col_key", lang): labelled["key"],
            t("update.col_change", lang): labelled["change_text"],
            t("update.col_detail", lang): labelled["detail"],
        }
    )
    return summary, detail


def release_date(release: Release) -> str:
    """When a release was published, to the minute (UTC)."""
    return release.created_at.strftime("%Y-%m-%d %H:%M")


def history_table(history: list[Release], lang: str) -> pd.DataFrame:
    """One row per release, newest first."""
    return pd.DataFrame(
        {
            t("releases.col_release", lang): pd.array([r.release_id for r in history], dtype="Int64"),
            t("releases.col_date", lang): [release_date(r) for r in history],
            t("releases.col_author", lang): [r.author for r in history],
            t("releases.col_kind", lang): [t(f"releases.kind_{r.kind}", lang) for r in history],
            t("releases.col_file", lang): [r.file_name or "" for r in history],
            t("releases.col_sha", lang): [(r.sha256 or "")[:12] for r in history],
            t("releases.col_note", lang): [r.note or "" for r in history],
            t("releases.col_summary", lang): [r.summary or "" for r in history],
        }
    )
