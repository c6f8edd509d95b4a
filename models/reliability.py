"""How often the backtests' events happened when the app said P: the check printed beside a probability.

benchmarks/calibrate.py records, for threshold events on real series, the P(meet) the app's method gave
and whether the event happened, by decile of P. Only the collections kept out of learning (A–I) count
here, so the check is on data the corrections were not tuned on. Growth targets (the mean model, read as an average
over years) are checked on benchmarks/growth_average.py's held-out groups instead.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models import config

MIN_EVENTS = 30          # a decile with fewer events in a collection says too little to quote
GSO_COLLECTION = "D"     # the held-out GSO provincial series: the kind the app's own series are
GROWTH_CHECKS = ("pwt:check", "panels:check")    # benchmarks/growth_average.py's held-out groups of real growth


@dataclass(frozen=True)
class Checked:
    band: tuple[float, float]          # the decile of P the forecast falls in
    observed: tuple[float, float]      # how often the event happened: lowest and highest held-out collection
    gso: float | None                  # … in the held-out GSO provincial series
    collections: int                   # held-out collections with enough events in this decile
    events: int


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
                out.setdefault(regime, {})[code] = {int(r["decile"]): r for r in rel["table"]}
    return out


def _record(tables: dict, p: float | None, gso: str | None = None) -> Checked | None:
    """The decile of `p` in each held-out table ({code: {decile: row}}) with enough events; `gso`: the code quoted apart."""
    if p is None or p != p:
        return None
    decile = min(int(p * 10), 9)
    rows = {c: t[decile] for c, t in tables.items() if decile in t and t[decile]["n"] >= MIN_EVENTS}
    if not rows:
        return None
    seen = [r["observed"] for r in rows.values()]
    apart = rows.get(gso) if gso else None
    return Checked((decile / 10, (decile + 1) / 10), (min(seen), max(seen)), apart["observed"] if apart else None,
                   len(rows), sum(int(r["n"]) for r in rows.values()))


def checked(p: float | None, short: bool, path: Path | str | None = None) -> Checked | None:
    """The held-out record for a probability `p` from a short (2–8 points) or a longer series; None without one."""
    tables = _tables(str(path or config.CALIBRATION_RESULTS)).get("short_all" if short else "full", {})
    return _record(tables, p, GSO_COLLECTION)


@lru_cache(maxsize=4)
def _growth_tables(path: str) -> dict:
    file = Path(path)
    if not file.exists():
        return {}
    rel = json.loads(file.read_text(encoding="utf-8")).get("reliability", {})
    return {g: {int(r["decile"]): r for r in rel[g]} for g in GROWTH_CHECKS if g in rel}


def checked_growth(p: float | None, path: Path | str | None = None) -> Checked | None:
    """The held-out record for a growth target's probability (an average of growth rates over five years, the mean
    model; benchmarks/growth_average.py): how often such events happened when the app said a P in the same decile."""
    return _record(_growth_tables(str(path or config.GROWTH_AVERAGE_RESULTS)), p)
