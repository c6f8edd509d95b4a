"""Penn World Table 9.1 (Feenstra, Inklaar & Timmer, 2015) from Debian's `r-cran-pwt9` package.

Why: a large public collection of real yearly series (182 countries, 1950–2017) that a
package registry serves, to backtest and calibrate the forecasters. The .deb is fetched with
`apt-get download` (Debian's registry; no R needed), its lazy-load database is unpacked
(xz/LZMA2 raw chunks of R serialisations) and read with pyreadr. Nothing is committed:
the cache lives in var/ (git-ignored).
"""
from __future__ import annotations

import lzma
import struct
from pathlib import Path

import pandas as pd

from debpkg import unpacked

CACHE = Path(__file__).resolve().parents[1] / "var" / "pwt"
RDB = "usr/lib/R/site-library/pwt9/data/Rdata.rdb"
CITATION = ("Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015), 'The Next Generation of the Penn "
            "World Table', American Economic Review 105(10), 3150-3182; PWT 9.1 via Debian package r-cran-pwt9")


def _objects(rdb: bytes) -> list[bytes]:
    out, pos = [], 0
    while pos < len(rdb):
        n = struct.unpack(">I", rdb[pos:pos + 4])[0]
        kind = rdb[pos + 4:pos + 5]
        if kind != b"Z":
            raise ValueError(f"unexpected compression type {kind!r} in the R lazy-load database")
        d = lzma.LZMADecompressor(format=lzma.FORMAT_RAW,
                                  filters=[{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}])
        out.append(d.decompress(rdb[pos + 5:], max_length=n))
        pos = len(rdb) - len(d.unused_data)
    return out


def load(version: str = "9.1") -> pd.DataFrame:
    """The PWT table (country, isocode, year, rgdpna, emp, pop, ...) as a pandas frame."""
    cached = CACHE / f"pwt{version}.parquet.csv"
    if cached.exists():
        return pd.read_csv(cached)
    import pyreadr

    with unpacked("r-cran-pwt9", CACHE) as tmp:
        objs = _objects((tmp / RDB).read_bytes())
        frames = []
        for i, o in enumerate(objs):
            p = tmp / f"obj{i}.rds"
            p.write_bytes(o)
            frames.append(next(iter(pyreadr.read_r(str(p)).values())))
    frame = max(frames, key=lambda f: f.shape[1]) if version == "9.1" else min(frames, key=lambda f: f.shape[1])
    frame["year"] = frame["year"].astype(int)
    frame.to_csv(cached, index=False)
    return frame
