"""A territory's level as a multiple of its wider area's average, forecast from 2–5 points: how honest is the app there?

Why: 402-KH/TU's 2045 target is the province's labour productivity above the regional average. The app forecasts the
ratio itself (models/assess._prepare_ratio: the constrained trend on the ratio, with the yearly changes of earlier runs)
and reads P(ratio > 1 in 2045) from its paths; from 0.713 in 2022 that is 23 years of catching up about 1.5% a year
faster than the region. Ratios move less than levels and revert; the short family's widening was learned on levels. This
backtests the app's forecaster on real ratios to an average, at horizons to 20 years:

- US states' per capita income over the mean of the states, 1963–1992 (plm Cigar `ndi`), 1977–1999 (AER Guns `income`)
  and 1983–1997 (AER USSeatBelts `income`); their output per worker over the nation's, 1970–1986 (plm Produc gsp / emp);
  OECD countries' per capita income over the mean of the 18, 1960–1978 (plm Gasoline)
- countries' output per person employed (PWT 9.1 cgdpo / emp, PPP) over the mean of the countries published that year,
  1950–2017, countries with 40+ years

Histories of 2, 3 and 5 points, origins every 3 years. Cells: 80 % / 95 % cover by horizon band; for catching-up events
(the ratio at h at least the last ratio × e^δ, δ = 0.1, 0.2, 0.34 — 0.34 is 0.713 → 1.0) the predicted P against how often
it happened, by band of P; and the 2045 target's own event, δ = 0.34 at 16–20 years. Measured, not shipped: the two
families disagree (see the README). No forecasting-competition collection is used.

  .venv/bin/python benchmarks/ratio_region.py       -> benchmarks/results/ratio_region.md
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
from models.forecast import Forecaster  # noqa: E402

LENGTHS = (2, 3, 5)
MAX_H = 20
ORIGIN_STEP = 3
DELTAS = (0.1, 0.2, 0.34)
N_PATHS = 1000
H_BANDS = ((1, 5), (6, 10), (11, 15), (16, 20))
P_BANDS = ((0.0, 0.02), (0.02, 0.1), (0.1, 0.3), (0.3, 0.7), (0.7, 1.01))


def _ratios(frame: pd.DataFrame, prefix: str) -> list[tuple[str, pd.Series]]:
    """Each unit's value over the mean of every unit's that year (only the years every unit has)."""
    wide = frame.pivot_table(index="year", columns="unit", values="value", aggfunc="first").dropna(axis=0, how="any")
    avg = wide.mean(axis=1)
    return [(f"{prefix}:{u}", (wide[u] / avg).dropna()) for u in wide.columns]


def panel_ratios() -> list[tuple[str, pd.Series]]:
    import rpanels

    f = pd.concat([rpanels.load(), rpanels.load_micro()], ignore_index=True)
    out = []
    for panel, var in (("Cigar", "ndi"), ("Guns", "income"), ("USSeatBelts", "income"), ("Gasoline", "incomep")):
        g = f[(f["panel"] == panel) & (f["variable"] == var)]
        out += _ratios(g, f"{panel}:{var}")
    p = f[f["panel"] == "Produc"].pivot_table(index=["year", "unit"], columns="variable", values="value").reset_index()
    tot = p.groupby("year")[["gsp", "emp"]].sum()
    nation = tot["gsp"] / tot["emp"]
    for unit, g in p.groupby("unit"):
        s = (g.set_index("year")["gsp"] / g.set_index("year")["emp"]) / nation
        out.append((f"Produc:gsp_per_emp:{unit}", s.dropna()))
    return out


def pwt_ratios() -> list[tuple[str, pd.Series]]:
    import pwt

    f = pwt.load("9.1")
    f = f[(f["cgdpo"] > 0) & (f["emp"] > 0)].assign(lp=lambda x: x["cgdpo"] / x["emp"])
    wide = f.pivot_table(index="year", columns="isocode", values="lp")
    avg = wide.mean(axis=1)
    out = []
    for iso in wide.columns:
        s = (wide[iso] / avg).dropna()
        if len(s) >= 40 and (np.diff(s.index.to_numpy()) == 1).all():
            out.append((f"pwt:{iso}:lp_ratio", s))
    return out


def backtest(series: list, seed: int = 11) -> pd.DataFrame:
    rows = []
    for i, (sid, s) in enumerate(series):
        v = s.to_numpy()
        for L in LENGTHS:
            for o in range(L, len(v) - 1, ORIGIN_STEP):
                h = min(MAX_H, len(v) - o)
                hist = s.iloc[o - L:o]
                res = Forecaster("ensemble", N_PATHS, seed + 7919 * i + 31 * o + L, True).fit(hist, h, lower=0.0)
                paths = np.asarray(res.paths)
                last = float(hist.iloc[-1])
                for j in range(h):
                    a = float(v[o + j])
                    p = paths[j]
                    rows.append({"series_id": sid, "n": L, "h": j + 1, "pit": float(np.mean(p <= a)),
                                 **{f"p{d}": float(np.mean(p >= last * np.exp(d))) for d in DELTAS},
                                 **{f"y{d}": float(a >= last * np.exp(d)) for d in DELTAS}})
    return pd.DataFrame(rows)


def table(name: str, f: pd.DataFrame) -> list[str]:
    lines = []
    for L, x in f.groupby("n"):
        cells = []
        for lo, hi in H_BANDS:
            y = x[(x["h"] >= lo) & (x["h"] <= hi)]
            if len(y) == 0:
                cells.append("–")
                continue
            pit = y["pit"].to_numpy()
            cells.append(f"{np.mean((pit >= .1) & (pit <= .9)):.0%} / {np.mean((pit >= .025) & (pit <= .975)):.0%} ({len(y)})")
        far = x[x["h"] >= 11]
        big = x[x["h"] >= 16]         # the 2045 target's own event: catching up 0.34 in log (0.713 -> 1) over 16-20 years
        catch = (f"{big['p0.34'].mean():.3f} / {big['y0.34'].mean():.3f} ({len(big)})" if len(big) else "–")
        rel = []
        for lo, hi in P_BANDS:
            p = np.concatenate([far[f"p{d}"].to_numpy() for d in DELTAS])
            yv = np.concatenate([far[f"y{d}"].to_numpy() for d in DELTAS])
            m = (p >= lo) & (p < hi)
            rel.append(f"{p[m].mean():.2f}→{yv[m].mean():.2f} ({m.sum()})" if m.sum() >= 30 else "–")
        lines.append(f"| {name} | {L} | " + " | ".join(cells) + " | " + " | ".join(rel) + f" | {catch} |")
    return lines


def main() -> int:
    t0 = time.time()
    groups = {"US states and OECD countries: income and output per worker over the average": panel_ratios(),
              "countries: output per person employed (PPP) over the countries' average": pwt_ratios()}
    lines = ["# A level as a multiple of its wider area's average, from 2–5 points (the app's forecaster, as shipped)", "",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}. {N_PATHS} paths; "
             f"origins every {ORIGIN_STEP} years; horizons to {MAX_H}.", "",
             "Cover: 80 % / 95 % (forecasts) by horizon. Catching up, horizons 11–20: predicted P → how often it happened "
             "(events), by band of predicted P, over δ = " + ", ".join(f"{d:g}" for d in DELTAS) + ".", "",
             "| collection | points | h 1–5 | h 6–10 | h 11–15 | h 16–20 | P < 2 % | 2–10 % | 10–30 % | 30–70 % | ≥ 70 % | "
             "ratio × e^0.34 within 16–20 years: mean P / happened |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, series in groups.items():
        f = backtest(series)
        lines += table(f"{name} ({len(series)})", f)
        print(name, len(series), len(f), f"{time.time() - t0:.0f} s", flush=True)
    lines += ["", f"{time.time() - t0:.0f} s."]
    cb.write_result("ratio_region.md", "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
