"""Shipped data that changed since it was last imported: seen on start, shown to an admin, published as a release.

The release store starts from the CSV files in the data folder (release 1, kind ``seed``).
When those files change later — a corrected park, a new reported value in a new version of
the app — the change must not be silently ignored, nor may it overwrite what editors have
published since. So the change is taken as a *diff*: the shipped files now against the shipped
files last imported (the newest ``seed`` or ``shipped`` release), applied by key on top of the
newest release, validated like an upload, previewed, and published by an admin as a release
of kind ``shipped`` that records the files' digest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from eipmap.domain.errors import DataValidationError, Failure
from eipmap.domain.models import Release
from eipmap.releases.sheets import columns_of, row_key
from eipmap.releases.store import UPDATABLE, Store
from eipmap.releases.store import tables_digest as digest
from eipmap.releases.update import UploadRejected, changes, text_frame

IMPORT_KINDS = frozenset({"seed", "shipped"})
AUTHOR_NOTE = "shipped data files"


def shipped_files(root: Path) -> dict[str, bytes]:
    """The updatable tables as the data folder holds them now."""
    return {path: (root / path).read_bytes() for path in UPDATABLE.values()}


def signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap per-run fingerprint (path, mtime, size): a cache key, so the files are hashed only when touched."""
    out = []
    for path in sorted(UPDATABLE.values()):
        stat = (root / path).stat()
        out.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def _frames(files: Mapping[str, bytes]) -> dict[str, pd.DataFrame]:
    return {kind: text_frame(files[path], path) for kind, path in UPDATABLE.items()}


@dataclass
class ShippedChange:
    """What changed in the shipped files since their last import, and whether it can be published."""

    digest: str
    imported_in: int  # the release that last imported the shipped files
    changes: pd.DataFrame  # rows added / changed / removed in the shipped files (update.changes' columns)
    failures: list[Failure] = field(default_factory=list)  # why the newest release + this change fails validation

    @property
    def ok(self) -> bool:
        """Whether an admin may publish it."""
        return not self.failures


def last_import(store: Store) -> Release | None:
    """The newest release made from the shipped files."""
    return next((r for r in store.history() if r.kind in IMPORT_KINDS), None)


def _imported_digest(store: Store, release: Release) -> str:
    # releases seeded before digests were recorded carry none: their stored tables are the import
    return release.sha256 or digest(store.files(release.release_id))


def apply_change(
    imported: Mapping[str, bytes], shipped: Mapping[str, bytes], newest: Mapping[str, bytes]
) -> dict[str, bytes]:
    """``newest`` with the rows the shipped files added, changed or removed since ``imported`` applied by key.

    Rows editors published meanwhile stay, unless the shipped files changed the same row (then the
    shipped row wins; the preview lists it).
    """
    before, after, base = _frames(imported), _frames(shipped), _frames(newest)
    out: dict[str, bytes] = {}
    for kind, path in UPDATABLE.items():
        old = {row_key(r, kind): r for r in before[kind].to_dict("records")}
        new = {row_key(r, kind): r for r in after[kind].to_dict("records")}
        rows = {row_key(r, kind): r for r in base[kind].to_dict("records")}
        for key in old.keys() - new.keys():
            rows.pop(key, None)
        for key, rec in new.items():
            if old.get(key) != rec:
                rows[key] = rec
        frame = pd.DataFrame(list(rows.values()), columns=columns_of(kind))
        out[path] = frame.to_csv(index=False).encode("utf-8")
    return out


def pending_change(store: Store, root: Path) -> ShippedChange | None:
    """The shipped files' change since their last import, or None when there is none."""
    imported = last_import(store)
    latest = store.latest_id()
    if imported is None or latest is None:
        return None
    shipped = shipped_files(root)
    now = digest(shipped)
    if now == _imported_digest(store, imported):
        return None
    imported_files = store.files(imported.release_id)
    change = ShippedChange(now, imported.release_id, changes(_frames(imported_files), _frames(shipped)))
    merged = apply_change(imported_files, shipped, store.files(latest))
    try:
        _validate(root, merged)
    except DataValidationError as err:
        change.failures = list(err.failures)
    return change


def _validate(root: Path, files: Mapping[str, bytes]) -> None:
    """Raise DataValidationError unless ``files`` over ``root`` make a valid dataset."""
    from eipmap.ingest.loading import load_dataset  # pandera loads only when the shipped files changed

    load_dataset(root, overrides=files)


def publish_shipped(store: Store, root: Path, *, author: str, note: str | None) -> int:
    """Publish the shipped files' change on top of the newest release (re-checked under the write lock)."""
    imported = last_import(store)
    if imported is None:
        raise ValueError("no release imported the shipped files yet")
    imported_files = store.files(imported.release_id)
    shipped = shipped_files(root)
    diff = changes(_frames(imported_files), _frames(shipped))

    def build(_latest: int | None, current: Mapping[str, bytes]) -> Mapping[str, bytes]:
        merged = apply_change(imported_files, shipped, current)
        try:
            _validate(root, merged)
        except DataValidationError as err:
            raise UploadRejected(list(err.failures)) from err
        return merged

    counts = diff["change"].value_counts()
    return store.publish(
        build,
        author=author,
        kind="shipped",
        file_name=AUTHOR_NOTE,
        file_sha256=digest(shipped),
        note=note,
        summary=", ".join(f"{int(n)} {c}" for c, n in sorted(counts.items())) or None,
    )
