"""The one edge where files become a Dataset: read, validate (pandera schemas, cross-file checks), cache.

Belongs here: reading the data folder or a release's tables, the schemas an upload is checked with, the on-disk
cache of validated datasets. Imports only ``domain`` and ``config``; must not know about maps, translations,
screens or the release store.
"""
