"""The catalogue's series queries: which vintage a forecast uses and why, and the Region page's comparisons."""
from types import SimpleNamespace

import pandas as pd

from models import region
from models.catalog import Catalog


class SmallCatalog(SimpleNamespace):
    used = Catalog.used
    values = Catalog.values
    series_used = Catalog.series_used


def catalog(rows, territories=None):
    frame = pd.DataFrame(rows, columns=["territory_id", "indicator_id", "vintage", "year", "value", "qualifier",
                                        "preferred"])
    frame["period_start"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    if territories is None:
        territories = pd.DataFrame({"territory_id": ["x"], "kind": ["province"], "parent_id": ["r"],
                                    "valid_from": [pd.NA], "valid_to": [pd.NA]})
    return SmallCatalog(observations=frame, territories=territories)


def test_the_vintage_reaching_the_latest_year_is_used_then_the_longest_and_the_others_are_named():
    cat = catalog([
        ("x", "a", "old", y, 10.0 + y - 2010, "", True) for y in range(2010, 2021)] + [
        ("x", "a", "new", 2021, 50.0, "", True), ("x", "a", "new", 2022, 52.0, "", True),
        ("x", "a", "alt", 2021, 49.0, "", True), ("x", "a", "alt", 2022, 51.0, "", False),   # not preferred
        ("x", "a", "new", 2023, 60.0, "lower_bound", True),                                 # a bound, not a value
    ])
    got = cat.series_used("x", "a")
    assert got.vintage == "new" and got.values.to_dict() == {2021: 50.0, 2022: 52.0}
    assert got.others == (("alt", 2021, 2021, 1), ("old", 2010, 2020, 11))
    assert cat.series_used("x", "b") is None and cat.series_used("y", "a") is None


def test_ties_on_the_last_year_go_to_the_vintage_with_more_points():
    cat = catalog([("x", "a", "short", 2022, 1.0, "", True)]
                  + [("x", "a", "long", y, 2.0, "", True) for y in (2020, 2021, 2022)])
    assert cat.series_used("x", "a").vintage == "long"


def test_latest_values_keep_indicators_two_territories_hold_with_each_ones_last_year():
    cat = catalog([("x", "a", "v", 2020, 1.0, "", True), ("x", "a", "v", 2022, 3.0, "", True),
                   ("y", "a", "v", 2021, 5.0, "", True), ("x", "b", "v", 2022, 7.0, "", True),
                   ("z", "b", "v", 2022, 8.0, "", True)])
    out = region.latest_values(cat, ["x", "y"])
    assert out.to_dict("records") == [{"indicator_id": "a", "territory_id": "x", "year": 2022, "value": 3.0},
                                      {"indicator_id": "a", "territory_id": "y", "year": 2021, "value": 5.0}]


def test_cross_sections_count_only_the_provinces_of_that_years_map():
    provinces = [f"p{i}" for i in range(5)]
    territories = pd.DataFrame({"territory_id": provinces + ["late", "other"],
                                "kind": ["province"] * 7, "parent_id": ["r"] * 6 + ["s"],
                                "valid_from": [pd.NA] * 5 + [2022, pd.NA], "valid_to": [pd.NA] * 7})
    rows = [(p, "a", "v", 2021, float(i), "", True) for i, p in enumerate(provinces[:4])]     # 4 provinces in 2021
    rows += [("late", "a", "v", 2021, 9.0, "", True), ("other", "a", "v", 2021, 9.0, "", True)]  # not members then
    rows += [(p, "a", "v", 2022, float(i), "", True) for i, p in enumerate(provinces[:4])] + [("late", "a", "v", 2022, 9.0, "", True)]
    cat = catalog(rows, territories)
    assert region.cross_sections(cat, "r", min_provinces=5) == {"a": [2022]}
    assert sorted(region.cross_section(cat, "a", 2021, "r")["territory_id"]) == provinces[:4]
    assert sorted(region.cross_section(cat, "a", 2022, "r")["territory_id"]) == sorted(provinces[:4] + ["late"])
