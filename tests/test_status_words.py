"""One status vocabulary: the overview, the target page and the pack say the same thing about each target,
and no row pairs words that contradict each other."""
import re

import pytest

from models.assess import assess_all, prepare_all
from models.catalog import load_catalog
from models.derive import with_derived
from models.texts import t
from ui.pack_content import build_pack_content
from ui.widgets import assessment_table, state_text


@pytest.fixture(scope="module")
def world():
    cat = with_derived(load_catalog())
    preps = prepare_all(cat, n_paths=400)
    return cat, {p.target["target_id"]: p for p in preps}, assess_all(cat, prepared=preps)


@pytest.mark.parametrize("lg", ["vi", "en"])
def test_no_row_pairs_contradicting_words(world, lg):
    cat, _, a = world
    table = assessment_table(a, cat.targets, cat.documents, lg, cat.territories)
    rows = a.set_index("target_id")
    col = {k: t(k, lg) for k in ("col_status_light", "col_state", "col_p_meet", "col_phrase", "col_un", "col_catch_up")}
    for r in table.to_dict("records"):
        x = rows.loc[r["target_id"]]
        status, state, p = r[col["col_status_light"]], r[col["col_state"]], r[col["col_p_meet"]]
        if x["state"] == "verdict":
            assert status == t(f"verdict_{x['verdict']}", lg) and state.startswith(t("state_verdict", lg))
            assert r[col["col_phrase"]] == ""                           # no likelihood word beside a verdict
        elif x["state"] == "insufficient":
            assert status == t("light_grey", lg) and p == "–" and r[col["col_un"]] == "" and r[col["col_phrase"]] == ""
        elif x["state"] == "qualitative":
            assert status == t("light_blue", lg) and p == "–"
        else:
            share = int(re.sub(r"\D", "", p)) / 100
            expected = "light_green" if x["p_meet"] >= 0.66 else ("light_amber" if x["p_meet"] >= 0.33 else "light_red")
            assert status == t(expected, lg), (r["target_id"], p, status)
            assert abs(share - x["p_meet"]) <= 0.005 + 1e-9
            assert r[col["col_phrase"]] == x[f"phrase_{lg}"] != ""


@pytest.mark.parametrize("lg", ["vi", "en"])
def test_overview_and_pack_use_the_same_state_and_probability_words(world, lg):
    cat, preps, a = world
    from models.scenario import PRESETS

    table = assessment_table(a, cat.targets, cat.documents, lg, cat.territories).set_index("target_id")
    pack = build_pack_content(cat, preps, PRESETS["baseline"], a, [], lg, "v0001-test", "2026-12-02")
    header = pack.overview_header
    for tid, row in zip(cat.targets["target_id"], pack.overview_rows):
        cells = dict(zip(header, row))
        overview = table.loc[tid]
        assert cells[t("col_state", lg)] == state_text(a.set_index("target_id").loc[tid].to_dict(), lg)
        assert overview[t("col_state", lg)].startswith(cells[t("col_state", lg)])   # the overview may add "có số ước tính"
        assert cells[t("col_p_meet", lg)] == overview[t("col_p_meet", lg)]
        assert cells[t("col_catch_up", lg)] == overview[t("col_catch_up", lg)]
