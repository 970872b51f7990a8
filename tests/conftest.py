"""Shared fixtures: the shipped dataset (loaded once) and writable copies of the data folder."""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright
from sqlalchemy import event

from eipmap.config import REPO_DIR
from eipmap.domain.models import Category, Direction, Indicator, IndicatorKind, TargetKind, Unit
from eipmap.ingest.disk_cache import CACHE_DIR_ENV
from eipmap.ingest.loading import Dataset, load_dataset
from eipmap.releases.store import DATABASE_URL_ENV
from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

DATA = REPO_DIR / "data"


@pytest.fixture(scope="session", autouse=True)
def hermetic_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The release database and the dataset cache under a temporary folder, never the checkout's var/.

    A local publish into the checkout's own database must not change what the tests see. One
    folder for the whole run (seeding takes a second); tests that need their own set the variables
    themselves with ``monkeypatch``.
    """
    root = tmp_path_factory.mktemp("var")
    saved = {name: os.environ.get(name) for name in (DATABASE_URL_ENV, CACHE_DIR_ENV)}
    os.environ[DATABASE_URL_ENV] = f"sqlite:///{root / 'eipmap.sqlite'}"
    os.environ[CACHE_DIR_ENV] = str(root / "cache")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA)


TINY = REPO_DIR / "tests" / "data" / "tiny"


def build_tiny(target: Path) -> Path:
    """A complete data folder at ``target``: tests/data/tiny's tables, the shipped geography and law catalogue."""
    shutil.copytree(TINY, target)
    shutil.copytree(DATA / "geo", target / "geo", ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(DATA / "indicators" / "catalogue.csv", target / "indicators" / "catalogue.csv")
    shutil.copy(DATA / "symbiosis" / "exchanges.csv", target / "symbiosis" / "exchanges.csv")
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.suffix in {".csv", ".geojson"})
    shipped = pd.read_csv(DATA / "files.csv", dtype=str, keep_default_na=False).set_index("file")
    rows = shipped.reindex([*files, "files.csv"]).fillna("tests/data/tiny (purpose-made test data)")
    rows.rename_axis("file").reset_index().to_csv(target / "files.csv", index=False)
    return target


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny dataset's data folder (built once per run; tests must not change it)."""
    return build_tiny(tmp_path_factory.mktemp("tiny") / "data")


@pytest.fixture(scope="session")
def tiny(tiny_dir: Path) -> Dataset:
    """The hand-written four-park dataset of tests/data/ (see its README): every answer known in advance."""
    return load_dataset(tiny_dir)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("*.md"))
    return target


def make_indicator(
    direction: Direction = Direction.HIGHER,
    target: float = 20.0,
    unit: Unit = Unit.PERCENT,
    kind: TargetKind | None = None,
) -> Indicator:
    """A hand-built indicator for rule tables (target kind follows the target unless given)."""
    if kind is None:
        kind = TargetKind.NONE if math.isnan(target) else TargetKind.LEGAL_MINIMUM
    return Indicator(
        "X",
        IndicatorKind.KPI,
        Category.ENVIRONMENTAL,
        "Chỉ số X",
        "Indicator X",
        unit,
        direction,
        target,
        kind,
        False,
        "",
        "",
        "",
    )


def with_accounts(store: object, *accounts: object) -> None:
    """Store ``accounts`` (as accounts without a password): a publish checks that its account still exists."""
    from eipmap.releases.accounts import Account, add_user
    from eipmap.releases.store import Store

    assert isinstance(store, Store)
    for account in accounts:
        assert isinstance(account, Account)
        add_user(store, account.username, None, account.role, account.province_code)


def seeded_store(folder: Path, *accounts: object) -> object:
    """A SQLite release store in ``folder`` seeded with the shipped data (release 1), holding ``accounts``."""
    from eipmap.releases.store import Store

    store = Store(f"sqlite:///{folder / 'eipmap.sqlite'}")
    store.seed_from(DATA)
    with_accounts(store, *accounts)
    return store


POSTGRES_ENV = "EIPMAP_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "EIPMAP_REQUIRE_POSTGRES"


@contextmanager
def unwritable(store: Any, fault: str) -> Iterator[None]:
    """While inside, every connection of ``store`` meets a real database fault.

    "full" is SQLite's own "database or disk is full" (no page may be added); "read_only" is SQLite's
    query_only, or PostgreSQL's read-only transactions (what a hot standby or a read-only role answers).
    The pool is emptied on the way in and out.
    """

    def fault_on(dbapi_conn: Any, _record: object) -> None:
        cursor = dbapi_conn.cursor()
        if store.engine.dialect.name != "sqlite":
            cursor.execute("SET SESSION default_transaction_read_only = on")
            dbapi_conn.commit()  # psycopg opened a transaction for the SET
        elif fault == "full":
            cursor.execute("PRAGMA page_count")
            cursor.execute(f"PRAGMA max_page_count = {cursor.fetchone()[0]}")
        else:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    event.listen(store.engine, "connect", fault_on)
    store.engine.dispose()
    try:
        yield
    finally:
        event.remove(store.engine, "connect", fault_on)
        store.engine.dispose()


def postgres_url() -> str:
    """The test server's URL, emptied of eipmap's tables; skip (or fail where it is required) without one."""
    import sqlalchemy as sa

    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get(REQUIRE_POSTGRES_ENV):
            pytest.fail(f"{REQUIRE_POSTGRES_ENV} is set but {POSTGRES_ENV} is not")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (make test starts one on loopback)")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS login_attempts, users, release_files, releases, alembic_version"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind: a SQLite file, and the PostgreSQL test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eipmap.sqlite'}"
    return postgres_url()


@pytest.fixture
def accounts_store(store_url: str) -> Any:
    """An empty store of each kind holding the Đà Nẵng editor and an admin (the account and sign-in tests)."""
    from eipmap.releases.accounts import Role, add_user
    from eipmap.releases.store import Store

    store = Store(store_url)
    add_user(store, "danang-editor", "mật-khẩu-đà-nẵng", Role.EDITOR, "48")
    add_user(store, "admin", "admin-password-1", Role.ADMIN, None)
    return store


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}; `make chromium` installs it")
        pytest.skip(f"chromium not found at {CHROMIUM}; run `make chromium`")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    ARTIFACTS.mkdir(exist_ok=True)
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
