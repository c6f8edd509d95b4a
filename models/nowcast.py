"""Years of a growth-rate window that are not observed: simulated from what is known about their inputs.

Kế hoạch 402-KH/TU's headline target is an average of yearly productivity growth over 2021–2025.
Some of those years are derived from published figures (observed), one crosses the 2021 change in
how employment is counted, and 2025 is not published yet for the old province. Each missing year is
simulated from the inputs of the rate it lacks, so what is known narrows it:

- productivity growth = (1 + GRDP growth) / (1 + employment change) − 1 (the derived formula);
- GRDP growth: the published figure, else the territory's own average growth with its spread, kept
  inside any published bound, including the bound of the merged province it became part of
  (merged growth = Σ share × growth of its parts);
- employment change across the 2021 break: the national change on a comparable basis (from the
  national GDP growth and productivity growth published for that year) plus a provincial deviation
  drawn from how provinces deviated from the nation in years on one concept;
- otherwise the territory's own average change.

Every year says how it was obtained (`how`), so the card can list observed and estimated years.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from models.catalog import Catalog
from models.forecast import Mean
from models.notes import Note, indicator_names, names

MAX_TRIES = 40        # rejection sampling rounds for a published bound


@dataclass
class FilledYear:
    year: int
    paths: np.ndarray            # (n,) simulated or constant values of the rate, % per year
    how: str                     # observed | derived | estimated
    code: str                    # what the card says about it (a text key with params)
    params: dict = field(default_factory=dict)


def _exact(cat: Catalog, territory: str, indicator: str) -> pd.Series:
    """Used yearly values of one territory and indicator, all vintages (a rate has no level break)."""
    o = cat.values(territory, indicator).drop_duplicates("year", keep="last")
    return pd.Series(o["value"].to_numpy(dtype=float), index=o["year"].astype(int).to_numpy())


def _status(cat: Catalog, territory: str, indicator: str, year: int) -> str:
    o = cat.values(territory, indicator)
    o = o[o["year"] == year]
    return str(o["status"].iloc[0]) if len(o) else ""


def _bounds(cat: Catalog, territory: str, indicator: str, year: int) -> list[tuple[str, float]]:
    o = cat.observations
    o = o[(o["territory_id"] == territory) & (o["indicator_id"] == indicator) & (o["year"] == year)
          & o["qualifier"].isin(["lower_bound", "upper_bound"])]
    return [(str(q), float(v)) for q, v in zip(o["qualifier"], o["value"])]


def _mean_paths(values: pd.Series, n: int, rng: np.random.Generator) -> np.ndarray:
    """A passed year's rate as the mean model forecasts a year (models/forecast.Mean: the average, its uncertainty
    and a spell's, the yearly spread of at least 1 point), so a nowcast is no surer than the forecast after it."""
    return Mean().fit(pd.Series(values.to_numpy(dtype=float))).simulate(1, n, rng)[0]


def _successor(cat: Catalog, territory: str) -> tuple[str, list[str]] | None:
    from models.derive import MERGED_PARTS

    for merged, parts in MERGED_PARTS.items():
        if territory in parts:
            return merged, list(parts)
    return None


def _weights(cat: Catalog, parts: list[str], year: int) -> tuple[dict[str, float], int] | None:
    """Current-price GRDP shares of the parts in the latest year before `year` in which all are known."""
    levels = {p: _exact(cat, p, "grdp_current") for p in parts}
    common = sorted(set.intersection(*[set(s.index[s.index < year]) for s in levels.values()]))
    if not common:
        return None
    wy = common[-1]
    total = sum(float(levels[p].loc[wy]) for p in parts)
    return {p: float(levels[p].loc[wy]) / total for p in parts}, wy


def grdp_growth(cat: Catalog, territory: str, year: int, n: int, rng: np.random.Generator) -> FilledYear:
    """Real GRDP growth of one year: published, or simulated inside every bound that applies to it."""
    indicator = "gdp_growth_const" if territory == "vietnam" else "grdp_growth_const"
    series = _exact(cat, territory, indicator)
    if year in series.index:
        return FilledYear(year, np.full(n, float(series.loc[year])), "observed", "nc_grdp_published",
                          {"value": float(series.loc[year])})
    if series.size == 0:
        raise ValueError(Note("nowcast_no_grdp_growth", territory=names(cat, territory), year=int(year)))
    own = _bounds(cat, territory, indicator, year)
    succ = _successor(cat, territory)
    merged_bounds = _bounds(cat, succ[0], "grdp_growth_const", year) if succ else []
    others = []
    if merged_bounds:
        w = _weights(cat, succ[1], year)
        if w is None:
            merged_bounds = []
        else:
            weights, wyear = w
            others = [p for p in succ[1] if p != territory]
    accepted: list[np.ndarray] = []
    got, tries = 0, 0
    while got < n and tries < MAX_TRIES:
        tries += 1
        g = _mean_paths(series, n, rng)
        ok = np.ones(n, dtype=bool)
        for q, v in own:
            ok &= (g > v) if q == "lower_bound" else (g < v)
        if merged_bounds:
            total = weights[territory] * g
            for p in others:
                ps = _exact(cat, p, "grdp_growth_const")
                total = total + weights[p] * (np.full(n, float(ps.loc[year])) if year in ps.index
                                              else _mean_paths(ps, n, rng))
            for q, v in merged_bounds:
                ok &= (total > v) if q == "lower_bound" else (total < v)
        accepted.append(g[ok])
        got += int(ok.sum())
    paths = np.concatenate(accepted)
    if paths.size < n:
        raise ValueError(Note("nowcast_bounds", territory=names(cat, territory), year=int(year)))
    params = {"years": f"{int(series.index.min())}–{int(series.index.max())}", "mean": float(series.mean())}
    if merged_bounds:
        q, v = merged_bounds[0]
        params.update({"bound": v, "merged": succ[0], "weights_year": wyear, "above": q == "lower_bound"})
        return FilledYear(year, paths[:n], "estimated", "nc_grdp_bounded", params)
    return FilledYear(year, paths[:n], "estimated", "nc_grdp_mean", params)


def _deviation_pool(cat: Catalog) -> np.ndarray:
    """Provincial employment change minus the national change, same concept and year, every province."""
    eg = cat.used()
    eg = eg[eg["indicator_id"] == "employed_growth"]
    nat = eg[eg["territory_id"] == "vietnam"].set_index(["vintage", "year"])["value"]
    prov = eg[cat.territories.set_index("territory_id").reindex(eg["territory_id"])["kind"].to_numpy() == "province"]
    dev = [float(r.value) - float(nat.loc[(r.vintage, r.year)]) for r in prov.itertuples()
           if (r.vintage, r.year) in nat.index]
    return np.asarray(dev, dtype=float)


def employment_change(cat: Catalog, territory: str, year: int, n: int, rng: np.random.Generator) -> FilledYear:
    """Employment change (%) of one year on one concept: published, or simulated."""
    series = _exact(cat, territory, "employed_growth")
    if year in series.index:
        return FilledYear(year, np.full(n, float(series.loc[year])), "observed", "nc_employment_published",
                          {"value": float(series.loc[year])})
    gdp = _exact(cat, "vietnam", "gdp_growth_const")
    prod = _exact(cat, "vietnam", "labour_productivity_growth_const")
    emp_levels = cat.observations
    here = emp_levels[(emp_levels["territory_id"] == territory) & (emp_levels["indicator_id"] == "employed_15plus")]
    crosses = {year - 1, year} <= set(here["year"].astype(int))   # both levels exist, but on two concepts
    pool = _deviation_pool(cat)
    if crosses and year in gdp.index and year in prod.index and pool.size >= 30:
        national = ((1 + gdp.loc[year] / 100) / (1 + prod.loc[year] / 100) - 1) * 100
        paths = national + rng.choice(pool, size=n, replace=True)
        return FilledYear(year, paths, "estimated", "nc_employment_break",
                          {"national": float(national), "spread": float(pool.std(ddof=1)), "n": int(pool.size)})
    if series.size == 0:
        raise ValueError(Note("nowcast_no_employment", territory=names(cat, territory), year=int(year)))
    return FilledYear(year, _mean_paths(series, n, rng), "estimated", "nc_employment_mean",
                      {"years": ", ".join(str(int(y)) for y in series.index), "mean": float(series.mean())})


def productivity_growth(cat: Catalog, territory: str, year: int, n: int, rng: np.random.Generator) -> FilledYear:
    """Constant-price productivity growth of a missing year, from its two inputs."""
    g = grdp_growth(cat, territory, year, n, rng)
    e = employment_change(cat, territory, year, n, rng)
    paths = ((1 + g.paths / 100) / (1 + e.paths / 100) - 1) * 100
    return FilledYear(year, paths, "estimated", "nc_productivity_inputs",
                      {"grdp": g.code, "grdp_params": g.params, "employment": e.code, "employment_params": e.params})


FILLERS = {"labour_productivity_growth_const": productivity_growth, "grdp_growth_const": grdp_growth}


def fill_window(cat: Catalog, territory: str, indicator: str, years: list[int], n: int, seed: int,
                until: int) -> dict[int, FilledYear]:
    """Every year of `years` up to `until`: observed values as they are, missing ones simulated.

    Years after `until` are left to the forecast. Raises ValueError when a missing year cannot be built.
    """
    rng = np.random.default_rng(seed)
    series = _exact(cat, territory, indicator)
    out: dict[int, FilledYear] = {}
    for y in years:
        if y in series.index:
            out[y] = FilledYear(y, np.full(n, float(series.loc[y])),
                                "derived" if _status(cat, territory, indicator, y) == "derived" else "observed",
                                "nc_observed", {"value": float(series.loc[y])})
        elif y <= until:
            filler = FILLERS.get(indicator)
            if filler is None:
                raise ValueError(Note("nowcast_no_way", indicator=indicator_names(cat, indicator), year=int(y)))
            out[y] = filler(cat, territory, y, n, rng)
    return out
