"""Where things live, and every environment variable the app reads: one place, documented in the README.

LOTRINH_DATA_DIR  the bundled tables the store is seeded from (default: data/)
LOTRINH_STORE     the versioned data store (default: var/store)
LOTRINH_DB        the SQLite file of saved scenarios and meeting snapshots (default: var/lotrinh.sqlite3)
OPENBLAS_NUM_THREADS is set to 1 by the entry points (app.py, the CLIs, the Makefile) before numpy loads.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_DATA = ROOT / "data"
CALIBRATION_FILE = BUNDLED_DATA / "calibration.json"
BACKTEST_FILE = BUNDLED_DATA / "backtest_bundled.csv"
VAR = ROOT / "var"
ENV = {"LOTRINH_DATA_DIR": "bundled tables (data/)", "LOTRINH_STORE": "versioned store (var/store)",
       "LOTRINH_DB": "saved scenarios and snapshots (var/lotrinh.sqlite3)"}


def data_dir() -> Path:
    return Path(os.environ.get("LOTRINH_DATA_DIR") or BUNDLED_DATA)


def store_dir() -> Path:
    return Path(os.environ.get("LOTRINH_STORE") or VAR / "store")


def db_path() -> Path:
    return Path(os.environ.get("LOTRINH_DB") or VAR / "lotrinh.sqlite3")
