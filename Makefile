# rasad — the two commands: `make demo` and `make test`. Everything installs into .venv
# from pyproject.toml with the exact versions pinned in constraints.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPORA ?= ../shared/corpora

.PHONY: install demo test lint corpus bench eval clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, code the bundled sample corpus, show what came out
demo: install
	$(BIN)/rasad check
	$(BIN)/rasad code samples -o out/samples.jsonl
	$(BIN)/rasad show --events out/samples.jsonl

## test: install, lint, run the test suite
test: install lint
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

## corpus: every article of SaudiNewsNet and IR-News through the pipeline (language agreement, failures)
corpus: install
	$(BIN)/rasad eval corpus --root $(CORPORA)

## bench: pipeline throughput stage by stage against the I/O floor, peak memory
bench: install
	$(BIN)/python bench/throughput.py --root $(CORPORA)

clean:
	rm -rf $(VENV) out test-artifacts .pytest_cache .ruff_cache

## eval: actor recognition on the NER corpora and event coding on the gold sets
eval: install
	$(BIN)/rasad eval ner --root $(CORPORA)
	$(BIN)/rasad eval events --root $(CORPORA)
