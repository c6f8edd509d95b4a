"""A lever's whole range precomputed for one target, so the chart can redraw a scenario without the server.

Re-applying a scenario to cached paths costs about a millisecond, so for the lever that matters most
for a target the fan (2.5/10/25/50/75/90/97.5% per year) and P(meet) are computed at every step of
a grid across the lever's range. The figure carries them as slider steps; dragging that in-chart
slider is then a browser-only redraw. Every number here comes from `apply` and `evaluate`, the same
functions the Streamlit sliders call, so a step shows exactly what the slider would show.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from models.assess import Prepared, evaluate, shown_forecast
from models.forecast import QUANTILE_LEVELS, path_quantiles
from models.scenario import EFFECTS, LEVERS, Scenario, apply

NAMES = ("q025", "q10", "q25", "q50", "q75", "q90", "q975")   # the 50/80/95% bands and the median the fan draws
MAX_STEPS = 81      # every step of every lever today (the widest has 80)


@dataclass(frozen=True)
class ScrubStep:
    value: float
    p_meet: float | None
    quantiles: dict[float, np.ndarray]      # level -> per-year values on the original scale


def acting_levers(prep: Prepared) -> list[str]:
    """The levers that move this target: defined for its series' territory, starting no later than its year
    (the order of EFFECTS is the order of importance)."""
    if prep.series is None or prep.fc is None or prep.fc.insufficient:
        return []
    return [lever_id for lever_id, _ in EFFECTS.get(prep.series.indicator_id, ())
            if LEVERS[lever_id].acts_on(prep.series.territory_id)
            and int(prep.target["target_year"]) >= LEVERS[lever_id].start_year]


def main_lever(prep: Prepared) -> str | None:
    """The lever that matters most for this target (None when no lever can move it)."""
    levers = acting_levers(prep)
    return levers[0] if levers else None


def grid_values(lever_id: str) -> np.ndarray:
    """The lever's range in multiples of its step, thinned to at most MAX_STEPS values."""
    lv = LEVERS[lever_id]
    n = int(round((lv.maximum - lv.minimum) / lv.step))
    stride = max(1, int(np.ceil(n / (MAX_STEPS - 1))))
    return np.union1d(np.round(lv.minimum + lv.step * np.arange(0, n + 1, stride), 6), [round(lv.maximum, 6)])


def lever_grid(prep: Prepared, scenario: Scenario, lever_id: str) -> list[ScrubStep]:
    """Fan and P(meet) at every grid value of one lever, the other levers as in `scenario` (its own value unused)."""
    out = []
    for v in grid_values(lever_id):
        sc = replace(scenario, values={**scenario.values, lever_id: float(v)})
        q = path_quantiles(shown_forecast(prep, sc)[1], NAMES)      # the fan the chart shows (the ratio, for 2045)
        out.append(ScrubStep(float(v), evaluate(prep, sc).p_meet, {QUANTILE_LEVELS[k]: q[k] for k in NAMES}))
    return out


def band_grid(prep: Prepared, scenario: Scenario, lever_id: str) -> list[tuple[float, dict[float, np.ndarray]]]:
    """The scenario lab's line for one target (median and 80% band of its own series, as the lab's chart draws it
    with `apply`) at every grid value of one lever, the other levers as in `scenario`."""
    s = prep.series
    out = []
    for v in grid_values(lever_id):
        sc = replace(scenario, values={**scenario.values, lever_id: float(v)})
        q = path_quantiles(apply(prep.fc, s.indicator_id, prep.unit_en, sc, s.territory_id), ("q10", "q50", "q90"))
        out.append((float(v), {0.1: q["q10"], 0.5: q["q50"], 0.9: q["q90"]}))
    return out
