"""Malformed files are refused with a message naming file, row and column, in both languages."""
import csv
import io
from pathlib import Path

import pytest

from models.catalog import CatalogError, load_catalog


def rewrite(path: Path, edit) -> None:
    """Apply `edit(rows)` to a CSV (rows include the header) and write it back."""
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    edit(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def col(rows, name):
    return rows[0].index(name)


def set_cell(name, value, row=1):
    def edit(rows):
        rows[row][col(rows, name)] = value
    return edit


def problem_of(data_dir):
    with pytest.raises(CatalogError) as info:
        load_catalog(data_dir)
    return info.value


CASES = [
    # id, file, edit, expected (file, row, column, code)
    ("missing_column", "observations.csv",
     lambda rows: [r.pop(i) for i in [col(rows, "status")] for r in rows], ("observations.csv", 1, "status", "missing_column")),
    ("extra_column", "indicators.csv",
     lambda rows: [r.append("x") for r in rows], ("indicators.csv", 1, "x", "extra_column")),
    ("non_numeric_value", "observations.csv", set_cell("value", "12,5 triệu", 3),
     ("observations.csv", 4, "value", "not_number")),
    ("non_integer_year", "observations.csv", set_cell("year", "2020.5", 2), ("observations.csv", 3, "year", "not_integer")),
    ("duplicate_key", "indicators.csv", lambda rows: rows.append(list(rows[1])), ("indicators.csv", None, "indicator_id", "duplicate_key")),
    ("unknown_indicator", "observations.csv", set_cell("indicator_id", "no_such_indicator", 5),
     ("observations.csv", 6, "indicator_id", "unknown_ref")),
    ("unknown_territory", "observations.csv", set_cell("territory_id", "atlantis", 7),
     ("observations.csv", 8, "territory_id", "unknown_ref")),
    ("unknown_source", "observations.csv", set_cell("source_id", "nobody_123", 9), ("observations.csv", 10, "source_id", "unknown_ref")),
    ("bad_status", "observations.csv", set_cell("status", "guess", 4), ("observations.csv", 5, "status", "not_allowed")),
    ("year_out_of_range", "observations.csv", set_cell("year", "1800", 11), ("observations.csv", 12, "year", "year_range")),
    ("target_unknown_indicator", "targets.csv", set_cell("indicator_id", "made_up", 2), ("targets.csv", 3, "indicator_id", "unknown_ref")),
    ("target_unknown_territory", "targets.csv", set_cell("assess_territory_id", "mars", 1), ("targets.csv", 2, "assess_territory_id", "unknown_ref")),
    ("target_growth_without_base_year", "targets.csv", set_cell("base_year", "", 2), ("targets.csv", 3, "base_year", "target_needs_base_year")),
    ("target_bad_kind", "targets.csv", set_cell("kind", "level_exactly", 1), ("targets.csv", 2, "kind", "not_allowed")),
    ("formula_in_text_cell", "sources.csv", set_cell("title", "=HYPERLINK(\"http://x\")", 1), ("sources.csv", 2, "title", "formula_chars")),
    ("bad_boolean", "observations.csv", set_cell("preferred", "yes", 1), ("observations.csv", 2, "preferred", "not_bool")),
    ("bad_date", "sources.csv", set_cell("published", "2024-24-10x", 1), ("sources.csv", 2, "published", "bad_date")),
    ("bad_id_characters", "indicators.csv", set_cell("indicator_id", "Năng suất", 1), ("indicators.csv", 2, "indicator_id", "bad_id")),
    ("short_row", "gaps.csv", lambda rows: rows[1].pop(), ("gaps.csv", 2, None, "field_count")),
    ("empty_required_cell", "sources.csv", set_cell("publisher", "", 3), ("sources.csv", 4, "publisher", "required")),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_malformed_file_is_refused_with_file_row_and_column(data_copy, case):
    _, name, edit, (file, row, column, code) = case
    rewrite(data_copy / name, edit)
    err = problem_of(data_copy)
    codes = [(p.file, p.column, p.code) for p in err.problems]
    assert (file, column, code) in codes, codes
    p = next(p for p in err.problems if (p.file, p.column, p.code) == (file, column, code))
    if row is not None:
        assert p.row == row
    vi, en = p.message("vi"), p.message("en")
    assert file in vi and file in en
    assert f"dòng {p.row}" in vi and f"row {p.row}" in en
    if column:
        assert f"cột '{column}'" in vi and f"column '{column}'" in en


def test_value_outside_indicator_bounds(data_copy):
    def edit(rows):
        for r in rows[1:]:
            if r[col(rows, "indicator_id")] == "broadband_communes_pct":
                r[col(rows, "value")] = "120"
    rewrite(data_copy / "observations.csv", edit)
    p = problem_of(data_copy).first
    assert (p.file, p.column, p.code) == ("observations.csv", "value", "out_of_bounds")
    assert "broadband_communes_pct" in p.message("en") and "[0.0, 100.0]" in p.message("en")


def test_value_in_a_year_the_territory_did_not_exist(data_copy):
    def edit(rows):
        r = next(r for r in rows[1:] if r[col(rows, "territory_id")] == "ha_giang")
        r[col(rows, "year")] = "2030"
    rewrite(data_copy / "observations.csv", edit)
    p = problem_of(data_copy).first
    assert p.code == "territory_period"
    assert "Hà Giang" not in p.message("vi")   # ids, not names, identify the row
    assert "ha_giang" in p.message("vi") and "2030" in p.message("en")


def test_two_preferred_values_for_one_key(data_copy):
    def edit(rows):
        for r in rows[1:]:
            if r[col(rows, "indicator_id")] == "grdp_current" and r[col(rows, "year")] == "2020":
                r[col(rows, "preferred")] = "true"
    rewrite(data_copy / "observations.csv", edit)
    assert problem_of(data_copy).first.code == "two_preferred"


def test_empty_file(data_copy):
    (data_copy / "gaps.csv").write_bytes(b"")
    p = problem_of(data_copy).first
    assert (p.file, p.row, p.code) == ("gaps.csv", 1, "empty_file")
    assert "Tệp rỗng" in p.message("vi") and "empty" in p.message("en")


def test_header_only_file(data_copy):
    path = data_copy / "gaps.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert problem_of(data_copy).first.code == "no_rows"


def test_wrong_encoding_names_the_line(data_copy):
    path = data_copy / "documents.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-16"))
    p = problem_of(data_copy).first
    assert (p.file, p.code) == ("documents.csv", "encoding")
    assert "UTF-8" in p.message("vi") and "UTF-8" in p.message("en")


def test_windows_1258_file_is_refused_at_the_first_bad_line(data_copy):
    path = data_copy / "territories.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "bad_row,Hà Nội cũ,Old Hanoi,province,region_rrd,1991,2008,")
    path.write_bytes("\n".join(lines).encode("utf-8").replace("Hà Nội cũ".encode("utf-8"), "Ha N\xf4i".encode("latin-1")))
    p = problem_of(data_copy).first
    assert (p.code, p.row) == ("encoding", 4)


def test_loading_never_changes_the_files(data_copy):
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    rewrite(data_copy / "observations.csv", set_cell("value", "abc", 1))
    broken = (data_copy / "observations.csv").read_bytes()
    with pytest.raises(CatalogError):
        load_catalog(data_copy)
    after = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    assert after["observations.csv"] == broken
    assert {k: v for k, v in after.items() if k != "observations.csv"} == \
           {k: v for k, v in before.items() if k != "observations.csv"}


def test_error_lists_every_problem_not_just_the_first(data_copy):
    rewrite(data_copy / "observations.csv", lambda rows: [set_cell("value", "x", i)(rows) for i in (1, 2, 3)])
    err = problem_of(data_copy)
    assert [p.row for p in err.problems[:3]] == [2, 3, 4]
    assert "… and" not in err.message("en", limit=5)
