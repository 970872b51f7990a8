"""A validated dataset kept on disk between server starts, keyed by everything it was built from.

Validating the shipped data takes about a second (pandera over six tables, then the cross-file
checks) — most of a cold start's own work. A dataset that passed is written under a key made of
the bytes of every input file (a release's tables where it overrides them), the source of the
modules that read and validate them, and the library versions; any change gives a new key and a
fresh validation. Data that fails is never written, so its problems are reported on every start.

The file is data, never code: one zip holding each table as Parquet (GeoParquet for the layers)
and a manifest with every member's SHA-256. Nothing in it can execute when read (no pickle), and a
member whose bytes differ from the manifest — a truncated or edited file — is not used: the dataset
is validated again from its sources and the file rewritten.

The cache folder is the app's own (``var/cache`` beside the data folder, or ``$EIPMAP_CACHE_DIR``).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd

from eipmap.config import PACKAGE_DIR, data_dir, var_dir
from eipmap.domain.dataset import Dataset

CACHE_DIR_ENV = "EIPMAP_CACHE_DIR"
# the modules whose source decides what a validated dataset is: a change to any of them validates again
CODE: tuple[str, ...] = (
    "ingest/loading.py",
    "ingest/schemas.py",
    "ingest/crosschecks.py",
    "ingest/disk_cache.py",
    "domain/dataset.py",
    "domain/models.py",
    "domain/errors.py",
    "domain/textnorm.py",
)
KEEP = 8  # newest cache files kept; older ones are removed
SUFFIX = ".eipmap.zip"
MANIFEST = "manifest.json"
FORMAT = 1
LOG = logging.getLogger("eipmap.ingest.disk_cache")
# the Dataset's tables, and which of them are GeoDataFrames (everything else in a Dataset is derived or set later)
TABLES: tuple[str, ...] = ("provinces", "former_provinces", "background", "archipelagos", "province_merge")
TABLES += ("coverage",)
TABLES += ("parks", "catalogue", "values", "firms", "links", "programme", "defaults", "exchanges", "files")
GEO_TABLES = frozenset({"provinces", "former_provinces", "background", "archipelagos"})


def cache_dir(root: Path | None = None) -> Path:
    """Where validated datasets are kept: ``$EIPMAP_CACHE_DIR``, else ``var/cache`` beside the data folder."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else var_dir(root) / "cache"


def dataset_key(root: Path, overrides: Mapping[str, bytes]) -> str:
    """SHA-256 of the input files' bytes, the validating code and the library versions."""
    digest = hashlib.sha256(f"pandas {pd.__version__} geopandas {gpd.__version__} format {FORMAT}".encode())
    for name in CODE:
        digest.update((PACKAGE_DIR / name).read_bytes())
    inputs = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}
    for rel in sorted(set(inputs) | set(overrides)):
        content = overrides[rel] if rel in overrides else inputs[rel].read_bytes()
        digest.update(rel.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def _table_bytes(name: str, frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=True)  # GeoDataFrame.to_parquet writes GeoParquet
    return buffer.getvalue()


def encode(data: Dataset) -> bytes:
    """The dataset's tables as a zip of Parquet files with a manifest of their SHA-256."""
    members = {f"{name}.parquet": _table_bytes(name, getattr(data, name)) for name in TABLES}
    manifest = {"format": FORMAT, "sha256": {k: hashlib.sha256(v).hexdigest() for k, v in members.items()}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
        archive.writestr(MANIFEST, json.dumps(manifest))
    return buffer.getvalue()


class CacheFileError(ValueError):
    """A cache file that is not exactly what this module wrote (truncated, edited, another format)."""


def decode(content: bytes) -> Dataset:
    """The dataset from ``encode``'s bytes; ``CacheFileError`` if any member is missing or altered."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            if manifest.get("format") != FORMAT:
                raise CacheFileError(f"format {manifest.get('format')!r}, expected {FORMAT}")
            tables: dict[str, pd.DataFrame] = {}
            for name in TABLES:
                member = f"{name}.parquet"
                raw = archive.read(member)
                if hashlib.sha256(raw).hexdigest() != manifest["sha256"].get(member):
                    raise CacheFileError(f"{member} differs from the manifest")
                reader = gpd.read_parquet if name in GEO_TABLES else pd.read_parquet
                tables[name] = reader(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, OSError, ValueError) as exc:
        raise CacheFileError(str(exc)) from exc
    return Dataset(**tables)  # type: ignore[arg-type]  # exactly the table fields (TABLES; a test keeps them equal)


def _read(path: Path) -> Dataset | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    try:
        return decode(content)
    except CacheFileError as err:
        LOG.warning("ignoring the dataset cache file %s (%s); validating the data again", path.name, err)
        return None


def _write(folder: Path, path: Path, data: Dataset) -> None:
    """Write atomically (a reader never sees half a file), then keep only the newest files."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dataset-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode(data))
        Path(tmp).replace(path)
        for old in sorted(folder.glob(f"dataset-*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # a read-only or full folder only costs the next start its validation


def load_validated(root: Path | None = None, overrides: Mapping[str, bytes] | None = None) -> Dataset:
    """``load_dataset``, answered from the disk cache when exactly these inputs passed before."""
    base = (root or data_dir()).resolve()
    given = dict(overrides or {})
    folder = cache_dir(base)
    path = folder / f"dataset-{dataset_key(base, given)}{SUFFIX}"
    cached = _read(path)
    if cached is not None:
        return cached
    from eipmap.ingest.loading import load_dataset  # pandera loads only when a dataset must be validated

    data = load_dataset(base, given)  # raises DataValidationError: nothing is written
    _write(folder, path, data)
    return data
