"""Pure plotly figure builders: data in, figure out (no streamlit), so tests can read their traces."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from models.forecast import QUANTILE_LEVELS, path_quantiles
from ui.i18n import fmt_auto, fmt_number, t

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
BASE_COLOR = "#1f5aa6"
SCEN_COLOR = "#d9480f"
TARGET_COLOR = "#2b8a3e"
STATUS_SYMBOLS = {"official": "circle", "preliminary": "circle-open", "estimate": "diamond-open",
                  "derived": "square", "proxy": "x"}
BANDS = ((0.025, 0.975, 0.12), (0.10, 0.90, 0.20), (0.25, 0.75, 0.32))   # 95 / 80 / 50 %


def band_y(lo, hi) -> list:
    """A band's polygon: upper edge forward, lower edge back (x is the years the same way)."""
    return list(hi) + list(lo)[::-1]


def fan_ys(q: dict) -> list[list]:
    """The y of a fan's traces in the order the chart adds them: the 95/80/50% bands, then the median."""
    return [band_y(q[lo], q[hi]) for lo, hi, _ in BANDS] + [list(q[0.5])]


def _band(fig: go.Figure, years, lo, hi, color: str, opacity: float, name: str, group: str, show: bool) -> None:
    fig.add_trace(_scatter(x=list(years) + list(years)[::-1], y=band_y(lo, hi), fill="toself", mode="lines",
                           fillcolor=_rgba(color, opacity), line={"width": 0}, hoverinfo="skip", name=name,
                           legendgroup=group, showlegend=show))


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def quantiles(paths: np.ndarray, levels=(0.025, 0.10, 0.25, 0.5, 0.75, 0.90, 0.975)) -> dict[float, np.ndarray]:
    """Per-year quantiles of simulated paths keyed by level, from models.forecast.path_quantiles."""
    by_level = {v: k for k, v in QUANTILE_LEVELS.items()}
    q = path_quantiles(paths, tuple(by_level[lv] for lv in levels))
    return {lv: q[by_level[lv]] for lv in levels}


def _scatter(**kw) -> go.Scatter:
    """A trace without plotly's property validation (the fan is rebuilt on every lever move; the chart tests
    check what is drawn)."""
    return go.Scatter(_validate=False, **kw)


def fan_chart(history: pd.DataFrame, lang: str = "vi", *, title: str = "", unit: str = "",
              baseline: tuple[np.ndarray, np.ndarray] | None = None,
              scenario: tuple[np.ndarray, np.ndarray] | None = None,
              target: tuple[int, float] | None = None, breaks: list[int] | None = None,
              revision: str = "", estimated: dict[int, np.ndarray] | None = None,
              scrub: dict | None = None) -> go.Figure:
    """History (by status) + baseline and scenario fans (50/80/95%) + target marker + vintage breaks.

    `estimated`: nowcast years of an average-growth window (year -> simulated values), drawn as median and 80% bars.
    `scrub`: an in-chart slider over one lever (see `add_scrub`); the scenario fan is then always drawn from its steps.

    history: columns year, value, status, vintage. baseline/scenario: (years, paths) on the original scale.
    """
    fig = go.Figure(_validate=False)   # built on every lever move: plotly's validation cost ~100 ms (2 cores)
    core: list[np.ndarray] = []       # what the y axis must show: history, target, every 80% band
    tails: list[np.ndarray] = []      # the 95% bands, which may run far beyond on short, long-range series

    def bands_of(q: dict) -> None:
        core.extend([np.asarray(q[0.1]), np.asarray(q[0.9])])
        tails.extend([np.asarray(q[0.025]), np.asarray(q[0.975])])

    if baseline is not None:
        years, paths = baseline
        q = quantiles(paths)
        bands_of(q)
        for lo, hi, op in BANDS:
            _band(fig, years, q[lo], q[hi], BASE_COLOR, op, t("band_baseline", lang), "base", lo == 0.025)
        fig.add_trace(_scatter(x=years, y=q[0.5], mode="lines", line={"color": BASE_COLOR, "dash": "dash"},
                               name=t("median_baseline", lang), legendgroup="base"))
    scen_traces: list[int] = []
    if scenario is not None or scrub is not None:
        if scrub is not None:
            years, q = scrub["years"], scrub["steps"][scrub["active"]]["quantiles"]
            show = scrub["steps"][scrub["active"]]["differs"]
            for step in scrub["steps"]:            # the axis holds every step the in-chart slider can show
                bands_of(step["quantiles"])
        else:
            years, paths = scenario
            q, show = quantiles(paths), True
            bands_of(q)
        for lo, hi, op in BANDS:
            scen_traces.append(len(fig.data))
            _band(fig, years, q[lo], q[hi], SCEN_COLOR, op * 0.6, t("band_scenario", lang), "scen", lo == 0.025)
        scen_traces.append(len(fig.data))
        fig.add_trace(_scatter(x=years, y=q[0.5], mode="lines", line={"color": SCEN_COLOR},
                               name=t("median_scenario", lang), legendgroup="scen"))
        for i in scen_traces:
            fig.data[i].visible = show
    if len(history):
        for vintage, g in history.groupby("vintage", sort=False):
            years = np.arange(int(g["year"].min()), int(g["year"].max()) + 1)
            g = g.drop_duplicates("year").set_index("year").reindex(years).reset_index()   # gaps stay gaps
            fig.add_trace(_scatter(x=g["year"], y=g["value"], mode="lines", connectgaps=False, line={"color": "#333", "width": 1.5},
                                   name=f"{t('history', lang)} ({vintage})", hoverinfo="skip", showlegend=False,
                                   legendgroup=f"hist-{vintage}"))
        for status, g in history.groupby("status", sort=False):
            fig.add_trace(_scatter(
                x=g["year"], y=g["value"], mode="markers", name=t(f"status_{status}", lang),
                marker={"symbol": STATUS_SYMBOLS.get(status, "circle"), "size": 9, "color": "#222",
                        "line": {"width": 1.5, "color": "#222"}},
                customdata=[fmt_number(v, lang, 2) for v in g["value"]],
                hovertemplate="%{x}: %{customdata}<extra>" + t(f"status_{status}", lang) + "</extra>"))
    if estimated:
        ys = sorted(estimated)
        q = np.array([np.quantile(estimated[y], [0.1, 0.5, 0.9]) for y in ys])
        fig.add_trace(_scatter(
            x=ys, y=q[:, 1], mode="markers", name=t("estimated_years_marker", lang),
            marker={"symbol": "diamond", "size": 11, "color": SCEN_COLOR},
            error_y={"type": "data", "symmetric": False, "array": q[:, 2] - q[:, 1], "arrayminus": q[:, 1] - q[:, 0],
                     "color": SCEN_COLOR, "thickness": 2, "width": 6},
            customdata=[f"{fmt_number(a, lang, 2)} ({fmt_number(b, lang, 2)}–{fmt_number(c, lang, 2)})" for b, a, c in q],
            hovertemplate="%{x}: %{customdata}<extra></extra>"))
    if len(history):
        core.append(history["value"].to_numpy(dtype=float))
    if target is not None:
        ty, tv = target
        core.append(np.array([float(tv)]))
        fig.add_trace(_scatter(x=[ty], y=[tv], mode="markers+text", name=t("target_marker", lang),
                               marker={"symbol": "star", "size": 18, "color": TARGET_COLOR},
                               text=[fmt_number(tv, lang, 1)], textposition="top center"))
    for b in breaks or []:
        fig.add_vline(x=b - 0.5, line={"dash": "dot", "color": "#868e96"}, annotation_text=t("break", lang),
                      annotation_position="top left")
    fig.update_layout(title={"text": title}, font={"family": FONT, "size": 14}, height=460,
                      margin={"l": 10, "r": 10, "t": 60, "b": 10}, legend={"orientation": "h", "y": -0.15},
                      yaxis={"title": {"text": unit, "standoff": 12}, "separatethousands": True, "automargin": True},
                      xaxis={"dtick": 5 if _span(fig) > 20 else 1, "automargin": True},
                      uirevision=revision or title, hovermode="x unified",
                      separators=",." if lang == "vi" else ".,")
    clipped = readable_range(core, tails)
    if clipped is None and scrub is not None:
        # the in-chart slider's steps are drawn into a fixed frame (ui/scrub_sync draws them without Plotly's
        # autorange): every step's 95% band, the history and the target stay in view, and the axis never jumps
        fig.update_yaxes(range=list(full_range(core + tails)))
    if clipped is not None:         # the 80% bands in view; where the 95% band goes on is said, not drawn off-scale
        fig.update_yaxes(range=list(clipped[:2]))
        fig.add_annotation(text=t("band_beyond", lang, value=fmt_auto(clipped[2], lang)), xref="paper", yref="paper",
                           x=1.0, y=1.0, xanchor="right", yanchor="bottom", showarrow=False,
                           font={"size": 12, "color": "#868e96"})
    if scrub is not None:
        add_scrub(fig, scrub, scen_traces, lang)
    return fig


def readable_range(core: list[np.ndarray], tails: list[np.ndarray], room: float = 0.5) -> tuple[float, float, float] | None:
    """(low, high, how far the 95% band reaches) when the 95% band runs past the 80% bands, history and target by
    more than `room` of their span — a 2-point series 20 years out — so the axis shows them; None otherwise."""
    vals, ext = _finite(core), _finite(tails)
    if not vals.size or not ext.size:
        return None
    lo, hi = float(vals.min()), float(vals.max())
    span = _extent(lo, hi)
    above, below = float(ext.max()) > hi + room * span, float(ext.min()) < lo - room * span
    if not (above or below):
        return None
    return (*_padded(lo, hi), float(ext.max()) if above else float(ext.min()))


def full_range(values: list[np.ndarray]) -> tuple[float, float]:
    """Everything in `values`, padded as `readable_range` pads."""
    v = _finite(values)
    return _padded(float(v.min()), float(v.max())) if v.size else (0.0, 1.0)


def _finite(arrays: list) -> np.ndarray:
    v = np.concatenate([np.ravel(np.asarray(x, dtype=float)) for x in arrays]) if arrays else np.array([])
    return v[np.isfinite(v)]


def _extent(lo: float, hi: float) -> float:
    return max(hi - lo, abs(hi) * 0.05, 1e-9)


def _padded(lo: float, hi: float, pad: float = 0.08) -> tuple[float, float]:
    """`pad` of the span either side; a positive series' axis does not dip below zero."""
    p = pad * _extent(lo, hi)
    return (max(lo - p, 0.0) if lo >= 0 else lo - p), hi + p


def add_scrub(fig: go.Figure, scrub: dict, traces: list[int], lang: str) -> None:
    """A Plotly slider whose steps restyle the scenario fan and rewrite the P(meet) line: no server round trip.

    scrub: years, active (index), label (the lever and unit), steps: [{value, label, p_text, differs,
    quantiles {level: values}}]. The Streamlit slider stays the one that sets the scenario.
    """
    fig.add_annotation(text=scrub["steps"][scrub["active"]]["p_text"], xref="paper", yref="paper", x=0, y=1.0,
                       xanchor="left", yanchor="bottom", showarrow=False, font={"size": 15, "color": SCEN_COLOR},
                       name="scrub_p")
    k = len(fig.layout.annotations) - 1
    steps = []
    for st_ in scrub["steps"]:
        ys = fan_ys(st_["quantiles"])                  # x never changes
        steps.append({"method": "update", "label": st_["label"], "value": f"{st_['value']:g}",   # the lever value: ui/scrub_sync sends it back
                      "args": [{"y": ys, "visible": [st_["differs"]] * len(traces)},
                               {f"annotations[{k}].text": st_["p_text"]}, traces]})
    fig.update_layout(sliders=[{"active": scrub["active"], "steps": steps, "currentvalue": {"visible": False},
                                "pad": {"t": 0, "b": 0}, "len": 1.0, "x": 0, "y": -0.24, "yanchor": "top",
                                "font": {"size": 11}, "name": "scrub"}],
                      legend={"orientation": "h", "y": -0.08, "yanchor": "top"},
                      height=600, margin={"l": 10, "r": 10, "t": 80, "b": 40})


def _span(fig: go.Figure) -> int:
    xs = [x for tr in fig.data for x in (list(tr.x) if tr.x is not None else [])
          if isinstance(x, (int, float, np.integer, np.floating))]
    return int(max(xs) - min(xs)) if xs else 0


def overlay_chart(lines: dict[str, tuple[np.ndarray, np.ndarray]], lang: str = "vi", *, title: str = "",
                  unit: str = "", history: pd.DataFrame | None = None, target: tuple[int, float] | None = None) -> go.Figure:
    """Median and 80% band of several scenarios on one chart."""
    palette = ["#1f5aa6", "#d9480f", "#2b8a3e", "#7048e8"]
    fig = go.Figure()
    if history is not None and len(history):
        fig.add_trace(_scatter(x=history["year"], y=history["value"], mode="lines+markers", name=t("history", lang),
                               line={"color": "#222"}))
    for i, (name, (years, paths)) in enumerate(lines.items()):
        q = quantiles(paths, (0.1, 0.5, 0.9))
        c = palette[i % len(palette)]
        _band(fig, years, q[0.1], q[0.9], c, 0.15, f"{name} 80%", name, False)
        fig.add_trace(_scatter(x=years, y=q[0.5], mode="lines", name=name, line={"color": c}, legendgroup=name))
    if target is not None:
        fig.add_trace(_scatter(x=[target[0]], y=[target[1]], mode="markers", name=t("target_marker", lang),
                               marker={"symbol": "star", "size": 16, "color": TARGET_COLOR}))
    fig.update_layout(title={"text": title}, font={"family": FONT, "size": 14}, height=420,
                      yaxis={"title": {"text": unit, "standoff": 12}, "automargin": True},
                      margin={"l": 10, "r": 10, "t": 60, "b": 10}, uirevision=title,
                      separators=",." if lang == "vi" else ".,", legend={"orientation": "h", "y": -0.15})
    return fig


def region_bars(frame: pd.DataFrame, lang: str = "vi", *, title: str = "", unit: str = "",
                highlight: tuple[str, ...] = ()) -> go.Figure:
    """Horizontal bars of one indicator across territories; highlighted ones in the accent colour."""
    frame = frame.sort_values("value")
    colors = [SCEN_COLOR if tid in highlight else "#adb5bd" for tid in frame["territory_id"]]
    fig = go.Figure(go.Bar(x=frame["value"], y=frame["name"], orientation="h", marker={"color": colors},
                           text=[fmt_number(v, lang, 1) for v in frame["value"]], textposition="outside"))
    fig.update_layout(title={"text": title}, font={"family": FONT, "size": 13}, xaxis={"title": unit},
                      height=max(300, 26 * len(frame) + 120), margin={"l": 10, "r": 40, "t": 60, "b": 10},
                      separators=",." if lang == "vi" else ".,")
    return fig
