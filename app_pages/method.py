"""Method: how forecasts, probabilities and categories are computed, with formulas, and the backtest results."""
import json

import pandas as pd
import streamlit as st

from models import config
from models.backtest import by_method
from models.calibration import default as calibration
from ui.i18n import STRINGS, fmt_number, fmt_percent, t
from models.progress import LIKELIHOOD
from models.region import plan_figures
from models.reliability import bands_checked, collection_code
from models.scenario import PRESETS
from ui.loaders import assessments, backtest_summary, catalog, current_version, prepared
from ui.widgets import collections, lang, p_band, seen_range, seen_share

lg = lang()
st.title(t("method_title", lg))

st.markdown(t("method_body", lg))
st.latex(r"\hat P = \frac{1}{M}\sum_{m=1}^{M} \mathbf{1}[A_m], \qquad \mathrm{SE} = \sqrt{\hat P(1-\hat P)/M}")
st.caption(t("method_se", lg))
st.markdown(t("method_average_growth", lg))
st.latex(r"\Big(\prod_{t=t_0+1}^{T} (1+g_t)\Big)^{1/(T-t_0)} - 1 \ge g^*, \qquad "
         r"g_{req} = \Big(\frac{(1+g^*)^{T-t_0}}{\prod_{t\le t_{last}}(1+g_t)}\Big)^{1/(T-t_{last})} - 1")
st.markdown(t("method_un2023", lg))
st.latex(r"\hat y_T = y_t (1+\mathrm{CAGR}_a)^{T-t},\qquad P=\frac{\hat y_T-y_0}{y^*-y_0}")
st.caption(t("method_un2023_bands", lg, on_track=t("un_on_track", lg), fair=t("un_fair_progress", lg),
             stagnation=t("un_stagnation", lg)))
st.markdown(t("method_open_sdg", lg))
st.latex(r"R = \mathrm{sign}(y_0)\, d\, \frac{\mathrm{CAGR}_a}{|\mathrm{CAGR}_r|}")
edges = [edge for edge, _ in LIKELIHOOD]
bands = [f"≥ {fmt_percent(edges[0], lg)}"] + [f"{fmt_percent(lo, lg)} – {fmt_percent(hi, lg)}"
                                              for lo, hi in zip(edges[1:-1], edges[:-2])] + [f"< {fmt_percent(edges[-2], lg)}"]
st.dataframe(pd.DataFrame({t("col_probability", lg): bands,
                           t("col_phrase", lg): [t(f"likelihood_{code}", lg) for _, code in LIKELIHOOD]}),
             hide_index=True, key="words_table")
st.caption(t("words_caption", lg))

st.subheader(t("plan_figures_title", lg))
terr_names = dict(zip(catalog().territories["territory_id"], catalog().territories[f"name_{lg}"]))
prepared(lg)
rows = []
for key, params, val in plan_figures(catalog(), assessments(PRESETS["baseline"])):
    label = t(key, lg, **{k: (terr_names[v] if k == "territory" else v) for k, v in params.items()},
              **({"name": terr_names[params["territory"]]} if "territory" in params else {}))
    kind = val[0]
    if kind == "pct":
        text = fmt_number(val[1], lg, 2) + "%"
    elif kind == "range":
        text = f"{fmt_number(val[1], lg, 2)}% ({fmt_number(val[2], lg, 2)}–{fmt_number(val[3], lg, 2)}%)"
    elif kind == "pair":
        text = f"{fmt_percent(val[1], lg)} / {fmt_percent(val[2], lg)}"
    else:
        text = fmt_percent(val[1], lg, 1)
    rows.append({t("col_indicator", lg): label, t("col_value", lg): text})
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="plan_figures")
st.caption(t("pf_rule", lg))

st.subheader(t("calibration_title", lg))
cal = calibration()
results = config.CALIBRATION_RESULTS


def collection_name(name: str) -> str:
    """'L1: PWT 9.1 (even countries)' in the active language (the code before ':' names it)."""
    code = collection_code(name)
    return t(f"collection_{code}", lg) if f"collection_{code}" in STRINGS else name


def cover_pair(before: list, after: list) -> str:
    return (f"{fmt_percent(before[0], lg)} / {fmt_percent(before[1], lg)} → "
            f"{fmt_percent(after[0], lg)} / {fmt_percent(after[1], lg)}")


def rough_table(summary: dict) -> None:
    """The evidence for the trend models' roughness term: full-history cover without and with it, smoothest and roughest."""
    rows = []
    for block in summary.get("collections", []):
        b = block["regimes"].get("full") or {}
        if "by_rough" not in b:
            continue
        bins = {tuple(x["bin"]): x for x in b["by_rough"]}
        row = {t("col_collection", lg): collection_name(block["collection"]),
               t("col_rough_all", lg): cover_pair(b["cover_plain"], b["cover"])}
        for key, edge in (("col_rough_smooth", (0.0, 0.3)), ("col_rough_rough", (0.9, 9.0))):
            x = bins.get(edge)
            row[t(key, lg)] = f"{cover_pair(x['plain'], x['shipped'])} ({fmt_number(x['n'], lg, 0)})" if x else "–"
        rows.append(row)
    d = (cal.params.get("trend", {}).get("d") if cal is not None else None)
    if rows and d is not None:
        st.markdown(f"**{t('rough_title', lg)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="calib_roughness")
        st.caption(t("rough_caption", lg, d=fmt_number(d, lg, 1)))


def shrink_table(summary: dict) -> None:
    """The evidence for the short trend's roughness-scaled shrinkage: MASE and median share on the last 5–8 points,
    the rule before (m/(m+1)) → the shipped one (m/(m + r²))."""
    rows = []
    for block in summary.get("collections", []):
        change = block.get("rough_shrink_change")    # benchmarks/calibrate.py: MASE over the 5–8-point records
        if change is None:
            continue
        row = {t("col_collection", lg): collection_name(block["collection"])}
        for regime in ("last_5", "last_6", "last_8"):
            v = (block["regimes"].get(regime) or {}).get("variants", {})
            new, old = v.get("constrained_trend"), v.get("ct_r0")
            row[t("regime_" + regime, lg)] = (f"{fmt_number(old['mase'], lg, 3)} / {fmt_number(old['q50'], lg, 2)} → "
                                              f"{fmt_number(new['mase'], lg, 3)} / {fmt_number(new['q50'], lg, 2)}"
                                              if new and old else "–")
        row[t("col_shrink_change", lg)] = ("+" if change > 0 else "−" if change < 0 else "") + fmt_percent(abs(change), lg, 1)
        rows.append(row)
    if rows:
        st.markdown(f"**{t('shrink_title', lg)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="calib_shrink_rough")
        st.caption(t("shrink_caption", lg))


def checked_table(short: bool | None) -> None:
    """How often the held-out backtests' events happened when the app said a P in each band: the check the target page
    prints beside one probability, for every band at once (models/reliability). `short`: as bands_checked takes it."""
    key = {True: "short", False: "long", None: "growth"}[short]
    rows = [{t("col_app_said", lg): p_band(c.band, lg),
             t("col_happened", lg): seen_range(c.observed, lg),
             **({t("col_on_gso", lg): seen_share(c.gso, lg) if c.gso is not None else "–"} if short else {}),
             t("col_cases", lg): f"{fmt_number(c.events, lg, 0)} ({collections(c.collections, lg)})"}
            for c in bands_checked(short)]
    if rows:
        st.markdown(f"**{t('checked_title_' + key, lg)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"checked_{key}",
                     height=35 * (len(rows) + 1) + 3)          # every band in view, no inner scroll on a projector


def reliability_table(summary: dict) -> None:
    """P(meet) reliability per collection, both regimes: the largest gap over deciles with 30+ events, and Brier beside
    the base rate's (what issue 12's acceptance reads; benchmarks/calibrate.py)."""
    rows = []
    for block in summary.get("collections", []):
        row = {t("col_collection", lg): collection_name(block["collection"])}
        for regime in ("short_all", "full"):
            r = block["regimes"].get(regime, {}).get("reliability") or {}
            gap = r.get("max_gap")
            row[t(f"col_gap_{regime}", lg)] = "–" if gap is None else t("n_pp", lg, n=fmt_number(gap * 100, lg, 1))
            row[t(f"col_brier_{regime}", lg)] = ("–" if "brier" not in r else
                                                 f"{fmt_number(r['brier'], lg, 3)} / {fmt_number(r['base'], lg, 3)}")
        rows.append(row)
    if rows:
        st.markdown(f"**{t('reliability_title', lg)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="calib_reliability")
        st.caption(t("reliability_caption", lg))


def growth_average_table() -> None:
    """The check of what the growth targets read: the five-year average's cover, before → now (benchmarks/growth_average.py)."""
    now_file = config.GROWTH_AVERAGE_RESULTS
    before_file = now_file.with_name(now_file.stem + "_before.json")
    if not (now_file.exists() and before_file.exists()):
        return
    now, before = (json.loads(f.read_text(encoding="utf-8"))["groups"] for f in (now_file, before_file))
    rows = []
    for group in ("pwt:learn", "pwt:check", "panels:learn", "panels:check"):
        pick = {k: {r["n"]: r for r in v.get(group, []) if r["window"] == 5 and r["gap"] == 1} for k, v in
                (("now", now), ("before", before))}
        if not pick["now"]:
            continue
        row = {t("col_collection", lg): t(f"growth_avg_group_{group}", lg)}
        for n in (2, 3, 5, 8):
            a, b = pick["before"].get(n), pick["now"].get(n)
            row[t("col_n_points", lg, n=n)] = cover_pair(a["cover"], b["cover"]) if a and b else "–"
        rows.append(row)
    if rows:
        st.markdown(f"**{t('growth_avg_title', lg)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="calib_growth_average")
        st.caption(t("growth_avg_caption", lg))


if results.exists():
    summary = json.loads(results.read_text(encoding="utf-8"))
    learned = [b for b in summary.get("collections", []) if collection_code(b["collection"]).startswith("L")]
    if cal is not None and learned:
        st.caption(t("learned_on", lg, collections="; ".join(
            f"{collection_name(b['collection'])} ({t('n_series', lg, n=b['series'])}"
            + (f", {t('learned_short_only', lg)})" if "teaches" in b and "trend" not in b["teaches"] else ")")
            for b in learned)))
    for regime in ("full", "last_2", "last_3", "last_5", "last_6", "last_8"):
        st.markdown(f"**{t('regime_' + regime, lg)}**")
        rows = []
        for block in summary.get("collections", []):
            b = block["regimes"].get(regime)
            if not b or b.get("ours") is None:
                continue
            simple = {m: v for m, v in b["mase"].items() if m in ("ets", "theta", "drift", "naive")}
            best = min(simple, key=simple.get)
            rows.append({t("col_collection", lg): collection_name(block["collection"]), t("col_forecasts", lg): b["n"],
                         t("col_ours", lg): fmt_number(b["ours"], lg, 3),
                         t("col_best_simple", lg): f"{fmt_number(simple[best], lg, 3)} ({t('method_' + best, lg)})",
                         t("col_naive", lg): fmt_number(simple.get("naive"), lg, 3),
                         t("col_cover", lg): f"{fmt_percent(b['cover_raw'][0], lg)} / {fmt_percent(b['cover_raw'][1], lg)} → "
                                             f"{fmt_percent(b['cover'][0], lg)} / {fmt_percent(b['cover'][1], lg)}",
                         t("col_below", lg): " / ".join(fmt_number(b["quantiles"][p], lg, 2) for p in ("0.1", "0.5", "0.9"))})
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"calib_{regime}")
    rows = []
    for block in summary.get("collections", []):
        for regime in ("last_6", "last_8"):
            b = block["regimes"].get(regime) or {}
            e = b.get("ensemble_instead")
            if e and b.get("ours") is not None:
                rows.append({t("col_collection", lg): collection_name(block["collection"]), t("col_points", lg): int(regime[-1]),
                             t("col_mase_ct_ens", lg): f"{fmt_number(b['ours'], lg, 3)} / {fmt_number(e['mase'], lg, 3)}",
                             t("col_cover_ct", lg): f"{fmt_percent(b['cover'][0], lg)} / {fmt_percent(b['cover'][1], lg)}",
                             t("col_cover_ens", lg): f"{fmt_percent(e['cover'][0], lg)} / {fmt_percent(e['cover'][1], lg)}"})
    if rows:
        st.markdown(f"**{t('ensemble_instead_title', lg)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="calib_ensemble_instead")
        st.caption(t("ensemble_instead_caption", lg))
    rough_table(summary)
    shrink_table(summary)
    growth_average_table()
    reliability_table(summary)
    checked_table(True)
    checked_table(None)
    st.caption(t("checked_caption", lg))
    st.caption(t("calibration_caveat", lg))

st.subheader(t("backtest_title", lg))
bt = backtest_summary(current_version())
if len(bt):
    agg = by_method(bt)
    st.dataframe(pd.DataFrame({
        t("col_method", lg): [t(f"method_{m}", lg) for m in agg["method"]],
        "MASE": [fmt_number(x, lg, 3) for x in agg["mase"]],
        t("col_cover80", lg): [fmt_percent(x, lg, 1) for x in agg["coverage80"]],
        t("col_cover95", lg): [fmt_percent(x, lg, 1) for x in agg["coverage95"]],
        t("col_n_forecasts", lg): agg["n"].astype(int), t("col_n_series", lg): agg["series"].astype(int)}),
        hide_index=True, key="backtest_table")
else:
    st.info(t("no_backtest_yet", lg))
