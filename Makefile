# Short names for the project's commands; README.md explains each.
.PHONY: setup test briefs lab lint fuzz bench clean

setup:
	./scripts/setup.sh

test: setup
	.venv/bin/python -m pytest

lint: setup
	.venv/bin/ruff check lib tests bench

briefs: setup
	.venv/bin/ogi ingest data/raw
	.venv/bin/ogi render --store data/processed --out reports_out --overview

lab: setup
	.venv/bin/pip install -q -e '.[lab]'
	OGI_STORE=$(CURDIR)/data/processed .venv/bin/jupyter lab --notebook-dir=notebooks --allow-root --ip=127.0.0.1

fuzz: setup
	OGI_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests -k "property or fuzz"

bench: setup
	.venv/bin/python bench/parse.py
	.venv/bin/python bench/ingest.py --reports 2000
	.venv/bin/python bench/render.py --n 40 --naive-sample 8

clean:
	rm -rf data/processed reports_out/*/ reports_out/index.html reports_out/overview.html
