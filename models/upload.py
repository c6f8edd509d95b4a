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
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from models.forecast import QUANTILE_LEVELS
from models.catalog import (RELIABILITIES, SPECS, STATUSES, Catalog, CatalogError, Problem, parse_table, unknown_ref,
                            validate)
from models.texts import LANGS, t

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
KEY = ["territory_id", "indicator_id", "vintage", "year", "period_start", "source_id"]
HEADER_COLUMNS = ("territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier", "status",
                  "source_id", "preferred", "year_inferred", "formula", "note", "inputs",
                  "publisher", "title", "url", "published", "reliability")
HEADERS_VI = {c: t(f"header_{c}", "vi") for c in HEADER_COLUMNS}   # the catalogue's words; both are read back
HEADERS_EN = {c: t(f"header_{c}", "en") for c in HEADER_COLUMNS}
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
    derived_rows: int = 0            # derived rows (as in a downloaded catalogue): recomputed, not stored
    scale_factor: float | None = None    # many revisions by one large factor (×100, ÷100 …): ask before storing
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
DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")          # 61,5 typed as text in a workbook or a quoted CSV cell
AMBIGUOUS_COMMA = re.compile(r"^-?\d{1,3},\d{3}$")  # 1,234: a thousands separator or three decimals?
WORDED = ("status", "reliability")                  # columns whose codes the app shows as words
REF_TABLES = {"territory_id": "territories.csv", "indicator_id": "indicators.csv", "source_id": "sources.csv"}


def _coded(column: str) -> tuple[tuple[str, ...], str]:
    """A worded column's codes and the catalogue prefix of their words."""
    return (STATUSES, "status_") if column == "status" else (RELIABILITIES, "reliability_")


def choice_words(column: str) -> dict[str, str]:
    """The words the app shows for a coded column (both languages, any case) -> the stored code.

    A planner types what the screen says ("chính thức", "Sơ bộ", "high"); the code is stored.
    """
    codes, prefix = _coded(column)
    words = {c: c for c in codes}
    for c in codes:
        for lang in LANGS:
            words[unicodedata.normalize("NFC", t(prefix + c, lang)).strip().lower()] = c
    return words


def shown_choices(column: str) -> dict[str, str]:
    """The allowed words of a coded column as the app shows them, per language (for a refusal's message)."""
    codes, prefix = _coded(column)
    return {lang: ", ".join(t(prefix + c, lang) for c in codes) for lang in LANGS}


MAX_UNZIPPED = 50 * 1024 * 1024      # an XLSX whose parts decompress past this is refused unread
MAX_FIELD = 5_000                    # characters in one cell
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DERIVED = "lotrinh_models_derive"    # derived values are recomputed, never uploaded
CHART_ONLY = ("series", *QUANTILE_LEVELS)   # columns of a downloaded chart's data (the forecast's quantile names)


def _clean_cell(text: str, where: str, row: int, column: str) -> str:
    """NFC, no control characters, bounded length; a downloaded cell's neutralising apostrophe is removed."""
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_FIELD:
        raise _refuse(where, "field_too_long", row, column, length=len(text), limit=MAX_FIELD)
    if CONTROL.search(text):
        char = ord(CONTROL.search(text).group(0))
        raise _refuse(where, "control_char", row, column, char=f"U+{char:04X}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        text = text[1:]
    return text


def _rows_to_csv(rows: list[list[str]], numeric_comma: bool, where: str = "") -> tuple[bytes, dict]:
    """Rebuild a clean CSV (machine headers) so the catalogue's parser and messages apply unchanged.

    A row whose value cell is empty is a blank still to be filled (the data-request template has
    them), and a derived row (recomputed by the app, as in a downloaded catalogue) is not data to
    store: both become empty lines, so they store nothing and every other row keeps its row number.
    Returns the bytes and the counts {"blank": …, "derived": …, "columns": the columns the file carried}.
    """
    header = _normalise_header([_clean_cell(c, where, 1, c) for c in rows[0]])
    chart = "series" in header            # a downloaded chart: its observed rows are data, its forecast rows are not
    keep = [j for j, h in enumerate(header) if not (chart and h in CHART_ONLY)]
    si_series = header.index("series") if chart else None
    if chart:
        rows = [rows[0]] + [r if (si_series < len(r) and r[si_series].strip() == "observed") else [""] * len(r)
                            for r in rows[1:]]
        rows = [[r[j] if j < len(r) else "" for j in keep] for r in rows]
        header = [header[j] for j in keep]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    vi = header.index("value") if "value" in header else None
    si = header.index("source_id") if "source_id" in header else None
    counts = {"blank": 0, "derived": 0, "columns": list(header)}
    words = {h: choice_words(h) for h in WORDED if h in header}
    for i, r in enumerate(rows[1:], start=2):
        r = list(r) + [""] * (len(header) - len(r)) if len(r) < len(header) else list(r)
        r = [_clean_cell(c, where, i, header[j] if j < len(header) else f"#{j + 1}") for j, c in enumerate(r)]
        if si is not None and r[si].strip() == DERIVED:
            counts["derived"] += 1
            w.writerow([""] * len(header))
            continue
        keyed = all(r[header.index(c)].strip() for c in ("territory_id", "indicator_id") if c in header)
        if vi is not None and not r[vi].strip() and keyed and any(c.strip() for c in r):
            counts["blank"] += 1
            w.writerow([""] * len(header))
            continue
        if numeric_comma:
            r = [(c.replace(".", "").replace(",", ".") if h in NUMERIC and VN_NUMBER.match(c.strip()) else c)
                 for h, c in zip(header, r)] + r[len(header):]
        else:   # a decimal comma is read as one unless it could be a thousands separator
            r = [(c.strip().replace(",", ".") if h in NUMERIC and DECIMAL_COMMA.match(c.strip())
                  and not AMBIGUOUS_COMMA.match(c.strip()) else c) for h, c in zip(header, r)] + r[len(header):]
        for j, h in enumerate(header):
            if h in words and j < len(r) and r[j].strip():
                r[j] = words[h].get(unicodedata.normalize("NFC", r[j]).strip().lower(), r[j])
        w.writerow(r)
    return buf.getvalue().encode("utf-8"), counts


def _complete(csv_bytes: bytes, table: str, file: str) -> bytes:
    """Add the optional observation columns a planner may leave out (empty = default)."""
    text = csv_bytes.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return csv_bytes
    header = rows[0]
    names = SPECS[table].names
    missing_optional = [c for c in names if c not in header and (table == "observations" and c in OPTIONAL_OBS
                                                                  or table == "sources" and c in ("note", "published", "url"))]
    if not missing_optional:
        return csv_bytes
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header + missing_optional)
    for r in rows[1:]:
        if not any(c.strip() for c in r):
            w.writerow(r)                    # a skipped row stays empty (its row number is kept)
            continue
        fill = ["true" if c == "preferred" else "" for c in missing_optional]
        w.writerow(r + fill if len(r) == len(header) else r)
    return out.getvalue().encode("utf-8")


def read_csv_upload(raw: bytes, file: str) -> dict[str, tuple[bytes, dict]]:
    """Comma, Vietnamese-Excel semicolon (decimal commas) or tab-separated text."""
    from models.catalog import _decode

    text = _decode(raw, file)
    first = text.splitlines()[0] if text.splitlines() else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for r in reader:
            rows.append(r)
            if len(rows) > MAX_ROWS + 1:
                raise _refuse(file, "too_many_rows", rows=f"> {MAX_ROWS}", limit=MAX_ROWS)
    except csv.Error as exc:
        code = "field_too_long" if "field larger" in str(exc) else "bad_csv"
        raise _refuse(file, code, max(reader.line_num, 1), length="> 131072", limit=MAX_FIELD, error=str(exc)) from None
    if not rows or not any(c.strip() for c in rows[0]):
        raise _refuse(file, "empty_file", 1)
    data, info = _rows_to_csv(rows, numeric_comma=delimiter == ";", where=file)
    info["delimiter"] = delimiter
    return {"observations": (data, info)}


def _xlsx_members(raw: bytes, file: str):
    import zipfile

    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(file, "bad_workbook", error=exc.__class__.__name__) from None
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        raise _refuse(file, "too_large_unzipped", size=f"{total / 1e6:.0f}", limit=f"{MAX_UNZIPPED / 1e6:.0f}")
    return zf


def _merged_cells(zf, sheet_index: int) -> str | None:
    """The first merged range of the sheet at this position, read from its XML (read-only mode cannot say)."""
    name = f"xl/worksheets/sheet{sheet_index + 1}.xml"
    try:
        xml = zf.read(name)
    except KeyError:
        return None
    m = re.search(rb'<mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"', xml)
    return m.group(1).decode() if m else None


def read_xlsx_upload(raw: bytes, file: str) -> dict[str, tuple[bytes, dict]]:
    """Every sheet streamed in read-only mode and stopped at the row limit; a lone sheet is the observations."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    zf = _xlsx_members(raw, file)
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:   # malformed or hostile XML, missing parts: every reader error is a refusal
        raise _refuse(file, "bad_workbook", error=exc.__class__.__name__) from None
    out: dict[str, tuple[bytes, dict]] = {}
    names_lower = [n.strip().lower() for n in wb.sheetnames]
    for table, names in SHEET_NAMES.items():
        idx = next((i for i, n in enumerate(names_lower) if n in names), None)
        if idx is None and table == "observations" and len(wb.sheetnames) == 1:
            idx = 0                 # a single-sheet workbook ("Sheet", "Sheet1", "Trang tính1") is the observations
        if idx is None:
            continue
        ws = wb[wb.sheetnames[idx]]
        where = f"{file} [{ws.title}]"
        merged = _merged_cells(zf, idx)
        if merged:
            first = re.match(r"([A-Z]+)([0-9]+)", merged)
            raise _refuse(where, "merged_cells", int(first.group(2)), first.group(1), cells=merged)
        rows: list[list[str]] = []
        try:
            for r_i, r in enumerate(ws.iter_rows(), start=1):
                if r_i > MAX_ROWS + 1:
                    raise _refuse(where, "too_many_rows", rows=f"> {MAX_ROWS}", limit=MAX_ROWS)
                cells = []
                for c_i, c in enumerate(r, start=1):
                    v = getattr(c, "value", None)
                    if getattr(c, "data_type", None) == "f" or (isinstance(v, str) and v.startswith("=")):
                        coord = f"{get_column_letter(c_i)}{r_i}"
                        raise _refuse(where, "formula_cell", r_i, get_column_letter(c_i), cell=coord)
                    if v is None:
                        cells.append("")
                    elif isinstance(v, bool):
                        cells.append("true" if v else "false")
                    elif isinstance(v, float) and v.is_integer():
                        cells.append(str(int(v)))
                    else:
                        cells.append(str(v))
                rows.append(cells)
        except CatalogError:
            raise
        except Exception as exc:
            raise _refuse(where, "bad_workbook", error=exc.__class__.__name__) from None
        while rows and not any(x.strip() for x in rows[-1]):
            rows.pop()
        if not rows or (table == "sources" and len(rows) == 1):
            if table == "observations":
                raise _refuse(where, "empty_sheet", 1)
            continue   # the optional sources sheet may be left with its header only
        out[table] = _rows_to_csv(rows, numeric_comma=False, where=where)
    wb.close()
    if "observations" not in out:
        raise _refuse(file, "no_sheet", sheets=", ".join(wb.sheetnames))
    return out


def _empty(table: str) -> pd.DataFrame:
    """A table with no rows but the column types the parser gives."""
    kinds = {c.name: c.kind for c in SPECS[table].columns}
    dtype = {"int": "Int64", "float": "float64", "bool": bool}
    return pd.DataFrame({c: pd.Series(dtype=dtype.get(k, "str")) for c, k in kinds.items()})


def _explain(problem: Problem) -> Problem:
    """A refusal in the planner's words: the allowed words the app shows, an ambiguous comma named as such."""
    if problem.code == "not_allowed" and problem.column in WORDED:
        problem.params = {**problem.params, "allowed": shown_choices(problem.column)}
    elif problem.code == "not_number" and AMBIGUOUS_COMMA.match(str(problem.params.get("value", "")).strip()):
        problem.code = "ambiguous_number"
    return problem


def _raw_refs(data: bytes, where: str, refs: dict[str, set], tables: dict[str, str]) -> list[Problem]:
    """Unknown ids in rows that did not parse, so a typo is reported with the other problems of its row."""
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(reader, [])
    cols = [(j, h) for j, h in enumerate(header) if h in refs]
    out = []
    for r in reader:
        for j, h in cols:
            v = r[j].strip() if j < len(r) else ""
            if v and v not in refs[h]:
                out.append(unknown_ref(where, reader.line_num, h, v, refs[h], tables[h]))
    return out


def parse_upload(raw: bytes, file: str, refs: dict[str, set] | None = None) -> dict[str, pd.DataFrame]:
    """Bytes of an uploaded CSV/XLSX -> typed frames of observations (and sources), or CatalogError.

    `refs` (column -> known ids) lets a sheet that does not parse also report its unknown ids, in one list.
    """
    if len(raw) > MAX_BYTES:
        raise _refuse(file, "too_large", size=f"{len(raw) / 1e6:.1f}", limit=f"{MAX_BYTES / 1e6:.0f}")
    if not raw.strip():
        raise _refuse(file, "empty_file", 1)
    is_zip = raw[:2] == b"PK"
    suffix = file.lower().rsplit(".", 1)[-1] if "." in file else ""
    if suffix in ("xlsx", "xlsm") and not is_zip:
        raise _refuse(file, "type_mismatch", named="XLSX", found=("CSV" if b"," in raw[:2000] or b";" in raw[:2000] else "text"))
    if suffix in ("csv", "txt", "tsv") and is_zip:
        raise _refuse(file, "type_mismatch", named="CSV", found="XLSX/ZIP")
    sheets = read_xlsx_upload(raw, file) if is_zip else read_csv_upload(raw, file)
    blank_rows = sum(info["blank"] for _, info in sheets.values())
    frames: dict[str, pd.DataFrame] = {}
    failed: list[tuple] = []
    for table, (data, info) in sorted(sheets.items(), key=lambda kv: kv[0] != "sources"):   # sources first
        blanks = info["blank"] + info["derived"]
        n_lines = data.count(b"\n")
        if n_lines - 1 > MAX_ROWS:
            raise _refuse(file, "too_many_rows", rows=n_lines - 1, limit=MAX_ROWS)
        where = file if raw[:2] != b"PK" else f"{file} [{table}]"
        try:
            frame, lines = parse_table(SPECS[table], _complete(data, table, where), where)
        except CatalogError as exc:
            if not (blanks and exc.first.code == "no_rows"):
                failed.append((table, data, where, [_explain(p) for p in exc.problems]))
                continue
            frame, lines = _empty(table), []   # only blanks: nothing to store
        frame.attrs["lines"] = lines
        frame.attrs["file"] = where
        frames[table] = frame
    if failed:
        problems = []
        for table, data, where, found in failed:
            if table == "observations" and refs and found[0].code not in ("missing_column", "extra_column",
                                                                           "duplicate_column"):
                known = dict(refs)
                if "sources" in frames:
                    known["source_id"] = set(known.get("source_id", set())) | set(frames["sources"]["source_id"])
                seen = {(p.row, p.column) for p in found}
                found += [p for p in _raw_refs(data, where, known, REF_TABLES) if (p.row, p.column) not in seen]
                order = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")), [])   # as the columns stand
                found.sort(key=lambda p: (p.row or 0, order.index(p.column) if p.column in order else -1))
            problems += found
        raise CatalogError(problems)
    obs_info = sheets["observations"][1]
    frames["observations"].attrs.update(blank_rows=blank_rows, derived_rows=obs_info["derived"],
                                        columns=obs_info["columns"], delimiter=obs_info.get("delimiter", ""))
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


SUSPECT_FACTORS = (100.0, 0.01, 1000.0, 0.001, 1_000_000.0, 0.000_001)


def _common_factor(revised: pd.DataFrame, min_rows: int = 3) -> float | None:
    """The factor most revisions share when it looks like a unit slip (a share typed as a fraction, thousands)."""
    if len(revised) < min_rows:
        return None
    old = revised["old_value"].to_numpy(dtype=float)
    new = revised["value"].to_numpy(dtype=float)
    ok = old != 0
    ratio = new[ok] / old[ok]
    for f in SUSPECT_FACTORS:
        near = np.abs(ratio / f - 1) < 0.02
        if near.sum() >= min_rows and near.mean() >= 0.5:
            return f
    return None


def prepare_upload(cat: Catalog, raw: bytes, file: str, current_files: dict[str, bytes], version_label: str = "")\
        -> UploadResult:
    """Validate an upload against the current version and describe what it would change."""
    frames = parse_upload(raw, file, refs={"territory_id": set(cat.territories["territory_id"]),
                                           "indicator_id": set(cat.indicators["indicator_id"]),
                                           "source_id": set(cat.sources["source_id"])})
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
    scale = _common_factor(revised)

    merged = current.copy()
    merged["_key"] = key_cur.to_numpy()
    upd = obs_new.copy()
    upd["_key"] = key_new.to_numpy()
    # nothing else changes: a column the file did not carry keeps its stored value on every row it revises
    carried = set(obs_new.attrs.get("columns", SPECS["observations"].names))
    stored = merged.set_index("_key")
    known = upd["_key"].isin(stored.index)
    for col in SPECS["observations"].names:
        if col not in carried and known.any():
            upd.loc[known, col] = stored.loc[upd.loc[known, "_key"], col].to_numpy()
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
                        blank_rows=int(obs_new.attrs.get("blank_rows", 0)), unused_sources=len(unused),
                        derived_rows=int(obs_new.attrs.get("derived_rows", 0)), scale_factor=scale)
