# The two quick-start commands: `make demo` and `make test`. Both install everything first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint bench browser postgres

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad analyze demo/corpus --registry demo/registry.json --out demo-out

# Debian's Chromium for the browser tests (Playwright drives it; nothing downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	  && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium is not installed and cannot be installed here: the browser tests will be skipped"; }

# Debian's PostgreSQL for the PostgreSQL store tests: they start a throwaway server of their own
# (initdb into a temporary folder, a free port), so the package's own cluster is not needed.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	  && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
	  || echo "PostgreSQL is not installed and cannot be installed here: the PostgreSQL tests will be skipped"; }

test: $(STAMP) browser postgres
	$(BIN)/ruff check src tests bench tools demo
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools demo
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
