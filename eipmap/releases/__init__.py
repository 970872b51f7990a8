"""The write side: the release store (SQLAlchemy + Alembic), accounts, uploads, templates, publishing.

Belongs here: everything that changes what the dashboard shows — reading an editor's workbook through the
same schemas as the shipped data (``ingest``), checking what a row touches, writing a release atomically.
Must not import a renderer, a display module or Streamlit.
"""
