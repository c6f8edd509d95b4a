"""Uploads in the planner's words: the status and reliability the screen shows, a decimal comma, a printed
source without a web address, a typo named with its likely id and reported with the row's other problems."""
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.catalog import CatalogError
from tests.test_upload import GOOD, HEAD, attempt, snapshot, xlsx

ROOT = Path(__file__).resolve().parents[1]

SOURCE_HEAD = ["source_id", "publisher", "title", "reliability"]


def rows_with(**changes):
    row = dict(zip(HEAD.split(","), GOOD.split(",")))
    row.update(changes)
    return [list(row), list(row.values())]


def refusal(store, raw, name):
    before = snapshot(store)
    with pytest.raises(CatalogError) as exc:
        attempt(store, raw, name)
    assert snapshot(store) == before
    return exc.value


@pytest.mark.parametrize("word, code", [("chính thức", "official"), ("Sơ bộ", "preliminary"),
                                        ("ƯỚC TÍNH", "estimate"), ("proxy", "proxy"), ("Preliminary", "preliminary")])
def test_the_status_may_be_typed_as_the_app_shows_it(store, word, code):
    result = attempt(store, xlsx(rows_with(status=word)), "so_lieu.xlsx")
    assert list(result.added["status"]) == [code]


def test_a_printed_yearbook_is_a_source_without_a_web_address(store):
    obs = rows_with(source_id="nien_giam_tq_2025", year="2024")
    raw = xlsx(obs, extra_sheets=())
    wb = load_workbook(io.BytesIO(raw))
    ws = wb.create_sheet("sources")
    ws.append(SOURCE_HEAD)
    ws.append(["nien_giam_tq_2025", "Cục Thống kê tỉnh Tuyên Quang", "Niên giám thống kê 2025 (bản in)", "cao"])
    buf = io.BytesIO()
    wb.save(buf)
    result = attempt(store, buf.getvalue(), "nien_giam.xlsx")
    src = result.new_sources.iloc[0]
    assert (src["source_id"], src["url"], src["reliability"]) == ("nien_giam_tq_2025", "", "high")
    assert list(result.added["source_id"]) == ["nien_giam_tq_2025"]


@pytest.mark.parametrize("text, value", [("57,1", 57.1), ("0,25", 0.25), ("57.1", 57.1)])
def test_a_decimal_comma_typed_as_text_in_a_workbook_is_read_as_one(store, text, value):
    result = attempt(store, xlsx(rows_with(value=text)), "so_lieu.xlsx")
    assert result.added["value"].tolist() == [value]


def test_a_comma_that_may_separate_thousands_is_refused_as_ambiguous_with_row_and_column(store):
    err = refusal(store, xlsx(rows_with(value="1,234")), "so_lieu.xlsx")
    p = err.first
    assert (p.row, p.column, p.code) == (2, "value", "ambiguous_number")
    assert "dấu tách hàng nghìn" in err.message("vi") and "thousands separator" in err.message("en")


def test_a_mistyped_id_names_the_likely_one_and_comes_with_the_rows_other_problems(store):
    rows = rows_with(indicator_id="households_fth_pct", year="20x5")
    rows.append(rows_with(territory_id="tuyen_quang_olt")[1])
    err = refusal(store, xlsx(rows), "so_lieu.xlsx")
    found = [(p.row, p.column, p.code) for p in err.problems]
    assert found == [(2, "indicator_id", "unknown_ref_like"), (2, "year", "not_integer"),
                     (3, "territory_id", "unknown_ref_like")]
    assert "có phải là 'households_ftth_pct'?" in err.message("vi")
    assert "did you mean 'tuyen_quang_old'?" in err.message("en")


def test_an_id_far_from_every_known_one_gets_no_guess(store):
    err = refusal(store, xlsx(rows_with(indicator_id="happiness_pct")), "so_lieu.xlsx")
    assert err.first.code == "unknown_ref" and "có phải" not in err.message("vi")


def test_a_wrong_status_lists_the_words_of_the_language_in_use(store):
    err = refusal(store, xlsx(rows_with(status="tin đồn")), "so_lieu.xlsx")
    assert "chính thức, sơ bộ, ước tính, tính toán, thay thế" in err.message("vi")
    assert "official, preliminary, estimate, derived, proxy" in err.message("en")
