"""Other rules for the constrained trend's yearly spread, checked on the stored calibration records (measured, not shipped).

Why: with one widening per history length, the short family's bands cover 97–99% of the GSO population series and 54–66% of
the firms' series (benchmarks/results/calibration.md). The shipped spread is sigma = max(sd of the changes, their mean
absolute size, a floor): for a smooth rising series the second term is the trend itself. Would another rule let one
widening serve both? The constrained trend's paths have a shape that depends on the number of changes only, and sigma
scales all of them (drift_se = sigma/√m included), so each record's needed widening under another rule is the stored one
times sigma_shipped / sigma_rule: no new backtest. Each rule's short-family widening is re-learned on L1–L5 the way
benchmarks/calibrate.py learns it, and cover, reliability and per-panel cover follow.

Run after benchmarks/calibrate.py (reads var/calibration_records.pkl and the same series loaders):
  .venv/bin/python benchmarks/short_spread.py      -> benchmarks/results/short_spread.md

The same records also test a widening that follows the size of the spread itself (sigma_term): negative powers raise the
worst learning loss; small positive ones lower it a little but widen the reliability gaps of C, D and F (not shipped).
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402
from models.calibration import default as default_calibration, roughness  # noqa: E402
from models.forecast import ConstrainedTrend, _clean, choose_transform  # noqa: E402

RULES = {
    "shipped": "max(sd, mean |d|, floor)",
    "sd": "max(sd, floor) from 2 changes (|d| with one)",
    "rms_shrunk": "max(RMS of d around the shrunk drift, floor)",
    "sd_or_shrunk_size": "max(sd, (1 − w) · mean |d|, floor)",
    "rms": "max(RMS of d, floor)",
}


def spreads(z: np.ndarray, floor: float) -> dict:
    d = np.diff(z)
    m = d.size
    sd = float(d.std(ddof=1)) if m > 1 else 0.0
    w = m / (m + ConstrainedTrend.shrink_c * roughness(z) ** ConstrainedTrend.rough_power)
    return {"shipped": max(sd, float(np.mean(np.abs(d))), floor),
            "sd": max(sd if m > 1 else abs(float(d[0])), floor),
            "rms_shrunk": max(float(np.sqrt(np.mean((d - w * d.mean()) ** 2))), floor),
            "sd_or_shrunk_size": max(sd, (1 - w) * float(np.mean(np.abs(d))), floor),
            "rms": max(float(np.sqrt(np.mean(d ** 2))), floor)}


def all_series(limit: int = 300) -> dict:
    """Every series of every collection, by id (the same lists benchmarks/calibrate.py backtests)."""
    learn, checks = cb.collections(limit)
    return {x[0]: x for part in (*learn.values(), *checks.values()) for x in part}


def with_histories(records: dict, describe, lengths: tuple[int, ...] | None = None) -> dict:
    """Per collection: the short trend's records where the app uses it (of `lengths` points, or all), with the columns
    `describe(series_id, history, transform)` returns, computed once per (series, origin, length) history."""
    series = all_series()
    out = {}
    for name, r in records.items():
        keep = (r["regime"] == "short") & (r["method"] == "constrained_trend") & (cb.routed(r) == "constrained_trend")
        g = r[keep & r["n_obs"].isin(lengths)].copy() if lengths else r[keep].copy()
        cache = {}
        for key in set(zip(g["series_id"], g["origin"], g["n_obs"])):
            sid, origin, n = key
            _, s, lo, hi, _ = series[sid]
            s, _ = _clean(s)
            cache[key] = describe(sid, s[s.index <= origin].iloc[-n:], choose_transform(s.to_numpy(), lo, hi))
        keys = list(zip(g["series_id"], g["origin"], g["n_obs"]))
        for col in next(iter(cache.values()), {}):
            g[col] = [cache[k][col] for k in keys]
        out[name] = g
    return out


def ratios(records: dict) -> dict:
    """Per collection: the short trend's records (where the app uses it) with sigma_shipped / sigma_rule per rule."""
    def describe(sid, hist, tr):
        sp = spreads(tr.forward(hist.to_numpy()), tr.floor(float(hist.iloc[-1])))
        return {**{"ratio_" + k: sp["shipped"] / v for k, v in sp.items()}, "sigma": sp["shipped"]}

    return with_histories(records, describe)


def panel(sid: str) -> str:
    parts = sid.split(":")
    return parts[2] if parts[0] == "gso" else parts[1]


SIGMA_REF = 0.2          # ln(sigma / 0.2) clipped like the roughness (0.1–1.5): sigma 0.02–0.3 on the model's scale
SIGMA_POWERS = (0.0, -0.1, -0.2, -0.3, -0.5, 0.1, 0.2, 0.3, 0.5)   # both signs (before 2026-12-07 night: negative only)


def with_sigma(frames: dict) -> dict:
    """The records with the spread's size, sigma / SIGMA_REF, in the widening's d-term slot (`rough`); no term on the
    identity scale, where sigma has the series' own unit."""
    return {n: g.assign(rough=np.where(g["kind"] == "identity", 1.0, g["sigma"] / SIGMA_REF)) for n, g in frames.items()}


def sigma_term(frames: dict, learn: list) -> list[str]:
    """A widening that also follows the spread's own size, k · (sigma / 0.2)^e: e < 0 widens small spreads (a small change
    may be luck), e > 0 narrows them (the GSO population series, 97–99% covered, have the smallest). Re-learned at each e;
    cover by length, reliability gap. On the identity scale (values ≤ 0) sigma has the series' own unit: no term there."""
    lines = ["## A term in the spread's size: k(h, n) · (sigma / 0.2)^e, re-learned at each e", "",
             "| e | (a, b, c) | worst learning loss | " + " | ".join(n.split(":")[0] for n in frames) + " |",
             "|---|---|---|" + "---|" * len(frames)]
    sized = with_sigma(frames)
    for e in SIGMA_POWERS:
        p, info = cb.learn_family([sized[n] for n in learn], cb.UNDER_WEIGHT["short"], d_grid=(e,))
        p = {**p, "d": e}
        cells = []
        for g in sized.values():
            f = g.assign(k=cb.k_of(g, p))
            table, _, _ = cb.reliability(f)
            t = table[table["n"] >= 30]
            cover = "/".join(f"{cb.coverage(f[f['n_obs'] == n], .8):.0%}".rstrip("%") for n in (2, 3, 5, 8))
            cells.append(f"{cover} ({float((t['predicted'] - t['observed']).abs().max()) * 100:.0f} pp)")
        lines.append(f"| {e:g} | ({p['a']:.2f}, {p['b']:.2f}, {p['c']:.2f}) | {info['worst_loss']:.4f} | " + " | ".join(cells) + " |")
        print("sigma term", e, p, round(info["worst_loss"], 4), flush=True)
    return lines + ["", "Cells: 80 % cover with the last 2 / 3 / 5 / 8 points, and the largest reliability gap.", ""]


FIRMS = ("EmplUK", "Snmesp", "USAirlines")      # the firms' panels of L5 and G; the rest of them are territories


def without_firms(frames: dict) -> list[str]:
    """Are the firms what keeps the committee's kind of series (GSO, D) over-covered? The short widening re-learned on
    L1–L4 with and without L5's territories (its counties, municipalities and states), and on the GSO series alone, L5
    and G split into territories and firms; 80 % / 95 % cover by length and the largest reliability gap."""
    def is_firm(sid: str) -> bool:
        parts = sid.split(":")
        return parts[0] == "micro" and parts[1] in FIRMS

    split = {}
    for name, g in frames.items():
        key = name.split(":")[0]
        if key in ("L5", "G"):
            firm = g["series_id"].map(is_firm)
            split[f"{key} territories"], split[f"{key} firms"] = g[~firm], g[firm]
        else:
            split[key] = g
    lines = ["## Learned without the firms", "",
             "The shipped widening learns on L1–L5; here L5 is split into its territories (counties, municipalities, states) and "
             "its firms (UK and Spanish firms, US airlines), and G likewise. Cells: 80 % / 95 % cover with the last 2, 3, 5 "
             "and 8 points; the largest reliability gap.", "",
             "| learned on | (a, b, c) | worst learning loss | " + " | ".join(split) + " |", "|---|---|---|" + "---|" * len(split)]
    for label, names in (("L1–L5 (shipped, data/calibration.json)", None), ("L1–L4 and L5's territories", ["L1", "L2", "L3", "L4", "L5 territories"]),
                         ("L1–L4", ["L1", "L2", "L3", "L4"]),
                         ("L3 alone (GSO, even provinces: what a GSO-only widening would give D)", ["L3"])):
        if names is None:
            p, worst = default_calibration().params["short"], None
        else:
            p, info = cb.learn_family([split[n] for n in names], cb.UNDER_WEIGHT["short"])
            worst = info["worst_loss"]
        cells = []
        for g in split.values():
            f = g.assign(k=cb.k_of(g.drop(columns=["rough"], errors="ignore"), p))
            table, _, _ = cb.reliability(f)
            t = table[table["n"] >= 30]
            cover = " ".join(f"{cb.coverage(f[f['n_obs'] == n], .8):.0%}/{cb.coverage(f[f['n_obs'] == n], .95):.0%}".replace("%", "")
                             for n in (2, 3, 5, 8))
            cells.append(f"{cover} ({float((t['predicted'] - t['observed']).abs().max()) * 100:.0f} pp)")
        lines.append(f"| {label} | ({p['a']:.2f}, {p['b']:.2f}, {p['c']:.2f}) | "
                     + ("as in the shipped section above" if worst is None else f"{worst:.4f}") + " | " + " | ".join(cells) + " |")
        print("without firms", label, p, flush=True)
    return lines + [""]


def main() -> int:
    records = cb.stored_records()
    frames = ratios(records)
    learn = [n for n in frames if n.startswith("L")]
    lines = ["# The constrained trend's spread: other rules, re-learned and checked on the stored records", "",
             "Each rule's short-family widening k(h, n) is re-learned on L1–L5 as benchmarks/calibrate.py does; 80 % / 95 % "
             "cover by history length, the largest reliability gap (deciles with ≥ 30 events) and, for the firms' panels "
             "(L5, G) and the GSO series (L3, D), the 80 % cover with 2–3 points by panel or indicator.", ""]
    for rule, text in RULES.items():
        learnt = []
        for n in learn:
            f = frames[n].copy()
            for lv in (50, 80, 95):
                f[f"need{lv}"] = f[f"need{lv}"] * f["ratio_" + rule]
            learnt.append(f)
        p, info = cb.learn_family(learnt, cb.UNDER_WEIGHT["short"])
        lines += [f"## {rule}: sigma = {text}", "",
                  f"Learned (a, b, c) = ({p['a']:.2f}, {p['b']:.2f}, {p['c']:.2f}); worst learning loss {info['worst_loss']:.4f}.", "",
                  "| collection | 2 points | 3 | 5 | 8 | reliability gap | 80 % cover with 2–3 points, by panel |",
                  "|---|---|---|---|---|---|---|"]
        for name, g in frames.items():
            f = g.assign(k=cb.k_of(g, p) / g["ratio_" + rule])
            cells = [f"{cb.coverage(x, .8):.0%} / {cb.coverage(x, .95):.0%}" for x in (f[f["n_obs"] == n] for n in (2, 3, 5, 8))]
            table, _, _ = cb.reliability(f)
            t = table[table["n"] >= 30]          # as benchmarks/calibrate.py quotes it
            gap = float((t["predicted"] - t["observed"]).abs().max()) * 100
            by = ""
            if name.split(":")[0] in ("L5", "G", "L3", "D"):
                short = f[f["n_obs"].isin((2, 3))]
                by = ", ".join(f"{k} {cb.coverage(x, .8):.0%}" for k, x in short.groupby(short["series_id"].map(panel)))
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {gap:.1f} pp | {by} |")
        lines.append("")
        print(rule, p, round(info["worst_loss"], 4), flush=True)
    lines += sigma_term(frames, learn)
    lines += without_firms(frames)
    out = ROOT / "benchmarks" / "results" / "short_spread.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
