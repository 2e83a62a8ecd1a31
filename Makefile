# Short names for the project's commands: `make help` lists them, README.md explains each.
# A target's `## text` is its help line.
.PHONY: setup help test test-fast lint format briefs lab fuzz bench clean

FAST = not slow and not browser
# nbval (the notebook tests run it in a subprocess of their own) imports nbformat at start-up: seconds
FAST_OPTS = -p no:nbval

setup: ## create .venv with the package and its test tools (Chromium and CJK fonts as root on Debian)
	./scripts/setup.sh

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

test: setup ## the whole test suite (CI runs exactly this, through .ci/run)
	.venv/bin/python -m pytest

test-fast: setup ## every test not marked slow (kernels, pools, subprocess pipelines) or browser
	.venv/bin/python -m pytest $(FAST_OPTS) -m "$(FAST)"

lint: setup ## ruff check, ruff format --check and mypy (as the test suite does)
	.venv/bin/ruff check lib tests bench
	.venv/bin/ruff format --check lib tests bench
	.venv/bin/mypy

format: setup ## ruff format and ruff's safe fixes (import order) on lib, tests and bench
	.venv/bin/ruff check --fix-only -q lib tests bench
	.venv/bin/ruff format lib tests bench

briefs: setup ## ingest data/raw and render every brief, the index and the overview into reports_out/
	.venv/bin/ogi ingest data/raw
	.venv/bin/ogi render --store data/processed --out reports_out --overview

lab: setup ## JupyterLab on notebooks/ with the package importable
	.venv/bin/pip install -q -e '.[lab]'
	OGI_STORE=$(CURDIR)/data/processed .venv/bin/jupyter lab --config=scripts/jupyter_server_config.py --notebook-dir=notebooks --allow-root --ip=127.0.0.1

fuzz: setup ## long property-test run (OGI_FUZZ_EXAMPLES=5000)
	OGI_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests -k "property or fuzz"

bench: setup ## parse, ingest and render benchmarks
	.venv/bin/python bench/parse.py
	.venv/bin/python bench/ingest.py --reports 2000
	.venv/bin/python bench/render.py --n 40 --naive-sample 8

clean: ## remove the store and the rendered briefs (both rebuilt by `make briefs`)
	rm -rf data/processed reports_out/*/ reports_out/index.html reports_out/overview.html
