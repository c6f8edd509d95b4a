"""Target detail: history, baseline and scenario fans, P(meet) in words, the catch-up number, the model card."""
import pandas as pd
import streamlit as st

from models.assess import CHECKED_HORIZON, evaluate, qualitative_evidence, shown_forecast
from models.calibration import default as calibration
from models.scenario import EFFECTS, LEVERS, PRESETS
from models.scrub import acting_levers, main_lever
from models.export import to_csv_bytes, to_xlsx_bytes
from ui.pack_content import chart_data, fan_preview, scrub_spec, target_figure
from ui.i18n import fmt_auto, fmt_date, fmt_number, fmt_percent, t
from ui.scrub_sync import hand_over, scrub_sync, slider_previews
from ui.loaders import backtest_summary, catalog, current_version, lever_grid, prepared, requests
from ui.widgets import (DEFAULT_TARGET, catch_up_label, catch_up_text, estimate_text, filled_lines, interim_form, lang, lever_lines,
                        lever_slider, p_check, p_text, request_frame, requests_xlsx, scenario, scenario_label, series_why, state_text,
                        sync_url, target_label)

lg = lang()
cat = catalog()
preps = prepared(lg)
targets = cat.targets.set_index("target_id")
ids = list(targets.index)
if st.session_state.get("target_id") not in ids:
    linked = st.query_params.get("target")
    st.session_state["target_id"] = linked if linked in ids else (DEFAULT_TARGET if DEFAULT_TARGET in ids else ids[0])
labels = {tid: target_label(targets.loc[tid].to_dict() | {"target_id": tid}, lg, 90) for tid in ids}
tid = st.selectbox(t("pick_target", lg), ids, key="target_id", format_func=labels.get)
row = targets.loc[tid].to_dict() | {"target_id": tid}
prep = preps[tid]
doc = cat.documents.set_index("document_id").loc[row["document_id"]]
names = cat.labels("indicators", lg)
terr = cat.labels("territories", lg)
st.title(row[f"clause_{lg}"])
st.caption(f"{doc['number']} ({fmt_date(doc['date'], lg)}) · {doc[f'issuer_{lg}']} · {terr[row['assess_territory_id']]} · "
           f"{int(row['target_year'])}")


@st.fragment
def live_part():
    """Metrics, chart and levers: a slider move reruns only this part (the rest of the page stays)."""
    s = scenario()
    base = evaluate(prep).to_dict()
    now = evaluate(prep, s).to_dict()
    shown = shown_forecast(prep, s)
    scen_paths = shown[1] if shown is not None else None   # applied once per move: the chart and the downloads read it

    c1, c2, c3 = st.columns(3)
    if now["state"] == "verdict":
        c1.metric(t("state_verdict", lg), t(f"verdict_{now['verdict']}", lg))
    else:
        delta = None
        if now["p_meet"] is not None and base["p_meet"] is not None and s.key() != PRESETS["baseline"].key():
            delta = f"{(now['p_meet'] - base['p_meet']) * 100:+.0f} pp"
        c1.metric(t("p_meet_metric", lg), p_text(now, lg), delta=delta, help=now[f"phrase_{lg}"] or None)
        if now[f"phrase_{lg}"]:
            c1.markdown(f"**{now[f'phrase_{lg}']}**")
    c2.metric(catch_up_label(now, lg), catch_up_text(now, lg, short=True))
    if now["last_year"] is not None:
        c3.metric(t("last_value_metric", lg, year=now["last_year"]), fmt_auto(now["last_value"], lg))
    st.caption(state_text(now, lg))
    if now[f"warn_{lg}"]:
        st.warning(now[f"warn_{lg}"])

    if now["state"] == "qualitative":
        st.info(t("qualitative_sentence", lg))
    elif now["state"] == "insufficient":
        st.warning(t("insufficient_sentence", lg, reason=now[f"reason_{lg}"] or now[f"notes_{lg}"] or "–"))
    if now["state"] == "nowcast":
        st.info(t("nowcast_note", lg, year=int(row["target_year"])))
    if now["estimated_years"]:
        st.markdown(t("nowcast_years", lg, observed=now["observed_years"] or "–", estimated=now["estimated_years"]))
        with st.expander(t("nowcast_year_lines", lg)):
            st.markdown("\n".join(f"- {line}" for line in filled_lines(prep, lg)))
    if now["stat_q50"] is not None:
        q = {k: fmt_number(now[f"stat_{k}"], lg, 2) for k in ("q10", "q50", "q90")}
        if row["kind"] == "relative_to_region":
            st.caption(t("stat_interval_ratio", lg, year=int(row["target_year"]), **q))
        else:
            st.caption(t("stat_interval_growth", lg, span=f"{int(row['base_year']) + 1}–{int(row['target_year'])}", **q))
    if now["p_meet_tolerant"] is not None:
        st.caption(t("p_tolerant", lg, value=fmt_auto(float(row["value"]), lg),
                     low=fmt_auto(float(row["value"]) - float(row["tolerance"]), lg),
                     p=fmt_percent(now["p_meet_tolerant"], lg)))
    if now["rests_on_estimate"]:
        st.warning(t("rests_on_estimate", lg, inputs=estimate_text(cat, now["estimate_inputs"], lg)))
    if now["low_evidence"]:
        st.warning(t("low_evidence_note_one" if now["n_points"] == 1 else "low_evidence_note", lg, n=now["n_points"]))
    if now["beyond_checked"]:
        st.warning(t("beyond_horizon", lg, h=now["horizon"], checked=CHECKED_HORIZON))
    check = p_check(prep, now, lg)
    if check:
        st.caption(check)

    main = main_lever(prep)
    scrub = scrub_spec(prep, s, main, lever_grid(tid, s, main), lg) if main else None
    fig = target_figure(cat, prep, s, lg, row, scenario_paths=scen_paths, scrub=scrub)
    if fig is not None:
        if scrub:
            hand_over(fig)
        st.plotly_chart(fig, key="target_chart", width="stretch",
                        config={"toImageButtonOptions": {"format": "png", "scale": 3, "filename": tid}})
        if scrub:
            scrub_sync("target_chart", main, s, f"lever_{main}")   # joined to the lever's slider below, both ways
            st.caption(t("scrub_hint", lg))
        d1, d2, _ = st.columns([1, 1, 4])
        # exactly what the chart shows, formulas neutralised; built only when clicked
        d1.download_button(t("download_chart_csv", lg), lambda: to_csv_bytes(chart_data(cat, prep, s, scen_paths), lg),
                           file_name=f"{tid}.csv", mime="text/csv", key="chart_csv")
        d2.download_button(t("download_chart_xlsx", lg),
                           lambda: to_xlsx_bytes({"chart": chart_data(cat, prep, s, scen_paths)}, lg),
                           file_name=f"{tid}.xlsx", key="chart_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    levers = acting_levers(prep)       # only levers that can move this target (territory, start year)
    st.subheader(t("levers_here", lg))
    if levers:
        cols = st.columns(min(len(levers), 3))
        for i, lid in enumerate(levers):
            lever_slider(lid, lg, cols[i % len(cols)])
    elif EFFECTS.get(row["indicator_id"]) and (prep.fc is None or prep.fc.insufficient):
        names_ = ", ".join(getattr(LEVERS[lid], f"label_{lg}") for lid, _ in EFFECTS[row["indicator_id"]])
        st.caption(t("levers_need_forecast", lg, levers=names_))
    elif EFFECTS.get(row["indicator_id"]):
        st.caption(t("levers_not_here", lg, year=int(row["target_year"])))
    else:
        st.caption(t("no_levers_here", lg))

    st.caption(f"{t('active_scenario', lg)}: {scenario_label(s, lg)}" + (" – " + "; ".join(lever_lines(s, lg)) if lever_lines(s, lg) else ""))
    sync_url()   # a fragment rerun skips app.py: the address bar follows the levers from here
    if scrub and fig is not None:
        # the other levers' sliders redraw the fan at once too (their steps under the current scenario); last, so
        # the metrics, the sliders, the caption and the address bar of this move are on their way before they are built
        slider_previews("target_chart", [fan_preview(fig, s, main, lid, lever_grid(tid, s, lid), lg)
                                         for lid in levers if lid != main], s)
    return now


now = live_part()

st.subheader(t("clause", lg))
st.markdown(f"> {row[f'clause_{lg}']}")
for rel in ("conflicts_with", "supersedes"):
    for other in [x for x in str(row[rel]).split(";") if x]:
        o_row = targets.loc[other]
        st.markdown(f"- **{t('conflicts' if rel == 'conflicts_with' else 'supersedes', lg)}:** "
                    f"{o_row[f'clause_{lg}']} ({cat.document_label(o_row['document_id'], lg)}, "
                    f"{int(o_row['target_year'])})")

if row["evidence_indicators"]:
    ev = qualitative_evidence(cat, row)
    if ev:
        st.subheader(t("evidence_title", lg))
        st.dataframe(pd.DataFrame({
            t("col_indicator", lg): [names[e["indicator_id"]] for e in ev],
            t("col_territory", lg): [terr[e["territory_id"]] for e in ev],
            t("col_year", lg): [e["year"] for e in ev],
            t("col_value", lg): [fmt_auto(e["value"], lg) for e in ev]}), hide_index=True, width="stretch")

needed = [r for r in requests() if r.target_id == tid]
if needed:
    st.subheader(t("requests_here", lg))
    st.dataframe(request_frame(cat, needed, lg).drop(columns=[t("col_target", lg)]), hide_index=True, width="stretch",
                 key="target_requests")
    st.download_button(t("requests_download", lg), data=lambda: requests_xlsx(cat, needed, lg),
                       file_name=f"so_lieu_can_bo_sung_{tid}.xlsx", key="target_requests_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    interim_form(cat, row, prep, lg)

with st.expander(t("model_card", lg), expanded=False):
    bt = backtest_summary(current_version())
    card = {t("mc_method", lg): t(f"method_{prep.fc.method}", lg) if prep.fc else "–",
            t("mc_series", lg): cat.series_label(now["series"], lg) if now["series"] else "–",
            t("mc_series_why", lg): series_why(cat, prep.series, lg) if prep.series is not None else "–",
            t("mc_points", lg): now["n_points"],
            t("col_evidence", lg): t(f"evidence_{now['evidence']}", lg),
            t("mc_calibrated", lg): t("yes" if now["calibrated"] else "no", lg)}
    if prep.fc is not None and not prep.fc.insufficient and prep.fc.calibrated and calibration() is not None:
        k = calibration().factor(prep.fc.method, prep.fc.n_obs, prep.fc.years.size, prep.fc.roughness)
        card[t("mc_widening", lg)] = (f"{fmt_number(k[0], lg, 2)} ({int(prep.fc.years[0])}) → "
                                      f"{fmt_number(k[-1], lg, 2)} ({int(prep.fc.years[-1])})")
    used = prep.fc.method if prep.fc is not None else "ensemble"
    mine = bt[bt["series_id"] == now["series"]] if len(bt) else bt
    own, naive = mine[mine["method"] == used], mine[mine["method"] == "naive"]
    text = (f"{fmt_number(own['mase'].iloc[0], lg, 2)} / {fmt_percent(own['coverage80'].iloc[0], lg)}"
            if len(own) else t("mc_no_backtest", lg))
    if len(own) and len(naive):
        text += " · " + t("mc_vs_naive", lg, mase=fmt_number(naive["mase"].iloc[0], lg, 2))
    card[t("mc_backtest", lg)] = text
    if now.get("open_sdg_category") and now["open_sdg_category"] != "not_applicable":   # the second progress measure
        ratio = now.get("open_sdg_value")
        card[t("mc_open_sdg", lg)] = t(f"open_sdg_{now['open_sdg_category']}", lg) + (
            f" (R = {fmt_number(ratio, lg, 2)})" if ratio is not None and not pd.isna(ratio) else "")
    st.table(pd.DataFrame({"": list(card), " ": [str(v) for v in card.values()]}).set_index(""))
    if now[f"notes_{lg}"]:
        st.caption(f"{t('notes', lg)}: {now[f'notes_{lg}']}")
