"""Links of one park: counts by group, joined names, arc geometry."""

from __future__ import annotations

from eipmap.analysis.symbiosis import LinkCounts, arc, arrow_head, count_links, link_counts_by_park, park_links
from eipmap.domain.dataset import Dataset


def test_hoa_khanh_counts(dataset: Dataset) -> None:
    counts = count_links(park_links(dataset.links, dataset.firms, "hoa-khanh"))
    assert (counts.operating, counts.potential, counts.ended) == (1, 2, 3)


def test_names_joined_in_both_languages(dataset: Dataset) -> None:
    own = park_links(dataset.links, dataset.firms, "khanh-phu")
    assert own.iloc[0]["from_name_vi"] == "Nhà máy Đạm Ninh Bình"
    assert own.iloc[0]["to_name_en"] == "Ninh Binh Industrial Gas JSC"


def test_arc_starts_and_ends_at_the_firms() -> None:
    pts = arc((10.0, 105.0), (10.01, 105.02))
    assert pts[0] == (10.0, 105.0) and pts[-1] == (10.01, 105.02)
    head = arrow_head(pts)
    assert head[0] == pts[-1] and len(head) == 3


def test_park_without_links_is_empty(dataset: Dataset) -> None:
    assert park_links(dataset.links, dataset.firms, "an-duong").empty


def test_counts_on_tiny(tiny: Dataset) -> None:
    """tests/data/README.md: alpha one operating link, beta one potential, gamma and delta none."""
    counts = {p: count_links(park_links(tiny.links, tiny.firms, p)) for p in ("alpha", "beta", "gamma", "delta")}
    assert [(c.operating, c.potential, c.ended) for c in counts.values()] == [
        (1, 0, 0),
        (0, 1, 0),
        (0, 0, 0),
        (0, 0, 0),
    ]
    own = park_links(tiny.links, tiny.firms, "alpha")
    assert own.iloc[0][["from_name_vi", "to_name_en"]].tolist() == ["Công ty Thép A", "Cement A"]


def test_counts_of_every_park_at_once_equal_each_parks_own(tiny: Dataset) -> None:
    counts = link_counts_by_park(tiny.links)
    assert counts == {
        "alpha": LinkCounts(1, 0, 0, illustrative=0, cooperation=0),
        "beta": LinkCounts(0, 1, 0, illustrative=1, cooperation=0),
    }  # gamma and delta have none: not keys
    for park_id, found in counts.items():
        assert found == count_links(park_links(tiny.links, tiny.firms, park_id))
