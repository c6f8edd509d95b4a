"""Rolling-origin backtest of every bundled series long enough; writes data/backtest_bundled.csv for the
Method page and the model cards (keyed by data version, so a new vintage shows "no backtest yet").

Run by hand after the data or the calibration change:  .venv/bin/python benchmarks/backtest_bundled.py
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.backtest import BACKTEST_FILE, backtest_catalog, score, summarise_by_series  # noqa: E402
from models.catalog import data_version, load_catalog  # noqa: E402
from models.derive import with_derived  # noqa: E402


def main() -> int:
    t0 = time.time()
    cat = with_derived(load_catalog())
    records = backtest_catalog(cat, min_points=8, max_horizon=5, n_paths=300)
    version = data_version()
    summary = summarise_by_series(records, version)
    summary.to_csv(BACKTEST_FILE, index=False, float_format="%.5g")
    rates = records["series_id"].isin(records.loc[records["method"] == "mean", "series_id"].unique())
    print("level series (the ensemble and its members against naive):")
    print(score(records[~rates]).to_string(index=False))
    print("growth-rate series (the mean model against naive):")
    print(score(records[rates]).to_string(index=False))
    print(f"{records['series_id'].nunique()} series, {len(records)} forecast-outcome pairs, {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
