"""A real Streamlit server on 127.0.0.1 (free port, private data store) and Debian's Chromium via Playwright."""
import shutil
import tempfile
from pathlib import Path

import pytest

from tests import serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def server():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: .ci/run installs it with apt-get (apt-get install chromium)")
    store = tempfile.mkdtemp(prefix="lotrinh-browser-store-")
    try:
        proc, url = serve.start(store)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield url
    serve.stop(proc)
    shutil.rmtree(store, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


def settle(page):
    """Wait until Streamlit has finished running the script and painting."""
    page.wait_for_timeout(400)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
