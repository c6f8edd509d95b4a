"""Screenshots of every page in headless Debian Chromium (Playwright, no downloaded browser).

Run by hand with the app running:  .venv/bin/python benchmarks/screenshots.py http://127.0.0.1:8599
Writes docs/screenshots/*.png.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = [("overview", "", ""), ("target", "chi-tieu", "target=qd325_grdp_growth_2030&sc_grdp_growth=1"),
         ("target_broadband", "chi-tieu", "target=kh402_broadband_2025"),
         ("scenarios", "kich-ban", "preset=optimistic"), ("region", "so-sanh-vung", ""),
         ("method", "phuong-phap", ""), ("data", "du-lieu", ""), ("overview_en", "", "lang=en"),
         ("meeting", "hop", ""), ("present", "hop", "present=1&preset=optimistic")]


def main(base: str) -> int:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for name, path, query in PAGES:
            size = {"width": 1920, "height": 1080} if name == "present" else {"width": 1440, "height": 1000}
            page = browser.new_page(viewport=size)
            page.goto(f"{base}/{path}" + (f"?{query}" if query else ""))
            page.wait_for_selector('[data-testid="stAppViewContainer"] h1', timeout=60000)
            page.wait_for_timeout(1500)
            page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60000)
            if page.query_selector('[data-testid="stPlotlyChart"]'):
                page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60000)
            page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=90000)
            if page.query_selector('[data-testid="stDataFrame"]'):
                page.wait_for_selector('[data-testid="stDataFrame"] canvas', timeout=60000)
            page.wait_for_timeout(1000)
            page.screenshot(path=str(out / f"{name}.png"), full_page=name != "present")
            page.close()
            print("wrote", name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8599"))
