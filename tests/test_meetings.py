"""Saved scenarios (SQLite, migrations, concurrency), snapshots and what changed since, the meeting pack."""
import threading

import pandas as pd
import pytest

from models.catalog import load_catalog
from models.meetings import MeetingStore, MeetingStoreError, diff
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
