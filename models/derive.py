"""Derived indicators, computed from their inputs and never typed in.

Each derived value records its formula and the exact input values (with their vintages
and sources), so the Data page and the tests can recompute it. Rules:
- a ratio uses inputs of the same territory and year; every combination of input values
  is computed, and the result is preferred only when all its inputs are preferred;
- growth rates come from consecutive years of one vintage, never across a break;
- a merged-territory sum needs every part for the same year and vintage.
Only exact values are used (a lower bound or an approximate figure is never an input).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from models.catalog import Catalog

DERIVED_SOURCE = "lotrinh_models_derive"
MERGED_PARTS = {"tuyen_quang_merged": ("tuyen_quang_old", "ha_giang")}
GROWTH_OF = {   # level indicator -> derived growth indicator (nominal, % per year)
    "labour_productivity_current": "labour_productivity_growth_current",
    "grdp_current": "grdp_growth_current",
    "labour_force_15plus": "labour_force_growth",
    "population_average": "population_growth",
}
COLUMNS = ["territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier", "status",
           "source_id", "preferred", "year_inferred", "formula", "note", "inputs"]


def _exact(obs: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    o = obs[(obs["indicator_id"] == indicator_id) & (obs["qualifier"] == "") & obs["period_start"].isna()]
    return o


def _describe(row: pd.Series) -> str:
    return (f"{row['indicator_id']}[{row['territory_id']},{int(row['year'])},{row['vintage']},"
            f"{row['source_id']}]={float(row['value']):.12g}")


def _row(territory, indicator, vintage, year, value, status, preferred, formula, inputs, note="") -> dict:
    return {"territory_id": territory, "indicator_id": indicator, "vintage": vintage, "year": int(year),
            "period_start": pd.NA, "value": float(value), "qualifier": "", "status": status,
            "source_id": DERIVED_SOURCE, "preferred": bool(preferred), "year_inferred": False,
            "formula": formula, "note": note, "inputs": "; ".join(inputs)}


def ratio(obs: pd.DataFrame, num_id: str, den_id: str, out_id: str, scale: float, status: str,
          formula: str) -> list[dict]:
    """out = num / den * scale for every territory and year where both exist."""
    num, den = _exact(obs, num_id), _exact(obs, den_id)
    merged = num.merge(den, on=["territory_id", "year"], suffixes=("_n", "_d"))
    rows = []
    for _, m in merged.iterrows():
        if m["value_d"] == 0:
            continue
        n, d = (pd.Series({"indicator_id": m[f"indicator_id{x}"], "territory_id": m["territory_id"],
                           "year": m["year"], "vintage": m[f"vintage{x}"], "source_id": m[f"source_id{x}"],
                           "value": m[f"value{x}"]}) for x in ("_n", "_d"))
        vintage = f"{m['vintage_n']}__{m['vintage_d']}"
        rows.append(_row(m["territory_id"], out_id, vintage, m["year"], m["value_n"] / m["value_d"] * scale,
                         status, bool(m["preferred_n"]) and bool(m["preferred_d"]), formula,
                         [_describe(n), _describe(d)]))
    return rows


def share_of_total(obs: pd.DataFrame) -> list[dict]:
    """Regional GRDP = its share (%) of the sum of provincial GRDP x that national sum (same year)."""
    share = _exact(obs, "share_of_provincial_grdp_sum_pct")
    total = _exact(obs, "sum_provincial_grdp_current")
    rows = []
    for _, s in share.iterrows():
        for _, t in total[total["year"] == s["year"]].iterrows():
            rows.append(_row(s["territory_id"], "grdp_current", "derived", s["year"], s["value"] / 100 * t["value"],
                             "derived", bool(s["preferred"] and t["preferred"]),
                             "share_of_provincial_grdp_sum_pct / 100 × sum_provincial_grdp_current",
                             [_describe(s), _describe(t)]))
    return rows


def merged_sums(obs: pd.DataFrame, indicators: pd.DataFrame) -> list[dict]:
    """Merged territory = sum of its parts, for additive indicators, same year and vintage."""
    rows = []
    additive = indicators.loc[indicators["additive"], "indicator_id"]
    for merged, parts in MERGED_PARTS.items():
        for iid in additive:
            o = _exact(obs, iid)
            o = o[o["preferred"]]
            frames = [o[o["territory_id"] == p].set_index(["vintage", "year"]) for p in parts]
            common = frames[0].index
            for f in frames[1:]:
                common = common.intersection(f.index)
            for vintage, year in common:
                picks = [f.loc[(vintage, year)] for f in frames]
                if any(isinstance(p, pd.DataFrame) for p in picks):
                    continue   # more than one preferred value: ambiguous, skip
                total = sum(float(p["value"]) for p in picks)
                inputs = [_describe(pd.Series({**p.to_dict(), "vintage": vintage, "year": year})) for p in picks]
                rows.append(_row(merged, iid, vintage, year, total, "derived", True,
                                 " + ".join(parts), inputs, note="reconstructed sum of the merged parts"))
    return rows


def growth_rates(obs: pd.DataFrame, level_id: str, out_id: str) -> list[dict]:
    """Year-on-year growth (%) within one vintage and between consecutive years only."""
    rows = []
    o = _exact(obs, level_id)
    o = o[o["preferred"]]
    for (tid, vintage), g in o.groupby(["territory_id", "vintage"]):
        g = g.sort_values("year")
        prev = None
        for _, r in g.iterrows():
            if prev is not None and int(r["year"]) == int(prev["year"]) + 1 and prev["value"] > 0:
                rows.append(_row(tid, out_id, vintage, r["year"], (r["value"] / prev["value"] - 1) * 100,
                                 r["status"] if r["status"] in ("derived", "proxy") else "derived", True,
                                 f"({level_id}[t] / {level_id}[t-1] - 1) × 100", [_describe(prev), _describe(r)]))
            prev = r
    return rows


def average_growth(rates_pct: list[float] | np.ndarray) -> float:
    """Compound mean of annual growth rates in %: ((Π(1+g/100))^(1/n) - 1) × 100."""
    r = np.asarray(rates_pct, dtype=float) / 100.0
    if r.size == 0:
        raise ValueError("average_growth needs at least one rate")
    return float((np.prod(1 + r) ** (1 / r.size) - 1) * 100)


def derive_all(cat: Catalog) -> pd.DataFrame:
    """Every derived value of the catalogue, in the observations' columns plus `inputs`."""
    obs = cat.observations
    rows: list[dict] = []
    rows += share_of_total(obs)
    base = pd.concat([obs, pd.DataFrame(rows, columns=COLUMNS)], ignore_index=True) if rows else obs
    rows += merged_sums(base, cat.indicators)
    base = pd.concat([obs, pd.DataFrame(rows, columns=COLUMNS)], ignore_index=True)
    rows += ratio(base, "grdp_current", "employed_15plus", "labour_productivity_derived", 1000.0, "derived",
                  "grdp_current × 1000 / employed_15plus")
    rows += ratio(base, "grdp_current", "labour_force_15plus", "labour_productivity_proxy_lf", 1.0, "proxy",
                  "grdp_current / labour_force_15plus")
    base = pd.concat([obs, pd.DataFrame(rows, columns=COLUMNS)], ignore_index=True)
    for level, out in GROWTH_OF.items():
        rows += growth_rates(base, level, out)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    frame["period_start"] = frame["period_start"].astype("Int64")
    return frame


def with_derived(cat: Catalog) -> Catalog:
    """A copy of the catalogue whose observations include the derived values."""
    derived = derive_all(cat)
    obs = pd.concat([cat.observations.assign(inputs=""), derived], ignore_index=True)
    return Catalog(**{**cat.__dict__, "observations": obs})
