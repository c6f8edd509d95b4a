"""The 2045 regional comparison on official productivity: ratios to the employment-weighted regional
average, the relative growth still needed, and the member provinces ranked (used by the Region page,
the Method page and the notebook)."""
from __future__ import annotations

import pandas as pd

from models.catalog import Catalog
from models.derive import members

INDICATOR = "labour_productivity_current"


def _values(cat: Catalog, territory: str, indicator: str = INDICATOR) -> pd.DataFrame:
    o = cat.values(territory, indicator)
    return o[["year", "vintage", "value"]].assign(year=o["year"].astype(int))


def ratios(cat: Catalog, territory: str, reference: str = "region_nmm", indicator: str = INDICATOR) -> pd.DataFrame:
    """Year, vintage, territory value, reference value and their ratio, where both share a vintage (one concept)."""
    m = _values(cat, territory, indicator).merge(_values(cat, reference, indicator), on=["year", "vintage"],
                                                 suffixes=("_own", "_ref"))
    m["ratio"] = m["value_own"] / m["value_ref"]
    return m.sort_values("year").reset_index(drop=True)


def relative_growth_needed(ratio: float, year: int, target_year: int = 2045, target_ratio: float = 1.0) -> float:
    """How much faster than the reference a territory must grow each year (%) to reach `target_ratio` by then."""
    return ((target_ratio / ratio) ** (1 / (target_year - year)) - 1) * 100


def ranked(cat: Catalog, year: int, region: str = "region_nmm", indicator: str = INDICATOR,
           extra: tuple[str, ...] = ("tuyen_quang_merged",)) -> pd.DataFrame:
    """The region's provinces in one year, highest first, with their rank; `extra` territories shown unranked."""
    rows = []
    for tid in members(cat.territories, region, year) + list(extra) + [region]:
        v = _values(cat, tid, indicator)
        v = v[v["year"] == year]
        if len(v):
            rows.append({"territory_id": tid, "value": float(v["value"].iloc[0])})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    provinces = ~frame["territory_id"].isin(list(extra) + [region])
    frame.loc[provinces, "rank"] = frame.loc[provinces, "value"].rank(ascending=False, method="min")
    return frame.sort_values("value", ascending=False).reset_index(drop=True)


def plan_figures(cat: Catalog, assessments: pd.DataFrame) -> list[tuple[str, dict, str]]:
    """The numbers of Kế hoạch 402-KH/TU the Method page and the README quote: (text key, params, value)."""
    out = []
    g = cat.values("tuyen_quang_old", "labour_productivity_growth_const")
    for y, v in zip(g["year"].astype(int), g["value"]):
        out.append(("pf_growth", {"year": y}, ("pct", float(v))))
    a = assessments.set_index("target_id")
    if "kh402_productivity_2025" in a.index:
        r = a.loc["kh402_productivity_2025"]
        if r["stat_q50"] is not None and not pd.isna(r["stat_q50"]):
            out.append(("pf_average", {}, ("range", float(r["stat_q50"]), float(r["stat_q10"]), float(r["stat_q90"]))))
            out.append(("pf_p", {}, ("pair", float(r["p_meet"]), float(r["p_meet_tolerant"]))))
    for tid in ("tuyen_quang_old", "tuyen_quang_merged"):
        r = ratios(cat, tid)
        for y, x in zip(r["year"], r["ratio"]):
            out.append(("pf_ratio", {"territory": tid, "year": int(y)}, ("share", float(x))))
        if len(r):
            out.append(("pf_needed", {"territory": tid},
                        ("pct", relative_growth_needed(float(r["ratio"].iloc[-1]), int(r["year"].iloc[-1])))))
    return out


def latest_values(cat: Catalog, territories: list[str]) -> pd.DataFrame:
    """Each indicator held by at least two of `territories`: its latest used value and year for each of them
    (indicator_id, territory_id, year, value)."""
    o = cat.used()
    o = o[o["territory_id"].isin(territories)]
    held = o.groupby("indicator_id")["territory_id"].nunique()
    o = o[o["indicator_id"].isin(held.index[held >= 2])].sort_values("year")
    last = o.groupby(["indicator_id", "territory_id"], sort=True).tail(1)
    return last[["indicator_id", "territory_id", "year", "value"]].assign(year=last["year"].astype(int)) \
        .sort_values(["indicator_id", "territory_id"]).reset_index(drop=True)


def cross_sections(cat: Catalog, region: str = "region_nmm", min_provinces: int = 5) -> dict[str, list[int]]:
    """Indicator -> the years in which at least `min_provinces` of the region's provinces (that year's map)
    have a used value: what can be compared across provinces."""
    o = cat.used()
    years = [int(y) for y in o["year"].unique()]
    maps = {y: set(members(cat.territories, region, y)) for y in years}
    o = o[o["territory_id"].isin(set().union(*maps.values()))]     # the region's provinces in any year
    pairs = o[["indicator_id", "year", "territory_id"]].drop_duplicates()
    pairs = pairs[[tid in maps[int(y)] for tid, y in zip(pairs["territory_id"], pairs["year"])]]
    counts = pairs.groupby(["indicator_id", "year"]).size()
    out: dict[str, list[int]] = {}
    for (iid, y), n in counts.items():
        if n >= min_provinces:
            out.setdefault(str(iid), []).append(int(y))
    return out


def cross_section(cat: Catalog, indicator: str, year: int, region: str = "region_nmm") -> pd.DataFrame:
    """The region's provinces (that year's map) with a used value of `indicator` in `year`: territory_id, value."""
    o = cat.used()
    g = o[(o["indicator_id"] == indicator) & (o["year"] == year)
          & o["territory_id"].isin(members(cat.territories, region, int(year)))]
    return g.drop_duplicates("territory_id")[["territory_id", "value"]].reset_index(drop=True)
