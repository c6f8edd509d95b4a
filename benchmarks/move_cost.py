"""Server time of one lever move on the target page, in process (no browser): what the page's fragment computes.

Why: the browser benchmark (browser_latency.py) mixes this with the websocket and Plotly's redraw, and on a
contended machine its spread hides a change of tens of milliseconds; this one isolates the server's part.
Run: .venv/bin/python benchmarks/move_cost.py [--moves 20] [--target ID] — the median of each step over the moves
of the target's main lever (default: the page's default target, qd325_grdp_growth_2030; the heaviest is
kh402_productivity_region_2045, four levers over 23 years), and the JSON size of the figure and of the other levers'
browser previews.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import plotly.io as pio  # noqa: E402

from models.assess import evaluate, prepare, shown_forecast  # noqa: E402
from models.catalog import load_catalog  # noqa: E402
from models.derive import with_derived  # noqa: E402
from models.scenario import Scenario  # noqa: E402
from models.scrub import acting_levers, lever_grid, main_lever  # noqa: E402
from ui.pack_content import fan_preview, scrub_spec, target_figure  # noqa: E402

TARGET = "qd325_grdp_growth_2030"


def other_grids(prep, s: Scenario, lever: str) -> dict:
    return {lid: lever_grid(prep, s, lid) for lid in acting_levers(prep) if lid != lever}


def other_previews(fig, s: Scenario, lever: str, grids: dict) -> list:
    return [fan_preview(fig, s, lever, lid, g, "vi") for lid, g in grids.items()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--moves", type=int, default=20)
    ap.add_argument("--target", default=TARGET)
    args = ap.parse_args()
    target = args.target
    cat = with_derived(load_catalog())
    row = cat.targets.set_index("target_id").loc[target].to_dict() | {"target_id": target}
    prep = prepare(cat, row)
    lever = main_lever(prep)
    grid = lever_grid(prep, Scenario("custom", {}), lever)     # cached per other levers on the page: built once
    times: dict[str, list[float]] = {}

    def timed(step, fn, *a, **kw):
        t = time.perf_counter()
        out = fn(*a, **kw)
        times.setdefault(step, []).append((time.perf_counter() - t) * 1000)
        return out

    size = 0
    for i in range(args.moves):
        s = Scenario("custom", {lever: 0.1 * i})
        timed("evaluate, baseline", evaluate, prep)
        timed("evaluate, scenario", evaluate, prep, s)
        shown = timed("scenario paths", shown_forecast, prep, s)
        spec = timed("in-chart slider steps", scrub_spec, prep, s, lever, grid, "vi")
        fig = timed("figure", target_figure, cat, prep, s, "vi", row, scenario_paths=shown[1], scrub=spec)
        size = len(timed("figure to JSON", pio.to_json, fig, validate=False))
        # the other levers' steps depend on this lever's value: rebuilt on every move (sent last, see app_pages/target.py)
        grids = timed("other levers' steps", other_grids, prep, s, lever)
        previews = timed("other levers' previews", other_previews, fig, s, lever, grids)
        preview_size = len(timed("previews to JSON", json.dumps, previews))
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{time.strftime('%Y-%m-%d')}. {args.moves} moves of '{lever}' on {target}, median ms:")
    for step, ms in times.items():
        print(f"- {step}: {np.median(ms):.1f} ms")
    print(f"- all: {sum(np.median(ms) for ms in times.values()):.1f} ms; figure JSON {size / 1000:.0f} kB, "
          f"previews JSON {preview_size / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
