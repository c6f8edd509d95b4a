import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# the app's versioned store lives in a private folder for the whole test session
os.environ["LOTRINH_STORE"] = tempfile.mkdtemp(prefix="lotrinh-store-")
os.environ["LOTRINH_DB"] = os.path.join(tempfile.mkdtemp(prefix="lotrinh-db-"), "test.sqlite3")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# Streamlit resets logger levels on every config parse; a filter persists.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda r: "missing ScriptRunContext" not in r.getMessage())
logging.getLogger("streamlit.runtime.caching.cache_data_api").addFilter(
    lambda r: "No runtime found" not in r.getMessage())


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled catalogue that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("build"))
    return dest


@pytest.fixture
def fresh_streamlit_cache():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
