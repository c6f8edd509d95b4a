"""Yearly panels from Debian's R data packages `r-cran-plm` (GPL-2+) and `r-cran-aer` (GPL-2 | GPL-3).

Why: the forecasts the committee reads are for one province of a country; a US state is the nearest
kind of unit that a package registry serves with long yearly series (gross state product, employment,
population, income, unemployment, public capital). They joined the calibration as a fourth family (even
units learn, odd units are held out), so the widening is not learned on national and demographic series
alone. Firms, municipalities, counties and states' crime and traffic series (`MICRO`) are a fifth family:
series of other kinds than macro aggregates, mostly 7–9 years long — the regime of the app's own short
series. The .debs are fetched with `apt-get download` (no R needed) and their .rda files are read with
pyreadr. Nothing is committed: the cache lives in var/ (git-ignored).

- Produc: 48 US states, 1970–1986 (Munnell 1990, "Why has productivity growth declined? Productivity and public
  investment", New England Economic Review; via Baltagi, Econometric Analysis of Panel Data)
- Cigar: 46 US states, 1963–1992 (Baltagi & Levin 1992; Baltagi, Griffin & Xiong 2000)
- Gasoline: 18 OECD countries, 1960–1978 (Baltagi & Griffin 1983), stored as logs and returned as levels
- MICRO, plm: EmplUK, 140 UK firms 1976–1984 (Arellano & Bond 1991); Snmesp, 738 Spanish firms 1983–1990
  (Alonso-Borrego & Arellano 1999; logs, returned as levels); Crime, 90 North Carolina counties 1981–1987
  (Cornwell & Trumbull 1994)
- MICRO, AER (Kleiber & Zeileis 2008): Municipalities, 265 Swedish municipalities 1979–1987 (Dahlberg & Johansson
  2000); Guns, 51 US states 1977–1999 (Moody & Marvell 2005); USSeatBelts, 51 states 1983–1997 (Cohen & Einav 2003);
  NaturalGas, 6 states 1967–1989 (Baltagi 2002); USAirlines, 6 US airlines 1970–1984 (Greene 2003)
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from debpkg import unpacked

CACHE = Path(__file__).resolve().parents[1] / "var" / "rpanels"
DATA = {"r-cran-plm": "usr/lib/R/site-library/plm/data", "r-cran-aer": "usr/lib/R/site-library/AER/data"}
CITATION = ("US states and OECD panels of R package plm 2.6-2 (Croissant & Millo, GPL-2+; Debian r-cran-plm): "
            "Produc (Munnell 1990), Cigar (Baltagi & Levin 1992), Gasoline (Baltagi & Griffin 1983)")
MICRO_CITATION = ("firms, municipalities, counties and states of other kinds from R packages plm 2.6-2 (GPL-2+) and AER "
                  "1.2-10 (Kleiber & Zeileis, GPL-2 | GPL-3; Debian r-cran-plm, r-cran-aer): EmplUK (Arellano & Bond 1991), "
                  "Snmesp (Alonso-Borrego & Arellano 1999), Crime (Cornwell & Trumbull 1994), Municipalities (Dahlberg & "
                  "Johansson 2000), Guns (Moody & Marvell 2005), USSeatBelts (Cohen & Einav 2003), NaturalGas (Baltagi "
                  "2002), USAirlines (Greene 2003)")
# panel: (package, unit column, year offset, variables, stored as logs: "l" + name, or the name itself when "raw");
# Cigar's CPI is one national series repeated for every state: left out
PANELS = {
    "Produc": ("r-cran-plm", "state", 0, ("gsp", "emp", "unemp", "pcap", "hwy", "water", "util", "pc"), False),
    "Cigar": ("r-cran-plm", "state", 1900, ("ndi", "pop", "pop16", "price", "sales", "pimin"), False),
    "Gasoline": ("r-cran-plm", "country", 0, ("gaspcar", "incomep", "rpmg", "carpcap"), True),
}
MICRO = {
    "EmplUK": ("r-cran-plm", "firm", 0, ("emp", "wage", "capital", "output"), False),
    "Snmesp": ("r-cran-plm", "firm", 0, ("n", "w", "y", "k"), "raw"),
    "Crime": ("r-cran-plm", "county", 1900, ("crmrte", "polpc", "taxpc", "density", "wcon", "wtrd", "wser", "wmfg"), False),
    "Municipalities": ("r-cran-aer", "municipality", 0, ("expenditures", "revenues", "grants"), False),
    "Guns": ("r-cran-aer", "state", 0, ("violent", "murder", "robbery", "prisoners", "population", "income"), False),
    "USSeatBelts": ("r-cran-aer", "state", 0, ("miles", "fatalities", "income"), False),
    "NaturalGas": ("r-cran-aer", "state", 0, ("consumption", "price", "eprice", "income"), False),
    "USAirlines": ("r-cran-aer", "firm", 0, ("output", "cost", "price", "load"), False),
}
BOUNDED = {"unemp": (0.0, 100.0), "load": (0.0, 1.0)}     # shares (in %, of seats): forecast on the logit scale


def _unit(values: pd.Series) -> pd.Series:
    """Unit codes as text; whole numbers stored as floats (firm 1.0) read as '1'."""
    num = pd.to_numeric(values, errors="coerce")
    if num.notna().all() and (num % 1 == 0).all():
        return num.astype(int).astype(str)
    return values.astype(str).str.strip()


def _read(panels: dict, cached: Path) -> pd.DataFrame:
    """Long frame: panel, unit, variable, year, value (levels; panels stored as logs exponentiated)."""
    if cached.exists():
        return pd.read_csv(cached, dtype={"unit": str})
    import pyreadr

    rows = []
    for package in sorted({spec[0] for spec in panels.values()}):
        with unpacked(package, CACHE) as tmp:
            for panel, (pkg, unit, offset, variables, logs) in panels.items():
                if pkg != package:
                    continue
                f = next(iter(pyreadr.read_r(str(tmp / DATA[package] / f"{panel}.rda")).values()))
                for v in variables:
                    col = f[v if logs == "raw" else ("l" + v if logs else v)].astype(float)
                    value = np.exp(col) if logs else col
                    rows.append(pd.DataFrame({"panel": panel, "unit": _unit(f[unit]), "variable": v,
                                              "year": f["year"].astype(int) + offset, "value": value.to_numpy()}))
    frame = pd.concat(rows, ignore_index=True)
    frame.to_csv(cached, index=False)
    return frame


def load() -> pd.DataFrame:
    """The US states' and OECD panels (plm)."""
    return _read(PANELS, CACHE / "plm_panels.csv")


def load_micro() -> pd.DataFrame:
    """Firms, municipalities, counties and states of other kinds (plm and AER)."""
    return _read(MICRO, CACHE / "micro_panels.csv")
