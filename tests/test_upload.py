"""Uploads: malformed files refused with file/sheet/row/column, stored versions untouched; versions, atomicity,
concurrency, exports without live formulas."""
import hashlib
import io
import multiprocessing
import os
import threading
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from models.catalog import CatalogError
from models.export import neutralise, template_xlsx, to_csv_bytes, to_xlsx_bytes
from models.store import DataStore, StoreError
from models.upload import MAX_BYTES, parse_upload, prepare_upload

ROOT = Path(__file__).resolve().parents[1]
HEAD = "territory_id,indicator_id,vintage,year,value,status,source_id"
GOOD = "tuyen_quang_old,households_ftth_pct,main,2025,57.1,preliminary,thuvienphapluat_042f5f"


@pytest.fixture
def store(tmp_path):
    s = DataStore(tmp_path / "store", seed_dir=ROOT / "data")
    s.ensure()
    return s


def snapshot(store):
    return {p.relative_to(store.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(store.root.rglob("*")) if p.is_file() and p.name != ".lock"}


def attempt(store, raw, name="upload.csv"):
    cat = store.load()
    return prepare_upload(cat, raw, name, store.files())


def xlsx(rows, sheet="observations", merge=None, formula=None, extra_sheets=()):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    if formula:
        ws[formula] = "=1+1"
    for name in extra_sheets:
        wb.create_sheet(name)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


ROWS = [HEAD.split(","), GOOD.split(",")]
MALFORMED = [
    ("missing_column", (HEAD.replace(",status", "") + "\n" + GOOD.replace(",preliminary", "")).encode(), "upload.csv", 1, "status", "missing_column"),
    ("extra_column", (HEAD + ",colour\n" + GOOD + ",red").encode(), "upload.csv", 1, "colour", "extra_column"),
    ("non_numeric_value", (HEAD + "\n" + GOOD.replace("57.1", "khoảng 57")).encode(), "upload.csv", 2, "value", "not_number"),
    ("non_integer_year", (HEAD + "\n" + GOOD.replace("2025", "2025a")).encode(), "upload.csv", 2, "year", "not_integer"),
    ("duplicate_key", (HEAD + "\n" + GOOD + "\n" + GOOD).encode(), "upload.csv", 3, "territory_id", "duplicate_key"),
    ("unknown_indicator", (HEAD + "\n" + GOOD.replace("households_ftth_pct", "happiness_pct")).encode(), "upload.csv", 2, "indicator_id", "unknown_ref"),
    ("unknown_territory", (HEAD + "\n" + GOOD.replace("tuyen_quang_old", "atlantis")).encode(), "upload.csv", 2, "territory_id", "unknown_ref"),
    ("unknown_source", (HEAD + "\n" + GOOD.replace("thuvienphapluat_042f5f", "nobody")).encode(), "upload.csv", 2, "source_id", "unknown_ref"),
    ("unknown_vintage", (HEAD + "\n" + GOOD.replace(",main,", ",nam_moi,")).encode(), "upload.csv", 2, "vintage", "unknown_ref"),
    ("bad_status", (HEAD + "\n" + GOOD.replace("preliminary", "rumour")).encode(), "upload.csv", 2, "status", "not_allowed"),
    ("out_of_bounds", (HEAD + "\n" + GOOD.replace("57.1", "157.1")).encode(), "upload.csv", 2, "value", "out_of_bounds"),
    ("year_out_of_range", (HEAD + "\n" + GOOD.replace("2025", "1800")).encode(), "upload.csv", 2, "year", "year_range"),
    ("territory_not_existing", (HEAD + "\n" + GOOD.replace("2025", "2027")).encode(), "upload.csv", 2, "year", "territory_period"),
    ("empty_file", b"", "upload.csv", 1, None, "empty_file"),
    ("header_only", (HEAD + "\n").encode(), "upload.csv", 2, None, "no_rows"),
    ("non_utf8_csv", (HEAD + "\n" + GOOD + ",Hà Nội").replace(",Hà Nội", "").encode("utf-8").replace(b"households", "h\xe0".encode("cp1258") + b"useholds"), "upload.csv", 2, None, "encoding"),
    ("utf16_csv", (HEAD + "\n" + GOOD).encode("utf-16"), "upload.csv", 1, None, "encoding"),
    ("short_row", (HEAD + "\n" + ",".join(GOOD.split(",")[:-1])).encode(), "upload.csv", 2, "source_id", "required"),
    ("formula_text_in_csv", (HEAD + ",note\n" + GOOD + ",=HYPERLINK(\"x\")").encode(), "upload.csv", 2, "note", "formula_chars"),
    ("bad_boolean", (HEAD + ",preferred\n" + GOOD + ",yes").encode(), "upload.csv", 2, "preferred", "not_bool"),
    ("xlsx_merged_header", xlsx(ROWS, merge="A1:B1"), "upload.xlsx", 1, "A", "merged_cells"),
    ("xlsx_formula_cell", xlsx(ROWS, formula="E2"), "upload.xlsx", 2, "E", "formula_cell"),
    ("xlsx_empty_sheet", xlsx([]), "upload.xlsx", 1, None, "empty_sheet"),
    ("xlsx_no_observations_sheet", xlsx(ROWS, sheet="Sheet1", extra_sheets=("Sheet2",)), "upload.xlsx", None, None,
     "no_sheet"),
    ("xlsx_broken_zip", b"PK\x03\x04 not really a workbook", "upload.xlsx", None, None, "bad_workbook"),
    ("huge_file", (HEAD + "\n" + (GOOD + "\n") * 10).encode() + b"#" * (MAX_BYTES + 1), "upload.csv", None, None, "too_large"),
    ("too_many_rows", (HEAD + "\n" + "\n".join(GOOD.replace("2025", str(1950 + (i % 75))) for i in range(20_001))).encode(), "upload.csv", None, None, "too_many_rows"),
    ("semicolon_with_bad_number", (HEAD.replace(",", ";") + "\n" + GOOD.replace(",", ";").replace("57.1", "57,1,2")).encode(), "upload.csv", 2, "value", "not_number"),
]


@pytest.mark.parametrize("case", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_upload_is_refused_and_nothing_stored_changes(store, case):
    _, raw, name, row, column, code = case
    before = snapshot(store)
    with pytest.raises(CatalogError) as info:
        attempt(store, raw, name)
    problems = [(p.row, p.column, p.code) for p in info.value.problems]
    assert any(c == code and (row is None or r == row) and (column is None or col == column)
               for r, col, c in problems), problems
    p = next(p for p in info.value.problems if p.code == code)
    assert name in p.message("vi") and name in p.message("en")
    assert snapshot(store) == before


def test_semicolon_csv_with_decimal_commas_from_vietnamese_excel_is_accepted(store):
    raw = (HEAD.replace(",", ";") + "\n" + GOOD.replace(",", ";").replace("57.1", "57,1")).encode("utf-8-sig")
    result = attempt(store, raw)
    assert result.added["value"].tolist() == [57.1]


def test_vietnamese_headers_of_the_template_are_accepted(store):
    raw = ("Mã lãnh thổ,Mã chỉ tiêu,Kỳ số liệu,Năm,Giá trị,Trạng thái,Mã nguồn\n" + GOOD).encode()
    assert len(attempt(store, raw).added) == 1


def test_template_is_accepted_unchanged_and_changes_nothing(store):
    result = attempt(store, template_xlsx(store.load()), "mau.xlsx")
    assert (len(result.added), len(result.revised), result.n_changes) == (0, 0, 0)
    assert result.unchanged >= 4


def test_preview_lists_added_and_revised_values(store):
    revised = "tuyen_quang_old,households_ftth_pct,main,2024,55.0,official,thuvienphapluat_042f5f"
    result = attempt(store, (HEAD + "\n" + GOOD + "\n" + revised).encode())
    assert result.added["year"].tolist() == [2025]
    assert result.revised[["old_value", "value"]].values.tolist() == [[54.83, 55.0]]


def test_upload_becomes_a_new_version_and_rollback_restores_the_old_one(store):
    result = attempt(store, (HEAD + "\n" + GOOD).encode())
    v1 = store.current()
    v2 = store.commit(result.files, "Sở KH&CN", "NGTK 2025", {"added": 1})
    assert (v1, v2) == ("v0001", "v0002") and store.current() == "v0002"
    cat = store.load()
    assert ((cat.observations.indicator_id == "households_ftth_pct") & (cat.observations.year == 2025)).sum() == 1
    manifest = next(v for v in store.list_versions() if v.version_id == v2)
    assert manifest.author == "Sở KH&CN" and manifest.parent == "v0001" and len(manifest.checksum) == 64
    store.rollback("v0001")
    assert store.current() == "v0001"
    assert not ((store.load().observations.indicator_id == "households_ftth_pct")
                & (store.load().observations.year == 2025)).any()
    assert [v.version_id for v in store.list_versions()] == ["v0001", "v0002"]


def test_an_uploaded_preferred_value_supersedes_the_old_preferred_one(store):
    row = "tuyen_quang_old,grdp_current,grdp_2016_method,2020,33000,official,tuyenquang_cf12c6"
    result = attempt(store, (HEAD + "\n" + row).encode())
    store.commit(result.files, "a", "b", {})
    o = store.load().observations
    pref = o[(o.indicator_id == "grdp_current") & (o.year == 2020) & o.preferred]
    assert pref["value"].tolist() == [33000.0]


def test_a_killed_write_leaves_the_previous_version_readable(store, monkeypatch):
    result = attempt(store, (HEAD + "\n" + GOOD).encode())
    real_fsync = os.fsync
    calls = {"n": 0}

    def crash(fd):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("power cut")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        store.commit(result.files, "a", "b", {})
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert store.current() == "v0001"
    assert [v.version_id for v in store.list_versions()] == ["v0001"]
    assert not list(store.versions_dir.glob(".tmp-*"))
    store.load()


def test_a_corrupt_version_is_refused(store):
    result = attempt(store, (HEAD + "\n" + GOOD).encode())
    vid = store.commit(result.files, "a", "b", {})
    (store.path(vid) / "observations.csv").write_text("garbage", encoding="utf-8")
    with pytest.raises(StoreError, match="corrupt") as exc:
        store.load(vid)
    assert exc.value.message("vi").startswith(f"phiên bản {vid} bị hỏng: mã kiểm tra ")   # said in the UI's language
    store.load("v0001")


def _upload_in_process(args):
    root, seed, value = args
    s = DataStore(root, seed_dir=seed)
    raw = (HEAD + "\n" + GOOD.replace("57.1", value)).encode()
    result = prepare_upload(s.load(), raw, "c.csv", s.files())
    return s.commit(result.files, f"user {value}", "concurrent", {})


def test_two_sessions_uploading_at_once_make_two_versions(store):
    args = [(str(store.root), str(ROOT / "data"), v) for v in ("56.5", "58.5")]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        vids = pool.map(_upload_in_process, args)
    assert sorted(vids) == ["v0002", "v0003"]
    authors = {v.author for v in store.list_versions()}
    assert {"user 56.5", "user 58.5"} <= authors
    for v in ("v0002", "v0003"):
        store.load(v)


def test_threads_uploading_at_once_lose_nothing(store):
    results, errors = [], []

    def go(value):
        try:
            results.append(_upload_in_process((str(store.root), str(ROOT / "data"), value)))
        except Exception as exc:   # noqa: BLE001 - the test reports any failure below
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(f"5{i}.0",)) for i in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors and sorted(results) == ["v0002", "v0003", "v0004", "v0005"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=9), min_size=0, max_size=6),
       st.sampled_from([",", ";"]))
def test_random_tables_never_raise_anything_but_a_catalog_error(rows, delimiter):
    text = "\n".join(delimiter.join(r) for r in rows)
    try:
        parse_upload(text.encode("utf-8"), "random.csv")
    except CatalogError as exc:
        assert exc.problems and exc.message("vi")


def test_exports_hold_no_live_formulas():
    frame = pd.DataFrame({"note": ["=1+1", "+3", "-x", "@SUM(A1)", "\tx", "bình thường"], "value": [1.0, -2.0, 3, 4, 5, 6]})
    csv_text = to_csv_bytes(frame, "vi").decode("utf-8-sig")
    assert "'=1+1" in csv_text and "\n=1+1" not in csv_text
    wb = load_workbook(io.BytesIO(to_xlsx_bytes({"s": frame}, "vi")))
    cells = [c for row in wb["s"].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert wb["s"]["B3"].value == -2.0          # numbers stay numbers
    assert neutralise("-12") == "'-12" and neutralise(-12) == -12
