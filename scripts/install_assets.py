"""Copy Leaflet (XStatic-Leaflet) and jQuery (XStatic-jQuery, which folium popups use) into static/vendor/.

Run by ``make run`` / ``make test`` after pip; the dashboard also does it on its first start
(``eipmap.render.maps.assets.install_assets``), so ``streamlit run app.py`` works after
``pip install -r requirements.txt`` alone. The files are never committed (static/vendor/ is git-ignored).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eipmap.render.maps.assets import install_assets

if __name__ == "__main__":
    install_assets()
