"""The update screens' tables: problems by place, the preview per park, in the chosen language."""

from __future__ import annotations

import pandas as pd

from eipmap.display.update_view import change_tables, failure_table
from eipmap.domain.dataset import Dataset
from eipmap.domain.errors import Failure


def test_failure_table_keeps_every_problem_with_its_place() -> None:
    failures = [
        Failure("dn.xlsx › values", 5, "year", "2031", "a value ≤ 2025", True),
        Failure("dn.xlsx", None, None, "", "x", True),
    ]
    table = failure_table(failures, "vi")
    assert list(table.columns) == ["Vị trí", "Dòng", "Cột", "Giá trị", "Yêu cầu"]
    assert table.iloc[0].tolist() == ["dn.xlsx › values", 5, "year", "2031", "a value ≤ 2025"]
    assert pd.isna(table.iloc[1]["Dòng"])  # a file-level problem has no row, not row 0


def test_change_tables_count_per_park_in_english(dataset: Dataset) -> None:
    changes = pd.DataFrame(
        [
            ("values", "hoa-khanh", "hoa-khanh|KPI-09|2024", "changed", "value: 1 → 2"),
            ("values", "hoa-khanh", "hoa-khanh|KPI-09|2019", "removed", ""),
            ("parks", "kcn-moi", "kcn-moi", "added", ""),
        ],
        columns=["table", "park_id", "key", "change", "detail"],
    )
    summary, detail = change_tables(changes, dataset.parks, "en")
    by_park = summary.set_index("Park")
    assert by_park.loc["Hoa Khanh Industrial Park", "changed"] == 1
    assert by_park.loc["Hoa Khanh Industrial Park", "removed"] == 1
    assert by_park.loc["kcn-moi", "added"] == 1  # a new park is named by its id until it is published
    assert list(detail.columns) == ["Table", "Park", "Key", "Change", "Detail"]
