"""The learned calibration: the momentum number, its bands, and how a band's correction reaches the paths."""
import json

import numpy as np
import pandas as pd
import pytest

from models.calibration import (LENGTH_BUCKETS, MOMENTUM_EDGES, PIT_LEVELS, Calibration, default, momentum,
                                momentum_band)
from models.forecast import forecast

N_BANDS = len(MOMENTUM_EDGES) + 1
HORIZONS = 10


def test_momentum_by_hand():
    # changes 1, 1, 1, 0.5, 0.1: mean 0.72, last two 0.3, squared deviations sum to 0.668, sd (ddof 1) = sqrt(0.668 / 4)
    z = [0.0, 1.0, 2.0, 3.0, 3.5, 3.6]
    assert momentum(z) == pytest.approx((0.3 - 0.72) / np.sqrt(0.668 / 4))


@pytest.mark.parametrize("z", [[], [5.0], [5.0, 6.0], [1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 2.0]])
def test_momentum_is_zero_when_there_is_nothing_to_say(z):
    assert momentum(z) == 0.0


@pytest.mark.parametrize("value, band", [(-3.0, 0), (-0.6, 0), (-0.59, 1), (0.0, 2), (0.2, 2), (0.21, 3), (0.6, 3),
                                         (0.61, 4), (5.0, 4)])
def test_momentum_bands(value, band):
    assert momentum_band(value) == band


def _calibration(k_by_band, median_level_by_band):
    """Tables where each band has its own widening k and its own model level for the calibrated median."""
    scales = [[[k] * HORIZONS for _ in LENGTH_BUCKETS] for k in k_by_band]
    maps = []
    for m in median_level_by_band:
        v = [min(max(p + (m - 0.5), 0.001), 0.999) for p in PIT_LEVELS]   # a shift of every level
        maps.append([[v] * HORIZONS for _ in LENGTH_BUCKETS])
    return Calibration(scales={"ensemble": scales}, pit_maps={"ensemble": maps})


def test_each_band_uses_its_own_correction():
    cal = _calibration([1.0, 1.0, 2.0, 1.0, 1.0], [0.3, 0.5, 0.5, 0.5, 0.7])
    z = np.random.default_rng(0).normal(0.0, 1.0, size=(2, 4000))
    steady = cal.apply(z.copy(), 8, "ensemble", momentum=0.0)
    slowed = cal.apply(z.copy(), 8, "ensemble", momentum=-1.0)
    sped = cal.apply(z.copy(), 8, "ensemble", momentum=1.0)
    # band 2 widens by 2 around the median; bands 0 and 4 move the median to the model's 30% / 70% level
    assert np.std(steady[0]) == pytest.approx(2 * np.std(z[0]), rel=0.02)
    assert np.median(slowed[0]) == pytest.approx(np.quantile(z[0], 0.3), abs=0.02)
    assert np.median(sped[0]) == pytest.approx(np.quantile(z[0], 0.7), abs=0.02)
    # monotone: a path never overtakes one that was above it
    assert np.all(np.diff(slowed[1][np.argsort(z[1])]) >= 0)


def test_forecast_passes_the_series_momentum_to_the_calibration():
    cal = _calibration([1.0] * N_BANDS, [0.3, 0.5, 0.5, 0.5, 0.7])
    years = np.arange(2008, 2016)
    slowed = pd.Series([100, 102, 104, 106, 108, 110, 110.2, 110.3], index=years)
    assert momentum_band(momentum(np.log(slowed.to_numpy()))) == 0
    raw = forecast(slowed, 3, n_paths=3000, seed=4, calibration=False)
    cooked = forecast(slowed, 3, n_paths=3000, seed=4, calibration=cal)
    assert cooked.momentum == pytest.approx(momentum(np.log(slowed.to_numpy())))
    assert cooked.calibrated and not raw.calibrated
    assert np.median(cooked.paths[0]) == pytest.approx(np.quantile(raw.paths[0], 0.3), rel=1e-3)


def test_a_file_learned_with_other_bands_is_refused(tmp_path):
    raw = json.loads(default().to_json())
    raw["momentum_edges"] = [-1.0, 1.0]
    bad = tmp_path / "calibration.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ValueError, match="momentum bands differ"):
        Calibration.from_file(bad)


def test_the_shipped_calibration_has_every_cell_and_says_where_it_came_from():
    cal = default()
    assert "Penn World Table 9.1" in cal.provenance["learned_on"]
    assert "momentum band" in cal.provenance["rule"]
    for method in ("ensemble", "ets", "theta", "drift", "naive", "constrained_trend", "mean"):
        assert len(cal.scales[method]) == N_BANDS and len(cal.pit_maps[method]) == N_BANDS
        for band in range(N_BANDS):
            assert len(cal.scales[method][band]) == len(LENGTH_BUCKETS)
            for row, maps in zip(cal.scales[method][band], cal.pit_maps[method][band]):
                assert len(row) == HORIZONS and all(0.2 <= k <= 8 for k in row)
                assert all(np.all(np.diff(v) >= 0) and len(v) == len(PIT_LEVELS) for v in maps)


def test_the_shipped_calibration_corrects_forecasts_after_a_slowdown_downwards():
    # what the backtests showed (benchmarks/results/calibration.md): after a slowdown forecasts ran high,
    # so the calibrated median sits at a lower model level than after a speed-up
    cal = default()
    for bucket in (1, 2, 3):
        slowed = np.interp(0.5, PIT_LEVELS, cal.pit_maps["ensemble"][0][bucket][0])
        sped = np.interp(0.5, PIT_LEVELS, cal.pit_maps["ensemble"][N_BANDS - 1][bucket][0])
        assert slowed < 0.5 < sped
