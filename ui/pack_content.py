"""Assemble the meeting pack's content (texts in the pack's language, chart images) for models.pack."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from models.assess import evaluate, shown_forecast
from models.pack import Pack, TargetSlide
from models.scenario import LEVERS, PRESETS
from ui.charts import band_y, fan_chart, fan_ys
from ui.i18n import fmt_auto, fmt_date, fmt_number, fmt_percent, t
from ui.widgets import (catch_up_label, catch_up_text, document_labels, estimate_text, lever_lines, p_check, p_text,
                        scenario_label, shorten, state_text, target_label)


def _ratio_history(prep) -> pd.DataFrame:
    """The observed ratio to the region (the latest comparable run), as chart history."""
    r = prep.ratio if prep.ratio is not None else pd.Series(dtype=float)
    return pd.DataFrame({"year": [int(y) for y in r.index], "value": r.to_numpy(dtype=float), "status": "derived",
                         "vintage": "ratio"})


def chart_data(cat, prep, scenario, scenario_paths: np.ndarray | None = None) -> pd.DataFrame:
    """The numbers behind the fan chart: observed values, and the forecast's quantile columns (FORECAST_COLUMNS) per year.

    A target relative to the region is charted as the ratio to the region: its observed rows are `observed_ratio`
    (computed, so an upload of this file skips them as it skips the forecast rows).
    `scenario_paths`: the scenario already applied (the page applies it once per move)."""
    series = prep.series
    if series is None:
        return pd.DataFrame()
    relative = prep.target.get("kind") == "relative_to_region"
    if relative:
        hist = _ratio_history(prep)
        frame = pd.DataFrame({"series": "observed_ratio", "territory_id": series.territory_id,
                              "indicator_id": series.indicator_id, "year": hist["year"], "value": hist["value"],
                              "status": "derived", "vintage": "", "source_id": ""})
    else:
        hist = cat.values(series.territory_id, series.indicator_id)
        frame = pd.DataFrame({"series": "observed", "territory_id": series.territory_id, "indicator_id": series.indicator_id,
                              "year": hist["year"].astype(int), "value": hist["value"], "status": hist["status"],
                              "vintage": hist["vintage"], "source_id": hist["source_id"]})
    shown = shown_forecast(prep)
    parts = [frame]
    if shown is not None:
        fc = shown[0]
        if scenario_paths is None:
            scenario_paths = shown_forecast(prep, scenario)[1]
        for label, paths in (("baseline", fc.paths), ("scenario", scenario_paths)):
            q = fc.quantiles(paths)
            parts.append(pd.DataFrame({"series": label, "territory_id": series.territory_id,
                                       "indicator_id": series.indicator_id, "year": fc.years.astype(int),
                                       "value": q["q50"], **q}))
    return pd.concat(parts, ignore_index=True)


def target_figure(cat, prep, scenario, lang: str, row: dict, scenario_paths: np.ndarray | None = None,
                  scrub: dict | None = None):
    """The same fan chart as the detail page (None when the target has no series); `scrub` adds the in-chart slider."""
    series = prep.series
    if series is None:
        return None
    relative = row["kind"] == "relative_to_region"
    hist = _ratio_history(prep) if relative else cat.values(series.territory_id, series.indicator_id)
    shown = shown_forecast(prep)
    baseline = scen = None
    if shown is not None:
        fc = shown[0]
        baseline = (fc.years, fc.paths)
        if scenario.key() != PRESETS["baseline"].key() and scrub is None:
            if scenario_paths is None:
                scenario_paths = shown_forecast(prep, scenario)[1]
            scen = (fc.years, scenario_paths)
    names = cat.labels("indicators", lang)
    terr = cat.labels("territories", lang)
    if relative:      # what the target is about: the territory's level as a multiple of the region's
        return fan_chart(hist, lang, title=t("ratio_chart_title", lang, indicator=names[series.indicator_id],
                                                territory=terr[series.territory_id]),
                         unit=t("ratio_unit", lang), baseline=baseline, scenario=scen,
                         target=(int(row["target_year"]), float(row["value"])), revision=row["target_id"], scrub=scrub)
    marker = None
    if row["kind"] in ("level_at_least", "level_at_most", "coverage_full") or (
            row["kind"] == "average_growth_at_least" and prep.unit_en.startswith("%")):
        marker = (int(row["target_year"]), float(row["value"]))
    elif row["kind"] == "average_growth_at_least" and int(row["base_year"]) in set(series.values.index):
        y0 = float(series.values.loc[int(row["base_year"])])   # the level the average growth implies
        span = int(row["target_year"]) - int(row["base_year"])
        marker = (int(row["target_year"]), y0 * (1 + row["value"] / 100) ** span)
    b = cat.breaks
    breaks = [int(y) for y in b.loc[b["indicator_id"].isin([series.indicator_id, "*"])
                                     & b["territory_id"].isin([series.territory_id, "*"]), "year"]]
    return fan_chart(hist[["year", "value", "status", "vintage"]], lang,
                     title=f"{names[series.indicator_id]} – {terr[series.territory_id]}",
                     unit=cat.indicator(series.indicator_id)[f"unit_{lang}"], baseline=baseline, scenario=scen,
                     target=marker, breaks=breaks, revision=row["target_id"],
                     estimated={y: f.paths for y, f in prep.filled.items() if f.how == "estimated"} or None,
                     scrub=scrub)


def scrub_spec(prep, scenario, lever_id: str, steps: list, lang: str) -> dict:
    """The in-chart slider's content: every grid step of the lever with its fan and its P(meet) line, in `lang`."""
    lv = LEVERS[lever_id]
    current = scenario.value(lever_id)
    others = _others_moved(scenario, lever_id)
    values = [s.value for s in steps]
    active = int(np.argmin(np.abs(np.asarray(values) - current)))
    every = max(1, len(values) // 8)
    label, digits = _lever_label(lever_id, lang), _lever_digits(lever_id)
    out = []
    for i, s in enumerate(steps):
        p = "–" if s.p_meet is None else fmt_percent(s.p_meet, lang)
        shown = fmt_number(s.value, lang, digits)
        out.append({"value": s.value, "label": shown if (i % every == 0 or i == len(steps) - 1) else "",
                    "p_text": t("scrub_line", lang, lever=label, value=shown, p=p),
                    "differs": others or s.value != lv.default,
                    "quantiles": {k: _short(v) for k, v in s.quantiles.items()}})
    return {"years": [int(y) for y in prep.fc.years], "active": active, "label": label, "steps": out}


def fan_preview(fig, scenario, main_id: str, lever_id: str, steps: list, lang: str) -> dict:
    """What the target chart's scenario fan and P(meet) line become at each step of a lever other than the in-chart
    slider's (`main_id`), for ui/scrub_sync.slider_previews; `steps` from models.scrub.lever_grid for `lever_id`."""
    args = fig.layout.sliders[0].steps[0].args          # the in-chart slider's steps: which traces, which annotation
    traces, text_key = list(args[2]), next(iter(args[1]))
    label = _lever_label(main_id, lang)
    shown = fmt_number(scenario.value(main_id), lang, _lever_digits(main_id))
    others = _others_moved(scenario, lever_id)
    out = []
    for st_ in steps:
        ys = fan_ys({k: _short(v) for k, v in st_.quantiles.items()})
        p = "–" if st_.p_meet is None else fmt_percent(st_.p_meet, lang)
        out.append({"v": st_.value, "y": ys, "visible": [others or st_.value != LEVERS[lever_id].default] * len(traces),
                    "layout": {text_key: t("scrub_line", lang, lever=label, value=shown, p=p)}})
    return {"slider": f"lever_{lever_id}", "traces": traces, "steps": out}


def overlay_preview(fig, name: str, slider_key: str, grid: list) -> dict:
    """What the lab chart's line `name` (its 80% band and median) becomes at each step of one lever, for
    ui/scrub_sync.slider_previews; `grid` from models.scrub.band_grid."""
    names = [tr.name for tr in fig.data]
    steps = [{"v": v, "y": [_short(band_y(q[0.1], q[0.9])), _short(q[0.5])]} for v, q in grid]
    return {"slider": slider_key, "traces": [names.index(f"{name} 80%"), names.index(name)], "steps": steps}


def _lever_label(lever_id: str, lang: str) -> str:
    lv = LEVERS[lever_id]
    return f"{getattr(lv, 'label_' + lang)} ({getattr(lv, 'unit_' + lang)})"


def _lever_digits(lever_id: str) -> int:
    return 0 if LEVERS[lever_id].step >= 1 else 1


def _others_moved(scenario, lever_id: str) -> bool:
    """Whether a lever other than `lever_id` is off its default (the scenario fan then shows at every step)."""
    return any(float(v) != LEVERS[k].default for k, v in scenario.values.items() if k != lever_id)


def _short(values) -> list[float]:
    """Four significant digits: what a chart can show, a third of the bytes sent on every move."""
    return [float(f"{v:.4g}") for v in values]


def build_pack_content(cat, preps: dict, scenario, assessments: pd.DataFrame, chosen: list[str], lang: str,
                       version: str, meeting_date: str | None = None, render=None, progress=None) -> Pack:
    """Texts and images of the pack; `render(fig) -> png bytes`, `progress(done, total)` for the progress bar."""
    meeting_date = meeting_date or dt.date.today().isoformat()
    targets = cat.targets.set_index("target_id")
    a = assessments.set_index("target_id")
    rows = []
    terr = cat.labels("territories", lang)
    docs = document_labels(cat.documents, lang, width=28)
    for tid in targets.index:
        r = a.loc[tid].to_dict() | {"target_id": tid}
        rows.append([shorten(targets.loc[tid, f"clause_{lang}"], 90), terr[targets.loc[tid, "assess_territory_id"]],
                     docs[targets.loc[tid, "document_id"]], str(int(targets.loc[tid, "target_year"])),
                     state_text(r, lang), p_text(r, lang), catch_up_text(r, lang)])
    slides = []
    for i, tid in enumerate(chosen):
        row = targets.loc[tid].to_dict() | {"target_id": tid}
        r = evaluate(preps[tid], scenario).to_dict()
        lines = [state_text(r, lang)]
        if r["state"] == "insufficient" and r[f"reason_{lang}"]:
            lines.append(t("pack_reason", lang, reason=r[f"reason_{lang}"]))
        if r[f"warn_{lang}"]:
            lines.append(r[f"warn_{lang}"])
        if r["p_meet"] is not None:
            lines.append(f"{t('p_meet_metric', lang)}: {p_text(r, lang)} ({r[f'phrase_{lang}']})")
            check = p_check(preps[tid], r, lang)
            if check:
                lines.append(check)
        lines.append(f"{catch_up_label(r, lang)}: {catch_up_text(r, lang, short=True)}")   # the label names the years
        if r["last_year"] is not None:
            lines.append(f"{t('last_value_metric', lang, year=r['last_year'])}: {fmt_auto(r['last_value'], lang)}")
        if r["estimated_years"]:
            lines.append(t("nowcast_years", lang, observed=r["observed_years"] or "–", estimated=r["estimated_years"]))
        if r["rests_on_estimate"]:
            lines.append(t("rests_on_estimate", lang, inputs=estimate_text(cat, r["estimate_inputs"], lang)))
        lines.append(f"{cat.document_label(row['document_id'], lang)} · {t('col_evidence', lang)}: "
                     f"{t('evidence_' + r['evidence'], lang)}")
        fig = target_figure(cat, preps[tid], scenario, lang, row)
        image = render(fig) if (render is not None and fig is not None) else None
        slides.append(TargetSlide(target_label(row, lang, 120), lines, image))
        if progress:
            progress(i + 1, len(chosen))
    used_docs = cat.documents[cat.documents["document_id"].isin(targets.loc[chosen, "document_id"] if chosen else [])]
    sources = [f"{cat.document_label(d['document_id'], lang)} ({fmt_date(d['date'], lang)}): {d[f'title_{lang}']}"
               for d in used_docs.to_dict("records")]
    src = cat.sources.set_index("source_id")
    for tid in chosen:
        s = preps[tid].series
        if s is None:
            continue
        o = cat.observations
        ids = o[(o["territory_id"] == s.territory_id) & (o["indicator_id"] == s.indicator_id)]["source_id"].unique()
        sources += [f"{src.loc[i, 'publisher']}: {src.loc[i, 'url']}" for i in ids if i in src.index]
    return Pack(title=t("pack_title", lang), subtitle=t("pack_subtitle", lang), meeting_date=fmt_date(meeting_date, lang),
                data_version=version, scenario_name=scenario_label(scenario, lang),
                scenario_lines=lever_lines(scenario, lang) or [t("no_levers", lang)],
                overview_header=[t("col_target", lang), t("col_territory", lang), t("col_document", lang),
                                 t("col_year", lang), t("col_state", lang), t("col_p_meet", lang),
                                 t("col_catch_up", lang)],
                overview_rows=rows, targets=slides, sources=list(dict.fromkeys(sources)),
                labels={"data_version": t("data_version", lang), "scenario": t("active_scenario", lang),
                        "overview": t("overview_title", lang), "sources": t("tab_sources", lang)})
