"""Shared widgets: language, active-scenario summary, lever sliders, target labels, status lights."""
from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import streamlit as st

from models.scenario import LEVERS, PRESETS, Scenario
from ui.i18n import fmt_number, fmt_percent, t
from ui.state import params_to_scenario

DEFAULT_TARGET = "tqm_grdp_growth_2030"   # the merged province's own 2030 growth target (not a ceased territory's)
CUSTOM = "custom"   # the internal name of an edited preset; users see "Tùy chỉnh" / "Custom", the URL nothing


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
    return s.name if s.name not in ("baseline", "s", CUSTOM) else t("scenario_custom", lg)


def lever_lines(s: Scenario, lg: str) -> list[str]:
    out = []
    for lid, v in sorted(s.values.items()):
        if float(v) == 0:
            continue
        lv = LEVERS[lid]
        out.append(f"{getattr(lv, 'label_' + lg)}: {fmt_number(float(v), lg, 1)} {getattr(lv, 'unit_' + lg)}")
    return out


def sync_url() -> None:
    """The address bar always holds the language, the target and every lever, so a copied link reopens this view.

    Called at the end of every run, and at the end of a fragment's rerun (a fragment does not run app.py)."""
    from ui.state import scenario_to_params

    params = {"lang": st.session_state.get("lang", "vi"), **scenario_to_params(scenario())}
    if st.session_state.get("target_id"):
        params["target"] = st.session_state["target_id"]
    if st.session_state.get("present"):      # the meeting page's present-mode toggle
        params["present"] = "1"
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)


def sidebar_scenario(lg: str) -> None:
    s = scenario()
    st.sidebar.markdown(f"**{t('active_scenario', lg)}:** {scenario_label(s, lg)}")
    lines = lever_lines(s, lg)
    st.sidebar.caption("\n".join(f"- {x}" for x in lines) if lines else t("no_levers", lg))


def set_lever(lever_id: str, value: float) -> None:
    """One lever of the active scenario changed (a Streamlit slider or the in-chart slider's release)."""
    s = scenario()
    if s.value(lever_id) == float(value):
        return
    name = s.name if s.name not in PRESETS else CUSTOM
    set_scenario(replace(s, name=name, values={**s.values, lever_id: float(value)}))


def _lever_changed(lever_id: str, key: str) -> None:
    set_lever(lever_id, float(st.session_state[key]))


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


def p_check(prep, row: dict, lg: str) -> str:
    """How often the held-out backtests' events happened when the app said a probability like this one ('' if none)."""
    from models.assess import shown_forecast
    from models.reliability import checked, checked_growth

    shown = shown_forecast(prep)       # the forecast P(meet) comes from (the ratio, for a target relative to the region)
    if row.get("state") != "outlook" or shown is None:
        return ""
    method = shown[0].method
    short = method == "constrained_trend"
    c = checked_growth(row.get("p_meet")) if method == "mean" else checked(row.get("p_meet"), short)
    if c is None:
        return ""
    kind = "p_checked_growth" if method == "mean" else "p_checked_short" if short else "p_checked_long"
    gso = t("p_checked_gso", lg, value=seen_share(c.gso, lg)) if c.gso is not None else ""
    return t("p_checked", lg, kind=t(kind, lg), sets=collections(c.collections, lg), band=p_band(c.band, lg),
             seen=seen_range(c.observed, lg), events=fmt_number(c.events, lg, 0), gso=gso)


def p_band(band: tuple[float, float], lg: str) -> str:
    """A band of P as the check names it: '0%–1%', '10%–20%' (whole percents)."""
    return f"{fmt_percent(band[0], lg)}–{fmt_percent(band[1], lg)}"


def _seen_digits(*shares: float) -> int:
    return 1 if min(shares) < 0.1 or max(shares) > 0.9 else 0


def seen_share(share: float, lg: str) -> str:
    """How often an event happened: a tenth of a percent near 0 and 100% (0.5% is not 0%), whole percents between."""
    return fmt_percent(share, lg, _seen_digits(share))


def seen_range(seen: tuple[float, float], lg: str) -> str:
    """The lowest and highest collection's share, both ends with the same digits; one figure when they agree."""
    lo, hi = (fmt_percent(x, lg, _seen_digits(*seen)) for x in seen)
    return lo if lo == hi else f"{lo}–{hi}"


def collections(n: int, lg: str) -> str:
    return t("n_collections_one" if n == 1 else "n_collections", lg, n=n)


def said(exc: Exception, lg: str) -> str:
    """An error in the planner's language when it is one of ours (coded), else as the system wrote it."""
    return exc.message(lg) if hasattr(exc, "message") else str(exc)


def shorten(text: str, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def document_labels(documents: pd.DataFrame, lg: str, width: int = 40) -> dict[str, str]:
    """Every document's label in `lg` (Catalog.document_label), shortened for a table column."""
    from models.catalog import document_label

    return {d: shorten(document_label(documents, d, lg), width) for d in documents["document_id"]}


def target_label(row: dict, lg: str, width: int = 70) -> str:
    return f"{int(row['target_year'])} · {shorten(row[f'clause_{lg}'], width)}"


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
    words |= {t(f"verdict_{v}", lg): c for v, c in (("met", "green"), ("not_met", "red")) for lg in ("vi", "en")}
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


def catch_up_label(row: dict, lg: str) -> str:
    """'Needed each year from 2025' — or without a year when there is no observation to count from."""
    if row.get("catch_up_years"):
        return t("catch_up_metric_open", lg) + f" ({row['catch_up_years']})"
    last = row.get("last_year")
    if last is None or (isinstance(last, float) and math.isnan(last)):
        return t("col_catch_up", lg)
    return t("catch_up_metric", lg, year=int(last) + 1)


def catch_up_text(row: dict, lg: str, short: bool = False) -> str:
    """The catch-up number in words; `short` leaves out the years (the metric's label says them)."""
    v, unit = row.get("catch_up"), row.get("catch_up_unit") or ""
    if v is None or (isinstance(v, float) and math.isnan(v)) or not unit:
        return "–"
    if row.get("catch_up_years"):
        if short:
            return t("catch_pct_per_year", lg, value=fmt_number(float(v), lg, 1))
        return t("catch_needed_in", lg, value=fmt_number(float(v), lg, 1), years=row["catch_up_years"])
    text = t(f"catch_{unit}", lg, value=fmt_number(float(v), lg, 1))
    units = row.get("catch_up_units")
    if units is not None and not (isinstance(units, float) and math.isnan(units)) and units > 0:
        text += " (" + t("catch_units", lg, value=fmt_number(float(units), lg, 1)) + ")"
    return text


def assessment_table(assess: pd.DataFrame, targets: pd.DataFrame, documents: pd.DataFrame, lg: str,
                     territories: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows the overview shows, in the active language."""
    docs = document_labels(documents, lg)
    merged = targets.merge(assess, on=["target_id", "target_year", "kind"], how="left")
    terr = dict(zip(territories["territory_id"], territories[f"name_{lg}"])) if territories is not None else {}
    records = merged.to_dict("records")
    # what a committee reads first comes first: status, target, where, when, how likely
    return pd.DataFrame({
        "target_id": merged["target_id"],
        t("col_status_light", lg): [t(f"verdict_{r['verdict']}", lg) if r.get("state") == "verdict" else light_word(light(r), lg)
                                    for r in records],
        t("col_target", lg): merged[f"clause_{lg}"],
        t("col_territory", lg): [terr.get(x, x) for x in merged["assess_territory_id"]],
        t("col_year", lg): merged["target_year"].astype(int),
        t("col_p_meet", lg): [p_text(r, lg) for r in records],
        t("col_phrase", lg): merged[f"phrase_{lg}"].fillna(""),
        t("col_state", lg): [state_text(r, lg) + (f" – {t('rests_on_estimate_short', lg)}" if r.get("rests_on_estimate") is True
                                                  else "") for r in records],
        t("col_catch_up", lg): [catch_up_text(r, lg) for r in records],
        t("col_evidence", lg): [t(f"evidence_{e}", lg) for e in merged["evidence"].fillna("none")],
        t("col_document", lg): [docs[d] for d in merged["document_id"]],
        t("col_un", lg): ["" if not c or st_ == "insufficient" else t(f"un_{c}", lg)
                          for c, st_ in zip(merged["un_category"].fillna(""), merged["state"].fillna(""))],
        "_pillar": merged["pillar"],
    })


def _fmt_params(params: dict, lg: str) -> dict:
    out = {}
    for k, v in params.items():
        if isinstance(v, float):
            out[k] = fmt_number(v, lg, 2 if k in ("value", "mean", "national", "spread") else 1)
        elif isinstance(v, bool):
            out[k] = v
        else:
            out[k] = v
    return out


def filled_lines(prep, lg: str) -> list[str]:
    """One line per year of an average-growth window: observed, or how it was estimated."""
    lines = []
    for y, f in sorted(prep.filled.items()):
        p = _fmt_params(f.params, lg)
        if f.code == "nc_productivity_inputs":
            gp, ep = _fmt_params(f.params["grdp_params"], lg), _fmt_params(f.params["employment_params"], lg)
            if "above" in gp:
                gp["below"] = t("above" if gp.pop("above") else "below", lg)
            lines.append(t("nc_productivity_inputs", lg, year=y, grdp=t(f.params["grdp"], lg, **gp),
                           employment=t(f.params["employment"], lg, **ep)))
        elif f.code in ("nc_grdp_bounded",):
            p["below"] = t("above" if p.pop("above") else "below", lg)
            lines.append(f"{y}: " + t(f.code, lg, **p))
        elif f.code == "nc_observed":
            lines.append(t("nc_observed", lg, year=y, value=p["value"]))
        else:
            lines.append(f"{y}: " + t(f.code, lg, **p))
    return lines


def request_note(r, lg: str) -> str:
    return t(r.effect, lg, **_fmt_params(r.params, lg))


def request_frame(cat, requests: list, lg: str) -> pd.DataFrame:
    """The data-request list in the active language (target, figure, territory, years, holder, effect)."""
    names = cat.labels("indicators", lg)
    terr = cat.labels("territories", lg)
    targets = cat.targets.set_index("target_id")
    return pd.DataFrame({
        t("col_target", lg): [target_label(targets.loc[r.target_id].to_dict(), lg, 60) for r in requests],
        t("col_indicator", lg): [names.get(r.indicator_id, r.indicator_id) for r in requests],
        t("col_territory", lg): [terr.get(r.territory_id, r.territory_id) for r in requests],
        t("col_years_needed", lg): [", ".join(map(str, r.years)) for r in requests],
        t("col_holder", lg): [t(f"holder_{r.holder}", lg) for r in requests],
        t("col_effect", lg): [request_note(r, lg) for r in requests],
    })


def estimate_text(cat, inputs: str, lg: str) -> str:
    """'grdp_growth_const[tuyen_quang_old, 2024]' -> 'Tốc độ tăng GRDP (giá so sánh), Tuyên Quang (cũ…), 2024'."""
    import re

    names = cat.labels("indicators", lg)
    terr = cat.labels("territories", lg)
    out = []
    for m in re.finditer(r"(\w+)\[(\w+), (\d+)\]", inputs or ""):
        out.append(f"{names.get(m.group(1), m.group(1))}, {terr.get(m.group(2), m.group(2))}, {m.group(3)}")
    return "; ".join(out)


def requests_xlsx(cat, reqs: list, lg: str) -> bytes:
    """The template a statistics office fills in (blank values; the Data page takes it back)."""
    from models.export import guidance_frame
    from models.requests import request_rows, request_template

    rows = request_rows(cat, reqs, lambda r: f"{t('col_holder', lg)}: {t('holder_' + r.holder, lg)} – {request_note(r, lg)}")
    guidance = guidance_frame([("observations", c) for c in rows.columns])
    return request_template(cat, rows, guidance)


def interim_form(cat, row: dict, prep, lg: str) -> None:
    """Enter an interim estimate for this target's series; stored as a new data version (status 'estimate')."""
    import datetime as dt

    from models.requests import interim_upload, vintage_for
    from models.upload import prepare_upload
    from ui.loaders import store

    territory = prep.series.territory_id if prep.series is not None else row["assess_territory_id"]
    indicator = row["indicator_id"]
    unit = cat.indicator(indicator)[f"unit_{lg}"]
    with st.expander(t("interim_title", lg)):
        st.caption(t("interim_help", lg))
        with st.form(key=f"interim_{row['target_id']}"):
            c1, c2 = st.columns(2)
            year = c1.number_input(t("interim_year", lg), min_value=2000, max_value=int(row["target_year"]),
                                   value=min(int(row["target_year"]), 2025), step=1, key="interim_year")
            value = c2.number_input(t("interim_value", lg, unit=unit), value=None, key="interim_value")
            publisher = st.text_input(t("interim_publisher", lg), max_chars=120, key="interim_publisher")
            title = st.text_input(t("interim_title_field", lg), max_chars=200, key="interim_doc")
            url = st.text_input(t("interim_url", lg), max_chars=300, key="interim_url")
            note = st.text_input(t("col_note", lg), max_chars=300, key="interim_note")
            submitted = st.form_submit_button(t("interim_save", lg))
        if not submitted:
            return
        if value is None or not publisher.strip() or not title.strip():
            st.error(t("interim_need_source", lg))
            return
        def build():
            plain = store().load()
            when = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            raw = interim_upload(territory, indicator, vintage_for(plain, territory, indicator, int(year)),
                                 [(int(year), float(value))], publisher.strip(), title.strip(), url.strip(),
                                 note.strip(), when)
            return prepare_upload(plain, raw, "interim.xlsx", store().files(), version_label=t("interim_title", lg))

        vid = store_upload(build, publisher.strip(), f"{t('interim_title', lg)}: {row['target_id']}",
                           {"interim": True}, lg)
        if vid:
            st.success(t("interim_saved", lg, version=vid))


def store_upload(result, author: str, note: str, changes: dict, lg: str) -> str | None:
    """Store a prepared upload (or a function that prepares it) as a new version; every failure is a message."""
    from models.catalog import CatalogError
    from models.store import StoreError
    from ui.loaders import store

    try:
        result = result() if callable(result) else result
        return store().commit(result.files, author or "—", note,
                              {"added": len(result.added), "revised": len(result.revised), **changes})
    except CatalogError as exc:
        st.error(t("upload_invalid", lg))
        st.code(exc.message(lg, limit=20), language=None)
    except (StoreError, OSError) as exc:
        st.error(t("store_error", lg, error=said(exc, lg)))
    return None


def streamlit_words(lg: str) -> None:
    """Streamlit's own English on widgets (the uploader's button and limits, 'Select all') in the active language.

    Streamlit 1.67 has no setting for these words, so the shown text is swapped by CSS; the
    words themselves come from the catalogue like every other text.
    """
    from models.upload import MAX_BYTES

    def css_text(key: str, **params) -> str:
        return t(key, lg, **params).replace("\\", "").replace('"', "'")

    st.html(f"""<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{font-size: 0}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: "{css_text('st_upload_button')}"; font-size: 0.875rem}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{css_text('st_upload_limits', mb=MAX_BYTES // (1024 * 1024))}"; font-size: 0.875rem}}
[data-key="__select_all__"] > div {{font-size: 0}}
[data-key="__select_all__"] > div::after {{content: "{css_text('st_select_all')}"; font-size: 1rem}}
</style>""")


def series_why(cat, series, lg: str) -> str:
    """Why the forecast uses this vintage (Catalog.series_used's rule), naming the vintages left aside."""
    years = series.values.index
    text = t("series_why_latest", lg, last=int(years[-1]), n=fmt_number(series.n, lg, 0))
    if series.others:
        others = ", ".join(t("series_why_other", lg, label=cat.vintage_label(series.indicator_id, v, lg), first=a, last=b,
                             n=fmt_number(n, lg, 0)) for v, a, b, n in series.others)
        text += t("series_why_others", lg, others=others)
    return text
