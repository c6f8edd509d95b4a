"""Learned widening of forecast spreads, so that an "80% band" covers about 80% of real outcomes.

Plain model intervals on real yearly data are over-confident. `benchmarks/calibrate.py`
backtests the forecasters on a large public collection of real yearly series and learns,
per method, per history length and per horizon, the factor k by which the spread of the
simulated paths around their median (on the model scale) must be multiplied. The factors
ship in `data/calibration.json` with their provenance; `forecast()` applies them to every
path, so every band and every P(meet) built on the paths uses them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "calibration.json"
LENGTH_BUCKETS = ((2, 5), (6, 9), (10, 14), (15, 24), (25, 10_000))
ENSEMBLE_LIKE = ("ensemble", "ets", "theta", "drift", "naive", "constrained_trend")


def length_bucket(n_obs: int) -> int:
    for i, (lo, hi) in enumerate(LENGTH_BUCKETS):
        if lo <= n_obs <= hi:
            return i
    return 0 if n_obs < LENGTH_BUCKETS[0][0] else len(LENGTH_BUCKETS) - 1


PIT_LEVELS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99)


@dataclass
class Calibration:
    """Two learned steps per method, history-length bucket and horizon (past the table: its last column).

    scales[method][bucket][h-1]: widening factor k of the spread around the median;
    pit_maps[method][bucket][h-1]: after widening, the model level v whose quantile is the
    calibrated PIT_LEVELS[i] quantile (a PIT recalibration that also removes bias).
    """

    scales: dict[str, list[list[float]]]
    provenance: dict = field(default_factory=dict)
    pit_maps: dict[str, list[list[list[float]]]] = field(default_factory=dict)

    def factor(self, method: str, n_obs: int, horizon: int) -> np.ndarray:
        table = self.scales.get(method) or (self.scales.get("ensemble") if method in ENSEMBLE_LIKE else None)
        if table is None:
            return np.ones(horizon)
        row = np.asarray(table[length_bucket(n_obs)], dtype=float)
        idx = np.minimum(np.arange(horizon), row.size - 1)
        return row[idx]

    def covers(self, method: str) -> bool:
        return method in self.scales or method in ENSEMBLE_LIKE

    def apply(self, z_paths: np.ndarray, n_obs: int, method: str) -> np.ndarray:
        """Widen each horizon's spread, then remap its ranks (both monotone: paths keep their order)."""
        if z_paths.size == 0:
            return z_paths
        k = self.factor(method, n_obs, z_paths.shape[0])[:, None]
        med = np.median(z_paths, axis=1, keepdims=True)
        out = med + k * (z_paths - med)
        maps = self.pit_maps.get(method) or (self.pit_maps.get("ensemble") if method in ENSEMBLE_LIKE else None)
        if not maps:
            return out
        rows = maps[length_bucket(n_obs)]
        n = out.shape[1]
        base = (np.arange(n) + 0.5) / n
        for j in range(out.shape[0]):
            v = np.asarray(rows[min(j, len(rows) - 1)], dtype=float)
            order = np.argsort(out[j], kind="stable")
            srt = out[j][order]
            target = np.interp(base, PIT_LEVELS, v)          # levels outside the table are held at its ends
            lo = PIT_LEVELS[0]
            target = np.where(base < lo, base * v[0] / lo, target)
            hi = PIT_LEVELS[-1]
            target = np.where(base > hi, 1 - (1 - base) * (1 - v[-1]) / (1 - hi), target)
            new = np.empty(n)
            new[order] = np.interp(target, base, srt)
            out[j] = new
        return out

    def to_json(self) -> str:
        return json.dumps({"provenance": self.provenance, "length_buckets": LENGTH_BUCKETS, "pit_levels": PIT_LEVELS,
                           "scales": self.scales, "pit_maps": self.pit_maps}, ensure_ascii=False, indent=1)

    @classmethod
    def from_file(cls, path: Path) -> "Calibration":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if [tuple(b) for b in raw.get("length_buckets", [])] != list(LENGTH_BUCKETS):
            raise ValueError(f"{path}: length buckets differ from models.calibration.LENGTH_BUCKETS")
        return cls(scales=raw["scales"], provenance=raw.get("provenance", {}), pit_maps=raw.get("pit_maps", {}))


@lru_cache(maxsize=1)
def default() -> Calibration | None:
    """The shipped calibration, or None if none has been learned yet (results then say calibrated=False)."""
    if not CALIBRATION_FILE.exists():
        return None
    return Calibration.from_file(CALIBRATION_FILE)
