"""The versioned store: an upload becomes a version, rollback restores, a killed write or a corrupt version never
loses the previous one, parallel uploads make separate versions."""
import multiprocessing
import os
import threading

import pytest

from models.store import DataStore, StoreError
from models.upload import prepare_upload
from tests.test_upload import GOOD, HEAD, ROOT, attempt


def test_upload_becomes_a_new_version_and_rollback_restores_the_old_one(store):
    result = attempt(store, (HEAD + "\n" + GOOD).encode())
    v1 = store.current()
    v2 = store.commit(result.files, "Sở KH&CN", "NGTK 2025", {"added": 1})
    assert (v1, v2) == ("v0001", "v0002") and store.current() == "v0002"
    cat = store.load()
    assert ((cat.observations.indicator_id == "households_ftth_pct") & (cat.observations.year == 2025)).sum() == 1
    manifest = next(v for v in store.list_versions() if v.version_id == v2)
    assert manifest.author == "Sở KH&CN" and manifest.parent == "v0001" and len(manifest.checksum) == 64
    store.rollback("v0001")
    assert store.current() == "v0001"
    assert not ((store.load().observations.indicator_id == "households_ftth_pct")
                & (store.load().observations.year == 2025)).any()
    assert [v.version_id for v in store.list_versions()] == ["v0001", "v0002"]


def test_a_killed_write_leaves_the_previous_version_readable(store, monkeypatch):
    result = attempt(store, (HEAD + "\n" + GOOD).encode())
    real_fsync = os.fsync
    calls = {"n": 0}

    def crash(fd):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("power cut")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        store.commit(result.files, "a", "b", {})
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert store.current() == "v0001"
    assert [v.version_id for v in store.list_versions()] == ["v0001"]
    assert not list(store.versions_dir.glob(".tmp-*"))
    store.load()


def test_a_corrupt_version_is_refused(store):
    result = attempt(store, (HEAD + "\n" + GOOD).encode())
    vid = store.commit(result.files, "a", "b", {})
    (store.path(vid) / "observations.csv").write_text("garbage", encoding="utf-8")
    with pytest.raises(StoreError, match="corrupt") as exc:
        store.load(vid)
    assert exc.value.message("vi").startswith(f"phiên bản {vid} bị hỏng: mã kiểm tra ")   # said in the UI's language
    store.load("v0001")


def _upload_in_process(args):
    root, seed, value = args
    s = DataStore(root, seed_dir=seed)
    raw = (HEAD + "\n" + GOOD.replace("57.1", value)).encode()
    result = prepare_upload(s.load(), raw, "c.csv", s.files())
    return s.commit(result.files, f"user {value}", "concurrent", {})


def test_two_sessions_uploading_at_once_make_two_versions(store):
    args = [(str(store.root), str(ROOT / "data"), v) for v in ("56.5", "58.5")]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        vids = pool.map(_upload_in_process, args)
    assert sorted(vids) == ["v0002", "v0003"]
    authors = {v.author for v in store.list_versions()}
    assert {"user 56.5", "user 58.5"} <= authors
    for v in ("v0002", "v0003"):
        store.load(v)


def test_threads_uploading_at_once_lose_nothing(store):
    results, errors = [], []

    def go(value):
        try:
            results.append(_upload_in_process((str(store.root), str(ROOT / "data"), value)))
        except Exception as exc:   # noqa: BLE001 - the test reports any failure below
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(f"5{i}.0",)) for i in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors and sorted(results) == ["v0002", "v0003", "v0004", "v0005"]
