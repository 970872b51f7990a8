"""The folder keeps its shape: every module under a layer contract, and modules and functions of a readable size.

Sizes: a module of at most 300 lines, a function of at most 40. The allow-lists name today's exceptions
with their current size; they may only shrink (a listed function that grows, or a new one over the limit,
fails), so the code is split before more is added.
"""

from __future__ import annotations

import ast
import tomllib

from eipmap.config import PACKAGE_DIR, REPO_DIR

MODULE_LINES = 300
FUNCTION_LINES = 40
LONG_MODULES: dict[str, int] = {}
LONG_FUNCTIONS = {  # file::function → lines today; shrink these, never grow them
    "render/charts.py::build_small_multiples": 55,
    "render/charts_compare.py::build_status_bars": 42,
    "releases/store.py::publish": 53,
    "ui/compare_page.py::render": 45,
    "ui/gap_widgets.py::gap_filter": 83,
    "ui/map_page.py::render": 44,
    "ui/tables.py::show_table": 50,
    "ui/update_page.py::render": 47,
    "releases/update.py::publish_upload": 47,
    "releases/upload.py::_frame": 49,
    "releases/upload.py::_read_workbook": 56,
    "display/viewstate.py::parse_view": 59,
}


def _modules() -> dict[str, str]:
    return {
        p.relative_to(PACKAGE_DIR).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(PACKAGE_DIR.rglob("*.py"))
        if "migrations" not in p.parts
    }


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def test_every_layer_is_under_the_ui_contract() -> None:
    (contract,) = [c for c in _contracts() if c["forbidden_modules"] == ["eipmap.ui"]]
    listed = set(contract["source_modules"])  # type: ignore[call-overload]
    layers = {"eipmap." + rel.split("/")[0].removesuffix(".py") for rel in _modules() if rel != "__init__.py"}
    assert layers - {"eipmap.ui"} - listed == set(), "add the new layer to the import-linter contracts"


def test_the_layer_contracts_have_no_exceptions() -> None:
    assert [c["name"] for c in _contracts() if c.get("ignore_imports")] == []


def test_the_package_has_no_flat_modules_left() -> None:
    """Every module sits in its layer; only the settings and the one private-API adapter stay at the top."""
    flat = {rel for rel in _modules() if "/" not in rel}
    assert flat == {"__init__.py", "config.py", "private_api.py"}


def test_modules_stay_under_300_lines() -> None:
    lines = {rel: len(text.splitlines()) for rel, text in _modules().items()}
    assert {k: v for k, v in lines.items() if v > LONG_MODULES.get(k, MODULE_LINES)} == {}


def test_functions_stay_under_40_lines_and_the_exceptions_only_shrink() -> None:
    found = {}
    for rel, text in _modules().items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    found[f"{rel}::{node.name}"] = length
    grown = {k: v for k, v in found.items() if v > LONG_FUNCTIONS.get(k, FUNCTION_LINES)}
    assert grown == {}, "split these functions (or shrink the allow-list when one got shorter)"


# Test folders beside the package's layers: the end-to-end tests and the tests whose subject is the shipped data.
OTHER_TEST_FOLDERS = {"browser", "sweep", "shipped_data", "data"}
TESTS_DIR = REPO_DIR / "tests"


def test_tests_mirror_the_package() -> None:
    """tests/<layer>/ holds the tests of eipmap/<layer>/; every layer has its folder, and no test lies loose.

    Left at the top: this file (the package as a whole) and the adapter's contract test (eipmap/private_api.py).
    """
    layers = {p.name for p in PACKAGE_DIR.iterdir() if (p / "__init__.py").exists()} - {"migrations"}
    folders = {p.name for p in TESTS_DIR.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert layers <= folders, f"layers without a test folder: {sorted(layers - folders)}"
    assert folders <= layers | OTHER_TEST_FOLDERS, f"test folders of no layer: {sorted(folders - layers)}"
    loose = {p.name for p in TESTS_DIR.glob("test_*.py")}
    assert loose == {"test_architecture.py", "test_private_api.py"}
    for folder in folders - {"data"}:
        assert (TESTS_DIR / folder / "__init__.py").exists(), folder
        assert list((TESTS_DIR / folder).glob("test_*.py")), f"tests/{folder}/ holds no test"


def test_the_screens_load_without_the_export_libraries() -> None:
    """python-pptx and matplotlib load on an export's click, not when a screen (or the what-if) is imported."""
    import subprocess
    import sys

    code = (
        "import sys, eipmap.ui.map_page, eipmap.ui.readiness_page, eipmap.ui.present_page;"
        "print(sorted(m for m in ('pptx', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_DIR, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_the_first_screen_loads_without_folium_pandera_or_openpyxl() -> None:
    """The map page's start imports none of them: each is ≈ 70–200 ms of a cold start.

    Its map is our component; validation, Excel and the folium maps (gap analysis, presentation, saved map) load
    when used.
    """
    import subprocess
    import sys

    heavy = "('folium', 'branca', 'streamlit_folium', 'pandera', 'openpyxl')"
    code = f"import sys, eipmap.ui.layout, eipmap.ui.map_page; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_DIR, check=True)
    assert out.stdout.strip() == "[]", out.stdout
