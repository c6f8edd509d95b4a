"""One contract over every forecaster: fixed columns, continuing years, ordered quantiles, seeds, bounds."""
import numpy as np
import pandas as pd
import pytest

from models.forecast import FORECAST_COLUMNS, METHODS, ROUTED, ForecastInputError, Forecaster, forecast


@pytest.fixture
def annual_series():
    rng = np.random.default_rng(42)
    years = np.arange(2005, 2021)
    return pd.Series(100 * 1.06 ** (years - 2005) * np.exp(rng.normal(0, 0.03, years.size)), index=years)


@pytest.mark.parametrize("method", METHODS + ROUTED)
def test_forecaster_contract(method, annual_series):
    res = Forecaster(method, n_paths=600, seed=1).fit(annual_series, 6)
    assert res.method == method
    out = res.summary()
    assert list(out.columns) == FORECAST_COLUMNS
    assert out["year"].tolist() == list(range(2021, 2027))
    q = out[["q025", "q05", "q10", "q25", "q50", "q75", "q90", "q95", "q975"]].to_numpy()
    assert np.all(np.diff(q, axis=1) >= 0)
    assert res.paths.shape == (6, 600)
    again = forecast(annual_series, 6, method=method, n_paths=600, seed=1).summary()
    pd.testing.assert_frame_equal(out, again)
    other = forecast(annual_series, 6, method=method, n_paths=600, seed=2).summary()
    assert not np.allclose(out["q90"], other["q90"])


@pytest.mark.parametrize("method", METHODS + ROUTED)
def test_bands_widen_with_the_horizon(method, annual_series):
    out = forecast(annual_series, 8, method=method, n_paths=2000, seed=3).summary()
    width = (out["q95"] - out["q05"]).to_numpy()
    assert width[-1] > width[0]


def test_the_ensemble_is_centred_on_the_mean_of_its_members_medians_with_a_spread_between_theirs(annual_series):
    res = forecast(annual_series, 3, method="ensemble", n_paths=4000, seed=0, calibration=False)
    assert res.method == "ensemble" and res.paths.shape == (3, 4000)
    members = [forecast(annual_series, 3, method=m, n_paths=4000, seed=1, calibration=False).paths for m in ("ets", "theta")]
    width = [np.quantile(p, 0.9, axis=1) - np.quantile(p, 0.1, axis=1) for p in members]
    centre = np.mean([np.median(p, axis=1) for p in members], axis=0)
    assert np.all(np.abs(np.median(res.paths, axis=1) - centre) < 0.05 * np.maximum(*width))
    ours = np.quantile(res.paths, 0.9, axis=1) - np.quantile(res.paths, 0.1, axis=1)
    assert np.all(ours >= 0.9 * np.minimum(*width)) and np.all(ours <= 1.1 * np.maximum(*width))


def test_a_very_smooth_history_is_forecast_by_ets_alone_and_says_so(annual_series):
    from models.calibration import roughness
    from models.forecast import SMOOTH_ETS_ONLY

    smooth = pd.Series(6.5 - 3.0 * (1 - np.exp(-np.arange(14) / 6.0)), index=range(2010, 2024))   # a slowing fall
    assert roughness(np.log(smooth.to_numpy())) < SMOOTH_ETS_ONLY <= roughness(np.log(annual_series.to_numpy()))
    res = forecast(smooth, 5, method="ensemble", n_paths=1000, seed=0, calibration=False)
    ets = forecast(smooth, 5, method="ets", n_paths=1000, seed=0, calibration=False)
    assert [n.code for n in res.notes] == ["smooth_ets_only"]
    assert np.allclose(np.median(res.paths, axis=1), np.median(ets.paths, axis=1), rtol=0.02)
    assert "smooth_ets_only" not in [n.code for n in forecast(annual_series, 5, n_paths=500, calibration=False).notes]


@pytest.mark.parametrize("method", METHODS + ("constrained_trend",))
def test_bounded_series_never_leave_their_bounds(method):
    share = pd.Series([55.0, 62.0, 70.0, 78.0, 85.0, 90.0, 93.0, 96.0, 98.0, 98.5], index=range(2014, 2024))
    res = forecast(share, 7, method=method, n_paths=1000, seed=0, lower=0, upper=100)
    assert res.paths.max() <= 100 and res.paths.min() >= 0
    assert res.transform.kind == "logit"


def test_short_series_is_flagged_low_evidence_with_wide_bands(annual_series):
    # before calibration the constrained trend is wider than the fitted ensemble; the calibration then
    # sets both to what the backtests showed
    short = forecast(annual_series.iloc[-3:], 5, n_paths=1000, seed=0, calibration=False)
    long = forecast(annual_series, 5, n_paths=1000, seed=0, calibration=False)
    assert short.low_evidence and short.method == "constrained_trend" and not long.low_evidence
    w = lambda r: (r.summary()["q95"] - r.summary()["q05"]).iloc[-1]
    assert w(short) > w(long)


@pytest.mark.parametrize("n, method, low", [(5, "constrained_trend", True), (6, "constrained_trend", False),
                                            (8, "constrained_trend", False), (9, "ensemble", False)])
def test_the_constrained_trend_carries_series_up_to_8_points_and_flags_only_2_to_5(annual_series, n, method, low):
    res = forecast(annual_series.iloc[-n:], 4, n_paths=500, seed=0)
    assert (res.method, res.low_evidence) == (method, low)
    assert any(note.code == "low_evidence_trend" for note in res.notes) is low


@pytest.mark.parametrize("values", [[], [5.0]])
def test_zero_or_one_point_gives_insufficient_data_not_a_crash(values):
    res = forecast(pd.Series(values, index=range(2020, 2020 + len(values)), dtype=float), 3)
    assert res.insufficient and res.summary().empty
    assert "insufficient data" in res.notes[-1]


def test_gaps_are_never_bridged():
    s = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 9.0, 10.0], index=[2000, 2001, 2002, 2003, 2004, 2005, 2006, 2010, 2011])
    res = forecast(s, 2, n_paths=300)
    assert res.history.index.tolist() == [2010, 2011]
    assert any("gap before 2010" in n for n in res.notes)


@pytest.mark.parametrize("kwargs,match", [
    ({"horizon": 0}, "horizon must be a whole number"),
    ({"horizon": 3, "method": "prophet"}, "unknown method 'prophet'"),
    ({"horizon": 3, "n_paths": 10}, "paths must be at least 30"),
    ({"horizon": 3, "lower": 0, "upper": 50}, "outside the bounds"),
])
def test_bad_arguments_are_refused_with_a_clear_message(annual_series, kwargs, match):
    with pytest.raises(ForecastInputError, match=match):
        forecast(annual_series, **kwargs)


def test_drift_member_matches_statsmodels_arima_010_with_trend(annual_series):
    from statsmodels.tsa.arima.model import ARIMA

    z = np.log(annual_series)
    res = ARIMA(z.to_numpy(), order=(0, 1, 0), trend="t").fit()
    ours = forecast(annual_series, 1, method="drift", n_paths=20000, seed=0, calibration=False)
    assert np.median(np.log(ours.paths[0])) == pytest.approx(res.forecast(1)[0], abs=0.01)


def test_growth_rates_revert_to_their_mean_instead_of_trending():
    rates = pd.Series([5.67, 8.66, 7.46, 9.04], index=range(2021, 2025))
    res = forecast(rates, 6, n_paths=4000, seed=0, rate=True)
    med = np.median(res.paths, axis=1)
    assert res.method == "mean" and res.low_evidence
    assert np.all(np.abs(med - rates.mean()) < 1.0)          # no extrapolated acceleration
    assert res.transform.kind == "identity"


def test_a_growth_rates_coming_years_may_sit_away_from_its_past_average_by_a_spell_not_only_by_sampling_error():
    from models.forecast import Mean

    rates = pd.Series([6.0, 8.0], index=pd.period_range("2023", periods=2, freq="Y"))   # sd 1.414
    avg5 = Mean().fit(rates).simulate(5, 200_000, np.random.default_rng(0)).mean(axis=0)
    sd = float(rates.std(ddof=1))
    spread = (np.quantile(avg5, 0.75) - np.quantile(avg5, 0.25)) / 1.349
    # the five-year average: sampling error and yearly noise alone give sd·√(1/2 + 1/5) = 1.18; the spell adds
    # half a year's variance, √(1/2 + 0.5 + 1/5) = 1.55, and the uncertain scale more in the tails
    assert spread > sd * np.sqrt(1 / 2 + 0.5 + 1 / 5) * 0.97
    tail = (np.quantile(avg5, 0.975) - np.quantile(avg5, 0.025)) / (np.quantile(avg5, 0.9) - np.quantile(avg5, 0.1))
    assert tail > 1.96 / 1.2816 * 1.05                               # heavier than Normal
    assert abs(np.median(avg5) - 7.0) < 0.02                         # still centred on the average


def test_a_growth_rate_never_falls_below_minus_100_percent_and_a_nowcast_is_no_surer_than_a_forecast():
    from models.nowcast import _mean_paths

    wild = pd.Series([-60.0, 70.0, -40.0], index=range(2022, 2025))
    res = forecast(wild, 5, n_paths=4000, seed=1, rate=True)
    assert res.paths.min() >= -99.0
    calm = pd.Series([6.0, 8.0], index=range(2023, 2025))
    one = forecast(calm, 1, n_paths=20_000, seed=2, rate=True, calibration=None).paths[0]
    now = _mean_paths(calm, 20_000, np.random.default_rng(3))
    assert np.quantile(now, 0.9) - np.quantile(now, 0.1) == pytest.approx(np.quantile(one, 0.9) - np.quantile(one, 0.1), rel=0.05)


def test_short_trend_paths_have_heavier_tails_than_normal_when_few_changes_are_known():
    """2–5 points: the spread itself is uncertain, so the 95% band is wider relative to the 80% band than for
    a Normal (ratio 1.96/1.28 = 1.53), and the effect fades as more changes are known."""
    from models.forecast import ConstrainedTrend

    def tail_ratio(values):
        z = pd.Series(np.log(values), index=pd.period_range("2019", periods=len(values), freq="Y"))
        paths = ConstrainedTrend(floor=0.01).fit(z).simulate(1, 40000, np.random.default_rng(3))[0]
        q = np.quantile(paths, [0.025, 0.10, 0.5, 0.90, 0.975])
        return (q[4] - q[0]) / (q[3] - q[1])

    two, five = tail_ratio([100.0, 106.0]), tail_ratio([100.0, 106.0, 109.0, 117.0, 121.0])
    assert two > 1.53 * 1.3        # t with 2 degrees of freedom: 4.30 / 1.89 = 2.28
    assert 1.53 * 1.05 < five < two


def test_a_two_point_level_has_a_mean_inside_its_95_band_whatever_the_seed():
    """An uncapped Student-t on the log scale has an infinite mean level: the batch's `mean` of 2,000 paths at
    h = 10 then ran from 835 to 734,230 over five seeds (median 128, 97.5% point ~600) and some paths fell 10^28-fold.
    The per-path scale is capped (ConstrainedTrend.scale_cap), so the mean is a number a reader can use."""
    s = pd.Series([88.6, 97.2], index=[2020, 2021])
    for seed in range(5):
        f = forecast(s, 10, n_paths=2000, seed=seed).summary()
        assert (f["mean"] > f["q50"]).all() and (f["mean"] < f["q975"]).all(), seed     # skewed right, finite
        assert f["q025"].min() > 97.2 / 10                                               # no tenfold fall in 10 years


def test_short_trend_prior_moves_the_drift_towards_it_by_c_over_m_plus_c():
    from models.forecast import ConstrainedTrend, route

    z = pd.Series(np.log([100.0, 102.0, 104.0]), index=pd.period_range("2020", periods=3, freq="Y"))
    plain = ConstrainedTrend(0.01).fit(z)
    pulled = ConstrainedTrend(0.01, prior=0.05).fit(z)
    d = np.diff(z.to_numpy()).mean()
    assert plain.drift == pytest.approx(d * 2 / 3)                 # m = 2 changes, c = 1
    assert pulled.drift == pytest.approx((d * 2 + 0.05 * 1) / 3)
    assert route(3, False) == "constrained_trend" and route(3, True) == "mean" and route(9, False, "theta") == "theta"


def test_the_agreement_rule_keeps_a_steady_trend_like_the_count_rule_and_shrinks_a_noisy_one_harder():
    from models.forecast import ConstrainedTrend

    idx = pd.period_range("2020", periods=4, freq="Y")
    steady = pd.Series(np.log([100.0, 103.0, 106.09, 109.27]), index=idx)       # three equal changes
    noisy = pd.Series(np.log([100.0, 110.0, 101.0, 109.0]), index=idx)         # the same sign only on average
    for z in (steady, noisy):
        d = np.diff(z.to_numpy())
        count = ConstrainedTrend(0.001, shrink_c=1.0).fit(z).drift
        snr = ConstrainedTrend(0.001, shrink_c=1.0, rule="snr").fit(z).drift
        assert count == pytest.approx(d.mean() * 3 / 4)
        t2 = 3 * d.mean() ** 2 / max(d.std(ddof=1), np.abs(d).mean(), 0.001) ** 2
        assert snr == pytest.approx(d.mean() * t2 / (t2 + 1))
    assert ConstrainedTrend(0.001, shrink_c=1.0, rule="snr").fit(steady).drift == pytest.approx(
        ConstrainedTrend(0.001, shrink_c=1.0).fit(steady).drift, rel=1e-3)
    assert abs(ConstrainedTrend(0.001, shrink_c=1.0, rule="snr").fit(noisy).drift) < \
        0.5 * abs(ConstrainedTrend(0.001, shrink_c=1.0).fit(noisy).drift)


def test_from_five_points_a_smooth_history_keeps_more_of_its_drift_and_a_jagged_one_less():
    """Weight m/(m + r²), r the roughness: a smooth curve (its changes change steadily, r near 0.1) keeps almost all of
    it, zig-zags (r 1.5) keep m/(m + 2.25); with 4 points r says nothing and the weight stays m/(m+1)."""
    from models.calibration import roughness
    from models.forecast import ConstrainedTrend

    idx = pd.period_range("2018", periods=6, freq="Y")
    smooth = pd.Series(np.log([100.0, 110.0, 118.0, 124.0, 128.0, 130.0]), index=idx)     # a slowing rise
    jagged = pd.Series(np.log([100.0, 112.0, 101.0, 114.0, 103.0, 116.0]), index=idx)
    for z in (smooth, jagged):
        d = np.diff(z.to_numpy())
        r = roughness(z.to_numpy())
        fitted = ConstrainedTrend(0.001).fit(z)
        assert fitted.drift == pytest.approx(d.mean() * 5 / (5 + r ** 2))
        assert ConstrainedTrend(0.001, rough_power=0.0).fit(z).drift == pytest.approx(d.mean() * 5 / 6)
    assert roughness(smooth.to_numpy()) < 0.3 and roughness(jagged.to_numpy()) > 1.4
    assert ConstrainedTrend(0.001).fit(smooth).drift > np.diff(smooth.to_numpy()).mean() * 5 / 6
    assert ConstrainedTrend(0.001).fit(jagged).drift < np.diff(jagged.to_numpy()).mean() * 5 / 6
    four = smooth.iloc[:4]
    assert ConstrainedTrend(0.001).fit(four).drift == pytest.approx(np.diff(four.to_numpy()).mean() * 3 / 4)


def test_the_short_trend_is_carried_forward_damped_so_its_median_bends_but_never_turns():
    """Median after h years = last + drift·(φ + … + φ^h): each step smaller than the one before, none reversed."""
    from models.forecast import ConstrainedTrend

    z = pd.Series(np.log([100.0, 104.0, 108.0]), index=pd.period_range("2020", periods=3, freq="Y"))
    ct = ConstrainedTrend(0.01).fit(z)
    med = np.median(ct.simulate(10, 40000, np.random.default_rng(5)), axis=1)
    expected = ct.last + ct.drift * np.cumsum(0.9 ** np.arange(1, 11))
    assert med == pytest.approx(expected, abs=0.004)
    assert np.all(np.diff(np.concatenate([[ct.last], med])) > 0)          # rising every year, never turning
    undamped = ConstrainedTrend(0.01, damping=1.0).fit(z)
    assert np.median(undamped.simulate(10, 40000, np.random.default_rng(5)), axis=1)[-1] == pytest.approx(
        ct.last + 10 * ct.drift, abs=0.006)


def test_money_per_head_keeps_its_whole_drift_damped_and_says_so():
    """keep_drift: the short trend's median is last · exp(mean log change · (φ + … + φ^h)), not m/(m+1) of it;
    a 9-point series (the ensemble) and a growth rate ignore the flag."""
    from models.forecast import ConstrainedTrend

    s = pd.Series([51.0, 56.0, 61.92], index=[2022, 2023, 2024])           # two rises of 9.8% and 10.6%
    d = np.diff(np.log(s.to_numpy())).mean()
    phi = ConstrainedTrend.damping
    steps = np.cumsum(phi ** np.arange(1, 4))
    kept = forecast(s, 3, n_paths=2000, seed=3, lower=0.0, keep_drift=True)
    shrunk = forecast(s, 3, n_paths=2000, seed=3, lower=0.0)
    assert kept.summary()["q50"].to_numpy() == pytest.approx(61.92 * np.exp(d * steps), rel=1e-6)
    assert shrunk.summary()["q50"].to_numpy() == pytest.approx(61.92 * np.exp(d * 2 / 3 * steps), rel=1e-6)
    assert "kept_drift" in [n.code for n in kept.notes] and "kept_drift" not in [n.code for n in shrunk.notes]
    years = np.arange(2012, 2021)
    long = pd.Series(100 * 1.08 ** (years - 2012), index=years)
    a, b = forecast(long, 3, n_paths=600, seed=1, keep_drift=True), forecast(long, 3, n_paths=600, seed=1)
    assert a.method == "ensemble" and "kept_drift" not in [n.code for n in a.notes]
    np.testing.assert_allclose(a.paths, b.paths)
    rate = forecast(pd.Series([6.5, 7.0, 7.2], index=[2022, 2023, 2024]), 3, rate=True, keep_drift=True)
    assert rate.method == "mean" and "kept_drift" not in [n.code for n in rate.notes]


def test_a_one_off_jump_is_not_carried_forward_beyond_the_drift_cap():
    """A level that jumped 400-fold in one year (measles in a US state) moves its median at most DRIFT_CAP a year on the
    log scale, damped: 1,412 cases become at most ~7,400 in nine years, not 10^9; a steady rise and a share are left alone."""
    from models.forecast import DRIFT_CAP, ConstrainedTrend, Transform, drift_cap_for

    steps = np.cumsum(ConstrainedTrend.damping ** np.arange(1, 10))
    jump = forecast(pd.Series([3.5, 1411.6], index=[1983, 1984]), 9, n_paths=2000, seed=2)
    assert jump.method == "constrained_trend"
    # on the model's (log) scale: with a spread this wide the level's q50 interpolates between two far-apart paths
    assert np.median(jump.z_paths, axis=1) == pytest.approx(np.log(1411.6) + DRIFT_CAP * steps, abs=1e-9)
    z = pd.Series(np.log([3.5, 1411.6]), index=pd.period_range("1983", periods=2, freq="Y"))
    uncapped = ConstrainedTrend(0.01).fit(z)
    assert uncapped.drift > 9 * DRIFT_CAP                        # what it carried forward before the cap
    fall = forecast(pd.Series([1411.6, 3.5], index=[1983, 1984]), 9, n_paths=2000, seed=2)
    assert np.median(fall.z_paths, axis=1) == pytest.approx(np.log(3.5) - DRIFT_CAP * steps, abs=1e-9)
    s = pd.Series([51.0, 56.0, 61.92], index=[2022, 2023, 2024])  # money per head, +10% a year: under the cap
    d = np.diff(np.log(s.to_numpy())).mean()
    kept = forecast(s, 3, n_paths=2000, seed=3, lower=0.0, keep_drift=True)
    assert kept.summary()["q50"].to_numpy() == pytest.approx(61.92 * np.exp(d * steps[:3]), rel=1e-6)
    assert drift_cap_for(Transform("logit", 0.0, 100.0)) is None and drift_cap_for(Transform("identity", None, None)) is None


def test_a_capped_trend_says_so_on_the_card_in_both_languages_and_an_uncapped_one_does_not():
    from models.forecast import DRIFT_CAP

    jump = forecast(pd.Series([10.0, 81.0], index=[2024, 2025]), 5, n_paths=300, seed=1)   # 5G stations, say
    note = next(n for n in jump.notes if n.code == "drift_capped")
    own = round((np.exp(np.log(8.1) / 2) - 1) * 100)        # half the one log change: m/(m+1) with m = 1
    assert note.params == {"own": own, "cap": round((np.exp(DRIFT_CAP) - 1) * 100)}
    assert note.text("vi").startswith(f"xu hướng (đã co) của chuỗi, {own}%/năm, được giữ ở 35%/năm")
    assert note.text("en").startswith(f"the series' shrunk trend, {own}% a year, is held at 35% a year")
    fall = forecast(pd.Series([1000.0, 700.0], index=[2024, 2025]), 5, n_paths=300, seed=1)
    assert "drift_capped" not in [n.code for n in fall.notes]
