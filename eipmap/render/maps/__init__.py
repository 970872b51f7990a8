"""The map: base map and outlines, layers, where the view looks, Leaflet assets, static image, standalone HTML."""
