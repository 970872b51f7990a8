"""A publish killed mid-transaction leaves no trace; two publishes at once both land, one after the other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from eipmap.config import REPO_DIR
from eipmap.ingest.loading import load_dataset
from eipmap.releases.accounts import Account, Role
from eipmap.releases.store import UPDATABLE, Store
from tests.conftest import DATA, with_accounts

WORKER = """
import sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from sqlalchemy import event
import eipmap.releases.update as update
from eipmap.releases.accounts import Account, Role
from eipmap.releases.store import Store
from eipmap.releases.upload import read_upload

url, mode, marker, park, value = sys.argv[1:6]
store = Store(url)
csv = f"park_id,indicator_id,year,value,provenance,source_url,note\\n{{park}},KPI-09,2024,{{value}},estimated,,\\n"
upload = read_upload(f"{{park}}.csv", csv.encode())
if mode == "pause":
    @event.listens_for(store.engine, "commit")
    def _pause(conn):
        Path(marker).write_text("inside the transaction")
        time.sleep(600)
else:
    while not Path(marker).exists():
        time.sleep(0.01)
    check = update.check_upload
    def slow(*args, **kwargs):
        time.sleep(1.0)  # widen the window in which the two publishes overlap
        return check(*args, **kwargs)
    update.check_upload = slow
release = update.publish_upload(store, upload, Account("admin", Role.ADMIN, None), sha="x", note=park)
print(release)
"""


def worker(tmp_path: Path, url: str, mode: str, marker: Path, park: str, value: str) -> subprocess.Popen[str]:
    script = tmp_path / "worker.py"
    script.write_text(WORKER.format(repo=str(REPO_DIR)))
    return subprocess.Popen(
        [sys.executable, str(script), url, mode, str(marker), park, value],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_DIR)},
    )


def value_of(store: Store, release: int, park: str) -> float:
    data = load_dataset(DATA, overrides=store.files(release))
    v = data.values
    return float(v[(v["park_id"] == park) & (v["indicator_id"] == "KPI-09") & (v["year"] == 2024)]["value"].iloc[0])


def test_kill_9_during_publish_leaves_the_previous_release(tmp_path: Path, store_url: str) -> None:
    store = Store(store_url)
    store.seed_from(DATA)
    with_accounts(store, Account("admin", Role.ADMIN, None))
    before = store.files(1)
    marker = tmp_path / "inside"
    proc = worker(tmp_path, store_url, "pause", marker, "hoa-khanh", "55.5")
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the publish never reached its commit"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = Store(store_url)
    assert after.latest_id() == 1
    assert [r.release_id for r in after.history()] == [1]
    assert after.files(1) == before
    # the lock died with the process: the next publish goes through
    marker2 = tmp_path / "go"
    marker2.write_text("go")
    ok = worker(tmp_path, store_url, "race", marker2, "hoa-khanh", "55.5")
    _, err = ok.communicate(timeout=120)
    assert ok.returncode == 0, err
    assert after.latest_id() == 2
    assert value_of(after, 2, "hoa-khanh") == 55.5


def test_two_publishes_at_once_serialise_and_both_land(tmp_path: Path, store_url: str) -> None:
    store = Store(store_url)
    store.seed_from(DATA)
    with_accounts(store, Account("admin", Role.ADMIN, None))
    marker = tmp_path / "go"
    procs = [
        worker(tmp_path, store_url, "race", marker, "hoa-khanh", "55.5"),
        worker(tmp_path, store_url, "race", marker, "amata-bien-hoa", "12.5"),
    ]
    time.sleep(2.0)  # both workers import and wait at the start line
    marker.write_text("go")
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    assert sorted(int(out.strip()) for out, _ in results) == [2, 3]
    history = store.history()
    assert [r.release_id for r in history] == [3, 2, 1]
    assert history[0].based_on == 2  # the later publish was applied on top of the earlier one
    assert value_of(store, 3, "hoa-khanh") == 55.5
    assert value_of(store, 3, "amata-bien-hoa") == 12.5
    frame = pd.read_csv(pd.io.common.BytesIO(store.files(3)[UPDATABLE["values"]]))
    assert len(frame) == len(pd.read_csv(DATA / UPDATABLE["values"]))  # both changed rows in place, none lost
