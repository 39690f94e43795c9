# rasad — the two commands: `make demo` and `make test`. Everything installs into .venv
# from pyproject.toml with the exact versions pinned in constraints.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPORA ?= ../shared/corpora

.PHONY: install system demo test lint corpus bench bench-scale eval clean

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

## system: the Debian packages the tests drive (Chromium and Noto fonts for the browser test,
## PostgreSQL for the store tests). Installed when running as root and missing; otherwise those
## tests say what is missing and skip.
SYSTEM_PACKAGES := chromium fonts-noto-core postgresql
system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "rasad: missing system packages:$$missing (install them as root to run every test)"; fi

## test: install, lint, run the test suite
test: install system lint
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench

## corpus: every article of SaudiNewsNet and IR-News through the pipeline (language agreement, failures)
corpus: install
	$(BIN)/rasad eval corpus --root $(CORPORA)

## bench: pipeline throughput stage by stage against the I/O floor, peak memory
bench: install
	$(BIN)/python bench/throughput.py --root $(CORPORA)

## bench-scale: 1 against 2 workers, Spark local[2] against the process pool, growth over 1k/4k/16k articles
bench-scale: install
	$(BIN)/python bench/scale.py --root $(CORPORA)

clean:
	rm -rf $(VENV) out test-artifacts .pytest_cache .ruff_cache

## eval: actor recognition on the NER corpora and event coding on the gold sets
eval: install
	$(BIN)/rasad eval ner --root $(CORPORA)
	$(BIN)/rasad eval events --root $(CORPORA)
