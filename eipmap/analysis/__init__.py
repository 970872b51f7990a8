"""Pure pandas over a Dataset: scores, overlays, gaps, readiness verdicts, comparisons, search, the story.

Belongs here: functions that take a Dataset (and an indicator, year, park…) and return numbers and frames.
Must not format numbers as text, render anything, or touch the release store. A few modules still ask
``i18n`` for a label; pyproject.toml lists those crossings, and the list may only shrink.
"""
