"""One way to start the app as a real Streamlit server (free local port, private store and database), used by
the browser tests and benchmarks/browser_latency.py: it waits for the health check and gives up after `timeout`."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(store: str | Path, script: str = "app.py", port: int | None = None,
          timeout: float = 30.0) -> tuple[subprocess.Popen, str]:
    """The server process and its URL once /_stcore/health answers; RuntimeError (process killed) after `timeout`."""
    port = port or free_port()
    env = {**os.environ, "LOTRINH_STORE": str(store), "LOTRINH_DB": str(Path(store) / "m.sqlite3"),
           "OPENBLAS_NUM_THREADS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.05)
    stop(proc)
    raise RuntimeError(f"streamlit ({script}) did not answer on {url} within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
