"""Learned widening of forecast spreads, so that an "80% band" covers about 80% of real outcomes.

Plain model intervals on real yearly data are too narrow, most of all for short histories.
The correction is deliberately small: per family of forecaster (trend models on 9+ points,
the constrained trend on 2–8 points, the mean model for growth rates) one smooth widening
factor of the horizon h, the history length n and (trend models only) the series' roughness r,

    k(h, n, r) = exp(a + b·ln h + c·ln n + d·ln r),   b ≥ 0   (never narrower further out),

applied to whole paths around the median path: path = median + k(h, n) · (path − median).
The median is never moved (a learned shift fitted one data family and hurt the others), and
because k rises with h, a band never shrinks with the horizon. `benchmarks/calibrate.py`
learns a, b, c on several families of real yearly series (Penn World Table variables, World
Bank fertility rates, the bundled GSO provincial series, US states and OECD panels; for the short family also firms,
municipalities and counties), choosing for each forecaster family
the values that keep the *worst* family's coverage error smallest, and checks them on series
not used to learn. They ship in `data/calibration.json` with their provenance.

r = sd of the yearly changes' own changes / (√2 · sd of the yearly changes), clipped to 0.1–1.5: about 1 for a
random walk, more for noise around a level, near 0 for a smooth curve (fertility rates, population). A smooth history
gives the trend models small in-sample errors, but its trend still bends: on every learning and check collection the
trend models' 80% bands covered 64–74% of outcomes on the smoothest histories (r ≤ 0.3) and 90–97% on the roughest
(r ≥ 0.9) with one k for both (benchmarks/calibrate.py records, 2026-12-03), so d < 0 widens the first and narrows the
second. d = 0 (no term) for the constrained trend and the mean model: 2–8 points cannot tell how smooth a series is.

The trend family's k never goes below 1 (MIN_FACTOR): its models' own bands are too narrow on every collection (80% bands
cover 42–75% uncalibrated), so narrowing them is never supported; without that floor the roughness term narrowed the
roughest histories' bands below their models' own (held out: the statsmodels collection's 95% bands covered 89%, the GSO
provincial series' 59%). The floor was added after seeing those held-out figures. The constrained trend's Student-t
bands are wider than its backtests support (87–96% cover uncalibrated), so its k < 1 stays.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from models import config

CALIBRATION_FILE = config.CALIBRATION_FILE
FORMAT = 2
ROUGHNESS_RANGE = (0.1, 1.5)
MIN_FACTOR = {"trend": 1.0}      # per family: the smallest k (see the module's docstring)
FAMILIES = {"ensemble": "trend", "ets": "trend", "theta": "trend", "drift": "trend", "naive": "trend",
            "constrained_trend": "short", "mean": "mean"}


def family(method: str) -> str | None:
    return FAMILIES.get(method)


def roughness(z) -> float:
    """sd(Δ²z) / (√2·sd(Δz)) of a history on the model's scale, clipped to ROUGHNESS_RANGE; 1 (no say) below 5 points
    or when the changes do not vary."""
    z = np.asarray(z, dtype=float)
    z = z[np.isfinite(z)]
    if z.size < 5:
        return 1.0
    d = np.diff(z)
    sd = float(d.std(ddof=1))
    if not sd > 1e-12:
        return 1.0
    return float(np.clip(np.diff(d).std(ddof=1) / (np.sqrt(2.0) * sd), *ROUGHNESS_RANGE))


def widening(p: dict, h, n, rough=1.0, floor: float = 0.0) -> np.ndarray:
    """k = exp(a + b ln h + c ln n + d ln r), at least `floor`: the one formula (h, n and r may be the arrays of
    backtest records, as benchmarks/calibrate.py learns it)."""
    r = np.clip(np.asarray(rough, dtype=float), *ROUGHNESS_RANGE)
    k = np.exp(p["a"] + max(p["b"], 0.0) * np.log(np.asarray(h, dtype=float))
               + p["c"] * np.log(np.maximum(np.asarray(n, dtype=float), 1.0)) + p.get("d", 0.0) * np.log(r))
    return np.maximum(k, floor)


@dataclass
class Calibration:
    """params[family] = {"a": …, "b": …, "c": …[, "d": …]}: k(h, n, r) = exp(a + b ln h + c ln n + d ln r)."""

    params: dict[str, dict]
    provenance: dict = field(default_factory=dict)

    def covers(self, method: str) -> bool:
        return family(method) in self.params

    def factor(self, method: str, n_obs: int, horizon: int, rough: float = 1.0) -> np.ndarray:
        """k for h = 1..horizon (1 where the family has no correction); `rough`: roughness() of the history."""
        fam = family(method) or ""
        p = self.params.get(fam)
        if p is None:
            return np.ones(horizon)
        return widening(p, np.arange(1, horizon + 1), int(n_obs), rough, MIN_FACTOR.get(fam, 0.0))

    def apply(self, z_paths: np.ndarray, n_obs: int, method: str, rough: float = 1.0) -> np.ndarray:
        """Widen every path's distance from the median path; the median and the paths' order stay."""
        if z_paths.size == 0 or not self.covers(method):
            return z_paths
        k = self.factor(method, n_obs, z_paths.shape[0], rough)[:, None]
        med = np.median(z_paths, axis=1, keepdims=True)
        return med + k * (z_paths - med)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "provenance": self.provenance, "params": self.params},
                          ensure_ascii=False, indent=1)

    @classmethod
    def from_file(cls, path: Path) -> "Calibration":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(f"{path}: calibration format {raw.get('format')} is not {FORMAT} "
                             "(re-run benchmarks/calibrate.py)")
        for fam, p in raw["params"].items():
            if not {"a", "b", "c"} <= set(p) <= {"a", "b", "c", "d"} or p["b"] < 0:
                raise ValueError(f"{path}: family {fam} needs a, b ≥ 0 and c (and may have d)")
        return cls(params=raw["params"], provenance=raw.get("provenance", {}))


@lru_cache(maxsize=1)
def default() -> Calibration | None:
    """The shipped calibration, or None if none has been learned yet (results then say calibrated=False)."""
    if not CALIBRATION_FILE.exists():
        return None
    return Calibration.from_file(CALIBRATION_FILE)
