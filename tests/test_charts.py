"""Figure builders are pure: read their traces."""
import numpy as np
import pandas as pd

from ui.charts import fan_chart, overlay_chart, region_bars


def history():
    return pd.DataFrame({"year": [2018, 2019, 2020, 2021], "value": [1.0, 2.0, 3.0, 2.5],
                         "status": ["official", "official", "preliminary", "derived"],
                         "vintage": ["old", "old", "old", "new"]})


def paths(n=500, years=(2022, 2023, 2024)):
    rng = np.random.default_rng(0)
    return np.array(years), 3 + np.cumsum(rng.normal(0, 0.5, (len(years), n)), axis=0)


def test_fan_chart_has_three_bands_per_fan_a_target_marker_and_break_lines():
    fig = fan_chart(history(), "vi", title="x", baseline=paths(), scenario=paths(), target=(2024, 5.0), breaks=[2021],
                    revision="t1")
    fills = [tr for tr in fig.data if tr.fill == "toself"]
    assert len(fills) == 6                                  # 95/80/50 for baseline and for scenario
    star = [tr for tr in fig.data if tr.marker is not None and tr.marker.symbol == "star"]
    assert len(star) == 1 and list(star[0].x) == [2024] and list(star[0].y) == [5.0]
    assert [s.x0 for s in fig.layout.shapes] == [2020.5]
    assert fig.layout.uirevision == "t1"
    assert fig.layout.separators == ",."


def test_fan_chart_marks_each_status_differently():
    fig = fan_chart(history(), "en")
    symbols = {tr.name: tr.marker.symbol for tr in fig.data if tr.mode == "markers"}
    assert symbols == {"official": "circle", "preliminary": "circle-open", "derived": "square"}


def test_bands_are_nested():
    fig = fan_chart(history(), "vi", baseline=paths())
    widths = []
    for tr in [tr for tr in fig.data if tr.fill == "toself"]:
        y = np.array(tr.y)
        half = len(y) // 2
        widths.append(float(np.mean(y[:half] - y[half:][::-1])))
    assert widths[0] > widths[1] > widths[2] > 0


def test_fan_chart_without_forecast_is_just_history():
    fig = fan_chart(history(), "vi")
    assert not [tr for tr in fig.data if tr.fill == "toself"]


def test_overlay_and_region_bars():
    fig = overlay_chart({"A": paths(), "B": paths()}, "en", title="t", target=(2024, 4.0))
    assert [tr.name for tr in fig.data if tr.mode == "lines" and tr.fill != "toself"] == ["A", "B"]
    bars = region_bars(pd.DataFrame({"territory_id": ["a", "b"], "value": [2.0, 1.0], "name": ["A", "B"]}), "vi",
                       highlight=("a",))
    assert list(bars.data[0].y) == ["B", "A"] and bars.data[0].marker.color[1] != bars.data[0].marker.color[0]


def test_estimated_years_are_drawn_with_their_interval():
    import numpy as np
    import pandas as pd
    from ui.charts import fan_chart
    rng = np.random.default_rng(0)
    fig = fan_chart(pd.DataFrame({"year": [2022, 2023], "value": [8.4, 7.2], "status": ["derived"] * 2,
                                  "vintage": ["main"] * 2}), "vi",
                    estimated={2021: rng.normal(8, 1, 4000), 2025: rng.normal(6.5, 1.5, 4000)})
    tr = next(t for t in fig.data if t.name == "Năm ước tính (trung vị, khoảng 80%)")
    assert list(tr.x) == [2021, 2025]
    assert abs(tr.y[0] - 8) < 0.1 and abs(tr.error_y.array[1] - 1.5 * 1.2816) < 0.15


def test_a_95_band_far_beyond_the_rest_is_cut_at_the_80_bands_and_said_not_drawn_off_scale():
    from ui.charts import readable_range

    hist = np.array([90.0, 97.0])
    q10, q90 = np.array([95.0, 100.0, 120.0]), np.array([110.0, 180.0, 400.0])
    lo, hi, reach = readable_range([hist, q10, q90], [np.array([80.0, 60.0, 50.0]), np.array([150.0, 900.0, 27000.0])])
    assert lo < 90.0 and 400.0 < hi < 450.0 and reach == 27000.0
    assert readable_range([hist, q10, q90], [np.array([85.0]), np.array([450.0])]) is None   # nothing to cut


def test_a_target_relative_to_the_region_is_charted_as_the_ratio_it_is_judged_on():
    from models.assess import evaluate, prepare
    from models.catalog import load_catalog
    from models.derive import with_derived
    from models.scenario import PRESETS
    from ui.pack_content import chart_data, target_figure

    cat = with_derived(load_catalog())
    tid = "kh402_productivity_region_2045"
    row = cat.targets.set_index("target_id").loc[tid].to_dict() | {"target_id": tid}
    prep = prepare(cat, row, n_paths=600)
    s = PRESETS["optimistic"]
    data = chart_data(cat, prep, s)
    scen = data[data["series"] == "scenario"].set_index("year")
    a = evaluate(prep, s)
    assert np.isclose(scen.loc[2045, "q50"], a.stat_q50) and np.isclose(scen.loc[2045, "q10"], a.stat_q10)
    assert list(data.loc[data["series"] == "observed_ratio", "value"]) == list(prep.ratio)     # 0.70, 0.71
    fig = target_figure(cat, prep, s, "vi", row)
    star = next(tr for tr in fig.data if tr.name == "Mục tiêu")
    assert list(star.x) == [2045] and list(star.y) == [1.0]                                    # level with the region
    assert "so với bình quân vùng" in fig.layout.title.text


def test_the_fan_built_without_plotly_validation_is_a_valid_figure_with_the_same_json():
    """fan_chart skips plotly's property checks for speed (it is rebuilt on every lever move), so a misspelt or
    invalid property would no longer raise there: a validated rebuild must accept it and serialise the same."""
    import json

    import plotly.graph_objects as go
    import plotly.io as pio

    years, p = paths()
    steps = [{"value": v, "label": str(v), "p_text": f"P {v}", "differs": v != 0,
              "quantiles": {q: list(np.quantile(p + v, q, axis=1)) for q in (0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975)}}
             for v in (0.0, 0.5, 1.0)]
    for scrub in (None, {"years": list(years), "active": 1, "label": "lever", "steps": steps}):
        fig = fan_chart(history(), "vi", title="x", baseline=(years, p), scenario=(years, p + 0.5), target=(2024, 5.0),
                        breaks=[2021], estimated={2021: np.linspace(2, 3, 50)}, scrub=scrub)
        checked = go.Figure(fig.to_dict())            # validates every property; raises on an invalid one
        assert json.loads(pio.to_json(checked)) == json.loads(pio.to_json(fig))   # (key order may differ)
