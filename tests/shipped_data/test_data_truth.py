"""Data a ministry can stand behind: illustrative splits stay within the reported totals they split."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from eipmap.config import data_dir
from eipmap.display.about import programme_totals
from eipmap.domain.dataset import Dataset
from eipmap.ingest.loading import DataValidationError, load_dataset

SPLITS = ("KPI-05", "KPI-06", "KPI-07")  # the indicators whose per-park values split a reported programme total
DATA = data_dir()
NOT_COVERED = ("hoa-khanh", "tra-noc-1", "tra-noc-2")  # the reported totals cover the other GEIPP parks


@pytest.mark.parametrize("ind_id", SPLITS)
def test_an_illustrative_split_never_exceeds_the_reported_total(dataset: Dataset, ind_id: str) -> None:
    (total,) = dataset.programme.loc[dataset.programme["indicator_id"] == ind_id, "value"]
    rows = dataset.values[dataset.values["indicator_id"] == ind_id]
    assert not rows.empty and (rows["provenance"] == "illustrative").all()
    by_year = rows.groupby("year")["value"].sum()
    assert (by_year <= total).all(), by_year[by_year > total]
    assert by_year.max() == pytest.approx(total)  # the split reaches the total, in the newest year
    assert not rows["park_id"].isin(NOT_COVERED).any()


def _operating_symbiosis(dataset: Dataset, park_id: str, year: int) -> int:
    """Independent count: the park's links counted as symbiosis that ran in ``year``."""
    n = 0
    for link in dataset.links[dataset.links["park_id"] == park_id].to_dict("records"):
        start = link["year_operating_start"]
        if not link["counts_as_symbiosis"] or start is None or pd.isna(start) or int(start) > year:
            continue
        n += link["status"] == "operating" or (link["status"] == "discontinued" and link["year_status_changed"] > year)
    return n


def test_symbiosis_joins_two_enterprises_inside_the_park(dataset: Dataset) -> None:
    """Circular 05/2025 Art. 2(1)(a): an exchange among enterprises within the park; the rest is cooperation."""
    external = set(dataset.firms.loc[dataset.firms["is_external"], "firm_id"])
    counted = dataset.links[dataset.links["counts_as_symbiosis"]]
    assert not (counted["from_firm_id"].isin(external) | counted["to_firm_id"].isin(external)).any()
    cooperation = set(dataset.links.loc[~dataset.links["counts_as_symbiosis"], "link_id"])
    assert {"IS-DV-01", "IS-HP-02"} <= cooperation  # the police agreement; the mandatory central WWTP


def test_the_criterion_count_is_the_operating_symbiosis_links_and_never_a_zero_from_silence(dataset: Dataset) -> None:
    rows = dataset.values[dataset.values["indicator_id"] == "D35-37.2b"]
    assert not rows.empty
    for row in rows.to_dict("records"):
        assert row["value"] == _operating_symbiosis(dataset, row["park_id"], row["year"]) > 0, row


def test_documented_links_mark_what_they_fill_in(dataset: Dataset) -> None:
    reported = dataset.links[dataset.links["provenance"] == "reported"].set_index("link_id")
    for link_id in ("IS-HK-01", "IS-TN-04"):  # the source gives existence and status, not firms or years
        filled = set(str(reported.at[link_id, "illustrative_fields"]).split(";"))
        assert {"from_firm_id", "to_firm_id", "year_operating_start"} <= filled
    running = dataset.values[
        (dataset.values["indicator_id"] == "D35-37.2b") & (dataset.values["park_id"] == "hoa-khanh")
    ]
    assert (running["provenance"] == "illustrative").all()  # a count on filled-in years is no estimate


def test_the_twelve_opportunities_as_the_sources_tell_them(dataset: Dataset) -> None:
    """Hòa Khánh and Trà Nóc: one opportunity each implemented; at Hòa Khánh two potential ones remain (2023)."""
    links = dataset.links
    twelve = links[links["notes"].fillna("").str.contains("one of the 12 opportunities")]
    for parks in (["hoa-khanh"], ["tra-noc-1", "tra-noc-2"]):
        own = twelve[twelve["park_id"].isin(parks)]
        assert own["status"].isin(["operating", "discontinued"]).sum() == 1, parks
    hoa_khanh = twelve[twelve["park_id"] == "hoa-khanh"]
    assert (hoa_khanh["status"] == "feasibility").sum() == 2


# companies a park's own row names, and sector words that would point at them if a placeholder used them
NAMED_TENANTS = {"Bridgestone": ("tyre", "tire", "lốp"), "Knauf": ("gypsum board", "plasterboard", "tấm thạch cao")}


def test_no_placeholder_firm_points_at_a_named_tenant(dataset: Dataset) -> None:
    parks = dataset.parks.set_index("park_id")
    placeholders = dataset.firms[~dataset.firms["is_named_in_source"]]
    checked = 0
    for firm in placeholders.to_dict("records"):
        park_text = " ".join(str(v) for v in parks.loc[firm["park_id"]].to_numpy())
        label = f"{firm['name_vi']} {firm['name_en']} {firm['sector']}".lower()
        for company, words in NAMED_TENANTS.items():
            if company in park_text:
                checked += 1
                assert not any(w in label for w in words), (firm["firm_id"], company)
    assert checked, "DEEP C's row names such tenants, so its placeholders are checked"


def test_the_illustrative_values_are_what_the_seeded_generator_writes() -> None:
    """values.csv is reproducible from the parks, the links and the seed (nothing hand-edited in between)."""
    import importlib.util
    import io
    import random

    from tests.conftest import DATA

    spec = importlib.util.spec_from_file_location("generate_data", DATA.parent / "scripts" / "generate_data.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    parks = pd.read_csv(DATA / "parks" / "parks.csv")
    links = pd.read_csv(DATA / "symbiosis" / "links.csv", dtype={"year_operating_start": "Int64"})
    buffer = io.StringIO()
    gen.value_table(parks, links, random.Random(gen.SEED)).to_csv(buffer, index=False)
    assert buffer.getvalue() == (DATA / "indicators" / "values.csv").read_text(encoding="utf-8")


def test_programme_totals_are_data_read_from_the_file(tmp_path: Path) -> None:
    """A corrected reported figure is a change to data/programme/totals.csv, and the data page shows it."""
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "programme" / "totals.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",4400,", ",4500,"), encoding="utf-8")
    totals = programme_totals(load_dataset(tmp_path / "data").programme)
    assert [t.value for t in totals if t.label_en == "Electricity saved"] == [4500.0]
    assert totals[2].label("vi") == "Điện tiết kiệm (MWh/năm)" and totals[0].label("en") == "RECP solutions"


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [(",reported,https", ",illustrative,https", "provenance"), (",KPI-05,", ",KPI-99,", "indicator_id")],
)
def test_a_programme_total_that_is_not_reported_or_splits_an_unknown_indicator_is_refused(
    tmp_path: Path, old: str, new: str, column: str
) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "programme" / "totals.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    (failure,) = [f for f in err.value.failures if f.file == "programme/totals.csv"]
    assert failure.column == column and failure.row is not None


def test_the_opening_view_is_data_and_an_unknown_indicator_is_refused(dataset: Dataset, tmp_path: Path) -> None:
    assert (dataset.default_indicator, dataset.default_year) == ("D35-37.2c", 2024)  # data/indicators/defaults.csv
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "indicators" / "defaults.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("D35-37.2c,2024", "KPI-09,2023"), encoding="utf-8")
    changed = load_dataset(tmp_path / "data")
    assert (changed.default_indicator, changed.default_year) == ("KPI-09", 2023)
    path.write_text(path.read_text(encoding="utf-8").replace("KPI-09,2023", "XX-1,2023"), encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    (failure,) = err.value.failures
    assert (failure.file, failure.row, failure.column) == ("indicators/defaults.csv", 1, "indicator_id")


def test_the_series_first_year_is_data(dataset: Dataset, tmp_path: Path) -> None:
    """Screens start at first_year of defaults.csv; moving it moves every span, and earlier values are refused."""
    assert dataset.years[0] == dataset.first_year == 2019  # the GEIPP baseline, data/indicators/defaults.csv
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "indicators" / "defaults.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("D35-37.2c,2024,2019", "D35-37.2c,2024,2017"), "utf-8")
    earlier = load_dataset(tmp_path / "data")
    assert earlier.years == range(2017, dataset.years.stop)
    path.write_text(path.read_text(encoding="utf-8").replace("D35-37.2c,2024,2017", "D35-37.2c,2024,2021"), "utf-8")
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    failures = err.value.failures
    assert failures and {(f.file, f.column) for f in failures} == {("indicators/values.csv", "year")}
    assert all(f.value in {"2019", "2020"} and "first_year" in f.expected for f in failures)


def test_the_file_inventory_is_data_and_complete(dataset: Dataset, tmp_path: Path) -> None:
    """data/files.csv names every data file (the about page's table); an unlisted or a missing file is refused."""
    assert set(dataset.files["file"]) == {
        p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.suffix in {".csv", ".geojson"}
    }
    assert dataset.files[["source_vi", "source_en", "licence_vi", "licence_en"]].notna().all().all()
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "parks" / "extra.csv").write_text("a\n1\n", encoding="utf-8")
    (tmp_path / "data" / "sources" / "geipp_split.csv").unlink()
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path / "data")
    found = {(f.file, f.row is None, f.column, f.value) for f in err.value.failures}
    assert found == {
        ("files.csv", True, "file", "parks/extra.csv"),
        ("files.csv", False, "file", "sources/geipp_split.csv"),
    }


def test_the_illustrative_model_is_data_and_a_bad_row_is_refused(tmp_path: Path) -> None:
    """The generator's thresholds and lines are data/sources/illustrative_model.csv, validated by row and column."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_data", DATA.parent / "scripts" / "generate_data.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.LINEAR["D35-37.2c"] == (3.0, 34.0) and gen.BOOLEAN_THRESHOLDS["D35-37.1a"] == 0.25
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "sources" / "illustrative_model.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("KPI-11,linear,2.0,25.0", "KPI-99,linear,2.0,").replace("KPI-16,threshold", "KPI-16,curve")
    )
    gen.ROOT = tmp_path
    with pytest.raises(DataValidationError) as err:
        gen.illustrative_model()
    found = {(f.file, f.row, f.column) for f in err.value.failures}
    model = "sources/illustrative_model.csv"
    assert found == {(model, 5, "model"), (model, 15, "indicator_id"), (model, 15, "b")}
