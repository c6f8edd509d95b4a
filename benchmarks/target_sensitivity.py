"""How much the committee's own probabilities depend on the two choices issue 12 leaves open.

Why: one short-trend rule and one widening cannot serve every family of series. Trending families (money, output,
population) want the whole drift; mean-reverting ones (fertility, the provinces' labour force, disease counts) want
no change. And each learning collection's own widening differs: the GSO provincial series want far narrower bands than
the firms' panels. The shipped choice (drift × m/(m+1), one widening learned on all five learning collections by their
average and worst loss) is a compromise. This asks the question the other way round: for each registered target, what P
would the app show under each alternative? Where no target moves, the open question does not touch the committee's
numbers; where one moves, the owner sees by how much.

Variants, each over the whole registry (`models.assess.assess_all`, baseline scenario, the app's paths and seeds):
- shipped;
- the whole drift for every short series (c = 0, still damped and capped; money per head keeps its whole drift already);
- the short family's widening learned on one learning collection alone (its "own" (a, b, c) in
  benchmarks/results/calibration.json), for each of L1–L5. These are not re-learned here; they are the calibrate.py run's.

  .venv/bin/python benchmarks/target_sensitivity.py   -> benchmarks/results/target_sensitivity.md (seconds)
"""
from __future__ import annotations

import contextlib
import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402
import models.forecast as forecast  # noqa: E402
from models import config  # noqa: E402
from models.assess import assess_all  # noqa: E402
from models.calibration import Calibration, default as default_calibration  # noqa: E402
from models.catalog import load_catalog  # noqa: E402
from models.derive import with_derived  # noqa: E402


@contextlib.contextmanager
def whole_drift():
    shipped = forecast.ConstrainedTrend.shrink_c
    forecast.ConstrainedTrend.shrink_c = 0.0
    try:
        yield
    finally:
        forecast.ConstrainedTrend.shrink_c = shipped


@contextlib.contextmanager
def short_widening(own: dict):
    """The app's forecaster with the short family's (a, b, c) replaced (models.forecast reads default_calibration)."""
    cal = default_calibration()
    swapped = Calibration({**cal.params, "short": {**cal.params["short"], **own}}, cal.provenance)
    shipped = forecast.default_calibration
    forecast.default_calibration = lambda: swapped
    try:
        yield
    finally:
        forecast.default_calibration = shipped


def own_short_widenings() -> dict[str, dict]:
    """Each learning collection's own short-family (a, b, c), from the calibration run's results, by code."""
    results = json.loads(config.CALIBRATION_RESULTS.read_text(encoding="utf-8"))
    learners = [c["collection"].split(":")[0] for c in results["collections"]
                if c["collection"].startswith("L") and "short" in c.get("teaches", ["short"])]
    return dict(zip(learners, results["learn"]["short"]["own"]))


def main() -> int:
    t0 = time.time()
    cat = with_derived(load_catalog())
    runs = {"shipped": contextlib.nullcontext(), "whole drift": whole_drift()}
    owns = own_short_widenings()
    runs |= {f"{code}'s own widening": short_widening(own) for code, own in owns.items()}
    table = {}
    for name, ctx in runs.items():
        with ctx:
            table[name] = assess_all(cat).set_index("target_id")
        print(name, f"{time.time() - t0:.0f} s", flush=True)
    base = table["shipped"]
    moved = [tid for tid in base.index if base.loc[tid, "p_meet"] == base.loc[tid, "p_meet"] and any(
        abs(t.loc[tid, "p_meet"] - base.loc[tid, "p_meet"]) > 1e-9 for t in table.values())]
    with_p = int(base["p_meet"].notna().sum())
    lines = ["# The committee's probabilities under the choices issue 12 leaves open", "",
             f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"{time.time() - t0:.0f} s. Baseline scenario, the app's paths and seeds. Widenings (a, b, c) of the short "
             "family, k(h, n) = exp(a + b·ln h + c·ln n): shipped " + str(default_calibration().params["short"]) + "; "
             + "; ".join(f"{code} {own}" for code, own in owns.items()) + ".", "",
             f"{len(moved)} of the {with_p} targets with a probability move under at least one variant; the others "
             "(growth targets on the mean model, the one target on the ETS + Theta pair) do not.", "",
             "| target | state | points | " + " | ".join(table) + " |", "|---|---|---|" + "---|" * len(table)]
    for tid in moved:
        lines.append(f"| {tid} | {base.loc[tid, 'state']} | {int(base.loc[tid, 'n_points'])} | "
                     + " | ".join(f"{t.loc[tid, 'p_meet']:.2%}" for t in table.values()) + " |")
    cb.write_result("target_sensitivity.md", "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
