"""Saved scenarios (SQLite, migrations, concurrency), snapshots and what changed since, the meeting pack."""
import io
import threading

import pandas as pd
import pytest
from pypdf import PdfReader
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from models.catalog import load_catalog
from models.meetings import MeetingStore, MeetingStoreError, diff
from models.pack import Pack, TargetSlide, build_pdf, build_pptx
from models.scenario import Scenario


@pytest.fixture
def db(tmp_path):
    return MeetingStore(tmp_path / "m.sqlite3")


def test_schema_is_migrated_once(db):
    assert db.schema_version() == 1
    assert db.schema_version() == 1


def test_save_list_load_duplicate_delete(db):
    db.save_scenario(Scenario("Họp tháng 12", {"grdp_growth": 1.5}), description="đồng thuận")
    db.duplicate_scenario("Họp tháng 12", "Họp tháng 12 (2)")
    assert set(db.list_scenarios()["name"]) == {"Họp tháng 12", "Họp tháng 12 (2)"}
    assert db.load_scenario("Họp tháng 12 (2)").values == {"grdp_growth": 1.5}
    db.delete_scenario("Họp tháng 12")
    assert db.list_scenarios()["name"].tolist() == ["Họp tháng 12 (2)"]
    with pytest.raises(KeyError):
        db.load_scenario("Họp tháng 12")


def test_fifty_parallel_saves_are_all_present_and_intact(db):
    errors = []

    def save(i):
        try:
            db.save_scenario(Scenario(f"s{i:02d}", {"grdp_growth": round(i / 20, 2), "rollout_5g": float(i % 30)}))
        except Exception as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(50)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == []
    saved = db.list_scenarios()
    assert len(saved) == 50
    for i in range(50):
        assert db.load_scenario(f"s{i:02d}").values == {"grdp_growth": round(i / 20, 2), "rollout_5g": float(i % 30)}


def test_unwritable_database_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(MeetingStoreError):
        MeetingStore(blocker / "sub" / "db.sqlite3").save_scenario(Scenario("a"))


def test_snapshot_diff_names_exactly_the_changed_value_lever_and_moved_probabilities(db):
    cat = load_catalog()
    results = pd.DataFrame({"target_id": ["a", "b", "c"], "state": ["outlook"] * 3, "verdict": [""] * 3,
                            "p_meet": [0.40, 0.70, None], "un_category": ["fair_progress", "on_track", ""],
                            "catch_up": [1.0, 2.0, None], "catch_up_unit": ["pct_per_year"] * 3})
    sid = db.record_snapshot("Họp 1", Scenario("x", {"grdp_growth": 1.0}), "v0001-abc", results, "Giao Sở KH&CN")
    snap = db.snapshot(sid)
    assert snap["decisions"] == "Giao Sở KH&CN"
    new_obs = cat.observations.copy()
    i = new_obs.index[(new_obs.indicator_id == "households_ftth_pct") & (new_obs.year == 2024)][0]
    new_obs.loc[i, "value"] = 55.5
    now = results.copy()
    now.loc[0, "p_meet"] = 0.52
    now.loc[1, "p_meet"] = 0.702          # below the 0.5 pp threshold: not a move
    changes = diff(snap, Scenario("x", {"grdp_growth": 1.5}), now, cat.observations, new_obs)
    assert changes.data[["indicator_id", "year", "value_before", "value_after", "change"]].values.tolist() == \
        [["households_ftth_pct", 2024, 54.83, 55.5, "revised"]]
    assert changes.levers.values.tolist() == [["grdp_growth", 1.0, 1.5]]
    assert changes.targets[["target_id", "change_pp"]].values.tolist() == [["a", 12.0]]


def _pack(n_targets=8):
    png = _tiny_png()
    return Pack(title="Lộ trình 4.0 – Báo cáo Ban Chỉ đạo", subtitle="Kế hoạch 402-KH/TU – tỉnh Tuyên Quang",
                meeting_date="2026-12-01", data_version="v0003-1a2b3c4d5e", scenario_name="Lạc quan",
                scenario_lines=["Tăng trưởng GRDP thêm: 1,0 điểm %/năm"],
                overview_header=["Mục tiêu", "Lãnh thổ", "Văn bản", "Năm", "Loại đánh giá", "Xác suất đạt", "Cần đạt mỗi năm"],
                overview_rows=[["Năng suất lao động tăng bình quân khoảng 7%/năm", "Tuyên Quang (mới, từ 1/7/2025)",
                                "402-KH/TU", "2025", "Chưa đủ số liệu", "–", "–"]] * 20,
                targets=[TargetSlide(f"Mục tiêu {i}: Internet băng thông rộng phủ 100% các xã",
                                     ["Xác suất đạt: 45% (khả năng ngang nhau)"], png) for i in range(n_targets)],
                sources=["402-KH/TU (2020-06-26): Kế hoạch thực hiện Nghị quyết 52-NQ/TW"],
                labels={"data_version": "Phiên bản dữ liệu", "scenario": "Kịch bản", "overview": "Tổng quan",
                        "sources": "Nguồn"})


def _tiny_png():
    import zlib, struct   # noqa: E401 - a 2x2 PNG without any imaging library
    raw = b"".join(b"\x00" + bytes([200, 30, 30] * 2) for _ in range(2))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_pptx_has_title_overview_target_and_sources_slides_in_vietnamese():
    prs = Presentation(io.BytesIO(build_pptx(_pack())))
    slides = list(prs.slides)
    assert len(slides) == 1 + 3 + 8 + 1                      # title, 20 rows over 3 overview slides, 8 targets, sources
    title_text = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "Lộ trình 4.0 – Báo cáo Ban Chỉ đạo" in title_text
    assert "v0003-1a2b3c4d5e" in title_text and "Lạc quan" in title_text
    for s in slides[4:12]:
        assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in s.shapes)
        assert "Internet băng thông rộng phủ 100% các xã" in " ".join(
            sh.text_frame.text for sh in s.shapes if sh.has_text_frame)


def test_pdf_keeps_vietnamese_diacritics_and_the_data_version():
    reader = PdfReader(io.BytesIO(build_pdf(_pack(3))))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Lộ trình 4.0 – Báo cáo Ban Chỉ đạo" in text
    assert "Năng suất lao động tăng bình quân khoảng 7%/năm" in text
    assert "v0003-1a2b3c4d5e" in text and "Lạc quan" in text
    assert len(reader.pages) >= 1 + 1 + 3 + 1
    fonts = {str(f) for p in reader.pages for f in (p.get("/Resources") or {}).get("/Font", {}).values()}
    assert fonts


def test_pptx_overview_table_stays_inside_the_slide_and_above_the_footer():
    from pptx.util import Inches

    prs = Presentation(io.BytesIO(build_pptx(_pack())))
    for slide in list(prs.slides)[1:4]:
        table = next(sh for sh in slide.shapes if sh.has_table)
        footer = min(sh.top for sh in slide.shapes if sh.has_text_frame and "v0003" in sh.text_frame.text)
        assert table.left + sum(c.width for c in table.table.columns) <= prs.slide_width
        # each row may wrap to two lines of 11 pt: 2 × 11 pt × 1.2 + cell margins ≈ 0.45 in
        assert table.top + len(table.table.rows) * Inches(0.45) <= footer
        assert [c.text for c in table.table.rows[0].cells][:3] == ["Mục tiêu", "Lãnh thổ", "Văn bản"]
