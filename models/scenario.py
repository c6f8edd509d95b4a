"""Scenarios: named, serialisable sets of lever values applied to cached forecast paths (no refit).

A lever shifts an indicator's yearly drift from a start year (percentage points per year),
applies a one-off level shock in a year, or adds a roll-out pace (units per year) to a
coverage indicator. Derived indicators follow their inputs: labour productivity moves with
GRDP growth divided by employment growth.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import numpy as np

from models.catalog import RATE_UNITS
from models.config import COMMUNES, START_YEAR
from models.forecast import ForecastResult



@dataclass(frozen=True)
class Lever:
    """A scenario lever: its range and kind here, its words in the catalogue (lever_<id>, lever_unit_<id>)."""

    lever_id: str
    minimum: float
    maximum: float
    step: float
    kind: str                      # drift | shock | rollout
    default: float = 0.0
    start_year: int = START_YEAR
    units_total: float | None = None   # roll-out in units (communes): how many make 100%, per territory (COMMUNES)
    scope: tuple[str, ...] = ("tuyen_quang_old", "tuyen_quang_merged", "ha_giang")   # the territories it acts on

    def label(self, lang: str) -> str:
        from models.texts import t
        return t(f"lever_{self.lever_id}", lang)

    def unit(self, lang: str) -> str:
        from models.texts import t
        return t(f"lever_unit_{self.lever_id}", lang)

    label_vi = property(lambda self: self.label("vi"))
    label_en = property(lambda self: self.label("en"))
    unit_vi = property(lambda self: self.unit("vi"))
    unit_en = property(lambda self: self.unit("en"))

    def acts_on(self, territory_id: str | None) -> bool:
        return territory_id is None or territory_id in self.scope


# COMMUNES (data/facts.json, with sources): commune-level units per territory, the denominator of a commune roll-out.
LEVERS: dict[str, Lever] = {lv.lever_id: lv for lv in (
    Lever("grdp_growth", -4.0, 4.0, 0.1, "drift"),
    Lever("employment_growth", -3.0, 3.0, 0.1, "drift"),
    Lever("productivity_push", -2.0, 4.0, 0.1, "drift"),
    Lever("grdp_shock", -10.0, 5.0, 0.5, "shock"),
    Lever("fibre_rollout", 0.0, 40.0, 1.0, "rollout", units_total=COMMUNES["tuyen_quang_merged"]),
    Lever("village_fibre_rollout", 0.0, 10.0, 0.5, "rollout", units_total=100),
    Lever("rollout_5g", 0.0, 30.0, 1.0, "rollout", units_total=100),
    Lever("digital_economy", -1.0, 3.0, 0.1, "drift"),
)}

# How each lever reaches each indicator: (indicator_id, lever_id, sign). Productivity = GRDP / employment.
EFFECTS: dict[str, tuple[tuple[str, float], ...]] = {
    "grdp_current": (("grdp_growth", 1.0), ("grdp_shock", 1.0)),
    "grdp_const2010": (("grdp_growth", 1.0), ("grdp_shock", 1.0)),
    "grdp_growth_const": (("grdp_growth", 1.0), ("grdp_shock", 1.0)),
    "grdp_per_capita_current": (("grdp_growth", 1.0), ("grdp_shock", 1.0)),
    "gdp_growth_const": (("grdp_growth", 1.0),),
    "employed_15plus": (("employment_growth", 1.0),),
    "labour_force_15plus": (("employment_growth", 1.0),),
    "labour_productivity_current": (("grdp_growth", 1.0), ("employment_growth", -1.0), ("productivity_push", 1.0),
                                    ("grdp_shock", 1.0)),
    "labour_productivity_growth_const": (("grdp_growth", 1.0), ("employment_growth", -1.0),
                                         ("productivity_push", 1.0), ("grdp_shock", 1.0)),
    "labour_productivity_proxy_lf": (("grdp_growth", 1.0), ("employment_growth", -1.0), ("productivity_push", 1.0),
                                     ("grdp_shock", 1.0)),
    "broadband_communes_pct": (("fibre_rollout", 1.0),),
    "villages_ftth_pct": (("village_fibre_rollout", 1.0),),
    "households_ftth_pct": (("village_fibre_rollout", 1.0),),
    "population_5g_coverage_pct": (("rollout_5g", 1.0),),
    "digital_economy_share_gdp_pct": (("digital_economy", 1.0),),
}


@dataclass
class Scenario:
    """A named set of lever values (missing levers are at their default, 0)."""

    name: str
    values: dict[str, float] = field(default_factory=dict)
    description: str = ""
    start_year: int = START_YEAR

    def value(self, lever_id: str) -> float:
        return float(self.values.get(lever_id, LEVERS[lever_id].default))

    def validate(self) -> "Scenario":
        for k, v in self.values.items():
            if k not in LEVERS:
                raise ValueError(f"unknown lever '{k}'")
            lv = LEVERS[k]
            if not lv.minimum <= float(v) <= lv.maximum:
                raise ValueError(f"lever '{k}' = {v} is outside [{lv.minimum}, {lv.maximum}]")
        return self

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Scenario":
        raw = json.loads(text)
        return cls(name=str(raw["name"]), values={k: float(v) for k, v in raw.get("values", {}).items()},
                   description=str(raw.get("description", "")), start_year=int(raw.get("start_year", START_YEAR))).validate()

    def key(self) -> tuple:
        """Hashable identity, for caches."""
        return (self.start_year, tuple(sorted((k, float(v)) for k, v in self.values.items() if float(v) != 0.0)))


PRESETS: dict[str, Scenario] = {   # what each preset assumes is said in the catalogue (preset_<id>)
    "baseline": Scenario("baseline", {}),
    "optimistic": Scenario("optimistic", {
        "grdp_growth": 1.0, "productivity_push": 1.0, "fibre_rollout": 10.0, "village_fibre_rollout": 2.0,
        "rollout_5g": 15.0, "digital_economy": 1.0}),
    "pessimistic": Scenario("pessimistic", {
        "grdp_growth": -1.5, "employment_growth": 0.5, "grdp_shock": -2.0, "rollout_5g": 3.0}),
}

def _rate_indicator(unit_en: str) -> bool:
    return unit_en in RATE_UNITS


def apply(result: ForecastResult, indicator_id: str, unit_en: str, scenario: Scenario,
          territory_id: str | None = None) -> np.ndarray:
    """Scenario-adjusted paths on the original scale (the cached `result` is not changed).

    A lever acts only on the territories it is defined for (a provincial lever never moves a national
    target); a commune roll-out counts the communes of the territory it acts on.
    """
    paths = result.paths
    effect = lever_effect(result, indicator_id, unit_en, scenario, territory_id)
    return paths if effect is None else effect.on(paths)


@dataclass(frozen=True)
class Effect:
    """What a scenario does to every path of one forecast alike, year by year: clip(paths × factor + add).
    The same map for every path and increasing in the value, so it keeps the paths' order within a year."""

    factor: np.ndarray          # (years, 1)
    add: np.ndarray             # (years, 1)
    lower: float | None
    upper: float | None

    def on(self, x: np.ndarray) -> np.ndarray:
        out = x * self.factor + self.add
        if self.lower is not None:
            out = np.maximum(out, self.lower)
        if self.upper is not None:
            out = np.minimum(out, self.upper)
        return out


def lever_effect(result: ForecastResult, indicator_id: str, unit_en: str, scenario: Scenario,
                 territory_id: str | None = None) -> Effect | None:
    """The map `apply` puts on the paths (None when the scenario leaves this forecast as it is)."""
    if result.insufficient or result.z_paths.size == 0:
        return None
    effects = EFFECTS.get(indicator_id, ())
    effects = tuple((lv, sign) for lv, sign in effects if LEVERS[lv].acts_on(territory_id))
    if not effects or not any(scenario.value(lv) for lv, _ in effects):
        return None
    years = result.years
    since = np.clip(years - scenario.start_year + 1, 0, None).astype(float)[:, None]   # 1 in the start year
    tr = result.transform
    rate = _rate_indicator(unit_en)
    log_shift = np.zeros_like(since)
    add = np.zeros_like(since)
    for lever_id, sign in effects:
        lv, v = LEVERS[lever_id], scenario.value(lever_id) * sign
        if v == 0:
            continue
        if lv.kind == "drift":
            if rate or tr.kind == "identity":
                add += np.where(since > 0, v, 0.0)                      # a rate moves by v pp each year
            elif tr.kind == "logit":
                add += since * v                                          # a share gains v pp a year
            else:
                log_shift += since * np.log1p(v / 100.0)                  # a level compounds v pp faster
        elif lv.kind == "shock":
            in_year = (years == scenario.start_year).astype(float)[:, None]
            if rate or tr.kind == "identity":
                add += in_year * v                                        # growth that year moves by v pp
            else:
                log_shift += (since > 0) * np.log1p(v / 100.0)            # the level stays shifted
        elif lv.kind == "rollout":
            total = COMMUNES.get(territory_id, lv.units_total) if lv.units_total and territory_id else lv.units_total
            per_year = v * 100.0 / (total or 100.0)
            add += since * per_year
    return Effect(np.exp(log_shift), add, tr.lower, tr.upper)
