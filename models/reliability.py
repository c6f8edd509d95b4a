"""How often the backtests' events happened when the app said P: the check printed beside a probability.

benchmarks/calibrate.py records, for threshold events on real series, the P(meet) the app's method gave
and whether the event happened, by band of P: tenths in the middle, finer at the ends (0–1%, 1–2%, 2–5%, 5–10%),
where most of the committee's "very unlikely" and "very likely" targets sit and a tenth would lump 0.7% with 9%.
Only the collections kept out of learning (A–I) count here, so the check is on data the corrections were not tuned
on. Growth targets (the mean model, read as an average over years) are checked on benchmarks/growth_average.py's
held-out groups instead.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models import config

MIN_EVENTS = 30          # a band with fewer events in a collection says too little to quote
GSO_COLLECTION = "D"     # the held-out GSO provincial series: the kind the app's own series are
GROWTH_CHECKS = ("pwt:check", "panels:check")    # benchmarks/growth_average.py's held-out groups of real growth
BANDS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0)


@dataclass(frozen=True)
class Checked:
    band: tuple[float, float]          # the band of P the forecast falls in (BANDS; a decile in older results)
    observed: tuple[float, float]      # how often the event happened: lowest and highest held-out collection
    gso: float | None                  # … in the held-out GSO provincial series
    collections: int                   # held-out collections with enough events in this band
    events: int


def band_of(p: float, edges: Sequence[float] = BANDS) -> int:
    """The index of the band [edges[i], edges[i+1]) holding p; the last band includes 1."""
    i = 0
    while i < len(edges) - 2 and p >= edges[i + 1]:
        i += 1
    return i


def by_band(p: Sequence[float], event: Sequence[float], edges: Sequence[float] = BANDS) -> list[dict]:
    """Threshold events grouped by the band of their P: how often they happened there (the benchmarks write this)."""
    rows: dict[int, list] = {}
    for pi, ei in zip(p, event):
        rows.setdefault(band_of(float(pi), edges), []).append((float(pi), float(ei)))
    return [{"lo": edges[i], "hi": edges[i + 1], "n": len(r), "predicted": sum(x for x, _ in r) / len(r),
             "observed": sum(y for _, y in r) / len(r)} for i, r in sorted(rows.items())]


def _banded(rows: list[dict]) -> dict[tuple[float, float], dict]:
    """A results table keyed by band; an older file's deciles ({'decile': d}) read as bands of a tenth."""
    out = {}
    for r in rows:
        lo, hi = (r["lo"], r["hi"]) if "lo" in r else (int(r["decile"]) / 10, (int(r["decile"]) + 1) / 10)
        out[(float(lo), float(hi))] = r
    return out


def collection_code(name: str) -> str:
    """'L1: PWT 9.1 (even countries)' -> 'L1': learning collections start with L, held-out ones are A–I."""
    return str(name).split(":", 1)[0].strip()


@lru_cache(maxsize=4)
def _tables(path: str) -> dict:
    file = Path(path)
    if not file.exists():
        return {}
    out = {}
    for block in json.loads(file.read_text(encoding="utf-8")).get("collections", []):
        code = collection_code(block["collection"])
        if code.startswith("L"):          # learning collections: not a check
            continue
        for regime in ("short_all", "full"):
            rel = block["regimes"].get(regime, {}).get("reliability")
            if rel:
                out.setdefault(regime, {})[code] = _banded(rel.get("bands") or rel["table"])
    return out


def _record(tables: dict, p: float | None, gso: str | None = None) -> Checked | None:
    """The band holding `p` in each held-out table ({code: {(lo, hi): row}}) with enough events; `gso`: the code quoted
    apart."""
    if p is None or p != p:
        return None
    rows = {}
    for code, table in tables.items():
        for (lo, hi), row in table.items():
            if (lo <= p < hi or (hi >= 1.0 and p >= lo)) and row["n"] >= MIN_EVENTS:
                rows[code] = ((lo, hi), row)
    if not rows:
        return None
    bands = {band for band, _ in rows.values()}
    band = min(bands, key=lambda b: b[1] - b[0])      # one band for all (a file mixing deciles and bands: the finest)
    rows = {c: r for c, (b, r) in rows.items() if b == band}
    seen = [r["observed"] for r in rows.values()]
    apart = rows.get(gso) if gso else None
    return Checked(band, (min(seen), max(seen)), apart["observed"] if apart else None,
                   len(rows), sum(int(r["n"]) for r in rows.values()))


def bands_checked(short: bool | None, path: Path | str | None = None) -> list[Checked]:
    """Every band's held-out record, lowest P first: the Method page's table. `short`: True for 2–8-point series,
    False for longer ones, None for five-year average growth (the mean model)."""
    if short is None:
        tables = _growth_tables(str(path or config.GROWTH_AVERAGE_RESULTS))
    else:
        tables = _tables(str(path or config.CALIBRATION_RESULTS)).get("short_all" if short else "full", {})
    gso = None if short is None else GSO_COLLECTION
    found = (_record(tables, (lo + hi) / 2, gso) for lo, hi in sorted({band for t in tables.values() for band in t}))
    return sorted({c.band: c for c in found if c is not None}.values(), key=lambda c: c.band)


def checked(p: float | None, short: bool, path: Path | str | None = None) -> Checked | None:
    """The held-out record for a probability `p` from a short (2–8 points) or a longer series; None without one."""
    tables = _tables(str(path or config.CALIBRATION_RESULTS)).get("short_all" if short else "full", {})
    return _record(tables, p, GSO_COLLECTION)


@lru_cache(maxsize=4)
def _growth_tables(path: str) -> dict:
    file = Path(path)
    if not file.exists():
        return {}
    data = json.loads(file.read_text(encoding="utf-8"))
    rel = data.get("bands") or data.get("reliability", {})
    return {g: _banded(rel[g]) for g in GROWTH_CHECKS if g in rel}


def checked_growth(p: float | None, path: Path | str | None = None) -> Checked | None:
    """The held-out record for a growth target's probability (an average of growth rates over five years, the mean
    model; benchmarks/growth_average.py): how often such events happened when the app said a P in the same band."""
    return _record(_growth_tables(str(path or config.GROWTH_AVERAGE_RESULTS)), p)
