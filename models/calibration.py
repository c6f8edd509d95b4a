"""Learned widening of forecast spreads, so that an "80% band" covers about 80% of real outcomes.

Plain model intervals on real yearly data are over-confident, and their centre is biased in a
way that depends on the series' recent course: backtests on the Penn World Table show that a
forecast made just after a series slowed runs high, and one made just after it sped up runs
low (growth is partly persistent; the models average it over the whole history).
`benchmarks/calibrate.py` backtests the forecasters on a large public collection of real
yearly series and learns, per method, per band of that recent change (`momentum`), per
history length and per horizon, a widening factor of the spread around the median and a
recalibration of the levels. They ship in `data/calibration.json` with their provenance;
`forecast()` applies them to every path, so every band and every P(meet) uses them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "calibration.json"
LENGTH_BUCKETS = ((2, 5), (6, 9), (10, 14), (15, 24), (25, 10_000))
MOMENTUM_EDGES = (-0.6, -0.2, 0.2, 0.6)
ENSEMBLE_LIKE = ("ensemble", "ets", "theta", "drift", "naive", "constrained_trend")
PIT_LEVELS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99)


def length_bucket(n_obs: int) -> int:
    for i, (lo, hi) in enumerate(LENGTH_BUCKETS):
        if lo <= n_obs <= hi:
            return i
    return 0 if n_obs < LENGTH_BUCKETS[0][0] else len(LENGTH_BUCKETS) - 1


def momentum(z) -> float:
    """The last two yearly changes against the average change, in standard deviations of the change.

    0 when there are fewer than 3 points or the changes do not vary (nothing to say).
    """
    d = np.diff(np.asarray(z, dtype=float))
    if d.size < 2:
        return 0.0
    sd = float(d.std(ddof=1))
    if not sd > 0:
        return 0.0
    return float((d[-2:].mean() - d.mean()) / sd)


def momentum_band(value: float) -> int:
    """0 = slowed sharply, 1 = slowed, 2 = steady, 3 = sped up, 4 = sped up sharply."""
    return int(np.searchsorted(MOMENTUM_EDGES, value))


@dataclass
class Calibration:
    """Two learned steps per method, momentum band, history-length bucket and horizon.

    scales[method][band][bucket][h-1]: widening factor k of the spread around the median;
    pit_maps[method][band][bucket][h-1]: after widening, the model level v whose quantile is the
    calibrated PIT_LEVELS[i] quantile (a PIT recalibration that also removes bias).
    Past a table's last horizon its last column is used.
    """

    scales: dict[str, list]
    provenance: dict = field(default_factory=dict)
    pit_maps: dict[str, list] = field(default_factory=dict)

    def _table(self, tables: dict, method: str):
        return tables.get(method) or (tables.get("ensemble") if method in ENSEMBLE_LIKE else None)

    def factor(self, method: str, n_obs: int, horizon: int, momentum: float = 0.0) -> np.ndarray:
        table = self._table(self.scales, method)
        if table is None:
            return np.ones(horizon)
        row = np.asarray(table[momentum_band(momentum)][length_bucket(n_obs)], dtype=float)
        return row[np.minimum(np.arange(horizon), row.size - 1)]

    def covers(self, method: str) -> bool:
        return method in self.scales or method in ENSEMBLE_LIKE

    def apply(self, z_paths: np.ndarray, n_obs: int, method: str, momentum: float = 0.0) -> np.ndarray:
        """Widen each horizon's spread, then remap its ranks (both monotone: paths keep their order)."""
        if z_paths.size == 0:
            return z_paths
        k = self.factor(method, n_obs, z_paths.shape[0], momentum)[:, None]
        med = np.median(z_paths, axis=1, keepdims=True)
        out = med + k * (z_paths - med)
        maps = self._table(self.pit_maps, method)
        if not maps:
            return out
        rows = maps[momentum_band(momentum)][length_bucket(n_obs)]
        n = out.shape[1]
        base = (np.arange(n) + 0.5) / n
        lo, hi = PIT_LEVELS[0], PIT_LEVELS[-1]
        for j in range(out.shape[0]):
            v = np.asarray(rows[min(j, len(rows) - 1)], dtype=float)
            order = np.argsort(out[j], kind="stable")
            srt = out[j][order]
            target = np.interp(base, PIT_LEVELS, v)          # levels outside the table are held at its ends
            target = np.where(base < lo, base * v[0] / lo, target)
            target = np.where(base > hi, 1 - (1 - base) * (1 - v[-1]) / (1 - hi), target)
            new = np.empty(n)
            new[order] = np.interp(target, base, srt)
            out[j] = new
        return out

    def to_json(self) -> str:
        return json.dumps({"provenance": self.provenance, "length_buckets": LENGTH_BUCKETS,
                           "momentum_edges": MOMENTUM_EDGES, "pit_levels": PIT_LEVELS,
                           "scales": self.scales, "pit_maps": self.pit_maps}, ensure_ascii=False, indent=1)

    @classmethod
    def from_file(cls, path: Path) -> "Calibration":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if [tuple(b) for b in raw.get("length_buckets", [])] != list(LENGTH_BUCKETS):
            raise ValueError(f"{path}: length buckets differ from models.calibration.LENGTH_BUCKETS")
        if tuple(raw.get("momentum_edges", ())) != MOMENTUM_EDGES:
            raise ValueError(f"{path}: momentum bands differ from models.calibration.MOMENTUM_EDGES "
                             "(re-run benchmarks/calibrate.py)")
        return cls(scales=raw["scales"], provenance=raw.get("provenance", {}), pit_maps=raw.get("pit_maps", {}))


@lru_cache(maxsize=1)
def default() -> Calibration | None:
    """The shipped calibration, or None if none has been learned yet (results then say calibrated=False)."""
    if not CALIBRATION_FILE.exists():
        return None
    return Calibration.from_file(CALIBRATION_FILE)
