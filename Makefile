# Two commands do everything on a fresh machine with Python 3.11+:
#   make demo   set up .venv and run the main job on the bundled playbooks
#   make test   set up .venv (with test tools) and run lint, types and every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_TODAY ?= 2026-03-12

.PHONY: demo test lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "followup needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/followup playbooks
	$(BIN)/followup plan examples/cases/acme-data-eng.yaml --today $(DEMO_TODAY)
	$(BIN)/followup plan examples/cases/acme-data-eng.yaml --today $(DEMO_TODAY) --json
	$(BIN)/followup agenda examples/cases --today $(DEMO_TODAY)

lint: $(STAMP)
	$(BIN)/ruff check src tests features bench conftest.py
	$(BIN)/ruff format --check src tests features bench conftest.py

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/followup

# coverage runs pytest (not pytest-cov), so modules the step-library plugin imports while pytest
# starts are measured too.
pytest: $(STAMP)
	$(BIN)/coverage run -m pytest -q
	$(BIN)/coverage report

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/agenda_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
