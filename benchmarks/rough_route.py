"""Should a rough full history go to Theta alone or to "no change" instead of the ETS + Theta pair? (measured, not shipped)

Why: on the held-out disease counts (I), whose histories are nearly all rough (r ≥ 1.1 for 65% of forecasts: noise around
a level, surges that collapse), Theta alone and naive beat the pair in the full history (0.955 and 0.896 against 1.201),
as Theta does on the firms' and the GSO series. A very smooth history already has its own route (damped ETS alone below
r = 0.2, models/forecast.SMOOTH_ETS_ONLY); this asks the same of the rough end.

The rule, the one the smooth route was chosen by: a threshold is supported if the worst learning collection's MASE change
(full history, level series, L1–L4: the collections that teach the trend family) is below zero. Exact from the stored records
(each method's point forecast is in them). The held-out rows were computed in the same run and are reported, not used.

Run after benchmarks/calibrate.py:  .venv/bin/python benchmarks/rough_route.py  -> benchmarks/results/rough_route.md
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402

THRESHOLDS = (0.8, 0.9, 1.0, 1.1, 1.2, 1.3)
INSTEAD = ("theta", "naive")
TREND_LEARNING = ("L1", "L2", "L3", "L4")
KEY = ["series_id", "origin", "h"]


def changes(records: dict) -> pd.DataFrame:
    rows = []
    for name, r in records.items():
        f = r[r["regime"] == "full"]
        f = f[~f["series_id"].isin(set(f.loc[f["method"] == "mean", "series_id"]))]     # level series only
        ours = f[f["method"] == cb.routed(f)].set_index(KEY)
        ok = ours["scale"].to_numpy() > 0
        for alt in INSTEAD:
            a = f[f["method"] == alt].set_index(KEY).reindex(ours.index)
            for tau in THRESHOLDS:
                use = (ours["rough"].to_numpy() >= tau) & a["point"].notna().to_numpy()
                point = np.where(use, a["point"].to_numpy(), ours["point"].to_numpy())
                err0 = np.abs(ours["actual"] - ours["point"]).to_numpy()[ok] / ours["scale"].to_numpy()[ok]
                err1 = np.abs(ours["actual"].to_numpy() - point)[ok] / ours["scale"].to_numpy()[ok]
                rows.append({"collection": name, "code": name.split(":")[0], "instead": alt, "threshold": tau,
                             "share": float(use.mean()), "change": (err1.mean() / err0.mean() - 1) * 100})
    return pd.DataFrame(rows)


def report(res: pd.DataFrame) -> str:
    codes = list(dict.fromkeys(res["code"]))
    lines = ["# A rough full history routed to Theta alone or to naive instead of the ETS + Theta pair", "",
             " ".join((__doc__ or "").split("\n\n")[2].split()), "",
             "MASE change against the shipped route (full history, level series; negative is better), and in brackets the share of "
             "forecasts the threshold would reroute:", ""]
    verdicts = []
    for alt in INSTEAD:
        x = res[res["instead"] == alt]
        lines += [f"## {alt} for histories with r at or above the threshold", "",
                  "| r ≥ | " + " | ".join(codes) + " | worst learning (L1–L4) |", "|---|" + "---|" * (len(codes) + 1)]
        for tau in THRESHOLDS:
            y = x[x["threshold"] == tau].set_index("code")
            worst = float(y.loc[list(TREND_LEARNING), "change"].max())
            verdicts.append((alt, tau, worst))
            lines.append(f"| {tau:g} | " + " | ".join(f"{y.loc[c, 'change']:+.2f}% ({y.loc[c, 'share']:.0%})" for c in codes)
                         + f" | {worst:+.2f}% |")
        lines.append("")
    best = min(verdicts, key=lambda v: v[2])
    lines += ["## Verdict", "", f"Best by the worst learning collection: {best[0]} from r ≥ {best[1]:g}, {best[2]:+.2f}%. "
              + ("Supported: ship it." if best[2] < 0 else "No threshold lowers the worst learning collection's MASE: "
                 "the pair stays for rough histories (not shipped)."), ""]
    return "\n".join(lines)


def main() -> int:
    records = cb.stored_records()
    text = report(changes(records))
    cb.write_result("rough_route.md", text, echo=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
