"""A cap on the short trend's yearly drift, swept on the stored calibration records (models/forecast.DRIFT_CAP).

Why: held-out collection I (US states' yearly disease cases, benchmarks/dslabs.py) showed the constrained trend carrying
a one-off jump forward: measles in Hawaii went from about 1 case a year to 290 in 1984 (counts scaled to 52 reporting
weeks), and the shrunk, damped drift of that one change put the median at 1.4 billion cases nine years on (MASE 344 with 2 points against
naive's 0.97). The learning collections hold few such jumps, so they can say which caps cost nothing, not which help.

The rule, from the learning collections L1–L5 only: the smallest cap in CAPS at which no learning collection's MASE,
with the last 2, 3, 5 or 8 points, is worse than without a cap. I (and H) had been seen before the rule was written:
the finding came from I.

Exact without new backtests: the constrained trend's median path is last + w·drift·(φ + … + φ^h) and its noise does not
depend on the drift (models/forecast.ConstrainedTrend), so capping the drift moves the median and every quantile of a
record by the same amount. The uncapped trend is backtested as `ct_nocap` (benchmarks/calibrate.py), so this reads
records of the rule before the cap whatever the shipped cap is. Cover is with the shipped widening (data/calibration.json).

Run after benchmarks/calibrate.py:  .venv/bin/python benchmarks/drift_cap.py  -> benchmarks/results/drift_cap.md
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402
from models.calibration import default as default_calibration  # noqa: E402
from models.forecast import DRIFT_CAP  # noqa: E402

CAPS = (np.inf, 1.0, 0.5, 0.3, 0.2, 0.15, 0.1)
LENGTHS = (2, 3, 5, 8)


def capped(g: pd.DataFrame, cap: float) -> pd.DataFrame:
    """The records with the drift held within ±cap: median, quantiles and point moved alike, the widening needs recomputed."""
    h = g["h"].to_numpy()
    steps = cb.damped_steps(h)
    drift = (g["z_median"] - g["z_last"]).to_numpy() / steps
    shift = (np.clip(drift, -cap, cap) - drift) * steps
    f = g.drop(columns=["need50", "need80", "need95"]).copy()
    f["z_median"] = g["z_median"].to_numpy() + shift
    f["point"] = np.exp(f["z_median"].to_numpy())
    f["z_q"] = [q + s for q, s in zip(g["z_q"], shift)]
    f["capped"] = np.abs(drift) > cap
    return cb._with_needed(f)


def sweep(records: dict) -> pd.DataFrame:
    cal = default_calibration()
    rows = []
    for name, r in records.items():
        g = r[(r["regime"] == "short") & (r["method"] == "ct_nocap") & (r["kind"] == "log") & r["n_obs"].isin(LENGTHS)]
        if g.empty:
            continue
        g = g.assign(family="short")
        for cap in CAPS:
            f = cb.calibrated(capped(g, cap), cal)
            for n in LENGTHS:
                x = f[f["n_obs"] == n]
                rows.append({"collection": name, "code": name.split(":")[0], "cap": cap, "n": n, "forecasts": len(x),
                             "mase": cb.mase(x), "cover80": cb.coverage(x, .8), "cover95": cb.coverage(x, .95),
                             "below": float(np.mean(x["z_actual"] < x["z_median"])), "capped": float(x["capped"].mean())})
    return pd.DataFrame(rows)


def chosen(res: pd.DataFrame) -> float:
    """The smallest cap at which no learning collection's MASE at any length is worse than uncapped."""
    base = res[res["cap"] == np.inf].set_index(["collection", "n"])["mase"]
    ok = np.inf
    for cap in CAPS[1:]:
        x = res[(res["cap"] == cap) & res["code"].str.startswith("L")].set_index(["collection", "n"])["mase"]
        if (x > base.loc[x.index] * (1 + 1e-9)).any():
            break
        ok = cap
    return ok


def report(res: pd.DataFrame, pick: float) -> str:
    base = res[res["cap"] == np.inf].set_index(["collection", "n"])
    lines = ["# A cap on the short trend's yearly drift (log scale), swept on the stored records", "",
             (__doc__ or "").split("\n\n")[1].replace("\n", " "), "",
             f"**Chosen by the rule: {pick:g}; shipped (models/forecast.DRIFT_CAP): {DRIFT_CAP:g}.**", "",
             "MASE change against no cap, with the last 2 / 3 / 5 / 8 points (negative is better), and the share of forecasts "
             "whose drift the cap holds:", "",
             "| collection | " + " | ".join(f"cap {c:g}" for c in CAPS[1:]) + " |", "|---|" + "---|" * (len(CAPS) - 1)]
    for name in res["collection"].unique():
        cells = []
        for cap in CAPS[1:]:
            x = res[(res["collection"] == name) & (res["cap"] == cap)].set_index("n")
            ch = " / ".join(f"{(x.loc[n, 'mase'] / base.loc[(name, n), 'mase'] - 1) * 100:+.1f}" for n in LENGTHS)
            cells.append(f"{ch}% ({x['capped'].mean():.1%} held)")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", f"Without a cap and with the shipped cap ({DRIFT_CAP:g}): MASE, 80 % / 95 % cover and the share of outcomes "
              "below the median, last 2 / 3 / 5 / 8 points:", "",
              "| collection | MASE, no cap | MASE, cap | 80 / 95 % cover, no cap | 80 / 95 % cover, cap | share below the median, no cap → cap |",
              "|---|---|---|---|---|---|"]
    for name in res["collection"].unique():
        a = res[(res["collection"] == name) & (res["cap"] == np.inf)].set_index("n")
        b = res[(res["collection"] == name) & (res["cap"] == DRIFT_CAP)].set_index("n")
        if b.empty:
            continue
        lines.append(f"| {name} | " + " / ".join(f"{a.loc[n, 'mase']:.3f}" for n in LENGTHS) + " | "
                     + " / ".join(f"{b.loc[n, 'mase']:.3f}" for n in LENGTHS) + " | "
                     + ", ".join(f"{a.loc[n, 'cover80']:.0%} / {a.loc[n, 'cover95']:.0%}" for n in LENGTHS) + " | "
                     + ", ".join(f"{b.loc[n, 'cover80']:.0%} / {b.loc[n, 'cover95']:.0%}" for n in LENGTHS) + " | "
                     + ", ".join(f"{a.loc[n, 'below']:.2f} → {b.loc[n, 'below']:.2f}" for n in LENGTHS) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    records = cb.stored_records()
    if not any((r["method"] == "ct_nocap").any() for r in records.values()):
        raise SystemExit("no ct_nocap records: rerun benchmarks/calibrate.py (the uncapped trend is one of its methods)")
    res = sweep(records)
    text = report(res, chosen(res))
    cb.write_result("drift_cap.md", text, echo=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
