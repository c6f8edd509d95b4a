"""Rolling-origin backtests: what each method would have said at each past origin, and how it did.

`rolling_origin` cuts a yearly series at successive origins, forecasts every method from the
history up to the origin, and records, for each horizon, the actual value against the
forecast distribution (its median, quantiles and PIT). `score` turns those records into MASE,
sMAPE and interval coverage per method. The Method page, the model cards and
`benchmarks/calibrate.py` all use these two functions.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from models import config
from models.calibration import roughness
from models.forecast import (ENSEMBLE, LOW_EVIDENCE_POINTS, ConstrainedTrend, Forecaster, Transform, _clean, choose_transform,
                             drift_cap_for, route)

QGRID = np.array([0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75,
                  0.8, 0.85, 0.9, 0.95, 0.975, 0.99])
BACKTEST_METHODS = ("ensemble", "ets", "theta", "drift", "naive")


def method_paths(history: pd.Series, horizon: int, n_paths: int, seed: int, transform: Transform,
                 methods=BACKTEST_METHODS, rate: bool = False, prior: float | None = None,
                 keep_drift: bool = False) -> dict[str, np.ndarray]:
    """Uncalibrated z-scale paths of every method from one history (members fitted once, ensemble pooled).

    `prior`: a pooled drift of the same indicator in other series over the same years (z scale); the method
    `ct_pool` shrinks the short trend towards it instead of towards no change. `keep_drift`: as `Forecaster.fit`'s (money
    per head at current prices); the ct_* comparisons ignore it."""
    rng = np.random.default_rng(seed)
    z = pd.Series(transform.forward(history.to_numpy()),
                  index=pd.period_range(start=str(int(history.index[0])), periods=history.size, freq="Y"))
    routed = route(history.size, rate)        # the same rule as the app's forecasts
    floor = transform.floor(float(history.iloc[-1]))
    cap = drift_cap_for(transform)

    def sim(m, fitted=None):                  # the same dispatch as Forecaster.fit
        return Forecaster.simulate(m, z, horizon, n_paths, rng, floor=floor, fitted=fitted, keep_drift=keep_drift,
                                   drift_cap=cap)[0]

    def trend_paths(wanted) -> dict[str, np.ndarray]:   # the ensemble's members fitted once, the ensemble pooled from them
        got = {m: sim(m) for m in ("ets", "theta", "drift", "naive")
               if m in wanted or (m in ENSEMBLE and "ensemble" in wanted)}
        if "ensemble" in wanted:
            got["ensemble"] = sim("ensemble", fitted=got)
        return {m: p for m, p in got.items() if m in wanted}

    if routed == "mean":   # growth rates: the mean model against the naive benchmark
        out = {"mean": sim("mean")}
        if history.size >= 2:
            out["naive"] = sim("naive")
        return out
    if routed == "constrained_trend":   # beside the simple benchmarks it must beat
        out = {"constrained_trend": sim("constrained_trend")}
        for m in methods:      # every variant carries the shipped cap, so it differs from the app's trend in its rule only
            if m.startswith("ct_c"):       # the same trend with another shrinkage (evidence for the default)
                out[m] = ConstrainedTrend(floor, shrink_c=float(m[4:]), drift_cap=cap).fit(z).simulate(horizon, n_paths, rng)
            elif m.startswith("ct_snr"):   # shrunk by how clearly its changes agree, t²/(t²+c)
                out[m] = ConstrainedTrend(floor, shrink_c=float(m[6:]), rule="snr",
                                          drift_cap=cap).fit(z).simulate(horizon, n_paths, rng)
            elif m == "ct_linear":       # the rule before 2026-12-02: m/(m+3), carried forward undamped
                out[m] = ConstrainedTrend(floor, shrink_c=3.0, damping=1.0, rough_power=0.0,
                                          drift_cap=cap).fit(z).simulate(horizon, n_paths, rng)
            elif m == "ct_r0":           # the rule before 2026-12-03 (night): m/(m+1) whatever the roughness
                out[m] = ConstrainedTrend(floor, rough_power=0.0, drift_cap=cap).fit(z).simulate(horizon, n_paths, rng)
            elif m == "ct_nocap":        # the shipped rule without the cap (before 2026-12-08; benchmarks/drift_cap.py)
                out[m] = ConstrainedTrend(floor, shrink_c=0.0 if keep_drift else None).fit(z).simulate(horizon, n_paths, rng)
            elif m == "ct_pool":
                out[m] = ConstrainedTrend(floor, prior=prior or 0.0, drift_cap=cap).fit(z).simulate(horizon, n_paths, rng)
        if history.size >= 2:
            out["naive"] = sim("naive")
            out["drift"] = sim("drift")
        if history.size >= LOW_EVIDENCE_POINTS:   # what the ensemble would say here: the evidence for the cut
            out.update(trend_paths({"ensemble", "ets", "theta"} & set(methods)))
        return out
    return trend_paths(set(methods))


def rolling_origin(values: pd.Series, series_id: str = "", max_horizon: int = 6, min_train: int = 6,
                   lengths: tuple[int, ...] | None = None, n_origins: int | None = None, origin_step: int = 1,
                   n_paths: int = 600,
                   seed: int = 0, lower: float | None = None, upper: float | None = None,
                   methods=BACKTEST_METHODS, calibration=None, rate: bool = False, prior=None,
                   keep_drift: bool = False) -> pd.DataFrame:
    """One row per (origin, method, horizon) with the actual and the forecast distribution.

    `lengths` fixes how many points of history each origin uses (None: all points before it);
    `n_origins` keeps only the last origins. Forecast years never reach past the data.
    `prior(origin_year, length)`: the pooled drift for `ct_pool` (None: no change), from other series only.
    `keep_drift`: the series is money per head at current prices (`Forecaster.fit`).
    """
    s, _ = _clean(values)
    years = s.index.to_numpy()
    transform = Transform("identity", lower, upper) if rate else choose_transform(s.to_numpy(), lower, upper)
    rows = []
    first = min_train if lengths is None else min(lengths)
    origins = list(range(first, len(s)))[::-1][::origin_step][::-1]
    if n_origins is not None:
        origins = origins[-n_origins:]
    for oi, o in enumerate(origins):
        for L in (lengths or (o,)):
            if L > o:
                continue
            hist = s.iloc[o - L:o]
            h = min(max_horizon, len(s) - o)
            if h < 1:
                continue
            actual = s.iloc[o:o + h].to_numpy()
            za = transform.forward(actual)
            z_last = transform.forward(np.array([float(hist.iloc[-1])]))[0]
            d = np.abs(np.diff(s.iloc[:o].to_numpy()))   # MASE scale: every year before the origin, even when
                                                         # the model sees only the last few (stable for 2-point cuts)
            scale = float(d.mean()) if d.size else np.nan
            pr = prior(int(years[o - 1]), L) if (prior is not None and transform.kind == "log") else None
            rough = roughness(transform.forward(hist.to_numpy()))
            paths = method_paths(hist, h, n_paths, seed + 7919 * oi + L, transform, methods, rate=rate, prior=pr,
                                 keep_drift=keep_drift)
            for m, zp in paths.items():
                if calibration is not None and calibration.covers(m):
                    zp = calibration.apply(zp, L, m, rough)
                med = np.median(zp, axis=1)
                qs = np.quantile(zp, QGRID, axis=1).T          # (h, len(QGRID))
                pit = (zp <= za[:, None]).mean(axis=1)
                point = transform.inverse(med)
                for j in range(h):
                    rows.append({"series_id": series_id, "origin": int(years[o - 1]), "n_obs": L, "method": m,
                                 "h": j + 1, "year": int(years[o + j]), "actual": float(actual[j]),
                                 "point": float(point[j]), "z_actual": float(za[j]), "z_median": float(med[j]),
                                 "z_q": qs[j], "pit": float(pit[j]), "scale": scale,
                                 "last": float(hist.iloc[-1]), "z_last": float(z_last), "kind": transform.kind,
                                 "rough": rough})
    return pd.DataFrame(rows)


def coverage(records: pd.DataFrame, level: float, k: float | np.ndarray = 1.0) -> float:
    """Share of actuals inside the central `level` band, after widening the spread by `k`."""
    lo_i = int(np.argmin(np.abs(QGRID - (1 - level) / 2)))
    hi_i = int(np.argmin(np.abs(QGRID - (1 + level) / 2)))
    q = np.stack(records["z_q"].to_numpy())
    med = records["z_median"].to_numpy()
    dev = (records["z_actual"].to_numpy() - med) / k
    return float(np.mean((dev >= q[:, lo_i] - med) & (dev <= q[:, hi_i] - med)))


def score(records: pd.DataFrame) -> pd.DataFrame:
    """MASE, sMAPE (%), 80% and 95% coverage and the number of forecasts, per method."""
    out = []
    for m, g in records.groupby("method"):
        err = np.abs(g["actual"] - g["point"])
        ok = g["scale"] > 0
        mase = float((err[ok] / g.loc[ok, "scale"]).mean()) if ok.any() else np.nan
        denom = (np.abs(g["actual"]) + np.abs(g["point"])) / 2
        smape = float((err / denom.replace(0, np.nan)).mean() * 100)
        out.append({"method": m, "mase": mase, "smape": smape, "coverage80": coverage(g, 0.8),
                    "coverage95": coverage(g, 0.95), "n": len(g)})
    return pd.DataFrame(out).sort_values("mase").reset_index(drop=True)


def backtest_catalog(cat, min_points: int = 8, max_horizon: int = 5, n_paths: int = 300, seed: int = 0,
                     calibration=True) -> pd.DataFrame:
    """Rolling-origin records for every bundled series long enough (one vintage, exact preferred values)."""
    if calibration is True:
        from models.calibration import default
        calibration = default()
    o = cat.used()
    parts = []
    for (tid, iid, v), g in o.groupby(["territory_id", "indicator_id", "vintage"]):
        s = pd.Series(g["value"].to_numpy(dtype=float), index=g["year"].astype(int).to_numpy())
        s, _ = _clean(s)
        if s.size < min_points:
            continue
        lo, hi, rate = cat.forecast_bounds(iid)
        parts.append(rolling_origin(s, f"{tid}:{iid}:{v}", max_horizon=max_horizon, min_train=6, n_paths=n_paths,
                                    seed=seed, lower=lo, upper=hi, calibration=calibration, rate=rate,
                                    keep_drift=cat.keeps_drift(iid)))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


BACKTEST_FILE = config.BACKTEST_FILE
SUMMARY_COLUMNS = ["series_id", "method", "mase", "smape", "coverage80", "coverage95", "n", "data_version"]


def summarise_by_series(records: pd.DataFrame, version: str) -> pd.DataFrame:
    """Per series and method: MASE, sMAPE, 80/95% coverage (what the model cards show)."""
    parts = []
    for sid, g in records.groupby("series_id"):
        sc = score(g)
        sc.insert(0, "series_id", sid)
        parts.append(sc)
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SUMMARY_COLUMNS[:-1])
    out["data_version"] = version
    return out[SUMMARY_COLUMNS]


def by_method(summary: pd.DataFrame) -> pd.DataFrame:
    """Per-series backtest rows pooled by method, each series weighted by its number of forecasts; best MASE first."""
    w = summary["n"].astype(float)
    frame = summary.assign(_w=w, _mase=summary["mase"] * w, _c80=summary["coverage80"] * w,
                           _c95=summary["coverage95"] * w)
    g = frame.groupby("method")
    out = pd.DataFrame({"mase": g["_mase"].sum() / g["_w"].sum(), "coverage80": g["_c80"].sum() / g["_w"].sum(),
                        "coverage95": g["_c95"].sum() / g["_w"].sum(), "n": g["_w"].sum(),
                        "series": g["series_id"].nunique()})
    return out.reset_index().sort_values("mase", ignore_index=True)


def load_backtest(path, version: str) -> pd.DataFrame:
    """The stored per-series backtest if it was computed on this data version, else an empty frame."""
    path = Path(path)
    if not path.exists():
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    frame = pd.read_csv(path)
    return frame[frame["data_version"] == version].reset_index(drop=True)
