"""Scenario lab: every lever, presets, up to four scenarios side by side, the solver, a link to this view."""
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from models.scenario import LEVERS, PRESETS, Scenario, apply
from models.scrub import acting_levers
from models.solver import what_it_takes
from ui.charts import overlay_chart
from ui.i18n import fmt_number, fmt_percent, t
from ui.loaders import assessments, catalog, lab_grid, prepared
from ui.pack_content import overlay_preview
from ui.scrub_sync import slider_previews
from ui.state import share_link
from ui.widgets import CUSTOM, DEFAULT_TARGET, lang, lever_slider, scenario, scenario_label, set_scenario, target_label

lg = lang()
cat = catalog()
preps = prepared(lg)
st.title(t("lab_title", lg))

def _apply_preset() -> None:
    name = st.session_state["lab_preset"]
    set_scenario(Scenario(name, dict(PRESETS[name].values)))


# callbacks run before the next run, sidebar and all: one run answers a click (st.rerun() after it cost a second one)
c1, c2, c3 = st.columns([3, 1, 1])
preset = c1.selectbox(t("preset", lg), list(PRESETS), key="lab_preset", format_func=lambda p: t(f"scenario_{p}", lg),
                      index=list(PRESETS).index(scenario().name) if scenario().name in PRESETS else 0)
c2.button(t("apply_preset", lg), key="lab_apply", on_click=_apply_preset)
c3.button(t("reset", lg), key="lab_reset", on_click=set_scenario, args=(Scenario("baseline"),))
st.caption(t(f"preset_{preset}", lg))

cols = st.columns(2)
for i, lid in enumerate(LEVERS):
    lever_slider(lid, lg, cols[i % 2])

s = scenario()
saved = st.session_state.setdefault("saved_scenarios", {})
n1, n2 = st.columns([3, 1])
name = n1.text_input(t("scenario_name", lg), value=scenario_label(s, lg), key="lab_name", max_chars=60)
if n2.button(t("keep_for_compare", lg), key="lab_keep"):
    kept = name.strip() or scenario_label(s, lg)
    saved[kept] = replace(s, name=name.strip() or s.name)
    chosen_now = [x for x in st.session_state.get("lab_compare", []) if x != kept]
    st.session_state["lab_compare"] = (chosen_now + [kept])[-4:]    # a kept scenario is shown at once

def restore_from_link(params, codes: dict, with_p: list, outlooks: list) -> None:
    """Once per session: the compared scenarios, the chart's target and the solver's question from a shared link."""
    if st.session_state.get("lab_restored"):
        return
    st.session_state["lab_restored"] = True
    cmp = [codes[c] for c in str(params.get("cmp", "")).split(",") if c in codes]
    if cmp:
        st.session_state["lab_compare"] = cmp[:4]
    if params.get("focus") in with_p:
        st.session_state["lab_focus"] = params.get("focus")
    if params.get("solve") in outlooks:
        st.session_state["solver_target"] = params.get("solve")
    if params.get("slever") in LEVERS:
        st.session_state["solver_lever"] = params.get("slever")
    try:
        sp = float(params.get("sp", ""))
        if 0.5 <= sp <= 0.95:
            st.session_state["solver_p"] = round(sp * 20) / 20
    except ValueError:
        pass


# ---- compare up to four scenarios
current_label = f"▶ {t('active_scenario', lg)}"   # a fixed label, so moving a slider keeps it selected
options = {t("scenario_baseline", lg): PRESETS["baseline"], t("scenario_optimistic", lg): PRESETS["optimistic"],
           t("scenario_pessimistic", lg): PRESETS["pessimistic"], **saved, current_label: s}
CODES = {"baseline": t("scenario_baseline", lg), "optimistic": t("scenario_optimistic", lg),
         "pessimistic": t("scenario_pessimistic", lg), "current": current_label}   # what the link can carry
with_p = [tid for tid, p in preps.items() if p.fc is not None and not p.fc.insufficient]
labels = {r["target_id"]: target_label(r, lg, 60) for r in cat.targets.to_dict("records")}
outlooks = [tid for tid in with_p if acting_levers(preps[tid])]   # the solver's targets: a lever can move them
restore_from_link(st.query_params, CODES, with_p, outlooks)
chosen = st.multiselect(t("compare", lg), list(options), max_selections=4, key="lab_compare",
                        **({} if "lab_compare" in st.session_state else
                           {"default": [t("scenario_baseline", lg), current_label]}))
if chosen:
    table = {t("col_target", lg): [labels[tid] for tid in with_p]}
    for label in chosen:
        a = assessments(options[label]).set_index("target_id")
        table[label] = [fmt_percent(a.loc[tid, "p_meet"], lg) if pd.notna(a.loc[tid, "p_meet"]) else "–" for tid in with_p]
    st.subheader(t("compare_table", lg))
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key="lab_table")
    focus = st.selectbox(t("pick_target", lg), with_p, key="lab_focus", format_func=labels.get,
                         **({} if "lab_focus" in st.session_state else
                            {"index": with_p.index(DEFAULT_TARGET) if DEFAULT_TARGET in with_p else 0}))
    p = preps[focus]
    lines = {label: (p.fc.years, apply(p.fc, p.series.indicator_id, p.unit_en, options[label],
                                               p.series.territory_id)) for label in chosen}
    hist = pd.DataFrame({"year": p.series.values.index, "value": p.series.values.to_numpy()})
    row = cat.targets.set_index("target_id").loc[focus]
    fig = overlay_chart(lines, lg, title=labels[focus], history=hist,
                        unit=cat.indicator(p.series.indicator_id)[f"unit_{lg}"],
                        target=(int(row["target_year"]), float(row["value"])) if row["kind"] != "relative_to_region" else None)
    st.plotly_chart(fig, key="lab_chart", width="stretch")
    if current_label in chosen:    # a lever slider above redraws the active scenario's line at once, before the server
        slider_previews("lab_chart", [overlay_preview(fig, current_label, f"lever_{lid}", lab_grid(focus, s, lid))
                                      for lid in acting_levers(p)], s)

# ---- what it takes
st.subheader(t("solver_title", lg))
goal = lever = p_goal = None
if not outlooks:
    st.info(t("solver_nothing", lg))
else:
    d1, d2, d3 = st.columns([3, 2, 1])
    goal = d1.selectbox(t("solver_target", lg), outlooks, key="solver_target", format_func=labels.get,
                        **({} if "solver_target" in st.session_state else
                           {"index": outlooks.index(DEFAULT_TARGET) if DEFAULT_TARGET in outlooks else 0}))
    acting = acting_levers(preps[goal])
    if st.session_state.get("solver_lever") not in acting:      # a lever from a link or another target that cannot act
        st.session_state.pop("solver_lever", None)
    lever = d2.selectbox(t("solver_lever", lg), acting, key="solver_lever",
                         format_func=lambda lid: getattr(LEVERS[lid], f"label_{lg}"))
    p_goal = d3.slider(t("solver_p", lg), 0.5, 0.95, step=0.05, key="solver_p",
                       **({} if "solver_p" in st.session_state else {"value": 0.7}))
    sol = what_it_takes(preps[goal], lever, p_goal, s)
    lv = LEVERS[lever]
    if sol.already:
        st.success(t("solver_already", lg, p=fmt_percent(p_goal, lg)))
    elif sol.reachable:
        st.success(t("solver_result", lg, lever=getattr(lv, f"label_{lg}"), value=fmt_number(sol.value, lg, 1),
                     unit=getattr(lv, f"unit_{lg}"), p=fmt_percent(p_goal, lg)))
        value = min(lv.maximum, max(lv.minimum, round(np.ceil(sol.value / lv.step - 1e-9) * lv.step, 6)))
        st.button(t("solver_apply", lg), key="solver_apply", on_click=set_scenario,
                  args=(replace(s, name=CUSTOM, values={**s.values, lever: float(value)}),))
    elif sol.p_at_max is None:
        st.info(t("solver_no_forecast", lg))
    else:
        st.warning(t("solver_unreachable", lg, p=fmt_percent(p_goal, lg),
                     best=fmt_percent(max(sol.p_at_max, sol.p_at_min), lg)))

# ---- link that reopens this view
extra = {"lang": lg}
if st.session_state.get("target_id"):
    extra["target"] = st.session_state["target_id"]
back = {label: code for code, label in CODES.items()}
extra["cmp"] = ",".join(back[x] for x in chosen if x in back)      # kept scenarios live in this session only
if chosen:
    extra["focus"] = focus
if goal is not None:
    extra |= {"solve": goal, "slever": lever, "sp": f"{p_goal:g}"}
st.caption(t("share_link", lg))
st.code(share_link(str(st.context.url or ""), "kich-ban", s, extra), language=None)
