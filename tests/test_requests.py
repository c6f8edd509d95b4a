"""The data-request list and its template; editing data/ reaches the store as a new version."""
import shutil
from pathlib import Path

import pandas as pd
import pytest

from models.assess import assess_all, prepare_all
from models.catalog import load_catalog
from models.derive import with_derived
from models.requests import all_requests, request_rows, request_template
from models.store import BUNDLED_CHANGED, DataStore
from models.upload import prepare_upload

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def assessed():
    cat = with_derived(load_catalog())
    prepared = {p.target["target_id"]: p for p in prepare_all(cat, n_paths=300)}
    table = assess_all(prepared=list(prepared.values()))
    return cat, prepared, table


def test_every_insufficient_or_nowcast_target_names_the_figures_it_needs(assessed):
    cat, prepared, table = assessed
    reqs = all_requests(cat, prepared, table, as_of=2026)
    asked = {r.target_id for r in reqs}
    needy = table[(table["state"].isin(["insufficient", "nowcast"])) & (table["kind"] != "qualitative")]
    missing = set(needy["target_id"]) - asked
    # a nowcast whose missing year has everything published but is still estimated cannot exist: every one asks
    assert not missing, missing
    kh402 = [r for r in reqs if r.target_id == "kh402_productivity_2025"]
    assert {(r.indicator_id, tuple(r.years)) for r in kh402} >= {("employed_15plus", (2020,)),
                                                                 ("grdp_growth_const", (2025,))}
    assert all(r.holder and r.effect for r in reqs)


def test_the_request_template_is_accepted_back_unchanged_and_a_filled_one_stores_values(assessed, tmp_path):
    cat, prepared, table = assessed
    reqs = [r for r in all_requests(cat, prepared, table, as_of=2026) if r.target_id == "kh402_productivity_2025"]
    rows = request_rows(cat, reqs, lambda r: f"{r.effect} {r.params}")
    raw = request_template(cat, rows, pd.DataFrame({"a": [1]}))
    store = DataStore(tmp_path / "store", seed_dir=ROOT / "data")
    base = store.load()
    result = prepare_upload(base, raw, "so_lieu_can_bo_sung.xlsx", store.files())
    assert result.n_changes == 0 and result.blank_rows == len(rows) > 0
    # the statistics office fills one figure and names its source
    from openpyxl import load_workbook
    import io
    wb = load_workbook(io.BytesIO(raw))
    ws = wb["observations"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("value") + 1, 123.4)
    ws.cell(2, header.index("source_id") + 1, "ngtk_tq_2025")
    src = wb["sources"]
    src.append(["ngtk_tq_2025", "Cục Thống kê tỉnh Tuyên Quang", "Niên giám thống kê 2025", "", "2026", "high", ""])
    src.append(["unused_source", "Ai đó", "Không dùng", "", "", "low", ""])
    buf = io.BytesIO()
    wb.save(buf)
    filled = prepare_upload(base, buf.getvalue(), "so_lieu_can_bo_sung.xlsx", store.files())
    assert len(filled.added) == 1 and list(filled.new_sources["source_id"]) == ["ngtk_tq_2025"]
    assert filled.unused_sources == 1 and filled.blank_rows == len(rows) - 1


def test_editing_data_adds_a_bundled_version_and_serves_it(tmp_path):
    seed = tmp_path / "data"
    shutil.copytree(ROOT / "data", seed)
    store = DataStore(tmp_path / "store", seed_dir=seed)
    assert store.current() == "v0001"
    assert store.current() == "v0001"                       # nothing changed: no new version
    obs = seed / "observations.csv"
    obs.write_text(obs.read_text(encoding="utf-8").replace(
        "tuyen_quang_old,adults_smartphone_pct,main,2024,,60.7,", "tuyen_quang_old,adults_smartphone_pct,main,2024,,61.7,"),
        encoding="utf-8")
    vid = store.current()
    assert vid == "v0002"
    newest = store.list_versions()[-1]
    assert newest.author == BUNDLED_CHANGED and newest.parent == "v0001"
    assert 61.7 in set(store.load().observations["value"])
    assert store.current() == "v0002" and len(store.list_versions()) == 2   # once only


def test_a_broken_data_folder_never_becomes_a_version(tmp_path):
    seed = tmp_path / "data"
    shutil.copytree(ROOT / "data", seed)
    store = DataStore(tmp_path / "store", seed_dir=seed)
    store.ensure()
    (seed / "observations.csv").write_text("territory_id\nbroken\n", encoding="utf-8")
    assert store.current() == "v0001"
    assert store.bundled_problem is not None and "observations.csv" in store.bundled_problem.message("en")
    assert [v.version_id for v in store.list_versions()] == ["v0001"]


def test_no_assessment_rests_on_a_value_without_a_source(assessed):
    """Every value a non-insufficient assessment uses is sourced, or derived from sourced values."""
    cat, prepared, table = assessed
    o = cat.observations
    sources = set(cat.sources["source_id"])
    import re
    pattern = re.compile(r"(\w+)\[(\w+),(\d+),(\w+),(\w+)\]=")
    for tid, prep in prepared.items():
        row = table.set_index("target_id").loc[tid]
        if row["state"] in ("insufficient", "qualitative") or prep.series is None:
            continue
        s = prep.series
        used = o[(o.territory_id == s.territory_id) & (o.indicator_id == s.indicator_id) & (o.vintage == s.vintage)
                 & o.year.isin(list(s.values.index)) & o.preferred & (o.qualifier == "")]
        assert len(used) == len(s.values), tid
        todo = list(used.itertuples())
        for _ in range(4):
            nxt = []
            for r in todo:
                assert r.source_id in sources, (tid, r)
                for m in pattern.finditer(str(r.inputs or "")):
                    ind, terr, year, vintage, src = m.groups()
                    assert src in sources, (tid, m.group(0))
                    nxt += list(o[(o.territory_id == terr) & (o.indicator_id == ind) & (o.year == int(year))
                                  & (o.vintage == vintage) & (o.source_id == src)].itertuples())
            todo = nxt
