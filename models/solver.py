""""What it takes": the lever value at which a target's P(meet) reaches a chosen level.

P(meet) is monotone in each lever's direction (a lever only shifts paths one way), so a
bisection over the lever's range on cached paths finds the value without refitting.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from models.assess import Prepared, evaluate
from models.scenario import LEVERS, Scenario


@dataclass
class Solution:
    lever_id: str
    p_target: float
    value: float | None          # None: not reachable within the lever's range
    p_at_min: float | None
    p_at_max: float | None
    reachable: bool
    already: bool = False        # the target probability is met at the lever's current value


def _p(prep: Prepared, scenario: Scenario, lever_id: str, x: float) -> float | None:
    s = replace(scenario, values={**scenario.values, lever_id: x})
    return evaluate(prep, s).p_meet


def what_it_takes(prep: Prepared, lever_id: str, p_target: float = 0.7, scenario: Scenario | None = None,
                  tol: float = 1e-3) -> Solution:
    """Smallest move of `lever_id` (in its helpful direction) that gives P(meet) >= p_target."""
    scenario = scenario or Scenario("baseline")
    lv = LEVERS[lever_id]
    lo_p, hi_p = _p(prep, scenario, lever_id, lv.minimum), _p(prep, scenario, lever_id, lv.maximum)
    if lo_p is None or hi_p is None:
        return Solution(lever_id, p_target, None, lo_p, hi_p, False)
    current = scenario.value(lever_id)
    cur_p = _p(prep, scenario, lever_id, current)
    if cur_p is not None and cur_p >= p_target:
        return Solution(lever_id, p_target, current, lo_p, hi_p, True, already=True)
    increasing = hi_p >= lo_p
    best = hi_p if increasing else lo_p
    if best < p_target:
        return Solution(lever_id, p_target, None, lo_p, hi_p, False)
    a, b = (lv.minimum, lv.maximum) if increasing else (lv.maximum, lv.minimum)   # p(a) < target <= p(b)
    for _ in range(40):
        mid = (a + b) / 2
        if _p(prep, scenario, lever_id, mid) >= p_target:
            b = mid
        else:
            a = mid
        if abs(b - a) < tol * max(1.0, lv.maximum - lv.minimum):
            break
    step = lv.step
    value = round(round(b / step) * step, 6)
    if _p(prep, scenario, lever_id, value) < p_target:   # rounding must not fall short of the target
        value = round(value + (step if increasing else -step), 6)
    return Solution(lever_id, p_target, value, lo_p, hi_p, True)
