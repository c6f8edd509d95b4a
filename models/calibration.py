"""Learned widening of forecast spreads, so that an "80% band" covers about 80% of real outcomes.

Plain model intervals on real yearly data are too narrow, most of all for short histories.
The correction is deliberately small: per family of forecaster (trend models on 9+ points,
the constrained trend on 2–8 points, the mean model for growth rates) one smooth widening
factor of the horizon h and the history length n,

    k(h, n) = exp(a + b·ln h + c·ln n),   b ≥ 0   (never narrower further out),

applied to whole paths around the median path: path = median + k(h, n) · (path − median).
The median is never moved (a learned shift fitted one data family and hurt the others), and
because k rises with h, a band never shrinks with the horizon. `benchmarks/calibrate.py`
learns a, b, c on several families of real yearly series (Penn World Table variables, World
Bank fertility rates, the bundled GSO provincial series), choosing for each forecaster family
the values that keep the *worst* family's coverage error smallest, and checks them on series
not used to learn. They ship in `data/calibration.json` with their provenance.
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
FAMILIES = {"ensemble": "trend", "ets": "trend", "theta": "trend", "drift": "trend", "naive": "trend",
            "constrained_trend": "short", "mean": "mean"}


def family(method: str) -> str | None:
    return FAMILIES.get(method)


@dataclass
class Calibration:
    """params[family] = {"a": …, "b": …, "c": …}: k(h, n) = exp(a + b ln h + c ln n)."""

    params: dict[str, dict]
    provenance: dict = field(default_factory=dict)

    def covers(self, method: str) -> bool:
        return family(method) in self.params

    def factor(self, method: str, n_obs: int, horizon: int) -> np.ndarray:
        """k for h = 1..horizon (1 where the family has no correction)."""
        p = self.params.get(family(method) or "")
        if p is None:
            return np.ones(horizon)
        h = np.arange(1, horizon + 1, dtype=float)
        return np.exp(p["a"] + max(p["b"], 0.0) * np.log(h) + p["c"] * np.log(max(int(n_obs), 1)))

    def apply(self, z_paths: np.ndarray, n_obs: int, method: str) -> np.ndarray:
        """Widen every path's distance from the median path; the median and the paths' order stay."""
        if z_paths.size == 0 or not self.covers(method):
            return z_paths
        k = self.factor(method, n_obs, z_paths.shape[0])[:, None]
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
            if set(p) != {"a", "b", "c"} or p["b"] < 0:
                raise ValueError(f"{path}: family {fam} needs a, b ≥ 0 and c")
        return cls(params=raw["params"], provenance=raw.get("provenance", {}))


@lru_cache(maxsize=1)
def default() -> Calibration | None:
    """The shipped calibration, or None if none has been learned yet (results then say calibrated=False)."""
    if not CALIBRATION_FILE.exists():
        return None
    return Calibration.from_file(CALIBRATION_FILE)
