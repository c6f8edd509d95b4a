"""Cached loaders: the only place where streamlit caching meets models/ (hashable arguments only)."""
from __future__ import annotations

import streamlit as st

from models.catalog import Catalog, coverage_table, data_version, load_catalog
from models.derive import with_derived


@st.cache_data(show_spinner=False)
def _catalog(version: str) -> Catalog:
    return with_derived(load_catalog())


def catalog() -> Catalog:
    """The current data version with derived values; re-read when any data file changes."""
    return _catalog(data_version())


@st.cache_data(show_spinner=False)
def coverage(version: str):
    return coverage_table(_catalog(version))


def current_version() -> str:
    return data_version()
