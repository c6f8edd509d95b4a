"""Assessment of every registered target: P(meet), words, UN/Open SDG categories, catch-up, verdicts.

`prepare` finds the series a target is judged on and fits its forecast once (slow part);
`evaluate` applies a scenario to the cached paths and computes everything else (fast part),
so moving a slider never refits. `python -m models.assess` prints the table for the bundled data.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import zlib  # noqa: E402
from dataclasses import asdict, dataclass, field  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from models import nowcast, progress, region  # noqa: E402
from models.catalog import RATE_UNITS, Catalog, document_label  # noqa: E402
from models.forecast import Forecaster, ForecastResult, _clean  # noqa: E402
from models.notes import Note, is_insufficient, names  # noqa: E402
from models.notes import text as note_text  # noqa: E402
from models.config import AS_OF_YEAR, COMMUNES  # noqa: E402
from models.scenario import PRESETS, Scenario, apply  # noqa: E402

N_PATHS = 2000
CHECKED_HORIZON = 10       # benchmarks/calibrate.py checks horizons 1–10; beyond that bands are extrapolated


@dataclass
class SeriesUsed:
    territory_id: str
    indicator_id: str
    vintage: str
    values: pd.Series            # index: int years
    proxy_of: str = ""           # set when another territory's or indicator's series stands in
    others: tuple = ()           # vintages not used (Catalog.series_used says why)

    @property
    def n(self) -> int:
        return int(self.values.size)


@dataclass
class Prepared:
    """A target with its series and cached baseline forecast(s)."""

    target: dict
    unit_en: str
    series: SeriesUsed | None = None
    reference: SeriesUsed | None = None        # the region, for relative_to_region
    fc: ForecastResult | None = None
    fc_reference: ForecastResult | None = None
    notes: list[str] = field(default_factory=list)
    bounds: list[tuple[str, float]] = field(default_factory=list)   # published "above/below X" in the target year
    filled: dict = field(default_factory=dict)         # year -> nowcast.FilledYear (average-growth windows)
    fc_ratio: ForecastResult | None = None            # relative targets: the ratio to the reference, simulated
    ratio: pd.Series | None = None                    # its observed values (latest comparable run)
    estimate_inputs: list[str] = field(default_factory=list)   # values with status 'estimate' the result rests on


WARN_NOTES = ("ceased", "ceased_succeeded", "proxy")   # said on the target page itself, not only in the model card


@dataclass
class Assessment:
    target_id: str
    kind: str
    target_year: int
    state: str                     # verdict | nowcast | outlook | insufficient | qualitative
    p_meet: float | None = None
    p_meet_se: float | None = None
    phrase_code: str = ""
    phrase_vi: str = ""
    phrase_en: str = ""
    verdict: str = ""              # met | not_met (state == verdict)
    un_category: str = ""
    un_value: float | None = None
    open_sdg_category: str = ""
    open_sdg_value: float | None = None
    catch_up: float | None = None
    catch_up_unit: str = ""        # pct_per_year | pp_per_year | units_per_year | ranks_per_year | rate_needed
    catch_up_units: float | None = None   # e.g. communes per year
    evidence: str = "none"
    n_points: int = 0
    last_year: int | None = None
    last_value: float | None = None
    series: str = ""
    low_evidence: bool = False
    calibrated: bool = False
    notes: list[str] = field(default_factory=list)
    p_meet_tolerant: float | None = None   # 'khoảng' (about) targets: P(result ≥ value − tolerance)
    stat_q10: float | None = None          # the target's own statistic (average growth, ratio, level in T): 10/50/90%
    stat_q50: float | None = None
    stat_q90: float | None = None
    observed_years: str = ""               # average-growth windows: years observed (or derived from published inputs)
    estimated_years: str = ""              # … and years simulated (nowcast)
    catch_up_years: str = ""               # the years the catch-up number applies to
    rests_on_estimate: bool = False        # some value used has status 'estimate' (interim figures included)
    horizon: int | None = None             # years from the last value used to the target year
    beyond_checked: bool = False           # farther than the horizons the calibration was checked on
    estimate_inputs: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["notes"] = "; ".join(self.notes)                  # English, for the CLI table and CSV exports
        for lg in ("vi", "en"):
            d[f"notes_{lg}"] = "; ".join(note_text(n, lg) for n in self.notes)
            d[f"reason_{lg}"] = next((note_text(n, lg, bare=True) for n in self.notes if is_insufficient(n)), "")
            d[f"warn_{lg}"] = "; ".join(note_text(n, lg) for n in self.notes if getattr(n, "code", "") in WARN_NOTES)
        return d


# --------------------------------------------------------------------------- series selection
def _used(cat: Catalog, territory: str, indicator: str, proxy_of: str = "") -> SeriesUsed | None:
    found = cat.series_used(territory, indicator)
    return SeriesUsed(territory, indicator, found.vintage, found.values, proxy_of, found.others) if found else None


def _series(cat: Catalog, target: dict) -> SeriesUsed | None:
    ind, terr = target["indicator_id"], target["assess_territory_id"]
    found = _used(cat, terr, ind)
    if found:
        return found
    alt = target["territory_id"]
    unit = cat.indicator(ind)["unit_en"]
    if alt != terr and ("%" in unit or unit.startswith("per ")):
        return _used(cat, alt, ind, proxy_of=terr)   # a share of the old province stands in for the merged one
    return None


def prepare(cat: Catalog, target: dict, n_paths: int = N_PATHS, seed: int = 0) -> Prepared:
    """Find the series and fit the baseline forecast for one target."""
    target = dict(target)
    if target["kind"] == "qualitative" or not target["indicator_id"]:
        return Prepared(target, "")
    meta = cat.indicator(target["indicator_id"])
    prep = Prepared(target, meta["unit_en"])
    prep.series = _series(cat, target)
    terr = cat.territories.set_index("territory_id").loc[target["assess_territory_id"]]
    if not pd.isna(terr["valid_to"]) and int(terr["valid_to"]) < int(target["target_year"]):
        later = cat.targets[cat.targets["supersedes"].str.split(";").apply(lambda ids: target["target_id"] in ids)]
        if len(later):   # why it is not assessed on the successor: the successor's own target is
            first = later.iloc[0]
            prep.notes.append(Note("ceased_succeeded", territory=names(cat, target["assess_territory_id"]),
                                   year=int(terr["valid_to"]), successor={
                                       lg: f"{first[f'clause_{lg}']} ({int(first['target_year'])}, "
                                           f"{document_label(cat.documents, first['document_id'], lg)})"
                                       for lg in ("vi", "en")}))
        else:
            prep.notes.append(Note("ceased", territory=names(cat, target["assess_territory_id"]),
                                   year=int(terr["valid_to"])))
    o = cat.observations
    bounds = o[(o["territory_id"] == target["assess_territory_id"]) & (o["indicator_id"] == target["indicator_id"])
               & (o["year"] == int(target["target_year"])) & o["qualifier"].isin(["lower_bound", "upper_bound"])]
    prep.bounds = [(str(q), float(v)) for q, v in zip(bounds["qualifier"], bounds["value"])]
    if prep.series is not None and prep.series.proxy_of:
        prep.notes.append(Note("proxy", territory=names(cat, prep.series.territory_id),
                               proxy_of=names(cat, prep.series.proxy_of)))
    horizon_to = int(target["target_year"])
    if target["kind"] == "relative_to_region":
        prep.reference = _used(cat, target["reference_territory_id"], target["indicator_id"])
        if prep.reference is None:
            prep.notes.append(Note("insufficient_reference", territory=names(cat, target["reference_territory_id"])))
    lo, hi, rate = cat.forecast_bounds(target["indicator_id"])
    # money per head keeps its trend's whole drift, but not where the target is judged on the ratio to the region:
    # the ratio carries no inflation, and its card's level fans follow the ratio's rule
    keep = cat.keeps_drift(target["indicator_id"]) and target["kind"] != "relative_to_region"
    for attr, s in (("fc", prep.series), ("fc_reference", prep.reference)):
        if s is None or s.n == 0:
            continue
        h = horizon_to - int(s.values.index[-1])
        if h < 1:
            continue
        sid = f"{s.territory_id}:{s.indicator_id}:{s.vintage}"
        res = Forecaster(n_paths=n_paths, seed=series_seed(seed, sid)).fit(s.values, h, lower=lo, upper=hi,
                                                                           series_id=sid, rate=rate, keep_drift=keep)
        setattr(prep, attr, res)
    if target["kind"] == "average_growth_at_least" and rate and prep.series is not None:
        t0, T = int(target["base_year"]), int(target["target_year"])
        try:
            prep.filled = nowcast.fill_window(cat, prep.series.territory_id, target["indicator_id"],
                                              list(range(t0 + 1, T + 1)), n_paths,
                                              series_seed(seed, f"nowcast:{prep.series.territory_id}"),
                                              until=min(T, AS_OF_YEAR - 1))
        except ValueError as exc:
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Note) else Note("plain", text=str(exc))
            prep.notes.append(Note("insufficient_nowcast", reason={lg: reason.text(lg, bare=True) for lg in ("vi", "en")}))
    if target["kind"] == "relative_to_region" and prep.series is not None and prep.reference is not None:
        _prepare_ratio(cat, prep, n_paths, seed)
    if prep.series is not None:
        used = [(prep.series.territory_id, prep.series.indicator_id, prep.series.vintage, int(y))
                for y in prep.series.values.index]
        used += [(prep.series.territory_id, prep.series.indicator_id, "", y) for y, f in prep.filled.items()
                 if f.how != "estimated"]
        prep.estimate_inputs = estimate_inputs(cat, used)
    return prep


def series_seed(seed: int, series_id: str) -> int:
    """One seed per series, so that two forecasts in one assessment are never correlated by accident."""
    return int(seed) * 100_003 + zlib.crc32(series_id.encode()) % 100_000


_INPUT_RE = re.compile(r"(\w+)\[(\w+),(\d+),(\w+),(\w+)\]=")


def estimate_inputs(cat: Catalog, keys: list[tuple[str, str, str, int]], depth: int = 3) -> list[str]:
    """Values with status 'estimate' behind the given (territory, indicator, vintage or '', year), through derived inputs."""
    index = _status_index(cat)
    found: list[str] = []
    todo = list(keys)
    for _ in range(depth):
        nxt = []
        for terr, ind, vintage, year in todo:
            for v, status, inputs in index.get((terr, ind, int(year)), []):
                if vintage and v != vintage:
                    continue
                if status == "estimate":
                    found.append(f"{ind}[{terr}, {year}]")
                for m in _INPUT_RE.finditer(inputs):
                    nxt.append((m.group(2), m.group(1), m.group(4), int(m.group(3))))
        todo = nxt
    return list(dict.fromkeys(found))


_STATUS_INDEX: list = [None, {}]   # [the observations frame it was built from, the index]


def _status_index(cat: Catalog) -> dict:
    """(territory, indicator, year) -> [(vintage, status, inputs)] of preferred exact values, built once per catalogue."""
    if _STATUS_INDEX[0] is not cat.observations:
        o = cat.used()
        inputs = o["inputs"] if "inputs" in o.columns else pd.Series("", index=o.index)
        index: dict[tuple, list] = {}
        for t, i, y, v, st, inp in zip(o["territory_id"], o["indicator_id"], o["year"], o["vintage"], o["status"],
                                        inputs.fillna("")):
            index.setdefault((t, i, int(y)), []).append((v, st, str(inp)))
        _STATUS_INDEX[:] = [cat.observations, index]
    return _STATUS_INDEX[1]


def _ratio_runs(prep: Prepared, cat: Catalog) -> list[pd.Series]:
    """The ratio territory / reference in each vintage both share (models.region.ratios), latest run last."""
    m = region.ratios(cat, prep.series.territory_id, prep.reference.territory_id, prep.series.indicator_id)
    runs = [pd.Series(g["ratio"].to_numpy(dtype=float), index=g["year"].to_numpy(dtype=int))
            for _, g in m.groupby("vintage", sort=False)]
    return sorted(runs, key=lambda r: (int(r.index.max()), r.size))


def _prepare_ratio(cat: Catalog, prep: Prepared, n_paths: int, seed: int) -> None:
    runs = _ratio_runs(prep, cat)
    if not runs:
        return
    last, earlier = runs[-1], runs[:-1]
    last, _ = _clean(last)
    prep.ratio = last
    h = int(prep.target["target_year"]) - int(last.index[-1])
    if h >= 1:
        sid = f"{prep.series.territory_id}/{prep.reference.territory_id}:{prep.series.indicator_id}"
        prep.fc_ratio = Forecaster(n_paths=n_paths, seed=series_seed(seed, sid)).fit(last, h, lower=0.0, series_id=sid,
                                                                                     segments=earlier)


# --------------------------------------------------------------------------- evaluation
def _phrase(a: Assessment) -> None:
    if a.p_meet is not None:
        a.phrase_code, a.phrase_vi, a.phrase_en = progress.likelihood(a.p_meet)


def _categories(a: Assessment, y0: float, t0: int, yt: float, t: int, target: float, T: int, hib: bool) -> None:
    try:
        a.un_category, a.un_value = progress.un2023_category(y0, yt, t0, t, target, T, hib)
    except (ValueError, ZeroDivisionError):
        a.un_category = "not_applicable"
    try:
        a.open_sdg_category, a.open_sdg_value = progress.open_sdg_category(y0, yt, t0, t, target, T, hib)
    except (ValueError, ZeroDivisionError):
        a.open_sdg_category = "not_applicable"


def evaluate(prep: Prepared, scenario: Scenario | None = None, as_of: int = AS_OF_YEAR) -> Assessment:
    """Everything the app shows for one target, under a scenario, from the cached forecast."""
    scenario = scenario or PRESETS["baseline"]
    t = prep.target
    T = int(t["target_year"])
    a = Assessment(t["target_id"], t["kind"], T, "insufficient", notes=list(prep.notes))
    if t["kind"] == "qualitative":
        a.state = "qualitative"
        return a
    s = prep.series
    if s is None or s.n == 0:
        a.notes.append(Note("insufficient_no_value"))
        return a
    forecast_used = prep.fc is not None and not prep.fc.insufficient
    a.n_points = prep.fc.n_obs + prep.fc.n_extra if forecast_used else s.n   # a gap drops the years before it
    a.evidence = progress.evidence_strength(a.n_points if forecast_used else min(s.n, 1))
    a.last_year, a.last_value = int(s.values.index[-1]), float(s.values.iloc[-1])
    a.series = f"{s.territory_id}:{s.indicator_id}:{s.vintage}"
    value = float(t["value"])
    kind = t["kind"]
    if kind == "average_growth_at_least":
        _average_growth(prep, a, scenario, value, T)
    elif kind == "relative_to_region":
        _relative(prep, a, scenario, value, T)
    else:
        _level(prep, a, scenario, value, T, kind)
    if a.state == "verdict":
        a.evidence = "observed"
    if a.p_meet is not None and a.state != "verdict":
        _phrase(a)
    if prep.fc is not None:
        a.low_evidence = bool(prep.fc.low_evidence)
        a.calibrated = bool(prep.fc.calibrated)
        a.notes += [n for n in prep.fc.notes if n not in a.notes]
    if a.state in ("verdict", "nowcast") or T < as_of:
        a.state = a.state if a.state in ("verdict", "insufficient") else "nowcast"
    fc = prep.fc_ratio if prep.fc_ratio is not None else prep.fc
    if fc is not None and not fc.insufficient and a.state == "outlook":
        a.horizon = int(T - fc.last_year)
        a.beyond_checked = a.horizon > CHECKED_HORIZON
    if prep.estimate_inputs:
        a.rests_on_estimate = True
        a.estimate_inputs = "; ".join(prep.estimate_inputs)
    return a


def _paths(prep: Prepared, scenario: Scenario, ref: bool = False) -> np.ndarray | None:
    fc = prep.fc_reference if ref else prep.fc
    if fc is None or fc.insufficient:
        return None
    s = prep.reference if ref else prep.series
    return apply(fc, s.indicator_id, prep.unit_en, scenario, s.territory_id)


def shown_forecast(prep: Prepared, scenario: Scenario | None = None) -> tuple[ForecastResult, np.ndarray] | None:
    """The forecast a target is judged on, and its paths under `scenario`: for a target relative to the region the
    ratio to the region (a lever on this territory moves it as it moves the territory's own series, year by year),
    else the target's series. The chart, its downloads, the in-chart slider and P(meet) all read this one."""
    if prep.target.get("kind") == "relative_to_region":
        fc = prep.fc_ratio
        if fc is None or fc.insufficient:
            return None
        paths = fc.paths
        if scenario is not None:
            own, base = _paths(prep, scenario), prep.fc.paths if prep.fc is not None and not prep.fc.insufficient else None
            if own is not None and base is not None and own.shape == base.shape and own.shape[1] == paths.shape[1]:
                shift = np.divide(own, base, out=np.ones_like(own), where=base > 0)   # the lever's factor per path
                rows = np.clip(np.searchsorted(prep.fc.years, fc.years), 0, len(prep.fc.years) - 1)
                before = fc.years < prep.fc.years[0]     # years the territory's own forecast does not reach yet
                factor = np.where(before[:, None], 1.0, shift[rows])
                paths = paths * factor
        return fc, paths
    fc = prep.fc
    if fc is None or fc.insufficient or prep.series is None:
        return None
    return fc, (fc.paths if scenario is None else _paths(prep, scenario))


def _set_p(a: Assessment, hits: np.ndarray) -> None:
    p = float(np.mean(hits))
    a.p_meet, a.p_meet_se = p, math.sqrt(max(p * (1 - p), 0.0) / hits.size)


def _level(prep, a, scenario, value, T, kind) -> None:
    s = prep.series.values
    hib = kind != "level_at_most"
    tol = float(prep.target["tolerance"]) if kind == "coverage_full" and not pd.isna(prep.target["tolerance"]) else 0.0
    threshold = value - tol if kind == "coverage_full" else value
    met = (lambda x: x >= threshold) if hib else (lambda x: x <= threshold)
    decisive = [(q, v) for q, v in prep.bounds
                if (q == "upper_bound" and ((hib and v < threshold) or (not hib and v <= threshold)))
                or (q == "lower_bound" and ((hib and v >= threshold) or (not hib and v > threshold)))]
    if T in s.index:
        a.state, a.verdict = "verdict", ("met" if met(float(s.loc[T])) else "not_met")
        a.notes.append(Note("observed", year=T, value=float(s.loc[T])))
    elif decisive:
        q, v = decisive[0]
        a.state = "verdict"
        a.verdict = ("met" if (q == "lower_bound") == hib else "not_met")
        a.notes.append(Note("published_above" if q == "lower_bound" else "published_below", year=T, value=v))
    elif kind == "coverage_full" and met(a.last_value) and a.last_year < T:
        a.state, a.verdict = "verdict", "met"
        a.notes.append(Note("achieved_within", year=a.last_year, tolerance=float(tol), value=float(value), target_year=T))
    elif a.last_year > T:
        a.notes.append(Note("no_value_later", year=T))
    else:
        paths = _paths(prep, scenario)
        if paths is not None:
            _set_p(a, met(paths[T - prep.fc.last_year - 1]))
            a.state = "outlook"
        else:
            a.notes.append(Note("insufficient_points"))
    # catch-up from the last observation
    if a.last_year < T:
        years = T - a.last_year
        if kind == "coverage_full":
            need = max(threshold - a.last_value, 0.0) / years
            a.catch_up, a.catch_up_unit = need, "pp_per_year"
            n = COMMUNES.get(prep.target["assess_territory_id"]) if prep.target["indicator_id"] == "broadband_communes_pct" else None
            if n:
                a.catch_up_units = need * n / 100.0
        elif prep.unit_en in RATE_UNITS:
            a.catch_up, a.catch_up_unit = value, "rate_needed"
        elif not hib:
            a.catch_up, a.catch_up_unit = (a.last_value - value) / years, "ranks_per_year"
        elif a.last_value > 0 and value > 0:
            a.catch_up, a.catch_up_unit = ((value / a.last_value) ** (1 / years) - 1) * 100, "pct_per_year"
    if s.size >= 2 and (s > 0).all() and prep.unit_en not in RATE_UNITS:
        t0 = int(s.index[0])
        base = prep.target["base_year"]
        if not pd.isna(base) and int(base) in s.index:
            t0 = int(base)
        if t0 < a.last_year:
            _categories(a, float(s.loc[t0]), t0, a.last_value, a.last_year, threshold, T, hib)


def _average_growth(prep, a, scenario, g_target, T) -> None:
    s = prep.series.values
    t0 = int(prep.target["base_year"])
    g = g_target / 100.0
    is_rate = prep.unit_en in RATE_UNITS
    if is_rate:
        _average_rate(prep, a, scenario, g, t0, T)
        return
    if t0 not in s.index:
        a.notes.append(Note("insufficient_base_year", year=t0))
        return
    y0 = float(s.loc[t0])
    if T in s.index:
        avg = (float(s.loc[T]) / y0) ** (1 / (T - t0)) - 1
        a.state, a.verdict = "verdict", ("met" if avg >= g - 1e-12 else "not_met")
    else:
        paths = _paths(prep, scenario)
        if paths is not None:
            yT = paths[T - prep.fc.last_year - 1]
            _set_p(a, (np.maximum(yT, 1e-12) / y0) ** (1 / (T - t0)) - 1 >= g - 1e-12)
            a.state = "outlook"
        a.catch_up = progress.required_growth(y0, g, t0, a.last_value, a.last_year, T) * 100
        a.catch_up_unit = "pct_per_year"
    if a.last_year > t0:
        _categories(a, y0, t0, a.last_value, a.last_year, y0 * (1 + g) ** (T - t0), T, True)


def _average_rate(prep, a, scenario, g, t0, T) -> None:
    """Average of yearly rates over t0+1..T: observed years as observed, missing years nowcast, later years forecast."""
    s = prep.series.values
    window = list(range(t0 + 1, T + 1))
    filled = prep.filled
    a.last_year, a.last_value = int(s.index[-1]), float(s.iloc[-1])
    unbuilt = [y for y in window if y not in filled and y < AS_OF_YEAR]
    if unbuilt:
        a.notes.append(Note("insufficient_growth_years", years=", ".join(map(str, unbuilt))))
        return
    observed = [y for y in window if y in filled and filled[y].how != "estimated"]
    estimated = [y for y in window if y in filled and filled[y].how == "estimated"]
    later = [y for y in window if y not in filled]
    a.observed_years = ", ".join(map(str, observed))
    a.estimated_years = ", ".join(map(str, estimated))
    rows = [filled[y].paths for y in window if y in filled]
    if later:
        paths = _paths(prep, scenario)
        yrs = prep.fc.years if prep.fc is not None else np.array([], dtype=int)
        if paths is None or any(y not in set(yrs) for y in later):
            a.notes.append(Note("insufficient_remaining"))
            return
        rows += [paths[int(np.flatnonzero(yrs == y)[0])] for y in later]
    n = max(r.size for r in rows)
    growth = np.vstack([np.broadcast_to(r, (n,)) if r.size != n else r for r in rows])
    avg = np.prod(1 + growth / 100.0, axis=0) ** (1 / (T - t0)) - 1
    done = float(np.prod([1 + filled[y].paths[0] / 100.0 for y in observed])) if observed else 1.0
    if not later and not estimated:
        a.state, a.verdict = "verdict", ("met" if avg[0] >= g - 1e-12 else "not_met")
        a.notes.append(Note("observed_average", value=round(float(avg[0]) * 100, 2), span=f"{t0 + 1}–{T}"))
    else:
        _set_p(a, avg >= g - 1e-12)
        a.state = "outlook" if later else "nowcast"
        tol = prep.target.get("tolerance")
        if tol is not None and not pd.isna(tol) and float(tol) > 0:
            a.p_meet_tolerant = float(np.mean(avg >= g - float(tol) / 100.0 - 1e-12))
        open_years = estimated + later
        a.catch_up = (((1 + g) ** (T - t0) / done) ** (1 / len(open_years)) - 1) * 100
        a.catch_up_unit = "pct_per_year"
        a.catch_up_years = ", ".join(map(str, open_years))
    a.stat_q10, a.stat_q50, a.stat_q90 = (float(x) * 100 for x in np.quantile(avg, [0.1, 0.5, 0.9]))
    if observed:
        _categories(a, 1.0, t0, done, t0 + len(observed), (1 + g) ** (T - t0), T, True)


def _relative(prep, a, scenario, ratio_target, T) -> None:
    if prep.reference is None:
        return
    if prep.ratio is not None and len(prep.ratio):
        y = int(prep.ratio.index[-1])
        r = float(prep.ratio.iloc[-1])
        a.last_year, a.last_value = y, r          # the latest value of what it is judged on: the ratio to the region
        a.notes.append(Note("ratio_year", year=y, ratio=f"{r:.3f}"))
        if T > y:
            a.catch_up, a.catch_up_unit = region.relative_growth_needed(r, y, T, ratio_target), "pct_per_year"
    shown = shown_forecast(prep, scenario)
    if shown is not None:
        fc, paths = shown
        end = paths[T - fc.last_year - 1]
        _set_p(a, end > ratio_target)
        a.stat_q10, a.stat_q50, a.stat_q90 = (float(x) for x in np.quantile(end, [0.1, 0.5, 0.9]))
        a.state = "outlook"
        a.low_evidence = bool(fc.low_evidence)


def qualitative_evidence(cat: Catalog, target: dict) -> list[dict]:
    """Latest value of each evidence indicator, for qualitative targets (and as context for the others)."""
    out = []
    for iid in [x for x in str(target.get("evidence_indicators", "")).split(";") if x]:
        for terr in dict.fromkeys([target["assess_territory_id"], target["territory_id"]]):
            found = cat.series_used(terr, iid)
            if found:
                out.append({"indicator_id": iid, "territory_id": terr, "year": int(found.values.index[-1]),
                            "value": float(found.values.iloc[-1]), "vintage": found.vintage})
                break
    return out


def prepare_all(cat: Catalog, n_paths: int = N_PATHS, seed: int = 0) -> list[Prepared]:
    return [prepare(cat, row, n_paths=n_paths, seed=seed) for row in cat.targets.to_dict("records")]


def assess_all(cat: Catalog | None = None, scenario: Scenario | None = None, prepared: list[Prepared] | None = None,
               n_paths: int = N_PATHS, seed: int = 0) -> pd.DataFrame:
    """The assessment table of every registered target."""
    if prepared is None:
        prepared = prepare_all(cat, n_paths=n_paths, seed=seed)
    return pd.DataFrame([evaluate(p, scenario).to_dict() for p in prepared])


def main(argv: list[str] | None = None) -> int:
    from models.catalog import load_catalog
    from models.derive import with_derived

    ap = argparse.ArgumentParser(prog="python -m models.assess", description="Assess every registered target.")
    ap.add_argument("--scenario", default="baseline", choices=sorted(PRESETS))
    ap.add_argument("--paths", type=int, default=N_PATHS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--csv", help="also write the full table to this CSV file")
    args = ap.parse_args(argv)
    cat = with_derived(load_catalog())
    table = assess_all(cat, PRESETS[args.scenario], n_paths=args.paths, seed=args.seed)
    show = table[["target_id", "target_year", "state", "verdict", "p_meet", "phrase_en", "un_category",
                  "catch_up", "catch_up_unit", "evidence"]].copy()
    show["p_meet"] = show["p_meet"].map(lambda p: "" if pd.isna(p) else f"{p:.0%}")
    show["catch_up"] = show["catch_up"].map(lambda x: "" if pd.isna(x) else f"{x:.2f}")
    with pd.option_context("display.width", 200, "display.max_rows", 200, "display.max_colwidth", 40):
        print(show.to_string(index=False))
    if args.csv:
        table.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
