"""What the dataset covers: every count of parks says how many the public sources list."""

from __future__ import annotations

import csv
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from eipmap.display.coverage import coverage_caption, coverage_frame, coverage_table
from eipmap.display.overlay import build_overlay
from eipmap.display.overview import province_status_counts, province_summary
from eipmap.domain.errors import DataValidationError
from eipmap.i18n import fmt_number, t
from eipmap.ingest.loading import Dataset, load_dataset
from tests.conftest import DATA


def _from_files() -> tuple[dict[str, int], dict[str, int]]:
    """Sources count and dataset count per province (parks that exist, not those only planned), from the CSVs."""
    with (DATA / "parks" / "coverage.csv").open(encoding="utf-8") as fh:
        listed = {r["province_code"]: int(r["parks_in_sources"]) for r in csv.DictReader(fh)}
    held: dict[str, int] = {}
    with (DATA / "parks" / "parks.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["status"] != "planned":
                held[r["province_code"]] = held.get(r["province_code"], 0) + 1
    return listed, held


def test_every_pilot_province_has_a_sourced_count(dataset: Dataset) -> None:
    frame = coverage_frame(dataset)
    assert list(frame.index) == ["31", "48", "92", "75", "79"]  # the five, in programme order
    assert frame["source_url"].str.startswith("https://").all()
    listed, held = _from_files()
    assert frame["parks_in_sources"].to_dict() == listed
    assert frame["in_dataset"].to_dict() == {c: held.get(c, 0) for c in listed}
    assert (frame["in_dataset"] <= frame["parks_in_sources"]).all()  # the shipped data is a sample of what exists


def test_a_planned_park_is_held_but_not_set_against_the_sources_count(dataset: Dataset) -> None:
    planned = dataset.parks[dataset.parks["status"] == "planned"]
    assert len(planned) > 0  # the shipped data has some (Hòa Nhơn, Long Đức 3, ...)
    frame = coverage_frame(dataset)
    assert frame["planned"].sum() == planned["province_code"].isin(frame.index).sum()
    assert (frame["in_dataset"] + frame["planned"]).sum() == dataset.parks["province_code"].isin(frame.index).sum()
    for lang, word in (("vi", "quy hoạch"), ("en", "planning stage")):
        assert f"{len(planned)} " in coverage_caption(dataset, lang) and word in coverage_caption(dataset, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_caption_gives_held_and_listed_totals(dataset: Dataset, lang: str) -> None:
    listed, held = _from_files()
    text = coverage_caption(dataset, lang)
    assert f"{sum(held[c] for c in listed)} " in text and f"≈ {sum(listed.values())} " in text
    table = coverage_table(dataset, lang)
    assert table.iloc[:, 1].dtype.kind == "i" and table.iloc[:, 3].dtype.kind == "f"  # numbers stay numbers


def test_the_overview_names_the_sources_count_beside_the_dataset_count(dataset: Dataset) -> None:
    overlay = build_overlay(dataset.values, dataset.parks["park_id"], dataset.indicators["D35-37.2c"], 2024, "vi")
    table = province_summary(overlay, dataset.parks, dataset.province_names("vi"), "vi", dataset.coverage).set_index(
        "Tỉnh, thành phố"
    )
    assert table.at["Hải Phòng", "Theo nguồn"] == 40
    assert table.at["Hải Phòng", "Số KCN"] == _from_files()[1]["31"]
    assert table["Theo nguồn"].isna().sum() == 1  # Ninh Bình: not a pilot province, no count


def test_a_coverage_row_for_an_unknown_province_is_refused(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "parks" / "coverage.csv"
    path.write_text(path.read_text(encoding="utf-8") + "99,3,False,2025-01-01,https://example.org,\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    assert "parks/coverage.csv" in str(err.value) and "province_code" in str(err.value)


def test_parks_without_a_location_are_listed_and_counted_never_drawn(dataset: Dataset) -> None:
    from eipmap.display.overview import unplaced_parks

    unplaced = dataset.parks[dataset.parks["lat"].isna()]
    assert len(unplaced) >= 30 and (unplaced["location_accuracy"] == "unknown").all()
    assert unplaced["source_urls"].str.startswith("http").all()  # each comes from a cited list
    table = unplaced_parks(dataset.parks, "vi")
    assert sorted(table["Khu công nghiệp"]) == sorted(unplaced["name_vi"])
    frame = coverage_frame(dataset)
    counted = dataset.parks[dataset.parks["province_code"].isin(frame.index)]
    assert (frame["in_dataset"] + frame["planned"]).sum() == len(counted)  # the unplaced are counted
    assert not dataset.values["park_id"].isin(unplaced["park_id"]).any()  # and carry no invented values
    per_province = unplaced.groupby("province_code").size()
    assert frame["unplaced"].to_dict() == {
        c: int(per_province.get(c, 0)) for c in frame.index
    }  # the data page's column


def test_a_point_for_a_park_of_unknown_location_is_refused(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "parks" / "parks.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = frame.index[frame["location_accuracy"] == "unknown"][0]
    frame.loc[row, ["lat", "lon"]] = ["10.9", "106.8"]
    frame.to_csv(path, index=False)
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    assert f"row {row + 1}" in str(err.value) and "location_accuracy is 'unknown'" in str(err.value)


def test_the_overview_counts_say_how_many_of_their_values_are_illustrative(dataset: Dataset) -> None:
    from eipmap.display.overview import illustrative_note

    overlay = build_overlay(dataset.values, dataset.parks["park_id"], dataset.indicators["D35-37.2c"], 2024, "vi")
    known = overlay.table.dropna(subset=["value"])
    n = int((known["provenance"] == "illustrative").sum())
    assert n and illustrative_note(overlay, "vi").startswith(f"{n} trong {len(known)} giá trị")
    reported = build_overlay(dataset.values, dataset.parks["park_id"], dataset.indicators["KPI-09"], 2024, "en")
    only = reported.table[reported.table["provenance"] == "reported"]
    assert not only.empty  # Amata's reported 2024 figure
    assert illustrative_note(replace(reported, table=only), "en") == ""  # nothing illustrative: nothing to say


def test_the_overview_of_a_dataset_without_some_pilot_provinces_gives_them_a_row_of_none(tiny: Dataset) -> None:
    """tests/data/tiny holds parks in Đà Nẵng and Cần Thơ only: the other three pilot provinces show 0 parks.

    The table and the status chart beside it list the same provinces, named from the province outlines.
    """
    ind = tiny.indicators[tiny.default_indicator]
    overlay = build_overlay(tiny.values, tiny.parks["park_id"], ind, tiny.default_year, "en")
    names = tiny.province_names("en")
    table = province_summary(overlay, tiny.parks, names, "en", tiny.coverage)
    assert list(table.iloc[:, 0]) == [names[c] for c in ("31", "48", "92", "75", "79")]
    assert list(table.iloc[:, 1]) == [0, 2, 2, 0, 0]  # every park counted, the one without a location too
    assert list(table.iloc[[0, 3, 4], 3]) == [0, 0, 0]  # no value where no park
    counts = province_status_counts(overlay, tiny.parks)
    assert list(counts.index) == ["31", "48", "92", "75", "79"]  # the chart's rows: the same provinces
    assert list(counts.sum(axis=1)) == list(table.iloc[:, 1])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_provinces_caption_counts_its_parks_against_the_sources_and_names_the_undrawn(
    dataset: Dataset, lang: str
) -> None:
    """The presentation's province step: held of listed, and how many of the province's parks are not drawn."""
    from eipmap.display.coverage import province_caption

    sources = dataset.coverage.set_index("province_code")
    names = dataset.province_names(lang)
    for code in dataset.province_codes:
        own = dataset.parks[dataset.parks["province_code"] == code]
        caption, unplaced = province_caption(dataset, code, lang), int(own["lat"].isna().sum())
        if code not in sources.index and not unplaced:
            assert caption == "", code  # Ninh Bình's two pilot parks: no sources count, all drawn
            continue
        held, listed = int((own["status"] != "planned").sum()), int(sources.at[code, "parks_in_sources"])
        approx = "≈ " if sources.at[code, "approximate"] else ""
        share = fmt_number(held / listed * 100.0, lang, 0)
        counted = t(
            "coverage.province_caption", lang, held=held, listed=f"{approx}{listed}", province=names[code], share=share
        )
        assert caption.startswith(counted), code
        undrawn = t("coverage.unplaced_note", lang, count=unplaced, province=names[code])
        assert (undrawn in caption) == bool(unplaced), code


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_provinces_bars_draw_its_measured_parks_and_count_the_rest_in_words(dataset: Dataset, lang: str) -> None:
    """Every province at the newest year and at the year with most values: no park is lost between bars and words."""
    from eipmap.analysis.story import province_values
    from eipmap.display.coverage import province_bars

    ind = dataset.default_indicator
    kinds = set()
    for year in (dataset.years[-1], dataset.default_year):
        for code in dataset.province_codes:
            every = province_values(dataset, code, ind, year)
            bars, caption = province_bars(dataset, code, ind, year, lang)
            missing = int(every["value"].isna().sum())
            if missing == len(every):  # no value at all: every park is a row saying so
                assert len(bars) == len(every), code
            else:
                assert list(bars.index) == list(every.dropna(subset=["value"]).index), code
            left_out = t("present.without_value", lang, count=missing, year=year)
            assert (left_out in caption) == (0 < missing < len(every)), (code, year)
            kinds.add((missing == len(every), 0 < missing < len(every)))
    assert (False, True) in kinds  # some province had parks with and without values
