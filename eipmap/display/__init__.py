"""One language: frames with labelled columns and numeric values, legend texts, verdicts in words.

Belongs here: what a screen shows, prepared without Streamlit (and so unit-tested): panel facts, the
compare and readiness tables, the about page's inventory, the shareable view state, and ``tables`` — the
one place a number becomes text. Imports ``analysis``, ``domain`` and ``i18n``; never a renderer or the
write side.
"""
