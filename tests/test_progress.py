"""Formulas against hand-computed cases from methods.md."""
import pytest

from models.progress import (cagr, evidence_strength, likelihood, open_sdg_category,
                             required_growth, un2023_category)


def test_catch_up_growth_worked_example():
    # 2020 base 100, grew 5.2%/yr in 2021-23 -> to average 7%/yr over 2021-25 needs about 9.8%/yr in 2024-25
    y23 = 100 * 1.052 ** 3
    assert required_growth(100, 0.07, 2020, y23, 2023, 2025) == pytest.approx(0.0977, abs=5e-4)


def test_un2023_categories():
    # y0=50 (2015), yt=60 (2020), target 80 in 2030: CAGR 3.71%, ŷ=86.4 -> P=1.21 -> on track
    cat, p = un2023_category(50, 60, 2015, 2020, 80, 2030)
    assert cat == "on_track" and p == pytest.approx((60 * 1.2 ** 2 - 50) / 30, rel=1e-6)
    assert un2023_category(50, 51, 2015, 2020, 80, 2030)[0] == "fair_progress"
    assert un2023_category(50, 49, 2015, 2020, 80, 2030)[0] == "stagnation"
    assert un2023_category(50, 81, 2015, 2020, 80, 2030)[0] == "achieved"


def test_open_sdg_ratio_bands():
    # required CAGR 100 -> 200 over 2015-2030 = 4.73%/yr
    cat, r = open_sdg_category(100, 120, 2015, 2020, 200, 2030)                          # 3.71 / 4.73
    assert cat == "acceleration_needed" and r == pytest.approx(0.785, abs=1e-3)
    assert open_sdg_category(100, 110, 2015, 2020, 200, 2030)[0] == "limited"            # 1.92 / 4.73 = 0.41
    assert open_sdg_category(100, 130, 2015, 2020, 200, 2030)[0] == "on_track"           # 5.39 / 4.73 = 1.14
    assert open_sdg_category(100, 90, 2015, 2020, 200, 2030)[0] == "deterioration"


@pytest.mark.parametrize("p,code", [(0.995, "virtually_certain"), (0.95, "very_likely"), (0.7, "likely"),
                                    (0.5, "about_as_likely_as_not"), (0.2, "unlikely"), (0.05, "very_unlikely"),
                                    (0.0, "exceptionally_unlikely")])
def test_likelihood_words(p, code):
    assert likelihood(p)[0] == code
    assert likelihood(p)[1] and likelihood(p)[2]


def test_cagr_and_evidence():
    assert cagr(100, 121, 2) == pytest.approx(0.1)
    with pytest.raises(ValueError, match="positive values"):
        cagr(0, 1, 2)
    assert [evidence_strength(n) for n in (0, 1, 3, 7, 12)] == ["none", "none", "low", "moderate", "strong"]
