"""Saved scenarios and meeting snapshots in an embedded SQLite database (path configurable), with migrations.

A snapshot records what the committee saw: the scenario, the data version, every target's P(meet)
and category, and the decisions; `diff` tells the next meeting what changed since (data values,
levers, probabilities and categories, and by how much).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from models import config
from models.scenario import Scenario

DEFAULT_DB = config.VAR / "lotrinh.sqlite3"

MIGRATIONS = [
    # 1: saved scenarios and meeting snapshots
    """
    CREATE TABLE scenarios (
        name TEXT PRIMARY KEY,
        description TEXT NOT NULL DEFAULT '',
        scenario_json TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE snapshots (
        snapshot_id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        created TEXT NOT NULL,
        scenario_json TEXT NOT NULL,
        data_version TEXT NOT NULL,
        results_json TEXT NOT NULL,
        decisions TEXT NOT NULL DEFAULT ''
    );
    """,
]


class MeetingStoreError(RuntimeError):
    """The database cannot be read or written (locked, read-only, corrupt)."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class MeetingStore:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path or config.db_path())

    @contextmanager
    def connect(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except (sqlite3.Error, OSError) as exc:
            raise MeetingStoreError(str(exc)) from None
        try:
            con.execute("PRAGMA busy_timeout = 10000")
            try:
                con.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass   # a read-only folder: reading still works
            self._migrate(con)
            yield con
        except sqlite3.Error as exc:
            raise MeetingStoreError(str(exc)) from None
        finally:
            con.close()

    def _migrate(self, con: sqlite3.Connection) -> None:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version >= len(MIGRATIONS):
            return
        con.execute("BEGIN IMMEDIATE")
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]   # another process may have migrated
            for i in range(version, len(MIGRATIONS)):
                for statement in (x.strip() for x in MIGRATIONS[i].split(";")):
                    if statement:
                        con.execute(statement)   # executescript would commit the open transaction
                con.execute(f"PRAGMA user_version = {i + 1}")
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        with self.connect() as con:
            return con.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ scenarios
    def save_scenario(self, scenario: Scenario, description: str = "", author: str = "") -> None:
        scenario.validate()
        name = scenario.name.strip()[:80]
        if not name:
            raise ValueError("a saved scenario needs a name")
        now = _now()
        with self.connect() as con:
            con.execute("BEGIN IMMEDIATE")
            con.execute("""INSERT INTO scenarios(name, description, scenario_json, author, created, updated)
                           VALUES (?, ?, ?, ?, ?, ?)
                           ON CONFLICT(name) DO UPDATE SET description=excluded.description,
                             scenario_json=excluded.scenario_json, author=excluded.author, updated=excluded.updated""",
                        (name, description[:1000], scenario.to_json(), author[:80], now, now))
            con.execute("COMMIT")

    def list_scenarios(self) -> pd.DataFrame:
        with self.connect() as con:
            rows = con.execute("SELECT name, description, author, created, updated, scenario_json FROM scenarios "
                               "ORDER BY updated DESC").fetchall()
        return pd.DataFrame(rows, columns=["name", "description", "author", "created", "updated", "scenario_json"])

    def load_scenario(self, name: str) -> Scenario:
        with self.connect() as con:
            row = con.execute("SELECT scenario_json FROM scenarios WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        return Scenario.from_json(row[0])

    def duplicate_scenario(self, name: str, new_name: str) -> None:
        s = self.load_scenario(name)
        s.name = new_name
        self.save_scenario(s, description=f"copy of {name}")

    def delete_scenario(self, name: str) -> None:
        with self.connect() as con:
            con.execute("DELETE FROM scenarios WHERE name = ?", (name,))

    # ------------------------------------------------------------------ snapshots
    def record_snapshot(self, title: str, scenario: Scenario, data_version: str, results: pd.DataFrame,
                        decisions: str = "") -> int:
        keep = results[["target_id", "state", "verdict", "p_meet", "un_category", "catch_up", "catch_up_unit"]]
        payload = json.loads(keep.to_json(orient="records"))
        with self.connect() as con:
            cur = con.execute("INSERT INTO snapshots(title, created, scenario_json, data_version, results_json, "
                              "decisions) VALUES (?, ?, ?, ?, ?, ?)",
                              (title[:200], _now(), scenario.to_json(), data_version, json.dumps(payload),
                               decisions[:5000]))
            return int(cur.lastrowid)

    def list_snapshots(self) -> pd.DataFrame:
        with self.connect() as con:
            rows = con.execute("SELECT snapshot_id, title, created, data_version, decisions FROM snapshots "
                               "ORDER BY snapshot_id DESC").fetchall()
        return pd.DataFrame(rows, columns=["snapshot_id", "title", "created", "data_version", "decisions"])

    def snapshot(self, snapshot_id: int) -> dict:
        with self.connect() as con:
            row = con.execute("SELECT snapshot_id, title, created, scenario_json, data_version, results_json, "
                              "decisions FROM snapshots WHERE snapshot_id = ?", (snapshot_id,)).fetchone()
        if row is None:
            raise KeyError(snapshot_id)
        return {"snapshot_id": row[0], "title": row[1], "created": row[2], "scenario": Scenario.from_json(row[3]),
                "data_version": row[4], "results": pd.DataFrame(json.loads(row[5])), "decisions": row[6]}


@dataclass
class Changes:
    data: pd.DataFrame          # added / revised / removed values between the two data versions
    levers: pd.DataFrame        # lever, before, after
    targets: pd.DataFrame       # target, P before/after, change in pp, category before/after


def diff(snapshot: dict, scenario: Scenario, results: pd.DataFrame, old_obs: pd.DataFrame | None,
         new_obs: pd.DataFrame | None, min_move_pp: float = 0.5) -> Changes:
    """What changed since a snapshot: data values, levers, and the targets whose probability or category moved."""
    key = ["territory_id", "indicator_id", "vintage", "year", "period_start", "source_id"]
    if old_obs is not None and new_obs is not None:
        a = old_obs[key + ["value"]].copy()
        b = new_obs[key + ["value"]].copy()
        for f in (a, b):
            f["year"] = f["year"].astype(int)
            f["period_start"] = f["period_start"].astype("Int64").fillna(-1).astype(int)
        m = a.merge(b, on=key, how="outer", suffixes=("_before", "_after"), indicator=True)
        m["change"] = m["_merge"].map({"left_only": "removed", "right_only": "added", "both": "same"}).astype(str)
        m.loc[(m["change"] == "same") & (m["value_before"] != m["value_after"]), "change"] = "revised"
        data = m[m["change"] != "same"].drop(columns="_merge").reset_index(drop=True)
    else:
        data = pd.DataFrame(columns=key + ["value_before", "value_after", "change"])
    before, after = snapshot["scenario"].values, scenario.values
    levers = pd.DataFrame([{"lever": k, "before": float(before.get(k, 0.0)), "after": float(after.get(k, 0.0))}
                           for k in sorted(set(before) | set(after))
                           if float(before.get(k, 0.0)) != float(after.get(k, 0.0))],
                          columns=["lever", "before", "after"])
    old = snapshot["results"].set_index("target_id")
    rows = []
    for r in results.to_dict("records"):
        tid = r["target_id"]
        if tid not in old.index:
            continue
        p0, p1 = old.loc[tid, "p_meet"], r["p_meet"]
        c0, c1 = old.loc[tid, "un_category"] or "", r["un_category"] or ""
        s0, s1 = old.loc[tid, "state"], r["state"]
        moved = (p0 is not None and p1 is not None and not pd.isna(p0) and not pd.isna(p1)
                 and abs(p1 - p0) * 100 >= min_move_pp)
        appeared = (p0 is None or pd.isna(p0)) != (p1 is None or pd.isna(p1))
        if moved or appeared or c0 != c1 or s0 != s1:
            rows.append({"target_id": tid, "p_before": p0, "p_after": p1,
                         "change_pp": None if (p0 is None or p1 is None or pd.isna(p0) or pd.isna(p1))
                         else round((p1 - p0) * 100, 1),
                         "state_before": s0, "state_after": s1, "category_before": c0, "category_after": c1})
    targets = pd.DataFrame(rows, columns=["target_id", "p_before", "p_after", "change_pp", "state_before", "state_after",
                                          "category_before", "category_after"])
    return Changes(data=data, levers=levers, targets=targets)


def observations_of(store, data_version: str) -> pd.DataFrame:
    """The stored observations of a data version as a snapshot names it ('v0002-…'), for `diff`.

    Raises StoreError (missing, unreadable or corrupt version) or CatalogError; the caller says so
    rather than showing "no changes".
    """
    from models.catalog import SPECS, parse_table
    from models.store import DataVersion, StoreError

    vid = DataVersion.parse(data_version).version_id
    store.verify(vid)
    try:
        raw = store.files(vid)["observations.csv"]
    except (OSError, KeyError) as exc:
        raise StoreError("unreadable", version=vid, error=exc) from None
    return parse_table(SPECS["observations"], raw)[0]
