"""Copy Leaflet (XStatic-Leaflet) and jQuery (XStatic-jQuery, which folium popups use) into static/vendor/.

Run by ``make run`` / ``make test`` after pip: the files come from a package
registry at set-up time and are never committed (static/vendor/ is git-ignored).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "static" / "vendor" / "leaflet"
FILES = ("leaflet.js", "leaflet.css")


def main() -> None:
    """Copy the two files and the images folder; idempotent."""
    source = Path(xs_leaflet.BASE_DIR)
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy2(source / name, TARGET / name)
    shutil.copytree(source / "images", TARGET / "images", dirs_exist_ok=True)
    (TARGET / "VERSION").write_text(f"Leaflet {xs_leaflet.VERSION} from XStatic-Leaflet {xs_leaflet.PACKAGE_VERSION}\n")
    jquery = ROOT / "static" / "vendor" / "jquery"
    jquery.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(xs_jquery.BASE_DIR) / "jquery.min.js", jquery / "jquery.min.js")


if __name__ == "__main__":
    main()
