"""The data-request list ("Số liệu cần bổ sung"): for every target that is insufficient, nowcast or
low-evidence, the exact figures that would change its assessment, who holds them, and what the
assessment would become with them.

A request is a coded record (texts live in the catalogue of texts); `request_template` turns the
list into an upload template a statistics office can fill in, which the Data page accepts back
unchanged (blank values are skipped).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd

from models.catalog import SPECS, Catalog

# Who publishes what (the holder code names a text: publisher and table, in Vietnamese and English).
HOLDERS = {
    "employed_15plus": "stats_labour",
    "labour_force_15plus": "stats_labour",
    "labour_productivity_current": "stats_productivity",
    "labour_productivity_growth_const": "stats_productivity",
    "grdp_growth_const": "stats_grdp",
    "grdp_current": "stats_grdp",
    "grdp_per_capita_current": "stats_grdp",
    "population_average": "stats_population",
    "digital_economy_share_gdp_pct": "stats_digital_economy",
    "population_5g_coverage_pct": "operators_coverage",
    "bts_5g_sites": "operators_coverage",
    "broadband_communes_pct": "dost_infrastructure",
    "villages_ftth_pct": "dost_infrastructure",
    "villages_mobile_coverage_pct": "dost_infrastructure",
    "villages_mobile_broadband_pct": "dost_infrastructure",
    "households_ftth_pct": "dost_infrastructure",
    "households_internet_pct": "dost_infrastructure",
    "mobile_broadband_subs_per_100": "dost_infrastructure",
    "fixed_download_mbps": "dost_infrastructure",
    "adults_smartphone_pct": "dost_infrastructure",
    "population_smartphone_pct": "dost_infrastructure",
}
DEFAULT_HOLDER = "stats_yearbook"


@dataclass
class DataRequest:
    target_id: str
    indicator_id: str
    territory_id: str
    years: list[int]
    holder: str                     # text key: who publishes it and in which table
    effect: str                     # text key: what the assessment becomes with it
    params: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"target_id": self.target_id, "indicator_id": self.indicator_id, "territory_id": self.territory_id,
                "years": ", ".join(map(str, self.years)), "holder": self.holder, "effect": self.effect,
                "params": self.params}


def _holder(indicator_id: str) -> str:
    return HOLDERS.get(indicator_id, DEFAULT_HOLDER)


def _published_years(cat: Catalog, territory: str, indicator: str) -> set[int]:
    return set(cat.values(territory, indicator)["year"].astype(int))


def _for_nowcast(cat: Catalog, prep) -> list[DataRequest]:
    """An average-growth window with estimated years: the inputs of each estimated year."""
    out = []
    tid, terr, ind = prep.target["target_id"], prep.series.territory_id, prep.target["indicator_id"]
    for y, f in sorted(prep.filled.items()):
        if f.how != "estimated":
            continue
        if ind == "labour_productivity_growth_const":
            if f.params.get("grdp") != "nc_grdp_published":
                out.append(DataRequest(tid, "grdp_growth_const", terr, [y], _holder("grdp_growth_const"),
                                       "eff_year_observed", {"year": y}))
            employment = f.params.get("employment")
            if employment == "nc_employment_break":
                out.append(DataRequest(tid, "employed_15plus", terr, [y - 1], _holder("employed_15plus"),
                                       "eff_break_bridged", {"year": y, "prev": y - 1}))
            elif employment != "nc_employment_published":
                have = _published_years(cat, terr, "employed_15plus")
                years = [x for x in (y - 1, y) if x not in have]
                out.append(DataRequest(tid, "employed_15plus", terr, years or [y], _holder("employed_15plus"),
                                       "eff_year_observed", {"year": y}))
        else:
            out.append(DataRequest(tid, ind, terr, [y], _holder(ind), "eff_year_observed", {"year": y}))
    return out


def requests_for(cat: Catalog, prep, a: dict, as_of: int) -> list[DataRequest]:
    """What would change this target's assessment (empty when nothing is missing)."""
    t = prep.target
    tid, kind = t["target_id"], t["kind"]
    if kind == "qualitative" or not t["indicator_id"]:
        return []
    ind, terr, T = t["indicator_id"], t["assess_territory_id"], int(t["target_year"])
    state = a["state"]
    if state == "verdict":
        return []
    out: list[DataRequest] = []
    if prep.filled and any(f.how == "estimated" for f in prep.filled.values()):
        out += _for_nowcast(cat, prep)
    if kind == "relative_to_region":
        ref = t["reference_territory_id"]
        last = int(prep.ratio.index[-1]) if prep.ratio is not None and len(prep.ratio) else None
        years = [y for y in range((last or as_of - 5) + 1, as_of)]
        n = int(len(prep.ratio)) if prep.ratio is not None else 0
        for where in (terr, ref) if years else ():
            out.append(DataRequest(tid, ind, where, years, _holder(ind), "eff_ratio_longer", {"n": n, "m": n + len(years)}))
        return out
    if state == "nowcast" and not out:      # a passed level target whose year is not published yet
        out.append(DataRequest(tid, ind, terr, [T], _holder(ind), "eff_verdict", {"year": T}))
    if state == "insufficient" and not out:
        have = sorted(_published_years(cat, terr, ind) | (_published_years(cat, t["territory_id"], ind)
                                                           if t["territory_id"] != terr else set()))
        if T < as_of:
            out.append(DataRequest(tid, ind, terr, [T], _holder(ind), "eff_verdict", {"year": T}))
            if not have:
                out.append(DataRequest(tid, ind, terr, [T - 1], _holder(ind), "eff_first_point", {}))
        else:
            last = max(have) if have else None
            years = [y for y in range((last + 1) if last else as_of - 2, as_of)] or [as_of - 1]
            out.append(DataRequest(tid, ind, terr, years, _holder(ind),
                                   "eff_forecast_possible" if len(have) + len(years) >= 2 else "eff_first_point",
                                   {"n": len(have), "m": len(have) + len(years)}))
    elif a.get("low_evidence") and prep.series is not None and not out:
        series_years = set(int(y) for y in prep.series.values.index)
        last = max(series_years)
        gaps = [y for y in range(min(series_years), last) if y not in series_years]
        newer = [y for y in range(last + 1, min(T, as_of))]
        years = gaps + newer
        if years:
            out.append(DataRequest(tid, ind, prep.series.territory_id, years, _holder(ind), "eff_more_points",
                                   {"n": int(a.get("n_points") or 0), "m": int(a.get("n_points") or 0) + len(years)}))
    return out


def _to_parts(cat: Catalog, r: DataRequest) -> list[DataRequest]:
    """A merged territory's summed figures are published for its parts: ask for the parts' figures."""
    from models.derive import MERGED_PARTS

    parts = MERGED_PARTS.get(r.territory_id)
    if not parts or r.indicator_id not in ("grdp_growth_const", "employed_15plus", "grdp_current"):
        return [r]
    out = []
    for p in parts:
        missing = [y for y in r.years if y not in _published_years(cat, p, r.indicator_id)]
        if missing:
            out.append(DataRequest(r.target_id, r.indicator_id, p, missing, r.holder, r.effect, r.params))
    return out or [r]


def all_requests(cat: Catalog, prepared: dict, assessments: pd.DataFrame, as_of: int) -> list[DataRequest]:
    by_id = assessments.set_index("target_id")
    out = []
    for tid, prep in prepared.items():
        for r in requests_for(cat, prep, by_id.loc[tid].to_dict(), as_of):
            out += _to_parts(cat, r)
    return out


def vintage_for(cat: Catalog, territory: str, indicator: str, year: int) -> str:
    """The vintage a requested figure belongs in: the series' own vintage for that year when one exists."""
    o = cat.values(territory, indicator)
    if indicator in ("employed_15plus", "trained_labour_share_pct"):
        return "gso_pxweb_2021_concept" if year >= 2021 else "gso_pxweb_pre2021"
    if len(o):
        return str(o["vintage"].iloc[-1])
    return "main"


def request_rows(cat: Catalog, requests: list[DataRequest], note_of) -> pd.DataFrame:
    """One blank observation row per requested figure (value empty), deduplicated; `note_of(request)` says why."""
    rows = []
    seen = set()
    for r in requests:
        for y in r.years:
            key = (r.territory_id, r.indicator_id, y)
            if key in seen:
                continue
            seen.add(key)
            rows.append({"territory_id": r.territory_id, "indicator_id": r.indicator_id,
                         "vintage": vintage_for(cat, r.territory_id, r.indicator_id, y), "year": y,
                         "period_start": pd.NA, "value": pd.NA, "qualifier": "", "status": "official",
                         "source_id": "", "preferred": True, "year_inferred": False, "formula": "",
                         "note": note_of(r)})
    return pd.DataFrame(rows, columns=SPECS["observations"].names)


def request_template(cat: Catalog, rows: pd.DataFrame, guidance: pd.DataFrame) -> bytes:
    """XLSX: 'observations' with the requested figures blank, an empty 'sources' sheet and the guidance."""
    buf = io.BytesIO()
    out = rows.copy()
    out["year"] = out["year"].astype(int)
    out["period_start"] = out["period_start"].astype("Int64")
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        out.to_excel(xw, sheet_name="observations", index=False)
        pd.DataFrame(columns=SPECS["sources"].names).to_excel(xw, sheet_name="sources", index=False)
        guidance.to_excel(xw, sheet_name="huong_dan", index=False)
    return buf.getvalue()


def interim_upload(territory: str, indicator: str, vintage: str, values: list[tuple[int, float]], publisher: str,
                   title: str, url: str, note: str, when: str) -> bytes:
    """An upload (XLSX) of interim figures with status 'estimate' and their new source, for the Data store."""
    import hashlib

    sid = "interim_" + hashlib.sha1(f"{publisher}|{title}|{url}|{when}".encode()).hexdigest()[:8]
    rows = pd.DataFrame([{"territory_id": territory, "indicator_id": indicator, "vintage": vintage, "year": int(y),
                          "period_start": pd.NA, "value": float(v), "qualifier": "", "status": "estimate",
                          "source_id": sid, "preferred": True, "year_inferred": False, "formula": "",
                          "note": f"interim estimate entered {when}; {note}".strip("; ")} for y, v in values],
                        columns=SPECS["observations"].names)
    src = pd.DataFrame([{"source_id": sid, "publisher": publisher, "title": title, "url": url, "published": "",
                         "reliability": "low", "note": "interim estimate entered from the target card"}],
                       columns=SPECS["sources"].names)
    rows["period_start"] = rows["period_start"].astype("Int64")
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        rows.to_excel(xw, sheet_name="observations", index=False)
        src.to_excel(xw, sheet_name="sources", index=False)
    return buf.getvalue()
