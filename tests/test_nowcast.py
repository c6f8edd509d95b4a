"""Nowcasts of partly observed growth windows, on small catalogues built inline."""
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from models import nowcast
from models.catalog import Catalog


class SmallCatalog(SimpleNamespace):
    """Observations and territories only, with the catalogue's own queries."""

    used = Catalog.used
    values = Catalog.values


def obs(rows):
    frame = pd.DataFrame(rows, columns=["territory_id", "indicator_id", "vintage", "year", "value", "qualifier",
                                        "status"])
    frame["preferred"] = True
    frame["period_start"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    frame["source_id"] = "s"
    frame["inputs"] = ""
    return frame


def small_catalog(extra=()):
    territories = pd.DataFrame({"territory_id": ["vietnam", "x", "y", "xy"] + [f"p{i}" for i in range(40)],
                                "kind": ["country", "province", "province", "province"] + ["province"] * 40})
    rows = [
        ("x", "grdp_growth_const", "main", 2021, 6.0, "", "official"),
        ("x", "grdp_growth_const", "main", 2022, 8.0, "", "official"),
        ("x", "grdp_growth_const", "main", 2023, 7.0, "", "official"),
        ("x", "employed_15plus", "old", 2020, 500_000, "", "official"),
        ("x", "employed_15plus", "new", 2021, 400_000, "", "official"),
        ("x", "employed_growth", "new", 2022, 1.0, "", "derived"),
        ("x", "employed_growth", "new", 2023, 0.5, "", "derived"),
        ("x", "labour_productivity_growth_const", "main", 2022, (1.08 / 1.01 - 1) * 100, "", "derived"),
        ("x", "labour_productivity_growth_const", "main", 2023, (1.07 / 1.005 - 1) * 100, "", "derived"),
        ("vietnam", "gdp_growth_const", "main", 2021, 2.5, "", "official"),
        ("vietnam", "labour_productivity_growth_const", "main", 2021, 4.6, "", "official"),
    ]
    rng = np.random.default_rng(1)
    for i in range(40):   # provinces and nation on one concept: deviations of about ±1 point
        for year in (2022, 2023):
            rows.append((f"p{i}", "employed_growth", "new", year, 1.0 + rng.normal(0, 1), "", "derived"))
    rows += [("vietnam", "employed_growth", "new", 2022, 1.0, "", "derived"),
             ("vietnam", "employed_growth", "new", 2023, 1.0, "", "derived")]
    return SmallCatalog(observations=obs(rows + list(extra)), territories=territories)


def test_observed_years_stay_as_observed_and_missing_ones_are_simulated():
    cat = small_catalog()
    out = nowcast.fill_window(cat, "x", "labour_productivity_growth_const", [2021, 2022, 2023, 2024, 2025],
                              n=4000, seed=3, until=2024)
    assert sorted(out) == [2021, 2022, 2023, 2024]            # 2025 is left to the forecast
    assert out[2022].how == "derived" and np.all(out[2022].paths == pytest.approx((1.08 / 1.01 - 1) * 100))
    # 2021: published GRDP growth 6%, employment across the break = national comparable change + deviation
    national = (1.025 / 1.046 - 1) * 100
    assert out[2021].how == "estimated" and out[2021].params["employment"] == "nc_employment_break"
    assert np.median(out[2021].paths) == pytest.approx(((1.06 / (1 + national / 100)) - 1) * 100, abs=0.3)
    assert 0.5 < np.std(out[2021].paths) < 2.0                 # the provincial spread, not a point
    # 2024: neither input published: both from the territory's own averages
    assert out[2024].params["grdp"] == "nc_grdp_mean" and out[2024].params["employment"] == "nc_employment_mean"


def test_a_published_bound_on_the_merged_province_bounds_its_parts():
    extra = [("y", "grdp_growth_const", "main", 2021, 5.0, "", "official"),
             ("y", "grdp_growth_const", "main", 2022, 6.0, "", "official"),
             ("x", "grdp_current", "main", 2023, 600.0, "", "derived"),
             ("y", "grdp_current", "main", 2023, 400.0, "", "derived"),
             ("xy", "grdp_growth_const", "main", 2024, 6.0, "upper_bound", "official")]
    cat = small_catalog(extra)
    import models.derive as derive
    old = dict(derive.MERGED_PARTS)
    derive.MERGED_PARTS.clear()
    derive.MERGED_PARTS["xy"] = ("x", "y")
    try:
        f = nowcast.grdp_growth(cat, "x", 2024, 3000, np.random.default_rng(0))
    finally:
        derive.MERGED_PARTS.clear()
        derive.MERGED_PARTS.update(old)
    assert f.code == "nc_grdp_bounded" and f.params["bound"] == 6.0
    free = nowcast.grdp_growth(small_catalog(), "x", 2024, 3000, np.random.default_rng(0))
    assert np.median(f.paths) < np.median(free.paths) - 0.3    # the bound pulls x's growth down


def test_a_year_that_cannot_be_built_is_an_error_not_a_guess():
    cat = small_catalog()
    with pytest.raises(ValueError):
        nowcast.fill_window(cat, "x", "digital_economy_share_gdp_pct", [2024], n=100, seed=0, until=2024)
