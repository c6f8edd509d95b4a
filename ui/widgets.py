"""Shared widgets: language, active-scenario summary, lever sliders, target labels, status lights."""
from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import streamlit as st

from models.scenario import LEVERS, PRESETS, Scenario
from ui.i18n import fmt_number, fmt_percent, t
from ui.state import params_to_scenario

DEFAULT_TARGET = "qd325_grdp_growth_2030"


def lang() -> str:
    return st.session_state.get("lang", "vi")


def scenario() -> Scenario:
    if "scenario" not in st.session_state:
        st.session_state["scenario"] = params_to_scenario(dict(st.query_params.to_dict()))
    return st.session_state["scenario"]


def set_scenario(s: Scenario) -> None:
    st.session_state["scenario"] = s


def scenario_label(s: Scenario, lg: str) -> str:
    if s.name in PRESETS and s.values == PRESETS[s.name].values:
        return t(f"scenario_{s.name}", lg)
    if not any(float(v) for v in s.values.values()):
        return t("scenario_baseline", lg)
    return s.name if s.name not in ("baseline", "s") else t("scenario_custom", lg)


def lever_lines(s: Scenario, lg: str) -> list[str]:
    out = []
    for lid, v in sorted(s.values.items()):
        if float(v) == 0:
            continue
        lv = LEVERS[lid]
        out.append(f"{getattr(lv, 'label_' + lg)}: {fmt_number(float(v), lg, 1)} {getattr(lv, 'unit_' + lg)}")
    return out


def sidebar_scenario(lg: str) -> None:
    s = scenario()
    st.sidebar.markdown(f"**{t('active_scenario', lg)}:** {scenario_label(s, lg)}")
    lines = lever_lines(s, lg)
    st.sidebar.caption("\n".join(f"- {x}" for x in lines) if lines else t("no_levers", lg))


def _lever_changed(lever_id: str, key: str) -> None:
    s = scenario()
    values = {**s.values, lever_id: float(st.session_state[key])}
    name = s.name if s.name not in PRESETS else "custom"
    set_scenario(replace(s, name=name, values=values))


def lever_slider(lever_id: str, lg: str, container=None) -> float:
    """A slider bound to the active scenario (kept in session state, so it survives page changes)."""
    lv = LEVERS[lever_id]
    key = f"lever_{lever_id}"
    current = scenario().value(lever_id)
    if st.session_state.get(key) != current:
        st.session_state[key] = current
    target = container or st
    return target.slider(f"{getattr(lv, 'label_' + lg)} ({getattr(lv, 'unit_' + lg)})", min_value=lv.minimum,
                         max_value=lv.maximum, step=lv.step, key=key, on_change=_lever_changed,
                         args=(lever_id, key), help=t("lever_help", lg, year=scenario().start_year))


def target_label(row: dict, lg: str, width: int = 70) -> str:
    clause = str(row[f"clause_{lg}"])
    short = clause if len(clause) <= width else clause[: width - 1] + "…"
    return f"{int(row['target_year'])} · {short}"


LIGHT_COLORS = {"green": "#b2f2bb", "amber": "#ffec99", "red": "#ffc9c9", "grey": "#e9ecef", "blue": "#d0ebff"}


def light(row: dict) -> str:
    """Traffic-light colour: verdicts by outcome, outlooks by probability (≥66% green, 33–66% amber)."""
    state, p = row["state"], row.get("p_meet")
    if state == "verdict":
        return "green" if row["verdict"] == "met" else "red"
    if state == "qualitative":
        return "blue"
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "grey"
    return "green" if p >= 0.66 else ("amber" if p >= 0.33 else "red")


def light_word(colour: str, lg: str) -> str:
    return t(f"light_{colour}", lg)


def style_lights(frame: pd.DataFrame, column: str):
    """Colour the status column's cells (no emoji: projector laptops and servers may lack emoji fonts)."""
    words = {t(f"light_{c}", lg): c for c in LIGHT_COLORS for lg in ("vi", "en")}
    return frame.style.map(lambda v: f"background-color: {LIGHT_COLORS.get(words.get(v, ''), 'white')}",
                           subset=[column])


def p_text(row: dict, lg: str) -> str:
    p = row.get("p_meet")
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "–"
    return fmt_percent(p, lg)


def state_text(row: dict, lg: str) -> str:
    if row["state"] == "verdict":
        return f"{t('state_verdict', lg)}: {t('verdict_' + row['verdict'], lg)}"
    return t(f"state_{row['state']}", lg)


def catch_up_text(row: dict, lg: str) -> str:
    v, unit = row.get("catch_up"), row.get("catch_up_unit") or ""
    if v is None or (isinstance(v, float) and math.isnan(v)) or not unit:
        return "–"
    text = t(f"catch_{unit}", lg, value=fmt_number(float(v), lg, 1))
    units = row.get("catch_up_units")
    if units is not None and not (isinstance(units, float) and math.isnan(units)) and units > 0:
        text += " (" + t("catch_units", lg, value=fmt_number(float(units), lg, 1)) + ")"
    return text


def assessment_table(assess: pd.DataFrame, targets: pd.DataFrame, documents: pd.DataFrame, lg: str) -> pd.DataFrame:
    """The rows the overview shows, in the active language."""
    docs = {d: (t("doc_number_unknown", lg) if str(n).startswith("(") else n)
            for d, n in zip(documents["document_id"], documents["number"])}
    merged = targets.merge(assess, on=["target_id", "target_year", "kind"], how="left")
    return pd.DataFrame({
        "target_id": merged["target_id"],
        t("col_status_light", lg): [light_word(light(r), lg) for r in merged.to_dict("records")],
        t("col_target", lg): merged[f"clause_{lg}"],
        t("col_year", lg): merged["target_year"].astype(int),
        t("col_document", lg): [docs[d] for d in merged["document_id"]],
        t("col_state", lg): [state_text(r, lg) for r in merged.to_dict("records")],
        t("col_p_meet", lg): [p_text(r, lg) for r in merged.to_dict("records")],
        t("col_phrase", lg): merged[f"phrase_{lg}"].fillna(""),
        t("col_catch_up", lg): [catch_up_text(r, lg) for r in merged.to_dict("records")],
        t("col_evidence", lg): [t(f"evidence_{e}", lg) for e in merged["evidence"].fillna("none")],
        t("col_un", lg): ["" if not c else t(f"un_{c}", lg) for c in merged["un_category"].fillna("")],
        "_pillar": merged["pillar"],
    })
