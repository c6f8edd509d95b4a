"""The meeting pack: a PPTX (python-pptx) and a PDF (reportlab, Noto Sans embedded) built on the server.

The builder takes plain content (texts, table rows, PNG bytes of the charts) so it needs neither
streamlit nor plotly; every slide carries the data version, the scenario and the date.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONT = "Noto Sans"


@dataclass
class TargetSlide:
    title: str
    lines: list[str]
    image_png: bytes | None = None


@dataclass
class Pack:
    title: str
    subtitle: str
    meeting_date: str
    data_version: str
    scenario_name: str
    scenario_lines: list[str]
    overview_header: list[str]
    overview_rows: list[list[str]]
    targets: list[TargetSlide] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)   # footer/ section titles in the pack's language

    def footer(self) -> str:
        return (f"{self.labels.get('data_version', 'Data version')}: {self.data_version} · "
                f"{self.labels.get('scenario', 'Scenario')}: {self.scenario_name} · {self.meeting_date}")


# --------------------------------------------------------------------------- PPTX
def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_DIR / "NotoSans-Regular.ttf", FONT_DIR / "NotoSans-Bold.ttf"
    if not regular.exists():
        raise FileNotFoundError(f"{regular} is missing: install Debian's fonts-noto-core for Vietnamese glyphs")
    if "NotoSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NotoSans", str(regular)))
        pdfmetrics.registerFont(TTFont("NotoSans-Bold", str(bold)))


def wrapped_height(lines: list[str], size: float, width_pt: float, leading: float = 1.2) -> float:
    """Height in points of these paragraphs in Noto Sans at `size`, wrapped by words to `width_pt` (measured)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register_fonts()
    rows = 0
    for line in lines:
        row, n = "", 1
        for word in str(line).split():
            trial = f"{row} {word}".strip()
            if row and stringWidth(trial, "NotoSans", size) > width_pt:
                n, row = n + 1, word
            else:
                row = trial
        rows += n
    return rows * size * leading


def fitting_size(lines: list[str], width_in: float, height_in: float, sizes=(16, 15, 14, 13, 12, 11, 10)) -> int:
    """The largest font size at which the paragraphs fit the box (text-box insets of 0.1 in a side taken off)."""
    for size in sizes:
        if wrapped_height(lines, size, (width_in - 0.2) * 72) <= (height_in - 0.1) * 72:
            return size
    return sizes[-1]


def build_pptx(pack: Pack) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]

    def text(slide, x, y, w, h, content, size=18, bold=False):
        tf = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h)).text_frame
        tf.word_wrap = True   # LibreOffice shifts text boxes without it
        lines = content if isinstance(content, list) else [content]
        for i, line in enumerate(lines):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = line
            for r in p.runs:
                r.font.size, r.font.bold, r.font.name = Pt(size), bold, FONT
        return tf

    def footer(slide):
        text(slide, 0.5, 7.0, 12.3, 0.4, pack.footer(), size=10)

    s = prs.slides.add_slide(blank)
    text(s, 0.7, 1.4, 12, 1.4, pack.title, size=36, bold=True)
    text(s, 0.7, 2.8, 12, 0.8, pack.subtitle, size=20)
    text(s, 0.7, 3.8, 12, 3.0, [f"{pack.labels.get('scenario', 'Scenario')}: {pack.scenario_name}"]
         + [f"• {x}" for x in pack.scenario_lines], size=16)
    footer(s)

    per_slide = 8      # rows wrap to two lines: eight stay above the footer
    for start in range(0, max(len(pack.overview_rows), 1), per_slide):
        s = prs.slides.add_slide(blank)
        text(s, 0.5, 0.3, 12.3, 0.8, pack.labels.get("overview", "Overview"), size=28, bold=True)
        chunk = pack.overview_rows[start:start + per_slide]
        shape = s.shapes.add_table(len(chunk) + 1, len(pack.overview_header), Inches(0.5), Inches(1.2),
                                   Inches(12.3), Inches(0.4 * (len(chunk) + 1)))
        widths = [4.2, 1.9, 1.3, 0.7, 1.6, 0.9, 1.7][: len(pack.overview_header)]
        for j, w in enumerate(widths):
            shape.table.columns[j].width = Inches(w)
        for j, h in enumerate(pack.overview_header):
            shape.table.cell(0, j).text = h
        for i, row in enumerate(chunk, start=1):
            for j, v in enumerate(row):
                shape.table.cell(i, j).text = str(v)
        for cell in (c for r in shape.table.rows for c in r.cells):
            for p in cell.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size, r.font.name = Pt(11), FONT
        footer(s)

    for t in pack.targets:
        s = prs.slides.add_slide(blank)
        text(s, 0.5, 0.3, 12.3, 1.0, t.title, size=24, bold=True)
        text(s, 0.5, 1.3, 4.2, 5.5, t.lines, size=fitting_size(t.lines, 4.2, 5.5))   # above the footer, measured
        if t.image_png:
            s.shapes.add_picture(io.BytesIO(t.image_png), Inches(4.9), Inches(1.3), width=Inches(8.0))
        footer(s)

    s = prs.slides.add_slide(blank)
    text(s, 0.5, 0.3, 12.3, 0.8, pack.labels.get("sources", "Sources"), size=28, bold=True)
    text(s, 0.5, 1.2, 12.3, 5.6, [f"• {x}" for x in pack.sources[:18]], size=12)
    footer(s)

    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- PDF
def build_pdf(pack: Pack) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    h1 = ParagraphStyle("h1", fontName="NotoSans-Bold", fontSize=24, leading=30)
    h2 = ParagraphStyle("h2", fontName="NotoSans-Bold", fontSize=18, leading=23)
    body = ParagraphStyle("body", fontName="NotoSans", fontSize=12, leading=16)
    small = ParagraphStyle("small", fontName="NotoSans", fontSize=9, leading=11)

    def esc(s: str) -> str:
        return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def on_page(canvas, doc):
        canvas.setFont("NotoSans", 8)
        canvas.drawString(1.5 * cm, 0.8 * cm, pack.footer())

    story = [Paragraph(esc(pack.title), h1), Spacer(1, 8), Paragraph(esc(pack.subtitle), h2), Spacer(1, 14),
             Paragraph(esc(f"{pack.labels.get('scenario', 'Scenario')}: {pack.scenario_name}"), body)]
    story += [Paragraph(esc(f"• {x}"), body) for x in pack.scenario_lines]
    story += [PageBreak(), Paragraph(esc(pack.labels.get("overview", "Overview")), h2), Spacer(1, 8)]
    data = [[Paragraph(esc(h), small) for h in pack.overview_header]]
    data += [[Paragraph(esc(v), small) for v in row] for row in pack.overview_rows]
    table = Table(data, colWidths=[8.6 * cm, 3.8 * cm, 2.8 * cm, 1.4 * cm, 3.4 * cm, 1.9 * cm, 4.8 * cm][: len(pack.overview_header)],
                  repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(table)
    for t in pack.targets:
        story += [PageBreak(), Paragraph(esc(t.title), h2), Spacer(1, 6)]
        story += [Paragraph(esc(x), body) for x in t.lines]
        if t.image_png:
            story += [Spacer(1, 6), Image(io.BytesIO(t.image_png), width=22 * cm, height=12 * cm)]
    story += [PageBreak(), Paragraph(esc(pack.labels.get("sources", "Sources")), h2), Spacer(1, 6)]
    story += [Paragraph(esc(f"• {x}"), small) for x in pack.sources]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=1.5 * cm, rightMargin=1.5 * cm,
                            topMargin=1.2 * cm, bottomMargin=1.5 * cm, title=pack.title,
                            author="Lộ trình 4.0")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
