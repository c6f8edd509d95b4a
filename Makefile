# The two commands of the README: `make run` (the app on the bundled data) and `make test` (every test).
PYTHON ?= python3
VENV   := .venv
PORT   ?= 8501
export OPENBLAS_NUM_THREADS := 1

.PHONY: run test lint data clean system-deps

$(VENV)/.runtime: requirements.txt
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --upgrade pip
	$(VENV)/bin/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(VENV)/bin/python -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

# Debian's Chromium and Noto fonts for the browser tests (installed with apt-get when missing; needs root).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans"; then \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; \
	    else echo "browser tests need Debian's chromium and fonts-noto-core: sudo apt-get install chromium fonts-noto-core"; exit 1; fi; \
	fi

# Static checks (ruff, pinned in requirements-dev.txt; rules in ruff.toml); `make test` runs them first.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

# Tests run in $(JOBS) processes (pytest-xdist), one test file per process at a time, so a file's fixtures are shared.
JOBS ?= 2
test: $(VENV)/.dev system-deps lint
	$(VENV)/bin/python -m pytest -n $(JOBS) --dist loadfile

# Rebuild data/ from ../shared/research/facts (or FACTS=dir) after a new vintage of the fact sheets.
data:
	$(PYTHON) data/build/build_catalog.py $(if $(FACTS),--facts $(FACTS))

clean:
	rm -rf $(VENV) .pytest_cache
