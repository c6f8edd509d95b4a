"""Average growth over the next five years from a short history of growth rates: how honest is the mean model there?

Why: ten of the committee's targets are "average growth of at least X% a year" over a window (GRDP growth 2026–2030,
labour productivity growth), judged on 2–9 published growth rates (most on 2–5) through the mean model (models/forecast.Mean). The
calibration's own backtests check single years' values (benchmarks/calibrate.py); what the target page reads is the
average over the window, whose spread depends on whether the next years' average may differ from the past years' by
more than sampling error. This backtests that statistic itself, as models/assess._average_rate computes it
(prod(1 + g/100) ** (1 / W) - 1 over the window), on real growth series of output, productivity, employment and income:

- Penn World Table 9.1 (Debian r-cran-pwt9, benchmarks/pwt.py): growth of real GDP, GDP per person employed, employment
  and TFP; even countries learn, odd are held out (as benchmarks/calibrate.py splits them)
- US states and OECD countries (Debian r-cran-plm / r-cran-aer, benchmarks/rpanels.py): growth of real gross state
  product and employment 1970–1986 (plm Produc), real per capita income 1960–1978 (plm Gasoline) and 1977–1999 (AER Guns)
- Viet Nam's own published growth rates in the bundled data (held out)

History lengths 2, 3, 5 and 8 years; windows of five years starting the year after the history (gap 0) or the year after
that (gap 1: the committee's 2026–2030 window read from data to 2024), and the one year after the history (what a nowcast
of a passed year fills in, models/nowcast._mean_paths). Population growth (PWT) is reported apart: no target is one, and
its mean barely moves. No forecasting-competition collection is used. `--spell X` reruns with another Mean.spell (to var/).

  .venv/bin/python benchmarks/growth_average.py            -> benchmarks/results/growth_average.md (about 4 minutes)
  .venv/bin/python benchmarks/growth_average.py --before   -> benchmarks/results/growth_average_before.md
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402
from models.calibration import Calibration, default as default_calibration  # noqa: E402
from models.forecast import Forecaster, Mean  # noqa: E402
from models.reliability import by_band  # noqa: E402

LENGTHS = (2, 3, 5, 8)
WINDOWS = ((5, 0), (5, 1), (1, 0))     # (years, gap): 2026–2030 from data to 2025 or to 2024; one passed year (nowcast)
ORIGIN_STEP = 3
DELTAS = (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0)     # event thresholds: the history's mean + delta (percentage points)
N_PATHS = 1000
PWT_GROWTH = ("rgdpna", "lp", "emp", "rtfpna", "pop")
# before 2026-12-08: no spell term, no uncertain scale, and the mean family's widening learned without them
BEFORE = {"spell": 0.0, "uncertain_scale": False, "mean": {"a": 0.05, "b": 0.10, "c": -0.10}}


def pwt_growth() -> dict[str, list]:
    import pwt

    f = pwt.load("9.1")
    f["lp"] = f["rgdpna"] / f["emp"]
    out: dict[str, list] = {}
    for iso, g in f.groupby("isocode"):
        side = "check" if cb._odd(iso) else "learn"
        g = g.set_index("year").sort_index()
        for v in PWT_GROWTH:
            s = g[v].dropna()
            if len(s) < 16 or (s <= 0).any():
                continue
            kind = "pop" if v == "pop" else "pwt"
            out.setdefault(f"{kind}:{side}", []).append((f"pwt:{iso}:g_{v}", cb.growth_rates(s)))
    return out


def panel_growth() -> dict[str, list]:
    return {f"panels:{side}": [(sid, g) for sid, g, *_ in cb.panel_growth(side)] for side in ("learn", "check")}


def vietnam_growth() -> dict[str, list]:
    out = []
    for sid, s, lo, hi, rate in cb.gso_series("check"):
        if rate and len(s) >= 8 and sid.startswith("gso:vietnam"):
            out.append((sid, s.astype(float)))
    return {"vietnam:check": out}


def average(g: np.ndarray, axis: int = 0) -> np.ndarray:
    """Average yearly growth (%) over the rows, as models/assess._average_rate compounds it."""
    return (np.prod(1 + g / 100.0, axis=axis) ** (1 / g.shape[axis]) - 1) * 100


def backtest(series: list, seed: int = 7, calibration: object = True) -> pd.DataFrame:
    rows = []
    for i, (sid, g) in enumerate(series):
        v = g.to_numpy()
        for L in LENGTHS:
            for o in range(L, len(v), ORIGIN_STEP):     # o: first year after the history
                hist = g.iloc[o - L:o]
                res = None
                for window, gap in WINDOWS:
                    if o + gap + window > len(v):
                        continue
                    if res is None:
                        res = Forecaster("ensemble", N_PATHS, seed + 7919 * i + 31 * o + L, calibration).fit(
                            hist, max(w + g for w, g in WINDOWS), rate=True)
                    paths = np.asarray(res.paths)[gap:gap + window]
                    stat = average(paths)
                    actual = float(average(v[o + gap:o + gap + window]))
                    mean = float(hist.mean())
                    pit = float(np.mean(stat <= actual))
                    p_events = [float(np.mean(stat >= mean + d)) for d in DELTAS]
                    hit = [float(actual >= mean + d) for d in DELTAS]
                    rows.append({"series_id": sid, "n": L, "window": window, "gap": gap, "origin": int(g.index[o - 1]), "actual": actual,
                                 "median": float(np.median(stat)), "hist_mean": mean, "last": float(hist.iloc[-1]),
                                 "sd": float(max(hist.std(ddof=1) if L > 1 else 0.0, 1.0)),
                                 "q10": float(np.quantile(stat, .1)), "q90": float(np.quantile(stat, .9)),
                                 "pit": pit, "p": p_events, "hit": hit, "method": res.method})
    return pd.DataFrame(rows)


def deciles(f: pd.DataFrame) -> list[dict]:
    """P(meet) by decile against how often the event happened (the five-year windows' table is what
    models/reliability.checked_growth prints beside a growth target's probability)."""
    p = np.concatenate(f["p"].to_numpy())
    y = np.concatenate(f["hit"].to_numpy())
    bins = np.minimum((p * 10).astype(int), 9)
    return [{"decile": b, "n": int((bins == b).sum()), "predicted": float(p[bins == b].mean()),
             "observed": float(y[bins == b].mean())} for b in range(10) if (bins == b).any()]


def bands(f: pd.DataFrame) -> list[dict]:
    """The same events by band of P, finer at the ends (models/reliability.BANDS): what checked_growth quotes."""
    return by_band(np.concatenate(f["p"].to_numpy()), np.concatenate(f["hit"].to_numpy()))


def reliability(f: pd.DataFrame) -> tuple[float, float, float, int]:
    """The largest decile gap (deciles with 30+ events, pp), Brier, the base rate's Brier, the number of events."""
    gaps = [abs(r["predicted"] - r["observed"]) for r in deciles(f) if r["n"] >= 30]
    p = np.concatenate(f["p"].to_numpy())
    y = np.concatenate(f["hit"].to_numpy())
    brier = float(np.mean((p - y) ** 2))
    base = float(np.mean((y.mean() - y) ** 2))
    return max(gaps) * 100 if gaps else float("nan"), brier, base, int(p.size)


def cells(f: pd.DataFrame) -> list[dict]:
    """Per window, gap and history length: cover, median share, errors, reliability (what the tables and the Method
    page show)."""
    out = []
    for (window, gap, L), x in f.groupby(["window", "gap", "n"]):
        pit = x["pit"].to_numpy()
        gap_pp, brier, base, events = reliability(x)
        out.append({"window": int(window), "gap": int(gap), "n": int(L), "windows": int(len(x)),
                    "cover": [float(np.mean((pit >= .1) & (pit <= .9))), float(np.mean((pit >= .025) & (pit <= .975)))],
                    "below": float(np.mean(x["actual"] < x["median"])),
                    "error": float(np.abs(x["actual"] - x["median"]).mean()),
                    "error_last": float(np.abs(x["actual"] - x["last"]).mean()),
                    "reliability_gap": gap_pp, "brier": brier, "base": base, "events": events})
    return out


def summary(name: str, rows: list[dict]) -> list[str]:
    return [f"| {name} | {r['window']} | {r['gap']} | {r['n']} | {r['windows']} | {r['cover'][0]:.0%} / {r['cover'][1]:.0%} | "
            f"{r['below']:.2f} | {r['error']:.2f} / {r['error_last']:.2f} | {r['reliability_gap']:.1f} pp | "
            f"{r['brier']:.3f} / {r['base']:.3f} |" for r in rows]


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--spell", type=float, default=None, help="try another Mean.spell (results to var/, not shipped)")
    ap.add_argument("--learn-only", action="store_true", help="only the learning sides")
    ap.add_argument("--before", action="store_true", help="the mean model as it was before 2026-12-08 (BEFORE)")
    args = ap.parse_args()
    calibration: object = True
    if args.spell is not None:
        Mean.spell = args.spell
    if args.before:
        cal = default_calibration()
        Mean.spell, Mean.uncertain_scale = BEFORE["spell"], BEFORE["uncertain_scale"]
        calibration = Calibration({**cal.params, "mean": BEFORE["mean"]}, cal.provenance)
    t0 = time.time()
    groups = {**pwt_growth(), **panel_growth(), **vietnam_growth()}
    if args.learn_only:
        groups = {k: v for k, v in groups.items() if k.endswith(":learn")}
    labels = {"pwt:learn": "PWT growth (even countries)", "pwt:check": "PWT growth (odd countries)",
              "panels:learn": "US states and OECD growth (even units)", "panels:check": "US states and OECD growth (odd units)",
              "vietnam:check": "Viet Nam's published growth rates", "pop:learn": "PWT population growth (even)",
              "pop:check": "PWT population growth (odd)"}
    frames = {}
    for key in labels:
        if groups.get(key):
            frames[key] = backtest(groups[key], calibration=calibration)
            print(key, len(groups[key]), "series", len(frames[key]), "windows", f"{time.time() - t0:.0f} s", flush=True)
    tag = "_before" if args.before else ("" if args.spell is None else f"_spell{args.spell:g}")
    pd.to_pickle(frames, ROOT / "var" / f"growth_average{tag}.pkl")
    what = ("before 2026-12-08: no spell term, no uncertain scale, the mean family's widening (0.05, 0.10, −0.10)" if args.before
            else "as shipped")
    lines = [f"# Average growth over five years from a short history of growth rates (the mean model, {what})", "",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"{time.time() - t0:.0f} s. {N_PATHS} paths per forecast; origins every {ORIGIN_STEP} years; the mean model's spell term {Mean.spell:g} (models/forecast.Mean).", "",
             "Cells: 80 % / 95 % cover of the average over the window; share of outcomes below the median; mean absolute error of "
             "the median against the last year's rate carried forward (percentage points); the largest P(meet) reliability "
             "gap (events: the average at least the history's mean + δ, δ = −3…3 pp; deciles with ≥ 30 events); Brier against "
             "the base rate's.", "",
             "| collection | years averaged | gap | points | windows | 80 % / 95 % cover | below median | error: median / last | reliability gap | Brier / base |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    table = {key: cells(f) for key, f in frames.items()}
    for key, rows in table.items():
        lines += summary(labels[key], rows)
    out = (ROOT / "benchmarks" / "results" / f"growth_average{tag}.md" if tag in ("", "_before")
           else ROOT / "var" / f"growth_average{tag}.md")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps({"what": what, "spell": Mean.spell, "groups": table,
                                                    "reliability": {k: deciles(f[f["window"] == 5]) for k, f in frames.items()},
                                                    "bands": {k: bands(f[f["window"] == 5]) for k, f in frames.items()}}, indent=1),
                                        encoding="utf-8")     # the Method page and models/reliability read it
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
