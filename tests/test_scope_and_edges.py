"""Bugs found on the way: lever scope, commune counts per territory, likelihood edges, registry numbers."""
import numpy as np
import pytest

from models.assess import evaluate, prepare
from models.catalog import load_catalog
from models.derive import with_derived
from models.progress import likelihood
from models.scenario import COMMUNES, LEVERS, Scenario, apply
from ui.i18n import fmt_auto


@pytest.fixture(scope="module")
def cat():
    return with_derived(load_catalog())


@pytest.mark.parametrize("p, code", [(0.90, "very_likely"), (0.66, "likely"), (0.33, "about_as_likely_as_not"),
                                     (0.10, "unlikely"), (0.01, "very_unlikely"), (0.99, "virtually_certain"),
                                     (0.0, "exceptionally_unlikely"), (0.8999, "likely")])
def test_lower_edges_of_the_likelihood_words_are_inclusive(p, code):
    assert likelihood(p)[0] == code


def test_no_lever_moves_a_target_of_another_territory(cat):
    everything = Scenario("all", {k: lv.maximum for k, lv in LEVERS.items()})
    for row in cat.targets.to_dict("records"):
        if row["kind"] == "qualitative":
            continue
        prep = prepare(cat, row, n_paths=300)
        base, moved = evaluate(prep), evaluate(prep, everything)
        territory = prep.series.territory_id if prep.series is not None else row["assess_territory_id"]
        if not any(lv.acts_on(territory) for lv in LEVERS.values()):
            assert base.p_meet == moved.p_meet, row["target_id"]


def test_a_commune_roll_out_counts_the_communes_of_its_territory():
    import pandas as pd
    from models.forecast import forecast
    fc = forecast(pd.Series([60.0, 65, 70, 74, 78, 81], index=range(2020, 2026)), 5, n_paths=500, lower=0, upper=100,
                  calibration=False)
    s = Scenario("x", {"fibre_rollout": 10.0})
    for territory in ("tuyen_quang_old", "tuyen_quang_merged", "ha_giang"):
        moved = apply(fc, "broadband_communes_pct", "% of communes", s, territory) - fc.paths
        first = moved[0][fc.paths[0] < 90]          # away from the 100% ceiling
        assert np.median(first) == pytest.approx(10 * 100 / COMMUNES[territory], rel=1e-9)
    assert np.all(apply(fc, "broadband_communes_pct", "% of communes", s, "vietnam") == fc.paths)


def test_national_targets_do_not_move_with_provincial_levers(cat):
    row = cat.targets.set_index("target_id").loc["nq52_productivity_2030"].to_dict() | {"target_id": "nq52_productivity_2030"}
    prep = prepare(cat, row, n_paths=500)
    assert evaluate(prep).p_meet == evaluate(prep, Scenario("x", {"grdp_growth": 2.0})).p_meet


@pytest.mark.parametrize("value, text", [(1000.0, "1.000"), (2500.0, "2.500"), (130.0, "130")])
def test_registry_values_keep_their_thousands(value, text):
    assert fmt_auto(value, "vi") == text


def test_no_year_one_and_no_internal_scenario_name_reach_the_user():
    from ui.state import scenario_to_params
    from ui.widgets import CUSTOM, catch_up_label, scenario_label
    assert catch_up_label({"last_year": None}, "vi") == "Cần đạt mỗi năm"
    assert catch_up_label({"last_year": float("nan")}, "en") == "Needed per year"
    assert catch_up_label({"last_year": 2024}, "vi").endswith("2025")
    s = Scenario(CUSTOM, {"grdp_growth": 1.0})
    assert scenario_label(s, "vi") == "Tùy chỉnh" and scenario_label(s, "en") == "Custom"
    assert "scenario" not in scenario_to_params(s) and scenario_to_params(s)["sc_grdp_growth"] == "1"


def test_a_verdict_reads_met_or_not_met_and_an_insufficient_target_shows_no_category():
    import pandas as pd
    from ui.widgets import assessment_table
    cat = load_catalog()
    ids = ["kh402_broadband_2025", "tq_plan2025_grdp_growth", "tq_di_mobile_subs_2025"]
    assess = pd.DataFrame([
        {"target_id": ids[0], "target_year": 2025, "kind": "coverage_full", "state": "verdict", "verdict": "met",
         "un_category": "", "evidence": "observed"},
        {"target_id": ids[1], "target_year": 2025, "kind": "level_at_least", "state": "verdict", "verdict": "not_met",
         "un_category": "", "evidence": "observed"},
        {"target_id": ids[2], "target_year": 2025, "kind": "level_at_least", "state": "insufficient", "verdict": "",
         "un_category": "on_track", "evidence": "none"}]).assign(p_meet=None, phrase_vi="", phrase_en="", catch_up=None,
                                                                catch_up_unit="", last_year=None)
    targets = cat.targets[cat.targets.target_id.isin(ids)]
    table = assessment_table(assess, targets, cat.documents, "vi").set_index("target_id")
    assert table.loc[ids[0], "Tình trạng"] == "Đạt" and table.loc[ids[1], "Tình trạng"] == "Không đạt"
    assert table.loc[ids[2], "Phân loại LHQ 2023"] == ""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_document_is_named_by_its_number_or_by_its_title_in_the_language_in_use(cat, lang):
    from models.catalog import DOC_NUMBER

    for d in cat.documents.to_dict("records"):
        label = cat.document_label(d["document_id"], lang)
        assert not label.startswith("("), label                        # no bracketed placeholder to double up
        assert label == d["number"] if DOC_NUMBER.search(d["number"]) else label == d[f"title_{lang}"]
    assert cat.document_label("kh402", lang) == "402-KH/TU"
    assert cat.document_label("tq_annual_plan_2025", "en") == "2025 socio-economic plan"


def test_every_fact_the_models_use_has_a_value_and_a_source():
    from models import config

    facts = {k: v for k, v in config.FACTS.items() if not k.startswith("_")}
    flat = [v for v in facts.values() if "value" in v] + [x for v in facts.values() if "value" not in v for x in v.values()]
    assert flat and all(str(f.get("source", "")).strip() and f.get("value") is not None for f in flat)
    assert COMMUNES == {k: v["value"] for k, v in config.FACTS["communes"].items()}
    assert Scenario("s").start_year == config.START_YEAR == LEVERS["grdp_growth"].start_year
