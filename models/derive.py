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

import pandas as pd

from models.catalog import Catalog, exact_yearly

DERIVED_SOURCE = "lotrinh_models_derive"
MERGED_PARTS = {"tuyen_quang_merged": ("tuyen_quang_old", "ha_giang")}
GROWTH_OF = {   # level indicator -> derived growth indicator (nominal, % per year)
    "labour_productivity_current": "labour_productivity_growth_current",
    "grdp_current": "grdp_growth_current",
    "labour_force_15plus": "labour_force_growth",
    "population_average": "population_growth",
    "employed_15plus": "employed_growth",
}
COLUMNS = ["territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier", "status",
           "source_id", "preferred", "year_inferred", "formula", "note", "inputs"]


def _input(indicator, territory, year, vintage, source, value) -> str:
    """How a derived value names one of its inputs: indicator[territory,year,vintage,source]=value."""
    return f"{indicator}[{territory},{int(year)},{vintage},{source}]={float(value):.12g}"


def _describe(row: pd.Series) -> str:
    return _input(row["indicator_id"], row["territory_id"], row["year"], row["vintage"], row["source_id"], row["value"])


def _merged_inputs(m, suffixes: tuple[str, ...]) -> list[str]:
    """The inputs of one row of a merge of input tables (each side's columns carry its suffix)."""
    return [_input(m[f"indicator_id{x}"], m["territory_id"], m["year"], m[f"vintage{x}"], m[f"source_id{x}"],
                   m[f"value{x}"]) for x in suffixes]


def _row(territory, indicator, vintage, year, value, status, preferred, formula, inputs, note="") -> dict:
    return {"territory_id": territory, "indicator_id": indicator, "vintage": vintage, "year": int(year),
            "period_start": pd.NA, "value": float(value), "qualifier": "", "status": status,
            "source_id": DERIVED_SOURCE, "preferred": bool(preferred), "year_inferred": False,
            "formula": formula, "note": note, "inputs": "; ".join(inputs)}


def ratio(obs: pd.DataFrame, num_id: str, den_id: str, out_id: str, scale: float, status: str,
          formula: str) -> list[dict]:
    """out = num / den * scale for every territory and year where both exist."""
    num, den = exact_yearly(obs, num_id), exact_yearly(obs, den_id)
    merged = num.merge(den, on=["territory_id", "year"], suffixes=("_n", "_d"))
    rows = []
    for _, m in merged.iterrows():
        if m["value_d"] == 0:
            continue
        inputs = _merged_inputs(m, ("_n", "_d"))
        vintage = f"{m['vintage_n']}__{m['vintage_d']}"
        rows.append(_row(m["territory_id"], out_id, vintage, m["year"], m["value_n"] / m["value_d"] * scale,
                         status, bool(m["preferred_n"]) and bool(m["preferred_d"]), formula,
                         inputs))
    return rows


def share_of_total(obs: pd.DataFrame) -> list[dict]:
    """Regional GRDP = its share (%) of the sum of provincial GRDP x that national sum (same year)."""
    share = exact_yearly(obs, "share_of_provincial_grdp_sum_pct")
    total = exact_yearly(obs, "sum_provincial_grdp_current")
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
            o = exact_yearly(obs, iid)
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
    o = exact_yearly(obs, level_id)
    o = o[o["preferred"]].sort_values(["territory_id", "vintage", "year"])
    cols = {c: o[c].to_numpy() for c in ("territory_id", "vintage", "year", "value", "status", "source_id")}
    year = cols["year"].astype(int)
    formula = f"({level_id}[t] / {level_id}[t-1] - 1) × 100"
    for i in range(1, len(o)):
        same = cols["territory_id"][i] == cols["territory_id"][i - 1] and cols["vintage"][i] == cols["vintage"][i - 1]
        if not same or year[i] != year[i - 1] + 1 or not cols["value"][i - 1] > 0:
            continue
        inputs = [_input(level_id, cols["territory_id"][j], year[j], cols["vintage"][j], cols["source_id"][j],
                         cols["value"][j]) for j in (i - 1, i)]
        status = cols["status"][i] if cols["status"][i] in ("derived", "proxy") else "derived"
        rows.append(_row(cols["territory_id"][i], out_id, cols["vintage"][i], year[i],
                         (cols["value"][i] / cols["value"][i - 1] - 1) * 100, status, True, formula, inputs))
    return rows


# Productivity and employment vintages that share one employment concept (the PX-Web tables by province).
CONCEPT_PAIRS = (("gso_pxweb_prov_pre2021", "gso_pxweb_pre2021"), ("gso_revised", "gso_pxweb_2021_concept"))
PRODUCT_VINTAGE = "pxweb_product"   # GRDP = productivity × employed: the employment concept cancels out
SUMMED = ("employed_15plus", "grdp_current", "population_average")   # what a region is the sum of its provinces of


def _published(obs: pd.DataFrame, indicator_id: str) -> set[tuple[str, int]]:
    """(territory, year) with an exact value that was published, not derived here."""
    o = exact_yearly(obs, indicator_id)
    o = o[o["source_id"] != DERIVED_SOURCE]
    return set(zip(o["territory_id"], o["year"].astype(int)))


def _taken(obs: pd.DataFrame, indicator_id: str) -> set[tuple[str, str, int]]:
    """(territory, vintage, year) that already hold a preferred exact value: a derived value there is only a check."""
    o = exact_yearly(obs, indicator_id)
    o = o[o["preferred"]]
    return set(zip(o["territory_id"], o["vintage"], o["year"].astype(int)))


def grdp_from_productivity(obs: pd.DataFrame) -> list[dict]:
    """GRDP (bn VND) = productivity (mn VND per worker) × employed (persons) / 1000, same concept and year."""
    prod, emp = exact_yearly(obs, "labour_productivity_current"), exact_yearly(obs, "employed_15plus")
    prod, emp = prod[prod["preferred"]], emp[emp["preferred"]]
    published = _published(obs, "grdp_current")
    rows = []
    for pv, ev in CONCEPT_PAIRS:
        m = prod[prod["vintage"] == pv].merge(emp[emp["vintage"] == ev], on=["territory_id", "year"],
                                              suffixes=("_p", "_e"))
        for _, r in m.iterrows():
            inputs = _merged_inputs(r, ("_p", "_e"))
            key = (r["territory_id"], int(r["year"]))
            rows.append(_row(r["territory_id"], "grdp_current", PRODUCT_VINTAGE, r["year"],
                             r["value_p"] * r["value_e"] / 1000.0, "derived", True,
                             "labour_productivity_current × employed_15plus / 1000", inputs,
                             note="a published GRDP figure exists for this year (another vintage)" if key in published else ""))
    return rows


def members(territories: pd.DataFrame, region: str, year: int) -> list[str]:
    """The provinces of a region in a given year (the 63-province map before the 2025 mergers)."""
    return _membership(territories).get(region, lambda y: [])(year)


_MEMBERSHIP: list = [(None, {})]   # [(the territories frame it was read from, region -> (year -> provinces))]


def _membership(territories: pd.DataFrame) -> dict:
    """region -> (year -> its provinces), read once per territories table (members() is asked year by year)."""
    frame, read = _MEMBERSHIP[0]          # one slot read once: another session may replace it meanwhile
    if frame is not territories:
        read = _read_membership(territories)
        _MEMBERSHIP[0] = (territories, read)
    return read


def _read_membership(territories: pd.DataFrame) -> dict:
    t = territories[(territories["kind"] == "province") & ~territories["territory_id"].isin(list(MERGED_PARTS))]
    spans = [(r, tid, -10_000 if pd.isna(lo) else int(lo), 10_000 if pd.isna(hi) else int(hi))
             for r, tid, lo, hi in zip(t["parent_id"], t["territory_id"], t["valid_from"], t["valid_to"])]
    out = {}
    for region in {s[0] for s in spans}:
        mine = [s for s in spans if s[0] == region]
        out[region] = (lambda m: lambda y: sorted(tid for _, tid, lo, hi in m if lo <= y <= hi))(mine)
    return out


def region_sums(obs: pd.DataFrame, territories: pd.DataFrame) -> list[dict]:
    """A region's employed, GRDP and population = the sum over all its provinces, only when every one is known."""
    rows = []
    regions = list(territories.loc[territories["kind"] == "region", "territory_id"])
    of = _membership(territories)
    for iid in SUMMED:
        o = exact_yearly(obs, iid)
        o = o[o["preferred"]].drop_duplicates(["territory_id", "vintage", "year"])
        taken = _taken(obs, iid)
        cells: dict[tuple, dict] = {}
        for r in o.itertuples():
            cells.setdefault((r.vintage, int(r.year)), {})[r.territory_id] = r
        for (vintage, year), here in cells.items():
            for region in regions:
                need = of.get(region, lambda y: [])(year)
                if not need or any(p not in here for p in need):
                    continue
                parts = [here[p] for p in need]
                rows.append(_row(region, iid, vintage, year, float(sum(p.value for p in parts)), "derived",
                                 (region, vintage, year) not in taken,
                                 f"Σ {iid} over the {len(need)} provinces of {region}",
                                 [_input(iid, p.territory_id, year, vintage, p.source_id, p.value) for p in parts],
                                 note=f"sum of {len(need)} provinces"))
    return rows


def productivity_of_sums(obs: pd.DataFrame, territories: pd.DataFrame) -> list[dict]:
    """Productivity of a region or merged territory = Σ(productivity × employed) / Σ employed (its own concept)."""
    grdp = exact_yearly(obs, "grdp_current")
    grdp = grdp[(grdp["vintage"] == PRODUCT_VINTAGE) & (grdp["source_id"] == DERIVED_SOURCE)]
    emp = exact_yearly(obs, "employed_15plus")
    emp = emp[emp["preferred"]]
    summed = set(territories.loc[territories["kind"] == "region", "territory_id"]) | set(MERGED_PARTS)
    taken = _taken(obs, "labour_productivity_current")
    rows = []
    for pv, ev in CONCEPT_PAIRS:
        m = grdp[grdp["territory_id"].isin(summed)].merge(emp[emp["vintage"] == ev], on=["territory_id", "year"],
                                                          suffixes=("_g", "_e"))
        for _, r in m.iterrows():
            year = int(r["year"])
            if (pv == "gso_revised") != (year >= 2021):
                continue
            inputs = _merged_inputs(r, ("_g", "_e"))
            rows.append(_row(r["territory_id"], "labour_productivity_current", pv, year,
                             r["value_g"] * 1000.0 / r["value_e"], "derived", (r["territory_id"], pv, year) not in taken,
                             "Σ(labour_productivity_current × employed_15plus) / Σ employed_15plus over the parts",
                             inputs, note="employment-weighted average of the parts"))
    return rows


def per_capita(obs: pd.DataFrame) -> list[dict]:
    """GRDP per capita (mn VND) = GRDP (bn VND) × 1000 / average population (persons), where none is published."""
    grdp = exact_yearly(obs, "grdp_current")
    grdp = grdp[grdp["preferred"] & (grdp["vintage"] == PRODUCT_VINTAGE)]
    pop = exact_yearly(obs, "population_average")
    pop = pop[pop["preferred"] & (pop["vintage"] == "gso_pxweb")]
    published = _published(obs, "grdp_per_capita_current")
    taken = _taken(obs, "grdp_per_capita_current")
    b = obs[(obs["indicator_id"] == "grdp_per_capita_current") & obs["qualifier"].isin(["lower_bound", "upper_bound"])]
    bounds: dict[tuple, list] = {}
    for r in b.itertuples():
        bounds.setdefault((r.territory_id, int(r.year)), []).append((r.qualifier, float(r.value)))
    rows = []
    for _, r in grdp.merge(pop, on=["territory_id", "year"], suffixes=("_g", "_p")).iterrows():
        inputs = _merged_inputs(r, ("_g", "_p"))
        value = r["value_g"] * 1000.0 / r["value_p"]
        key = (r["territory_id"], int(r["year"]))
        notes = [] if key not in published else ["a published figure exists for this year and is used instead"]
        for q, v in bounds.get(key, []):
            if (q == "lower_bound" and value < v) or (q == "upper_bound" and value > v):
                notes.append(f"below the published {'lower' if q == 'lower_bound' else 'upper'} bound {v:g} "
                             "(the inputs are rounded to thousands)" if q == "lower_bound" else
                             f"above the published upper bound {v:g}")
        rows.append(_row(r["territory_id"], "grdp_per_capita_current", "main", r["year"], value, "derived",
                         (key[0], "main", key[1]) not in taken, "grdp_current × 1000 / population_average", inputs,
                         note="; ".join(notes)))
    return rows


def weighted_growth(obs: pd.DataFrame) -> list[dict]:
    """Merged territory's real GRDP growth = Σ share(t−1) × growth(t) of its parts (chain-linked, current-price shares).

    The shares come from the year before, or the latest earlier year in which both GRDP levels are known.
    """
    g = exact_yearly(obs, "grdp_growth_const")
    g = g[g["preferred"]]
    lv = exact_yearly(obs, "grdp_current")
    lv = lv[lv["preferred"] & (lv["vintage"] == PRODUCT_VINTAGE)]
    rows = []
    for merged, parts in MERGED_PARTS.items():
        published = _published(obs, "grdp_growth_const")
        years = sorted(set.intersection(*[set(g.loc[g["territory_id"] == p, "year"].astype(int)) for p in parts]))
        for year in years:
            level_years = sorted(set.intersection(*[set(lv.loc[(lv["territory_id"] == p) & (lv["year"] < year),
                                                               "year"].astype(int)) for p in parts]))
            if not level_years or (merged, year) in published:
                continue
            wy = level_years[-1]
            levels = [lv[(lv["territory_id"] == p) & (lv["year"] == wy)].iloc[0] for p in parts]
            growths = [g[(g["territory_id"] == p) & (g["year"] == year)].iloc[0] for p in parts]
            total = sum(float(x["value"]) for x in levels)
            value = sum(float(lvl["value"]) / total * float(gr["value"]) for lvl, gr in zip(levels, growths))
            rows.append(_row(merged, "grdp_growth_const", "main", year, value, "derived", True,
                             f"Σ grdp_current[{wy}] share × grdp_growth_const[{year}] over {' + '.join(parts)}",
                             [_describe(x) for x in levels + growths],
                             note=f"weights: current-price GRDP shares of {wy}"
                                  + ("" if wy == year - 1 else f" (latest year before {year} with both levels)")))
    return rows


def productivity_growth(obs: pd.DataFrame) -> list[dict]:
    """Constant-price productivity growth = (1 + real GRDP growth) / (employed[t] / employed[t−1]) − 1.

    Only where both employment figures share one concept (the employed_growth values exist only
    within one vintage), so 2020→2021 never yields a rate. A published rate for the same year wins.
    """
    eg = exact_yearly(obs, "employed_growth")
    published = _published(obs, "labour_productivity_growth_const")
    taken = _taken(obs, "labour_productivity_growth_const")
    rows = []
    for indicator in ("grdp_growth_const", "gdp_growth_const"):
        gg = exact_yearly(obs, indicator)
        gg = gg[gg["preferred"]]
        for _, r in gg.merge(eg, on=["territory_id", "year"], suffixes=("_g", "_e")).iterrows():
            inputs = _merged_inputs(r, ("_g", "_e"))
            key = (r["territory_id"], int(r["year"]))
            value = ((1 + r["value_g"] / 100.0) / (1 + r["value_e"] / 100.0) - 1) * 100.0
            rows.append(_row(r["territory_id"], "labour_productivity_growth_const", "main", r["year"], value, "derived",
                             (key[0], "main", key[1]) not in taken,
                             f"((1 + {indicator}/100) / (1 + employed_growth/100) − 1) × 100",
                             inputs,
                             note=("a published rate exists for this year and is used instead; this one is a check"
                                   if key in published else "employed rounded to thousands: about ±0.2 points")))
    return rows


def derive_all(cat: Catalog) -> pd.DataFrame:
    """Every derived value of the catalogue, in the observations' columns plus `inputs`.

    Order matters: each step reads the values of the steps before it.
    """
    obs = cat.observations
    rows: list[dict] = []

    def base() -> pd.DataFrame:
        return pd.concat([obs, pd.DataFrame(rows, columns=COLUMNS)], ignore_index=True) if rows else obs

    rows += share_of_total(obs)
    rows += grdp_from_productivity(base())
    rows += region_sums(base(), cat.territories)
    rows += merged_sums(base(), cat.indicators)
    rows += productivity_of_sums(base(), cat.territories)
    rows += per_capita(base())
    b = base()
    b = b[b["vintage"] != PRODUCT_VINTAGE]   # the product is productivity again: no second copy of it
    rows += ratio(b, "grdp_current", "employed_15plus", "labour_productivity_derived", 1000.0, "derived",
                  "grdp_current × 1000 / employed_15plus")
    rows += ratio(b, "grdp_current", "labour_force_15plus", "labour_productivity_proxy_lf", 1.0, "proxy",
                  "grdp_current / labour_force_15plus")
    b = base()
    for level, out in GROWTH_OF.items():
        rows += growth_rates(b, level, out)
    rows += weighted_growth(base())
    rows += productivity_growth(base())
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    frame["period_start"] = frame["period_start"].astype("Int64")
    return frame


def with_derived(cat: Catalog) -> Catalog:
    """A copy of the catalogue whose observations include the derived values."""
    derived = derive_all(cat)
    obs = pd.concat([cat.observations.assign(inputs=""), derived], ignore_index=True)
    return Catalog(**{**cat.__dict__, "observations": obs})
