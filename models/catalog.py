"""Load and validate the indicator catalogue and the target registry in `data/`.

Every file is read with the csv module first (so a bad cell can be named by its line
and column) and only then turned into typed pandas frames. A bad file raises
`CatalogError`, which names the file, the row (1 = header line, as a spreadsheet shows
it) and the column, in Vietnamese and English.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path


import numpy as np
import pandas as pd

from models import config
from models.messages import render

DATA_DIR = config.BUNDLED_DATA
YEAR_MIN, YEAR_MAX = 1945, 2100
STATUSES = ("official", "preliminary", "estimate", "derived", "proxy")
RELIABILITIES = ("high", "medium", "low")
DOC_NUMBER = re.compile(r"\d+\s*[-/][A-ZĐ]")   # a document code: 402-KH/TU, 325/QĐ-TTg, 52-NQ/TW
QUALIFIERS = ("", "approx", "lower_bound", "upper_bound")
TARGET_KINDS = ("level_at_least", "level_at_most", "average_growth_at_least", "coverage_full",
                "relative_to_region", "qualitative")
ID_RE = re.compile(r"^[a-z0-9_]+$")
RATE_UNITS = ("% per year", "% year on year")   # growth rates: forecast by their mean, never on a log scale
# money per head at current prices (GRDP per capita, labour productivity, income): a short trend keeps its whole drift.
# On series of this kind (US states' per capita income in two panels, 1963–92 and 1983–97; Viet Nam's labour productivity,
# 2005–2020) outcomes fell above the shrunk median 93–100% of the time with 2–3 points; keeping the whole drift lowered MASE
# at every length on both US panels, learning and held out (−9 to −50%), and on Viet Nam's with 2–3 points (−4%, −6%). It
# did worse on Viet Nam's 5-point history ending in 2011, after years of about 20% nominal growth a year
# (benchmarks/short_drift.py, "Money per head at current prices").
PER_HEAD_MONEY_UNITS = ("million VND per person", "million VND per employed worker", "million VND per labour-force member",
                        "million VND per person per year")


# --------------------------------------------------------------------------- errors
@dataclass
class Problem:
    """One thing wrong with one cell (or row, or file)."""

    file: str
    row: int | None
    column: str | None
    code: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        from models.texts import t

        where = t("msg_where_file", lang, file=self.file)
        if self.row is not None:
            where += t("msg_where_row", lang, row=self.row)
        if self.column:
            where += t("msg_where_column", lang, column=self.column)
        return f"{where}: {render(self.code, lang, **self.params)}"


class CatalogError(ValueError):
    """Raised when a data file is malformed; holds every problem found (up to a limit)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.message("en") + " | " + self.message("vi"))

    def message(self, lang: str = "vi", limit: int = 5) -> str:
        lines = [p.message(lang) for p in self.problems[:limit]]
        more = len(self.problems) - limit
        if more > 0:
            from models.texts import t
            lines.append(t("msg_more", lang, n=more))
        return "\n".join(lines)

    @property
    def first(self) -> Problem:
        return self.problems[0]


# --------------------------------------------------------------------------- table specs
@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "str"          # str | id | int | float | bool | date
    required: bool = False
    allowed: tuple | None = None


@dataclass(frozen=True)
class TableSpec:
    file: str
    columns: tuple[Col, ...]
    key: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


SPECS: dict[str, TableSpec] = {
    "indicators": TableSpec("indicators.csv", (
        Col("indicator_id", "id", True), Col("name_vi", required=True), Col("name_en", required=True),
        Col("unit_vi", required=True), Col("unit_en", required=True),
        Col("direction", required=True, allowed=("higher", "lower", "neutral")),
        Col("lower_bound", "float"), Col("upper_bound", "float"), Col("additive", "bool", True),
        Col("pillar", required=True, allowed=("economy", "digital_infrastructure", "digital_government",
                                                "innovation", "context")),
        Col("formula"), Col("description_vi"), Col("description_en"),
    ), key=("indicator_id",)),
    "territories": TableSpec("territories.csv", (
        Col("territory_id", "id", True), Col("name_vi", required=True), Col("name_en", required=True),
        Col("kind", required=True, allowed=("country", "region", "province")), Col("parent_id", "id"),
        Col("valid_from", "int"), Col("valid_to", "int"), Col("note"),
    ), key=("territory_id",)),
    "sources": TableSpec("sources.csv", (
        Col("source_id", "id", True), Col("publisher", required=True), Col("title", required=True),
        Col("url"), Col("published", "date"),
        Col("reliability", required=True, allowed=RELIABILITIES), Col("note"),
    ), key=("source_id",)),
    "vintages": TableSpec("vintages.csv", (
        Col("indicator_id", required=True), Col("vintage", "id", True), Col("label_vi", required=True),
        Col("label_en", required=True),
    ), key=("indicator_id", "vintage")),
    "breaks": TableSpec("breaks.csv", (
        Col("indicator_id", required=True), Col("territory_id", required=True), Col("year", "int", True),
        Col("vintage_before"), Col("vintage_after"), Col("description_vi", required=True),
        Col("description_en", required=True),
    )),
    "observations": TableSpec("observations.csv", (
        Col("territory_id", "id", True), Col("indicator_id", "id", True), Col("vintage", "id", True),
        Col("year", "int", True), Col("period_start", "int"), Col("value", "float", True),
        Col("qualifier", allowed=QUALIFIERS), Col("status", required=True, allowed=STATUSES),
        Col("source_id", "id", True), Col("preferred", "bool", True), Col("year_inferred", "bool"),
        Col("formula"), Col("note"),
    ), key=("territory_id", "indicator_id", "vintage", "year", "period_start", "source_id")),
    "gaps": TableSpec("gaps.csv", (
        Col("territory_id", "id", True), Col("indicator_id", "id", True), Col("year", required=True),
        Col("note"),
    )),
    "documents": TableSpec("documents.csv", (
        Col("document_id", "id", True), Col("number", required=True), Col("date", "date"),
        Col("issuer_vi", required=True), Col("issuer_en", required=True), Col("title_vi", required=True),
        Col("title_en", required=True), Col("source_id", "id", True), Col("note"),
    ), key=("document_id",)),
    "targets": TableSpec("targets.csv", (
        Col("target_id", "id", True), Col("document_id", "id", True), Col("clause_vi", required=True),
        Col("clause_en", required=True), Col("indicator_id", "id"), Col("territory_id", "id", True),
        Col("assess_territory_id", "id", True), Col("target_year", "int", True),
        Col("kind", required=True, allowed=TARGET_KINDS), Col("value", "float"), Col("base_year", "int"),
        Col("tolerance", "float"), Col("reference_territory_id", "id"), Col("supersedes"),
        Col("conflicts_with"), Col("pillar", required=True, allowed=("economy", "digital_infrastructure",
                                                                        "digital_government", "innovation", "context")),
        Col("evidence_indicators"), Col("note"),
    ), key=("target_id",)),
}
LOAD_ORDER = ("indicators", "territories", "sources", "vintages", "breaks", "observations", "gaps",
              "documents", "targets")


# --------------------------------------------------------------------------- parsing
def _decode(raw: bytes, file: str) -> str:
    if not raw.strip():
        raise CatalogError([Problem(file, 1, None, "empty_file")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError([Problem(file, line, None, "encoding", {"byte": f"0x{raw[exc.start]:02x}"})]) from None


def _parse_cell(col: Col, text: str, file: str, row: int, problems: list[Problem]):
    text = text.strip()
    if text == "":
        if col.required:
            problems.append(Problem(file, row, col.name, "required"))
        return None
    if col.allowed is not None and text not in col.allowed:
        problems.append(Problem(file, row, col.name, "not_allowed",
                                {"value": text, "allowed": ", ".join(a for a in col.allowed if a)}))
        return None
    if col.kind == "id":
        if not ID_RE.match(text):
            problems.append(Problem(file, row, col.name, "bad_id", {"value": text}))
            return None
        return text
    if col.kind == "float":
        try:
            value = float(text)
        except ValueError:
            problems.append(Problem(file, row, col.name, "not_number", {"value": text}))
            return None
        if not np.isfinite(value):
            problems.append(Problem(file, row, col.name, "not_number", {"value": text}))
            return None
        return value
    if col.kind == "int":
        if not re.fullmatch(r"-?\d+", text):
            problems.append(Problem(file, row, col.name, "not_integer", {"value": text}))
            return None
        return int(text)
    if col.kind == "bool":
        if text.lower() not in ("true", "false"):
            problems.append(Problem(file, row, col.name, "not_bool", {"value": text}))
            return None
        return text.lower() == "true"
    if col.kind == "date":
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            problems.append(Problem(file, row, col.name, "bad_date", {"value": text}))
            return None
        return text
    if text[0] in "=+@\t\r":   # a leading '-' (a bullet, a negative number) is harmless: exports neutralise it
        problems.append(Problem(file, row, col.name, "formula_chars", {"value": text[:12]}))
        return None
    return text


def parse_table(spec: TableSpec, raw: bytes, file: str | None = None) -> tuple[pd.DataFrame, list[int]]:
    """Parse one CSV against its spec. Returns the frame and each row's line number."""
    file = file or spec.file
    text = _decode(raw, file)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogError([Problem(file, 1, None, "empty_file")]) from None
    header = [h.strip() for h in header]
    problems: list[Problem] = []
    seen: set[str] = set()
    for h in header:
        if h in seen:
            problems.append(Problem(file, 1, h, "duplicate_column", {"column": h}))
        seen.add(h)
        if h not in spec.names:
            problems.append(Problem(file, 1, h, "extra_column", {"column": h}))
    for name in spec.names:
        if name not in header:
            problems.append(Problem(file, 1, name, "missing_column", {"column": name}))
    if problems:
        raise CatalogError(problems)
    records: list[dict] = []
    lines: list[int] = []
    keys: dict[tuple, int] = {}
    cols = {c.name: c for c in spec.columns}
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append(Problem(file, line, None, "field_count", {"found": len(fields), "expected": len(header)}))
            continue
        rec = {h: _parse_cell(cols[h], f, file, line, problems) for h, f in zip(header, fields)}
        if spec.key:
            key = tuple(rec[k] for k in spec.key)
            if key in keys:
                problems.append(Problem(file, line, spec.key[0], "duplicate_key",
                                        {"key": "/".join("" if k is None else str(k) for k in key), "other": keys[key]}))
            else:
                keys[key] = line
        records.append(rec)
        lines.append(line)
        if len(problems) > 200:
            break
    if problems:
        raise CatalogError(problems)
    if not records:
        raise CatalogError([Problem(file, 2, None, "no_rows")])
    frame = pd.DataFrame.from_records(records, columns=spec.names)
    for c in spec.columns:
        if c.kind in ("int",):
            frame[c.name] = frame[c.name].astype("Int64")
        elif c.kind == "float":
            frame[c.name] = frame[c.name].astype("float64")
        elif c.kind == "bool":
            frame[c.name] = frame[c.name].fillna(False).astype(bool)
        else:
            frame[c.name] = frame[c.name].fillna("").astype(str)
    return frame, lines


# --------------------------------------------------------------------------- the catalogue
def exact_yearly(obs: pd.DataFrame, indicator_id: str | None = None) -> pd.DataFrame:
    """Rows that are a value for one year (no bound, no multi-year period): what any series may be built from."""
    keep = (obs["qualifier"] == "") & obs["period_start"].isna()
    if indicator_id is not None:
        keep &= obs["indicator_id"] == indicator_id
    return obs[keep]


@dataclass(frozen=True)
class SeriesChoice:
    """The series a forecast of one territory's indicator is made from, and why: levels of different vintages
    are never joined, so one vintage is used — the one reaching the latest year, then the one with most points.
    `others`: the vintages not used, as (vintage, first year, last year, points)."""

    vintage: str
    values: pd.Series                  # index: int years
    others: tuple[tuple[str, int, int, int], ...] = ()


@dataclass
class Catalog:
    """All tables of one data version, validated against each other."""

    indicators: pd.DataFrame
    territories: pd.DataFrame
    sources: pd.DataFrame
    vintages: pd.DataFrame
    breaks: pd.DataFrame
    observations: pd.DataFrame
    gaps: pd.DataFrame
    documents: pd.DataFrame
    targets: pd.DataFrame
    data_dir: Path | None = None

    def indicator(self, indicator_id: str) -> pd.Series:
        return self.indicators.set_index("indicator_id").loc[indicator_id]

    def labels(self, table: str, lang: str = "vi", field: str = "name") -> dict[str, str]:
        """id -> name (or unit) in `lang`, for `table` 'indicators' or 'territories': what pages show for an id."""
        frame = getattr(self, table)
        key = "indicator_id" if table == "indicators" else "territory_id"
        return dict(zip(frame[key], frame[f"{field}_{lang}"]))

    def document_label(self, document_id: str, lang: str = "vi") -> str:
        return document_label(self.documents, document_id, lang)

    def vintage_label(self, indicator_id: str, vintage: str, lang: str = "vi") -> str:
        """A vintage as the planner reads it ('GSO PX-Web, concept from 2021'); the id when it has no label."""
        v = self.vintages
        hit = v[(v["vintage"] == vintage) & v["indicator_id"].isin([indicator_id, "*"])]
        return str(hit.iloc[0][f"label_{lang}"]) if len(hit) else str(vintage)

    def series_label(self, series_id: str, lang: str = "vi") -> str:
        """'territory:indicator:vintage' as words: indicator · territory · vintage."""
        parts = str(series_id).split(":")
        if len(parts) != 3:
            return str(series_id)
        territory, indicator, vintage = parts
        ind = self.indicators.set_index("indicator_id")
        terr = self.territories.set_index("territory_id")
        name = ind.loc[indicator, f"name_{lang}"] if indicator in ind.index else indicator
        place = terr.loc[territory, f"name_{lang}"] if territory in terr.index else territory
        return f"{name} · {place} · {self.vintage_label(indicator, vintage, lang)}"

    def used(self) -> pd.DataFrame:
        """The values any series, forecast or check may use: preferred, exact, yearly (the one filter)."""
        memo = self.__dict__.get("_used")
        if memo is None or memo[0] is not self.observations:     # once per observations frame (pages ask often)
            o = exact_yearly(self.observations)
            memo = (self.observations, o[o["preferred"]])
            self.__dict__["_used"] = memo
        return memo[1]

    def values(self, territory_id: str, indicator_id: str) -> pd.DataFrame:
        """One territory's used values of one indicator, every vintage, sorted by year."""
        u = self.used()
        return u[(u["territory_id"] == territory_id) & (u["indicator_id"] == indicator_id)].sort_values("year")

    def series_used(self, territory_id: str, indicator_id: str) -> SeriesChoice | None:
        """The one rule for which of a territory's vintages a forecast uses (see SeriesChoice); None: no value."""
        o = self.values(territory_id, indicator_id)
        if o.empty:
            return None
        stats = (o.groupby("vintage")["year"].agg(["min", "max", "count"])
                 .sort_values(["max", "count"], ascending=False))
        v = stats.index[0]
        g = o[o["vintage"] == v]
        others = tuple((str(k), int(r["min"]), int(r["max"]), int(r["count"])) for k, r in stats.iloc[1:].iterrows())
        return SeriesChoice(str(v), pd.Series(g["value"].to_numpy(dtype=float), index=g["year"].astype(int).to_numpy()),
                            others)

    def keeps_drift(self, indicator_id: str) -> bool:
        """Money per head at current prices: its short trend is not shrunk towards no change (PER_HEAD_MONEY_UNITS)."""
        return self.indicator(indicator_id)["unit_en"] in PER_HEAD_MONEY_UNITS

    def forecast_bounds(self, indicator_id: str) -> tuple[float | None, float | None, bool]:
        """(lower, upper, is_rate) for forecasting: a rate's -100% floor is physical but not a log-scale bound."""
        row = self.indicator(indicator_id)
        lo = None if pd.isna(row["lower_bound"]) else float(row["lower_bound"])
        hi = None if pd.isna(row["upper_bound"]) else float(row["upper_bound"])
        rate = row["unit_en"] in RATE_UNITS
        return (None if rate else lo), hi, rate


def _check_refs(frame: pd.DataFrame, lines: list[int], file: str, column: str, valid: set, table: str,
                problems: list[Problem], allow_star: bool = False, multi: bool = False) -> None:
    for value, line in zip(frame[column], lines):
        if value in ("", None):
            continue
        values = str(value).split(";") if multi else [value]
        for v in values:
            if allow_star and v == "*":
                continue
            if v not in valid:
                problems.append(unknown_ref(file, line, column, v, valid, table))


def unknown_ref(file: str, line: int | None, column: str, value: str, valid: set, table: str) -> Problem:
    """An id that is not in its table, with the closest existing id when one is near (a typo)."""
    near = difflib.get_close_matches(str(value), sorted(str(x) for x in valid), n=1, cutoff=0.8)
    if near:
        return Problem(file, line, column, "unknown_ref_like", {"value": value, "table": table, "suggestion": near[0]})
    return Problem(file, line, column, "unknown_ref", {"value": value, "table": table})


def validate(tables: dict[str, pd.DataFrame], lines: dict[str, list[int]]) -> list[Problem]:
    """Cross-table checks: ids that must exist, bounds, years, territory periods, preferred values."""
    problems: list[Problem] = []
    ind = tables["indicators"].set_index("indicator_id")
    ind_ids = set(ind.index)
    terr = tables["territories"].set_index("territory_id")
    terr_ids = set(terr.index)
    src_ids = set(tables["sources"]["source_id"])
    vint = set(zip(tables["vintages"]["indicator_id"], tables["vintages"]["vintage"]))
    doc_ids = set(tables["documents"]["document_id"])

    _check_refs(tables["territories"], lines["territories"], "territories.csv", "parent_id", terr_ids,
                "territories.csv", problems)
    _check_refs(tables["vintages"], lines["vintages"], "vintages.csv", "indicator_id", ind_ids,
                "indicators.csv", problems, allow_star=True)
    _check_refs(tables["breaks"], lines["breaks"], "breaks.csv", "indicator_id", ind_ids, "indicators.csv",
                problems, allow_star=True)
    _check_refs(tables["breaks"], lines["breaks"], "breaks.csv", "territory_id", terr_ids, "territories.csv",
                problems, allow_star=True)

    obs, ol = tables["observations"], lines["observations"]
    f = "observations.csv"
    _check_refs(obs, ol, f, "territory_id", terr_ids, "territories.csv", problems)
    _check_refs(obs, ol, f, "indicator_id", ind_ids, "indicators.csv", problems)
    _check_refs(obs, ol, f, "source_id", src_ids, "sources.csv", problems)
    preferred_seen: dict[tuple, int] = {}
    for rec, line in zip(obs.itertuples(index=False), ol):
        if rec.indicator_id in ind_ids and (rec.indicator_id, rec.vintage) not in vint and ("*", rec.vintage) not in vint:
            valid_v = {v for i, v in vint if i in (rec.indicator_id, "*")}
            problems.append(unknown_ref(f, line, "vintage", rec.vintage, valid_v, "vintages.csv"))
        year = int(rec.year)
        if not YEAR_MIN <= year <= YEAR_MAX:
            problems.append(Problem(f, line, "year", "year_range", {"value": year, "lower": YEAR_MIN, "upper": YEAR_MAX}))
        if not pd.isna(rec.period_start) and int(rec.period_start) >= year:
            problems.append(Problem(f, line, "period_start", "bad_period", {"value": int(rec.period_start), "year": year}))
        if rec.territory_id in terr_ids:
            t = terr.loc[rec.territory_id]
            lo = None if pd.isna(t["valid_from"]) else int(t["valid_from"])
            hi = None if pd.isna(t["valid_to"]) else int(t["valid_to"])
            reconstructed = rec.status == "derived"   # e.g. the merged province summed backwards
            if (lo is not None and year < lo and not reconstructed) or (hi is not None and year > hi):
                problems.append(Problem(f, line, "year", "territory_period",
                                        {"territory": rec.territory_id, "value": year,
                                         "valid": f"{lo or '…'}–{hi or '…'}"}))
        if rec.indicator_id in ind_ids:
            lo_b, hi_b = ind.loc[rec.indicator_id, "lower_bound"], ind.loc[rec.indicator_id, "upper_bound"]
            if (not pd.isna(lo_b) and rec.value < lo_b) or (not pd.isna(hi_b) and rec.value > hi_b):
                problems.append(Problem(f, line, "value", "out_of_bounds",
                                        {"value": rec.value, "indicator": rec.indicator_id,
                                         "lower": "" if pd.isna(lo_b) else lo_b, "upper": "" if pd.isna(hi_b) else hi_b}))
        if rec.preferred:
            key = (rec.territory_id, rec.indicator_id, rec.vintage, year,
                   None if pd.isna(rec.period_start) else int(rec.period_start))
            if key in preferred_seen:
                problems.append(Problem(f, line, "preferred", "two_preferred",
                                        {"key": "/".join(str(k) for k in key if k is not None), "other": preferred_seen[key]}))
            else:
                preferred_seen[key] = line

    _check_refs(tables["gaps"], lines["gaps"], "gaps.csv", "territory_id", terr_ids, "territories.csv", problems)
    _check_refs(tables["gaps"], lines["gaps"], "gaps.csv", "indicator_id", ind_ids, "indicators.csv", problems)
    _check_refs(tables["documents"], lines["documents"], "documents.csv", "source_id", src_ids, "sources.csv", problems)

    tg, tl = tables["targets"], lines["targets"]
    f = "targets.csv"
    target_ids = set(tg["target_id"])
    _check_refs(tg, tl, f, "document_id", doc_ids, "documents.csv", problems)
    _check_refs(tg, tl, f, "indicator_id", ind_ids, "indicators.csv", problems)
    for col in ("territory_id", "assess_territory_id", "reference_territory_id"):
        _check_refs(tg, tl, f, col, terr_ids, "territories.csv", problems)
    for col in ("supersedes", "conflicts_with"):
        _check_refs(tg, tl, f, col, target_ids, "targets.csv", problems, multi=True)
    _check_refs(tg, tl, f, "evidence_indicators", ind_ids, "indicators.csv", problems, multi=True)
    for rec, line in zip(tg.itertuples(index=False), tl):
        year = int(rec.target_year)
        if not YEAR_MIN <= year <= YEAR_MAX:
            problems.append(Problem(f, line, "target_year", "year_range", {"value": year, "lower": YEAR_MIN, "upper": YEAR_MAX}))
        if rec.kind != "qualitative" and (rec.indicator_id == "" or pd.isna(rec.value)):
            problems.append(Problem(f, line, "value" if rec.indicator_id else "indicator_id", "target_needs_value",
                                    {"kind": rec.kind}))
        if rec.kind == "average_growth_at_least" and (pd.isna(rec.base_year) or int(rec.base_year) >= year):
            problems.append(Problem(f, line, "base_year", "target_needs_base_year", {}))
        if rec.kind == "relative_to_region" and rec.reference_territory_id == "":
            problems.append(Problem(f, line, "reference_territory_id", "target_needs_reference", {}))
    return problems


def read_tables(data_dir: Path, overrides: dict[str, bytes] | None = None) -> tuple[dict, dict]:
    """Read every table; `overrides` replaces a file's bytes (used to validate an upload before storing it)."""
    tables, lines = {}, {}
    overrides = overrides or {}
    for name in LOAD_ORDER:
        spec = SPECS[name]
        raw = overrides.get(name)
        if raw is None:
            path = data_dir / spec.file
            if not path.exists():
                raise FileNotFoundError(f"{path} is missing / thiếu tệp {path}")
            raw = path.read_bytes()
        tables[name], lines[name] = parse_table(spec, raw)
    return tables, lines


def load_catalog(data_dir: Path | str | None = None, overrides: dict[str, bytes] | None = None) -> Catalog:
    """Load and validate one data version; raises CatalogError naming file, row and column."""
    data_dir = Path(data_dir or config.data_dir())
    tables, lines = read_tables(data_dir, overrides)
    problems = validate(tables, lines)
    if problems:
        raise CatalogError(problems)
    return Catalog(**tables, data_dir=data_dir)


def coverage_table(cat: Catalog) -> pd.DataFrame:
    """Per indicator: territories, years, number of values, statuses and sources (the first screen's table)."""
    o = cat.observations
    grp = o.groupby("indicator_id")
    out = pd.DataFrame({
        "n_values": grp.size(),
        "n_territories": grp["territory_id"].nunique(),
        "year_min": grp["year"].min(),
        "year_max": grp["year"].max(),
        "statuses": grp["status"].agg(lambda s: ", ".join(sorted(set(s)))),
        "n_sources": grp["source_id"].nunique(),
        "territories": grp["territory_id"].agg(lambda s: ", ".join(sorted(set(s))[:6]) + (" …" if s.nunique() > 6 else "")),
    })
    return cat.indicators.merge(out, left_on="indicator_id", right_index=True, how="left")


def forecastable(cat: Catalog, min_points: int = 6) -> pd.DataFrame:
    """Longest exact yearly run in one vintage, per territory and indicator, flagged against `min_points`."""
    o = cat.used()
    sizes = o.groupby(["indicator_id", "territory_id", "vintage"])["year"].agg(["count", "min", "max"]).reset_index()
    best = sizes.sort_values("count", ascending=False).drop_duplicates(["indicator_id", "territory_id"])
    best["enough"] = best["count"] >= min_points
    return best.sort_values(["indicator_id", "territory_id"]).reset_index(drop=True)


__all__ = ["Catalog", "CatalogError", "Problem", "SPECS", "SeriesChoice", "exact_yearly", "load_catalog", "coverage_table",
           "forecastable", "parse_table", "read_tables", "validate"]


def document_label(documents: pd.DataFrame, document_id: str, lang: str = "vi") -> str:
    """A document as a reader names it: its number ('402-KH/TU') when it has one, else its title in `lang`
    (a name such as 'Kế hoạch phát triển KT-XH năm 2025' or '(số hiệu không nêu…)' is no label in English)."""
    d = documents.set_index("document_id")
    if document_id not in d.index:
        return str(document_id)
    number = str(d.loc[document_id, "number"])
    return number if DOC_NUMBER.search(number) else str(d.loc[document_id, f"title_{lang}"])


def data_version(data_dir: Path | str | None = None) -> str:
    """Short checksum of every catalogue file, shown on every page and export."""
    import hashlib

    data_dir = Path(data_dir or config.data_dir())
    h = hashlib.sha256()
    for name in LOAD_ORDER:
        path = data_dir / SPECS[name].file
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()[:10]
