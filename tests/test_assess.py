"""Assessment of the bundled targets: verdicts, nowcasts, outlooks, insufficient data, the points used."""
import pytest

from models.assess import assess_all, evaluate, prepare


@pytest.fixture(scope="module")
def cat(assess_cat):
    return assess_cat


def target(cat, target_id):
    return cat.targets.set_index("target_id").loc[target_id].to_dict() | {"target_id": target_id}


def test_passed_coverage_target_gets_a_verdict_from_the_observation(prepared):
    a = evaluate(prepared["kh402_broadband_2025"])
    assert (a.state, a.verdict, a.evidence) == ("verdict", "met", "observed")
    assert any("achieved in 2023" in n for n in a.notes)


def test_published_bound_decides_a_verdict(prepared):
    a = evaluate(prepared["tq_plan2025_grdp_growth"])
    assert (a.state, a.verdict) == ("verdict", "not_met")
    assert any("below 7" in n for n in a.notes)


def test_average_growth_nowcast_uses_observed_years_and_the_catch_up_number(prepared):
    a = evaluate(prepared["nq52_productivity_2025"])
    assert a.state == "nowcast"
    # 2021-24 averaged 4.76%: 2025 alone would need (1.07^5 / Π)^(1) - 1 = 16.46%
    assert a.catch_up == pytest.approx(16.46, abs=0.01)
    assert a.p_meet < 0.01 and a.phrase_code == "exceptionally_unlikely"


def test_future_average_growth_target_is_an_outlook_with_monte_carlo_error(prepared):
    a = evaluate(prepared["nq52_productivity_2030"])
    assert a.state == "outlook" and 0 <= a.p_meet <= 1
    assert a.p_meet_se <= 0.0112
    assert a.phrase_vi and a.phrase_en


def test_target_without_data_says_insufficient_data(cat):
    a = evaluate(prepare(cat, target(cat, "kh402_5g_2030"), n_paths=300))
    assert a.state == "insufficient" and a.p_meet is None
    assert any("insufficient data" in n for n in a.notes)


def test_plan_productivity_2025_is_a_nowcast_on_observed_and_estimated_years(prepared):
    a = evaluate(prepared["kh402_productivity_2025"])
    assert a.state == "nowcast" and 0 <= a.p_meet <= 1
    assert a.observed_years == "2022, 2023, 2024" and a.estimated_years == "2021, 2025"
    assert a.p_meet_tolerant >= a.p_meet            # 'khoảng 7%': ≥ 6.5% is easier than ≥ 7%
    assert a.stat_q10 < a.stat_q50 < a.stat_q90
    assert a.rests_on_estimate and "grdp_growth_const[tuyen_quang_old, 2024]" in a.estimate_inputs
    # what 2021 and 2025 together must average, given the three observed years
    done = (1 + 8.36471 / 100) * (1 + 7.16848 / 100) * (1 + 7.85827 / 100)
    assert a.catch_up == pytest.approx(((1.07 ** 5 / done) ** 0.5 - 1) * 100, abs=0.02)
    assert a.catch_up_years == "2021, 2025"


def test_region_target_compares_with_the_employment_weighted_region(prepared):
    a = evaluate(prepared["kh402_productivity_region_2045"])
    assert a.state == "outlook" and a.low_evidence
    prep = prepared["kh402_productivity_region_2045"]
    assert list(prep.ratio.index) == [2021, 2022]     # one employment concept: 2019–2020 only lend their changes
    r2022 = float(prep.ratio.loc[2022])
    assert a.catch_up == pytest.approx(((1 / r2022) ** (1 / 23) - 1) * 100, abs=1e-6)
    assert prep.fc_ratio.n_extra == 1                  # the 2019→2020 change joins the 2021→2022 change


def test_qualitative_target_is_registered_not_dropped(prepared):
    assert evaluate(prepared["kh402_digital_gov_2025"]).state == "qualitative"


def test_territory_that_ceased_to_exist_is_noted_with_the_target_that_supersedes_it(prepared):
    a = evaluate(prepared["qd325_grdp_growth_2030"]).to_dict()
    assert "ceased to exist in 2025" in a["warn_en"] and "not re-assessed on the new province" in a["warn_en"]
    assert "10,5%/năm giai đoạn 2026–2030 (2030," in a["warn_vi"]          # the successor, named


def test_assess_all_covers_every_registered_target(cat):
    table = assess_all(cat, n_paths=300)
    assert len(table) == len(cat.targets)
    assert set(table["state"]) <= {"verdict", "nowcast", "outlook", "insufficient", "qualitative"}
    assert table.loc[table["state"] == "outlook", "p_meet"].between(0, 1).all()


def test_points_used_are_those_after_the_last_gap(prepared):
    # Vietnam's GII rank: 2012, 2014, 2016–2024 — the forecast starts after the 2015 gap, so 9 points are used
    a = evaluate(prepared["nq52_gii_2030"])
    assert a.n_points == 9 and a.evidence == "moderate"


def test_a_target_relative_to_the_region_reports_the_latest_ratio_not_the_level(prepared):
    prep = prepared["kh402_productivity_region_2045"]
    a = evaluate(prep)
    assert (a.last_year, a.last_value) == (int(prep.ratio.index[-1]), float(prep.ratio.iloc[-1]))
    assert 0.5 < a.last_value < 1.0          # a multiple of the regional average, not million VND per worker


def test_money_per_head_keeps_its_drift_but_the_ratio_to_the_region_does_not(cat, prepared):
    """GRDP per capita and labour productivity in current prices (catalog.PER_HEAD_MONEY_UNITS) keep their short trend's
    whole drift; a target judged on the ratio of two of them (inflation cancels) and other indicators do not."""
    assert cat.keeps_drift("grdp_per_capita_current") and cat.keeps_drift("labour_productivity_current")
    assert not cat.keeps_drift("population_average") and not cat.keeps_drift("grdp_growth_const")
    codes = lambda res: [n.code for n in res.notes]  # noqa: E731
    per_capita = prepare(cat, target(cat, "qd325_grdp_per_capita_2030"), n_paths=500, seed=0)
    assert per_capita.fc.method == "constrained_trend" and "kept_drift" in codes(per_capita.fc)
    region = prepared["kh402_productivity_region_2045"]
    assert not {"kept_drift"} & set(codes(region.fc) + codes(region.fc_ratio) + codes(evaluate(region)))
    assert "kept_drift" not in codes(prepared["qd325_grdp_growth_2030"].fc)
