"""Scenario and view state <-> URL query parameters (pure functions, so links can be tested)."""
from __future__ import annotations

from urllib.parse import urlencode

from models.scenario import LEVERS, PRESETS, Scenario

PREFIX = "sc_"


def scenario_to_params(scenario: Scenario) -> dict[str, str]:
    """Only non-default levers travel in the URL, with the scenario's name."""
    params = {f"{PREFIX}{k}": f"{float(v):g}" for k, v in sorted(scenario.values.items())
              if float(v) != LEVERS[k].default}
    if scenario.name and scenario.name not in ("baseline", "custom", "s"):   # internal names never travel
        params["scenario"] = scenario.name
    return params


def params_to_scenario(params: dict) -> Scenario:
    """Rebuild a scenario from query parameters; unknown or out-of-range values are ignored, never trusted."""
    def one(v):
        return v[-1] if isinstance(v, (list, tuple)) else v

    values: dict[str, float] = {}
    preset = one(params.get("preset", ""))
    if preset in PRESETS:
        values.update(PRESETS[preset].values)
    for key, raw in params.items():
        if not key.startswith(PREFIX):
            continue
        lever = key[len(PREFIX):]
        if lever not in LEVERS:
            continue
        try:
            v = float(one(raw))
        except (TypeError, ValueError):
            continue
        lv = LEVERS[lever]
        if lv.minimum <= v <= lv.maximum:
            values[lever] = v
    name = str(one(params.get("scenario", preset or "baseline")))[:60] or "baseline"
    return Scenario(name, values)


def share_link(base_url: str, page: str, scenario: Scenario, extra: dict[str, str]) -> str:
    """The full link that reopens this view: page, language, target and every lever."""
    base = (base_url or "").split("?")[0].rstrip("/")
    root = base.rsplit("/", 1)[0] if page and base.endswith("/" + page) else base
    query = {**extra, **scenario_to_params(scenario)}
    path = f"{root}/{page}" if page else root
    return f"{path}?{urlencode(query)}" if query else path
