"""Where the shipped data lives; every path is derived from this file, never from the cwd."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
STATIC_DIR = REPO_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
LOCALES_DIR = PACKAGE_DIR / "i18n" / "locales"
DATA_DIR_ENV = "EIPMAP_DATA_DIR"


def data_dir() -> Path:
    """The data directory: ``$EIPMAP_DATA_DIR`` when set (e.g. a generated dataset), else ``data/``."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).resolve() if override else REPO_DIR / "data"


def var_dir(root: Path | None = None) -> Path:
    """The app's own untracked folder beside the data directory: the release database, validated datasets."""
    return (root or data_dir()).resolve().parent / "var"
