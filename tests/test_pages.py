"""Every page in both languages; sliders move P(meet) the right way; links restore the scenario."""
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = ["app_pages/overview.py", "app_pages/target.py", "app_pages/scenarios.py", "app_pages/region.py",
         "app_pages/method.py", "app_pages/data.py", "app_pages/meeting.py"]


def open_page(page, lang="vi", params=None):
    """Run one page script as the navigation would, with the language and link parameters of a session."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    at.session_state["lang"] = lang
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception[0].message if at.exception else ""
    return at


def table_with(at, column: str):
    """The page's first table that has this column (tables are only visible to AppTest as frames)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def calibration_blocks() -> dict:
    """benchmarks/results/calibration.json's collections by code ('L1', 'A', …): what the Method page reads."""
    import json

    from models import config

    return {c["collection"].split(":")[0]: c
            for c in json.loads(config.CALIBRATION_RESULTS.read_text(encoding="utf-8"))["collections"]}


def p_of(at):
    value = next(m.value for m in at.metric if m.label in ("Xác suất đạt mục tiêu", "Probability of meeting the target"))
    return int(re.sub(r"\D", "", value))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_renders_in_both_languages(page, lang):
    at = open_page(page, lang)
    assert at.title and at.title[0].value
    assert not at.error, [e.value for e in at.error]        # the bundled data gives no page an error to show


def test_overview_lists_every_target_once_with_verdicts_apart():
    at = open_page("app_pages/overview.py")
    frames = [d.value for d in at.dataframe]
    from models.catalog import load_catalog
    assert sum(len(f) for f in frames) == len(load_catalog().targets)
    assert [s.value for s in at.subheader][:2] == ["Mục tiêu năm 2025 – kết luận", "Mục tiêu 2030 và 2045 – triển vọng"]
    everything = " ".join(" ".join(map(str, f.to_numpy().ravel())) for f in frames)
    assert "Kết luận: Đạt" in everything and "Chưa đủ số liệu" in everything


def test_target_slider_moves_the_probability_the_right_way():
    at = open_page("app_pages/target.py", params={"target": "qd325_grdp_growth_2030"})
    at.slider(key="lever_grdp_growth").set_value(2.5).run()
    middle = p_of(at)
    at.slider(key="lever_grdp_growth").set_value(4.0).run()
    up = p_of(at)
    at.slider(key="lever_grdp_growth").set_value(1.0).run()
    down = p_of(at)
    assert down < middle < up


def test_language_switch_changes_labels_and_number_format():
    vi = open_page("app_pages/target.py", "vi", params={"target": "qd325_grdp_growth_2030"})
    en = open_page("app_pages/target.py", "en", params={"target": "qd325_grdp_growth_2030"})
    vi_m = {m.label: m.value for m in vi.metric}
    en_m = {m.label: m.value for m in en.metric}
    assert "Xác suất đạt mục tiêu" in vi_m and "Probability of meeting the target" in en_m
    catch_vi = next(v for k, v in vi_m.items() if k.startswith("Cần đạt"))
    catch_en = next(v for k, v in en_m.items() if k.startswith("Needed"))
    assert re.search(r"\d,\d", catch_vi) and "/năm" in catch_vi
    assert re.search(r"\d\.\d", catch_en) and "a year" in catch_en


def test_entry_point_reads_language_and_scenario_from_the_link_and_writes_them_back():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.query_params["sc_rollout_5g"] = "12"
    at.run()
    assert not at.exception
    assert at.sidebar.radio(key="lang").value == "en"
    assert at.title[0].value == "All targets at a glance"
    assert any("5G" in c.value and "12" in c.value for c in at.sidebar.caption)
    at.sidebar.radio(key="lang").set_value("vi").run()
    assert at.title[0].value == "Tổng quan các mục tiêu"


def test_link_parameters_restore_the_scenario():
    at = open_page("app_pages/target.py", params={"target": "qd325_grdp_growth_2030", "sc_grdp_growth": "1.5",
                                              "scenario": "hop_12"})
    assert at.slider(key="lever_grdp_growth").value == 1.5
    assert at.session_state["scenario"].values == {"grdp_growth": 1.5}


def test_scenario_lab_compares_and_solves():
    at = open_page("app_pages/scenarios.py", params={"preset": "optimistic"})
    assert at.slider(key="lever_grdp_growth").value == 1.0
    table = next(d.value for d in at.dataframe if d.value.shape[1] >= 3)
    assert table.shape[1] == 3                      # target + baseline + current
    messages = [x.value for x in list(at.success) + list(at.warning) + list(at.info)]
    assert any(m.startswith(("Cần đặt", "Không thể đạt", "Đã đạt")) for m in messages), messages
    assert at.code and "sc_grdp_growth=1" in at.code[0].value


def test_insufficient_data_is_a_sentence_not_an_empty_chart():
    at = open_page("app_pages/target.py", params={"target": "kh402_5g_2030"})
    assert any("Chưa đủ số liệu" in w.value for w in at.warning)
    assert not at.get("plotly_chart")


def test_meeting_page_saves_a_scenario_records_a_meeting_and_shows_what_changed():
    at = open_page("app_pages/meeting.py", params={"sc_grdp_growth": "1"})
    at.text_input(key="save_name").input("Họp tháng 12")
    at.button(key="save_scenario").click().run()
    assert any("Họp tháng 12" in s.value for s in at.success)
    at.button(key="snap_record").click().run()
    assert any("#" in s.value for s in at.success)
    at.session_state["scenario"] = at.session_state["scenario"].__class__("x", {"grdp_growth": 2.0})
    at.run()
    tables = [d.value for d in at.dataframe]
    assert any("Tăng trưởng GRDP thêm" in " ".join(map(str, f.to_numpy().ravel())) for f in tables)


def test_present_mode_shows_one_target_per_screen_with_next():
    at = open_page("app_pages/meeting.py", params={"present": "1"})
    first = at.title[0].value
    assert at.caption[0].value.startswith("Mục tiêu 1/")
    at.button(key="next").click().run()
    assert at.title[0].value != first and at.caption[0].value.startswith("Mục tiêu 2/")
    at.button(key="prev_arrow").click().run()                  # the ← key's button
    assert at.title[0].value == first and at.caption[0].value.startswith("Mục tiêu 1/")
    n = re.search(r"Mục tiêu 1/(\d+)", at.caption[0].value).group(1)
    at.button(key="prev").click().run()                        # from the first slide back round to the last
    assert at.caption[0].value.startswith(f"Mục tiêu {n}/{n}")
    at.button(key="next_arrow").click().run()
    assert at.title[0].value == first


def test_chart_data_download_holds_exactly_the_chart_numbers():
    at = open_page("app_pages/target.py", params={"target": "qd325_grdp_growth_2030", "sc_grdp_growth": "1"})
    assert at.get("download_button")
    from models.catalog import load_catalog
    from models.derive import with_derived
    from models.assess import prepare
    from models.scenario import Scenario
    from ui.pack_content import chart_data

    cat = with_derived(load_catalog())
    row = cat.targets.set_index("target_id").loc["qd325_grdp_growth_2030"].to_dict() | {"target_id": "qd325_grdp_growth_2030"}
    data = chart_data(cat, prepare(cat, row), Scenario("s", {"grdp_growth": 1.0}))
    assert set(data["series"]) == {"observed", "baseline", "scenario"}
    from models.config import START_YEAR
    prep = prepare(cat, row)
    obs = data[data["series"] == "observed"]
    assert obs["year"].tolist() == [int(y) for y in prep.series.values.index]       # the series the forecast used
    sc, base = data[data["series"] == "scenario"], data[data["series"] == "baseline"]
    shift = sc["value"].to_numpy() - base["value"].to_numpy()
    years = sc["year"].to_numpy()
    assert abs(shift[years < START_YEAR]).max(initial=0) < 1e-9     # levers act from the start year
    assert abs(shift[years >= START_YEAR] - 1.0).max() < 1e-9       # +1 pp on a growth rate, exactly


def test_model_card_shows_the_widening_the_forecast_used():
    from models.calibration import default
    at = open_page("app_pages/target.py", params={"target": "tqm_grdp_per_capita_2030"})
    text = str(at.table[0].value.loc["Hệ số nới khoảng dự báo k"].iloc[0])
    k = default().factor("constrained_trend", 4, 8)
    assert text == f"{k[0]:.2f} (2023) → {k[-1]:.2f} (2030)".replace(".", ","), text


def test_model_card_says_why_its_series_is_used_and_names_the_vintages_left_aside():
    from models.catalog import load_catalog
    from models.derive import with_derived
    got = with_derived(load_catalog()).series_used("ha_giang", "grdp_per_capita_current")
    assert got.others, "the bundled data no longer has a second vintage here: pick another target"
    at = open_page("app_pages/target.py", params={"target": "qd1339_grdp_per_capita_2030"})
    text = str(at.table[0].value.loc["Vì sao chuỗi này"].iloc[0])
    assert text.startswith(f"phiên bản có số liệu đến năm gần nhất ({int(got.values.index[-1])}), {got.values.size} điểm")
    v, first, last, n = got.others[0]
    assert "không nối mức với " in text and f"({first}–{last}, {n} điểm)" in text and v not in text, text


def test_model_card_shows_the_backtest_of_the_method_used_beside_no_change():
    import pandas as pd
    bt = pd.read_csv(ROOT / "data" / "backtest_bundled.csv")
    for target, series, method in [("nq52_gii_2030", "vietnam:gii_rank:main", "ensemble"),
                                   ("nq52_productivity_2030", "vietnam:labour_productivity_growth_const:main", "mean")]:
        at = open_page("app_pages/target.py", params={"target": target})
        text = str(at.table[0].value.loc["Kiểm định quá khứ (MASE / phủ 80%)"].iloc[0])
        mine = bt[bt["series_id"] == series].set_index("method")
        own = f"{mine.loc[method, 'mase']:.2f}".replace(".", ",")
        naive = f"{mine.loc['naive', 'mase']:.2f}".replace(".", ",")
        assert text.startswith(own + " / ") and text.endswith(f'dự báo "không đổi": MASE {naive}'), text


def test_chart_downloads_and_the_fan_read_the_same_quantiles_as_the_forecast_summary():
    import numpy as np

    from models.assess import prepare
    from models.catalog import load_catalog
    from models.derive import with_derived
    from models.forecast import QUANTILE_LEVELS
    from models.scenario import PRESETS, Scenario
    from ui.pack_content import chart_data, target_figure

    cat = with_derived(load_catalog())
    tid = "tqm_grdp_growth_2030"
    row = cat.targets.set_index("target_id").loc[tid].to_dict() | {"target_id": tid}
    prep = prepare(cat, row, n_paths=500)
    data = chart_data(cat, prep, Scenario("s", {"grdp_growth": 1.0}))
    base = data[data["series"] == "baseline"].reset_index(drop=True)
    assert set(QUANTILE_LEVELS) <= set(data.columns)                 # q05 and q95 included, the summary's names
    summary = prep.fc.summary()
    for name in QUANTILE_LEVELS:
        assert np.allclose(base[name], summary[name]), name
    fig = target_figure(cat, prep, PRESETS["baseline"], "vi", row)
    median = next(tr for tr in fig.data if tr.name == "Trung vị cơ sở")
    assert np.allclose(np.asarray(median.y, dtype=float), summary["q50"])
    band80 = [tr for tr in fig.data if tr.name == "Cơ sở (50/80/95%)"][1]
    n = len(summary)
    assert np.allclose(np.asarray(band80.y[:n], dtype=float), summary["q90"])


def test_meeting_page_says_when_the_data_of_a_meeting_cannot_be_compared_and_speaks_the_ui_language(monkeypatch, tmp_path):
    import pandas as pd

    from models.meetings import MeetingStore
    from models.scenario import Scenario

    monkeypatch.setenv("LOTRINH_DB", str(tmp_path / "m.sqlite3"))
    results = pd.DataFrame([{"target_id": "kh402_broadband_2025", "state": "met", "verdict": "met", "p_meet": None,
                             "un_category": "", "catch_up": None, "catch_up_unit": ""}])
    MeetingStore(tmp_path / "m.sqlite3").record_snapshot("Họp cũ", Scenario("base"), "v0099-0123456789", results)
    at = open_page("app_pages/meeting.py", lang="en")
    warnings = " ".join(w.value for w in at.warning)
    assert "could not be compared with the meeting's version v0099-0123456789" in warnings
    assert at.text_input(key="snap_title").value.startswith("Steering committee meeting ")


ENGLISH = re.compile(r"\b(the|and|of|insufficient|not found|ensemble|custom|only|points|series|method|official|"
                     r"preliminary|estimate|derived|proxy|main|upload|select all|yes|no data|available)\b", re.I)
RAW_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+){2,}\b")       # tuyen_quang_old, households_ftth_pct …
HIDDEN = {"target_id", "_pillar"}                          # columns the page hides (column_config None)
VERBATIM = "Tiêu đề"               # the sources table: publishers' own titles, quoted as published
URL = re.compile(r"https?://\S+|/[a-z-]+\?\S+")           # addresses and share links hold ids by design


def shown_text(at) -> list[str]:
    """Every text a page shows: headings, prose, notices, metrics, widget labels and options, table cells."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text"):
        out += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        out += [m.label, str(m.value)]
    out += [b.label for b in at.button] + [e.label for e in at.expander] + [tb.label for tb in at.tabs]
    for w in [*at.selectbox, *at.radio, *at.multiselect]:
        out.append(w.label)
        out += [str(o) for o in w.options]     # AppTest holds the options as shown
    for d in [*at.dataframe, *at.table]:
        if VERBATIM in d.value.columns:
            continue
        v = d.value.drop(columns=[c for c in d.value.columns if c in HIDDEN])
        out += [str(c) for c in v.columns] + [str(x) for x in v.to_numpy().ravel()]
    return [URL.sub("", x) for x in out]


@pytest.mark.parametrize("page, params", [
    ("app_pages/overview.py", {}), ("app_pages/target.py", {"target": "kh402_5g_2030"}),
    ("app_pages/target.py", {"target": "kh402_productivity_2025"}), ("app_pages/target.py", {}),
    ("app_pages/scenarios.py", {}), ("app_pages/region.py", {}), ("app_pages/method.py", {}),
    ("app_pages/data.py", {}), ("app_pages/requests.py", {}), ("app_pages/meeting.py", {}),
    ("app_pages/meeting.py", {"present": "1"})])
def test_a_vietnamese_page_shows_no_english_word_and_no_raw_id(page, params):
    at = open_page(page, "vi", params)
    found = sorted({(m.group(0), text[:80]) for text in shown_text(at)
                    for m in [*ENGLISH.finditer(text), *RAW_ID.finditer(text)]})
    assert not found, found[:10]


def test_a_preset_and_a_reset_in_the_lab_set_sliders_sidebar_and_link_in_the_run_that_answers_the_click():
    from models.scenario import PRESETS

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/scenarios.py").run()
    at.selectbox(key="lab_preset").set_value("optimistic").run()
    at.button(key="lab_apply").click().run()
    assert not at.exception
    want = PRESETS["optimistic"].values
    assert {k: at.slider(key=f"lever_{k}").value for k in want} == pytest.approx(want)
    assert any("Lạc quan" in m.value for m in at.sidebar.markdown)
    assert all(at.query_params[f"sc_{k}"] == f"{v:g}" for k, v in want.items() if v)
    at.button(key="lab_reset").click().run()
    assert all(at.slider(key=f"lever_{k}").value == 0 for k in want)
    assert any("Cơ sở" in m.value for m in at.sidebar.markdown) and not any(k.startswith("sc_") for k in at.query_params)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_shows_the_short_trends_shrinkage_evidence_from_the_results_file(lang):
    from ui.i18n import fmt_number, t

    at = open_page("app_pages/method.py", lang)
    change = t("col_shrink_change", lang)
    table = table_with(at, change)
    blocks = calibration_blocks()
    v = blocks["C"]["regimes"]["last_5"]["variants"]
    want = (f"{fmt_number(v['ct_r0']['mase'], lang, 3)} / {fmt_number(v['ct_r0']['q50'], lang, 2)} → "
            f"{fmt_number(v['constrained_trend']['mase'], lang, 3)} / {fmt_number(v['constrained_trend']['q50'], lang, 2)}")
    row = table[table[t("col_collection", lang)] == t("collection_C", lang)].iloc[0]
    assert row[t("regime_last_5", lang)] == want
    assert row[change].startswith("−")          # fertility: the rule lowers the error
    assert len(table) == len(blocks)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_shows_the_growth_targets_five_year_check_before_and_now_from_the_results_files(lang):
    import json

    from models import config
    from ui.i18n import fmt_percent, t

    at = open_page("app_pages/method.py", lang)
    col = t("col_n_points", lang, n=2)
    table = table_with(at, col)
    files = [config.GROWTH_AVERAGE_RESULTS.with_name("growth_average_before.json"), config.GROWTH_AVERAGE_RESULTS]
    before, now = ({r["n"]: r for r in json.loads(f.read_text(encoding="utf-8"))["groups"]["pwt:check"]
                    if r["window"] == 5 and r["gap"] == 1} for f in files)
    row = table[table[t("col_collection", lang)] == t("growth_avg_group_pwt:check", lang)].iloc[0]
    a, b = before[2]["cover"], now[2]["cover"]
    assert row[col] == f"{fmt_percent(a[0], lang)} / {fmt_percent(a[1], lang)} → {fmt_percent(b[0], lang)} / {fmt_percent(b[1], lang)}"
    assert b[0] > a[0] + 0.05            # held out, 2 points: the spell term widened what had been far too narrow
    assert len(table) == 4
    for group in ("pwt:check", "panels:check"):      # the hand-written caveat quotes the held-out 80% cover, 2–8 points
        c = [r["cover"][0] for r in json.loads(files[1].read_text(encoding="utf-8"))["groups"][group]
             if r["window"] == 5 and r["gap"] == 1]
        assert f"{round(min(c) * 100)}–{round(max(c) * 100)}%" in t("calibration_caveat", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_shows_every_collections_reliability_gap_and_brier_from_the_results_file(lang):
    from ui.i18n import fmt_number, t

    at = open_page("app_pages/method.py", lang)
    col = t("col_gap_short_all", lang)
    table = table_with(at, col)
    blocks = calibration_blocks()
    r = blocks["I"]["regimes"]["short_all"]["reliability"]          # the disease counts: the widest gap, Brier above base
    row = table[table[t("col_collection", lang)] == t("collection_I", lang)].iloc[0]
    assert row[col] == t("n_pp", lang, n=fmt_number(r["max_gap"] * 100, lang, 1))
    assert row[t("col_brier_short_all", lang)] == f"{fmt_number(r['brier'], lang, 3)} / {fmt_number(r['base'], lang, 3)}"
    assert r["brier"] > r["base"] and len(table) == len(blocks)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_shows_how_often_each_band_of_p_happened_held_out_from_the_results_files(lang):
    from ui.i18n import fmt_percent, t

    at = open_page("app_pages/method.py", lang)
    said = t("col_app_said", lang)
    short, growth = [d.value for d in at.dataframe if said in d.value.columns]
    blocks = [c for code, c in calibration_blocks().items() if not code.startswith("L")]
    lowest = [b for c in blocks for b in c["regimes"]["short_all"]["reliability"]["bands"]
              if b["lo"] == 0.0 and b["n"] >= 30]                  # 0–1%: every held-out collection with 30+ events
    d = next(b for c in blocks if c["collection"].startswith("D:")
             for b in c["regimes"]["short_all"]["reliability"]["bands"] if b["lo"] == 0.0)
    row = short.iloc[0]
    assert row[said] == f"{fmt_percent(0, lang)}–{fmt_percent(0.01, lang)}"
    seen = min(b["observed"] for b in lowest), max(b["observed"] for b in lowest)
    assert row[t("col_happened", lang)] == f"{fmt_percent(seen[0], lang, 1)}–{fmt_percent(seen[1], lang, 1)}"
    assert row[t("col_on_gso", lang)] == fmt_percent(d["observed"], lang, 1)      # under 10%: a tenth of a percent
    assert str(len(lowest)) in row[t("col_cases", lang)]
    assert len(short) == 16 and t("col_on_gso", lang) not in growth.columns and len(growth) >= 10


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_shows_the_evidence_for_the_roughness_term_from_the_results_file(lang):
    from ui.i18n import fmt_percent, t

    at = open_page("app_pages/method.py", lang)
    table = table_with(at, t("col_rough_smooth", lang))
    full = {code: c["regimes"]["full"] for code, c in calibration_blocks().items()}
    c = full["C"]
    want = (f"{fmt_percent(c['cover_plain'][0], lang)} / {fmt_percent(c['cover_plain'][1], lang)} → "
            f"{fmt_percent(c['cover'][0], lang)} / {fmt_percent(c['cover'][1], lang)}")
    row = table[table[t("col_collection", lang)] == t("collection_C", lang)].iloc[0]
    assert row[t("col_rough_all", lang)] == want
    assert len(table) == len(full)
    from models.calibration import default
    from ui.i18n import fmt_number

    caption = next(x.value for x in at.caption if "r^d" in x.value)
    assert fmt_number(default().params["trend"]["d"], lang, 1) in caption     # the shipped d, in the page's language


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_says_which_learning_collections_teach_the_short_widening_only(lang):
    """L5 (firms, municipalities, counties) teaches the short family only (benchmarks/calibrate.py SHORT_ONLY_LEARNING);
    the 'learned on' line says so from the results file and says it of no other collection."""
    import json

    from models import config
    from ui.i18n import t

    blocks = json.loads(config.CALIBRATION_RESULTS.read_text(encoding="utf-8"))["collections"]
    short_only = [b for b in blocks if b["collection"].startswith("L") and "trend" not in b["teaches"]]
    assert [b["collection"].split(":")[0] for b in short_only] == ["L5"]
    at = open_page("app_pages/method.py", lang)
    caption = next(c.value for c in at.caption if c.value.startswith(t("learned_on", lang, collections="")[:8]))
    assert caption.count(t("learned_short_only", lang)) == 1
    assert f"{t('collection_L5', lang)} ({t('n_series', lang, n=short_only[0]['series'])}, {t('learned_short_only', lang)})" in caption
