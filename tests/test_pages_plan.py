"""The plan's own targets on the pages: nowcast years, data requests, interim estimates, the region on official data."""
from pathlib import Path

import pytest

from models.store import DataStore

ROOT = Path(__file__).resolve().parents[1]


from tests.test_pages import open_page  # one helper runs a page as the navigation would


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_productivity_card_lists_observed_and_estimated_years_and_the_figures_it_needs(lang):
    at = open_page("app_pages/target.py", lang, {"target": "kh402_productivity_2025"})
    text = " ".join(m.value for m in at.markdown)
    assert "2022, 2023, 2024" in text and "2021, 2025" in text
    assert any(("6,5" if lang == "vi" else "6.5") in c.value for c in at.caption)      # the 'khoảng' reading
    assert any("2024" in w.value for w in at.warning)                                      # rests on an estimate
    table = next(d.value for d in at.dataframe if d.value.shape[1] >= 5)
    assert {"2020", "2025"} <= set(table.iloc[:, 2])                                      # years asked for
    assert at.get("download_button")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_requests_page_lists_every_request_with_holder_and_effect(lang):
    at = open_page("app_pages/requests.py", lang)
    table = at.dataframe[0].value
    assert len(table) >= 20
    assert table.iloc[:, 4].str.len().min() > 10 and table.iloc[:, 5].str.len().min() > 5
    assert not any("_" in x for x in table.iloc[:, 1])          # indicator names, never ids


def test_an_interim_estimate_from_the_card_becomes_a_flagged_version(tmp_path, monkeypatch):
    import streamlit as st

    monkeypatch.setenv("LOTRINH_STORE", str(tmp_path / "store"))
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = open_page("app_pages/target.py", "vi", {"target": "kh402_5g_2030"})
        assert any("Chưa đủ số liệu" in w.value for w in at.warning)
        at.number_input(key="interim_year").set_value(2025)
        at.number_input(key="interim_value").set_value(40.0)
        at.text_input(key="interim_publisher").input("Viettel Tuyên Quang")
        at.text_input(key="interim_doc").input("Báo cáo vùng phủ 5G cuối năm 2025")
        at.button[[b.label for b in at.button].index("Lưu số ước tính")].click().run()
        assert not at.exception
        assert any("v0002" in s.value for s in at.success)
        cat = DataStore(tmp_path / "store").load()
        row = cat.observations[(cat.observations.indicator_id == "population_5g_coverage_pct")
                               & (cat.observations.territory_id == "tuyen_quang_merged")]
        assert row["status"].tolist() == ["estimate"] and row["value"].tolist() == [40.0]
        st.cache_data.clear()
        st.cache_resource.clear()
        at = open_page("app_pages/target.py", "vi", {"target": "kh402_5g_2030"})
        # one point still cannot be forecast, but the catch-up now rests on the estimate and says so
        assert any("ước tính" in w.value for w in at.warning)
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()


def test_region_page_compares_on_official_productivity_with_a_year_choice():
    at = open_page("app_pages/region.py", "vi")
    text = " ".join(m.value for m in at.markdown)
    assert "81%" in text and "71%" in text and "0,91%" in text
    assert at.select_slider(key="region_prod_year").value == 2022
    at.select_slider(key="region_prod_year").set_value(2019).run()
    assert not at.exception


def test_a_probability_far_beyond_the_checked_horizons_says_it_is_indicative():
    at = open_page("app_pages/target.py", "vi", {"target": "kh402_productivity_region_2045"})
    assert any("23 năm" in w.value and "định hướng" in w.value for w in at.warning)


def test_solver_offers_only_levers_that_act_and_applies_its_answer():
    from models.scenario import LEVERS

    at = open_page("app_pages/scenarios.py")
    goal = at.selectbox(key="solver_target")
    assert goal.value == "tqm_grdp_growth_2030"          # an outlook a lever can move, not a passed 2025 target
    assert "village_fibre_rollout" not in at.selectbox(key="solver_lever").options
    assert not any(int(o[:4]) < 2026 for o in goal.options if o[:4].isdigit())
    before = at.slider(key="lever_grdp_growth").value
    at.selectbox(key="solver_lever").set_value(LEVERS["grdp_growth"].label_vi).run()
    at.slider(key="solver_p").set_value(0.5).run()
    assert at.button(key="solver_apply"), [s.value for s in at.success] + [w.value for w in at.warning]
    at.button(key="solver_apply").click().run()
    assert at.slider(key="lever_grdp_growth").value > before
    assert at.session_state["scenario"].value("grdp_growth") == at.slider(key="lever_grdp_growth").value


def test_overview_names_the_territory_of_every_target_and_keeps_every_row_in_view():
    at = open_page("app_pages/overview.py")
    frames = [d.value for d in at.dataframe]
    cols = list(frames[0].columns)
    assert cols.index("Lãnh thổ") < cols.index("Năm") < cols.index("Xác suất đạt") < cols.index("Loại đánh giá")
    territories = set().union(*(set(f["Lãnh thổ"]) for f in frames))
    assert {"Cả nước", "Tuyên Quang (mới, từ 1/7/2025)"} <= territories


def test_the_5g_target_says_its_lever_waits_for_a_forecast():
    at = open_page("app_pages/target.py", "vi", {"target": "kh402_5g_2030"})
    assert any("Phủ sóng 5G" in c.value and "khi đã có dự báo" in c.value for c in at.caption)


def test_lab_share_link_carries_and_restores_comparison_chart_target_and_solver():
    from urllib.parse import parse_qs, urlsplit

    at = open_page("app_pages/scenarios.py", "vi", {"preset": "optimistic"})
    at.multiselect(key="lab_compare").set_value(["Lạc quan", "Bi quan"]).run()
    at.selectbox(key="solver_target").set_value("kh402_productivity_region_2045").run()
    at.slider(key="solver_p").set_value(0.8).run()
    link = at.code[0].value
    q = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert q["cmp"] == "optimistic,pessimistic" and q["solve"] == "kh402_productivity_region_2045" and q["sp"] == "0.8"
    again = open_page("app_pages/scenarios.py", "vi", q)
    assert again.multiselect(key="lab_compare").value == ["Lạc quan", "Bi quan"]
    assert again.selectbox(key="solver_target").value == "kh402_productivity_region_2045"
    assert again.slider(key="solver_p").value == 0.8
    assert again.selectbox(key="solver_lever").value == q["slever"]
    assert not again.warning or all("Session State" not in w.value for w in again.warning)
