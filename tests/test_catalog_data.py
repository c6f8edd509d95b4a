"""The bundled catalogue: every value sourced and flagged, metadata complete, targets well formed."""
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from models.catalog import STATUSES, forecastable, load_catalog
from models.derive import derive_all

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT.parent / "shared" / "research" / "facts"


@pytest.fixture(scope="module")
def cat():
    return load_catalog()


@pytest.fixture(scope="module")
def derived(cat):
    return derive_all(cat)


def test_every_value_has_a_known_source_and_a_status(cat):
    obs = cat.observations
    assert len(obs) > 1300
    assert set(obs["source_id"]) <= set(cat.sources["source_id"])
    assert set(obs["status"]) <= set(STATUSES)
    assert (obs["source_id"] != "").all()


def test_every_source_has_publisher_title_and_url(cat):
    s = cat.sources
    for col in ("publisher", "title", "url"):
        assert (s[col].str.len() > 0).all(), col


def test_every_indicator_has_complete_metadata(cat):
    ind = cat.indicators
    for col in ("name_vi", "name_en", "unit_vi", "unit_en", "direction", "pillar"):
        assert (ind[col].str.len() > 0).all(), col
    shares = ind[ind["unit_en"].str.startswith("%") & ~ind["unit_en"].str.contains("year")]
    assert (shares["upper_bound"] == 100).all(), shares["indicator_id"].tolist()
    assert set(cat.observations["indicator_id"]) <= set(ind["indicator_id"])


def test_every_target_refers_to_a_known_indicator_territory_and_document(cat):
    tg = cat.targets
    quantitative = tg[tg["kind"] != "qualitative"]
    assert set(quantitative["indicator_id"]) <= set(cat.indicators["indicator_id"])
    assert quantitative["value"].notna().all()
    assert set(tg["territory_id"]) | set(tg["assess_territory_id"]) <= set(cat.territories["territory_id"])
    assert set(tg["document_id"]) <= set(cat.documents["document_id"])


def test_registry_holds_every_402_target_including_the_qualitative_ones(cat):
    kh = cat.targets[cat.targets["document_id"] == "kh402"]
    assert set(kh["target_year"]) == {2025, 2030, 2045}
    assert {"coverage_full", "average_growth_at_least", "relative_to_region", "qualitative"} <= set(kh["kind"])
    assert (cat.targets.set_index("target_id").loc["tq_de_productivity_2025", "conflicts_with"]
            == "kh402_productivity_2025")
    qual = cat.targets[cat.targets["kind"] == "qualitative"]
    assert (qual["clause_vi"].str.len() > 10).all()


def test_conflicting_values_are_kept_with_one_preferred(cat):
    obs = cat.observations
    grdp = obs[(obs.territory_id == "tuyen_quang_old") & (obs.indicator_id == "grdp_current") & (obs.year == 2020)]
    assert sorted(grdp["value"]) == [31730.0, 34624.0]
    assert grdp.loc[grdp["preferred"], "value"].tolist() == [34624.0]
    assert "34,460" in grdp.loc[grdp["preferred"], "note"].iloc[0]   # the cross-check that decided it
    pop = obs[(obs.territory_id == "tuyen_quang_merged") & (obs.indicator_id == "population_scale")]
    assert pop.loc[pop["preferred"], "value"].tolist() == [1865270.0]
    assert "draft" in pop.loc[~pop["preferred"], "note"].iloc[0].lower()


def test_productivity_vintages_are_separate_series(cat):
    vintages = set(cat.values("vietnam", "labour_productivity_current")["vintage"])
    assert {"gso_press_pre2021", "gso_revised", "gso_pxweb_v0249"} <= vintages
    lf = cat.values("tuyen_quang_old", "labour_force_15plus")
    assert set(lf.loc[lf["year"] == 2021, "vintage"]) == {"gso_v0234_2021_concept"}
    assert set(lf.loc[lf["year"] == 2020, "vintage"]) == {"gso_v0234_pre2021"}


@pytest.mark.parametrize("territory,year,expected", [
    ("tuyen_quang_old", 2018, 58.4), ("ha_giang", 2018, 39.0), ("region_nmm", 2018, 70.0),
])
def test_productivity_proxy_matches_the_research_arithmetic(derived, territory, year, expected):
    d = derived[(derived.indicator_id == "labour_productivity_proxy_lf") & (derived.territory_id == territory)
                & (derived.year == year) & derived.preferred]
    assert len(d) == 1
    assert round(d["value"].iloc[0], 1) == expected
    assert d["formula"].iloc[0] == "grdp_current / labour_force_15plus"


def test_both_2020_proxies_are_computed_and_only_the_preferred_one_is_preferred(derived):
    d = derived[(derived.indicator_id == "labour_productivity_proxy_lf") & (derived.territory_id == "tuyen_quang_old")
                & (derived.year == 2020)]
    # two GRDP figures × two labour-force copies (V0234 480.5, the rounded copy 480): every combination is kept
    assert sorted({round(v, 1) for v in d["value"]}) == [66.0, 66.1, 72.1]
    assert d["preferred"].sum() == 1 and round(d.loc[d["preferred"], "value"].iloc[0], 2) == round(34624 / 480.5, 2)


def test_derived_values_equal_their_formula_on_their_inputs(derived):
    for _, row in derived.iterrows():
        inputs = [float(part.rsplit("=", 1)[1]) for part in row["inputs"].split("; ")]
        f = row["formula"]
        if f.startswith("labour_productivity_current × employed"):
            expect = inputs[0] * inputs[1] / 1000
        elif f.startswith("Σ(labour_productivity_current"):
            expect = inputs[0] * 1000 / inputs[1]
        elif f.startswith("Σ grdp_current["):
            half = len(inputs) // 2
            expect = sum(w / sum(inputs[:half]) * g for w, g in zip(inputs[:half], inputs[half:]))
        elif f.startswith("Σ "):
            expect = sum(inputs)
        elif f.startswith("((1 + "):
            expect = ((1 + inputs[0] / 100) / (1 + inputs[1] / 100) - 1) * 100
        elif f.startswith("grdp_current / labour_force"):
            expect = inputs[0] / inputs[1]
        elif f.startswith("grdp_current × 1000"):
            expect = inputs[0] * 1000 / inputs[1]
        elif f.startswith("share_of_provincial"):
            expect = inputs[0] / 100 * inputs[1]
        elif " + " in f:
            expect = sum(inputs)
        else:
            expect = (inputs[1] / inputs[0] - 1) * 100
        assert row["value"] == pytest.approx(expect, rel=1e-5), (f, row["inputs"])


def test_region_grdp_is_derived_from_its_share(derived):
    d = derived[(derived.indicator_id == "grdp_current") & (derived.territory_id == "region_nmm")]
    assert round(d["value"].iloc[0]) == 537052


def test_no_growth_rate_crosses_the_2021_labour_force_break(derived):
    g = derived[derived.indicator_id == "labour_force_growth"]
    assert len(g) > 100
    assert 2021 not in set(g["year"])


def test_merged_territory_is_the_sum_of_its_parts_and_only_where_both_exist(cat, derived):
    m = derived[(derived.indicator_id == "labour_force_15plus") & (derived.territory_id == "tuyen_quang_merged")]
    row = m[m.year == 2018].iloc[0]
    assert row["value"] == pytest.approx(480.6 + 532.8)
    assert row["vintage"] == "gso_v0234_pre2021"
    area = derived[(derived.indicator_id == "area_km2") & (derived.territory_id == "tuyen_quang_merged")]
    assert area.empty   # TQ's area is for 2023 and HG's for 2022: no same-year pair, no sum


def test_forecastable_list_counts_points_in_one_vintage(cat):
    f = forecastable(cat)
    row = f[(f.indicator_id == "labour_force_15plus") & (f.territory_id == "tuyen_quang_old")].iloc[0]
    assert (row["count"], row["vintage"], bool(row["enough"])) == (15, "gso_v0234_pre2021", True)
    dti = f[(f.indicator_id == "dti_rank") & (f.territory_id == "tuyen_quang_old")].iloc[0]
    assert not dti["enough"]


@pytest.mark.skipif(not FACTS.exists(), reason="the research fact sheets are not beside this checkout")
def test_build_script_reproduces_the_committed_data(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run([sys.executable, str(ROOT / "data" / "build" / "build_catalog.py"), "--facts", str(FACTS),
                    "--out", str(out)], check=True, capture_output=True)
    for name in ("observations.csv", "sources.csv", "gaps.csv", "territories.csv"):
        assert (out / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name


def test_every_fact_row_is_imported_or_excluded_with_a_reason():
    excluded = list(csv.DictReader((ROOT / "data" / "build" / "excluded.csv").open(encoding="utf-8")))
    assert all(r["reason"] for r in excluded)
    assert any("registered in data/targets.csv" in r["reason"] for r in excluded)


def test_a_gap_a_later_source_filled_says_so_and_an_open_one_stays_open():
    from models.derive import with_derived
    from models.gaps import gap_table

    cat = with_derived(load_catalog())
    g = gap_table(cat, "vi")
    assert len(g) == len(cat.gaps)
    used = cat.used()
    for row, gap in zip(g.to_dict("records"), cat.gaps.to_dict("records")):
        have = used[(used.territory_id == gap["territory_id"]) & (used.indicator_id == gap["indicator_id"])]
        if gap["year"] != "all years":
            have = have[have.year.astype(int) == int(gap["year"])]
        assert row["open"] == have.empty, gap
        assert row["now"] == "vẫn còn thiếu" if have.empty else row["now"].startswith("đã có số liệu")
    assert not any("not found" in n for n in g["note"]), "every research note is shown in Vietnamese"
    assert "mọi năm" in set(g["year"])
