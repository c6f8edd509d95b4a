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


# ---- the bundled catalogue with derived values, and twelve targets prepared once per test file
@pytest.fixture(scope="module")
def assess_cat():
    from models.catalog import load_catalog
    from models.derive import with_derived

    return with_derived(load_catalog())


@pytest.fixture(scope="module")
def prepared(assess_cat):
    from models.assess import prepare

    def target(cat, target_id):
        return cat.targets.set_index("target_id").loc[target_id].to_dict() | {"target_id": target_id}

    ids = ["kh402_broadband_2025", "kh402_productivity_2025", "nq52_productivity_2025", "nq52_productivity_2030",
           "tq_plan2025_grdp_growth", "qd325_grdp_growth_2030", "nq52_gii_2030", "kh402_digital_gov_2025",
           "kh402_productivity_region_2045", "nq52_digital_economy_2030", "tq_de_productivity_2030",
           "qd1339_grdp_growth_2030"]
    return {i: prepare(assess_cat, target(assess_cat, i), n_paths=2000, seed=0) for i in ids}


# ---- a private versioned store seeded from the bundled data (function scope: a test may write to it)
@pytest.fixture
def store(tmp_path):
    from models.store import DataStore

    s = DataStore(tmp_path / "store", seed_dir=DATA)
    s.ensure()
    return s
