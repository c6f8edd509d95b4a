"""Rolling-origin backtests: each forecast sees only its own history, and each method is run where it is asked for."""
import numpy as np
import pandas as pd
import pytest

from models.backtest import method_paths, rolling_origin
from models.forecast import choose_transform


def series(n=14, seed=3):
    rng = np.random.default_rng(seed)
    return pd.Series(100 * np.exp(np.cumsum(0.03 + rng.normal(0, 0.02, n))), index=range(2000, 2000 + n))


def test_a_cut_history_forecasts_the_years_after_its_origin_only():
    s = series()
    rec = rolling_origin(s, "x", max_horizon=3, lengths=(2, 5), n_paths=200, seed=1,
                         methods=("constrained_trend", "naive"))
    assert set(rec["n_obs"]) == {2, 5}
    assert (rec["year"] == rec["origin"] + rec["h"]).all()
    assert rec["actual"].to_numpy() == pytest.approx(s.loc[rec["year"]].to_numpy())
    # the last point of each cut history is the value at its origin, whatever the cut's length
    assert rec["last"].to_numpy() == pytest.approx(s.loc[rec["origin"]].to_numpy())


def test_an_eight_point_history_gets_the_constrained_trend_and_the_ensemble_beside_it():
    s = series(8)
    tr = choose_transform(s.to_numpy(), None, None)
    out = method_paths(s, 4, 300, 0, tr, methods=("ensemble", "theta", "naive"))
    assert {"constrained_trend", "ensemble", "theta", "naive", "drift"} == set(out)   # ets fitted for the ensemble only
    assert all(p.shape == (4, 300) for p in out.values())
    assert not np.allclose(out["constrained_trend"], out["ensemble"])
    short = method_paths(s.iloc[-3:], 4, 300, 0, tr, methods=("ensemble", "ct_c3"))
    assert set(short) == {"constrained_trend", "ct_c3", "naive", "drift"}   # no ensemble on 3 points


def test_every_short_trend_variant_but_the_uncapped_one_carries_the_apps_drift_cap():
    """The variants compare rules of shrinkage, so they must carry the shipped cap as the app's trend does; only ct_nocap
    (the evidence for the cap) goes without it. A one-off jump, 1 -> 290 (Hawaii's measles in 1984), shows it."""
    from models.forecast import DRIFT_CAP

    s = pd.Series([1.0, 290.0], index=[1983, 1984])
    tr = choose_transform(s.to_numpy(), None, None)
    variants = ("ct_c0", "ct_c3", "ct_linear", "ct_r0", "ct_snr1", "ct_pool", "ct_nocap")
    out = method_paths(s, 5, 400, 0, tr, methods=variants)
    yearly = {m: float(np.median(out[m][0]) - np.log(290.0)) for m in ("constrained_trend",) + variants}   # paths: log scale
    assert all(abs(v) <= DRIFT_CAP + 1e-9 for m, v in yearly.items() if m != "ct_nocap"), yearly   # the first year's step
    assert yearly["ct_nocap"] > 2 * DRIFT_CAP
