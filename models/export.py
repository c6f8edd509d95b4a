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


TEMPLATE_COLUMNS = {   # the guidance sheet: one line per column of the observations and sources sheets
    "observations": ("territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier", "status",
                     "source_id", "preferred", "year_inferred", "formula", "note"),
    "sources": ("source_id", "publisher", "title", "url", "published", "reliability"),
}


def guidance_frame(guide: list[tuple[str, str]]) -> pd.DataFrame:
    """The guidance sheet of a template: sheet, column and what to write there, in Vietnamese and English."""
    from models.texts import STRINGS, t

    def say(sheet: str, column: str, lang: str) -> str:
        return t(f"template_{sheet}_{column}", lang) if f"template_{sheet}_{column}" in STRINGS else ""

    both = lambda key: t(key, "vi") + " / " + t(key, "en")  # noqa: E731
    return pd.DataFrame({both("template_sheet"): [g[0] for g in guide],
                         both("template_column"): [g[1] for g in guide],
                         t("template_guidance", "vi"): [say(*g, "vi") for g in guide],
                         t("template_guidance", "en"): [say(*g, "en") for g in guide]})


def template_xlsx(cat: Catalog, indicator_id: str = "grdp_growth_const", territory_id: str = "tuyen_quang_old") -> bytes:
    """XLSX template: 'observations' pre-filled with the current rows of one series, 'sources' empty, notes."""
    cols = SPECS["observations"].names
    o = cat.observations
    rows = o[(o["indicator_id"] == indicator_id) & (o["territory_id"] == territory_id)][cols].copy()
    rows["year"] = rows["year"].astype(int)
    rows["period_start"] = rows["period_start"].astype("Int64")
    notes = guidance_frame([(sheet, c) for sheet, names in TEMPLATE_COLUMNS.items() for c in names])
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        rows.to_excel(xw, sheet_name="observations", index=False)
        pd.DataFrame(columns=SPECS["sources"].names).to_excel(xw, sheet_name="sources", index=False)
        notes.to_excel(xw, sheet_name="huong_dan", index=False)
    return buf.getvalue()
