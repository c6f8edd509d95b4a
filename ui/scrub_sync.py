"""The in-chart slider's release, back in the scenario: a JavaScript-only Streamlit component.

Plotly's own slider restyles the fan in the browser (no server round trip while dragging), but its events
never reach Streamlit. This component listens on the chart's graph div for `plotly_sliderend` (mouse up,
after a click or a drag) and sends the step's lever value as a one-rerun trigger; the callback writes it
into the scenario, so the Streamlit sliders, the caption and the address bar follow the chart.
"""
from __future__ import annotations

import streamlit as st

from models.scenario import LEVERS
from ui.widgets import set_lever

# A fixed string (never user data). The graph div outlives reruns, so the listener is attached once and
# calls the sender of the latest render; a redrawn div is picked up by the poll.
_JS = """
export default function ({ data, setTriggerValue }) {
  const hook = () => {
    const gd = document.querySelector(`.st-key-${data.chart} .js-plotly-plot`);
    if (!gd || typeof gd.on !== "function") return;
    gd.__lotrinhSend = setTriggerValue;
    if (gd.__lotrinhHooked) return;
    gd.__lotrinhHooked = true;
    gd.on("plotly_sliderend", (e) => {
      const v = Number(e && e.step && e.step.value);
      if (Number.isFinite(v) && gd.__lotrinhSend) gd.__lotrinhSend("released", v);
    });
  };
  hook();
  const timer = setInterval(hook, 300);
  return () => clearInterval(timer);
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


def scrub_sync(chart_key: str, lever_id: str) -> None:
    """Mount (invisibly) after the chart whose in-chart slider moves `lever_id`."""
    key = f"scrub_sync_{chart_key}"
    _component(key=key, data={"chart": chart_key}, height=0, on_released_change=lambda: _released(key, lever_id))
