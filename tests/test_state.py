"""Links carry the whole scenario and nothing else is trusted from them."""
from urllib.parse import parse_qs, urlparse

from models.scenario import PRESETS, Scenario
from ui.state import params_to_scenario, scenario_to_params, share_link


def test_scenario_survives_a_round_trip_through_a_link():
    s = Scenario("Kịch bản họp 12/2026", {"grdp_growth": 1.5, "rollout_5g": 12.0})
    link = share_link("http://127.0.0.1:8501/scenarios", "scenarios", s, {"lang": "vi", "target": "kh402_5g_2030"})
    parsed = urlparse(link)
    assert parsed.path == "/scenarios"
    back = params_to_scenario(parse_qs(parsed.query))
    assert back.values == s.values and back.name == s.name
    assert parse_qs(parsed.query)["target"] == ["kh402_5g_2030"]


def test_baseline_adds_nothing_to_the_link():
    assert scenario_to_params(PRESETS["baseline"]) == {}


def test_bad_values_in_a_link_are_ignored():
    s = params_to_scenario({"sc_grdp_growth": "99", "sc_magic": "1", "sc_rollout_5g": "abc", "sc_digital_economy": "0.5"})
    assert s.values == {"digital_economy": 0.5}


def test_preset_in_a_link():
    assert params_to_scenario({"preset": "optimistic"}).values == PRESETS["optimistic"].values
