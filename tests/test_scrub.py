"""The in-chart slider: each step shows what the Streamlit slider at that value would show, and only that."""
from dataclasses import replace

import numpy as np
import pytest

from models.assess import evaluate, prepare, shown_forecast
from models.catalog import load_catalog
from models.derive import with_derived
from models.scenario import LEVERS, PRESETS, Scenario
from models.scrub import grid_values, lever_grid, main_lever
from ui.pack_content import scrub_spec, target_figure


@pytest.fixture(scope="module")
def cat():
    return with_derived(load_catalog())


@pytest.fixture(scope="module")
def region_prep(cat):
    row = cat.targets.set_index("target_id").loc["kh402_productivity_region_2045"].to_dict()
    return prepare(cat, row | {"target_id": "kh402_productivity_region_2045"}, n_paths=400)


def test_grid_covers_the_whole_range_in_lever_steps():
    for lid, lv in LEVERS.items():
        g = grid_values(lid)
        assert g[0] == pytest.approx(lv.minimum) and g[-1] == pytest.approx(lv.maximum), lid
        assert np.allclose(np.diff(g), lv.step), lid        # every step today (≤ 81 values)


def test_each_step_equals_the_assessment_and_fan_with_that_lever_value(region_prep):
    others = Scenario("s", {"employment_growth": 0.5})
    lever = main_lever(region_prep)
    assert lever == "grdp_growth"
    steps = lever_grid(region_prep, others, lever)
    for st in (steps[0], steps[len(steps) // 2], steps[-1]):
        sc = replace(others, values={**others.values, lever: st.value})
        assert st.p_meet == evaluate(region_prep, sc).p_meet
        paths = shown_forecast(region_prep, sc)[1]          # the ratio to the region, as the chart shows it
        assert np.allclose(st.quantiles[0.5], np.quantile(paths, 0.5, axis=1))
        assert np.isclose(st.quantiles[0.5][-1], evaluate(region_prep, sc).stat_q50)   # the fan's 2045 is P's 2045
    ps = [s.p_meet for s in steps]
    assert ps[-1] > ps[0] and all(b >= a - 0.02 for a, b in zip(ps, ps[1:]))   # more growth, (noisily) more likely


def test_every_grid_takes_the_same_quantiles_as_the_paths_the_chart_shows(cat, monkeypatch):
    """The grids take their quantiles from paths sorted once (models.scrub._ordered_fan): every step of every
    lever of every registered target must equal the quantiles of the scenario's own paths, fan and lab line."""
    from models import scrub
    from models.forecast import QUANTILE_LEVELS, path_quantiles
    from models.scenario import apply

    fast = []
    real = scrub._ordered_fan
    monkeypatch.setattr(scrub, "_ordered_fan", lambda *a, **kw: fast.append(real(*a, **kw)) or fast[-1])
    checked = 0
    for row in cat.targets.to_dict("records"):
        prep = prepare(cat, row, n_paths=300)
        levers = scrub.acting_levers(prep)
        for lid in levers:
            others = Scenario("s", {k: LEVERS[k].step * 3 for k in levers if k != lid})
            for (st, (v, band)) in zip(lever_grid(prep, others, lid), scrub.band_grid(prep, others, lid)):
                sc = replace(others, values={**others.values, lid: st.value})
                want = path_quantiles(shown_forecast(prep, sc)[1], scrub.NAMES)
                for k in scrub.NAMES:
                    np.testing.assert_allclose(st.quantiles[QUANTILE_LEVELS[k]], want[k], rtol=1e-12, err_msg=lid)
                s = prep.series
                own = path_quantiles(apply(prep.fc, s.indicator_id, prep.unit_en, sc, s.territory_id), ("q10", "q50", "q90"))
                for k, level in (("q10", 0.1), ("q50", 0.5), ("q90", 0.9)):
                    np.testing.assert_allclose(band[level], own[k], rtol=1e-12, err_msg=lid)
                checked += 1
    assert checked > 500 and fast and all(f is not None for f in fast)   # the sorted route is the one taken


def test_paths_are_inverted_once_and_cannot_be_written(region_prep):
    fc = region_prep.fc
    assert fc.paths is fc.paths and not fc.paths.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        fc.paths[0, 0] = 1.0


def test_no_main_lever_for_a_target_year_before_the_levers_start(cat):
    row = cat.targets.set_index("target_id").loc["kh402_productivity_2025"].to_dict()
    prep = prepare(cat, row | {"target_id": "kh402_productivity_2025"}, n_paths=300)
    assert main_lever(prep) is None


def region_figure(cat, region_prep):
    """The 2045 region target's chart at baseline with its in-chart slider over GRDP growth."""
    row = cat.targets.set_index("target_id").loc["kh402_productivity_region_2045"].to_dict() | {
        "target_id": "kh402_productivity_region_2045"}
    s = PRESETS["baseline"]
    steps = lever_grid(region_prep, s, "grdp_growth")
    return steps, target_figure(cat, region_prep, s, "vi", row, scrub=scrub_spec(region_prep, s, "grdp_growth", steps, "vi"))


def test_figure_carries_one_step_per_value_restyling_only_the_scenario_traces(cat, region_prep):
    steps, fig = region_figure(cat, region_prep)
    slider = fig.layout.sliders[0]
    assert len(slider.steps) == len(steps) and slider.active == int(np.argmin(np.abs(grid_values("grdp_growth"))))
    traces = slider.steps[0].args[2]
    assert [fig.data[i].name for i in traces] == ["Kịch bản (50/80/95%)"] * 3 + ["Trung vị kịch bản"]
    assert all(fig.data[i].visible is False for i in traces)        # at baseline the scenario fan is hidden
    last = slider.steps[-1]
    assert last.args[0]["visible"] == [True] * 4
    k = [a.name for a in fig.layout.annotations].index("scrub_p")
    assert f"annotations[{k}].text" in last.args[1] and "4,0 → xác suất đạt" in last.args[1][f"annotations[{k}].text"]
    assert np.allclose(last.args[0]["y"][3], steps[-1].quantiles[0.5], rtol=1e-3)   # 4 significant digits sent


def test_the_in_chart_slider_draws_into_a_fixed_frame_that_holds_every_step(cat, region_prep):
    """ui/scrub_sync draws a step straight into the chart's SVG, so the y axis may not depend on the step shown."""
    steps, fig = region_figure(cat, region_prep)
    lo, hi = fig.layout.yaxis.range
    drawn = [np.asarray(y, dtype=float) for step in fig.layout.sliders[0].steps for y in step.args[0]["y"]]
    drawn += [np.asarray(tr.y, dtype=float) for tr in fig.data if tr.y is not None]
    every = np.concatenate(drawn)
    every = every[np.isfinite(every)]
    assert lo <= every.min() and every.max() <= hi
    assert hi - lo < 1.3 * (every.max() - every.min())           # held, not drowned in margin


def test_a_released_step_is_snapped_to_the_lever_and_anything_else_is_ignored():
    from ui.scrub_sync import released_value

    assert released_value(3.1, "grdp_growth") == 3.1
    assert released_value("2.9999999", "grdp_growth") == 3.0           # a step value as Plotly sends it back
    assert released_value(-4, "grdp_growth") == -4.0 and released_value(4, "grdp_growth") == 4.0
    for bad in (4.5, -9, "3,1", None, "nan", [1], "inf"):
        assert released_value(bad, "grdp_growth") is None, bad


def test_every_in_chart_step_sends_its_lever_value_back(cat, region_prep):
    from ui.scrub_sync import released_value

    steps, fig = region_figure(cat, region_prep)
    sent = [released_value(step.value, "grdp_growth") for step in fig.layout.sliders[0].steps]
    assert sent == pytest.approx([st.value for st in steps])          # never a label such as "1,0"


def test_the_lab_preview_at_each_value_is_the_line_the_lab_chart_draws_there(cat):
    from models.scenario import apply
    from models.scrub import band_grid
    from ui.charts import overlay_chart
    from ui.pack_content import overlay_preview

    row = cat.targets.set_index("target_id").loc["tqm_grdp_growth_2030"].to_dict() | {"target_id": "tqm_grdp_growth_2030"}
    prep = prepare(cat, row, n_paths=400)
    others = Scenario("s", {"grdp_shock": -2.0})
    grid = band_grid(prep, others, "grdp_growth")
    assert [v for v, _ in grid] == pytest.approx(list(grid_values("grdp_growth")))
    for value in (-1.5, 0.0, 2.3):
        sc = replace(others, values={**others.values, "grdp_growth": value})
        paths = apply(prep.fc, prep.series.indicator_id, prep.unit_en, sc, prep.series.territory_id)
        fig = overlay_chart({"Cơ sở": (prep.fc.years, paths), "▶ Đang dùng": (prep.fc.years, paths)}, "vi")
        spec = overlay_preview(fig, "▶ Đang dùng", "lever_grdp_growth", grid)
        band, median = (fig.data[i] for i in spec["traces"])
        assert (band.name, median.name) == ("▶ Đang dùng 80%", "▶ Đang dùng")
        step = next(st for st in spec["steps"] if abs(st["v"] - value) < 1e-9)
        assert np.allclose(step["y"][0], band.y, rtol=1e-3) and np.allclose(step["y"][1], median.y, rtol=1e-3)
        other = next(st for st in spec["steps"] if abs(st["v"] - value - 1.0) < 1e-9)
        assert not np.allclose(other["y"][1], median.y, rtol=1e-3)        # a different value draws a different line


def test_another_levers_preview_on_the_target_chart_is_the_fan_and_line_the_page_draws_there(cat):
    from ui.pack_content import fan_preview

    tid = "tqm_grdp_growth_2030"
    row = cat.targets.set_index("target_id").loc[tid].to_dict() | {"target_id": tid}
    prep = prepare(cat, row, n_paths=400)
    assert main_lever(prep) == "grdp_growth"
    base = Scenario("s", {"grdp_growth": 0.5})

    def figure(sc):
        return target_figure(cat, prep, sc, "vi", row, scrub=scrub_spec(prep, sc, "grdp_growth",
                                                                       lever_grid(prep, sc, "grdp_growth"), "vi"))

    spec = fan_preview(figure(base), base, "grdp_growth", "grdp_shock", lever_grid(prep, base, "grdp_shock"), "vi")
    assert spec["slider"] == "lever_grdp_shock"
    for shock in (-3.0, 0.0, 2.5):
        fig = figure(replace(base, values={**base.values, "grdp_shock": shock}))     # what the server draws there
        step = next(st for st in spec["steps"] if abs(st["v"] - shock) < 1e-9)
        for y, i in zip(step["y"], spec["traces"]):
            assert np.allclose(y, fig.data[i].y, rtol=1e-3) and fig.data[i].visible is not False
        (key, text), = step["layout"].items()
        k = [a.name for a in fig.layout.annotations].index("scrub_p")
        assert key == f"annotations[{k}].text" and text == fig.layout.annotations[k].text and "0,5 → xác suất đạt" in text


def test_the_pages_hand_the_in_chart_steps_to_the_browser_and_a_saved_figure_keeps_plotlys_own(cat, region_prep):
    """On the target page (and present mode) ui/scrub_sync draws the steps, so Plotly must not run them as well; a figure
    used anywhere else keeps steps that Plotly runs by itself (they work without the component)."""
    import json
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from ui.scrub_sync import hand_over

    _, fig = region_figure(cat, region_prep)
    assert all(step.execute is None for step in fig.layout.sliders[0].steps)     # Plotly's default: it runs them
    hand_over(fig)
    assert all(step.execute is False for step in fig.layout.sliders[0].steps)
    hand_over(None)                                                                # no chart: nothing to do

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app_pages" / "target.py"), default_timeout=120)
    at.session_state["lang"] = "vi"
    at.query_params["target"] = "kh402_productivity_region_2045"
    at.run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    steps = spec["layout"]["sliders"][0]["steps"]
    assert len(steps) == 81 and all(s["execute"] is False for s in steps)
    assert spec["layout"]["yaxis"]["range"] and spec["layout"]["yaxis"].get("autorange") in (None, False)
