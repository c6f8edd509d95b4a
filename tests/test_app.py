"""The Data page (the first screen of the foundation) in both languages, numbers formatted per language."""
from pathlib import Path

import pytest

from models.catalog import load_catalog
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app_pages" / "data.py")


def table_with(at, column):
    """The rendered dataframe that has `column` (AppTest does not expose dataframe keys)."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


@pytest.fixture(scope="module")
def module_cache():
    """The page's caches are filled once for this file's tests (none of them changes the data)."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app(module_cache):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def test_first_screen_opens_in_vietnamese(app):
    assert app.title[0].value == "Danh mục chỉ tiêu và sổ đăng ký mục tiêu"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Mục tiêu"] == str(len(load_catalog().targets))
    assert "." in metrics["Giá trị"]            # 2.362 in Vietnamese grouping


def test_language_switch_changes_labels_and_number_format(app):
    vi_values = {m.label: m.value for m in app.metric}["Giá trị"]
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Indicator catalogue and target registry"
    en = {m.label: m.value for m in app.metric}
    assert en["Values"] == vi_values.replace(".", ",")


def test_target_registry_table_lists_the_402_clauses(app):
    registry = table_with(app, "Văn bản")
    assert len(registry) == len(load_catalog().targets)
    assert "Internet băng thông rộng phủ 100% các xã" in set(registry["Mục tiêu"])
    assert set(registry.loc[registry["Văn bản"] == "402-KH/TU", "Năm"]) == {2025, 2030, 2045}


def test_indicator_table_shows_unit_coverage_and_status(app):
    table = table_with(app, "Số lãnh thổ")
    row = table[table["Chỉ tiêu"] == "Lực lượng lao động từ 15 tuổi trở lên"].iloc[0]
    assert row["Đơn vị"] == "nghìn người"
    o = load_catalog().observations
    years = o.loc[o["indicator_id"] == "labour_force_15plus", "year"]
    assert row["Năm"] == f"{int(years.min())}–{int(years.max())}"
    assert "chính thức" in row["Trạng thái"] and "sơ bộ" in row["Trạng thái"]


def test_series_browser_shows_source_status_and_derived_formula(app):
    app.selectbox(key="series_indicator").set_value("labour_productivity_proxy_lf").run()
    app.selectbox(key="series_territory").set_value("tuyen_quang_old").run()
    assert not app.exception
    series = table_with(app, "Kỳ số liệu")
    row = series[series["Năm"] == 2018].iloc[0]
    from models.derive import with_derived
    from models.texts import fmt_auto
    o = with_derived(load_catalog()).observations
    value = o[(o.indicator_id == "labour_productivity_proxy_lf") & (o.territory_id == "tuyen_quang_old") & (o.year == 2018)]
    assert row["Giá trị"] == fmt_auto(float(value["value"].iloc[0]), "vi")
    assert row["Trạng thái"] == "thay thế"
    assert row["Công thức"] == "[GRDP (giá hiện hành)] / [Lực lượng lao động từ 15 tuổi trở lên]"   # names, not ids
