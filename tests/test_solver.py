"""The solver: the lever value that gives a chosen probability, or that it is out of reach."""

from models.assess import evaluate
from models.scenario import LEVERS, Scenario
from models.solver import what_it_takes


def test_solver_finds_the_lever_value_for_a_chosen_probability(prepared):
    prep = prepared["qd325_grdp_growth_2030"]
    sol = what_it_takes(prep, "grdp_growth", 0.3)
    assert sol.reachable
    assert evaluate(prep, Scenario("s", {"grdp_growth": sol.value})).p_meet >= 0.3
    lower = round(sol.value - LEVERS["grdp_growth"].step, 6)
    assert evaluate(prep, Scenario("s", {"grdp_growth": lower})).p_meet < 0.3


def test_solver_says_when_a_target_is_out_of_reach(prepared):
    assert not what_it_takes(prepared["qd325_grdp_growth_2030"], "grdp_growth", 0.999).reachable
    sol = what_it_takes(prepared["nq52_productivity_2025"], "productivity_push", 0.7)
    assert not sol.reachable and sol.value is None
