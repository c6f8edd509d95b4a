"""Cached loaders: the only place where streamlit caching meets models/ (hashable arguments only).

Catalogue and fitted forecasts are read-only and shared (`cache_resource`, no copy per rerun);
assessment tables depend on the scenario and are cached per (data version, scenario key).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from models.assess import Prepared, evaluate, prepare
from models.catalog import Catalog, coverage_table
from models.derive import with_derived
from models.store import DataStore, DataVersion
from models.scenario import Scenario


def store() -> DataStore:
    """The versioned store (var/store, or the folder in LOTRINH_STORE); created from data/ on first use."""
    return DataStore()


@st.cache_resource(show_spinner=False, max_entries=4)
def _catalog(version: str) -> Catalog:
    return with_derived(store().load(DataVersion.parse(version).version_id))


def catalog() -> Catalog:
    """The version the store serves, with derived values; cached per version."""
    return _catalog(current_version())


def current_version() -> str:
    """Version id and checksum, e.g. 'v0002-1a2b3c4d5e' (shown on every page and export).

    A corrupt version is refused: the newest earlier version that passes its checksum is served instead,
    and `refused_version()` says which one was refused.
    """
    from models.store import StoreError

    s = store()
    versions = {v.version_id: v for v in s.list_versions()}
    vid = s.current()
    order = list(versions)
    earlier = order[: order.index(vid)][::-1] if vid in order else []
    for candidate in [vid] + earlier:
        try:
            s.verify(candidate)
        except StoreError:
            if candidate == vid:
                st.session_state["refused_version"] = vid
            continue
        if candidate == vid:
            st.session_state.pop("refused_version", None)
        return str(DataVersion.of(versions[candidate]))
    raise StoreError("none_readable")


def refused_version() -> str | None:
    return st.session_state.get("refused_version")


@st.cache_data(show_spinner=False)
def coverage(version: str) -> pd.DataFrame:
    return coverage_table(_catalog(version))


@st.cache_resource(show_spinner=False, max_entries=4)
def _prepared(version: str) -> dict[str, Prepared]:
    cat = _catalog(version)
    return {row["target_id"]: prepare(cat, row) for row in cat.targets.to_dict("records")}


def prepared(lang: str = "vi") -> dict[str, Prepared]:
    """Every target with its fitted baseline forecast (fitted once per data version)."""
    from ui.i18n import t

    version = current_version()
    with st.spinner(t("loading_forecasts", lang)):
        return _prepared(version)


@st.cache_data(show_spinner=False, max_entries=64)
def _assessments(version: str, scenario_key: tuple) -> pd.DataFrame:
    start, values = scenario_key
    s = Scenario("s", dict(values), start_year=start)
    rows = [evaluate(p, s).to_dict() for p in _prepared(version).values()]
    return pd.DataFrame(rows)


def assessments(scenario: Scenario) -> pd.DataFrame:
    return _assessments(current_version(), scenario.key())


def lever_grid(target_id: str, scenario: Scenario, lever_id: str) -> list:
    """The in-chart slider's steps for one target (cached per data version, target, lever and the *other* levers,
    so moving this lever's own Streamlit slider reuses them)."""
    return _grid_of("fan", target_id, scenario, lever_id)


def lab_grid(target_id: str, scenario: Scenario, lever_id: str) -> list:
    """The lab chart's line at every step of one lever (cached like `lever_grid`)."""
    return _grid_of("line", target_id, scenario, lever_id)


def _grid_of(kind: str, target_id: str, scenario: Scenario, lever_id: str) -> list:
    others = Scenario("s", {k: v for k, v in scenario.values.items() if k != lever_id}, start_year=scenario.start_year)
    return _grid(current_version(), kind, target_id, others.key(), lever_id)


@st.cache_data(show_spinner=False, max_entries=512)
def _grid(version: str, kind: str, target_id: str, scenario_key: tuple, lever_id: str) -> list:
    from models.scrub import band_grid, lever_grid as fan_grid

    start, values = scenario_key
    build = fan_grid if kind == "fan" else band_grid
    return build(_prepared(version)[target_id], Scenario("s", dict(values), start_year=start), lever_id)


@st.cache_data(show_spinner=False)
def backtest_summary(version: str) -> pd.DataFrame:
    """Backtest records of the bundled series, read from data/backtest_bundled.csv if it matches the version."""
    from models.backtest import BACKTEST_FILE, load_backtest

    return load_backtest(BACKTEST_FILE, DataVersion.parse(version).checksum)


@st.cache_data(show_spinner=False, max_entries=4)
def _requests(version: str) -> list:
    from models.config import AS_OF_YEAR
    from models.requests import all_requests

    return all_requests(_catalog(version), _prepared(version), _assessments(version, Scenario("s").key()), AS_OF_YEAR)


def requests() -> list:
    """The data-request list of the served version (baseline assessments)."""
    return _requests(current_version())


def bundled_notice() -> tuple[str, str] | None:
    """('changed', version) when the served version was made from an edited data/; ('broken', message) if data/ is bad."""
    from models.store import BUNDLED_CHANGED

    s = store()
    versions = {v.version_id: v for v in s.list_versions()}
    if s.bundled_problem is not None:
        return "broken", s.bundled_problem.message(st.session_state.get("lang", "vi"), limit=2)
    v = versions.get(s.current())
    if v is not None and v.author == BUNDLED_CHANGED:
        return "changed", f"{v.version_id}|{v.changes.get('bundled', '')}"
    return None
