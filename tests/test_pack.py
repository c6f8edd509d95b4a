"""The meeting pack built from the real catalogue, read back as a committee member would: every shape on the slide and
above the footer, no 'năm 1', no raw id and no English word in the Vietnamese pack, no blank target slide."""
import io
import re

import pytest
from pptx import Presentation
from pypdf import PdfReader

from models.assess import assess_all, prepare_all
from models.catalog import load_catalog
from models.derive import with_derived
from models.pack import build_pdf, build_pptx
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
