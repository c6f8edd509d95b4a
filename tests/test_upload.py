"""Uploads: malformed files refused with file/sheet/row/column and nothing stored changes; what is accepted and
previewed. The store's versions live in test_store.py, the exports in test_export.py."""
import hashlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from models.catalog import CatalogError
from models.export import template_xlsx
from models.upload import MAX_BYTES, parse_upload, prepare_upload

ROOT = Path(__file__).resolve().parents[1]
HEAD = "territory_id,indicator_id,vintage,year,value,status,source_id"
GOOD = "tuyen_quang_old,households_ftth_pct,main,2025,57.1,preliminary,thuvienphapluat_042f5f"


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


def test_an_uploaded_preferred_value_supersedes_the_old_preferred_one(store):
    row = "tuyen_quang_old,grdp_current,grdp_2016_method,2020,33000,official,tuyenquang_cf12c6"
    result = attempt(store, (HEAD + "\n" + row).encode())
    store.commit(result.files, "a", "b", {})
    o = store.load().observations
    pref = o[(o.indicator_id == "grdp_current") & (o.year == 2020) & o.preferred]
    assert pref["value"].tolist() == [33000.0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=9), min_size=0, max_size=6),
       st.sampled_from([",", ";"]))
def test_random_tables_never_raise_anything_but_a_catalog_error(rows, delimiter):
    text = "\n".join(delimiter.join(r) for r in rows)
    try:
        parse_upload(text.encode("utf-8"), "random.csv")
    except CatalogError as exc:
        assert exc.problems and exc.message("vi")
