"""A static map image (PNG) of the provinces and parks, drawn without a browser (matplotlib)."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display on servers and CI

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from eipmap.display.overlay import NO_DATA_COLOUR, Overlay
from eipmap.domain.dataset import Dataset
from eipmap.domain.models import PILOT_PROVINCE_CODES
from eipmap.i18n import t
from eipmap.render.maps.base import archipelago_frame
from eipmap.render.maps.features import LAND_COLOUR, PILOT_OUTLINE, SEA_COLOUR, park_radius
from eipmap.render.maps.view import label_point

EXTENT = (101.8, 117.5, 8.0, 23.6)  # lon min, lon max, lat min, lat max
FONT = "DejaVu Sans"


def _draw_ground(ax: Axes, data: Dataset) -> None:
    data.background.plot(ax=ax, color="#e6e3dc", edgecolor="#b8b2a6", linewidth=0.4)
    data.provinces.plot(ax=ax, color=LAND_COLOUR, edgecolor="#c9c3b6", linewidth=0.4)
    pilot = data.provinces[data.provinces["province_code"].isin(PILOT_PROVINCE_CODES)]
    pilot.boundary.plot(ax=ax, color=PILOT_OUTLINE, linewidth=1.4)


def _draw_archipelagos(ax: Axes, data: Dataset, lang: str) -> None:
    for rec in data.archipelagos.to_dict("records"):
        (s, w), (n, e) = archipelago_frame(rec)
        ax.add_patch(Rectangle((w, s), e - w, n - s, fill=False, edgecolor="#4a5a78", linestyle=":", linewidth=0.8))
        ax.text(
            (w + e) / 2,
            n + 0.35,
            f"{rec[f'name_{lang}']}\n({rec['province_vi']})",
            ha="center",
            fontsize=7,
            style="italic",
            color="#24324f",
            family=FONT,
        )


def _draw_parks(ax: Axes, data: Dataset, overlay: Overlay) -> None:
    located = data.parks.dropna(subset=["lat", "lon"])  # a park without a sourced location is not drawn
    frame = located.join(overlay.table[["colour"]], on="park_id").sort_values("is_demonstration")
    for rec in frame.to_dict("records"):
        no_data = rec["colour"] == NO_DATA_COLOUR
        size = park_radius(rec["area_ha"], rec["is_demonstration"]) ** 2 * 1.6
        ax.scatter(
            rec["lon"],
            rec["lat"],
            s=size,
            c=rec["colour"],
            zorder=3,
            edgecolors="#111111" if rec["is_demonstration"] else "#555555",
            linewidths=1.6 if rec["is_demonstration"] else 0.6,
            linestyle="--" if no_data else "-",
        )


def _legend(ax: Axes, overlay: Overlay, lang: str) -> None:
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=e.colour, markeredgecolor="#555555")
        for e in overlay.legend
    ]
    title = "\n".join(textwrap.wrap(f"{overlay.indicator.name(lang)} · {overlay.year}", 42))
    ax.legend(
        handles,
        [e.label for e in overlay.legend],
        title=title,
        loc="upper right",
        fontsize=7,
        title_fontsize=7,
        frameon=True,
        prop={"family": FONT, "size": 7},
    )


def render_map_png(data: Dataset, overlay: Overlay, lang: str, size_in: tuple[float, float] = (7.5, 6.2)) -> bytes:
    """The five pilot provinces and every park coloured by the overlay, with Hoàng Sa and Trường Sa labelled."""
    fig, ax = plt.subplots(figsize=size_in, dpi=150)
    ax.set_facecolor(SEA_COLOUR)
    _draw_ground(ax, data)
    _draw_archipelagos(ax, data, lang)
    _draw_parks(ax, data, overlay)
    for rec in data.provinces[data.provinces["province_code"].isin(PILOT_PROVINCE_CODES)].to_dict("records"):
        lat, lon = label_point(rec["geometry"], 0.15)
        ax.text(lon, lat, rec[f"name_{lang}"], ha="center", fontsize=8, weight="bold", color=PILOT_OUTLINE, family=FONT)
    _legend(ax, overlay, lang)
    ax.set_xlim(EXTENT[0], EXTENT[1])
    ax.set_ylim(EXTENT[2], EXTENT[3])
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(t("app.title", lang), fontsize=10, family=FONT)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
