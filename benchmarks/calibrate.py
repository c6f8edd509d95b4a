"""Learn the forecast calibration on real yearly series and check it on series not used to learn it.

Run by hand (about 15 minutes on 2 cores):  .venv/bin/python benchmarks/calibrate.py
Needs `pyreadr` (requirements-bench.txt) and Debian's `r-cran-pwt9` package file (fetched with
`apt-get download`, see benchmarks/pwt.py).

Collections
- learn:     PWT 9.1, variables rgdpna, emp, pop, rgdpna/emp, rnna, countries with even CRC32(isocode)
- check A:   the same variables, the other (odd) countries
- check B:   other PWT variables (rtfpna, hc, labsh as a 0–1 share, ck), odd countries only
- check C:   the bundled GSO labour-force table (70 areas, 2005–2020) and Vietnam's bundled national series
Writes data/calibration.json (the learned factors with provenance) and benchmarks/results/calibration.md.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import zlib  # noqa: E402
from multiprocessing import Pool  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from models.backtest import QGRID, rolling_origin, score  # noqa: E402
from models.calibration import (CALIBRATION_FILE, LENGTH_BUCKETS, MOMENTUM_EDGES, PIT_LEVELS, Calibration,  # noqa: E402
                               length_bucket, momentum_band)

LEARN_VARS = ("rgdpna", "emp", "pop", "lp", "rnna", "g_rgdpna", "g_lp")   # g_*: growth in % per year
CHECK_VARS = ("rtfpna", "hc", "labsh", "ck", "g_emp", "g_rtfpna")
LENGTHS = (3, 5, 8, 12, 18, 25)
MAX_H = 10
GRID = np.round(np.arange(0.2, 8.001, 0.02), 3)
METHODS = ("ensemble", "ets", "theta", "drift", "naive")


def pwt_series(which: str) -> list[tuple[str, pd.Series, float | None, float | None]]:
    import pwt

    f = pwt.load("9.1")
    f["lp"] = f["rgdpna"] / f["emp"]
    f = f.sort_values(["isocode", "year"])
    for v in ("rgdpna", "lp", "emp", "rtfpna"):
        f[f"g_{v}"] = f.groupby("isocode")[v].pct_change(fill_method=None) * 100
    out = []
    variables = LEARN_VARS if which in ("learn", "A") else CHECK_VARS
    for iso, g in f.groupby("isocode"):
        odd = zlib.crc32(str(iso).encode()) % 2 == 1
        if (which == "learn") == odd:
            continue
        g = g.set_index("year").sort_index()
        for v in variables:
            s = g[v].dropna()
            lower, upper = (0.0, 1.0) if v == "labsh" else (None, None)
            rate = v.startswith("g_")
            if len(s) < 12 or (not rate and (s <= 0).any()) or (upper is not None and (s >= 1).any()):
                continue
            out.append((f"{iso}:{v}", s, lower, upper, rate))
    return out


def bundled_series() -> list[tuple[str, pd.Series, float | None, float | None]]:
    from models.catalog import load_catalog

    cat = load_catalog()
    o = cat.observations
    o = o[o["preferred"] & (o["qualifier"] == "") & o["period_start"].isna()]
    out = []
    for (tid, iid, v), g in o.groupby(["territory_id", "indicator_id", "vintage"]):
        if len(g) < 10 or iid not in ("labour_force_15plus", "labour_productivity_current", "gdp_growth_const",
                                      "population_average", "gii_rank"):
            continue
        s = pd.Series(g["value"].to_numpy(), index=g["year"].astype(int).to_numpy())
        ind = cat.indicator(iid)
        lo = None if pd.isna(ind["lower_bound"]) else float(ind["lower_bound"])
        hi = None if pd.isna(ind["upper_bound"]) else float(ind["upper_bound"])
        if iid == "gdp_growth_const":
            lo = None
        out.append((f"{tid}:{iid}:{v}", s, lo, hi, iid == "gdp_growth_const"))
    return out


def _run(args):
    sid, s, lo, hi, rate, methods, calibration, seed = args
    return rolling_origin(s, sid, max_horizon=MAX_H, lengths=LENGTHS, n_origins=3, origin_step=4,
                          n_paths=300, seed=seed, lower=lo, upper=hi, methods=methods, calibration=calibration,
                          rate=rate)


def backtest(series, methods=METHODS, calibration=None, workers=2) -> pd.DataFrame:
    jobs = [(sid, s, lo, hi, rate, methods, calibration, i) for i, (sid, s, lo, hi, rate) in enumerate(series)]
    with Pool(workers) as pool:
        parts = pool.map(_run, jobs, chunksize=8)
    frame = pd.concat([p for p in parts if len(p)], ignore_index=True)
    frame["bucket"] = frame["n_obs"].map(length_bucket)
    return frame


def best_k(g: pd.DataFrame) -> float:
    q = np.stack(g["z_q"].to_numpy())
    med = g["z_median"].to_numpy()
    dev = g["z_actual"].to_numpy() - med
    losses = []
    for k in GRID:
        loss = 0.0
        for level in (0.5, 0.8, 0.95):
            lo = int(np.argmin(np.abs(QGRID - (1 - level) / 2)))
            hi = int(np.argmin(np.abs(QGRID - (1 + level) / 2)))
            cov = np.mean((dev / k >= q[:, lo] - med) & (dev / k <= q[:, hi] - med))
            loss += (cov - level) ** 2
        losses.append(loss)
    return float(GRID[int(np.argmin(losses))])


def widened_pit(g: pd.DataFrame, k: float) -> np.ndarray:
    """PIT of each actual under the forecast widened by k (interpolated on the stored quantile grid)."""
    q = np.stack(g["z_q"].to_numpy())
    med = g["z_median"].to_numpy()
    x = med + (g["z_actual"].to_numpy() - med) / k
    return np.array([np.interp(xi, qi, QGRID, left=QGRID[0] / 2, right=1 - (1 - QGRID[-1]) / 2)
                     for xi, qi in zip(x, q)])


def _learn_cells(gm: pd.DataFrame, fallback=None) -> tuple[list, list, list]:
    """k and PIT map per length bucket and horizon; a cell with too few cases takes the fallback's."""
    table, mtab, ctab = [], [], []
    for b in range(len(LENGTH_BUCKETS)):
        row, mrow, crow = [], [], []
        for h in range(1, MAX_H + 1):
            g = gm[(gm["bucket"] == b) & (gm["h"] == h)]
            if len(g) < 60:   # too few cases: borrow the neighbouring horizons
                g = gm[(gm["bucket"] == b) & (gm["h"].between(h - 2, h + 2))]
            if len(g) >= 40:
                k = best_k(g)
                v = np.quantile(widened_pit(g, k), PIT_LEVELS)
                row.append(round(k, 3))
                mrow.append([round(float(x), 4) for x in np.maximum.accumulate(v)])
            elif fallback is not None:
                row.append(fallback[0][b][h - 1])
                mrow.append(fallback[1][b][h - 1])
            else:
                row.append(row[-1] if row else 1.0)
                mrow.append(mrow[-1] if mrow else list(PIT_LEVELS))
            crow.append(int(len(g)))
        table.append(row)
        mtab.append(mrow)
        ctab.append(crow)
    return table, mtab, ctab


def learn(records: pd.DataFrame) -> tuple[dict, dict, dict]:
    """Per method and momentum band; a band's thin cells fall back to the method's pooled cells."""
    records = records.assign(band=records["momentum"].map(momentum_band))
    scales, maps, counts = {}, {}, {}
    for m, gm in records.groupby("method"):
        pooled = _learn_cells(gm)
        parts = [_learn_cells(gm[gm["band"] == band], fallback=pooled) for band in range(len(MOMENTUM_EDGES) + 1)]
        scales[m], maps[m], counts[m] = ([p[i] for p in parts] for i in range(3))
    if "constrained_trend" in scales:
        for m in METHODS:   # every method falls back to the constrained trend for 2–5 points
            if m in scales:
                for band in range(len(MOMENTUM_EDGES) + 1):
                    scales[m][band][0] = scales["constrained_trend"][band][0]
                    maps[m][band][0] = maps["constrained_trend"][band][0]
    return scales, maps, counts


def _cdf(g: pd.DataFrame, zt: np.ndarray) -> np.ndarray:
    q = np.stack(g["z_q"].to_numpy())
    return np.array([np.interp(t, qi, QGRID, left=0.005, right=0.995) for t, qi in zip(zt, q)])


def quantile_calibration(g: pd.DataFrame) -> dict:
    q = np.stack(g["z_q"].to_numpy())
    za = g["z_actual"].to_numpy()
    return {p: float(np.mean(za < q[:, int(np.argmin(np.abs(QGRID - p)))])) for p in (0.1, 0.25, 0.5, 0.75, 0.9)}


def reliability(g: pd.DataFrame) -> tuple[pd.DataFrame, float, float]:
    """Synthetic 'target met?' events: value at the horizon >= last x (1+g)^h, g in -2..7 %/yr (log-scale series)."""
    rows = []
    for growth in (-0.02, 0.0, 0.02, 0.04, 0.07):
        zt = np.log(g["last"].to_numpy()) + g["h"].to_numpy() * np.log1p(growth)
        p = 1 - _cdf(g, zt)
        rows.append(pd.DataFrame({"p": p, "event": (g["z_actual"].to_numpy() >= zt).astype(float)}))
    ev = pd.concat(rows, ignore_index=True)
    ev["decile"] = np.minimum((ev["p"] * 10).astype(int), 9)
    table = ev.groupby("decile").agg(n=("event", "size"), predicted=("p", "mean"), observed=("event", "mean")).reset_index()
    brier = float(np.mean((ev["p"] - ev["event"]) ** 2))
    base = float(np.mean((ev["event"].mean() - ev["event"]) ** 2))
    return table, brier, base


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N series of each collection (quick run)")
    args = ap.parse_args()
    t0 = time.time()
    lim = (lambda xs: xs[: args.limit]) if args.limit else (lambda xs: xs)
    learn_series = lim(pwt_series("learn"))
    print(f"learn: {len(learn_series)} series", flush=True)
    rec = backtest(learn_series, methods=METHODS, workers=args.workers)
    scales, maps, counts = learn(rec)
    import pwt

    cal = Calibration(scales=scales, pit_maps=maps, provenance={
        "learned_on": f"Penn World Table 9.1 ({pwt.CITATION}); variables {', '.join(LEARN_VARS)} (lp = rgdpna/emp); "
                      f"countries with even CRC32(isocode); {len(learn_series)} series",
        "backtest": f"rolling origin, histories of {LENGTHS} points, 3 origins 4 years apart, horizons 1–{MAX_H}, "
                    "300 paths per method",
        "rule": "per method, momentum band (last two yearly changes minus the average change, in standard deviations "
                f"of the change; edges {MOMENTUM_EDGES}), history length and horizon: k minimises the squared coverage "
                "error of the central 50/80/95% bands; then the quantiles of the widened PIT values give the level map "
                "(PIT recalibration); cells with fewer than 40 cases use the method's cells pooled over bands",
        "cases_per_cell": counts, "script": "benchmarks/calibrate.py", "date": dt.date.today().isoformat(),
    })
    CALIBRATION_FILE.write_text(cal.to_json(), encoding="utf-8")
    print(f"learned in {time.time() - t0:.0f}s", flush=True)

    lines = [f"# Calibration and accuracy benchmark ({dt.date.today().isoformat()})", "",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
             f"Learned on {len(learn_series)} PWT 9.1 series (even countries).", ""]
    checks = {"A: PWT 9.1, same variables, other countries": lim(pwt_series("A")),
              "B: PWT 9.1, other variables (rtfpna, hc, labsh, ck), other countries": lim(pwt_series("B")),
              "C: bundled Vietnamese series (GSO labour force by province, national series)": bundled_series()}
    summary = {}
    for name, series in checks.items():
        r = backtest(series, methods=METHODS, calibration=cal, workers=args.workers)
        raw = backtest(series, methods=("ensemble",), calibration=None, workers=args.workers)
        raw = raw[~raw["series_id"].str.contains(":g_|gdp_growth")]
        full = r[r["n_obs"] >= 6]
        sc = score(full[~full["series_id"].str.contains(":g_|gdp_growth")])
        sc_rate = score(full[full["series_id"].str.contains(":g_|gdp_growth")]) if full["series_id"].str.contains(":g_|gdp_growth").any() else None
        ens = r[r["method"].isin(["ensemble", "constrained_trend"])]
        qc = quantile_calibration(ens)
        qc_rate = quantile_calibration(r[r["method"] == "mean"]) if (r["method"] == "mean").any() else {}
        rel, brier, base = reliability(ens[~ens["series_id"].str.contains("labsh")])
        summary[name] = {"series": len(series), "score": sc.to_dict("records"), "quantiles": qc,
                         "brier": brier, "base_brier": base,
                         "rate_score": [] if sc_rate is None else sc_rate.to_dict("records"), "rate_quantiles": qc_rate}
        lines += [f"## {name}", "", f"{len(series)} series, {len(r)} forecast-outcome pairs.", "",
                  "Accuracy and coverage with the calibration applied (histories of 6+ points):", "",
                  "| method | MASE | sMAPE % | 80% coverage | 95% coverage | n |", "|---|---|---|---|---|---|"]
        lines += [f"| {x['method']} | {x['mase']:.3f} | {x['smape']:.2f} | {x['coverage80']:.1%} | {x['coverage95']:.1%} | {x['n']} |"
                  for x in sc.to_dict("records")]
        from models.backtest import coverage
        rawe = raw[raw["method"].isin(["ensemble"])]
        lines += ["", f"Ensemble before calibration: 80% coverage {coverage(rawe, 0.8):.1%}, 95% coverage {coverage(rawe, 0.95):.1%}.",
                  "", "Quantile calibration of the ensemble (all history lengths; share of outcomes below the p-quantile):", "",
                  "| p | " + " | ".join(str(p) for p in qc) + " |", "|---|" + "---|" * len(qc),
                  "| observed | " + " | ".join(f"{v:.3f}" for v in qc.values()) + " |", "",
                  f"P(meet) reliability on synthetic target events (growth thresholds −2…7 %/yr): Brier {brier:.4f} "
                  f"against base-rate Brier {base:.4f}.", "", "| decile | events | predicted | observed |", "|---|---|---|---|"]
        lines += [f"| {int(x['decile'])} | {int(x['n'])} | {x['predicted']:.3f} | {x['observed']:.3f} |" for x in rel.to_dict("records")]
        if sc_rate is not None:
            lines += ["", "Growth-rate series (the mean model against naive), calibration applied:", "",
                      "| method | MASE | 80% coverage | 95% coverage | n |", "|---|---|---|---|---|"]
            lines += [f"| {x['method']} | {x['mase']:.3f} | {x['coverage80']:.1%} | {x['coverage95']:.1%} | {x['n']} |"
                      for x in sc_rate.to_dict("records")]
            lines += ["", "Quantile calibration of the mean model: " +
                      ", ".join(f"p={p}: {v:.3f}" for p, v in qc_rate.items())]
        lines.append("")
        print(name, "done", f"{time.time() - t0:.0f}s", flush=True)
    lines.append(f"Total run time: {time.time() - t0:.0f} s.")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "calibration.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "calibration.json").write_text(json.dumps(summary, indent=1, default=float), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
