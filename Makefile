# The two commands of the README:
#   make demo   create .venv, install diplograph, ingest the sample corpus into ./diplograph.db, show it,
#               and serve the dashboard on http://127.0.0.1:8000/ (Ctrl-C stops it)
#   make test   create .venv, install diplograph with its test tools, run ruff, mypy and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test chromium lint bench evaluate clean screenshots

# pip's output (and its warnings) goes to $(LOG); it is shown only when pip fails.
LOG := $(VENV)/install.log
QUIET_PIP = $(BIN)/python -m pip install --disable-pip-version-check --no-input

$(BIN)/python:
	@echo "creating $(VENV) (pip's output goes to $(LOG))"
	@$(PYTHON) -m venv $(VENV)
	@$(QUIET_PIP) --upgrade "pip>=24" > $(LOG) 2>&1 || { cat $(LOG); echo "pip failed: its output is above and in $(LOG)"; exit 1; }

$(STAMP): $(BIN)/python pyproject.toml
	@echo "installing diplograph and its dependencies into $(VENV) (pip's output: $(LOG)) …"
	@$(QUIET_PIP) -e ".[dev]" >> $(LOG) 2>&1 || { cat $(LOG); echo "pip failed: its output is above and in $(LOG)"; exit 1; }
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/diplograph demo --db sqlite:///diplograph.db
	$(BIN)/diplograph serve --db sqlite:///diplograph.db

test: $(STAMP) chromium
	$(BIN)/ruff check src tests $(wildcard bench) $(wildcard tools)
	$(BIN)/ruff format --check src tests $(wildcard bench) $(wildcard tools)
	$(BIN)/mypy src
	$(BIN)/python -m pytest -q

# The browser of the end-to-end tests (tests/e2e): Debian's chromium, from Debian's packages.
chromium:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The README's screenshots (docs/screenshots), taken by the browser tests.
screenshots: $(STAMP) chromium
	DIPLOGRAPH_WRITE_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/e2e -k readme_screenshots

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/mypy src

# The annotated articles of the tests by default; `make evaluate CORPUS=path/to/gold` for another corpus.
CORPUS ?= tests/articles

evaluate: $(STAMP)
	$(BIN)/diplograph evaluate $(CORPUS)

bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) build *.egg-info diplograph.db
