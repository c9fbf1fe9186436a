# Two commands to know: `make serve` and `make test`. Each installs what it needs first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1:8000

# Material 9.7+ prints an end-of-life notice (May 2027) on every run; it is tracked in the
# README, not a build warning, and it would bury the lines that matter.
export NO_MKDOCS_2_WARNING := 1

RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
LIGHTHOUSE_STAMP := bench/node_modules/.package-lock.json

.PHONY: serve build check new schemas contract lint test test-fast browser bench lock clean

# `mkdocs serve` rebuilds the whole site into a temporary folder on every save. Where a RAM
# disk exists (/dev/shm on Linux), the folder goes there: on a VM's disk, creating the
# site's ~300 folders and files took a quarter of a second of every rebuild (bench/README.md).
SERVE_TMPDIR ?= $(firstword $(wildcard /dev/shm) $(TMPDIR) /tmp)

## serve: install if needed, then serve the site with live reload on http://$(HOST)
serve: $(RUNTIME_STAMP)
	TMPDIR=$(SERVE_TMPDIR) $(PY) -m mkdocs serve --dev-addr $(HOST)

## build: strict build into site/ (any warning fails it)
build: $(RUNTIME_STAMP)
	$(PY) -m mkdocs build --strict --site-dir site

## check: validate data/ without building; prints file:line:col: field: problem (hint)
check: $(RUNTIME_STAMP)
	$(PY) -m tools.check data

## new: write a new data file to fill in, valid as written: make new KIND=<role|skill|tool|faq> ID=<id>
new: $(RUNTIME_STAMP)
	$(PY) -m tools.scaffold "$(KIND)" "$(ID)"

## schemas: regenerate schemas/*.schema.json (editor help) from macros/models.py
schemas: $(RUNTIME_STAMP)
	$(PY) -m tools.schemas

## contract: after a strict build, add newly published URL#anchors to link-contract.txt (never drops one)
contract: build
	$(PY) -m tools.link_contract write site

## lint: every pre-commit hook on every file (ruff, yamllint, markdown, workflows, data); part of `make test`
lint: $(TEST_STAMP)
	$(VENV)/bin/pre-commit run --all-files

## test: install the test tools and a browser if needed, then run the whole suite (every tier in tests/)
test: $(TEST_STAMP) browser
	$(PY) -m pytest

## test-fast: a contributor's loop: the unit tests and one strict build of the real guide, asserted on
test-fast: $(TEST_STAMP)
	$(PY) -m pytest -m "unit or site"

# The browser tests drive Chromium. Debian's package when we can install it (as root, with apt),
# otherwise Playwright's own build. tests/browser.py finds whichever is there and says so if none.
CHROMIUM ?= /usr/bin/chromium
## browser: install Chromium for the browser tests if it is missing
browser: $(TEST_STAMP)
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else \
	  echo "No $(CHROMIUM) and no apt as root: installing Playwright's Chromium"; \
	  $(PY) -m playwright install chromium; \
	fi

## bench: measure build time, data-injection overhead, scaling, serve loop, page weight and
## Lighthouse; writes bench/results.md and bench/results.json (about 15 minutes; see bench/README.md)
BENCH_ARGS ?=
bench: $(TEST_STAMP) browser $(LIGHTHOUSE_STAMP)
	$(PY) -m bench.run $(BENCH_ARGS)

# Lighthouse comes from npm, pinned by bench/package-lock.json; Node.js from Debian if it is missing.
$(LIGHTHOUSE_STAMP): bench/package.json bench/package-lock.json
	@if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's nodejs and npm for Lighthouse"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; \
	fi
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

## lock: recompile requirements*.txt (with hashes) from requirements*.in
lock: $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(PY) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	$(PY) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements-test.txt requirements-test.in

clean:
	rm -rf site .pytest_cache

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	touch $@
