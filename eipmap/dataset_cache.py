"""A validated dataset kept on disk between server starts, keyed by everything it was built from.

Validating the shipped data takes about a second (pandera over six tables, then the cross-file
checks) — most of a cold start's own work. A dataset that passed is pickled under a key made of
the bytes of every input file (a release's tables where it overrides them), the source of the
modules that read and validate them, and the library versions; any change gives a new key and a
fresh validation. Data that fails is never written, so its problems are reported on every start.

The cache folder is the app's own (``var/cache`` beside the data folder, or
``$EIPMAP_CACHE_DIR``); only files this module wrote there are read back.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd

from eipmap.loading import Dataset, load_dataset
from eipmap.paths import PACKAGE_DIR, data_dir, var_dir

CACHE_DIR_ENV = "EIPMAP_CACHE_DIR"
CODE = ("loading.py", "schemas.py", "crosschecks.py", "models.py", "errors.py", "textnorm.py", "dataset_cache.py")
KEEP = 8  # newest cache files kept; older ones are removed


def cache_dir(root: Path | None = None) -> Path:
    """Where validated datasets are kept: ``$EIPMAP_CACHE_DIR``, else ``var/cache`` beside the data folder."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else var_dir(root) / "cache"


def dataset_key(root: Path, overrides: Mapping[str, bytes]) -> str:
    """SHA-256 of the input files' bytes, the validating code and the library versions."""
    digest = hashlib.sha256(f"pandas {pd.__version__} geopandas {gpd.__version__}".encode())
    for name in CODE:
        digest.update((PACKAGE_DIR / name).read_bytes())
    inputs = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}
    for rel in sorted(set(inputs) | set(overrides)):
        content = overrides[rel] if rel in overrides else inputs[rel].read_bytes()
        digest.update(rel.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def _read(path: Path) -> Dataset | None:
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)  # a file this module wrote into the app's own folder
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None
    return data if isinstance(data, Dataset) else None


def _write(folder: Path, path: Path, data: Dataset) -> None:
    """Write atomically (a reader never sees half a file), then keep only the newest files."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dataset-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp).replace(path)
        for old in sorted(folder.glob("dataset-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # a read-only folder only costs the next start its validation


def load_validated(root: Path | None = None, overrides: Mapping[str, bytes] | None = None) -> Dataset:
    """``load_dataset``, answered from the disk cache when exactly these inputs passed before."""
    base = (root or data_dir()).resolve()
    given = dict(overrides or {})
    folder = cache_dir(base)
    path = folder / f"dataset-{dataset_key(base, given)}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    data = load_dataset(base, given)  # raises DataValidationError: nothing is written
    _write(folder, path, data)
    return data
