"""Derivation rules on tiny inline frames: same year for ratios, one vintage for growth, all parts for sums."""
import pandas as pd

from models.derive import growth_rates, merged_sums, ratio


def obs(rows):
    cols = ["territory_id", "indicator_id", "vintage", "year", "value"]
    df = pd.DataFrame(rows, columns=cols)
    df["period_start"] = pd.array([pd.NA] * len(df), dtype="Int64")
    df["qualifier"] = ""
    df["status"] = "official"
    df["source_id"] = "s1"
    df["preferred"] = True
    return df


def test_ratio_uses_only_same_territory_and_year():
    o = obs([("a", "grdp_current", "v1", 2018, 100.0), ("a", "labour_force_15plus", "lf", 2018, 4.0),
             ("a", "labour_force_15plus", "lf", 2019, 5.0), ("b", "grdp_current", "v1", 2019, 9.0)])
    rows = ratio(o, "grdp_current", "labour_force_15plus", "proxy", 1.0, "proxy", "grdp / lf")
    assert [(r["territory_id"], r["year"], r["value"]) for r in rows] == [("a", 2018, 25.0)]
    assert rows[0]["vintage"] == "v1__lf"


def test_ratio_skips_approximate_inputs():
    o = obs([("a", "grdp_current", "v1", 2018, 100.0), ("a", "labour_force_15plus", "lf", 2018, 4.0)])
    o.loc[0, "qualifier"] = "approx"
    assert ratio(o, "grdp_current", "labour_force_15plus", "proxy", 1.0, "proxy", "f") == []


def test_growth_never_crosses_a_vintage_or_a_missing_year():
    o = obs([("a", "x", "old", 2019, 100.0), ("a", "x", "old", 2020, 110.0), ("a", "x", "new", 2021, 80.0),
             ("a", "x", "new", 2022, 88.0), ("a", "x", "new", 2024, 99.0)])
    rows = growth_rates(o, "x", "x_growth")
    assert sorted((r["vintage"], r["year"], round(r["value"], 6)) for r in rows) == [("new", 2022, 10.0), ("old", 2020, 10.0)]


def test_merged_sum_needs_every_part():
    o = obs([("tuyen_quang_old", "lf", "v", 2018, 1.0), ("ha_giang", "lf", "v", 2018, 2.0),
             ("tuyen_quang_old", "lf", "v", 2019, 1.5)])
    ind = pd.DataFrame({"indicator_id": ["lf"], "additive": [True]})
    rows = merged_sums(o, ind)
    assert [(r["territory_id"], r["year"], r["value"]) for r in rows] == [("tuyen_quang_merged", 2018, 3.0)]
    assert rows[0]["status"] == "derived" and "ha_giang" in rows[0]["inputs"]


def test_merged_sum_skips_non_additive_indicators():
    o = obs([("tuyen_quang_old", "pct", "v", 2018, 10.0), ("ha_giang", "pct", "v", 2018, 20.0)])
    assert merged_sums(o, pd.DataFrame({"indicator_id": ["pct"], "additive": [False]})) == []


