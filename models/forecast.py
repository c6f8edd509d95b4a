"""Simulated-path forecasts for short yearly series: one interface, fixed output columns.

Every forecaster fits on a yearly series (on a transformed scale: log for positive levels,
scaled logit for bounded shares, identity for rates) and simulates paths to a horizon.
The default on 9+ points is the equal-weight ensemble of damped-trend ETS and Theta, whose paths
are pooled so that disagreement between the models widens the fan.
Parameter uncertainty enters as a per-path draw of the trend (its standard error), and the
learned calibration (`models.calibration`) widens each horizon's spread to what backtests
on real yearly series showed. Series of 2–8 points get a shrunk ("constrained") trend with
floors on its uncertainty (2–5 points also the `low_evidence` flag); 0–1 points give no forecast.

Command line (for analysts and for evaluating the forecaster on any yearly series):
  python -m models.forecast --input IN.csv --horizon H --output OUT.csv [--method ensemble|ets|theta|drift|naive]
                            [--paths N] [--seed S] [--lower L --upper U]
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy.stats import chi2  # noqa: E402

from models.calibration import default as default_calibration, roughness  # noqa: E402
from models.notes import Note  # noqa: E402

QUANTILE_LEVELS = {"q025": 0.025, "q05": 0.05, "q10": 0.10, "q25": 0.25, "q50": 0.5, "q75": 0.75,
                   "q90": 0.90, "q95": 0.95, "q975": 0.975}
FORECAST_COLUMNS = ["series_id", "year", "mean", *QUANTILE_LEVELS]
METHODS = ("ensemble", "ets", "theta", "drift", "naive")
ROUTED = ("mean", "constrained_trend")   # what route() picks by itself; may also be asked for by name
MIN_POINTS = 2          # below this: no forecast at all
LOW_EVIDENCE_POINTS = 6  # below this: flagged low_evidence
# below this: the constrained trend. On 6 and 8 points its calibrated bands covered 79–91% / 91–97% on every
# backtest collection against the ensemble's 65–98% / 79–99% (widening learned on those lengths too), at a MASE
# within −10…+12% of the ensemble's (benchmarks/calibrate.py, 2026-12-03)
FULL_MODEL_POINTS = 9
MAX_HORIZON = 60


def path_quantiles(paths: np.ndarray, names=tuple(QUANTILE_LEVELS)) -> dict[str, np.ndarray]:
    """Per-year quantiles of simulated paths (rows = years), by column name: the one place they are taken
    (the summary, the chart, its downloads and the in-chart slider all read them from here)."""
    levels = [QUANTILE_LEVELS[n] for n in names]
    return dict(zip(names, np.quantile(paths, levels, axis=1)))


def route(n_points: int, rate: bool, method: str = "ensemble") -> str:
    """The one routing rule, used by forecast(), the backtests and the calibration benchmark:
    a growth rate -> its mean; 2–8 points -> the constrained trend; otherwise the method asked for
    (`mean` or `constrained_trend` asked for by name are used on any series that is not a rate)."""
    if rate:
        return "mean"
    if method in ROUTED:
        return method
    if n_points < FULL_MODEL_POINTS:
        return "constrained_trend"
    return method


class ForecastInputError(ValueError):
    """The input cannot be forecast as given (bad values, too short, bad bounds)."""


# --------------------------------------------------------------------------- transforms
@dataclass(frozen=True)
class Transform:
    """Scale on which models are fitted; `inverse` never leaves the physical bounds."""

    kind: str                 # identity | log | logit
    lower: float | None = None
    upper: float | None = None

    @property
    def eps(self) -> float:
        return 0.002 * (self.upper - self.lower) if self.kind == "logit" else 0.0

    def forward(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        if self.kind == "log":
            return np.log(x)
        if self.kind == "logit":
            lo, hi = self.lower + self.eps, self.upper - self.eps
            x = np.clip(x, lo, hi)     # an observed 100% sits just inside the bound
            return np.log((x - self.lower) / (self.upper - x))
        return x

    def inverse(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        if self.kind == "log":
            return np.exp(np.clip(z, -700, 700))
        if self.kind == "logit":
            e = 1.0 / (1.0 + np.exp(-np.clip(z, -700, 700)))
            return self.lower + (self.upper - self.lower) * e
        return z

    def floor(self, level: float) -> float:
        """Smallest yearly spread a short series is given on this scale; the short-series calibration widens
        from here (the spread itself comes from the series' own yearly changes, see ConstrainedTrend)."""
        if self.kind == "log":
            return 0.01
        if self.kind == "logit":
            return 0.07
        return max(0.02 * abs(level), 0.1)


def choose_transform(values: np.ndarray, lower: float | None, upper: float | None) -> Transform:
    """Bounded both sides -> logit; positive with a zero floor (or none) -> log; else identity."""
    values = np.asarray(values, dtype=float)
    if lower is not None and upper is not None:
        if not upper > lower:
            raise ForecastInputError(f"upper bound {upper} must be greater than lower bound {lower}")
        return Transform("logit", float(lower), float(upper))
    if (lower is None or lower >= 0) and np.all(values > 0):
        return Transform("log", lower, upper)
    return Transform("identity", lower, upper)


# --------------------------------------------------------------------------- members
def _diff_stats(z: np.ndarray) -> tuple[float, float, np.ndarray]:
    d = np.diff(z)
    mean = float(d.mean()) if d.size else 0.0
    sd = float(d.std(ddof=1)) if d.size > 1 else 0.0
    return mean, sd, d - mean


def _innovations(rng: np.random.Generator, resid: np.ndarray, sigma: float, shape: tuple[int, int]) -> np.ndarray:
    """Bootstrap the centred residuals when there are enough of them, otherwise Normal(0, sigma)."""
    if resid.size >= 8 and np.any(resid != 0):
        scale = sigma / max(float(resid.std(ddof=1)), 1e-12)
        return rng.choice(resid, size=shape, replace=True) * scale
    return rng.normal(0.0, sigma, size=shape)


class Member:
    """One model fitted on the transformed scale; `simulate` returns (horizon, n) paths on that scale."""

    name = "member"

    def fit(self, z: pd.Series) -> "Member":
        raise NotImplementedError

    def simulate(self, horizon: int, n: int, rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError


class Naive(Member):
    """Random walk without drift: the benchmark every method must beat."""

    name = "naive"

    def fit(self, z):
        self.last = float(z.iloc[-1])
        d = np.diff(z.to_numpy())
        self.sigma = float(np.sqrt(np.mean(d ** 2))) if d.size else 0.0
        self.resid = d
        return self

    def simulate(self, horizon, n, rng):
        e = _innovations(rng, self.resid - self.resid.mean() if self.resid.size else self.resid, self.sigma, (horizon, n))
        return self.last + np.cumsum(e, axis=0)


class Drift(Member):
    """Random walk with drift (the MLE of ARIMA(0,1,0) with trend='t'); the drift's standard error is drawn per path."""

    name = "drift"

    def fit(self, z):
        v = z.to_numpy()
        self.last = float(v[-1])
        self.drift, self.sigma, self.resid = _diff_stats(v)
        self.m = max(v.size - 1, 1)
        self.drift_se = self.sigma / np.sqrt(self.m)
        return self

    def simulate(self, horizon, n, rng):
        steps = np.arange(1, horizon + 1)[:, None]
        delta = rng.normal(0.0, self.drift_se, size=(1, n))
        e = _innovations(rng, self.resid, self.sigma, (horizon, n))
        return self.last + steps * (self.drift + delta) + np.cumsum(e, axis=0)


# The short trend's yearly drift is held within ±0.3 on the log scale (a level growing at most 35% or falling at most 26% a
# year along its median). Two points can hold a one-off jump: Hawaii's measles went from about 1 case a year to 290 in
# 1984, and the shrunk, damped drift of that one change carried the median five-million-fold in nine years (held-out
# collection I, benchmarks/calibrate.py: MASE 344 with 2 points against naive's 0.97). On the learning collections
# L1–L5 no cap of 0.3 or more costs MASE at any length (2, 3, 5, 8 points); 0.2 costs PWT's 2-point series 0.2%
# (benchmarks/drift_cap.py). Levels only: shares are bounded by their logit, growth rates take the mean model.
DRIFT_CAP = 0.3


def drift_cap_for(transform: "Transform") -> float | None:
    """The short trend's drift cap on this scale: DRIFT_CAP for positive levels (log scale), none otherwise."""
    return DRIFT_CAP if transform.kind == "log" else None


class ConstrainedTrend(Drift):
    """Drift shrunk towards no change for 2–8 points; yearly changes of earlier comparable runs
    (before a gap, or in another vintage of the same concept) join the estimate of drift and spread."""

    name = "constrained_trend"

    # drift × m / (m + c), carried forward damped, φ + φ² + … + φ^h (Gardner–McKenzie): the learning
    # collections' last 2–8 points (benchmarks/calibrate.py) put c = 1, φ = 0.9 ahead of c = 3, φ = 1 on MASE on
    # each of them, and closer to an unbiased median
    shrink_c = 1.0
    damping = 0.9
    # with 5+ points the count rule's c is scaled by r², r the history's roughness (models.calibration.roughness; 1
    # below 5 points, so 2–4-point series are unchanged): a smooth history keeps more of its drift, a jagged one less.
    # Against m/(m+1) on the last 5–8 points (benchmarks/calibrate.py, 2026-12-03): MASE lower on all four learning
    # collections (PWT −1.9%, fertility −5.3%, GSO −0.7%, US states −1.1%), the best of c·r^e, c 0.5–1.5, e 1–4, by the
    # worst of them
    rough_power = 2.0
    # each path's scale is capped at the 97.5th percentile of its own distribution: the uncapped Student-t of the
    # log makes the level's mean infinite (exp of a t), so with 2 points the batch's `mean` of 2,000 paths ran from
    # 835 to 734,230 over five seeds at h = 10 (median 128) and a few paths fell 10^28-fold; capped: 177–263,
    # the 2.5–97.5% band within 12% of what it was
    scale_cap = 0.975
    rule = "count"      # "count": weight m/(m+c); "snr": t²/(t²+c), t = the drift over its standard error

    def __init__(self, floor: float, extra_diffs: np.ndarray | None = None, shrink_c: float | None = None,
                 prior: float = 0.0, rule: str | None = None, damping: float | None = None,
                 rough_power: float | None = None, drift_cap: float | None = None):
        self.floor = floor
        self.drift_cap = drift_cap   # the largest yearly drift carried forward, either sign (DRIFT_CAP on the log scale)
        self.prior = float(prior)    # the drift it is shrunk towards: 0, or a pooled drift of the same indicator
        self.extra = np.asarray(extra_diffs if extra_diffs is not None else [], dtype=float)
        if shrink_c is not None:
            self.shrink_c = shrink_c
        if rule is not None:
            self.rule = rule
        if damping is not None:
            self.damping = damping
        if rough_power is not None:
            self.rough_power = rough_power

    def fit(self, z):
        v = z.to_numpy()
        d = np.concatenate([np.diff(v), self.extra])
        self.last = float(v[-1])
        self.drift = float(d.mean())
        self.sigma = float(d.std(ddof=1)) if d.size > 1 else 0.0
        self.resid = d - self.drift
        self.m = max(d.size, 1)
        # with 1–4 changes their spread is barely known: at least their typical size, at least the floor
        self.sigma = max(self.sigma, float(np.mean(np.abs(d))), self.floor)
        # the weight the series' own drift keeps: by the number of changes, or by how clearly they agree
        # (t² = m·drift²/sigma² ≤ m, so "snr" never keeps more than "count" with the same c)
        evidence = self.m if self.rule == "count" or self.sigma <= 0 else self.m * self.drift ** 2 / self.sigma ** 2
        c = self.shrink_c * (roughness(v) ** self.rough_power if self.rule == "count" else 1.0)
        w = evidence / (evidence + c) if evidence + c > 0 else 1.0
        self.drift = w * self.drift + (1.0 - w) * self.prior
        self.drift_uncapped = self.drift
        if self.drift_cap is not None:
            self.drift = float(np.clip(self.drift, -self.drift_cap, self.drift_cap))
        self.drift_se = self.sigma / np.sqrt(self.m)
        return self

    def simulate(self, horizon, n, rng):
        """The trend (and its uncertainty) is carried forward damped: step h moves it φ^h.
        The spread of 1–7 changes is itself uncertain: each path draws its own scale,
        sigma·sqrt(nu/chi2_nu) with nu = m + 1 (capped, see scale_cap), so the paths together are Student-t
        wide (tails the backtests on 2–8 points need; benchmarks/calibrate.py)."""
        nu = self.m + 1.0
        scale = np.sqrt(nu / np.maximum(rng.chisquare(nu, size=(1, n)), chi2.ppf(1.0 - self.scale_cap, nu)))
        steps = np.cumsum(self.damping ** np.arange(1, horizon + 1))[:, None]
        delta = rng.normal(0.0, self.drift_se, size=(1, n)) * scale
        e = rng.normal(0.0, self.sigma, size=(horizon, n)) * scale
        paths = steps * delta + np.cumsum(e, axis=0)
        # The noise is symmetric, so the median path is exactly last + steps·drift; centring each
        # year's draws on it keeps Monte-Carlo noise out of the median where the damped steps get
        # small (a 23-year fan otherwise wiggles by ±0.035 on the log scale).
        return self.last + steps * self.drift + paths - np.median(paths, axis=1, keepdims=True)


class ETS(Member):
    """Damped additive-trend ETS (statsmodels ETSModel), simulated from the end of the sample."""

    name = "ets"

    def fit(self, z):
        from statsmodels.tools.sm_exceptions import ConvergenceWarning
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)   # convergence is recorded below instead
            warnings.simplefilter("ignore", RuntimeWarning)
            warnings.filterwarnings("ignore", module="statsmodels")
            self.res = ETSModel(z, error="add", trend="add", damped_trend=True).fit(disp=False)
        self.converged = bool(self.res.mle_retvals.get("converged", True)) if isinstance(self.res.mle_retvals, dict) else True
        _, sd, _ = _diff_stats(z.to_numpy())
        self.slope_se = sd / np.sqrt(max(len(z) - 1, 1))
        self.n_obs = len(z)
        return self

    def simulate(self, horizon, n, rng):
        errors = "bootstrap" if self.n_obs >= 10 else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sims = self.res.simulate(horizon, anchor="end", repetitions=n, random_errors=errors, rng=rng)
        paths = np.asarray(sims, dtype=float).reshape(horizon, n)
        delta = rng.normal(0.0, self.slope_se, size=(1, n))
        return paths + np.arange(1, horizon + 1)[:, None] * delta


class Theta(Member):
    """The Theta method (statsmodels ThetaModel, period=1): SES with half the linear trend as drift."""

    name = "theta"

    def fit(self, z):
        from statsmodels.tsa.forecasting.theta import ThetaModel

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.res = ThetaModel(z, period=1, deseasonalize=False).fit()
            self.sigma = float(np.sqrt(max(self.res.sigma2, 0.0)))   # sigma2 fits a small SARIMAX lazily
        self.alpha = float(np.clip(self.res.params["alpha"], 1e-4, 1.0))
        v = z.to_numpy()
        t = np.arange(v.size, dtype=float)
        resid = v - np.polyval(np.polyfit(t, v, 1), t)
        s = np.sqrt(np.sum(resid ** 2) / max(v.size - 2, 1))
        self.b0_se = s / np.sqrt(np.sum((t - t.mean()) ** 2)) if v.size > 2 else 0.0
        self.z = z
        return self

    def simulate(self, horizon, n, rng):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            point = np.asarray(self.res.forecast(horizon, theta=2), dtype=float)[:, None]
        e = rng.normal(0.0, self.sigma, size=(horizon, n))
        level_shocks = np.vstack([np.zeros((1, n)), np.cumsum(e[:-1], axis=0)]) * self.alpha
        delta = rng.normal(0.0, self.b0_se / 2.0, size=(1, n))
        return point + e + level_shocks + np.arange(1, horizon + 1)[:, None] * delta


class Mean(Member):
    """Growth rates revert to their mean: paths = mean + its standard error + yearly noise (no trend).

    Trend models extrapolate a run of rising growth rates into absurd growth; for a rate the
    classic benchmark is its average. The floor on the yearly spread is 1 percentage point.
    """

    name = "mean"
    # Growth comes in spells: the next years' average sits away from the past years' by more than the mean's
    # sampling error. Each path's level is drawn with sd·sqrt(1/m + spell) and its scale, like the constrained
    # trend's, is itself uncertain (Student-t with m degrees of freedom, capped). Without them the five-year average
    # of real growth from 2–8 published rates fell inside its 80% band 47–71% of the time (benchmarks/growth_average.py,
    # 2026-12-08). 0.5 of 0.5 and 1 (both tried on the learning sides, PWT's even countries and the even US states and
    # OECD countries): the smaller cover error, counting a band too narrow four times (0.116 against 0.117)
    spell = 0.5
    uncertain_scale = True      # each path draws its own scale (False: the model as it was before 2026-12-08)
    scale_cap = 0.975

    def fit(self, z):
        v = z.to_numpy()
        self.m = v.size
        self.mean = float(v.mean())
        self.sd = max(float(v.std(ddof=1)) if v.size > 1 else 0.0, 1.0)
        self.se = self.sd * np.sqrt(1.0 / v.size + self.spell)
        self.resid = v - self.mean
        return self

    def simulate(self, horizon, n, rng):
        if self.uncertain_scale:
            nu = float(max(self.m, 2))
            scale = np.sqrt(nu / np.maximum(rng.chisquare(nu, size=(1, n)), chi2.ppf(1.0 - self.scale_cap, nu)))
        else:
            scale = 1.0
        level = self.mean + rng.normal(0.0, self.se, size=(1, n)) * scale
        return level + _innovations(rng, self.resid, self.sd, (horizon, n)) * scale


RATE_FLOOR = -99.0     # % per year: the lowest a simulated growth rate may be (a rate below −100% is impossible)
MEMBERS = {"ets": ETS, "theta": Theta, "drift": Drift, "naive": Naive, "mean": Mean}
ENSEMBLE = ("ets", "theta")   # chosen on the learning collections of benchmarks/calibrate.py (README)
# a history this smooth (roughness below it: its changes change steadily, like fertility rates) is forecast by damped
# ETS alone: full-history MASE against the pair, learning collections (benchmarks/calibrate.py records, 2026-12-03):
# PWT −0.4%, fertility −18.6%, GSO and US states unchanged (no such histories); the threshold is the one of 0.1–0.6
# whose worst learning collection did best (0.3 cost US states +0.2%)
SMOOTH_ETS_ONLY = 0.2


def ensemble_paths(z: pd.Series, horizon: int, n_paths: int, rng: np.random.Generator,
                   fitted: dict[str, np.ndarray] | None = None) -> tuple[np.ndarray, list[str]]:
    """Equal-weight combination of damped ETS and Theta: each member's paths are moved onto the mean of
    the members' median paths, then pooled (the members keep their own spread). A member whose paths
    are not finite or leave the other's range by orders of magnitude is dropped for this series.
    `fitted` passes paths already simulated (the backtests); the notes say what was dropped."""
    members, models, notes = {}, {}, []
    smooth = roughness(z.to_numpy()) < SMOOTH_ETS_ONLY
    if smooth:
        notes.append(Note("smooth_ets_only"))
    half = n_paths // (1 if smooth else len(ENSEMBLE)) + 1
    for m in ENSEMBLE:
        if smooth and members:                # ETS alone; Theta only stands in for an ETS that failed
            break
        if fitted is not None and m in fitted:
            p = fitted[m]
        else:
            models[m] = MEMBERS[m]().fit(z)
            p = models[m].simulate(horizon, half, rng)
        if np.all(np.isfinite(p)):
            members[m] = p
        else:
            notes.append(Note("member_not_finite", member=m))
    if len(members) == 2:
        med = {m: np.median(p, axis=1) for m, p in members.items()}
        gap = np.abs(med["ets"] - med["theta"])
        spread = np.mean([np.quantile(p, 0.9, axis=1) - np.quantile(p, 0.1, axis=1) for p in members.values()], axis=0)
        if np.any(gap > 10 * np.maximum(spread, 1e-9) + 1.0):
            worst = max(members, key=lambda m: float(np.max(np.abs(med[m] - float(z.iloc[-1])))))
            members.pop(worst)
            notes.append(Note("member_out_of_range", member=worst))
    if not members:
        raise ForecastInputError("no ensemble member gives a finite forecast")
    if len(members) == 1 and models:                      # the survivor fills the dropped member's share
        m, p = next(iter(members.items()))
        if p.shape[1] < n_paths and m in models:
            members[m] = np.hstack([p, models[m].simulate(horizon, n_paths - p.shape[1], rng)])
    centre = np.mean([np.median(p, axis=1) for p in members.values()], axis=0)[:, None]
    shares = [n_paths // len(members) + (1 if i < n_paths % len(members) else 0) for i in range(len(members))]
    pooled = np.hstack([p[:, :k] - np.median(p, axis=1, keepdims=True) + centre
                        for k, p in zip(shares, members.values())])
    return pooled, notes


def coherent(z_paths: np.ndarray, flat: bool = False) -> np.ndarray:
    """Remove Monte-Carlo wiggles that would read as information: a mean model's median is the same every
    year (`flat`), and no 50/80/95% band is narrower than the year before (deviations from the median are
    widened where sampling noise made a band shrink). Paths keep their order within each year."""
    if z_paths.size == 0:
        return z_paths
    med = np.median(z_paths, axis=1, keepdims=True)
    if flat:
        z_paths = z_paths - med + float(np.mean(med))
        med = np.full_like(med, float(np.mean(med)))
    q = np.quantile(z_paths, [0.025, 0.975, 0.10, 0.90, 0.25, 0.75], axis=1)
    widths = np.maximum(q[1::2] - q[0::2], 1e-12)           # (3 bands, horizon)
    f = np.ones(z_paths.shape[0])
    for h in range(1, z_paths.shape[0]):
        f[h] = max(1.0, float(np.max(widths[:, h - 1] * f[h - 1] / widths[:, h])))
    return med + f[:, None] * (z_paths - med)


# --------------------------------------------------------------------------- results
@dataclass
class ForecastResult:
    """Paths on the model scale plus everything needed to describe them honestly."""

    series_id: str
    method: str
    history: pd.Series                 # observed values used (index: int years)
    years: np.ndarray                  # forecast years
    z_paths: np.ndarray                # (horizon, n) on the transformed scale, calibrated
    transform: Transform
    low_evidence: bool = False
    insufficient: bool = False
    calibrated: bool = False
    notes: list[str] = field(default_factory=list)
    n_extra: int = 0                   # yearly changes of earlier comparable runs the trend also learned from
    roughness: float = 1.0             # models.calibration.roughness of the history (the trend models' widening uses it)

    @property
    def paths(self) -> np.ndarray:
        """The paths on the original scale, inverted once and shared read-only: a target page's rerun and the
        in-chart slider's steps read them hundreds of times (the inversion was a third of a 2045 page's rerun)."""
        cached = self.__dict__.get("_paths")
        if cached is None or cached[0] is not self.z_paths:
            values = self.transform.inverse(self.z_paths)
            values.flags.writeable = False
            cached = self.__dict__["_paths"] = (self.z_paths, values)
        return cached[1]

    @property
    def last_year(self) -> int:
        return int(self.history.index[-1])

    @property
    def last_value(self) -> float:
        return float(self.history.iloc[-1])

    @property
    def n_obs(self) -> int:
        return int(self.history.size)

    def summary(self) -> pd.DataFrame:
        """One row per forecast year with the fixed output columns."""
        if self.insufficient:
            return pd.DataFrame(columns=FORECAST_COLUMNS)
        p = self.paths
        frame = pd.DataFrame({"series_id": self.series_id, "year": self.years.astype(int), "mean": p.mean(axis=1)})
        for name, row in self.quantiles().items():
            frame[name] = row
        return frame[FORECAST_COLUMNS]

    def quantiles(self, paths: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Quantiles of these paths, or of scenario-adjusted `paths` of the same forecast, by column name."""
        return path_quantiles(self.paths if paths is None else paths)



def earlier_runs(values: pd.Series) -> list[pd.Series]:
    """The runs of consecutive years before the last one (what `_clean` sets aside)."""
    s = pd.Series(values, dtype="float64").dropna().sort_index()
    if s.empty:
        return []
    years = np.asarray([int(y) for y in s.index])
    cuts = np.where(np.diff(years) != 1)[0] + 1
    runs = np.split(np.arange(years.size), cuts)
    return [s.iloc[r] for r in runs[:-1]]


def _clean(values: pd.Series, keep_gaps: bool = False) -> tuple[pd.Series, list[str]]:
    """Integer-year index, sorted, no NaN; the last run of consecutive years (gaps are never filled).

    `keep_gaps=True` keeps every year: a mean model (growth rates) needs no consecutive years.
    """
    notes: list[str] = []
    s = pd.Series(values, dtype="float64").dropna()
    if s.empty:
        return s, notes
    idx = pd.Index([int(i.year) if isinstance(i, pd.Period) else int(i) for i in s.index])
    s = pd.Series(s.to_numpy(), index=idx).sort_index()
    if s.index.has_duplicates:
        raise ForecastInputError(f"duplicate years: {sorted(set(s.index[s.index.duplicated()]))}")
    if not np.all(np.isfinite(s.to_numpy())):
        raise ForecastInputError("values must be finite numbers")
    years = s.index.to_numpy()
    breaks = np.where(np.diff(years) != 1)[0]
    if breaks.size and not keep_gaps:
        start = breaks[-1] + 1
        dropped = years[:start]
        notes.append(Note("gap", year=int(years[start]), first=int(dropped[0]), last=int(dropped[-1])))
        s = s.iloc[start:]
    return s, notes


@dataclass(frozen=True)
class Forecaster:
    """The one entry to forecasting: the app, the batch command, the backtests and the calibration benchmark
    all go through it (`fit` for a calibrated forecast, `simulate` for one routed method's raw paths).

    `calibration=True` applies the shipped corrections (`models.calibration.default()`); pass an object with
    `.covers(method)` and `.apply(z_paths, n_obs, method)` to use others, or `False`/`None` for raw model spread.
    """

    method: str = "ensemble"
    n_paths: int = 2000
    seed: int = 0
    calibration: object = True

    def __post_init__(self):
        if self.method not in METHODS + ROUTED:
            raise ForecastInputError(f"unknown method '{self.method}'; choose one of {', '.join(METHODS)}")
        if self.n_paths < 30:
            raise ForecastInputError("paths must be at least 30")

    @staticmethod
    def simulate(used: str, z: pd.Series, horizon: int, n_paths: int, rng: np.random.Generator,
                 floor: float | None = None, extra: np.ndarray | None = None,
                 fitted: dict[str, np.ndarray] | None = None, keep_drift: bool = False,
                 drift_cap: float | None = None) -> tuple[np.ndarray, list]:
        """Uncalibrated z-scale paths of one routed method (`route`), and notes (dropped ensemble members, a capped trend).
        `floor`/`extra`: the constrained trend's spread floor and earlier runs' changes; `fitted`: members'
        paths already simulated from the same history (the backtests fit each member once); `keep_drift`: the
        constrained trend keeps its whole drift (still damped); `drift_cap`: the largest yearly drift it carries forward
        (`drift_cap_for(transform)`)."""
        if used == "mean":
            return Mean().fit(z).simulate(horizon, n_paths, rng), []
        if used == "constrained_trend":
            trend = ConstrainedTrend(floor, extra, shrink_c=0.0 if keep_drift else None, drift_cap=drift_cap).fit(z)
            notes = []
            if trend.drift != trend.drift_uncapped:     # said on the card: the median grows slower than the series did
                notes.append(Note("drift_capped", own=int(round(np.expm1(trend.drift_uncapped) * 100)),
                                  cap=int(round(np.expm1(trend.drift) * 100))))
            return trend.simulate(horizon, n_paths, rng), notes
        if used == "ensemble":
            return ensemble_paths(z, horizon, n_paths, rng, fitted=fitted)
        if fitted is not None and used in fitted:
            return fitted[used], []
        return MEMBERS[used]().fit(z).simulate(horizon, n_paths, rng), []

    def fit(self, values: pd.Series, horizon: int, lower: float | None = None, upper: float | None = None,
            rate: bool = False, segments: list[pd.Series] | None = None, series_id: str = "",
            keep_drift: bool = False) -> ForecastResult:
        """Fit on a yearly series (index = years) and simulate `n_paths` calibrated paths `horizon` years ahead.

        `rate=True` marks a growth-rate series (% per year): it is forecast by its mean, not a trend, from
        every published year (gaps do not matter to a mean).
        `segments`: earlier runs of the same concept (before a gap, or another vintage whose yearly changes are
        comparable though its levels are not); a short series' constrained trend learns its drift and spread
        from their yearly changes too. Longer series ignore them.
        `keep_drift=True` (money per head at current prices, `models.catalog.PER_HEAD_MONEY_UNITS`): a short series'
        trend keeps its whole drift instead of m/(m + c) of it; longer series and rates are unaffected.
        """
        if not isinstance(horizon, (int, np.integer)) or horizon < 1 or horizon > MAX_HORIZON:
            raise ForecastInputError(f"horizon must be a whole number between 1 and {MAX_HORIZON}")
        s, notes = _clean(values, keep_gaps=rate)
        raw = pd.Series(values, dtype="float64").dropna().to_numpy()
        if lower is not None and np.any(raw < lower) or upper is not None and np.any(raw > upper):
            raise ForecastInputError(f"values outside the bounds [{lower}, {upper}]")
        transform = choose_transform(s.to_numpy() if s.size else np.array([1.0]), lower, upper)
        years = np.arange(int(s.index[-1]) + 1, int(s.index[-1]) + 1 + horizon) if s.size else np.array([], dtype=int)
        runs = [] if rate else [r for r in (segments or []) + earlier_runs(values) if len(r) >= 2]
        if s.size < MIN_POINTS and not (s.size == 1 and runs):
            return ForecastResult(series_id, self.method, s, years, np.empty((horizon, 0)), transform,
                                  low_evidence=True, insufficient=True, notes=notes + [Note("insufficient_run")])
        used = route(s.size, rate, self.method)
        if used == "mean":
            transform = Transform("identity", lower, upper)
        index = pd.period_range(start=str(int(s.index[0])), periods=s.size, freq="Y")
        if rate:
            index = pd.PeriodIndex([pd.Period(str(int(y)), "Y") for y in s.index])
        z = pd.Series(transform.forward(s.to_numpy()), index=index)
        low = s.size < LOW_EVIDENCE_POINTS
        extra = None
        if used == "constrained_trend" and runs:
            extra = np.concatenate([np.diff(transform.forward(np.asarray(r, dtype=float))) for r in runs])
        z_paths, dropped = self.simulate(used, z, horizon, self.n_paths, np.random.default_rng(self.seed),
                                         floor=transform.floor(float(s.iloc[-1])), extra=extra, keep_drift=keep_drift,
                                         drift_cap=drift_cap_for(transform))
        notes += dropped
        if used == "constrained_trend" and keep_drift:
            notes.append(Note("kept_drift"))
        if used == "mean" and low:
            notes.append(Note("low_evidence_mean", n=int(s.size)))
        if used == "constrained_trend" and low:
            notes.append(Note("low_evidence_trend", n=int(s.size)))
            if extra is not None:
                notes.append(Note("extra_changes", n=int(extra.size)))
        calibration = default_calibration() if self.calibration is True else self.calibration
        calibrated = bool(calibration) and calibration.covers(used)
        rough = roughness(z.to_numpy())
        if calibrated:
            z_paths = calibration.apply(z_paths, s.size, used, rough)
        z_paths = coherent(z_paths, flat=used == "mean")
        if rate:      # a yearly growth rate cannot fall below −100%: the heavy tails of a 2–3-point mean could
            z_paths = np.maximum(z_paths, RATE_FLOOR)
        return ForecastResult(series_id, used, s, years, z_paths, transform, low_evidence=low, calibrated=calibrated,
                              notes=notes, n_extra=int(extra.size) if extra is not None else 0, roughness=rough)


def forecast(values: pd.Series, horizon: int, method: str = "ensemble", n_paths: int = 2000, seed: int = 0,
             lower: float | None = None, upper: float | None = None, series_id: str = "",
             calibration: "object | None | bool" = True, rate: bool = False,
             segments: list[pd.Series] | None = None, keep_drift: bool = False) -> ForecastResult:
    """Shorthand for `Forecaster(method, n_paths, seed, calibration).fit(values, horizon, ...)` (tests, notebooks)."""
    return Forecaster(method, n_paths, seed, calibration).fit(values, horizon, lower=lower, upper=upper, rate=rate,
                                                              keep_drift=keep_drift,
                                                              segments=segments, series_id=series_id)


# --------------------------------------------------------------------------- batch command
def read_batch_input(path: str) -> pd.DataFrame:
    """Read `series_id,year,value`; any problem is a ForecastInputError naming the row."""
    try:
        frame = pd.read_csv(path, dtype={"series_id": str}, keep_default_na=True)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ForecastInputError(f"{path}: cannot read the file ({exc.__class__.__name__}: {exc})") from None
    missing = [c for c in ("series_id", "year", "value") if c not in frame.columns]
    if missing:
        raise ForecastInputError(f"{path}: missing column(s) {', '.join(missing)}; expected series_id,year,value")
    for col in ("year", "value"):
        num = pd.to_numeric(frame[col], errors="coerce")
        bad = frame.index[num.isna() & frame[col].notna()]
        if len(bad):
            i = int(bad[0])
            raise ForecastInputError(f"{path}: row {i + 2}, column {col}: '{frame.at[i, col]}' is not a number")
        frame[col] = num
    if (frame["year"].dropna() % 1 != 0).any():
        i = int(frame.index[(frame["year"] % 1 != 0)][0])
        raise ForecastInputError(f"{path}: row {i + 2}, column year: '{frame.at[i, 'year']}' is not a whole year")
    dup = frame.duplicated(["series_id", "year"])
    if dup.any():
        i = int(frame.index[dup][0])
        raise ForecastInputError(f"{path}: row {i + 2}: series '{frame.at[i, 'series_id']}' repeats year "
                                 f"{int(frame.at[i, 'year'])}")
    return frame


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.forecast", description="Forecast yearly series (simulated paths).")
    ap.add_argument("--input", required=True)
    ap.add_argument("--horizon", required=True, type=int)
    ap.add_argument("--output", required=True)
    ap.add_argument("--method", default="ensemble", choices=METHODS)
    ap.add_argument("--paths", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lower", type=float)
    ap.add_argument("--upper", type=float)
    ap.add_argument("--no-calibration", action="store_true", help="raw model spread (for evaluating the calibration)")
    args = ap.parse_args(argv)
    try:
        forecaster = Forecaster(args.method, args.paths, args.seed, calibration=not args.no_calibration)
        frame = read_batch_input(args.input)
        out, skipped = [], []
        for sid, g in frame.groupby("series_id", sort=False):
            values = pd.Series(g["value"].to_numpy(), index=g["year"].astype(int).to_numpy())
            try:
                res = forecaster.fit(values, args.horizon, lower=args.lower, upper=args.upper, series_id=str(sid))
            except ForecastInputError as exc:
                skipped.append((sid, str(exc)))
                continue
            if res.insufficient:
                skipped.append((sid, res.notes[-1]))
                continue
            out.append(res.summary())
        result = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=FORECAST_COLUMNS)
        result.to_csv(args.output, index=False, float_format="%.6g")
    except ForecastInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for sid, why in skipped:
        print(f"not forecast: series '{sid}': {why}", file=sys.stderr)
    print(f"forecast {result['series_id'].nunique()} series, {len(skipped)} not forecast -> {args.output}",
          file=sys.stderr)
    return 0   # series that could not be forecast are listed above, never silently dropped


if __name__ == "__main__":
    sys.exit(main())
