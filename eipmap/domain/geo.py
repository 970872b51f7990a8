"""Distances between points given as latitude and longitude (degrees)."""

from __future__ import annotations

import numpy as np
import pandas as pd

KM_PER_DEG = 111.0


def km_between(lat1: pd.Series, lon1: pd.Series, lat2: pd.Series | float, lon2: pd.Series | float) -> pd.Series:
    """Kilometres between each pair of points (equirectangular: within a few metres over a few tens of km)."""
    dlat = (lat1 - lat2) * KM_PER_DEG
    dlon = (lon1 - lon2) * KM_PER_DEG * np.cos(np.radians(lat1.astype(float)))
    return (dlat**2 + dlon**2) ** 0.5
