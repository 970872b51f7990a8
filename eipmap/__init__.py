"""eipmap: the data, scoring, map and chart layer of the eco-industrial park dashboard."""

from __future__ import annotations

__version__ = "0.1.0"
