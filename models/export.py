"""Downloads: CSV and XLSX of any table (Vietnamese headers by default) with every formula neutralised,
and the upload template (pre-filled with real rows, so uploading it unchanged changes nothing)."""
from __future__ import annotations

import io
import re

import pandas as pd

from models.catalog import SPECS, Catalog
from models.upload import HEADERS_EN, HEADERS_VI

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")   # what XLSX cannot hold (openpyxl refuses it)


def neutralise(value):
    """Safe text for a spreadsheet: line breaks are \\n only, no control characters, and every line that
    a spreadsheet could run as a formula starts with an apostrophe. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    text = ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(("'" + line) if line.startswith(FORMULA_START) else line for line in text.split("\n"))


def safe_frame(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    headers = HEADERS_VI if lang == "vi" else HEADERS_EN
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or str(out[c].dtype) in ("str", "string"):
            out[c] = out[c].map(neutralise)
    return out.rename(columns={c: headers.get(c, c) for c in out.columns})


def to_csv_bytes(frame: pd.DataFrame, lang: str = "vi") -> bytes:
    """UTF-8 with BOM so Excel opens Vietnamese text correctly."""
    return safe_frame(frame, lang).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame], lang: str = "vi") -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, frame in sheets.items():
            safe_frame(frame, lang).to_excel(xw, sheet_name=name[:31], index=False)
    return buf.getvalue()


NOTES = {
    "territory_id": ("Mã lãnh thổ, ví dụ tuyen_quang_merged (xem trang Dữ liệu)", "Territory id, e.g. tuyen_quang_merged"),
    "indicator_id": ("Mã chỉ tiêu, ví dụ labour_productivity_current", "Indicator id, e.g. labour_productivity_current"),
    "vintage": ("Kỳ số liệu (vd. main); kỳ mới phải khai trong vintages.csv", "Vintage (e.g. main)"),
    "year": ("Năm (số nguyên)", "Year (whole number)"),
    "period_start": ("Chỉ dùng cho số bình quân giai đoạn; để trống", "Only for period averages; leave empty"),
    "value": ("Số, dấu chấm hoặc phẩy thập phân, không có đơn vị", "Number, no unit"),
    "qualifier": ("Để trống nếu chính xác; approx / lower_bound / upper_bound", "Empty if exact; approx / lower_bound / upper_bound"),
    "status": ("official / preliminary / estimate / derived / proxy", "official / preliminary / estimate / derived / proxy"),
    "source_id": ("Mã nguồn; nguồn mới khai ở trang 'sources'", "Source id; new sources go on the 'sources' sheet"),
    "preferred": ("true nếu đây là giá trị ứng dụng dùng", "true if the app should use this value"),
    "year_inferred": ("true nếu năm được suy ra", "true if the year was inferred"),
    "formula": ("Công thức nếu là số tính toán", "Formula if derived"),
    "note": ("Ghi chú (trích dẫn, trang niên giám…)", "Note (quote, yearbook page…)"),
}


def template_xlsx(cat: Catalog, indicator_id: str = "grdp_growth_const", territory_id: str = "tuyen_quang_old") -> bytes:
    """XLSX template: 'observations' pre-filled with the current rows of one series, 'sources' empty, notes."""
    cols = SPECS["observations"].names
    o = cat.observations
    rows = o[(o["indicator_id"] == indicator_id) & (o["territory_id"] == territory_id)][cols].copy()
    rows["year"] = rows["year"].astype(int)
    rows["period_start"] = rows["period_start"].astype("Int64")
    notes = pd.DataFrame({"cột / column": cols, "hướng dẫn": [NOTES.get(c, ("", ""))[0] for c in cols],
                          "guidance": [NOTES.get(c, ("", ""))[1] for c in cols]})
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        rows.to_excel(xw, sheet_name="observations", index=False)
        pd.DataFrame(columns=SPECS["sources"].names).to_excel(xw, sheet_name="sources", index=False)
        notes.to_excel(xw, sheet_name="huong_dan", index=False)
    return buf.getvalue()
