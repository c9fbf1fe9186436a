# Two commands to know: `make serve` and `make test`. Each installs what it needs first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1:8000

# Material 9.7+ prints an end-of-life notice (May 2027) on every run; it is tracked in the
# README, not a build warning, and it would bury the lines that matter.
export NO_MKDOCS_2_WARNING := 1

# uv installs the same hash-locked requirements in seconds where it is present; pip otherwise.
UV ?= $(shell command -v uv 2>/dev/null)

VENV_STAMP    := $(VENV)/.venv-complete
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
LIGHTHOUSE_STAMP := bench/node_modules/.package-lock.json

.PHONY: serve build check new schemas contract runners lint test test-fast browser bench lock clean distclean

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

## new: write a new data file to fill in, valid as written: make new KIND=<role|skill|tool|faq|interview-question> ID=<id>
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

# The browser tests drive Chromium: Debian's package where apt can install it, otherwise
# Playwright's own build (tools/install_chromium.sh says which, and why, before it installs).
## browser: install Chromium for the browser tests if it is missing
browser: $(TEST_STAMP)
	@PYTHON=$(PY) sh tools/install_chromium.sh

## runners: build with MkDocs and with ProperDocs (its maintained fork) and compare the two sites
runners: $(TEST_STAMP)
	$(PY) -m tools.compare_runners

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

## lock: recompile requirements*.txt (with hashes) from requirements*.in; no index or wheel folder of this machine goes into them
lock: $(RUNTIME_STAMP)
	$(call install,pip-tools==7.6.2)
	$(PY) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(PY) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-test.txt requirements-test.in

## clean: remove the built site and test caches
clean:
	rm -rf site site-properdocs .pytest_cache

## distclean: also remove .venv/ and bench/node_modules/ (the next command installs them again)
distclean: clean
	rm -rf $(VENV) bench/node_modules

# The virtual environment. One that cannot run its Python, or has no pip when there is no uv
# to install into it, is half made (for example `python3 -m venv` stopped because Debian's
# python3-venv is missing): it is removed and made again. The Python check runs first, so an
# old Python fails with a one-line hint, not a traceback.
ifneq ($(UV),)
MAKE_VENV = $(UV) venv --quiet --python $(PYTHON) $(VENV)
else
MAKE_VENV = $(PYTHON) -m venv $(VENV)
endif
VENV_HINT = On Debian or Ubuntu: sudo apt install python3-venv (or install uv), then run make again.

$(VENV_STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "The guide needs Python 3.11 or newer, and '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing): install one, or run make PYTHON=python3.12 $(MAKECMDGOALS)"; \
	  exit 1; }
	@if $(PY) -c 'import sys' 2>/dev/null && { [ -n "$(UV)" ] || $(PY) -m pip --version >/dev/null 2>&1; }; then :; else \
	  if [ -e $(VENV) ]; then echo "$(VENV)/ is half made (no working Python or pip in it): making it again"; rm -rf $(VENV); fi; \
	  echo "$(MAKE_VENV)"; \
	  $(MAKE_VENV) || { rm -rf $(VENV); echo "Could not make $(VENV)/. $(VENV_HINT)"; exit 1; }; \
	fi
	@touch $@

# Exactly the hash-locked requirements: `uv pip sync` where uv is present, else pip.
ifneq ($(UV),)
sync = $(UV) pip sync --quiet --python $(PY) --require-hashes $(1)
install = $(UV) pip install --quiet --python $(PY) $(1)
else
sync = $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes $(addprefix -r ,$(1))
install = $(PY) -m pip install --quiet --disable-pip-version-check $(1)
endif

$(RUNTIME_STAMP): requirements.txt | $(VENV_STAMP)
	$(call sync,requirements.txt)
	@rm -f $(TEST_STAMP)
	touch $@

$(TEST_STAMP): requirements-test.txt $(RUNTIME_STAMP)
	$(call sync,requirements.txt requirements-test.txt)
	touch $@
