# rasad — the two commands: `make demo` and `make test`. Everything installs into .venv
# from pyproject.toml with the exact versions pinned in constraints.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPORA ?= ../shared/corpora

.PHONY: install system demo test lint corpus bench bench-scale eval clean fuzz soak

# The compiled modules (src/rasad/native_modules.txt) are built at install: editing one installs again.
NATIVE_SOURCES := $(addprefix src/rasad/,$(shell grep -v '^\#' src/rasad/native_modules.txt))

$(STAMP): pyproject.toml constraints.txt setup.py src/rasad/native.py src/rasad/native_modules.txt $(NATIVE_SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, code the bundled sample corpus, show what came out, then store it and serve the
## web app on http://127.0.0.1:8000 (Ctrl-C stops the server)
DEMO_DB := out/demo.sqlite3
demo: install
	$(BIN)/rasad check
	$(BIN)/rasad code samples -o out/samples.jsonl
	$(BIN)/rasad show --events out/samples.jsonl
	$(BIN)/rasad ingest samples $(wildcard ../shared/seeds/*.txt) --db $(DEMO_DB)
	@echo "rasad: the web app is at http://127.0.0.1:8000"
	$(BIN)/rasad serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000

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
	$(BIN)/ruff check src tests bench setup.py

## corpus: every article of SaudiNewsNet and IR-News through the pipeline (language agreement, failures)
corpus: install
	$(BIN)/rasad eval corpus --root $(CORPORA)

## soak: every public text (news articles, NER and event gold sentences) through the pipeline with the
## time budget; counts documents and failures (exceptions, schema errors, offsets that do not slice)
SOAK_WORKERS ?= 2
soak: install
	$(BIN)/rasad eval soak --root $(CORPORA) --workers $(SOAK_WORKERS)

## fuzz: the property tests with a large budget (RASAD_FUZZ_EXAMPLES inputs per property);
## prints how many inputs each property tried
RASAD_FUZZ_EXAMPLES ?= 20000
fuzz: install
	RASAD_FUZZ_EXAMPLES=$(RASAD_FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider --hypothesis-show-statistics \
	  tests/test_properties_text.py tests/test_properties_dates.py tests/test_properties_ingest.py \
	  tests/test_properties_pipeline.py

## bench: pipeline throughput stage by stage against the I/O floor, peak memory
bench: install
	$(BIN)/python bench/throughput.py --root $(CORPORA)

## bench-scale: 1 against 2 workers, Spark local[2] against the process pool, growth over 1k/4k/16k articles
bench-scale: install
	$(BIN)/python bench/scale.py --root $(CORPORA)

clean:
	rm -rf $(VENV) out test-artifacts .pytest_cache .ruff_cache .mypy_cache build src/rasad/native_build.json
	find src -name '*.so' -delete

## eval: actor recognition on the NER corpora, event coding on the gold sets, the confidence table
eval: install
	$(BIN)/rasad eval ner --root $(CORPORA)
	$(BIN)/rasad eval events --root $(CORPORA)
	$(BIN)/rasad eval confidence --root $(CORPORA)
