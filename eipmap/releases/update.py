"""From an uploaded file to a new release: validate, check the editor's province, merge, preview, publish.

The merged tables go through ``load_dataset`` — the same schemas and cross-file rules as
the shipped data — so an upload can never publish what the dashboard would refuse.
Every failure points at the uploaded sheet, row and column when it comes from the upload.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from eipmap.domain.errors import DataValidationError, Failure
from eipmap.releases.accounts import Account, still_valid
from eipmap.releases.reach import province_checks
from eipmap.releases.sheets import ACTION, KEYS, REMOVE, ROW, Upload, columns_of, row_key, where
from eipmap.releases.store import UPDATABLE, Store

PATH_KIND = {path: kind for kind, path in UPDATABLE.items()}


class UploadRejected(ValueError):
    """Raised by a publish whose upload no longer fits the latest release."""

    def __init__(self, failures: list[Failure]) -> None:
        self.failures = failures
        super().__init__(f"{len(failures)} problem(s)")


@dataclass
class Checked:
    """An upload checked against a release: the failures, or the merged tables and what changes."""

    failures: list[Failure] = field(default_factory=list)
    tables: dict[str, bytes] = field(default_factory=dict)
    changes: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def ok(self) -> bool:
        """Whether the upload may be published."""
        return not self.failures


def _loading() -> Any:
    """The validating loader, imported when an upload is checked (pandera is heavy; the first screen needs none)."""
    from eipmap.ingest import loading

    return loading


def text_frame(content: bytes, rel: str) -> pd.DataFrame:
    """A release table (file ``rel``) as text, empty cells as None (how uploads are compared and merged).

    A table stored before a column was added reads with that column at its default.
    """
    from eipmap.ingest.schemas import with_added_columns  # pandera loads only when a release table is compared

    frame = pd.read_csv(io.BytesIO(content), dtype=object, keep_default_na=False)
    return with_added_columns(frame.map(lambda v: None if v == "" else v), rel)


def _csv(frame: pd.DataFrame, columns: list[str]) -> bytes:
    return frame[columns].to_csv(index=False).encode("utf-8")


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))  # type: ignore[call-overload]


def _shown(value: object) -> str:
    return "–" if _missing(value) else str(value)


def _key(rec: Mapping[Any, Any], kind: str) -> tuple[str, ...]:
    return row_key(rec, kind)


def _same(a: object, b: object) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    try:
        return float(str(a)) == float(str(b))
    except ValueError:
        return str(a) == str(b)


def _row_checks(upload: Upload, kind: str, frame: pd.DataFrame) -> list[Failure]:
    """Schema of the rows to add or change, the action column, duplicate keys — by spreadsheet row."""
    place = where(upload, kind)
    out = [
        Failure(place, int(r[ROW]), ACTION, str(r[ACTION]), f"blank or '{REMOVE}'", True)
        for r in frame.to_dict("records")
        if not _missing(r[ACTION]) and r[ACTION] != REMOVE
    ]
    keys = frame[list(KEYS[kind])].fillna("").astype(str).agg("|".join, axis=1)
    out += [
        Failure(place, int(str(frame.at[i, ROW])), KEYS[kind][0], keys[i], "each key once in the upload", True)
        for i in frame.index[keys.duplicated(keep=False)]
    ]
    kept = frame[frame[ACTION] != REMOVE].reset_index(drop=True)
    if not kept.empty:
        _, failures = _loading().validate_table(_csv(kept, columns_of(kind)), UPDATABLE[kind])
        for f in failures:
            row = int(str(kept.at[f.row - 1, ROW])) if f.row is not None and f.row - 1 < len(kept) else None
            out.append(Failure(place, row, f.column, f.value, f.expected, True))
    return out


def _case_collisions(upload: Upload, current: Mapping[str, pd.DataFrame]) -> list[Failure]:
    """A new id that differs from an existing one only by letter case ("Hoa-Khanh") is a mistake or a disguise."""
    out = []
    for kind in ("parks", "firms", "links"):
        if kind not in upload.tables:
            continue
        column = KEYS[kind][0]
        existing = {str(i).casefold(): str(i) for i in current[kind][column]}
        for rec in upload.tables[kind].to_dict("records"):
            new = str(rec[column])
            twin = existing.get(new.casefold())
            if twin is not None and twin != new:
                expected = f"the existing id {twin!r}, as written"
                out.append(Failure(where(upload, kind), int(rec[ROW]), column, new, expected, True))
    return out


def _merge(
    upload: Upload, current: Mapping[str, pd.DataFrame]
) -> tuple[dict[str, pd.DataFrame], dict[tuple[str, int], tuple[str, int]], list[Failure]]:
    """The release's tables with the upload applied; merged (path, data row) → (upload location, row)."""
    merged: dict[str, pd.DataFrame] = {}
    origin: dict[tuple[str, int], tuple[str, int]] = {}
    failures: list[Failure] = []
    for kind, path in UPDATABLE.items():
        base = current[kind]
        if kind not in upload.tables:
            merged[kind] = base
            continue
        rows = {_key(r, kind): r for r in base.to_dict("records")}
        sources: dict[tuple[str, ...], int] = {}
        for rec in upload.tables[kind].to_dict("records"):
            key = _key(rec, kind)
            if rec[ACTION] == REMOVE:
                if key not in rows:
                    failures.append(
                        Failure(
                            where(upload, kind),
                            int(rec[ROW]),
                            KEYS[kind][0],
                            "|".join(key),
                            "an existing row to remove",
                            True,
                        )
                    )
                rows.pop(key, None)
                continue
            rows[key] = {c: rec[c] for c in columns_of(kind)}
            sources[key] = int(rec[ROW])
        frame = pd.DataFrame(list(rows.values()), columns=columns_of(kind))
        for i, key in enumerate(rows):
            if key in sources:
                origin[(path, i + 1)] = (where(upload, kind), sources[key])
        merged[kind] = frame
    return merged, origin, failures


def changes(current: Mapping[str, pd.DataFrame], merged: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows added, changed (with the columns that change) and removed, per table and park."""
    out = []
    for kind in UPDATABLE:
        old = {_key(r, kind): r for r in current[kind].to_dict("records")}
        new = {_key(r, kind): r for r in merged[kind].to_dict("records")}
        for key in new.keys() - old.keys():
            out.append((kind, new[key]["park_id"], "|".join(key), "added", ""))
        for key in old.keys() - new.keys():
            out.append((kind, old[key]["park_id"], "|".join(key), "removed", ""))
        for key in new.keys() & old.keys():
            diff = [c for c in columns_of(kind) if not _same(old[key][c], new[key][c])]
            if diff:
                detail = "; ".join(f"{c}: {_shown(old[key][c])} → {_shown(new[key][c])}" for c in diff)
                out.append((kind, new[key]["park_id"], "|".join(key), "changed", detail))
    frame = pd.DataFrame(out, columns=["table", "park_id", "key", "change", "detail"])
    return frame.sort_values(["table", "park_id", "key"]).reset_index(drop=True)


def check_upload(upload: Upload, account: Account, release: Mapping[str, bytes], root: Path | None = None) -> Checked:
    """Every problem of ``upload`` against ``release``, or the merged tables and the list of changes."""
    if upload.failures:
        return Checked(failures=list(upload.failures))
    current = {kind: text_frame(release[path], path) for kind, path in UPDATABLE.items()}
    failures: list[Failure] = []
    for kind, frame in upload.tables.items():
        failures += _row_checks(upload, kind, frame)
    failures += province_checks(upload, account, current)
    failures += _case_collisions(upload, current)
    if failures:
        return Checked(failures=failures)
    merged, origin, failures = _merge(upload, current)
    if failures:
        return Checked(failures=failures)
    tables = {UPDATABLE[k]: _csv(f, columns_of(k)) for k, f in merged.items()}
    try:
        _loading().load_dataset(root, overrides=tables)
    except DataValidationError as err:
        for f in err.failures:
            source = origin.get((f.file, f.row)) if f.row is not None else None
            if source is not None:
                failures.append(Failure(source[0], source[1], f.column, f.value, f.expected, True))
            else:  # an existing row the change breaks (e.g. values of a removed park)
                failures.append(Failure(f"{f.file} (existing data)", f.row, f.column, f.value, f.expected))
        return Checked(failures=failures)
    return Checked(tables=tables, changes=changes(current, merged))


def stale_rows(
    upload: Upload, preview: Mapping[str, bytes], newest: Mapping[str, bytes], newest_id: int
) -> list[Failure]:
    """Rows of ``upload`` that a release published after its preview changed too (both changes named).

    Publishing them would overwrite a change the editor never saw: the lost update.
    """
    since = changes(
        {kind: text_frame(preview[path], path) for kind, path in UPDATABLE.items()},
        {kind: text_frame(newest[path], path) for kind, path in UPDATABLE.items()},
    )
    theirs = {(r["table"], r["key"]): r for r in since.to_dict("records")}
    out = []
    for kind, frame in upload.tables.items():
        for rec in frame.to_dict("records"):
            key = "|".join(_key(rec, kind))
            if (kind, key) not in theirs:
                continue
            other = theirs[(kind, key)]
            done = other["detail"] or other["change"]
            mine = "remove" if rec[ACTION] == REMOVE else ", ".join(f"{c}: {_shown(rec[c])}" for c in columns_of(kind))
            out.append(
                Failure(
                    where(upload, kind),
                    int(rec[ROW]),
                    KEYS[kind][0],
                    key,
                    f"a new preview: release {newest_id}, published after yours, changed this row ({done}); "
                    f"your upload would set {mine[:200]}",
                    True,
                )
            )
    return out


def publish_upload(
    store: Store,
    upload: Upload,
    account: Account,
    *,
    sha: str,
    note: str | None,
    root: Path | None = None,
    based_on: int | None = None,
) -> int:
    """Publish ``upload`` on top of whatever release is newest when the write lock is held.

    ``based_on`` is the release the editor's preview was made against. If a newer release changed any
    row the upload changes, nothing is published (``UploadRejected`` naming both changes); rows no one
    else touched are applied on top of the newest release as before.
    """
    counts: dict[str, int] = {}
    preview = store.files(based_on) if based_on is not None else None  # releases never change: read outside the lock

    if still_valid(store, account) is None:  # a changed or removed account publishes nothing
        changed = "an account unchanged since sign-in (it was changed or removed): sign in again"
        raise UploadRejected([Failure(upload.name, None, None, account.username, changed, True)])

    def build(latest: int | None, current: Mapping[str, bytes]) -> Mapping[str, bytes]:
        # no store reads in here: the write lock is held (SQLite would wait for itself)
        if preview is not None and latest is not None and latest != based_on:
            stale = stale_rows(upload, preview, current, latest)
            if stale:
                raise UploadRejected(stale)
        checked = check_upload(upload, account, current, root)  # on the newest release, under the lock
        if not checked.ok:
            raise UploadRejected(checked.failures)
        counts.update({str(c): int(n) for c, n in checked.changes["change"].value_counts().items()})
        return checked.tables

    def summary() -> str | None:
        return ", ".join(f"{n} {c}" for c, n in sorted(counts.items())) or None

    return store.publish(
        build,
        author=account.username,
        kind="upload",
        file_name=upload.name,
        file_sha256=sha,
        note=note,
        summary=summary,
    )
