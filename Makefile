# Two commands do all the set-up: `make serve` (build and preview the site) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: serve build check test lint benchmark clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(BIN)/.installed
	$(BIN)/python -m generator serve

build: $(BIN)/.installed
	$(BIN)/python -m generator build

check: $(BIN)/.installed
	$(BIN)/python -m generator check

lint: $(BIN)/.installed
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site
