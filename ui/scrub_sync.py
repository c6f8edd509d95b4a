"""The Streamlit sliders and the chart, joined in the browser: a JavaScript-only component (st.components.v2).

Plotly's own in-chart slider restyles the fan in the browser, but its events never reach Streamlit: this
component listens for `plotly_sliderend` (mouse up, after a click or a drag) and sends the step's lever value
as a one-rerun trigger; the callback writes it into the scenario, so the Streamlit sliders, the caption and the
address bar follow the chart. The other way round, when the user moves a Streamlit slider whose steps the
server has computed (the main lever's inside the figure, the others' beside it; models/scrub.py, the same
`apply` and `evaluate`), the chart is redrawn from the matching step at once; the rerun that follows brings
the metrics and the server's own figure, with the same numbers.
"""
from __future__ import annotations

import streamlit as st

from models.scenario import LEVERS
from ui.widgets import set_lever

# A fixed string (never user data). The graph div and the sliders outlive reruns, so each listener is attached
# once and reads what the latest render left on its element; a redrawn div or slider is picked up by the poll.
_JS = """
export default function ({ data, setTriggerValue }) {
  const graph = () => document.querySelector(`.st-key-${data.chart} .js-plotly-plot`);
  const near = (a, b) => Math.abs(Number(a) - b) < 1e-9;
  const drawStep = (gd, v) => {          // the figure's own in-chart slider holds every step of the lever
    const sl = gd.layout && gd.layout.sliders && gd.layout.sliders[0];
    if (!sl) return;
    const i = sl.steps.findIndex((s) => near(s.value, v));
    if (i < 0 || i === sl.active) return;
    const [traces, layout, which] = sl.steps[i].args;
    sl.active = i;     // read by the redraw the update makes anyway; a "sliders[0].active" relayout cost 15–25 ms more
    window.Plotly.update(gd, traces, Object.assign({}, layout), which);
  };
  const drawPreview = (gd, p, v) => {    // steps sent beside the figure: new y (and visibility, a text) for some traces
    const step = p.steps.find((s) => near(s.v, v));
    if (!step) return;
    const traces = step.visible ? { y: step.y, visible: step.visible } : { y: step.y };
    window.Plotly.update(gd, traces, step.layout || {}, p.traces);
  };
  // the steps were computed with the other levers as the server last saw them: if another slider has moved since
  // (its answer not yet back), they no longer describe the view and the server draws it instead
  const current = (state, movedKey) => Object.entries(state || {}).every(([key, value]) => {
    if (key === movedKey) return true;
    const other = document.querySelector(`.st-key-${key} input[type=range]`);
    return !other || near(other.value, value);
  });
  const follow = (sliderKey, spec) => {  // a Streamlit slider: react-aria sets its value attribute on key press and drag
    const box = document.querySelector(`.st-key-${sliderKey}`);
    const input = box && box.querySelector("input[type=range]");
    if (!input) return;
    input.__lotrinhSpec = spec;           // this render's steps and the levers they were computed with
    input.__lotrinhState = data.state;
    if (input.__lotrinhHooked) return;
    input.__lotrinhHooked = true;
    // only the user's own moves: a value set by the server (preset, reset, link) comes with its own figure
    let held = false;
    input.__lotrinhTouched = -1e9;
    input.__lotrinhRecent = (ms) => held || performance.now() - input.__lotrinhTouched < ms;
    box.addEventListener("keydown", () => { input.__lotrinhTouched = performance.now(); }, true);
    box.addEventListener("pointerdown", () => { held = true; }, true);
    window.addEventListener("pointerup", () => { if (held) input.__lotrinhTouched = performance.now(); held = false; }, true);
    new MutationObserver(() => {
      const gd = graph(), sp = input.__lotrinhSpec, v = Number(input.value);
      if (!gd || !window.Plotly || !sp || !input.__lotrinhRecent(500) || !current(input.__lotrinhState, sliderKey)) return;
      if (sp === "steps") { gd.__lotrinhInput = input; input.__lotrinhKey = sliderKey; }
      // after the slider has sent its value: the server's rerun starts first, the chart is drawn meanwhile
      setTimeout(() => (sp === "steps" ? drawStep(gd, v) : drawPreview(gd, sp, v)), 0);
    }).observe(input, { attributes: true, attributeFilter: ["value"] });
  };
  const hook = () => {
    const gd = graph();
    if (data.release && gd && typeof gd.on === "function") {   // only the instance that owns the in-chart slider
      gd.__lotrinhSend = setTriggerValue;
      if (!gd.__lotrinhHooked) {
        gd.__lotrinhHooked = true;
        gd.on("plotly_sliderend", (e) => {
          const v = Number(e && e.step && e.step.value);
          if (Number.isFinite(v) && gd.__lotrinhSend) gd.__lotrinhSend("released", v);
        });
        // while keys are held, the answer to an earlier press can arrive after a later press was drawn:
        // put the slider's own value back rather than flash the older one
        gd.on("plotly_afterplot", () => {
          const input = gd.__lotrinhInput, sl = gd.layout.sliders && gd.layout.sliders[0];
          if (!input || !sl || !input.__lotrinhRecent(1500) || near(sl.steps[sl.active].value, Number(input.value))
              || !current(input.__lotrinhState, input.__lotrinhKey)) return;
          setTimeout(() => drawStep(gd, Number(input.value)), 0);
        });
      }
    }
    if (data.lever) follow(data.lever, "steps");
    for (const p of data.previews || []) follow(p.slider, p);
  };
  hook();
  // one poll per instance, with this render's data: a rerun calls this function again without the cleanup
  const timers = (window.__lotrinhTimers = window.__lotrinhTimers || {});
  const id = `${data.chart}:${data.release ? "release" : "previews"}`;
  clearInterval(timers[id]);
  timers[id] = setInterval(hook, 300);
  return () => clearInterval(timers[id]);
}
"""

_component = st.components.v2.component("lotrinh.scrub_sync", js=_JS)


def released_value(raw, lever_id: str) -> float | None:
    """The lever value a release sent, snapped to the lever's step; None when it is not a value of that lever
    (the browser is not trusted: anything else is ignored)."""
    lv = LEVERS[lever_id]
    try:
        v = float(raw)
    except (TypeError, ValueError):
        return None
    if not lv.minimum <= v <= lv.maximum:
        return None
    return round(lv.minimum + round((v - lv.minimum) / lv.step) * lv.step, 6)


def _released(key: str, lever_id: str) -> None:
    v = released_value(st.session_state[key].get("released"), lever_id)
    if v is not None:
        set_lever(lever_id, v)


def _state(scenario) -> dict[str, float]:
    """Every lever's value as this render computed the steps with, by its Streamlit slider's key."""
    return {f"lever_{lid}": scenario.value(lid) for lid in LEVERS}


def scrub_sync(chart_key: str, lever_id: str, scenario, slider_key: str | None = None) -> None:
    """Mount (invisibly) after the chart whose in-chart slider moves `lever_id`; `slider_key`: the Streamlit
    slider of that lever on the same page, if any (moving it draws the matching step at once)."""
    key = f"scrub_sync_{chart_key}"
    _component(key=key, data={"chart": chart_key, "lever": slider_key, "release": True, "state": _state(scenario)},
               height=0, on_released_change=lambda: _released(key, lever_id))


def slider_previews(chart_key: str, previews: list[dict], scenario) -> None:
    """Mount (invisibly) after a chart: each preview {slider, traces, steps: [{v, y, visible?, layout?}]} redraws
    those traces (and layout texts) with the step of the Streamlit slider's new value, before the server answers."""
    _component(key=f"previews_{chart_key}", data={"chart": chart_key, "previews": previews, "state": _state(scenario)},
               height=0)
