"""A corpus of hostile and legitimate files, generated here: each ends in the right verdict with the right message,
nothing stored is damaged, every download uploads back unchanged, and no upload changes a cell it did not carry."""
import csv
import io
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook, load_workbook

from models.catalog import CatalogError
from models.export import to_csv_bytes, to_xlsx_bytes, template_xlsx
from models.store import DataStore
from models.upload import MAX_FIELD, prepare_upload

ROOT = Path(__file__).resolve().parents[1]
HEAD = "territory_id,indicator_id,vintage,year,value,status,source_id"
GOOD = "tuyen_quang_old,households_ftth_pct,main,2025,57.1,preliminary,thuvienphapluat_042f5f"
RAW_COLS = ["territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier", "status",
            "source_id", "preferred", "year_inferred", "formula", "note"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = DataStore(tmp_path_factory.mktemp("corpus") / "store", seed_dir=ROOT / "data")
    s.ensure()
    return s


def attempt(store, raw, name):
    return prepare_upload(store.load(), raw, name, store.files())


def refused(store, raw, name, code, row=None, column=None):
    with pytest.raises(CatalogError) as info:
        attempt(store, raw, name)
    p = info.value.first
    assert p.code == code, info.value.message("en")
    if row is not None:
        assert p.row == row
    if column is not None:
        assert p.column == column
    assert info.value.message("vi") and info.value.message("en")
    return info.value


def xlsx_bytes(rows, sheet="observations"):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(note: str) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writerow(HEAD.split(",") + ["note"])
    w.writerow(GOOD.split(",") + [note])
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- crashes become refusals
def test_a_field_past_the_csv_limit_is_refused_with_its_row(store):
    refused(store, csv_text("x" * 200_000), "long.csv", "field_too_long", row=2)


def test_a_long_note_under_the_csv_limit_is_refused_by_our_own_limit(store):
    refused(store, csv_text("y" * (MAX_FIELD + 1)), "long.csv", "field_too_long", row=2, column="note")


def test_a_bare_carriage_return_in_a_quoted_note_is_read_not_a_crash(store):
    result = attempt(store, csv_text("dòng 1\rdòng 2"), "cr.csv")
    assert len(result.added) == 1 and result.added["note"].iloc[0] == "dòng 1\ndòng 2"


def test_an_unquoted_carriage_return_splits_the_row_and_is_refused_with_its_row(store):
    raw = (HEAD + ",note\n" + GOOD + ",dòng 1\rdòng 2\n").encode()
    refused(store, raw, "cr.csv", "bad_id", row=3, column="territory_id")


@pytest.mark.parametrize("char", ["\x00", "\x0c", "\x1b"])
def test_control_characters_are_refused_naming_row_and_column(store, char):
    refused(store, csv_text(f"ghi{char}chú"), "ctl.csv", "control_char", row=2, column="note")


def test_malformed_workbook_xml_is_a_refusal(store):
    good = xlsx_bytes([HEAD.split(","), GOOD.split(",")])
    src = zipfile.ZipFile(io.BytesIO(good))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]           # cut mid-tag
            out.writestr(info, data)
    refused(store, buf.getvalue(), "broken.xlsx", "bad_workbook")


def test_a_workbook_that_unpacks_past_the_limit_is_refused_unread(store):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<a>" + "0" * 60_000_000 + "</a>")
    raw = buf.getvalue()
    assert len(raw) < 10 * 1024 * 1024
    refused(store, raw, "bomb.xlsx", "too_large_unzipped")


def test_a_workbook_with_too_many_rows_stops_at_the_limit(store):
    rows = [HEAD.split(",")] + [GOOD.replace("2025", str(1950 + i % 75)).split(",") for i in range(20_002)]
    refused(store, xlsx_bytes(rows), "big.xlsx", "too_many_rows")


# --------------------------------------------------------------------------- right verdicts
def test_a_single_sheet_workbook_is_the_observations(store):
    result = attempt(store, xlsx_bytes([HEAD.split(","), GOOD.split(",")], sheet="Sheet"), "one.xlsx")
    assert len(result.added) == 1


def test_decomposed_vietnamese_headers_are_matched_after_nfc():
    from models.upload import HEADERS_VI, parse_upload
    head = [unicodedata.normalize("NFD", HEADERS_VI[c]) for c in HEAD.split(",")]
    assert head[0] != HEADERS_VI["territory_id"]
    frames = parse_upload(("\n".join([",".join(head), GOOD]) + "\n").encode("utf-8"), "nfd.csv")
    assert frames["observations"]["value"].tolist() == [57.1]


def test_a_text_file_named_xlsx_is_refused_naming_the_mismatch(store):
    refused(store, (HEAD + "\n" + GOOD + "\n").encode(), "renamed.xlsx", "type_mismatch")


def test_tab_separated_text_is_read_as_such(store):
    raw = (HEAD.replace(",", "\t") + "\n" + GOOD.replace(",", "\t") + "\n").encode()
    assert len(attempt(store, raw, "tab.csv").added) == 1


def test_shares_typed_as_fractions_raise_a_plausibility_warning(store):
    o = store.load().observations
    rows = o[(o.indicator_id == "villages_ftth_pct") | (o.indicator_id == "households_ftth_pct")
             | (o.indicator_id == "adults_smartphone_pct") | (o.indicator_id == "mobile_coverage_pct")]
    rows = rows[rows.qualifier == ""].head(6).copy()
    rows["value"] = rows["value"] / 100
    result = attempt(store, to_csv_bytes(rows[RAW_COLS], "en"), "fractions.csv")
    assert len(result.revised) == len(rows) and result.scale_factor == 0.01


def test_a_bullet_note_is_accepted_and_neutralised_on_export(store):
    result = attempt(store, csv_text("- ghi chú gạch đầu dòng"), "bullet.csv")
    assert result.added["note"].iloc[0] == "- ghi chú gạch đầu dòng"
    out = to_csv_bytes(result.added, "en").decode("utf-8-sig")
    assert "'- ghi chú" in out


# --------------------------------------------------------------------------- nothing lost, nothing leaked
def test_a_minimal_upload_keeps_every_note_it_did_not_carry(store):
    o = store.load().observations
    row = o[(o.indicator_id == "households_ftth_pct") & (o.territory_id == "tuyen_quang_old")].iloc[0]
    raw = (HEAD + "\n" + ",".join(str(row[c]) if c != "value" else "55.0" for c in HEAD.split(",")) + "\n").encode()
    result = attempt(store, raw, "minimal.csv")
    assert len(result.revised) == 1
    stored = pd.read_csv(io.BytesIO(result.files["observations.csv"]), keep_default_na=False, dtype=str)
    kept = stored[(stored.indicator_id == "households_ftth_pct") & (stored.territory_id == "tuyen_quang_old")]
    assert kept["note"].iloc[0] == row["note"] and row["note"]


def test_csv_export_neutralises_every_line_a_spreadsheet_will_see():
    frame = pd.DataFrame({"note": ["x\r=1+1", "a\n+b", "@c", "- d", "plain"], "value": [1.0, 2.0, 3.0, -4.0, 5.0]})
    text = to_csv_bytes(frame, "en").decode("utf-8-sig")
    for line in csv.reader(io.StringIO(text, newline="")):
        for cell in line:
            for part in cell.split("\n"):
                assert not part[:1] in ("=", "+", "@") or part.startswith("'"), part
    assert "\r" not in text
    wb = load_workbook(io.BytesIO(to_xlsx_bytes({"t": frame.assign(note=frame["note"] + "\x00")}, "en")))
    for r in wb["t"].iter_rows(min_row=2, values_only=True):
        assert not str(r[0]).startswith(("=", "+", "@"))


def test_the_chart_data_download_uploads_back_with_no_change(store):
    from models.assess import prepare
    from models.derive import with_derived
    from models.scenario import Scenario
    from ui.pack_content import chart_data
    cat = with_derived(store.load())
    for tid in ("nq52_gii_2030", "tq_plan2025_grdp_per_capita"):
        row = cat.targets.set_index("target_id").loc[tid].to_dict() | {"target_id": tid}
        data = chart_data(cat, prepare(cat, row, n_paths=300), Scenario("x", {"grdp_growth": 1.0}))
        assert (data["series"] != "observed").any()       # forecast rows are in the file ...
        for raw, name in ((to_csv_bytes(data, "vi"), "chart.csv"), (to_xlsx_bytes({"chart": data}, "en"), "chart.xlsx")):
            result = attempt(store, raw, name)
            assert result.n_changes == 0, (tid, name)      # ... and never become data


@pytest.mark.parametrize("kind", ["all_csv", "all_xlsx", "series_csv", "series_xlsx", "template"])
def test_every_download_uploads_back_with_no_change(store, kind):
    from models.derive import with_derived
    cat = with_derived(store.load())
    o = cat.observations
    series = o[(o.indicator_id == "labour_productivity_proxy_lf") | (o.indicator_id == "grdp_current")]
    series = series[series.territory_id == "tuyen_quang_old"]
    raw, name = {
        "all_csv": (lambda: to_csv_bytes(o[RAW_COLS], "vi"), "all.csv"),
        "all_xlsx": (lambda: to_xlsx_bytes({"observations": o[RAW_COLS], "sources": cat.sources}, "vi"), "all.xlsx"),
        "series_csv": (lambda: to_csv_bytes(series[RAW_COLS], "en"), "series.csv"),
        "series_xlsx": (lambda: to_xlsx_bytes({"observations": series[RAW_COLS]}, "en"), "series.xlsx"),
        "template": (lambda: template_xlsx(store.load()), "template.xlsx"),
    }[kind]
    result = attempt(store, raw(), name)
    assert result.n_changes == 0, (result.added.head(), result.revised.head())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 30), st.floats(0, 100, allow_nan=False)), min_size=1, max_size=5))
def test_an_upload_never_changes_a_stored_cell_it_did_not_carry(store, picks):
    base = store.load()
    o = base.observations
    candidates = o[(o.qualifier == "") & (o.status != "derived") & o.indicator_id.str.endswith("_pct")].reset_index(drop=True)
    lines = [HEAD]
    touched = set()
    for i, value in picks:
        r = candidates.iloc[i % len(candidates)]
        key = (r.territory_id, r.indicator_id, r.vintage, int(r.year), r.source_id)
        if key in touched:
            continue
        touched.add(key)
        lines.append(",".join([r.territory_id, r.indicator_id, r.vintage, str(int(r.year)), repr(round(value, 3)),
                               r.status, r.source_id]))
    result = prepare_upload(base, ("\n".join(lines) + "\n").encode(), "random.csv", store.files())
    before = pd.read_csv(io.BytesIO(store.files()["observations.csv"]), keep_default_na=False, dtype=str)
    after = pd.read_csv(io.BytesIO(result.files["observations.csv"]), keep_default_na=False, dtype=str)
    keycols = ["territory_id", "indicator_id", "vintage", "year", "period_start", "source_id"]
    b, a = before.set_index(keycols).sort_index(), after.set_index(keycols).sort_index()
    assert set(a.index) == set(b.index)
    a = a.loc[b.index]
    carried = pd.Series([(k[0], k[1], k[2], int(k[3]), k[5]) in touched for k in b.index], index=b.index)
    same = a == b
    same["value"] |= pd.to_numeric(a["value"], errors="coerce") == pd.to_numeric(b["value"], errors="coerce")
    for col in ("value", "status", "preferred"):      # the cells an upload carries may change, no other
        same.loc[carried, col] = True
    wrong = [(key, col) for key, row in same[~same.all(axis=1)].iterrows() for col in same.columns if not row[col]]
    assert not wrong, wrong[:5]


def test_the_data_page_draws_its_versions_and_rolls_back_even_over_a_hostile_version(tmp_path, monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    s = DataStore(tmp_path / "store", seed_dir=ROOT / "data")
    files = s.files()
    text = files["observations.csv"].decode("utf-8").replace(
        "tuyen_quang_old,adults_smartphone_pct,main,2024,,60.7,,official,thuvienphapluat_042f5f,true,,,stated",
        "tuyen_quang_old,adults_smartphone_pct,main,2024,,60.7,,official,thuvienphapluat_042f5f,true,,,stated\x00\x0c")
    files["observations.csv"] = text.encode("utf-8")
    assert s.commit(files, "test", "hostile note", {}) == "v0002"
    monkeypatch.setenv("LOTRINH_STORE", str(tmp_path / "store"))
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(ROOT / "app_pages" / "data.py"), default_timeout=120)
        at.session_state["lang"] = "vi"
        at.run()
        assert not at.exception
        assert at.radio(key="version_pick").options == ["v0002", "v0001"]
        at.radio(key="version_pick").set_value("v0001").run()
        assert at.button(key="version_switch").disabled and s.current() == "v0002"   # not without its confirmation
        at.checkbox(key="version_sure").check().run()
        at.button(key="version_switch").click().run()
        assert not at.exception and s.current() == "v0001"
        assert at.success[0].value == "Đã chuyển sang phiên bản v0001."
        # and the lazily built download of the hostile version holds no character XLSX cannot take
        from models.export import to_xlsx_bytes
        cat = DataStore(tmp_path / "store").load("v0002")
        load_workbook(io.BytesIO(to_xlsx_bytes({"o": cat.observations[RAW_COLS]}, "vi")))
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
