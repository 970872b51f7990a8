"""A candidate exchange becomes a potential link only through the normal upload → preview → publish flow."""

from __future__ import annotations

from pathlib import Path

import pytest

from eipmap.analysis.opportunities import as_link_rows, candidates
from eipmap.analysis.symbiosis import park_links
from eipmap.ingest.loading import load_dataset
from eipmap.releases.accounts import Account, Role
from eipmap.releases.store import Store
from eipmap.releases.template import build_template
from eipmap.releases.update import check_upload, publish_upload
from eipmap.releases.upload import read_upload
from tests.conftest import DATA, seeded_store

EDITOR = Account("danang-editor", Role.EDITOR, "48")
PARK = "hoa-khanh"  # Đà Nẵng (48): the editor's province


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return seeded_store(tmp_path, EDITOR)  # type: ignore[return-value]


def test_an_editor_publishes_two_candidates_as_potential_links(store: Store) -> None:
    data = load_dataset(DATA)
    found = candidates(data, PARK)
    rows = as_link_rows(found, 2026).head(2)
    assert len(rows) == 2
    content = build_template(data, {"links": rows})  # the panel's pre-filled template
    upload = read_upload("candidates.xlsx", content)
    assert not upload.failures, [f.describe() for f in upload.failures]
    checked = check_upload(upload, EDITOR, store.files(1), DATA)  # the preview
    assert checked.ok, [f.describe() for f in checked.failures]
    assert set(checked.changes["change"]) == {"added"} and len(checked.changes) == 2
    assert store.latest_id() == 1  # a preview publishes nothing
    release = publish_upload(store, upload, EDITOR, sha="x", note="two candidates", root=DATA)
    assert release == 2 and store.history()[0].author == "danang-editor"  # the history records who proposed it
    published = load_dataset(DATA, overrides=store.files(2))
    own = park_links(published.links, published.firms, PARK).set_index("link_id")
    for rec in rows.to_dict("records"):
        link = own.loc[rec["link_id"]]
        assert (link["status"], link["group"], link["provenance"]) == ("identified", "potential", "estimated")
        assert (link["from_firm_id"], link["to_firm_id"]) == (rec["from_firm_id"], rec["to_firm_id"])
    assert candidates(published, PARK).shape[0] == found.shape[0] - 2  # a recorded pair is not proposed again


def test_finding_candidates_writes_nothing(store: Store) -> None:
    """Candidates are computed, never stored: the store's releases are untouched by the finder."""
    before = store.files(1)
    data = load_dataset(DATA, overrides=before)
    for park_id in data.parks["park_id"]:
        candidates(data, park_id, max_km=10)
    assert store.latest_id() == 1 and store.files(1) == before


def test_the_map_shows_a_published_candidate_as_a_potential_link(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the editor publishes, the park's map and links table show the new link, dashed as potential."""
    from eipmap.analysis.symbiosis import GROUP_DASH
    from eipmap.domain.models import LinkGroup
    from eipmap.releases.store import DATABASE_URL_ENV
    from tests.apptest_support import park_map_data
    from tests.sweep_support import Clicker, session

    data = load_dataset(DATA)
    rows = as_link_rows(candidates(data, PARK), 2026).head(1)
    upload = read_upload("candidate.xlsx", build_template(data, {"links": rows}))
    publish_upload(store, upload, EDITOR, sha="x", note="one candidate", root=DATA)
    monkeypatch.setenv(DATABASE_URL_ENV, str(store.engine.url.render_as_string(hide_password=False)))
    at = session(None, "vi")
    Clicker(at).click(PARK)
    assert not at.exception
    drawn = park_map_data(at)["selection"]["links"]  # type: ignore[index]
    (description,) = rows["description_vi"]
    (link,) = [d for d in drawn if [description, ""] in d["tip"]]
    assert link["dash"] == GROUP_DASH[LinkGroup.POTENTIAL]
    (links,) = [
        d.value for d in at.dataframe if "Mã" in d.value.columns and rows["link_id"].iloc[0] in set(d.value["Mã"])
    ]
    assert len(links) == 7  # Hòa Khánh's six recorded links and the published candidate
