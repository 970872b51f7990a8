"""Compile each of folium's Jinja templates once per process (imported by ``eipmap.render.maps.base``)."""

from __future__ import annotations

import functools

import jinja2


def compile_templates_once() -> None:
    """Share compiled Jinja templates between folium elements.

    folium and branca compile a template for every element they create and for many of their
    render steps — a few hundred compilations (~0.35 s) per rerun of the map page, for a
    handful of distinct sources. Templates are immutable once compiled, so each source is
    compiled once per process. Only the modules' own name ``Template`` is replaced.
    """
    import branca.element
    import folium.elements
    import folium.features
    import folium.folium
    import folium.map
    import folium.raster_layers
    import folium.vector_layers

    for module in (
        branca.element,
        folium.elements,
        folium.features,
        folium.folium,
        folium.map,
        folium.raster_layers,
        folium.vector_layers,
    ):
        original = getattr(module, "Template", None)
        if isinstance(original, type) and issubclass(original, jinja2.Template):
            module.Template = functools.lru_cache(maxsize=2048)(original)  # type: ignore[attr-defined]


compile_templates_once()
