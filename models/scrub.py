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
from models.scenario import EFFECTS, LEVERS, Scenario, apply, lever_effect

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
    fan = _ordered_fan(prep, NAMES)
    out = []
    for v in grid_values(lever_id):
        sc = replace(scenario, values={**scenario.values, lever_id: float(v)})
        q = fan(sc) if fan else path_quantiles(shown_forecast(prep, sc)[1], NAMES)   # the fan the chart shows
        out.append(ScrubStep(float(v), evaluate(prep, sc).p_meet, {QUANTILE_LEVELS[k]: q[k] for k in NAMES}))
    return out


def band_grid(prep: Prepared, scenario: Scenario, lever_id: str) -> list[tuple[float, dict[float, np.ndarray]]]:
    """The scenario lab's line for one target (median and 80% band of its own series, as the lab's chart draws it
    with `apply`) at every grid value of one lever, the other levers as in `scenario`."""
    s = prep.series
    names = ("q10", "q50", "q90")
    fan = _ordered_fan(prep, names, own=True)
    out = []
    for v in grid_values(lever_id):
        sc = replace(scenario, values={**scenario.values, lever_id: float(v)})
        q = fan(sc) if fan else path_quantiles(apply(prep.fc, s.indicator_id, prep.unit_en, sc, s.territory_id), names)
        out.append((float(v), {0.1: q["q10"], 0.5: q["q50"], 0.9: q["q90"]}))
    return out


def _ordered_fan(prep: Prepared, names: tuple, own: bool = False):
    """scenario -> the quantiles `path_quantiles` takes of the paths the chart shows, from the paths sorted once.

    A scenario maps every path of a year alike and keeps their order (`Effect`), so each quantile is the same map
    of the same two order statistics: a grid of 81 steps then costs one sort instead of 81. For a target relative
    to the region that holds while the scenario only scales the territory's paths (no added points, no bound that
    can bind); otherwise None, and the caller takes the quantiles of the paths themselves."""
    fc = prep.fc
    if fc is None or fc.insufficient or prep.series is None:
        return None
    s = prep.series
    ratio = not own and prep.target.get("kind") == "relative_to_region"
    if ratio:
        shown = prep.fc_ratio
        if shown is None or shown.insufficient or shown.paths.shape[1] != fc.paths.shape[1] \
                or fc.transform.upper is not None or (fc.transform.lower or 0.0) > 0 or not fc.paths.min() > 1e-290:
            return None
        rows = np.clip(np.searchsorted(fc.years, shown.years), 0, len(fc.years) - 1)
        before = (shown.years < fc.years[0])[:, None]
    else:
        shown = fc
    ordered = np.sort(shown.paths, axis=1)
    n = ordered.shape[1]
    pos = np.array([QUANTILE_LEVELS[k] for k in names]) * (n - 1)       # np.quantile's 'linear' rule
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, n - 1)
    t = pos - lo
    a0, b0 = ordered[:, lo], ordered[:, hi]

    def fan(sc: Scenario) -> dict[str, np.ndarray]:
        effect = lever_effect(fc, s.indicator_id, prep.unit_en, sc, s.territory_id)
        if effect is None:
            a, b = a0, b0
        elif ratio:
            if np.any(effect.add != 0):
                return path_quantiles(shown_forecast(prep, sc)[1], names)
            f = np.where(before, 1.0, effect.factor[rows])
            a, b = a0 * f, b0 * f
        else:
            a, b = effect.on(a0), effect.on(b0)
        d = b - a
        q = np.where(t >= 0.5, b - d * (1 - t), a + d * t)                # numpy's own interpolation
        return {k: q[:, i] for i, k in enumerate(names)}
    return fan
