"""Gapminder's countries and US states' reported cases of seven diseases, from Debian's `r-cran-dslabs` (0.7.4).

Why: two families of real yearly series of kinds no learning collection has (life expectancy, infant mortality; counts of
cases that rise and fall by orders of magnitude), kept out of every learning step so that a choice made on the other
collections can be checked on data it never saw (benchmarks/fresh_check.py). The package's lazy-load database holds
zlib-compressed R serialisations, each read with pyreadr; `apt-get download` fetches the .deb (no R needed). Nothing is
committed: the cache lives in var/ (git-ignored).

- gapminder: 185 countries, 1960–2016 (Gapminder Foundation, CC BY 4.0; via Irizarry, dslabs, Artistic-2.0)
- us_contagious_diseases: 51 US states, 1928–2011, weekly reports summed by year (Project Tycho, van Panhuis et al.
  2013, NEJM 369, 2152–2158; CC BY 4.0; via dslabs)
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pandas as pd

from debpkg import unpacked

CACHE = Path(__file__).resolve().parents[1] / "var" / "dslabs"
RDB = "usr/lib/R/site-library/dslabs/data/Rdata.rdb"
CITATION = ("Gapminder (CC BY 4.0) and Project Tycho (van Panhuis et al. 2013, CC BY 4.0) via R package dslabs 0.7.4 "
            "(Irizarry & Gill, Artistic-2.0; Debian r-cran-dslabs)")
# frame name: the columns that identify it among the database's objects
FRAMES = {"gapminder": {"country", "year", "life_expectancy", "infant_mortality", "population", "gdp"},
          "us_contagious_diseases": {"disease", "state", "year", "weeks_reporting", "count"}}


def _objects(rdb: bytes) -> list[bytes]:
    """The serialised objects of an R lazy-load database whose chunks are zlib streams (4-byte length, then the stream)."""
    out, pos = [], 0
    while pos < len(rdb):
        n = struct.unpack(">I", rdb[pos:pos + 4])[0]
        d = zlib.decompressobj()
        out.append(d.decompress(rdb[pos + 4:], n))
        pos = len(rdb) - len(d.unused_data)
    return out


def load(name: str) -> pd.DataFrame:
    """One of FRAMES as a pandas frame (cached as CSV in var/dslabs)."""
    cached = CACHE / f"{name}.csv"
    if cached.exists():
        return pd.read_csv(cached)
    import warnings

    import pyreadr

    found = {}
    with unpacked("r-cran-dslabs", CACHE) as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")          # lists and other objects pyreadr skips
        for i, o in enumerate(_objects((tmp / RDB).read_bytes())):
            p = tmp / f"obj{i}.rds"
            p.write_bytes(o)
            for frame in pyreadr.read_r(str(p)).values():
                for key, cols in FRAMES.items():
                    if cols <= set(frame.columns):
                        found[key] = frame
    for key, frame in found.items():
        frame.to_csv(CACHE / f"{key}.csv", index=False)
    if name not in found:
        raise ValueError(f"no frame {name!r} in r-cran-dslabs")
    return pd.read_csv(cached)
