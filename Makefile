# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   set up .venv from the lock file and run the main job on the bundled playbooks
#   make test   set up .venv from the lock file and run lint, types and every test
# Dependencies are installed exactly as pinned, with hashes, in requirements.lock:
#   make lock          re-resolve the lock from pyproject.toml's ranges (an upgrade, on purpose)
#   make test-latest   run everything against the newest releases those ranges allow
PYTHON ?= python3
VENV := .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed
LOCK := requirements.lock
DEMO_TODAY ?= 2026-03-12
# Test processes: one per core (pytest-xdist); `make test JOBS=0` runs them in this process.
JOBS ?= auto
PIP_TOOLS := pip-tools==7.7.0

.PHONY: demo test lint typecheck layers pytest bench bench-prove lock test-latest clean

$(STAMP): $(LOCK) pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "followup needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/followup playbooks
	$(BIN)/followup plan examples/cases/acme-data-eng.yaml --today $(DEMO_TODAY)
	$(BIN)/followup plan examples/cases/acme-data-eng.yaml --today $(DEMO_TODAY) --json
	$(BIN)/followup agenda examples/cases --today $(DEMO_TODAY)

lint: $(STAMP)
	$(BIN)/ruff check src tests features bench conftest.py hatch_build.py
	$(BIN)/ruff format --check src tests features bench conftest.py hatch_build.py

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/followup

# The layer order in pyproject.toml ([tool.importlinter]); docs/architecture.md explains it.
layers: $(STAMP)
	$(BIN)/lint-imports

# coverage runs pytest (not pytest-cov), so modules the step-library plugin imports while pytest
# starts are measured too; xdist's workers are measured through coverage's subprocess patch.
pytest: $(STAMP)
	$(BIN)/coverage erase
	$(BIN)/coverage run -m pytest -q -n $(JOBS) --dist loadfile
	$(BIN)/coverage combine -q
	$(BIN)/coverage report

test: lint typecheck layers pytest

bench: $(STAMP)
	$(BIN)/python bench/agenda_bench.py

bench-prove: $(STAMP)
	$(BIN)/python bench/prove_bench.py

lock:
	test -x .venv-lock/bin/python || $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet $(PIP_TOOLS)
	.venv-lock/bin/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe --strip-extras \
		--extra test --all-build-deps --no-emit-index-url --no-emit-find-links \
		-o $(LOCK) pyproject.toml

test-latest:
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	touch .venv-latest/.installed
	$(MAKE) test VENV=.venv-latest

clean:
	rm -rf $(VENV) .venv-latest .venv-lock .pytest_cache .mypy_cache .ruff_cache .hypothesis \
		.coverage .coverage.*
