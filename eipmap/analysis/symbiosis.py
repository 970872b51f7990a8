"""Symbiosis links of one park: the table users read, counts by group, and map geometry."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from eipmap.domain.models import LINK_GROUP, LinkGroup, LinkStatus, Provenance, Resource

RESOURCE_COLOURS: dict[Resource, str] = {
    Resource.WATER: "#1f78b4",
    Resource.ENERGY: "#e31a1c",
    Resource.MATERIAL: "#8c510a",
    Resource.WASTE: "#6a3d9a",
    Resource.SHARED_INFRASTRUCTURE: "#33a02c",
    Resource.SERVICE: "#ff7f00",
    Resource.UNSPECIFIED: "#737373",
}
# Leaflet dashArray per group: solid = operating, dashed = potential, dotted = ended
GROUP_DASH: dict[LinkGroup, str | None] = {
    LinkGroup.OPERATING: None,
    LinkGroup.POTENTIAL: "8 6",
    LinkGroup.ENDED: "2 6",
}
ARC_BULGE = 0.25
ARC_POINTS = 16


@dataclass(frozen=True)
class LinkCounts:
    """Operating / potential / no longer feasible; of all of them, how many are illustrative or mere cooperation."""

    operating: int
    potential: int
    ended: int
    illustrative: int = 0
    cooperation: int = 0  # not industrial symbiosis under Circular 05/2025 Art. 2(1)


def park_links(links: pd.DataFrame, firms: pd.DataFrame, park_id: str) -> pd.DataFrame:
    """The park's links with both firms' names and positions joined on, ordered by group then id."""
    own = links[links["park_id"] == park_id].copy()
    ends = firms[firms["firm_id"].isin(own["from_firm_id"]) | firms["firm_id"].isin(own["to_firm_id"])]
    names = ends.set_index("firm_id")[["name_vi", "name_en", "lat", "lon"]]  # only the firms it needs
    for end, prefix in (("from_firm_id", "from"), ("to_firm_id", "to")):
        joined = names.reindex(own[end])
        for col in names.columns:
            own[f"{prefix}_{col}"] = joined[col].to_numpy()
    own["group"] = own["status"].map(lambda s: LINK_GROUP[LinkStatus(s)].value)
    order = {g.value: i for i, g in enumerate(LinkGroup)}
    return own.sort_values(["group", "link_id"], key=lambda c: c.map(order) if c.name == "group" else c)


def count_links(own: pd.DataFrame) -> LinkCounts:
    """Counts of the three groups in a ``park_links`` table."""
    counts = own["group"].value_counts()
    illustrative = int((own["provenance"] == Provenance.ILLUSTRATIVE.value).sum())
    cooperation = int((~own["counts_as_symbiosis"].astype(bool)).sum())
    operating, potential, ended = (int(counts.get(g.value, 0)) for g in LinkGroup)
    return LinkCounts(operating, potential, ended, illustrative=illustrative, cooperation=cooperation)


def link_counts_by_park(links: pd.DataFrame) -> dict[str, LinkCounts]:
    """``count_links`` of every park that has links (a park without any is not a key)."""
    grouped = links.assign(group=links["status"].map(lambda s: LINK_GROUP[LinkStatus(s)].value))
    return {str(park_id): count_links(own) for park_id, own in grouped.groupby("park_id", sort=False)}


def arc(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    """A gently curved line (quadratic Bézier) from start to end, as (lat, lon) points.

    Curving keeps two opposite links between the same firms apart.
    """
    (y0, x0), (y1, x1) = start, end
    cx, cy = (x0 + x1) / 2 - (y1 - y0) * ARC_BULGE, (y0 + y1) / 2 + (x1 - x0) * ARC_BULGE
    pts = []
    for i in range(ARC_POINTS + 1):
        s = i / ARC_POINTS
        x = (1 - s) ** 2 * x0 + 2 * (1 - s) * s * cx + s**2 * x1
        y = (1 - s) ** 2 * y0 + 2 * (1 - s) * s * cy + s**2 * y1
        pts.append((round(y, 6), round(x, 6)))
    return pts


def arrow_head(points: list[tuple[float, float]], size: float = 0.14) -> list[tuple[float, float]]:
    """A small triangle at the end of ``points``, pointing along the last segment.

    ``size`` is the head's length as a share of the start–end distance.
    """
    (y0, x0), (y1, x1) = points[-2], points[-1]
    (ys, xs) = points[0]
    seg = math.hypot(x1 - x0, y1 - y0) or 1e-9
    ux, uy = (x1 - x0) / seg, (y1 - y0) / seg
    scale = size * math.hypot(x1 - xs, y1 - ys)
    base_x, base_y = x1 - ux * scale, y1 - uy * scale
    left = (base_y + ux * scale * 0.5, base_x - uy * scale * 0.5)
    right = (base_y - ux * scale * 0.5, base_x + uy * scale * 0.5)
    return [(y1, x1), left, right]


def sankey_frame(own: pd.DataFrame, lang: str) -> pd.DataFrame:
    """source, target, resource, group, weight rows for a Sankey diagram (every link weight 1)."""
    return pd.DataFrame(
        {
            "source": own[f"from_name_{lang}"],
            "target": own[f"to_name_{lang}"],
            "resource": own["resource"],
            "group": own["group"],
            "weight": 1.0,
        }
    )
