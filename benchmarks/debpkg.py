"""A Debian package's files, for the benchmarks' data loaders (pwt.py, rpanels.py).

Why: Debian's registry serves R data packages (Penn World Table, plm's panels) that no other registry this project
reaches does; `apt-get download` fetches the .deb without installing R, and `dpkg-deb -x` unpacks it.
The .deb is kept in the loader's cache under var/ (git-ignored).
"""
from __future__ import annotations

import contextlib
import subprocess
import tempfile
from pathlib import Path


def deb(package: str, cache: Path) -> Path:
    """The newest downloaded .deb of `package` in `cache`, fetched first if there is none."""
    cache.mkdir(parents=True, exist_ok=True)
    debs = sorted(cache.glob(f"{package}_*.deb"))
    if not debs:
        subprocess.run(["apt-get", "download", package], cwd=cache, check=True, capture_output=True)
        debs = sorted(cache.glob(f"{package}_*.deb"))
    return debs[-1]


@contextlib.contextmanager
def unpacked(package: str, cache: Path):
    """The package's files unpacked in a temporary directory (removed on leaving)."""
    path = deb(package, cache)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["dpkg-deb", "-x", str(path), tmp], check=True)
        yield Path(tmp)
