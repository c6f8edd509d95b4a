"""Scenarios: levers move probabilities the right way, from the start year, within bounds, without refits."""
import numpy as np
import pandas as pd
import pytest

from models.assess import evaluate
from models.forecast import forecast
from models.scenario import PRESETS, Scenario, apply


@pytest.mark.parametrize("target_id,lever", [("qd325_grdp_growth_2030", "grdp_growth"),
                                             ("tq_de_productivity_2030", "productivity_push"),
                                             ("qd1339_grdp_growth_2030", "grdp_growth")])
def test_probability_moves_the_right_way_when_a_lever_moves(prepared, target_id, lever):
    prep = prepared[target_id]
    p = [evaluate(prep, Scenario("s", {lever: v})).p_meet for v in (-1.0, 0.0, 2.0, 3.0)]
    assert p == sorted(p) and p[-1] > p[0]


def test_employment_growth_lowers_productivity(prepared):
    prep = prepared["tq_de_productivity_2030"]
    push = {"productivity_push": 2.5}
    assert (evaluate(prep, Scenario("s", {**push, "employment_growth": 1.0})).p_meet
            < evaluate(prep, Scenario("s", push)).p_meet)


def test_applying_a_scenario_never_refits_or_changes_the_cached_paths(prepared):
    prep = prepared["qd325_grdp_growth_2030"]
    before = prep.fc.z_paths.copy()
    evaluate(prep, PRESETS["optimistic"])
    np.testing.assert_array_equal(prep.fc.z_paths, before)


def test_rollout_lever_never_crosses_the_bound():
    share = pd.Series([80.0, 85.0, 88.0, 90.0, 92.0, 94.0], index=range(2019, 2025))
    res = forecast(share, 6, n_paths=500, lower=0, upper=100)
    out = apply(res, "broadband_communes_pct", "% of communes", Scenario("s", {"fibre_rollout": 40}))
    assert out.max() <= 100 and np.median(out[-1]) >= np.median(res.paths[-1])


def test_level_drift_compounds_from_the_start_year():
    s = pd.Series(np.linspace(100, 150, 10), index=range(2016, 2026))
    res = forecast(s, 3, n_paths=300, calibration=False)
    out = apply(res, "grdp_current", "billion VND", Scenario("s", {"grdp_growth": 2.0}))
    np.testing.assert_allclose(out / res.paths, np.array([[1.02], [1.02 ** 2], [1.02 ** 3]]) * np.ones((1, 300)))


def test_scenario_round_trips_and_refuses_bad_levers():
    s = PRESETS["optimistic"]
    assert Scenario.from_json(s.to_json()) == s
    with pytest.raises(ValueError, match="unknown lever 'magic'"):
        Scenario("x", {"magic": 1}).validate()
    with pytest.raises(ValueError, match="outside"):
        Scenario("x", {"grdp_growth": 99}).validate()


def test_presets_are_documented_and_within_range():
    from models.texts import t
    for name, s in PRESETS.items():
        s.validate()
        assert t(f"preset_{name}", "vi") and t(f"preset_{name}", "en") != t(f"preset_{name}", "vi"), name
    assert set(PRESETS) == {"baseline", "optimistic", "pessimistic"}
