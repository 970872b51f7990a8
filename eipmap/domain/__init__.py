"""The vocabulary every other layer speaks: parks, indicators, values, links, the Dataset and its errors.

Belongs here: frozen dataclasses and enums (``models``), the ``Dataset`` a screen reads (``dataset``), the one
error type that lists every problem with its file, row and column (``errors``), text normalisation. Must not
import anything else of eipmap, nor pandera, streamlit, folium or SQLAlchemy: a domain object is the same whether
it came from the shipped CSVs, a release or a test.
"""
