"""Opportunity finder: exchanges a park's firms could start, matched from the sector exchange table.

A candidate pairs a firm whose sector gives a stream (``from_sector`` of data/symbiosis/exchanges.csv, each row
citing a published case) with a firm whose sector takes it (``to_sector``). At least one firm is the park's own;
the other may sit in a park within ``max_km``. Pairs already recorded as a link (in any status, including
"not feasible") are left out: what was assessed is not proposed again.

A candidate is never data. It is computed on request, shown apart from recorded links, and becomes a potential
link only when an editor publishes it through the upload flow, so the release history records who proposed it.

Ranking (higher first)::

    score = match × (1 + 0.5·[counts for Art. 37(2)(b) and the park has no operating symbiosis]
                       + 0.25·[treated wastewater reused] + 0.25·[CO₂ captured or fuel replaced]) / (1 + km / 2)

``match`` is 1 when both sectors are named, 0.6 when the exchange takes a stream from any tenant (``*``: any firm
but the park's own shared plants);
``km`` is the distance between the two firms' points (illustrative points in the shipped data).
"""

from __future__ import annotations

from enum import StrEnum

import pandas as pd

from eipmap.domain.dataset import Dataset
from eipmap.domain.geo import km_between
from eipmap.domain.models import Benefit, LinkStatus, Provenance

ANY_TENANT = "*"
NOT_TENANTS = frozenset({"shared infrastructure", "park operator"})  # a park's own plants give no tenant's stream
EXACT_MATCH, ANY_MATCH = 1.0, 0.6
FIRST_SYMBIOSIS_BONUS, WATER_BONUS, CO2_BONUS = 0.5, 0.25, 0.25
KM_SCALE = 2.0
FIRM_COLUMNS = ["firm_id", "park_id", "name_vi", "name_en", "sector", "lat", "lon"]


class Reason(StrEnum):
    """Why a candidate is on the list; the display layer words each one."""

    SECTORS = "sectors"  # both sectors named in a published exchange
    ANY_TENANT = "any_tenant"  # the exchange takes the stream from any tenant
    COUNTS_37_2B = "counts_37_2b"  # both firms in the park: industrial symbiosis (Circular 05/2025 Art. 2(1))
    FIRST_SYMBIOSIS = "first_symbiosis"  # … and the park has no operating symbiosis yet
    OTHER_PARK = "other_park"  # the partner is in a nearby park: cooperation, not counted for Art. 37(2)(b)
    WATER_REUSE = "water_reuse"
    CO2 = "co2"


def operating_symbiosis(data: Dataset, park_id: str) -> int:
    """How many of the park's links operate and count as industrial symbiosis."""
    own = data.links[data.links["park_id"] == park_id]
    return int(((own["status"] == LinkStatus.OPERATING.value) & own["counts_as_symbiosis"].astype(bool)).sum())


def nearby_parks(data: Dataset, park_id: str, max_km: float) -> list[str]:
    """The park and every located park within ``max_km`` of its point (the park itself first)."""
    parks = data.parks.set_index("park_id")
    if park_id not in parks.index:  # a park of another release, or a stale address: no partners
        return [park_id]
    here = parks.loc[park_id]
    if max_km <= 0 or pd.isna(here["lat"]):
        return [park_id]
    located = parks.dropna(subset=["lat", "lon"])
    km = km_between(located["lat"], located["lon"], float(here["lat"]), float(here["lon"]))
    return [park_id, *(p for p in km[km <= max_km].sort_values().index if p != park_id)]


def _pairs(firms: pd.DataFrame, exchanges: pd.DataFrame) -> pd.DataFrame:
    """Every (exchange, giving firm, taking firm) whose sectors match."""
    takers = firms.merge(exchanges, left_on="sector", right_on="to_sector").add_prefix("to_")
    named = firms.merge(exchanges, left_on="sector", right_on="from_sector")
    named["match"] = EXACT_MATCH
    tenants = firms[~firms["sector"].isin(NOT_TENANTS)]
    anyone = tenants.merge(exchanges[exchanges["from_sector"] == ANY_TENANT], how="cross")
    anyone["match"] = ANY_MATCH
    givers = pd.concat([named, anyone[anyone["sector"] != anyone["to_sector"]]], ignore_index=True)
    pairs = givers.merge(takers, left_on="exchange_id", right_on="to_exchange_id")
    return pairs[pairs["firm_id"] != pairs["to_firm_id"]]


def candidates(data: Dataset, park_id: str, max_km: float = 0.0) -> pd.DataFrame:
    """Candidate exchanges of ``park_id``'s firms, best first (empty when nothing matches)."""
    parks = nearby_parks(data, park_id, max_km)
    firms = data.firms[data.firms["park_id"].isin(parks) & ~data.firms["is_external"].astype(bool)][FIRM_COLUMNS]
    pairs = _pairs(firms, data.exchanges)
    pairs = pairs[(pairs["park_id"] == park_id) | (pairs["to_park_id"] == park_id)]
    recorded = set(zip(data.links["from_firm_id"], data.links["to_firm_id"], strict=True))
    pairs = pairs[[(a, b) not in recorded for a, b in zip(pairs["firm_id"], pairs["to_firm_id"], strict=True)]]
    if pairs.empty:
        return _empty()
    return _ranked(pairs, first=operating_symbiosis(data, park_id) == 0)


def _ranked(pairs: pd.DataFrame, *, first: bool) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "exchange_id": pairs["exchange_id"],
            "from_firm_id": pairs["firm_id"],
            "to_firm_id": pairs["to_firm_id"],
            "from_park_id": pairs["park_id"],
            "to_park_id": pairs["to_park_id"],
            **{f"from_{c}": pairs[c] for c in ("name_vi", "name_en", "lat", "lon")},
            **{f"to_{c}": pairs[f"to_{c}"] for c in ("name_vi", "name_en", "lat", "lon")},
            **{c: pairs[c] for c in ("resource", "stream_vi", "stream_en", "benefits", "source_url", "source_note")},
            "match": pairs["match"],
        }
    )
    out["km"] = km_between(out["from_lat"], out["from_lon"], out["to_lat"], out["to_lon"]).round(2)
    out["same_park"] = out["from_park_id"] == out["to_park_id"]
    benefits = out["benefits"].str.split(";")
    water = benefits.map(lambda b: Benefit.WATER_REUSE.value in b)
    co2 = benefits.map(lambda b: Benefit.CO2.value in b)
    bonus = 1 + FIRST_SYMBIOSIS_BONUS * (out["same_park"] & first) + WATER_BONUS * water + CO2_BONUS * co2
    out["score"] = (out["match"] * bonus / (1 + out["km"] / KM_SCALE)).round(3)
    out["reasons"] = [
        _reasons(m, same, first, w, c) for m, same, w, c in zip(out["match"], out["same_park"], water, co2, strict=True)
    ]
    out = out.sort_values(
        ["score", "km", "exchange_id", "from_firm_id", "to_firm_id"], ascending=[False, True, True, True, True]
    )
    out.insert(0, "rank", range(1, len(out) + 1))
    return out.reset_index(drop=True)


def _reasons(match: float, same_park: bool, first: bool, water: bool, co2: bool) -> tuple[str, ...]:
    out = [Reason.SECTORS if match == EXACT_MATCH else Reason.ANY_TENANT]
    if same_park:
        out.append(Reason.COUNTS_37_2B)
        if first:
            out.append(Reason.FIRST_SYMBIOSIS)
    else:
        out.append(Reason.OTHER_PARK)
    out += [r for r, on in ((Reason.WATER_REUSE, water), (Reason.CO2, co2)) if on]
    return tuple(r.value for r in out)


COLUMNS = ["rank", "exchange_id", "from_firm_id", "to_firm_id", "from_park_id", "to_park_id"]
COLUMNS += [f"{end}_{c}" for end in ("from", "to") for c in ("name_vi", "name_en", "lat", "lon")]
COLUMNS += ["resource", "stream_vi", "stream_en", "benefits", "source_url", "source_note", "match", "km"]
COLUMNS += ["same_park", "score", "reasons"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})


def as_link_rows(found: pd.DataFrame, year: int) -> pd.DataFrame:
    """Candidates of one park as rows of symbiosis/links.csv: potential links an editor may publish.

    Only candidates whose two firms share a park become rows (a link belongs to one park); each is
    ``identified`` in ``year``, ``estimated`` (no source reports the link itself) and cites the exchange's source.
    """
    own = found[found["same_park"].astype(bool)]
    return pd.DataFrame(
        {
            "link_id": [
                f"CX-{e}-{a}-{b}"
                for e, a, b in zip(own["exchange_id"], own["from_firm_id"], own["to_firm_id"], strict=True)
            ],
            "park_id": own["from_park_id"],
            "from_firm_id": own["from_firm_id"],
            "to_firm_id": own["to_firm_id"],
            "resource": own["resource"],
            "description_vi": own["stream_vi"],
            "description_en": own["stream_en"],
            "status": LinkStatus.IDENTIFIED.value,
            "counts_as_symbiosis": "True",
            "year_identified": str(year),
            "year_status_changed": str(year),
            "provenance": Provenance.ESTIMATED.value,
            "source_url": own["source_url"],
            "reference_case": own["exchange_id"],
            "notes": "Candidate from the opportunity finder: " + own["source_note"].astype(str),
        }
    ).reset_index(drop=True)
