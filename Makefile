# The two quick-start commands: `make demo` and `make test`. Both install everything first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad analyze demo/corpus --registry demo/registry.json --out demo-out

test: $(STAMP)
	$(BIN)/ruff check src tests bench tools demo
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools demo
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
