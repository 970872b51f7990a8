"""Which data an export or a screen shows, in words: "Data: release 3, published 2026-12-02"."""

from __future__ import annotations

from eipmap.domain.models import ReleaseStamp
from eipmap.i18n import t


def release_text(stamp: ReleaseStamp, lang: str) -> str:
    """'Data: release 3, published 2026-12-02' (or 'the data files, not a published release')."""
    if stamp.number == 0 or stamp.published is None:
        return t("releases.stamp_files", lang)
    return t("releases.stamp", lang, release=stamp.number, date=stamp.published.isoformat())
