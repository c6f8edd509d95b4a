"""Where things live, and every environment variable the app reads: one place, documented in the README.

LOTRINH_DATA_DIR  the bundled tables the store is seeded from (default: data/)
LOTRINH_STORE     the versioned data store (default: var/store)
LOTRINH_DB        the SQLite file of saved scenarios and meeting snapshots (default: var/lotrinh.sqlite3)
OPENBLAS_NUM_THREADS is set to 1 by the entry points (app.py, the CLIs, the Makefile) before numpy loads.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_DATA = ROOT / "data"
CALIBRATION_FILE = BUNDLED_DATA / "calibration.json"
BACKTEST_FILE = BUNDLED_DATA / "backtest_bundled.csv"
FACTS_FILE = BUNDLED_DATA / "facts.json"
CALIBRATION_RESULTS = ROOT / "benchmarks" / "results" / "calibration.json"   # benchmarks/calibrate.py's measurements
GROWTH_AVERAGE_RESULTS = ROOT / "benchmarks" / "results" / "growth_average.json"   # benchmarks/growth_average.py
VAR = ROOT / "var"
ENV = {"LOTRINH_DATA_DIR": "bundled tables (data/)", "LOTRINH_STORE": "versioned store (var/store)",
       "LOTRINH_DB": "saved scenarios and snapshots (var/lotrinh.sqlite3)"}


def data_dir() -> Path:
    return Path(os.environ.get("LOTRINH_DATA_DIR") or BUNDLED_DATA)


def store_dir() -> Path:
    return Path(os.environ.get("LOTRINH_STORE") or VAR / "store")


def db_path() -> Path:
    return Path(os.environ.get("LOTRINH_DB") or VAR / "lotrinh.sqlite3")


def _facts() -> dict:
    return json.loads(FACTS_FILE.read_text(encoding="utf-8"))


FACTS = _facts()                                   # facts that are not yearly series, each with its source
AS_OF_YEAR: int = int(FACTS["as_of_year"]["value"])
START_YEAR: int = int(FACTS["scenario_start_year"]["value"])
COMMUNES: dict[str, int] = {k: int(v["value"]) for k, v in FACTS["communes"].items()}
