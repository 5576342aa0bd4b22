# The two commands of the README:
#   make demo   create .venv, install diplograph, ingest the sample corpus into ./diplograph.db, show it,
#               and serve the dashboard on http://127.0.0.1:8000/ (Ctrl-C stops it)
#   make test   create .venv, install diplograph with its test tools, run ruff, mypy and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test chromium lint bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

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

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/mypy src

evaluate: $(STAMP)
	$(BIN)/diplograph evaluate ../shared/corpus/dev

bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) build *.egg-info diplograph.db
