"""Artefacts a user sees or downloads: maps (``maps/``), charts, the slide deck, spreadsheets.

Belongs here: folium, plotly, python-pptx and openpyxl code that turns display frames into HTML, figures and
files. Must not import the release store or Streamlit; private third-party APIs go through
``eipmap.private_api``.
"""
