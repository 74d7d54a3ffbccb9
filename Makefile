# Plain task runner. Every target creates .venv/ on first use and reinstalls
# the project only when pyproject.toml changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup report test notebooks bench validate sample app clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo ">> creating $(VENV)/"; $(PYTHON) -m venv $(VENV); }
	@echo ">> installing the project into $(VENV)/"
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## Run every notebook on the data in its parameters and write the HTML report.
report: $(STAMP)
	$(BIN)/python -m analysis report $(REPORT_ARGS)

## Lint, type check, unit tests and nbval validation of every notebook.
test: $(STAMP)
	$(BIN)/python -m ruff check analysis tests benchmarks notebooks conftest.py
	$(BIN)/python -m mypy analysis notebooks/*.py
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Write the notebooks from their sources (notebooks/*.py) and re-execute them, refreshing their outputs.
notebooks: $(STAMP)
	$(BIN)/python -m analysis notebooks

## The draft checker in the browser (Voilà on this machine only); stop with Ctrl+C.
APP_PORT ?= 8866
app: $(STAMP)
	@echo ">> concept controleren: open http://localhost:$(APP_PORT)/ in de browser (stoppen: Ctrl+C)"
	$(BIN)/python -m analysis app --port=$(APP_PORT)

## Regenerate the synthetic sample data (contacts and page views).
sample: $(STAMP)
	$(BIN)/python -m analysis synth --corpus corpus/posts --out data/sample

## Benchmarks at the scale of a chain of practices (see README).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

## The effects model's large simulation studies (coverage, false calls); results in docs/validation.md.
validate: $(STAMP)
	$(BIN)/python benchmarks/validate.py

clean:
	rm -rf reports .cache
