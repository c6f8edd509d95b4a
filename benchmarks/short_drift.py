"""How much of its own drift a 2–8-point trend should keep: by agreement of its changes (measured, not shipped) and for money
per head at current prices (the whole of it: shipped in the app, models.catalog.PER_HEAD_MONEY_UNITS).

Why: with the last 2–3 points the outcomes of most collections fall above the shipped median 57–73% of the time (the trend
went on more than drift × m/(m + c) damped says; the fertility rates fall below it as often, the same thing downwards), while
every weaker shrinkage tried so far cost MASE on the GSO and firms' series (benchmarks/calibrate.py, `shrink_sweep`). The
count rule cannot tell two yearly rises of 9.8% and 10.6% (the old province's GRDP per capita, 2022–2024) from +20% and −1%.
A weight by agreement can: t² = m · mean(d)² / sd(d)², w = t² / (t² + c), the sd at least the spread floor (m ≥ 2; one change
keeps the count rule). `ct_snr*` in calibrate.py is not this rule: it divides by the shipped sigma, at least mean |d|, so
t² ≤ m and agreeing changes never keep more than the count rule gives them.

Exact without new backtests: the constrained trend's median path is last + w · mean(d) · (φ + … + φ^h), the drift held within
±DRIFT_CAP on the log scale, and its noise does not
depend on w, so each record's median, quantiles and point under another w follow from the stored ones (checked: the shipped
w reproduces every stored median to 1e-14). Cover uses the shipped widening k(h, n).

Run after benchmarks/calibrate.py (reads var/calibration_records.pkl and the same series loaders):
  .venv/bin/python benchmarks/short_drift.py      -> benchmarks/results/short_drift.md
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibrate as cb  # noqa: E402
import short_spread as ss  # noqa: E402
from models.backtest import QGRID  # noqa: E402
from models.calibration import default as shipped_calibration, roughness  # noqa: E402
from models.forecast import ConstrainedTrend  # noqa: E402

LENGTHS = (3, 5, 8)
RULES = [("shipped", 0.0)] + [("agree", c) for c in (1.0, 2.0, 4.0, 8.0)] + [("max", c) for c in (1.0, 2.0, 4.0)]
RULE_TEXT = {"shipped": "m / (m + r²)", "agree": "t² / (t² + c)", "max": "max(m / (m + r²), t² / (t² + c))"}


def records_with_history(lengths: tuple[int, ...] = LENGTHS) -> dict:
    """Per collection, the short trend's records where the app uses it, with their history's mean change, sd, count,
    floor, the shipped weight and the transform (to turn a median into a point)."""
    def describe(sid, hist, tr):
        z = tr.forward(hist.to_numpy())
        d = np.diff(z)
        count = d.size / (d.size + ConstrainedTrend.shrink_c * roughness(z) ** ConstrainedTrend.rough_power)
        per_head = cb.keeps_drift(sid)
        return {"dbar": float(d.mean()), "sd": float(d.std(ddof=1)) if d.size > 1 else np.nan, "m": d.size,
                "floor": tr.floor(float(hist.iloc[-1])), "w_count": count, "per_head": per_head,
                "w_ship": 1.0 if per_head else count,    # what the stored records used, as the app does
                "tkind": tr.kind, "lo": np.nan if tr.lower is None else tr.lower,
                "hi": np.nan if tr.upper is None else tr.upper}

    return ss.with_histories(cb.stored_records(), describe, lengths)


def weight(g: pd.DataFrame, rule: str, c: float) -> np.ndarray:
    ws = g["w_ship"].to_numpy(float)
    if rule == "shipped":
        return ws
    m = g["m"].to_numpy(float)
    sd = np.maximum(g["sd"].to_numpy(float), np.maximum(g["floor"].to_numpy(float), 1e-12))
    t2 = m * g["dbar"].to_numpy(float) ** 2 / sd ** 2
    agree = t2 / (t2 + c)
    return agree if rule == "agree" else np.maximum(ws, agree)


def _point(z: np.ndarray, g: pd.DataFrame) -> np.ndarray:
    kind = g["tkind"].to_numpy()
    lo, hi = g["lo"].to_numpy(float), g["hi"].to_numpy(float)
    return np.where(kind == "log", np.exp(np.where(kind == "log", z, 0.0)),
                    np.where(kind == "logit", lo + (hi - lo) / (1.0 + np.exp(-z)), z))


def kept(g: pd.DataFrame, w: np.ndarray) -> np.ndarray:
    """The yearly drift the trend carries when it keeps w of its mean change (capped on the log scale, cb.carried)."""
    return cb.carried(w * g["dbar"].to_numpy(float), g["tkind"].to_numpy() == "log")


def _steps(g: pd.DataFrame) -> np.ndarray:
    """φ + … + φ^h per record: how far the constrained trend carries its drift (ConstrainedTrend.simulate)."""
    return cb.damped_steps(g["h"].to_numpy())


def band_cover(q: np.ndarray, dev: np.ndarray, level: float) -> float:
    """Share of outcomes (their distance from the median, `dev`) inside the central `level` band of the calibrated
    quantile offsets `q` (records × QGRID)."""
    lo = q[:, int(np.argmin(np.abs(QGRID - (1 - level) / 2)))]
    hi = q[:, int(np.argmin(np.abs(QGRID - (1 + level) / 2)))]
    return float(np.mean((dev >= lo) & (dev <= hi)))


def evaluate(g: pd.DataFrame, w: np.ndarray, p: dict) -> dict:
    med0 = g["z_median"].to_numpy()
    med = med0 + (kept(g, w) - kept(g, g["w_ship"].to_numpy(float))) * _steps(g)
    k = cb.k_of(g.drop(columns=["rough"]), p)[:, None]
    q = (np.stack(g["z_q"].to_numpy()) - med0[:, None]) * k        # the calibrated spread around the median
    dev = g["z_actual"].to_numpy() - med
    ok = g["scale"].to_numpy() > 0
    err = np.abs(g["actual"].to_numpy() - _point(med, g))[ok] / g["scale"].to_numpy()[ok]
    return {"mase": float(err.mean()), "q50": float(np.mean(dev < 0)),
            "cover": {level: band_cover(q, dev, level) for level in (0.8, 0.95)}}


# Series in current prices or in prices themselves (inflation in every change): do they need less shrinkage? The GRDP per
# capita and labour productivity of the committee's targets are of this kind. By panel variable, as the loaders name them.
CURRENT_PRICE = {"pwt": {"pl_gdpo", "xr", "pl_con"}, "gso": {"labour_productivity_current"},
                 "plm": {"Cigar:ndi", "Cigar:price", "Cigar:pimin"},
                 "micro": {"USSeatBelts:income", "Crime:wcon", "Crime:wtrd", "Crime:wser", "Crime:wmfg", "Crime:taxpc",
                           "Municipalities:grants", "Municipalities:expenditures", "Municipalities:revenues",
                           "NaturalGas:price", "NaturalGas:eprice"},
                 "sm": {"macro:cpi", "macro:m1", "longley:GNP", "longley:GNPDEFL"}}


def current_price_table(rows: dict, p: dict) -> list[str]:
    lines = ["## Current-price series: shipped, no shrinkage (w = 1), agreement (c = 2)", "",
             "Series in current prices or in prices (" + ", ".join(sorted(v for vs in CURRENT_PRICE.values() for v in vs))
             + "). Cells: MASE, share below the median, 80 % / 95 % cover (shipped widening).", "",
             "| collection | points | forecasts | shipped | no shrinkage | agreement, c = 2 |", "|---|---|---|---|---|---|"]
    for name, g in rows.items():
        kind = g["series_id"].map(cb.panel_variable)
        x = g[kind.map(lambda v: v[1] in CURRENT_PRICE.get(v[0], ()))]
        for L in LENGTHS:
            y = x[x["n_obs"] == L]
            if len(y) < 30:
                continue
            cells = []
            for w in (weight(y, "shipped", 0.0), np.ones(len(y)), weight(y, "agree", 2.0)):
                v = evaluate(y, w, p)
                cells.append(f"{v['mase']:.3f}, {v['q50']:.2f}, {v['cover'][0.8]:.0%} / {v['cover'][0.95]:.0%}")
            lines.append(f"| {name} | {L} | {len(y)} | " + " | ".join(cells) + " |")
    return lines + [""]


def per_head_money_table(p: dict, rows: dict) -> list[str]:
    lines = ["## Money per head at current prices: the whole drift kept (shipped in the app, 2026-12-07)", "",
             "The constrained trend with w = 1 (still damped, φ = 0.9) against the count rule, on the series of the kind the app "
             "keeps the drift for. Cells: MASE, share of outcomes below the median, 80 % / 95 % cover (shipped widening).", "",
             "| collection | points | forecasts | count rule | whole drift | MASE change |", "|---|---|---|---|---|---|"]
    worse = []
    for name, g in rows.items():
        x = g[g["per_head"]]
        for L in (2, 3, 5, 8):
            y = x[x["n_obs"] == L]
            if len(y) < 20:
                continue
            a, b = evaluate(y, y["w_count"].to_numpy(float), p), evaluate(y, np.ones(len(y)), p)
            cell = lambda v: f"{v['mase']:.3f}, {v['q50']:.2f}, {v['cover'][0.8]:.0%} / {v['cover'][0.95]:.0%}"  # noqa: E731
            lines.append(f"| {name} | {L} | {len(y)} | {cell(a)} | {cell(b)} | {b['mase'] / a['mase'] - 1:+.1%} |")
            if b["mase"] > a["mase"]:       # where keeping the drift loses: by forecast origin
                worse.append(f"{name.split(':')[0]}, {L} points, MASE count rule → whole drift by origin: " + "; ".join(
                    f"{o} ({len(z)}) {evaluate(z, z['w_count'].to_numpy(float), p)['mase']:.3f} → "
                    f"{evaluate(z, np.ones(len(z)), p)['mase']:.3f}" for o, z in y.groupby("origin")))
    lines += [""] + [f"- {w}" for w in worse] + ["", "P(meet) reliability on the same records (threshold events as in calibrate.py, "
              "2–8 points pooled): largest decile gap (deciles with ≥ 30 events), Brier, base-rate Brier.", "",
              "| collection | events | count rule | whole drift |", "|---|---|---|---|"]
    for name, g in rows.items():
        y = g[g["per_head"]]
        if len(y) < 20:
            continue
        cells = []
        for w in (y["w_count"].to_numpy(float), np.ones(len(y))):
            table, brier, base = cb.reliability(shifted(y, w, p))
            t = table[table["n"] >= 30]
            cells.append(f"{float((t['predicted'] - t['observed']).abs().max()) * 100:.1f} pp, {brier:.3f}, {base:.3f}")
        lines.append(f"| {name} | {int(table['n'].sum())} | " + " | ".join(cells) + " |")
    return lines + [""] + narrower_table(rows, p)


NARROW = np.round(np.arange(0.3, 1.201, 0.05), 2)


def narrower_table(rows: dict, p: dict) -> list[str]:
    """Money per head with the whole drift is covered more than nominal: would a band s times the shipped one serve it?
    s learned on the learning collections' records of the kind (L4, L5) by the short family's rule (mean plus worst
    squared cover error at 50/80/95 %, too narrow ×4), checked on D, F, G."""
    kind = {}
    for name, g in rows.items():
        y = g[g["per_head"]]
        if len(y) >= 20:
            kind[name] = shifted(y, np.ones(len(y)), p)

    def cover(f: pd.DataFrame, s: float, level: float) -> float:
        med = f["z_median"].to_numpy()
        q = (np.stack(f["z_q"].to_numpy()) - med[:, None]) * (f["k"].to_numpy() * s)[:, None]
        return band_cover(q, f["z_actual"].to_numpy() - med, level)

    def loss(f: pd.DataFrame, s: float) -> float:
        gaps = [cover(f, s, lv) - lv for lv in cb.LEVELS]
        return sum((cb.UNDER_WEIGHT["short"] if x < 0 else 1.0) * x ** 2 for x in gaps)

    learn = [n for n in kind if n.startswith("L")]
    worst = [max(loss(kind[n], s) for n in learn) + np.mean([loss(kind[n], s) for n in learn]) for s in NARROW]
    best = float(NARROW[int(np.argmin(worst))])
    lines = [f"A band s times the shipped one for money per head (whole drift), s learned on {', '.join(n.split(':')[0] for n in learn)}: "
             f"s = {best:g}. Cells: 80 % / 95 % cover with 2 / 3 / 5 / 8 points; largest reliability gap; Brier (base rate).", "",
             "| collection | s = 1 | s = " + f"{best:g} |", "|---|---|---|"]
    for name, f in kind.items():
        cells = []
        for s in (1.0, best):
            table, brier, base = cb.reliability(f.assign(k=f["k"] * s))
            t = table[table["n"] >= 30]
            by = " ".join(f"{cover(f[f['n_obs'] == n], s, .8):.0%}/{cover(f[f['n_obs'] == n], s, .95):.0%}".replace("%", "")
                          for n in (2, 3, 5, 8) if (f["n_obs"] == n).any())
            cells.append(f"{by}; {float((t['predicted'] - t['observed']).abs().max()) * 100:.1f} pp; {brier:.3f} ({base:.3f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines + [""]


def shifted(g: pd.DataFrame, w: np.ndarray, p: dict) -> pd.DataFrame:
    """The records as if the trend had kept w of its drift: median and quantiles moved together, the shipped k."""
    delta = (kept(g, w) - kept(g, g["w_ship"].to_numpy(float))) * _steps(g)
    return g.assign(z_median=g["z_median"].to_numpy() + delta, z_q=[q + dz for q, dz in zip(g["z_q"], delta)],
                    k=cb.k_of(g.drop(columns=["rough"]), p))


def by_variable_table(rows: dict, p: dict, length: int = 3) -> list[str]:
    """A map for rules by kind of indicator: per collection and variable (40+ forecasts), with `length` points, the shipped
    forecast's cover and median share, and what keeping the whole drift would change."""
    lines = [f"## By variable, last {length} points: where a rule by kind of indicator might hold", "",
             "Shipped: 80 % / 95 % cover, share of outcomes below the median; then the MASE change and the median share with "
             "the whole drift kept (w = 1). Sorted by the shipped share below the median.", "",
             "| collection | variable | forecasts | shipped | whole drift |", "|---|---|---|---|---|"]
    out = []
    for name, g in rows.items():
        g = g[g["n_obs"] == length]
        for var, y in g.groupby(g["series_id"].map(lambda sid: ":".join(cb.panel_variable(sid)))):
            if len(y) < 40:
                continue
            a, b = evaluate(y, weight(y, "shipped", 0.0), p), evaluate(y, np.ones(len(y)), p)
            out.append((a["q50"], f"| {name.split(':')[0]} | {var} | {len(y)} | {a['cover'][0.8]:.0%} / {a['cover'][0.95]:.0%}, "
                                  f"{a['q50']:.2f} | {b['mase'] / a['mase'] - 1:+.1%}, {b['q50']:.2f} |"))
    return lines + [row for _, row in sorted(out)] + [""]


def main() -> int:
    p = shipped_calibration().params["short"]
    every = records_with_history((2, *LENGTHS))         # the pickle read once; 2 points for the money-per-head table only
    rows = {name: g[g["n_obs"].isin(LENGTHS)] for name, g in every.items()}
    learn = [n for n in rows if n.startswith("L")]
    res = {(name, L, rule, c): evaluate(g[g["n_obs"] == L], weight(g[g["n_obs"] == L], rule, c), p)
           for name, g in rows.items() for L in LENGTHS for rule, c in RULES if (g["n_obs"] == L).any()}
    check = max(float(np.nanmax(np.abs(g["z_last"].to_numpy() + kept(g, g["w_ship"].to_numpy(float)) * _steps(g)
                                       - g["z_median"].to_numpy()))) for g in rows.values() if len(g))
    lines = ["# How much of its drift a short trend keeps: by agreement of its changes (measured, not shipped) and for money "
             "per head at current prices (shipped)", "",
             "Rules: shipped m / (m + r²) (r = 1 below 5 points); agree t² / (t² + c), t² = m · mean(d)² / sd(d)² (sd at least "
             "the spread floor); max of the two. Each cell: MASE change against the shipped rule, share of outcomes below "
             "the median, 80 % / 95 % cover with the shipped widening. From the stored records: the shipped weight reproduces "
             f"every stored median (largest difference {check:.1e} on the model's scale).", ""]
    worst = {}
    for rule, c in RULES[1:]:
        worst[(rule, c)] = max(res[(n, L, rule, c)]["mase"] / res[(n, L, "shipped", 0.0)]["mase"] - 1
                               for n in learn for L in LENGTHS if (n, L, rule, c) in res)
    lines += ["Worst learning collection's MASE change over the last 3, 5 and 8 points (the rule the project chooses by):", "",
              "| rule | c | worst learning MASE change |", "|---|---|---|"]
    lines += [f"| {RULE_TEXT[r]} | {c:g} | {v:+.1%} |" for (r, c), v in worst.items()]
    for L in LENGTHS:
        lines += ["", f"## Last {L} points", "",
                  "| collection | " + " | ".join(f"{r} {c:g}" if r != "shipped" else "shipped" for r, c in RULES) + " |",
                  "|---|" + "---|" * len(RULES)]
        for name in rows:
            if (name, L, "shipped", 0.0) not in res:
                continue
            base = res[(name, L, "shipped", 0.0)]["mase"]
            cells = []
            for rule, c in RULES:
                v = res[(name, L, rule, c)]
                cells.append(f"{v['mase'] / base - 1:+.1%}, {v['q50']:.2f}, {v['cover'][0.8]:.0%} / {v['cover'][0.95]:.0%}")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [""] + current_price_table(rows, p) + per_head_money_table(p, every)
    lines += by_variable_table(rows, p)
    cb.write_result("short_drift.md", "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
