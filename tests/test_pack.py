"""The meeting pack built from the real catalogue, read back as a committee member would: every shape on the slide and
above the footer, no 'năm 1', no raw id and no English word in the Vietnamese pack, no blank target slide."""
import io
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from models.assess import assess_all, prepare_all
from models.catalog import load_catalog
from models.derive import with_derived
from models.pack import Pack, TargetSlide, build_pdf, build_pptx
from models.scenario import PRESETS

ENGLISH = re.compile(r"\b(insufficient|not found|target|probability|likely|unlikely|scenario|data version|custom|ensemble|"
                     r"official|estimate|needed|per year|the|and|of)\b", re.I)
RAW_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+){2,}\b")
CHOSEN = ["kh402_broadband_2025", "kh402_productivity_2025", "kh402_5g_2030", "kh402_productivity_region_2045",
          "tqm_grdp_growth_2030", "qd325_grdp_growth_2030", "nq52_productivity_2030", "tq_di_households_ftth_2025"]


def chart_png(width: int = 110, height: int = 56) -> bytes:
    """A blank PNG with the charts' aspect (1100 × 560), without an imaging library."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def pack():
    from ui.pack_content import build_pack_content

    cat = with_derived(load_catalog())
    preps = {p.target["target_id"]: p for p in prepare_all(cat, n_paths=300)}
    s = PRESETS["optimistic"]
    table = assess_all(prepared=list(preps.values()), scenario=s)
    content = build_pack_content(cat, preps, s, table, CHOSEN, "vi", "v0001-0123456789", "2026-12-01",
                                 render=lambda fig: chart_png())
    return content, build_pptx(content), build_pdf(content)


def test_the_real_pack_keeps_every_shape_on_its_slide_and_above_the_footer(pack):
    from pptx.util import Inches

    _, pptx, _ = pack
    prs = Presentation(io.BytesIO(pptx))
    for n, slide in enumerate(prs.slides, start=1):
        footers = [sh for sh in slide.shapes if sh.has_text_frame and "v0001-0123456789" in sh.text_frame.text]
        limit = min((sh.top for sh in footers), default=prs.slide_height) if n > 1 else prs.slide_height
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.top >= 0 and sh.left + sh.width <= prs.slide_width, (n, sh.name)
            if sh in footers:
                assert sh.top + sh.height <= prs.slide_height, (n, sh.name)
            elif sh.has_table:      # a row may wrap to two lines of 11 pt: ≈ 0.45 in each
                assert sh.top + len(sh.table.rows) * Inches(0.45) <= limit, (n, sh.name)
            else:
                assert sh.top + sh.height <= limit, (n, sh.name, sh.top + sh.height, limit)


def test_the_real_vietnamese_pack_reads_without_year_one_raw_ids_or_english(pack):
    content, pptx, pdf = pack
    prs = Presentation(io.BytesIO(pptx))
    slide_text = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) + " " +
                  " ".join(c.text for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells)
                  for s in prs.slides]
    pdf_text = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    for where, texts in (("pptx", slide_text), ("pdf", pdf_text)):
        for i, text in enumerate(texts, start=1):
            text = re.sub(r"https?://\S+", "", text)
            assert not re.search(r"năm [1–-]\b|năm –", text), (where, i)
            assert not RAW_ID.search(text), (where, i, RAW_ID.search(text).group(0))
            assert not ENGLISH.search(text), (where, i, ENGLISH.search(text).group(0), text[:200])


def test_no_target_slide_is_blank_and_an_insufficient_one_says_what_is_known(pack):
    content, _, _ = pack
    assert len(content.targets) == len(CHOSEN)
    for slide in content.targets:
        assert slide.title and len(slide.lines) >= 2, slide.title
    g5 = next(s for s in content.targets if "5G" in s.title)
    assert any("Chưa đủ số liệu" in line for line in g5.lines)
    assert len(" ".join(g5.lines)) > 80                      # what is known and what is asked for, not a bare verdict


# ---- the layout rules on a synthetic pack (20 overview rows, 8 target slides)
def _pack(n_targets=8):
    png = chart_png(2, 2)
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


def test_every_target_slides_text_fits_its_box_measured_with_the_font(pack):
    """Wrapped by words at the slide's font size, measured with Pillow on the same Noto Sans (not the builder's code)."""
    from PIL import ImageFont

    _, pptx, _ = pack
    prs = Presentation(io.BytesIO(pptx))
    for n, slide in enumerate(list(prs.slides), start=1):
        boxes = [sh for sh in slide.shapes if sh.has_text_frame and sh.width < prs.slide_width // 2]
        for sh in boxes:
            size = next(r.font.size.pt for p in sh.text_frame.paragraphs for r in p.runs)
            font = ImageFont.truetype("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", int(size * 10))
            width = (sh.width / 914400 - 0.2) * 72 * 10          # points × 10, the box's inner width
            rows = 0
            for p in sh.text_frame.paragraphs:
                row, k = "", 1
                for word in p.text.split():
                    trial = f"{row} {word}".strip()
                    if row and font.getlength(trial) > width:
                        k, row = k + 1, word
                    else:
                        row = trial
                rows += k
            assert rows * size * 1.2 <= (sh.height / 914400) * 72, (n, size, rows)
