"""The Streamlit sliders and the chart, joined in the browser: a JavaScript-only component (st.components.v2).

Plotly's own in-chart slider restyles the fan in the browser, but its events never reach Streamlit: this
component listens for `plotly_sliderend` (mouse up, after a click or a drag) and sends the step's lever value
as a one-rerun trigger; the callback writes it into the scenario, so the Streamlit sliders, the caption and the
address bar follow the chart. The other way round, when the user moves a Streamlit slider whose steps the
server has computed (the main lever's inside the figure, the others' beside it; models/scrub.py, the same
`apply` and `evaluate`), the chart is redrawn from the matching step at once; the rerun that follows brings
the metrics and the server's own figure, with the same numbers.

A step is drawn straight into the chart's SVG (its four fan paths and the P(meet) line: about 0.4 ms in Chromium
here), not with `Plotly.update`, which recomputes and redraws the whole figure, its 81-step slider and legend
included (35–55 ms). The figure's frame is fixed for that (ui/charts.fan_chart: no autorange under an in-chart
slider); once the moves pause, one `Plotly.update` of the last step brings Plotly's own state (hover, handle) along.
Anything the fast path cannot draw exactly (a trace shown or hidden, another layout change) goes to `Plotly.update`.
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
  // a chart Streamlit has replaced (or Plotly purged) has no layout: its timers and events then do nothing
  const sliderOf = (gd) => (gd.isConnected && gd.layout && gd.layout.sliders && gd.layout.sliders[0]) || null;
  const ANNOTATION_TEXT = /^annotations\\[(\\d+)\\]\\.text$/;
  // A step into the SVG as Plotly would draw it; false (nothing touched) when it cannot be drawn exactly that way.
  const fastDraw = (gd, traces, layout, which) => {
    const fl = gd._fullLayout, xa = fl && fl.xaxis, ya = fl && fl.yaxis;
    if (!xa || !ya || ya.autorange || !gd._fullData) return false;     // x never changes between steps
    const texts = [];
    for (const [key, value] of Object.entries(layout || {})) {
      const m = ANNOTATION_TEXT.exec(key);
      const el = m && gd.querySelector(`.annotation[data-index="${m[1]}"] .annotation-text`);
      if (!el || typeof value !== "string" || /[<>&\\n]/.test(value)) return false;   // plain one-line text only
      texts.push([el, value]);
    }
    const groups = new Map();
    gd.querySelectorAll(".scatterlayer .trace").forEach((g) => {
      const d = g.__data__ && g.__data__[0];
      if (d && d.trace) groups.set(d.trace.index, g);
    });
    const paths = [];
    for (let j = 0; j < which.length; j++) {
      const full = gd._fullData[which[j]], input = gd.data[which[j]];
      const want = traces.visible ? traces.visible[j] : full && full.visible;
      if (!full || !input || full.visible !== want || full.type !== "scatter" || full.line.shape !== "linear"
          || (full.fill !== "none" && full.fill !== "toself")) return false;
      if (want !== true) continue;                        // hidden before and after: nothing to draw
      const g = groups.get(which[j]), x = input.x, y = traces.y[j];
      if (!g || !x || !y || x.length !== y.length) return false;
      let d = "";
      for (let k = 0; k < y.length; k++) {
        const px = xa.c2p(x[k]), py = ya.c2p(y[k]);
        if (!Number.isFinite(px) || !Number.isFinite(py)) return false;
        d += `${k ? "L" : "M"}${px.toFixed(2)},${py.toFixed(2)}`;
      }
      if (full.fill === "toself") d += "Z";
      for (const el of g.querySelectorAll("path.js-fill, path.js-line")) paths.push([el, d]);
    }
    for (const [el, d] of paths) el.setAttribute("d", d);
    for (const [el, value] of texts) {    // kept where it starts (the annotation is anchored on its left)
      const x = el.getBBox().x;
      el.textContent = value;
      el.setAttribute("data-unformatted", value);
      el.setAttribute("text-anchor", "start");
      el.setAttribute("x", x);
    }
    return true;
  };
  const own = (gd, call) => {            // Plotly calls of this component: not a redraw from the server
    gd.__lotrinhOwn = (gd.__lotrinhOwn || 0) + 1;
    return Promise.resolve().then(call).finally(() => { gd.__lotrinhOwn -= 1; });
  };
  // after the moves pause: Plotly's own redraw of the last step drawn, so its hover, legend and data agree. The
  // server's own figure (0.3–0.7 s after a move here) usually comes first and makes it unneeded (see afterplot)
  const settle = (gd, args, active) => {
    clearTimeout(gd.__lotrinhSettle);
    gd.__lotrinhPending = { args, active };
    gd.__lotrinhSettle = setTimeout(() => {
      const p = gd.__lotrinhPending, sl = sliderOf(gd);
      gd.__lotrinhPending = null;
      if (!p || !gd.isConnected || !gd.layout) return;
      if (sl && p.active !== null) sl.active = p.active;
      own(gd, () => window.Plotly.update(gd, p.args[0], Object.assign({}, p.args[1]), p.args[2]));
    }, 1500);
  };
  // args: [traces, layout, which] as in a Plotly slider step; active: the in-chart handle to move with it (or null)
  const draw = (gd, args, active) => {
    const [traces, layout, which] = args;
    if (!gd.isConnected || !gd.layout) return;
    const sl = sliderOf(gd);
    if (fastDraw(gd, traces, layout, which)) {
      settle(gd, args, active);
      if (active !== null && sl) {        // the in-chart handle follows once the fan is on screen
        sl.active = active;
        requestAnimationFrame(() => setTimeout(() => {
          if (sl === sliderOf(gd) && sl.active === active)
            own(gd, () => window.Plotly.relayout(gd, { "sliders[0].active": active }));
        }, 0));
      }
      return;
    }
    clearTimeout(gd.__lotrinhSettle);
    gd.__lotrinhPending = null;
    if (active !== null && sl) sl.active = active;    // read by the redraw the update makes anyway
    own(gd, () => window.Plotly.update(gd, traces, Object.assign({}, layout), which));
  };
  const drawStep = (gd, v) => {          // the figure's own in-chart slider holds every step of the lever
    const sl = sliderOf(gd);
    if (!sl) return;
    const i = sl.steps.findIndex((s) => near(s.value, v));
    if (i < 0 || i === sl.active) return;
    draw(gd, sl.steps[i].args, i);
  };
  const drawPreview = (gd, p, v) => {    // steps sent beside the figure: new y (and visibility, a text) for some traces
    const step = p.steps.find((s) => near(s.v, v));
    if (!step) return;
    const traces = step.visible ? { y: step.y, visible: step.visible } : { y: step.y };
    draw(gd, [traces, step.layout || {}, p.traces], null);
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
        // steps the server handed over (execute: false) are drawn here, as the handle moves
        gd.on("plotly_sliderchange", (e) => {
          if (e && e.interaction && e.step && e.step.execute === false && e.step.args) draw(gd, e.step.args, null);
        });
        gd.on("plotly_sliderend", (e) => {
          const v = Number(e && e.step && e.step.value);
          if (Number.isFinite(v) && gd.__lotrinhSend) gd.__lotrinhSend("released", v);
        });
        // while keys are held, the answer to an earlier press can arrive after a later press was drawn:
        // put the slider's own value back rather than flash the older one
        gd.on("plotly_afterplot", () => {
          if (gd.__lotrinhOwn) return;
          clearTimeout(gd.__lotrinhSettle);   // the server's figure is drawn: nothing of ours left to settle
          gd.__lotrinhPending = null;
          const input = gd.__lotrinhInput, sl = sliderOf(gd);
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


def hand_over(fig) -> None:
    """The in-chart slider's steps are drawn by this component (see the module's docstring), not run by Plotly:
    only on the pages that mount it (a figure saved elsewhere keeps Plotly's own `update` steps)."""
    if fig is not None and fig.layout.sliders:
        for step in fig.layout.sliders[0].steps:
            step.execute = False


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
