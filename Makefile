# coverage-compare: `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
TABLES_OUT := results/tables
# Notebooks and tests import this checkout's package, whatever else is installed.
export PYTHONPATH := $(CURDIR)
EXECUTE := $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=600
NBVAL := $(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
	--nbval-current-env -p no:cacheprovider

.DEFAULT_GOAL := help
.PHONY: help install run report tables notebooks notebook test unit nbval labcheck lab bench clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## create .venv and install the pinned requirements

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	# a .pth entry makes this checkout importable from the venv (what an editable install does)
	$(BIN)/python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'coverage_compare.pth').write_text('$(CURDIR)\\n')"
	touch $@

# `make run CORPUS=dir [OUT=dir] [CODEBOOK=dir]` runs the suite on your own articles and
# writes everything under OUT (default out/<corpus folder name>); without CORPUS it re-runs
# the bundled sample in place (notebooks, figures/, results/tables, results/report.html).
RUN_ARGS = $(if $(CORPUS),--corpus "$(CORPUS)") $(if $(OUT),--out "$(OUT)") $(if $(CODEBOOK),--codebook "$(CODEBOOK)")

run: install ## notebooks, tables, figures, report: make run [CORPUS=dir OUT=dir CODEBOOK=dir]
	$(BIN)/python -m analysis.runner $(RUN_ARGS)

report: install ## rebuild the HTML report from executed notebooks, no re-run: make report [OUT=dir]
	$(BIN)/python -m analysis.runner --report-only $(RUN_ARGS)

tables: install ## export the contract tables of the bundled corpus to results/tables
	$(BIN)/python -m analysis export --corpus data/raw --out $(TABLES_OUT)

notebooks: install ## execute every notebook in place (outputs and figures/)
	$(EXECUTE) $(NOTEBOOKS)

notebook: install ## execute one notebook: make notebook NB=notebooks/00-inspect-corpus.ipynb
	$(EXECUTE) $(NB)

test: install unit nbval labcheck ## unit tests, nbval over every notebook, JupyterLab check

unit: install ## unit and property tests
	$(BIN)/python -m pytest tests --ignore=tests/lab

nbval: install ## nbval (strict) over every notebook
	$(NBVAL) $(NOTEBOOKS)

labcheck: install ## notebooks open in JupyterLab with their kernel; Chromium renders one
	$(BIN)/python -m pytest tests/lab

lab: install ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: install ## benchmarks (ratios against baselines measured in the same run)
	$(BIN)/python -m benchmarks

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .hypothesis .pytest_cache
