"""Versioned data store: every upload becomes a new, complete data version; nothing is overwritten.

Layout under the store root (default `var/store`, or LOTRINH_STORE for a shared folder):
  versions/v0001/*.csv + manifest.json   the bundled catalogue, copied on first use
  versions/v0002/...                     one folder per accepted upload (who, when, note, checksums)
  CURRENT                                the version the app serves (a rollback only moves this pointer)
A version folder is written under a temporary name and renamed into place (atomic on one file
system), under an exclusive lock, so a crash mid-write leaves the previous versions intact and
two sessions uploading at once get two versions.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from models import config
from models.catalog import LOAD_ORDER, SPECS, Catalog, CatalogError, Problem, load_catalog

DEFAULT_ROOT = config.VAR / "store"
BUNDLED, BUNDLED_CHANGED = "bundled", "bundled data"   # authors of the versions copied from data/
FILES = [SPECS[name].file for name in LOAD_ORDER]


@dataclass(frozen=True)
class Version:
    version_id: str
    created: str
    author: str
    note: str
    parent: str
    checksum: str
    changes: dict


@dataclass(frozen=True)
class DataVersion:
    """What every page, export and snapshot names: a stored version and the start of its files' checksum.

    Written 'v0002-1a2b3c4d5e'; an older snapshot may hold the version id alone.
    """
    version_id: str
    checksum: str = ""

    @classmethod
    def parse(cls, text: str) -> "DataVersion":
        vid, _, checksum = str(text).strip().partition("-")
        return cls(vid, checksum)

    @classmethod
    def of(cls, version: Version) -> "DataVersion":
        return cls(version.version_id, version.checksum[:10])

    def __str__(self) -> str:
        return f"{self.version_id}-{self.checksum}" if self.checksum else self.version_id


class StoreError(RuntimeError):
    """The store cannot be read or written (bad folder, no permission, corrupt version); coded, so the page
    says it in the planner's language (catalogue keys store_<code>)."""

    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        from models.texts import t
        return t(f"store_{self.code}", lang, **self.params)


_CHECKSUMS: dict[tuple, str] = {}


def _stamp(folder: Path) -> tuple:
    """What a change to any file of a version changes: inode, size and modification time of each."""
    return (str(folder),) + tuple((st.st_ino, st.st_size, st.st_mtime_ns)
                                  for st in (os.stat(folder / name) for name in FILES))


def _checksum(folder: Path) -> str:
    """Same scheme as models.catalog.data_version, so a version's first 10 characters match it.

    Remembered per file stamp: every page rerun asks which version to serve, and re-hashing
    every file each time would sit on the slider's hot path.
    """
    stamp = _stamp(folder)
    if stamp not in _CHECKSUMS:
        _CHECKSUMS[stamp] = _hash(folder)
    return _CHECKSUMS[stamp]


def _hash(folder: Path) -> str:
    h = hashlib.sha256()
    for name in LOAD_ORDER:
        h.update(name.encode())
        h.update((folder / SPECS[name].file).read_bytes())
    return h.hexdigest()


class DataStore:
    def __init__(self, root: Path | str | None = None, seed_dir: Path | str | None = None):
        self.root = Path(root or config.store_dir())
        self.seed_dir = Path(seed_dir or config.data_dir())   # LOTRINH_DATA_DIR is honoured here too
        self.versions_dir = self.root / "versions"
        self.bundled_problem: CatalogError | None = None

    # ------------------------------------------------------------------ locking and initialisation
    @contextmanager
    def _lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def ensure(self) -> None:
        """Copy the bundled catalogue in as v0001 the first time the store is used; afterwards, when the
        files in data/ no longer match the last version made from them (someone edited data/ or ran
        `make data`), add them as a new version (author "bundled data") and serve it."""
        if (self.root / "CURRENT").exists():
            if self._bundled_base() != _checksum(self.seed_dir):
                try:
                    self._add_bundled()
                except CatalogError as exc:    # a broken data/ is reported; the store keeps serving what it has
                    self.bundled_problem = exc
            return
        with self._lock():
            if (self.root / "CURRENT").exists():
                return
            files = {name: (self.seed_dir / name).read_bytes() for name in FILES}
            vid = self._write_version(files, author=BUNDLED, note="bundled catalogue", parent="",
                                      changes={"added": 0, "revised": 0})
            self._set_current(vid)

    def _bundled_base(self) -> str | None:
        """Checksum of the newest version made from data/ (the store's base)."""
        base = None
        for folder in sorted(self.versions_dir.glob("v[0-9][0-9][0-9][0-9]")):
            try:
                m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if m.get("author") in (BUNDLED, BUNDLED_CHANGED):
                base = m.get("checksum")
        return base

    def _add_bundled(self) -> None:
        with self._lock():
            checksum = _checksum(self.seed_dir)
            if self._bundled_base() == checksum:
                return
            files = {name: (self.seed_dir / name).read_bytes() for name in FILES}
            load_catalog(self.seed_dir)            # a broken data/ never becomes a version (CatalogError)
            current = (self.root / "CURRENT").read_text(encoding="utf-8").strip()
            vid = self._write_version(files, author=BUNDLED_CHANGED, note=f"data/ changed: checksum {checksum[:10]}",
                                      parent=current, changes={"bundled": checksum[:10]})
            self._set_current(vid)

    # ------------------------------------------------------------------ reading
    def list_versions(self) -> list[Version]:
        self.ensure()
        out = []
        for folder in sorted(self.versions_dir.glob("v[0-9][0-9][0-9][0-9]")):
            try:
                m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
                out.append(Version(**m))
            except (OSError, ValueError, TypeError):
                continue   # a folder without a readable manifest is not a version
        return out

    def current(self) -> str:
        self.ensure()
        return (self.root / "CURRENT").read_text(encoding="utf-8").strip()

    def path(self, version_id: str | None = None) -> Path:
        return self.versions_dir / (version_id or self.current())

    def verify(self, version_id: str) -> None:
        """Refuse a version whose files do not match its manifest checksum."""
        folder = self.path(version_id)
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            actual = _checksum(folder)
        except (OSError, ValueError) as exc:
            raise StoreError("unreadable", version=version_id, error=exc) from None
        if actual != manifest["checksum"]:
            raise StoreError("corrupt", version=version_id, actual=actual[:10], expected=manifest["checksum"][:10])

    def load(self, version_id: str | None = None) -> Catalog:
        vid = version_id or self.current()
        self.verify(vid)
        return load_catalog(self.path(vid))

    def files(self, version_id: str | None = None) -> dict[str, bytes]:
        folder = self.path(version_id)
        return {name: (folder / name).read_bytes() for name in FILES}

    # ------------------------------------------------------------------ writing
    def _write_version(self, files: dict[str, bytes], author: str, note: str, parent: str, changes: dict) -> str:
        """Write a complete version under a temporary name, then rename it into place. Caller holds the lock."""
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        numbers = [int(p.name[1:]) for p in self.versions_dir.glob("v[0-9][0-9][0-9][0-9]")]
        vid = f"v{(max(numbers) + 1 if numbers else 1):04d}"
        tmp = self.versions_dir / f".tmp-{uuid.uuid4().hex}"
        tmp.mkdir()
        try:
            for name in FILES:
                with open(tmp / name, "wb") as fh:
                    fh.write(files[name])
                    fh.flush()
                    os.fsync(fh.fileno())
            manifest = Version(vid, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), author[:80],
                               note[:500], parent, _hash(tmp), changes)
            (tmp / "manifest.json").write_text(json.dumps(manifest.__dict__, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
            os.rename(tmp, self.versions_dir / vid)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return vid

    def _set_current(self, vid: str) -> None:
        tmp = self.root / f".CURRENT-{uuid.uuid4().hex}"
        tmp.write_text(vid, encoding="utf-8")
        os.replace(tmp, self.root / "CURRENT")

    def commit(self, files: dict[str, bytes], author: str, note: str, changes: dict, parent: str | None = None) -> str:
        """Validate the complete tables, store them as a new version and make it current."""
        self.ensure()
        overrides = {name: files[SPECS[name].file] for name in LOAD_ORDER}
        load_catalog(self.path(), overrides=overrides)       # raises CatalogError; nothing is written
        with self._lock():
            vid = self._write_version(files, author, note, parent or self.current(), changes)
            self._set_current(vid)
        return vid

    def rollback(self, version_id: str) -> None:
        """Serve an earlier version again (no version is changed or removed)."""
        self.verify(version_id)
        with self._lock():
            self._set_current(version_id)


__all__ = ["DataStore", "StoreError", "Version", "CatalogError", "Problem"]
