"""Uploads of new or revised values (CSV or XLSX): parse, validate, preview the changes, build the new tables.

The uploaded sheet has the columns of `observations.csv` (machine ids or the Vietnamese/English
headers of the template); an optional `sources` sheet adds sources. Every problem names the file,
the sheet, the row and the column, in the active language, and nothing is stored until the
planner confirms (see models.store.DataStore.commit).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import pandas as pd

from models.catalog import SPECS, Catalog, CatalogError, Problem, parse_table, validate

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
KEY = ["territory_id", "indicator_id", "vintage", "year", "period_start", "source_id"]
HEADERS_VI = {
    "territory_id": "Mã lãnh thổ", "indicator_id": "Mã chỉ tiêu", "vintage": "Kỳ số liệu", "year": "Năm",
    "period_start": "Năm bắt đầu giai đoạn", "value": "Giá trị", "qualifier": "Độ chính xác", "status": "Trạng thái",
    "source_id": "Mã nguồn", "preferred": "Ưu tiên", "year_inferred": "Năm suy ra", "formula": "Công thức",
    "note": "Ghi chú", "inputs": "Đầu vào",
    "publisher": "Cơ quan / trang", "title": "Tiêu đề", "url": "Địa chỉ", "published": "Ngày đăng",
    "reliability": "Độ tin cậy",
}
HEADERS_EN = {
    "territory_id": "Territory id", "indicator_id": "Indicator id", "vintage": "Vintage", "year": "Year",
    "period_start": "Period start", "value": "Value", "qualifier": "Qualifier", "status": "Status",
    "source_id": "Source id", "preferred": "Preferred", "year_inferred": "Year inferred", "formula": "Formula",
    "note": "Note", "inputs": "Inputs",
    "publisher": "Publisher", "title": "Title", "url": "URL", "published": "Published", "reliability": "Reliability",
}
SHEET_NAMES = {"observations": ("observations", "số liệu", "so lieu", "du lieu", "dữ liệu"),
               "sources": ("sources", "nguồn", "nguon")}
OPTIONAL_OBS = ("period_start", "qualifier", "preferred", "year_inferred", "formula", "note")


@dataclass
class UploadResult:
    """What an upload would change; `files` are the complete new tables to store on confirmation."""

    added: pd.DataFrame
    revised: pd.DataFrame            # with old_value and new value
    unchanged: int
    new_sources: pd.DataFrame
    files: dict[str, bytes] = field(default_factory=dict)
    blank_rows: int = 0              # rows left blank (value empty): skipped, nothing stored for them
    unused_sources: int = 0          # new sources that no uploaded value uses: not added

    @property
    def n_changes(self) -> int:
        return len(self.added) + len(self.revised) + len(self.new_sources)


def _refuse(file: str, code: str, row=None, column=None, **params) -> CatalogError:
    return CatalogError([Problem(file, row, column, code, params)])


def _header_map() -> dict[str, str]:
    m = {}
    for table in (HEADERS_VI, HEADERS_EN):
        for k, v in table.items():
            m[v.strip().lower()] = k
    return m


def _normalise_header(cells: list[str]) -> list[str]:
    m = _header_map()
    return [m.get(c.strip().lower(), c.strip()) for c in cells]


NUMERIC = {"year", "value", "period_start"}
VN_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$")


def _rows_to_csv(rows: list[list[str]], numeric_comma: bool) -> tuple[bytes, int]:
    """Rebuild a clean CSV (machine headers) so the catalogue's parser and messages apply unchanged.

    A row whose value cell is empty is a blank still to be filled (the data-request template has
    them): it becomes an empty line, so it stores nothing and every other row keeps its row number.
    """
    header = _normalise_header(rows[0])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    vi = header.index("value") if "value" in header else None
    blank = 0
    for r in rows[1:]:
        r = list(r) + [""] * (len(header) - len(r)) if len(r) < len(header) else list(r)
        if vi is not None and not r[vi].strip() and any(c.strip() for c in r):
            blank += 1
            w.writerow([""] * len(header))
            continue
        if numeric_comma:
            r = [(c.replace(".", "").replace(",", ".") if h in NUMERIC and VN_NUMBER.match(c.strip()) else c)
                 for h, c in zip(header, r)] + r[len(header):]
        w.writerow(r)
    return buf.getvalue().encode("utf-8"), blank


def _complete(csv_bytes: bytes, table: str, file: str) -> bytes:
    """Add the optional observation columns a planner may leave out (empty = default)."""
    text = csv_bytes.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return csv_bytes
    header = rows[0]
    names = SPECS[table].names
    missing_optional = [c for c in names if c not in header and (table == "observations" and c in OPTIONAL_OBS
                                                                  or table == "sources" and c in ("note", "published"))]
    if not missing_optional:
        return csv_bytes
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header + missing_optional)
    for r in rows[1:]:
        fill = ["true" if c == "preferred" else "" for c in missing_optional]
        w.writerow(r + fill if len(r) == len(header) else r)
    return out.getvalue().encode("utf-8")


def read_csv_upload(raw: bytes, file: str) -> dict[str, tuple[bytes, int]]:
    from models.catalog import _decode

    text = _decode(raw, file)
    first = text.splitlines()[0] if text.splitlines() else ""
    semicolon = first.count(";") > first.count(",")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if semicolon else ","))
    rows = [r for r in rows]
    if not rows or not any(c.strip() for c in rows[0]):
        raise _refuse(file, "empty_file", 1)
    return {"observations": _rows_to_csv(rows, numeric_comma=semicolon)}   # table -> (csv bytes, blank rows)


def read_xlsx_upload(raw: bytes, file: str) -> dict[str, tuple[bytes, int]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _refuse(file, "bad_workbook", error=exc.__class__.__name__) from None
    out: dict[str, tuple[bytes, int]] = {}
    for table, names in SHEET_NAMES.items():
        ws = next((wb[s] for s in wb.sheetnames if s.strip().lower() in names), None)
        if ws is None:
            continue
        where = f"{file} [{ws.title}]"
        for rng in ws.merged_cells.ranges:
            raise _refuse(where, "merged_cells", rng.min_row, ws.cell(rng.min_row, rng.min_col).column_letter,
                          cells=str(rng))
        rows: list[list[str]] = []
        for r in ws.iter_rows():
            cells = []
            for c in r:
                if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith("=")):
                    raise _refuse(where, "formula_cell", c.row, c.column_letter, cell=c.coordinate)
                v = c.value
                if v is None:
                    cells.append("")
                elif isinstance(v, float) and v.is_integer():
                    cells.append(str(int(v)))
                elif isinstance(v, bool):
                    cells.append("true" if v else "false")
                else:
                    cells.append(str(v))
            rows.append(cells)
        while rows and not any(x.strip() for x in rows[-1]):
            rows.pop()
        if not rows or (table == "sources" and len(rows) == 1):
            if table == "observations":
                raise _refuse(where, "empty_sheet", 1)
            continue   # the optional sources sheet may be left with its header only
        out[table] = _rows_to_csv(rows, numeric_comma=False)
    if "observations" not in out:
        raise _refuse(file, "no_sheet", sheets=", ".join(wb.sheetnames))
    return out


def _empty(table: str) -> pd.DataFrame:
    """A table with no rows but the column types the parser gives."""
    kinds = {c.name: c.kind for c in SPECS[table].columns}
    dtype = {"int": "Int64", "float": "float64", "bool": bool}
    return pd.DataFrame({c: pd.Series(dtype=dtype.get(k, "str")) for c, k in kinds.items()})


def parse_upload(raw: bytes, file: str) -> dict[str, pd.DataFrame]:
    """Bytes of an uploaded CSV/XLSX -> typed frames of observations (and sources), or CatalogError."""
    if len(raw) > MAX_BYTES:
        raise _refuse(file, "too_large", size=f"{len(raw) / 1e6:.1f}", limit=f"{MAX_BYTES / 1e6:.0f}")
    if not raw.strip():
        raise _refuse(file, "empty_file", 1)
    sheets = read_xlsx_upload(raw, file) if raw[:2] == b"PK" else read_csv_upload(raw, file)
    blank_rows = sum(b for _, b in sheets.values())
    frames = {}
    for table, (data, blanks) in sheets.items():
        n_lines = data.count(b"\n")
        if n_lines - 1 > MAX_ROWS:
            raise _refuse(file, "too_many_rows", rows=n_lines - 1, limit=MAX_ROWS)
        where = file if raw[:2] != b"PK" else f"{file} [{table}]"
        try:
            frame, lines = parse_table(SPECS[table], _complete(data, table, where), where)
        except CatalogError as exc:
            if not (blanks and exc.first.code == "no_rows"):
                raise
            frame, lines = _empty(table), []   # only blanks: nothing to store
        frame.attrs["lines"] = lines
        frame.attrs["file"] = where
        frames[table] = frame
    frames["observations"].attrs["blank_rows"] = blank_rows
    return frames


def _keys(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """One string key per row; missing values become '' and whole years print without decimals."""
    def cell(v):
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)
    return pd.Series(["|".join(cell(v) for v in row) for row in zip(*(frame[c] for c in columns))], index=frame.index)


def _csv_bytes(frame: pd.DataFrame, columns: list[str]) -> bytes:
    out = frame[columns].copy()
    for c in ("year", "period_start", "valid_from", "valid_to", "base_year", "target_year"):
        if c in out.columns:
            out[c] = out[c].astype("Int64").astype(str).replace("<NA>", "")
    for c in out.columns:
        if out[c].dtype == bool:
            out[c] = out[c].map({True: "true", False: "" if c == "year_inferred" else "false"})
    if "value" in out.columns:
        out["value"] = [("" if pd.isna(v) else repr(round(float(v), 6)).removesuffix(".0")) for v in out["value"]]
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def prepare_upload(cat: Catalog, raw: bytes, file: str, current_files: dict[str, bytes], version_label: str = "")\
        -> UploadResult:
    """Validate an upload against the current version and describe what it would change."""
    frames = parse_upload(raw, file)
    obs_new = frames["observations"]
    src_new = frames.get("sources", _empty("sources"))
    used = set(obs_new["source_id"])
    unused = src_new[~src_new["source_id"].isin(used) & ~src_new["source_id"].isin(cat.sources["source_id"])]
    src_new = src_new[src_new["source_id"].isin(used)]   # a source no value uses is not added
    sources = pd.concat([cat.sources, src_new[~src_new["source_id"].isin(cat.sources["source_id"])]],
                        ignore_index=True)
    base = {"indicators": cat.indicators, "territories": cat.territories, "sources": sources,
            "vintages": cat.vintages, "breaks": cat.breaks, "gaps": cat.gaps, "documents": cat.documents,
            "targets": cat.targets}
    lines = {k: list(range(2, len(v) + 2)) for k, v in base.items()}
    tables = {**base, "observations": obs_new}
    lines["observations"] = obs_new.attrs["lines"]
    problems = [p for p in validate(tables, lines) if p.file == "observations.csv"]
    for p in problems:
        p.file = obs_new.attrs["file"]
    if problems:
        raise CatalogError(problems)

    current = cat.observations
    current = current[current["source_id"] != "lotrinh_models_derive"] if "inputs" in current.columns else current
    current = current[[c for c in SPECS["observations"].names]].copy()
    key_cur = _keys(current, KEY)
    key_new = _keys(obs_new, KEY)
    old_by_key = dict(zip(key_cur, current["value"]))
    is_new = ~key_new.isin(set(key_cur))
    added = obs_new[is_new.to_numpy()].copy()
    both = obs_new[(~is_new).to_numpy()].copy()
    both["old_value"] = [old_by_key[k] for k in key_new[~is_new]]
    revised = both[both["old_value"] != both["value"]]
    unchanged = int((both["old_value"] == both["value"]).sum())

    merged = current.copy()
    merged["_key"] = key_cur.to_numpy()
    upd = obs_new.copy()
    upd["_key"] = key_new.to_numpy()
    label = f" ({version_label})" if version_label else ""
    # an uploaded preferred value wins over another source's value for the same series and year
    series_key = ["territory_id", "indicator_id", "vintage", "year", "period_start"]
    pref_keys = set(_keys(upd.loc[upd["preferred"]], series_key))
    sk = _keys(merged, series_key)
    demote = sk.isin(pref_keys) & merged["preferred"] & ~merged["_key"].isin(set(upd["_key"]))
    merged.loc[demote, "preferred"] = False
    merged.loc[demote, "note"] = merged.loc[demote, "note"].astype(str) + f"; superseded by an uploaded value{label}"
    merged = pd.concat([merged[~merged["_key"].isin(set(upd["_key"]))], upd], ignore_index=True).drop(columns="_key")
    merged = merged.sort_values(["indicator_id", "territory_id", "vintage", "year", "source_id"]).reset_index(drop=True)

    files = dict(current_files)
    files["observations.csv"] = _csv_bytes(merged, SPECS["observations"].names)
    if len(src_new):
        files["sources.csv"] = _csv_bytes(sources, SPECS["sources"].names)
    return UploadResult(added=added, revised=revised, unchanged=unchanged,
                        new_sources=src_new[~src_new["source_id"].isin(cat.sources["source_id"])], files=files,
                        blank_rows=int(obs_new.attrs.get("blank_rows", 0)), unused_sources=len(unused))
