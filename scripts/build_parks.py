"""Convert the researched park list (../shared/reference/parks.csv) into data/parks/parks.csv.

The reference file is free text in places (province notes, "1994 (December)",
"medium (~1 km): …"); this script turns it into the project's typed columns and
keeps every original remark in a note column, so nothing is lost. Blank stays
blank: an area, year or operator no source gives is left empty.

Run: ``python scripts/build_parks.py ../shared/reference/parks.csv``

This was the first conversion. Since December 2026 ``parks.csv`` is edited as data: 83 parks were added from
source pages (14 placed at the centre of the ward their source names), and seven points moved onto the redrawn
shore. The script refuses to overwrite a file that holds parks the reference does not, so a rerun can never drop
them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "parks" / "parks.csv"
DEMONSTRATION = {"amata-bien-hoa", "deep-c-haiphong-1", "hiep-phuoc", "hoa-khanh", "tra-noc-1", "tra-noc-2"}
EARLIER_PILOT = {"khanh-phu", "gian-khau", "hoa-khanh", "tra-noc-1", "tra-noc-2"}
GEIPP2 = {"deep-c-haiphong-1", "nam-cau-kien"}
STATUS_WORDS = (("planned", "planned"), ("under development", "under_construction"), ("being converted", "converting"))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _former_province(raw: str) -> tuple[str, str]:
    """Split 'Hải Dương (inferred)' into the name and the qualifier."""
    match = re.match(r"^([^()]+?)\s*(?:\((.*)\))?$", raw.strip())
    if match is None:
        raise SystemExit(f"cannot read province {raw!r}")
    return _nfc(match.group(1)), _nfc(match.group(2) or "")


def _accuracy(raw: str) -> tuple[str, float]:
    """'low (~3-5 km): …' -> ('approximate', 5.0): the upper bound of the stated error."""
    numbers = (
        [float(n) for n in re.findall(r"(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*km", raw)[0] if n]
        if "km" in raw
        else [5.0]
    )
    return "approximate", max(numbers)


def _year(raw: str) -> str:
    match = re.search(r"\b(19|20)\d{2}\b", raw)
    return match.group(0) if match else ""


def _status(name_en: str, established: str) -> str:
    text = f"{name_en} {established}".lower()
    if _year(established) == "2025":
        return "under_construction"  # licensed in 2025: no operating history yet
    for word, status in STATUS_WORDS:
        if word in text:
            return status
    return "operating"


def _programme(park_id: str) -> str:
    roles = []
    if park_id in DEMONSTRATION:
        roles.append("geipp_demonstration")
    if park_id in EARLIER_PILOT:
        roles.append("pilot_2014_2019")
    if park_id in GEIPP2:
        roles.append("geipp2_replication")
    return "|".join(roles)


def convert(src: Path, merge_csv: Path) -> pd.DataFrame:
    """Typed park table with provenance, one row a park."""
    ref = pd.read_csv(src, dtype=str, keep_default_na=False)
    merge = pd.read_csv(merge_csv, dtype=str, keep_default_na=False)
    code_of_old = dict(zip(merge["old_name"], merge["new_code"], strict=True))
    code_of_old["TP. Hồ Chí Minh"] = "79"
    rows = []
    for rec in ref.to_dict("records"):
        former, former_note = _former_province(rec["province_pre2025"])
        accuracy, error_km = _accuracy(rec["coord_confidence"])
        rows.append(
            {
                "park_id": rec["id"],
                "name_vi": _nfc(rec["name_vi"]),
                "name_en": _nfc(rec["name_en"]),
                "province_code": code_of_old[former],
                "former_province": former,
                "former_province_note": former_note,
                "lat": float(rec["lat"]),
                "lon": float(rec["lon"]),
                "location_accuracy": accuracy,
                "location_error_km": error_km,
                "location_note": _nfc(rec["coord_confidence"]),
                "area_ha": rec["area_ha"],
                "tenants": _nfc(rec["tenants"]),
                "sectors": _nfc(rec["sectors"]),
                "operator": _nfc(rec["operator"]),
                "established_year": _year(rec["established"]),
                "established_note": _nfc(rec["established"]),
                "status": _status(rec["name_en"], rec["established"]),
                "is_demonstration": rec["id"] in DEMONSTRATION,
                "programme_roles": _programme(rec["id"]),
                "programme_note": _nfc(rec["is_geipp_pilot"]),
                "notes": _nfc(rec["notes"]),
                "source_urls": " | ".join(u.strip() for u in rec["source_url"].split("|") if u.strip()),
            }
        )
    return pd.DataFrame(rows)


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference" / "parks.csv")
    table = convert(source, ROOT / "data" / "geo" / "province_merge_2025.csv")
    if OUT.exists():
        extra = set(pd.read_csv(OUT, dtype=str)["park_id"]) - set(table["park_id"])
        if extra:
            first = sorted(extra)[0]
            raise SystemExit(f"{OUT} holds {len(extra)} parks the reference does not (e.g. {first}): not overwritten")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(OUT, index=False)
