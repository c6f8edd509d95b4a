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
