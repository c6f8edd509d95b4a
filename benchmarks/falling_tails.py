"""When the app says "under 5%" from a short history, does it matter whether the history was falling? (measured 2026-12-08)

Why: by band of P (models/reliability.BANDS), events the app put under 1–5% from 2–8 points happened far more often on
some collections (E, G, I, the firms' L5) than on others (fertility, the GSO series). This splits the tail events by the
direction of the shrunk trend (median above or below the last value): a falling level that rebounds, or a rising one that
stalls. From the stored backtest records (benchmarks/calibrate.py, var/calibration_records.pkl): the short trend where
the app uses it, level series on the log scale, calibrated as shipped; events "value at h ≥ last × (1+g)^h", g = −2…7 %/yr.

  .venv/bin/python benchmarks/falling_tails.py    -> benchmarks/results/falling_tails.md (about 1 minute)
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402
from models.calibration import default as default_calibration  # noqa: E402

TAILS = {"under 5%": (0.0, 0.05), "over 95%": (0.95, 1.01)}


def tail_events(frame: pd.DataFrame) -> pd.DataFrame:
    """The short trend's calibrated threshold events with P in a tail, and whether its median was falling."""
    g = frame[(frame["regime"] == "short") & (frame["method"] == "constrained_trend")
              & (cb.routed(frame) == "constrained_trend") & (frame["kind"] == "log")]
    if g.empty:
        return pd.DataFrame(columns=["p", "event", "falling"])
    c = cb.calibrated(g, default_calibration())
    ev = cb.threshold_events(c)
    return ev.assign(falling=((c["z_median"] - c["z_last"]).to_numpy() <= 0)[ev["row"].to_numpy()])


def main() -> int:
    t0 = time.time()
    rows = []
    for name, frame in cb.stored_records().items():
        ev = tail_events(frame)
        cells = []
        for lo, hi in TAILS.values():
            for falling in (True, False):
                x = ev[(ev["p"] >= lo) & (ev["p"] < hi) & (ev["falling"] == falling)]
                cells.append(f"{x['p'].mean():.1%} → {x['event'].mean():.1%} ({len(x)})" if len(x) else "–")
        rows.append(f"| {name.split(':')[0]} | " + " | ".join(cells) + " |")
    lines = ["# Tail events after a falling or a rising short history", "",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; {time.time() - t0:.0f} s. "
             "Each cell: the P the app said on average → how often the event happened (events). Falling: the shrunk "
             "trend's median below the last value.", "",
             "| collection | under 5%, falling | under 5%, rising | over 95%, falling | over 95%, rising |",
             "|---|---|---|---|---|", *rows]
    cb.write_result("falling_tails.md", "\n".join(lines) + "\n", echo=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
