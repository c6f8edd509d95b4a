"""The learned calibration: a smooth widening around the median path, never a moved median or a shrinking band."""
import json

import numpy as np
import pandas as pd
import pytest

from models.assess import prepare
from models.calibration import FAMILIES, FORMAT, Calibration, default
from models.catalog import load_catalog
from models.derive import with_derived
from models.forecast import forecast


def cal(a=0.2, b=0.3, c=-0.1, families=("trend", "short", "mean")):
    return Calibration(params={f: {"a": a, "b": b, "c": c} for f in families})


def test_the_factor_is_the_formula_and_never_falls_with_the_horizon():
    formula = np.exp(0.2 + 0.3 * np.log(np.arange(1, 11)) - 0.1 * np.log(9))
    k = cal().factor("constrained_trend", 9, 10)
    assert k == pytest.approx(formula) and formula[0] < 1.0
    assert np.all(np.diff(k) >= 0)
    # a trend model's own bands are too narrow on every collection: its k is never below 1
    assert cal().factor("ensemble", 9, 10) == pytest.approx(np.maximum(formula, 1.0))
    assert np.all(cal(b=0.0).factor("mean", 4, 6) == cal(b=0.0).factor("mean", 4, 1)[0])


def test_widening_keeps_the_median_and_the_order_of_the_paths():
    z = np.random.default_rng(0).normal(0.0, 1.0, size=(4, 3000)) + np.arange(4)[:, None]
    out = cal().apply(z.copy(), 8, "ensemble")
    assert np.median(out, axis=1) == pytest.approx(np.median(z, axis=1))
    k = cal().factor("ensemble", 8, 4)
    assert np.std(out, axis=1) == pytest.approx(k * np.std(z, axis=1), rel=1e-6)
    for j in range(4):
        assert np.all(np.argsort(out[j]) == np.argsort(z[j]))


def test_a_family_without_parameters_is_left_alone():
    z = np.random.default_rng(1).normal(size=(3, 500))
    assert np.array_equal(cal(families=("trend",)).apply(z.copy(), 3, "mean"), z)
    assert FAMILIES["constrained_trend"] == "short" and FAMILIES["mean"] == "mean"


def test_forecast_applies_the_widening_to_its_paths():
    s = pd.Series([100, 103, 105, 109, 112, 114, 118, 121.0], index=range(2015, 2023))
    raw = forecast(s, 4, n_paths=3000, seed=4, calibration=False)
    cooked = forecast(s, 4, n_paths=3000, seed=4, calibration=cal())
    assert cooked.calibrated and not raw.calibrated
    assert np.median(cooked.z_paths, axis=1) == pytest.approx(np.median(raw.z_paths, axis=1))
    ratio = np.std(cooked.z_paths, axis=1) / np.std(raw.z_paths, axis=1)
    assert ratio == pytest.approx(cal().factor(cooked.method, 8, 4, cooked.roughness), rel=1e-6)


def test_roughness_tells_a_smooth_curve_from_a_random_walk_and_from_noise():
    from models.calibration import ROUGHNESS_RANGE, roughness

    rng = np.random.default_rng(3)
    walks = [roughness(np.cumsum(rng.normal(0.02, 0.05, 400))) for _ in range(5)]
    noise = [roughness(rng.normal(0.0, 1.0, 400)) for _ in range(5)]
    assert np.allclose(walks, 1.0, atol=0.1) and np.allclose(noise, np.sqrt(1.5), atol=0.1)
    fertility_like = np.log(6.0 - 4.0 * np.tanh(np.linspace(0.0, 2.0, 40)))   # a smooth, bending decline
    assert roughness(fertility_like) == ROUGHNESS_RANGE[0]
    assert roughness([1.0, 2.0, 4.0, 3.0]) == 1.0 and roughness(np.arange(12.0)) == 1.0   # too short / a straight line


def test_the_roughness_term_widens_smooth_histories_and_only_where_the_family_has_it():
    c = Calibration(params={"trend": {"a": 0.0, "b": 0.1, "c": 0.0, "d": -0.5}, "short": {"a": 0.0, "b": 0.1, "c": 0.0}})
    smooth, rough = c.factor("ensemble", 20, 5, 0.1), c.factor("ensemble", 20, 5, 1.0)
    assert smooth == pytest.approx(rough * 0.1 ** -0.5)
    assert c.factor("ensemble", 20, 5, 0.01) == pytest.approx(smooth)                # clipped to the learned range
    assert c.factor("constrained_trend", 5, 5, 0.1) == pytest.approx(c.factor("constrained_trend", 5, 5, 1.0))
    s = pd.Series(np.exp(np.log(6.0 - 4.0 * np.tanh(np.linspace(0.0, 2.0, 20)))), index=range(2000, 2020))
    raw = forecast(s, 4, n_paths=2000, seed=2, calibration=False)
    cooked = forecast(s, 4, n_paths=2000, seed=2, calibration=c)
    assert cooked.roughness == 0.1
    assert np.std(cooked.z_paths, axis=1) / np.std(raw.z_paths, axis=1) == pytest.approx(smooth[:4], rel=1e-6)


def test_a_file_of_another_format_or_a_falling_factor_is_refused(tmp_path):
    bad = tmp_path / "calibration.json"
    bad.write_text(json.dumps({"format": 1, "params": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="format"):
        Calibration.from_file(bad)
    bad.write_text(json.dumps({"format": FORMAT, "params": {"trend": {"a": 0, "b": -0.1, "c": 0}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="b ≥ 0"):
        Calibration.from_file(bad)
    bad.write_text(json.dumps({"format": FORMAT, "params": {"trend": {"a": 0, "b": 0.1, "c": 0, "e": 1}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="may have d"):
        Calibration.from_file(bad)


def test_the_shipped_calibration_has_few_numbers_and_says_where_it_came_from():
    c = default()
    assert set(c.params) == {"trend", "short", "mean"}
    assert sum(len(p) for p in c.params.values()) == 10           # a, b, c per family, and the trend family's roughness d
    assert set(c.params["trend"]) == {"a", "b", "c", "d"} and c.params["trend"]["d"] <= 0
    for text in ("Penn World Table", "fertility", "GSO"):
        assert text in c.provenance["learned_on"] + c.provenance["sources"]
    for fam in c.params:
        for n in (2, 3, 5, 8, 20):
            for r in (0.1, 1.0, 1.5):
                k = c.factor({"trend": "ensemble", "short": "constrained_trend", "mean": "mean"}[fam], n, 25, r)
                assert np.all(np.diff(k) >= 0) and np.all((k > 0.2) & (k < 20))


@pytest.fixture(scope="module")
def every_target():
    cat = with_derived(load_catalog())
    return [prepare(cat, row, n_paths=1000) for row in cat.targets.to_dict("records")]


def test_fans_of_every_registered_target_are_coherent(every_target):
    """Mean models keep a flat median; no band gets narrower further out (on the model scale: a falling
    positive series may narrow in absolute terms while its relative uncertainty grows)."""
    checked = 0
    for prep in every_target:
        for fc in (prep.fc, prep.fc_reference, prep.fc_ratio):
            if fc is None or fc.insufficient or fc.years.size < 2:
                continue
            if fc.method == "mean":
                med = np.median(fc.paths, axis=1)
                assert np.ptp(med) <= 1e-9 * max(1.0, abs(med[0])), (fc.series_id, med)
            else:                                  # a trend's median turns at most once
                step = np.diff(np.median(fc.z_paths, axis=1))
                signs = np.sign(step[np.abs(step) > 1e-9 * max(1.0, np.abs(step).max(initial=0.0))])
                assert np.count_nonzero(np.diff(signs)) <= 1, (fc.series_id, step)
            q = np.quantile(fc.z_paths, [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975], axis=1)   # the model scale
            for w in (q[6] - q[0], q[5] - q[1], q[4] - q[2]):
                assert np.all(np.diff(w) >= -1e-9 * np.abs(w[1:])), (fc.series_id, w)
            checked += 1
    assert checked >= 12


def test_the_probability_check_quotes_only_held_out_collections_with_enough_events(tmp_path):
    import json

    from models.reliability import checked

    def table(observed, n):
        return {"reliability": {"table": [{"decile": 0, "n": n, "predicted": 0.03, "observed": observed}]}}
    results = {"collections": [
        {"collection": "L1: learned on", "regimes": {"short_all": table(0.50, 1000)}},     # learning: never quoted
        {"collection": "A: held out", "regimes": {"short_all": table(0.04, 500)}},
        {"collection": "D: GSO provinces", "regimes": {"short_all": table(0.02, 300)}},
        {"collection": "E: other kinds", "regimes": {"short_all": table(0.26, 20)}}]}     # too few events
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    c = checked(0.05, short=True, path=path)
    assert (c.band, c.observed, c.gso, c.collections, c.events) == ((0.0, 0.1), (0.02, 0.04), 0.02, 2, 800)
    assert checked(0.05, short=False, path=path) is None and checked(None, True, path) is None
    assert checked(0.55, short=True, path=path) is None


def test_events_are_grouped_by_band_finer_at_the_ends_and_the_last_band_holds_one():
    from models.reliability import BANDS, band_of, by_band

    assert [band_of(p) for p in (0.0, 0.007, 0.01, 0.0175, 0.094, 0.5, 0.985, 0.995, 1.0)] == [0, 0, 1, 1, 3, 8, 14, 15, 15]
    assert BANDS[:5] == (0.0, 0.01, 0.02, 0.05, 0.1) and BANDS[-5:] == (0.9, 0.95, 0.98, 0.99, 1.0)
    rows = by_band([0.005, 0.007, 0.015, 0.5, 1.0], [0, 1, 0, 1, 1])
    assert [(r["lo"], r["hi"], r["n"], r["observed"]) for r in rows] == [
        (0.0, 0.01, 2, 0.5), (0.01, 0.02, 1, 0.0), (0.5, 0.6, 1, 1.0), (0.99, 1.0, 1, 1.0)]
    assert rows[0]["predicted"] == pytest.approx(0.006)


def test_the_check_quotes_the_fine_band_of_p_and_reads_an_older_file_of_deciles(tmp_path):
    import json

    from models.reliability import bands_checked, checked

    def rel(bands):
        return {"reliability": {"table": [{"decile": 0, "n": 999, "predicted": 0.04, "observed": 0.5}],    # not read
                                "bands": [{"lo": lo, "hi": hi, "n": n, "predicted": (lo + hi) / 2, "observed": o}
                                          for lo, hi, n, o in bands]}}
    results = {"collections": [
        {"collection": "A: held out", "regimes": {"short_all": rel([(0.0, 0.01, 400, 0.02), (0.05, 0.1, 300, 0.08)])}},
        {"collection": "D: GSO provinces", "regimes": {"short_all": rel([(0.0, 0.01, 200, 0.005), (0.05, 0.1, 20, 0.3)])}},
        {"collection": "L1: learned on", "regimes": {"short_all": rel([(0.0, 0.01, 9000, 0.4)])}}]}
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    c = checked(0.007, short=True, path=path)          # 0.7%: the 0–1% band, not the tenth 0–10%
    assert (c.band, c.observed, c.gso, c.collections, c.events) == ((0.0, 0.01), (0.005, 0.02), 0.005, 2, 600)
    c = checked(0.094, short=True, path=path)          # D has too few events at 5–10%: quoted by neither range nor apart
    assert (c.band, c.observed, c.gso, c.collections) == ((0.05, 0.1), (0.08, 0.08), None, 1)
    assert checked(0.015, short=True, path=path) is None
    assert [b.band for b in bands_checked(True, path=path)] == [(0.0, 0.01), (0.05, 0.1)]
    old = {"collections": [{"collection": "A: held out", "regimes": {"short_all": {"reliability": {
        "table": [{"decile": 0, "n": 50, "predicted": 0.04, "observed": 0.06}]}}}}]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert checked(0.007, short=True, path=path).band == (0.0, 0.1)


def test_on_the_provinces_own_kind_a_low_probability_happened_no_more_often_than_said():
    """The Method page's caption says so of the held-out GSO series (D) from the results file: below 20%, the share of
    events that happened stays within each band's upper edge."""
    from models.reliability import bands_checked

    low = [c for c in bands_checked(True) if c.band[1] <= 0.2 and c.gso is not None]
    assert [c.band for c in low] == [(0.0, 0.01), (0.01, 0.02), (0.02, 0.05), (0.05, 0.1), (0.1, 0.2)]
    assert all(c.gso <= c.band[1] for c in low), [(c.band, c.gso) for c in low]


def test_a_short_series_outlook_prints_its_probability_check():
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app_pages" / "target.py"), default_timeout=120)
    at.session_state["lang"] = "vi"
    at.query_params["target"] = "tqm_grdp_per_capita_2030"       # 4 points: the constrained trend
    at.run()
    assert not at.exception
    text = " ".join(c.value for c in at.caption)
    import re
    said = re.search(r"Kiểm định xác suất \(chuỗi 2–8 điểm\): trên (\d) bộ chuỗi thực không dùng để hiệu chỉnh", text)
    import json

    from models import config
    held_out = [c for c in json.loads(config.CALIBRATION_RESULTS.read_text(encoding="utf-8"))["collections"]
                if not c["collection"].startswith("L")]
    assert said and 1 <= int(said.group(1)) <= len(held_out)   # held-out collections with enough events in its decile
    assert "trên chuỗi GSO theo tỉnh:" in text


def test_a_growth_targets_probability_check_quotes_the_held_out_growth_groups_only(tmp_path):
    import json

    from models.reliability import checked_growth

    def deciles(observed, n):
        return [{"decile": 0, "n": n, "predicted": 0.03, "observed": observed}]
    results = {"reliability": {"pwt:learn": deciles(0.50, 9000),              # learning: never quoted
                               "pwt:check": deciles(0.04, 700), "panels:check": deciles(0.09, 120),
                               "pop:check": deciles(0.30, 900)}}               # population growth: not a target's kind
    path = tmp_path / "growth_average.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    c = checked_growth(0.02, path=path)
    assert (c.band, c.observed, c.gso, c.collections, c.events) == ((0.0, 0.1), (0.04, 0.09), None, 2, 820)
    assert checked_growth(0.5, path=path) is None and checked_growth(None, path) is None


def test_a_growth_target_outlook_prints_its_five_year_probability_check():
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app_pages" / "target.py"), default_timeout=120)
    at.session_state["lang"] = "vi"
    at.query_params["target"] = "tqm_grdp_growth_2030"        # 2 growth rates: the mean model, average over 2026–2030
    at.run()
    assert not at.exception
    text = " ".join(c.value for c in at.caption)
    import re
    said = re.search(r"Kiểm định xác suất \(tăng trưởng bình quân 5 năm từ 2–8 tốc độ đã công bố\): trên (\d) bộ chuỗi", text)
    assert said and int(said.group(1)) in (1, 2)


def test_the_method_page_caveat_quotes_the_short_cover_of_the_results_file():
    """The 'where it falls short' text and the ensemble-instead caption are hand-written; they must say what the last
    calibration run measured."""
    from models.config import ROOT
    from models.texts import STRINGS

    results = json.loads((ROOT / "benchmarks" / "results" / "calibration.json").read_text(encoding="utf-8"))
    held_out = [c for c in results["collections"] if not c["collection"].startswith("L")]
    cover = [c["regimes"][r]["cover"][0] for c in held_out for r in ("last_2", "last_3", "last_5", "last_6", "last_8")]
    quoted = f"{round(min(cover) * 100)}–{round(max(cover) * 100)}%"
    long = [c["regimes"][r]["cover"][0] for c in held_out for r in ("last_6", "last_8")]
    quoted_long = f"{round(min(long) * 100)}–{round(max(long) * 100)}%"
    full = {c["collection"][0]: c["regimes"]["full"]["cover"][0] for c in held_out}
    short_of = {k: v for k, v in full.items() if v < 0.75}          # named one by one, the rest as a range
    rest = [v for k, v in full.items() if k not in short_of]
    for lang, word in (("vi", "bộ"), ("en", "collection")):
        text = STRINGS["calibration_caveat"][lang]
        assert quoted in text and quoted_long in text and f"{round(min(rest) * 100)}–{round(max(rest) * 100)}%" in text
        for k, v in short_of.items():
            assert f"{round(v * 100)}%" in text and f"{word} {k}" in text
    disease = next(c for c in held_out if c["collection"].startswith("I:"))     # named with how far "no change" is ahead
    worse = [r["ours"] / r["mase"]["naive"] - 1 for k, r in disease["regimes"].items()
             if k in ("full", "last_2", "last_3", "last_5", "last_6", "last_8")]
    gap = disease["regimes"]["short_all"]["reliability"]["max_gap"]
    for lang, unit in (("vi", "điểm %"), ("en", "points")):
        text = STRINGS["calibration_caveat"][lang]
        assert f"{round(min(worse) * 100)}–{round(max(worse) * 100)}%" in text and f"{round(gap * 100)} {unit}" in text
    here = [e["cover_learned_here"] for c in results["collections"] for r in ("last_6", "last_8")
            if (e := c["regimes"].get(r, {}).get("ensemble_instead"))]
    quoted_here = f"{round(min(v[0] for v in here) * 100)}–{round(max(v[0] for v in here) * 100)}% / " \
                  f"{round(min(v[1] for v in here) * 100)}–{round(max(v[1] for v in here) * 100)}%"
    for lang in ("vi", "en"):
        assert quoted_here in STRINGS["ensemble_instead_caption"][lang]
