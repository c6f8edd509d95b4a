"""Speed of the engine: fit + assess every target from cold, re-apply a scenario, batch throughput.

Run by hand: .venv/bin/python benchmarks/speed.py   (results go in README.md; figures vary ±30% on a busy VM)
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = """
import time, os
os.environ['OPENBLAS_NUM_THREADS'] = '1'
t0 = time.perf_counter()
from models.catalog import load_catalog
from models.derive import with_derived
from models.assess import prepare_all, evaluate
t1 = time.perf_counter()
cat = with_derived(load_catalog())
prepared = prepare_all(cat)
rows = [evaluate(p) for p in prepared]
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {sum(p.fc is not None for p in prepared)}")
"""


def reference_loop() -> float:
    """Seconds for 10^7 pure-Python additions (median of 3): how fast this machine is today, so runs on a
    contended VM can be compared with quiet ones (about 0.5 s on an unloaded 2020s core)."""
    times = []
    for _ in range(3):
        t, acc = time.perf_counter(), 0
        for i in range(10_000_000):
            acc += i
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ref = reference_loop()
    cold = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True)
        imp, work, n_fc = out.stdout.split()
        cold.append((float(imp), float(work)))
    from models.assess import evaluate, prepare_all
    from models.catalog import load_catalog
    from models.derive import with_derived
    from models.forecast import Forecaster
    from models.scenario import Scenario

    cat = with_derived(load_catalog())
    prepared = prepare_all(cat)
    reapply = []
    for i in range(30):
        s = Scenario("bench", {"grdp_growth": (i % 7) * 0.5 - 1.5, "rollout_5g": float(i % 10)})
        t = time.perf_counter()
        for p in prepared:
            evaluate(p, s)
        reapply.append(time.perf_counter() - t)
    o = cat.observations
    lf = o[(o.indicator_id == "labour_force_15plus") & (o.vintage == "gso_v0234_pre2021") & o.preferred]
    series = [g.set_index("year")["value"].astype(float) for _, g in lf.groupby("territory_id")]
    t = time.perf_counter()
    for s in series:
        Forecaster(n_paths=1000, seed=0).fit(s, 6).summary()
    batch = len(series) / (time.perf_counter() - t)
    lines = [
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d')}.",
        "",
        "| measure | result |",
        "|---|---|",
        f"| reference: 10^7 pure-Python additions (machine speed) | {ref:.2f} s (median of 3) |",
        f"| imports (statsmodels, pandas) in a fresh process | {statistics.median(c[0] for c in cold):.2f} s (median of 3) |",
        f"| load + derive + fit and assess all {len(prepared)} targets ({n_fc} forecasts, 2,000 paths), from cold | "
        f"{statistics.median(c[1] for c in cold):.2f} s (median of 3; runs: {', '.join(f'{c[1]:.2f}' for c in cold)}) |",
        f"| re-apply a scenario to all targets from cached fits | median {statistics.median(reapply) * 1000:.1f} ms, "
        f"max {max(reapply) * 1000:.1f} ms (30 scenarios) |",
        f"| batch forecasts, ensemble, 1,000 paths, 6 years ahead | {batch:.1f} series/s ({len(series)} GSO series) |",
    ]
    text = "\n".join(lines)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "speed.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
