"""Yearly panels of US states and OECD countries from Debian's `r-cran-plm` package (GPL-2+).

Why: the forecasts the committee reads are for one province of a country; a US state is the nearest
kind of unit that a package registry serves with long yearly series (gross state product, employment,
population, income, unemployment, public capital). They join the calibration as a fourth family (even
units learn, odd units are held out), so the widening is not learned on national and demographic series
alone. The .deb is fetched with `apt-get download` (no R needed) and its .rda files are read with pyreadr.
Nothing is committed: the cache lives in var/ (git-ignored).

- Produc: 48 US states, 1970–1986 (Munnell 1990, "Why has productivity growth declined? Productivity and public
  investment", New England Economic Review; via Baltagi, Econometric Analysis of Panel Data)
- Cigar: 46 US states, 1963–1992 (Baltagi & Levin 1992; Baltagi, Griffin & Xiong 2000)
- Gasoline: 18 OECD countries, 1960–1978 (Baltagi & Griffin 1983), stored as logs and returned as levels
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from debpkg import unpacked

CACHE = Path(__file__).resolve().parents[1] / "var" / "rpanels"
DATA = "usr/lib/R/site-library/plm/data"
CITATION = ("US states and OECD panels of R package plm 2.6-2 (Croissant & Millo, GPL-2+; Debian r-cran-plm): "
            "Produc (Munnell 1990), Cigar (Baltagi & Levin 1992), Gasoline (Baltagi & Griffin 1983)")
# (panel, unit column, year offset, variables, stored as logs: "l" + name); Cigar's CPI is one national series repeated
# for every state: left out
PANELS = {
    "Produc": ("state", 0, ("gsp", "emp", "unemp", "pcap", "hwy", "water", "util", "pc"), False),
    "Cigar": ("state", 1900, ("ndi", "pop", "pop16", "price", "sales", "pimin"), False),
    "Gasoline": ("country", 0, ("gaspcar", "incomep", "rpmg", "carpcap"), True),
}
BOUNDED = {"unemp": (0.0, 100.0)}     # a share in %: forecast on the logit scale


def load() -> pd.DataFrame:
    """Long frame: panel, unit, variable, year, value (levels; Gasoline's logs exponentiated)."""
    cached = CACHE / "plm_panels.csv"
    if cached.exists():
        return pd.read_csv(cached, dtype={"unit": str})
    import pyreadr

    rows = []
    with unpacked("r-cran-plm", CACHE) as tmp:
        for panel, (unit, offset, variables, logs) in PANELS.items():
            f = next(iter(pyreadr.read_r(str(tmp / DATA / f"{panel}.rda")).values()))
            for v in variables:
                value = np.exp(f["l" + v].astype(float)) if logs else f[v].astype(float)
                rows.append(pd.DataFrame({"panel": panel, "unit": f[unit].astype(str).str.strip(), "variable": v,
                                          "year": f["year"].astype(int) + offset, "value": value.to_numpy()}))
    frame = pd.concat(rows, ignore_index=True)
    frame.to_csv(cached, index=False)
    return frame
