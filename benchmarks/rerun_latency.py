"""Server time of one rerun of the target-detail page after a slider move, with warm caches.

Measured with streamlit.testing.v1.AppTest (the script run on the server, no browser, no network):
    .venv/bin/python benchmarks/rerun_latency.py
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import logging  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from streamlit.testing.v1 import AppTest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda r: False)


def main(moves: int = 40) -> int:
    at = AppTest.from_file(str(ROOT / "app_pages" / "target.py"), default_timeout=120)
    at.query_params["target"] = "qd325_grdp_growth_2030"
    at.run()
    at.slider(key="lever_grdp_growth").set_value(0.1).run()   # warm every cache once
    times = []
    for i in range(moves):
        value = round(((i % 30) - 10) * 0.1, 1)
        t = time.perf_counter()
        at.slider(key="lever_grdp_growth").set_value(value).run()
        times.append((time.perf_counter() - t) * 1000)
        assert not at.exception
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    line = (f"target-detail rerun after a slider move (AppTest, warm caches, {moves} moves): "
            f"median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, max {times[-1]:.0f} ms "
            f"({platform.platform()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')})")
    print(line)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "rerun_latency.md").write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
