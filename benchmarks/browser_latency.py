"""Real-browser latency: slider key press -> changed chart painted (Debian Chromium, Playwright).

All in one run: a bare one-slider Streamlit app as the floor, the target page, the scenario lab, the
in-chart slider (target page and present mode), cold start, first load in a fresh profile, and then
--load N (default 20) concurrent sessions each moving their own slider for --seconds, checking that no
session ever shows another session's value. Run by hand (about 4 minutes):
    .venv/bin/python benchmarks/browser_latency.py
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import serve  # noqa: E402
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
LINE = '[data-testid="stPlotlyChart"] .scatterlayer path.js-line'
ARM = """() => { const sel = '%s';
  const snap = () => [...document.querySelectorAll(sel)].map(e => e.getAttribute('d')).join('|');
  const before = snap(); window.__lat = {tKey: null, tChange: null};
  document.addEventListener('keydown', () => { if (window.__lat.tKey === null) window.__lat.tKey = performance.now(); },
                            {capture: true, once: true});
  const obs = new MutationObserver(() => { if (window.__lat.tChange === null && snap() !== before) {
      window.__lat.tChange = performance.now(); obs.disconnect(); } });
  obs.observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['d']}); }""" % LINE


BARE_APP = """import numpy as np
import plotly.graph_objects as go
import streamlit as st

v = st.slider("Bare slider", -4.0, 4.0, 0.0, 0.1)
x = np.arange(2018, 2031)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=x * 0 + v + np.sin(x), mode="lines")), key="bare")
"""

SCRUB_TEXT = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart] .annotation-text')]
  .map(e => e.textContent).find(x => x.includes('→')) || ''"""


def start_server(store: str, script: str = "app.py") -> tuple[subprocess.Popen, str, float]:
    """The server (tests/serve.py: one way to start it, with a timeout), its URL and when it was asked to start."""
    t0 = time.perf_counter()
    proc, url = serve.start(store, script, timeout=120)
    return proc, url, t0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# when the server last sent anything: a move is over when the socket has been quiet for 300 ms (a fragment's rerun
# may finish before Streamlit shows its status widget, so waiting for that widget alone lets one move's answer
# land in the next move's measurement)
WS_HOOK = """(() => { const O = window.WebSocket; window.__wsLast = 0;
  window.WebSocket = function (...a) { const w = new O(...a);
    w.addEventListener('message', () => { window.__wsLast = performance.now(); }); return w; };
  window.WebSocket.prototype = O.prototype; Object.assign(window.WebSocket, O); })();"""
QUIET = "() => performance.now() - Math.max(window.__wsLast || 0, (window.__lat && window.__lat.tKey) || 0) > 300"


def goto(page, url: str, **kw) -> None:
    page.add_init_script(WS_HOOK)
    page.goto(url, **kw)


MISSED: list[str] = []
ANSWER: dict[str, list[float]] = {}     # key press -> the server's last message of that move, per page and slider


def moves(page, slider_name: str, n: int, direction: str = "ArrowRight") -> list[float]:
    """Time each key press to the first repaint of the chart's lines; a press with no repaint in 15 s is counted."""
    out = []
    for i in range(n):
        page.get_by_role("slider", name=re.compile(slider_name)).focus()   # a rerun may have replaced the element
        page.evaluate(ARM)
        page.keyboard.press(direction if i % 20 < 10 else ("ArrowLeft" if direction == "ArrowRight" else "ArrowRight"))
        try:
            page.wait_for_function("() => window.__lat.tChange !== null", timeout=15000, polling="raf")
            lat = page.evaluate("() => window.__lat")
            out.append(lat["tChange"] - lat["tKey"])
        except Exception:   # noqa: BLE001 - reported as a missed repaint
            MISSED.append(page.url)
        page.wait_for_timeout(250)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=20000)
        page.wait_for_function(QUIET, timeout=20000)
        answer = page.evaluate("() => window.__lat.tKey === null ? -1 : window.__wsLast - window.__lat.tKey")
        if answer > 0:     # the metrics, captions and the server's own figure have all arrived
            where = page.url.split('?')[0].rsplit('/', 1)[-1] or 'bare'
            target = re.search(r"target=(\w+)", page.url)
            where += f" ({target.group(1)})" if target else ""
            ANSWER.setdefault(f"{where}: {slider_name}", []).append(answer)
    return out


FAN = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart] .scatterlayer path.js-fill')]
  .map(e => e.getAttribute('d')).join('|')"""


def scrubs(page, n: int) -> list[tuple[float, float]]:
    """In-chart slider: mouse press on its rail -> the P(meet) line and the fan both changed in the page, and the next
    frame after that (requestAnimationFrame, then a task: the frame that shows them has been painted). No server."""
    touch = page.locator('[data-testid="stPlotlyChart"] .slider-rail-touch-rect').first
    touch.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = touch.bounding_box()
    out = []
    for i in range(n):
        frac = 0.55 + 0.4 * ((i * 7) % 10) / 10            # ten different positions, never the same twice in a row
        before = [page.evaluate(SCRUB_TEXT), page.evaluate(FAN)]
        page.evaluate("""([b, fb]) => { window.__scrub = {t0: null, t1: null, t2: null};
            const f = %s, g = %s;
            document.addEventListener('mousedown', () => { window.__scrub.t0 = performance.now(); },
                                      {capture: true, once: true});
            const obs = new MutationObserver(() => { if (window.__scrub.t1 === null && f() !== b && g() !== fb) {
                window.__scrub.t1 = performance.now(); obs.disconnect();
                requestAnimationFrame(() => setTimeout(() => { window.__scrub.t2 = performance.now(); }, 0)); } });
            obs.observe(document.querySelector('[data-testid=stPlotlyChart]'),
                        {subtree: true, childList: true, characterData: true, attributes: true}); }""" % (SCRUB_TEXT, FAN),
                      before)
        page.mouse.click(box["x"] + box["width"] * frac, box["y"] + box["height"] / 2)
        try:
            page.wait_for_function("() => window.__scrub.t2 !== null", timeout=5000, polling="raf")
            r = page.evaluate("() => window.__scrub")
            out.append((r["t1"] - r["t0"], r["t2"] - r["t0"]))
        except Exception:   # noqa: BLE001 - same position as before: no change to wait for
            MISSED.append(page.url + " (scrub)")
        page.wait_for_timeout(250)     # the release sets the scenario: wait for that rerun before the next press
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=20000)
        page.wait_for_function(QUIET, timeout=20000)
    return out


def bare_run(n: int, b) -> list[float]:
    """The floor: a one-slider, one-line-chart Streamlit app on this machine, same browser."""
    folder = tempfile.mkdtemp(prefix="lotrinh-bare-")
    script = os.path.join(folder, "bare.py")
    Path(script).write_text(BARE_APP, encoding="utf-8")
    proc, url, _ = start_server(folder, script)
    try:
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        goto(page, url)
        page.wait_for_selector(LINE, timeout=60000)
        page.wait_for_timeout(800)
        out = moves(page, "Bare slider", n)
        page.close()
    finally:
        serve.stop(proc)
    return out


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def latency_run(n: int) -> list[str]:
    store = tempfile.mkdtemp(prefix="lotrinh-bench-")
    proc, url, t0 = start_server(store)
    lines = []
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            goto(page, f"{url}/chi-tieu?target=qd325_grdp_growth_2030&sc_grdp_growth=1")
            page.wait_for_selector(LINE, timeout=120000)
            cold = time.perf_counter() - t0
            page.wait_for_timeout(800)
            detail = moves(page, "Tăng trưởng GRDP thêm", n)
            other_lever = moves(page, "Cú sốc GRDP", n)     # not the main lever: no precomputed steps, the server draws
            ctx = b.new_context(viewport={"width": 1400, "height": 1000})
            fresh = ctx.new_page()
            t1 = time.perf_counter()
            fresh.goto(f"{url}/chi-tieu?target=qd325_grdp_growth_2030")
            fresh.wait_for_selector(LINE, timeout=120000)
            first_load = time.perf_counter() - t1
            lab = b.new_page(viewport={"width": 1400, "height": 1000})
            goto(lab, f"{url}/kich-ban?sc_grdp_growth=1")
            lab.wait_for_selector(LINE, timeout=120000)
            lab.wait_for_timeout(800)
            scen = moves(lab, "Tăng trưởng GRDP thêm", n)
            region = b.new_page(viewport={"width": 1400, "height": 1000})
            goto(region, f"{url}/chi-tieu?target=kh402_productivity_region_2045")
            region.wait_for_selector('[data-testid="stPlotlyChart"] .slider-container', timeout=120000)
            region.wait_for_timeout(1500)
            scrub_target = scrubs(region, n)
            region_moves = moves(region, "Tăng trưởng GRDP thêm", n)    # the heaviest page: four levers, 23 years
            present = b.new_page(viewport={"width": 1920, "height": 1080})
            goto(present, f"{url}/hop?present=1")
            present.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=120000)
            present.wait_for_timeout(1000)
            while not present.query_selector('[data-testid="stPlotlyChart"] .slider-container'):
                present.keyboard.press("PageDown")    # to a slide whose chart has the in-chart slider
                present.wait_for_timeout(1500)
                present.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=20000)
            scrub_present = scrubs(present, n)
            bare = bare_run(n, b)
            b.close()
        lines.append(f"- floor: bare one-slider, one-line-chart Streamlit app, same browser ({n} moves): "
                     f"p50 {pct(bare, .5):.0f} ms, p95 {pct(bare, .95):.0f} ms")
        for name, xs in (("target detail", detail), ("target detail, a lever other than the main one", other_lever),
                         ("scenario lab", scen)):
            lines.append(f"- {name} / floor: p50 {pct(xs, .5) / pct(bare, .5):.2f}×, p95 {pct(xs, .95) / pct(bare, .95):.2f}×")
        for name, pairs in (("target detail (region 2045)", scrub_target), ("present mode, 1920×1080", scrub_present)):
            changed, painted = [a for a, _ in pairs], [b_ for _, b_ in pairs]
            lines.append(f"- in-chart slider press → fan and P(meet) repainted (next frame done), {name} ({len(pairs)} "
                         f"presses): p50 {pct(painted, .5):.0f} ms, p95 {pct(painted, .95):.0f} ms, max {max(painted):.0f} ms; "
                         f"changed in the page: p50 {pct(changed, .5):.0f} ms, p95 {pct(changed, .95):.0f} ms")
        lines.append(f"- slider → chart painted, target detail ({n} moves): p50 {pct(detail, .5):.0f} ms, "
                     f"p95 {pct(detail, .95):.0f} ms, max {max(detail):.0f} ms")
        lines.append(f"- slider → chart painted, target detail, other lever ({n} moves): p50 {pct(other_lever, .5):.0f} ms, "
                     f"p95 {pct(other_lever, .95):.0f} ms, max {max(other_lever):.0f} ms")
        lines.append(f"- slider → chart painted, scenario lab ({n} moves): p50 {pct(scen, .5):.0f} ms, "
                     f"p95 {pct(scen, .95):.0f} ms, max {max(scen):.0f} ms")
        lines.append(f"- slider → chart painted, target detail of the 2045 region target ({n} moves): "
                     f"p50 {pct(region_moves, .5):.0f} ms, p95 {pct(region_moves, .95):.0f} ms, max {max(region_moves):.0f} ms")
        for name, xs in ANSWER.items():
            lines.append(f"- slider → the server's whole answer received (metrics, captions, its figure), {name} "
                         f"({len(xs)} moves): p50 {pct(xs, .5):.0f} ms, p95 {pct(xs, .95):.0f} ms")
        lines.append(f"- cold start: `streamlit run` → first chart painted {cold:.1f} s (includes fitting every target)")
        lines.append(f"- first load in a fresh browser profile (warm server): {first_load:.1f} s")
        lines.append(f"- server memory after the run: {rss_mb(proc.pid):.0f} MB RSS")
        lines.append(f"- key presses with no repaint within 15 s: {len(MISSED)}")
    finally:
        serve.stop(proc)
    return lines


SERVER_VALUE = """() => { const c = [...document.querySelectorAll('[data-testid=stCaptionContainer]')]
  .map(e => e.innerText).find(x => x.startsWith('Kịch bản đang dùng:')) || '';
  const m = c.match(/Tăng trưởng GRDP thêm: ([−-]?[0-9.,]+)/);
  return m ? Number(m[1].replace('−', '-').replace(/[.]/g, '').replace(',', '.')) : 0; }"""


def _load_worker(args) -> tuple[list[float], list[str], list[str], list[float]]:
    """One process: its own Chromium with several sessions, each moving its own slider, round-robin. A session
    shows another's value if its slider, or the scenario caption the server wrote for it, is not its own."""
    url, first, count, seconds = args
    lat, errors, leaks, answers = [], [], [], []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        pages = []
        for i in range(first, first + count):
            pg = b.new_context(viewport={"width": 1200, "height": 900}).new_page()
            value = round(-1.5 + 0.1 * i, 1)
            goto(pg, f"{url}/chi-tieu?target=qd325_grdp_growth_2030&sc_grdp_growth={value}", timeout=180000,
                    wait_until="commit")
            pages.append((i, pg, value))
        ready = []
        for i, pg, value in pages:
            try:
                pg.wait_for_selector(LINE, timeout=240000)
                ready.append((i, pg, value))
            except Exception as exc:   # noqa: BLE001 - a session that never painted is counted, not fatal
                errors.append(f"session {i}: first chart not painted in 240 s ({exc.__class__.__name__})")
        pages = ready
        end = time.perf_counter() + seconds
        k = 0
        while time.perf_counter() < end:
            for i, pg, value in pages:
                try:
                    step = "ArrowRight" if k % 2 == 0 else "ArrowLeft"
                    lat.extend(moves(pg, "Tăng trưởng GRDP thêm", 1, step))
                    expected = round(value + (0.1 if step == "ArrowRight" else 0.0), 1)
                    shown = pg.get_by_role("slider", name=re.compile("Tăng trưởng GRDP thêm")).get_attribute(
                        "aria-valuetext")
                    if abs(float(shown) - expected) > 1e-6:
                        leaks.append(f"session {i}: expected {expected}, shows {shown}")
                    try:       # under load an answer can pause longer than QUIET: wait for the caption itself
                        pg.wait_for_function(f"() => Math.abs(({SERVER_VALUE})() - {expected}) < 1e-6", timeout=15000)
                    except Exception:   # noqa: BLE001 - never its own value: counted
                        leaks.append(f"session {i}: expected {expected}, the server's caption says {pg.evaluate(SERVER_VALUE)}")
                    pg.wait_for_function(QUIET, timeout=20000)
                    answer = pg.evaluate("() => window.__lat.tKey === null ? -1 : window.__wsLast - window.__lat.tKey")
                    if answer > 0:
                        answers.append(answer)
                except Exception as exc:   # noqa: BLE001 - counted and reported
                    errors.append(f"session {i}: {exc.__class__.__name__}")
            k += 1
        b.close()
    return lat, errors, leaks, answers


def load_run(sessions: int, seconds: float, workers: int = 4) -> list[str]:
    """`sessions` browser sessions in `workers` processes moving sliders at the same time."""
    from multiprocessing import get_context

    store = tempfile.mkdtemp(prefix="lotrinh-load-")
    proc, url, _ = start_server(store)
    peak = [0.0]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(proc.pid))
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()
    per = [sessions // workers + (1 if w < sessions % workers else 0) for w in range(workers)]
    jobs = [(url, sum(per[:w]), per[w], seconds) for w in range(workers) if per[w]]
    warm = urllib.request.urlopen(url + "/_stcore/health", timeout=5)   # server up; the first session fits
    warm.close()
    try:
        with get_context("spawn").Pool(len(jobs)) as pool:
            results = pool.map(_load_worker, jobs)
    finally:
        done.set()
        serve.stop(proc)
    lat = [x for r in results for x in r[0]]
    errors = [x for r in results for x in r[1]]
    leaks = [x for r in results for x in r[2]]
    answers = [x for r in results for x in r[3]]
    return [f"- {sessions} sessions in {len(jobs)} browser processes moving their own sliders at the same time for "
            f"{seconds:.0f} s, {len(lat)} moves: chart painted p50 {pct(lat, .5):.0f} ms, p95 {pct(lat, .95):.0f} ms; "
            f"the server's whole answer p50 {pct(answers, .5):.0f} ms, p95 {pct(answers, .95):.0f} ms; "
            f"errors {len(errors)}; sessions showing another's value {len(leaks)}; server peak memory "
            f"{peak[0]:.0f} MB RSS"] + [f"  - {e}" for e in (errors + leaks)[:5]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--moves", type=int, default=20)
    ap.add_argument("--load", type=int, default=20, help="concurrent sessions after the latency run (0: none)")
    ap.add_argument("--seconds", type=float, default=45)
    args = ap.parse_args()
    head = (f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"{time.strftime('%Y-%m-%d')}.")
    lines = latency_run(args.moves)
    if args.load:
        lines += load_run(args.load, args.seconds)
    text = "\n".join([head, *lines])
    (ROOT / "benchmarks" / "results" / "browser_latency.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
