"""Published progress formulas (methods.md §b): growth rates, UN 2023 and Open SDG categories, words for probabilities.

Pure functions on numbers, so each can be checked against a hand-computed case.
"""
from __future__ import annotations

import math

# IPCC calibrated likelihood language (AR5), in Vietnamese and English; lower edges are inclusive.
LIKELIHOOD = (   # lower edges, inclusive; the words are the catalogue's likelihood_<code>
    (0.99, "virtually_certain"),
    (0.90, "very_likely"),
    (0.66, "likely"),
    (0.33, "about_as_likely_as_not"),
    (0.10, "unlikely"),
    (0.01, "very_unlikely"),
    (0.0, "exceptionally_unlikely"),
)

def likelihood(p: float) -> tuple[str, str, str]:
    """(code, Vietnamese, English) phrase for a probability in [0, 1]."""
    if p is None or math.isnan(p):
        raise ValueError("probability is missing")
    from models.texts import t

    code = next((c for edge, c in LIKELIHOOD if p >= edge), LIKELIHOOD[-1][1])
    return code, t(f"likelihood_{code}", "vi"), t(f"likelihood_{code}", "en")


def cagr(y0: float, yt: float, years: float) -> float:
    """Compound annual growth (fraction) from y0 to yt over `years` years."""
    if years <= 0:
        raise ValueError("years must be positive")
    if y0 <= 0 or yt <= 0:
        raise ValueError("compound growth needs positive values")
    return (yt / y0) ** (1.0 / years) - 1.0


def required_growth(y0: float, g_target: float, base_year: int, yt: float, t: int, target_year: int) -> float:
    """Growth per year still needed from year t so that the average from base_year to target_year is g_target."""
    remaining = target_year - t
    if remaining <= 0:
        raise ValueError("the target year has passed")
    return (y0 * (1 + g_target) ** (target_year - base_year) / yt) ** (1.0 / remaining) - 1.0


def un2023_category(y0: float, yt: float, t0: int, t: int, target: float, target_year: int,
                    higher_is_better: bool = True) -> tuple[str, float | None]:
    """UN 2023 / EUSTAT: extrapolate at the observed CAGR, P = (ŷ_T − y0)/(y* − y0); 0.95 and 0.10 cut-offs."""
    if (higher_is_better and yt >= target) or (not higher_is_better and yt <= target):
        return "achieved", None
    if t <= t0:
        raise ValueError("at least two years of data are needed")
    growth = cagr(y0, yt, t - t0)
    y_hat = yt * (1 + growth) ** (target_year - t)
    if target == y0:
        return ("on_track" if (y_hat >= target) == higher_is_better else "stagnation"), None
    p = (y_hat - y0) / (target - y0)
    if p >= 0.95:
        return "on_track", p
    if p >= 0.10:
        return "fair_progress", p
    return "stagnation", p


def open_sdg_category(y0: float, yt: float, t0: int, t: int, target: float, target_year: int,
                      higher_is_better: bool = True) -> tuple[str, float | None]:
    """Open SDG: R = sign(y0)·d·CAGR_a/|CAGR_r| with bands 0.95 / 0.60 / 0 (zero values replaced by 0.001)."""
    d = 1 if higher_is_better else -1
    if (d == 1 and yt >= target) or (d == -1 and yt <= target):
        return "achieved", None
    y0 = y0 or 0.001
    target = target or 0.001
    actual = cagr(abs(y0), abs(yt), t - t0)
    required = cagr(abs(y0), abs(target), target_year - t0)
    if required == 0:
        return ("on_track" if d * actual >= 0 else "deterioration"), None
    r = math.copysign(1, y0) * d * actual / abs(required)
    if r >= 0.95:
        return "on_track", r
    if r >= 0.60:
        return "acceleration_needed", r
    if r >= 0:
        return "limited", r
    return "deterioration", r


def evidence_strength(n_points: int) -> str:
    """ESCAP-style evidence marker from the number of points in the series used."""
    if n_points >= 10:
        return "strong"
    if n_points >= 6:
        return "moderate"
    if n_points >= 2:
        return "low"
    return "none"
