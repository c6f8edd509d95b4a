"""Meeting: present mode (one target per screen), the Vietnamese meeting pack (PPTX/PDF), saved scenarios,
meeting snapshots and what changed since."""
import dataclasses
import datetime as dt
import time

import pandas as pd
import streamlit as st

from models.catalog import CatalogError
from models.meetings import MeetingStore, MeetingStoreError, diff, observations_of
from models.pack import build_pdf, build_pptx
from models.scenario import LEVERS
from models.scrub import main_lever
from models.store import StoreError
from ui.i18n import LANG_NAMES, fmt_auto, fmt_date, fmt_datetime, fmt_number, fmt_percent, t
from ui.loaders import assessments, catalog, current_version, lever_grid, prepared, store
from ui.pack_content import build_pack_content, scrub_spec, target_figure
from ui.scrub_sync import hand_over, scrub_sync
from ui.widgets import (catch_up_label, catch_up_text, lang, p_check, p_text, scenario, scenario_label, set_scenario, state_text,
                        sync_url, target_label)

lg = lang()
cat = catalog()
preps = prepared(lg)
s = scenario()
version = current_version()
targets = cat.targets.set_index("target_id")
labels = {tid: target_label(targets.loc[tid].to_dict() | {"target_id": tid}, lg, 80) for tid in targets.index}
with_fc = [tid for tid, p in preps.items() if p.fc is not None and not p.fc.insufficient]
default_pick = [tid for tid in ["kh402_broadband_2025", "kh402_productivity_2025", "kh402_5g_2030",
                                "kh402_productivity_region_2045"] + with_fc if tid in targets.index][:8]

in_present = st.session_state.get("present", st.query_params.get("present") == "1")
if not in_present:
    st.title(t("meeting_title", lg))
controls = st.expander(t("present_targets", lg), expanded=False) if in_present else st.container()
PACKS = (("PPTX", build_pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
         ("PDF", build_pdf, "application/pdf"))
clicked: dict[str, bool] = {}
with controls:   # on the projector the controls fold away
    present = st.toggle(t("present_mode", lg), key="present", value=st.query_params.get("present") == "1")
    if in_present:
        chosen = st.multiselect(t("present_targets", lg), list(targets.index), default=default_pick,
                                key="meeting_targets", format_func=labels.get, max_selections=12)
    else:
        # one form: changing the selection does not rerun the page, so the first click on "build" is never lost
        with st.form("pack_form", border=False):
            chosen = st.multiselect(t("present_targets", lg), list(targets.index), default=default_pick,
                                    key="meeting_targets", format_func=labels.get, max_selections=12)
            st.subheader(t("export_title", lg))
            e1, e2 = st.columns(2)
            pack_lang = e1.radio(t("pack_language", lg), ["vi", "en"], key="pack_lang", horizontal=True,
                                 format_func=LANG_NAMES.get)
            meeting_date = e2.date_input(t("meeting_date", lg), value=dt.date.today(), key="meeting_date",
                                         format="DD/MM/YYYY").isoformat()   # shown as the planner writes dates
            cols = st.columns(len(PACKS))
            for (kind, _, _), col in zip(PACKS, cols):
                with col:
                    clicked[kind] = st.form_submit_button(t(f"build_{kind.lower()}", lg), key=f"build_{kind}")

def turn_slide(step: int, n: int) -> None:
    st.session_state["slide"] = (st.session_state.get("slide", 0) % n + step) % n


if present and chosen:
    # large type for a projector; the CSS is a fixed string, never user text
    st.markdown("<style>[data-testid='stSidebar']{display:none} html{font-size:22px} "
                "[data-testid='stMetricValue']{font-size:3.2rem}</style>", unsafe_allow_html=True)
    i = st.session_state.setdefault("slide", 0) % len(chosen)
    tid = chosen[i]
    row = targets.loc[tid].to_dict() | {"target_id": tid}
    a = assessments(s).set_index("target_id").loc[tid].to_dict() | {"target_id": tid}
    # the slide controls sit on top, always in view; a presenter's clicker sends PageUp / PageDown
    # a callback turns the slide before the run that draws it: one run per key press (st.rerun() cost a second)
    b1, mid, b2 = st.columns([1, 6, 1])
    b1.button(t("prev", lg), key="prev", shortcut="PageUp", width="stretch", on_click=turn_slide, args=(-1, len(chosen)))
    b2.button(t("next", lg), key="next", shortcut="PageDown", width="stretch", on_click=turn_slide, args=(1, len(chosen)))
    with st.container(key="arrow_keys"):   # ← / → as well: one shortcut per button, so a hidden pair carries them
        st.html("<style>.st-key-arrow_keys {display: none}</style>")
        st.button(t("prev", lg), key="prev_arrow", shortcut="Left", on_click=turn_slide, args=(-1, len(chosen)))
        st.button(t("next", lg), key="next_arrow", shortcut="Right", on_click=turn_slide, args=(1, len(chosen)))
    mid.caption(t("slide_of", lg, i=i + 1, n=len(chosen)) + " · " + t("present_keys", lg) + "  \n"
                f"{t('data_version', lg)}: {version} · {t('active_scenario', lg)}: {scenario_label(s, lg)} · "
                f"{fmt_date(dt.date.today().isoformat(), lg)}")   # the slide's footer, kept in view at the top
    st.title(row[f"clause_{lg}"])
    c1, c2 = st.columns(2)
    if a["state"] == "verdict":
        c1.metric(t("state_verdict", lg), t(f"verdict_{a['verdict']}", lg))
    else:
        c1.metric(t("p_meet_metric", lg), p_text(a, lg))
        c1.markdown(f"**{a[f'phrase_{lg}'] or state_text(a, lg)}**")
        if check := p_check(preps[tid], a, lg):      # how often "this likely" happened in the held-out backtests
            c1.caption(check)
    c2.metric(catch_up_label(a, lg),
              catch_up_text(a, lg, short=True))
    main = main_lever(preps[tid])
    scrub = scrub_spec(preps[tid], s, main, lever_grid(tid, s, main), lg) if main else None
    fig = target_figure(cat, preps[tid], s, lg, row, scrub=scrub)
    if fig is not None:
        fig.update_layout(height=470 if scrub else 400, font={"size": 17})
        if scrub:
            hand_over(fig)
        st.plotly_chart(fig, key="present_chart", width="stretch")
        if scrub:
            scrub_sync("present_chart", main, s)     # its release sets the scenario (and the link)
    else:
        st.warning(t("insufficient_sentence", lg, reason=state_text(a, lg)))
    sync_url()      # st.stop() skips the end of app.py: the address bar follows the in-chart slider from here
    st.stop()

# ---- export (the form above holds the selection, language, date and the build buttons)
for (kind, builder, mime), col in zip(PACKS, st.columns(len(PACKS))):
    if clicked.get(kind):
        start = time.perf_counter()
        with st.status(t("building", lg), expanded=True) as status:
            bar = st.progress(0.0)
            try:
                from ui.render import png

                content = build_pack_content(cat, preps, s, assessments(s), chosen, pack_lang, version, meeting_date,
                                             render=png, progress=lambda d, n, bar=bar: bar.progress(d / max(n, 1),
                                                                                            t("rendering", lg, i=d, n=n)))
                st.session_state[f"pack_{kind}"] = builder(content)
                status.update(label=t("built", lg, s=fmt_number(time.perf_counter() - start, lg, 1)), state="complete")
            except Exception as exc:   # kaleido/Chromium or fonts missing: say so, never a traceback
                status.update(label=t("export_failed", lg, error=exc), state="error")
    if st.session_state.get(f"pack_{kind}"):
        col.download_button(t("download_pack", lg, kind=kind), st.session_state[f"pack_{kind}"],
                            file_name=f"lotrinh_hop_{meeting_date}.{kind.lower()}", mime=mime, key=f"dl_{kind}")

# ---- saved scenarios
db = MeetingStore()
st.subheader(t("saved_title", lg))
try:
    n1, n2 = st.columns([2, 3])
    name = n1.text_input(t("scenario_name", lg), key="save_name", max_chars=80)
    desc = n2.text_input(t("description", lg), key="save_desc", max_chars=300)
    if st.button(t("save_current", lg), key="save_scenario") and name.strip():
        db.save_scenario(dataclasses.replace(s, name=name.strip(), description=desc), description=desc)
        st.success(t("saved_ok", lg, name=name.strip()))
    saved = db.list_scenarios()
    if saved.empty:
        st.caption(t("no_saved", lg))
    else:
        st.dataframe(pd.DataFrame({t("scenario_name", lg): saved["name"], t("description", lg): saved["description"],
                                   t("col_updated", lg): [fmt_datetime(x, lg) for x in saved["updated"]]}),
                     hide_index=True, key="saved_table")
        pick = st.selectbox(t("pick_saved", lg), saved["name"].tolist(), key="saved_pick")
        c1, c2, c3 = st.columns(3)
        if c1.button(t("load", lg), key="saved_load"):
            set_scenario(db.load_scenario(pick))
            st.rerun()
        if c2.button(t("duplicate", lg), key="saved_dup"):
            db.duplicate_scenario(pick, f"{pick} (2)")
            st.rerun()
        sure = c3.checkbox(t("delete_sure", lg, name=pick), key="saved_del_sure")
        if c3.button(t("delete", lg), key="saved_del", disabled=not sure):
            db.delete_scenario(pick)
            st.session_state.pop("saved_del_sure", None)
            st.rerun()
except MeetingStoreError as exc:
    st.error(t("db_error", lg, error=exc))

# ---- snapshots and what changed since
st.subheader(t("snapshot_title", lg))
try:
    title = st.text_input(t("snapshot_name", lg), key="snap_title", max_chars=200,
                          value=t("snapshot_default", lg, date=fmt_date(dt.date.today().isoformat(), lg)))
    decisions = st.text_area(t("decisions", lg), key="snap_decisions", max_chars=5000)
    if st.button(t("record", lg), key="snap_record"):
        sid = db.record_snapshot(title, s, version, assessments(s), decisions)
        st.success(t("recorded", lg, id=sid))
    snaps = db.list_snapshots()
    st.subheader(t("changes_title", lg))
    if snaps.empty:
        st.caption(t("no_snapshots", lg))
    else:
        sid = st.selectbox(t("pick_snapshot", lg), snaps["snapshot_id"].tolist(), key="snap_pick",
                           format_func=lambda i: f"#{i} · {snaps.set_index('snapshot_id').loc[i, 'title']}")
        snap = db.snapshot(int(sid))
        old_obs = new_obs = None
        compare_error = None
        try:
            old_obs, new_obs = observations_of(store(), snap["data_version"]), observations_of(store(), version)
        except (StoreError, CatalogError) as exc:     # said plainly: a failed comparison is not "no changes"
            compare_error = exc.message(lg)
        ch = diff(snap, s, assessments(s), old_obs, new_obs)
        st.markdown(f"**{t('changes_data', lg)}**")
        if compare_error:
            st.warning(t("changes_data_failed", lg, version=snap["data_version"], error=compare_error))
        elif ch.data.empty:
            st.caption(t("no_changes", lg))
        else:
            ind_names = cat.labels("indicators", lg)
            terr_names = cat.labels("territories", lg)
            st.dataframe(pd.DataFrame({
                t("col_indicator", lg): [ind_names.get(x, x) for x in ch.data["indicator_id"]],
                t("col_territory", lg): [terr_names.get(x, x) for x in ch.data["territory_id"]],
                t("col_year", lg): ch.data["year"].astype(int),
                t("col_before", lg): [fmt_auto(v, lg) for v in ch.data["value_before"]],
                t("col_after", lg): [fmt_auto(v, lg) for v in ch.data["value_after"]],
                t("col_change", lg): [t(f"change_{c}", lg) for c in ch.data["change"]]}),
                hide_index=True, key="changes_data")
        st.markdown(f"**{t('changes_levers', lg)}**")
        if ch.levers.empty:
            st.caption(t("no_changes", lg))
        else:
            st.dataframe(pd.DataFrame({
                t("solver_lever", lg): [getattr(LEVERS[x], f"label_{lg}") for x in ch.levers["lever"]],
                t("col_before", lg): [fmt_number(v, lg, 1) for v in ch.levers["before"]],
                t("col_after", lg): [fmt_number(v, lg, 1) for v in ch.levers["after"]]}), hide_index=True,
                key="changes_levers")
        st.markdown(f"**{t('changes_targets', lg)}**")
        if ch.targets.empty:
            st.caption(t("no_changes", lg))
        else:
            st.dataframe(pd.DataFrame({
                t("col_target", lg): [labels[x] for x in ch.targets["target_id"]],
                t("col_before", lg): [fmt_percent(v, lg) if pd.notna(v) else "–" for v in ch.targets["p_before"]],
                t("col_after", lg): [fmt_percent(v, lg) if pd.notna(v) else "–" for v in ch.targets["p_after"]],
                t("col_change_pp", lg): [fmt_number(v, lg, 1) if pd.notna(v) else "–" for v in ch.targets["change_pp"]]}),
                hide_index=True, key="changes_targets")
except MeetingStoreError as exc:
    st.error(t("db_error", lg, error=exc))
