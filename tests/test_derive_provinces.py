"""Derived values from the GSO PX-Web tables by province, checked against hand computations on the sheet itself."""
import csv
from pathlib import Path

import pytest

from models.catalog import load_catalog
from models.derive import derive_all, members, with_derived

ROOT = Path(__file__).resolve().parents[1]
SHEET = ROOT.parent / "shared" / "research" / "facts" / "gso_pxweb_provinces_2019_2024.csv"


@pytest.fixture(scope="module")
def cat():
    return with_derived(load_catalog())


def sheet() -> dict[tuple[str, str, int], float]:
    return {(r["region"], r["indicator"], int(r["year"])): float(r["value"])
            for r in csv.DictReader(SHEET.open(encoding="utf-8")) if r["value"]}


def value(cat, territory, indicator, year, vintage=None):
    o = cat.observations
    o = o[(o.territory_id == territory) & (o.indicator_id == indicator) & (o.year == year) & o.preferred
          & (o.qualifier == "")]
    if vintage:
        o = o[o.vintage == vintage]
    assert len(o) == 1, (territory, indicator, year, o[["vintage", "value", "source_id"]])
    return float(o["value"].iloc[0])


def test_region_productivity_is_the_employment_weighted_mean_of_its_14_provinces(cat):
    s = sheet()
    nmm = [r["region"] for r in csv.DictReader(SHEET.open(encoding="utf-8"))
           if r["indicator"] == "member_of_region" and "miền núi phía Bắc" in r["note"]]
    assert len(nmm) == 14
    by_hand = (sum(s[(p, "labour_productivity_current", 2022)] * s[(p, "employed_15plus", 2022)] for p in nmm)
               / sum(s[(p, "employed_15plus", 2022)] for p in nmm))
    assert value(cat, "region_nmm", "labour_productivity_current", 2022) == pytest.approx(by_hand, rel=1e-9)
    assert len(members(cat.territories, "region_nmm", 2022)) == 14


def test_the_regional_formula_reproduces_a_published_regional_figure(cat):
    # Đông Nam Bộ 2022: 302.2 published (secondary site citing GSO); the sum over its provinces gives the same
    d = derive_all(load_catalog())
    se = d[(d.territory_id == "region_se") & (d.indicator_id == "labour_productivity_current") & (d.year == 2022)]
    assert float(se["value"].iloc[0]) == pytest.approx(302.2, abs=0.05)
    assert not se["preferred"].iloc[0]          # the published value stays the one used


def test_merged_province_is_the_sum_of_its_parts(cat):
    s = sheet()
    grdp = sum(s[(p, "labour_productivity_current", 2022)] * s[(p, "employed_15plus", 2022)]
               for p in ("Tuyên Quang", "Hà Giang"))                       # mn VND × thousand = bn VND
    emp = s[("Tuyên Quang", "employed_15plus", 2022)] + s[("Hà Giang", "employed_15plus", 2022)]
    assert value(cat, "tuyen_quang_merged", "grdp_current", 2022, "pxweb_product") == pytest.approx(grdp)
    assert value(cat, "tuyen_quang_merged", "labour_productivity_current", 2022) == pytest.approx(grdp / emp)
    pop = s[("Tuyên Quang", "population_average", 2022)] + s[("Hà Giang", "population_average", 2022)]
    assert value(cat, "tuyen_quang_merged", "grdp_per_capita_current", 2022) == pytest.approx(grdp / pop)


def test_constant_price_productivity_growth_of_tuyen_quang(cat):
    s = sheet()
    e = {y: s[("Tuyên Quang", "employed_15plus", y)] for y in range(2021, 2025)}
    for year, grdp_growth in ((2022, 8.66), (2023, 7.46), (2024, 9.04)):
        by_hand = ((1 + grdp_growth / 100) / (e[year] / e[year - 1]) - 1) * 100
        assert value(cat, "tuyen_quang_old", "labour_productivity_growth_const", year) == pytest.approx(by_hand)
    assert [round(value(cat, "tuyen_quang_old", "labour_productivity_growth_const", y), 2)
            for y in (2022, 2023, 2024)] == [8.36, 7.17, 7.87]


def test_no_rate_is_derived_across_the_2021_employment_break(cat):
    o = cat.observations
    for indicator in ("employed_growth", "labour_productivity_growth_const", "labour_productivity_growth_current"):
        d = o[(o.indicator_id == indicator) & (o.source_id == "lotrinh_models_derive")
              & (o.territory_id != "vietnam") & ~o.vintage.str.startswith("yearbook")]
        assert len(d) > 0 or indicator == "labour_productivity_growth_current"
        assert 2021 not in set(d["year"]), indicator


def test_the_productivity_formula_reproduces_the_published_national_rates(cat):
    o = cat.observations
    d = o[(o.territory_id == "vietnam") & (o.indicator_id == "labour_productivity_growth_const")
          & (o.source_id == "lotrinh_models_derive")].set_index("year")["value"]
    official = {2022: 4.8, 2023: 3.65, 2024: 5.88}
    for year, published in official.items():
        assert d.loc[year] == pytest.approx(published, abs=0.06)   # employment rounded in the copy


def test_merged_growth_weights_the_parts_by_last_years_grdp(cat):
    w_tq = value(cat, "tuyen_quang_old", "grdp_current", 2021, "pxweb_product")
    w_hg = value(cat, "ha_giang", "grdp_current", 2021, "pxweb_product")
    by_hand = (w_tq * 8.66 + w_hg * 7.62) / (w_tq + w_hg)
    assert value(cat, "tuyen_quang_merged", "grdp_growth_const", 2022) == pytest.approx(by_hand)


def test_derived_per_capita_below_a_published_bound_says_so(cat):
    o = cat.observations
    r = o[(o.territory_id == "tuyen_quang_old") & (o.indicator_id == "grdp_per_capita_current") & (o.year == 2022)
          & (o.status == "derived")]
    assert "below the published lower bound 51" in r["note"].iloc[0]


def test_a_published_figure_beats_the_derived_one_for_the_same_year(cat):
    o = cat.observations
    r = o[(o.territory_id == "tuyen_quang_old") & (o.indicator_id == "grdp_per_capita_current") & (o.year == 2020)
          & (o.qualifier == "")]
    assert set(zip(r["status"], r["preferred"])) == {("official", True), ("derived", False)}


def test_import_keeps_conflicting_copies_with_one_preferred_and_a_reason():
    o = load_catalog().observations
    lf = o[(o.territory_id == "tuyen_quang_old") & (o.indicator_id == "labour_force_15plus") & (o.year == 2019)]
    assert sorted(lf["value"]) == [489.8, 490.0]
    pref = lf[lf["preferred"]]
    assert pref["value"].tolist() == [489.8] and "rounding" in pref["note"].iloc[0]


def test_population_and_employment_are_converted_to_persons():
    o = load_catalog().observations
    emp = o[(o.territory_id == "tuyen_quang_old") & (o.indicator_id == "employed_15plus") & (o.year == 2022)]
    assert emp["value"].tolist() == [368000.0] and "converted" in emp["note"].iloc[0]
