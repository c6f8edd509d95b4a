"""A check no choice has seen: Gapminder's countries (H) and US states' disease counts (I) decide one open question.

Why: every choice in the calibration so far was made on the learning collections L1–L5, and several were then read
against the held-out A–G too, so A–G are no longer quite independent. H and I (benchmarks/dslabs.py) were added to
benchmarks/calibrate.py's held-out collections on 2026-12-08, and this file, with the rule below, was committed
before their backtests first ran.

The question: should the short family's widening follow the size of the constrained trend's spread, k(h, n) ·
(sigma / 0.2)^e with e = 0.2 (sigma on the model's scale, the ratio clipped to 0.1–1.5 as the roughness is)? Measured on
2026-12-07 night (benchmarks/short_spread.py): it lowers the worst learning loss from 0.0921 to 0.0868 and moves the
80% cover of C, D, E and G towards nominal, but widened the short-history reliability gaps of D (13 → 15 pp) and F
(22 → 23 pp); it was not shipped.

The rule, fixed before H and I were backtested: ship e = 0.2 if and only if, on H and on I each,
  1. the short-regime cover loss is lower with e = 0.2 than with e = 0: benchmarks/calibrate.py's loss (mean squared
     cover error of the 50 / 80 / 95 % bands over (horizon, length) cells of at least 50 forecasts, a band too narrow
     counted 4×), with each e's widening re-learned on L1–L5 as calibrate.py learns it; and
  2. the largest short-history reliability gap (deciles with at least 30 events) is not larger by more than 1 pp.
Otherwise e stays 0. Nothing else is decided on H and I; they join calibrate.py's held-out table as they come out.

Run after `benchmarks/calibrate.py --reuse` has backtested H and I:
  .venv/bin/python benchmarks/fresh_check.py      -> benchmarks/results/fresh_check.md
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
import short_spread as ss  # noqa: E402

FRESH = ("H", "I")
CANDIDATE = 0.2
GAP_TOLERANCE = 1.0      # pp


def loss_at(frame: pd.DataFrame, p: dict) -> float:
    """calibrate.py's short-family cover loss of one collection at the widening p (its a on A_GRID)."""
    _, per = cb._loss([frame], p["b"], p["c"], cb.UNDER_WEIGHT["short"], p["d"])
    return float(per[0][int(np.argmin(np.abs(cb.A_GRID - p["a"])))])


def measures(frame: pd.DataFrame, p: dict) -> dict:
    f = frame.assign(k=cb.k_of(frame, p))
    table, brier, base = cb.reliability(f)
    t = table[table["n"] >= 30]
    out = {"loss": loss_at(frame, p), "gap": float((t["predicted"] - t["observed"]).abs().max()) * 100,
           "brier": brier, "base": base, "forecasts": len(f)}
    for n in (2, 3, 5, 8):
        x = f[f["n_obs"] == n]
        out[f"cover{n}"] = (cb.coverage(x, .8), cb.coverage(x, .95))
    return out


def main() -> int:
    records = cb.stored_records()
    missing = [c for c in FRESH if not any(n.startswith(c + ":") for n in records)]
    if missing:
        raise SystemExit(f"no records of {', '.join(missing)}: run benchmarks/calibrate.py --reuse first")
    frames = ss.ratios(records)
    sized = ss.with_sigma(frames)
    learn = [n for n in frames if n.startswith("L")]
    rows, verdicts = [], {}
    for e in (0.0, CANDIDATE):
        p, info = cb.learn_family([sized[n] for n in learn], cb.UNDER_WEIGHT["short"], d_grid=(e,))
        p = {**p, "d": e}
        for name, g in sized.items():
            rows.append({"e": e, "p": p, "worst_learning": info["worst_loss"], "collection": name, **measures(g, p)})
        print("e", e, p, round(info["worst_loss"], 4), flush=True)
    res = pd.DataFrame(rows)
    for code in FRESH:
        r = res[res["collection"].str.startswith(code + ":")].set_index("e")
        verdicts[code] = {"loss": bool(r.loc[CANDIDATE, "loss"] < r.loc[0.0, "loss"]),
                          "gap": bool(r.loc[CANDIDATE, "gap"] <= r.loc[0.0, "gap"] + GAP_TOLERANCE)}
    ship = all(v["loss"] and v["gap"] for v in verdicts.values())
    lines = ["# A check no choice has seen: H and I decide the short family's spread term", "",
             "The rule, fixed before H and I were backtested: "
             + " ".join(__doc__.split("were backtested:")[1].split("Run after")[0].split()), "",
             "| e | (a, b, c) | worst learning loss | collection | forecasts | cover loss | 80 / 95 % cover, last 2 / 3 / 5 / 8 "
             "points | largest reliability gap | Brier (base rate) |", "|---|---|---|---|---|---|---|---|---|"]
    for _, r in res.iterrows():
        cover = ", ".join(f"{r[f'cover{n}'][0]:.0%} / {r[f'cover{n}'][1]:.0%}" for n in (2, 3, 5, 8))
        lines.append(f"| {r['e']:g} | ({r['p']['a']:.2f}, {r['p']['b']:.2f}, {r['p']['c']:.2f}) | {r['worst_learning']:.4f} | "
                     f"{r['collection']} | {r['forecasts']} | {r['loss']:.4f} | {cover} | {r['gap']:.1f} pp | "
                     f"{r['brier']:.3f} ({r['base']:.3f}) |")
    lines += ["", "## Verdict", ""]
    for code, v in verdicts.items():
        lines.append(f"- {code}: cover loss lower with e = {CANDIDATE:g}: {'yes' if v['loss'] else 'no'}; reliability gap not "
                     f"larger by more than {GAP_TOLERANCE:g} pp: {'yes' if v['gap'] else 'no'}.")
    lines += ["", f"**{'Ship' if ship else 'Do not ship'} e = {CANDIDATE:g}.**", ""]
    out = ROOT / "benchmarks" / "results" / "fresh_check.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
