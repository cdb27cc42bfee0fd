# Connective Cities portal: build, run and test.
#
# Everything runs through $(VENV)/bin/... explicitly; no activated virtualenv is needed.
# `make help` lists the targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help
# The recipes rely on their prerequisites running left to right.
.NOTPARALLEL:

BOOTSTRAP_PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
UV ?= $(VENV)/bin/uv
# uv is only needed by `make lock`; installed into the venv on demand.
UV_VERSION ?= 0.13.9

BASE_LOCK := requirements/base.txt
TEST_LOCK := requirements/test.txt

RUN_ADDR ?= 127.0.0.1:8000
# make serve: where gunicorn listens (behind a reverse proxy that terminates TLS).
SERVE_ADDR ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n auto --maxprocesses=4
BENCH_ARGS ?=
CHROMIUM := /usr/bin/chromium

# The test target pins the settings module, whatever the calling shell exports.
TEST_ENV := DJANGO_SETTINGS_MODULE=cms.settings.test
# The hooks of .pre-commit-config.yaml run the virtualenv's own tools.
PRE_COMMIT := PATH="$(abspath $(VENV))/bin:$$PATH" $(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

# Compile only the project's own catalogues (locale/ and any app locale/ dirs), never .venv's.
# Django refuses to run without any locale/ directory, so that case is skipped with a note.
SKIP_DIRS := $(sort .venv $(VENV)) .git node_modules media static_collected mutants
FIND_PRUNE := find . \( $(foreach d,$(SKIP_DIRS),-path './$(d)' -o) -false \) -prune -o
COMPILEMESSAGES := if $(FIND_PRUNE) -type d -name locale -print | grep -q .; then \
	  $(PY) manage.py compilemessages -l de -l en $(addprefix --ignore=,$(SKIP_DIRS)); \
	else echo ">> No locale/ directory yet: no translation catalogues to compile"; fi

LOCK_COMPILE := pip compile pyproject.toml --generate-hashes --universal --python-version 3.11 \
	--custom-compile-command "make lock"

.PHONY: help run serve backup restore test test-clock lint format lock lock-upgrade bench clean \
	venv-base venv-test gettext chromium compose-tool faketime messages uv-tool

help: ## List the targets
	@echo "Connective Cities portal. Usage: make <target> [VAR=value]"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_.-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables: DATABASE_URL (default SQLite), PYTEST_ARGS, BENCH_ARGS, RUN_ADDR=$(RUN_ADDR),"
	@echo "           SERVE_ADDR=$(SERVE_ADDR) (make serve; WEB_CONCURRENCY workers, default 2),"
	@echo "           VENV=$(VENV), BOOTSTRAP_PYTHON=$(BOOTSTRAP_PYTHON)"

# ---------------------------------------------------------------------------------------------
# Virtualenv: created with $(BOOTSTRAP_PYTHON) when missing; a lock file is (re)installed only
# when it differs from the copy stored in the venv as a stamp.

# $(1): lock file
define sync_venv
	@set -euo pipefail; \
	if [ ! -x "$(PY)" ]; then \
	  command -v "$(BOOTSTRAP_PYTHON)" >/dev/null 2>&1 || { \
	    echo "error: $(BOOTSTRAP_PYTHON) not found on PATH; the portal needs Python 3.11." >&2; exit 1; }; \
	  echo ">> Creating $(VENV) with $(BOOTSTRAP_PYTHON)"; \
	  "$(BOOTSTRAP_PYTHON)" -m venv "$(VENV)"; \
	fi; \
	"$(PY)" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
	  echo "error: $(VENV) is not a Python 3.11 environment; remove it and run make again." >&2; \
	  exit 1; }; \
	stamp="$(VENV)/.installed-$(notdir $(1))"; \
	if cmp -s "$(1)" "$$stamp"; then \
	  echo ">> $(1) is already installed in $(VENV)"; \
	else \
	  echo ">> Installing $(1) into $(VENV)"; \
	  "$(PY)" -m pip install --require-hashes -r "$(1)"; \
	  cp "$(1)" "$$stamp"; \
	fi
endef

venv-base:
	$(call sync_venv,$(BASE_LOCK))

venv-test:
	$(call sync_venv,$(TEST_LOCK))

# ---------------------------------------------------------------------------------------------
# System packages (Debian): installed with apt-get only when missing. As root directly,
# otherwise through sudo (non-interactive sudo when there is no terminal).

# $(1): Debian packages
define apt_install
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "error: install $(1) with your system's package manager (no apt-get here)." >&2; exit 1; \
	fi; \
	if [ "$$(id -u)" -eq 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null 2>&1; then \
	  if [ -t 0 ]; then SUDO="sudo"; else SUDO="sudo -n"; fi; \
	else \
	  echo "error: $(1) is missing and installing it needs root; run as root or install sudo," >&2; \
	  echo "       or install it yourself: apt-get update && apt-get install -y $(1)" >&2; \
	  exit 1; \
	fi; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(1)
endef

gettext:
	@set -euo pipefail; \
	if ! command -v msgfmt >/dev/null 2>&1; then \
	  echo ">> msgfmt not found (needed by compilemessages): installing gettext"; \
	  $(call apt_install,gettext); \
	fi

faketime:
	@set -euo pipefail; \
	if ! command -v faketime >/dev/null 2>&1; then \
	  echo ">> faketime not found (needed by make test-clock): installing faketime"; \
	  $(call apt_install,faketime); \
	fi

# compose.yaml is checked against the Compose schema by `docker compose config` (Docker's plugin)
# or, where the plugin is missing, Debian's docker-compose, which needs no Docker daemon for it.
compose-tool:
	@set -euo pipefail; \
	if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then \
	  echo ">> docker compose not found (needed to check compose.yaml): installing docker-compose"; \
	  $(call apt_install,docker-compose); \
	fi

chromium:
	@set -euo pipefail; \
	if [ ! -x "$(CHROMIUM)" ]; then \
	  echo ">> $(CHROMIUM) not found (needed by the browser tests): installing chromium"; \
	  $(call apt_install,chromium); \
	fi; \
	test -x "$(CHROMIUM)" || { echo "error: $(CHROMIUM) is still missing" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------

run: venv-base gettext ## Set up (venv, migrate, translations, static files, demo content) and serve on http://127.0.0.1:8000/
	$(PY) manage.py migrate --noinput
	$(COMPILEMESSAGES)
	$(PY) manage.py collectstatic --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py search_rebuild --backend database
	$(PY) manage.py runserver $(RUN_ADDR)

# Production (README, "Production"): the settings are checked first, so a missing variable stops
# here with its name; static files are built for the manifest storage production reads.
PROD_ENV := DJANGO_SETTINGS_MODULE=cms.settings.production

serve: venv-base gettext ## Production: check settings, migrate, build static files, serve with gunicorn on SERVE_ADDR
	export $(PROD_ENV); $(PY) manage.py check --deploy
	export $(PROD_ENV); $(PY) manage.py migrate --noinput
	export $(PROD_ENV); $(COMPILEMESSAGES)
	export $(PROD_ENV); $(PY) manage.py collectstatic --noinput
	export $(PROD_ENV); exec $(VENV)/bin/gunicorn cms.wsgi --bind $(SERVE_ADDR) \
	  --workers $${WEB_CONCURRENCY:-2} --timeout 60 --access-logfile - --error-logfile -

# Backups (README, "Backups"): under the settings of the calling shell (export
# DJANGO_SETTINGS_MODULE=cms.settings.production and its variables for the production site).
BACKUP_DIR ?= var/backups

backup: venv-base ## Write a backup archive (database snapshot and media) into BACKUP_DIR
	$(PY) manage.py backup --directory $(BACKUP_DIR)

restore: venv-base ## Restore ARCHIVE=<file>: replaces the database and copies the media back
	@test -n "$(ARCHIVE)" || { echo "error: name the archive: make restore ARCHIVE=var/backups/ccportal-....tar.gz" >&2; exit 1; }
	$(PY) manage.py restore $(ARCHIVE)

test: venv-test chromium compose-tool gettext ## The pre-commit checks, Django's checks and the full pytest suite (honours DATABASE_URL, PYTEST_ARGS)
	export $(TEST_ENV); $(COMPILEMESSAGES)
	$(PRE_COMMIT)
	$(TEST_ENV) $(PY) manage.py check
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# Instants (UTC, the machines' clock) that break naive date code; each run starts there and
# the clock goes on, so a run also crosses what follows:
#   23:59 on New Year's Eve in Berlin: the run crosses midnight, and the year, in Berlin only;
#   noon on a leap day;
#   01:59 CET on the night summer time starts (02:00-03:00 does not exist in Berlin);
#   02:59 CEST on the night summer time ends (02:00-03:00 happens twice).
CLOCKS ?= 2026-12-31 22:59:00|2028-02-29 11:00:00|2027-03-28 00:59:00|2027-10-31 00:59:00
# --moved-clock leaves out tests frozen by a time_machine marker: the moved clock never reaches them.
CLOCK_PYTEST_ARGS ?= -m "not browser and not undated" --moved-clock -n 2 -p no:cacheprovider

test-clock: venv-test gettext faketime ## The non-browser suite with the system clock moved (faketime) to each of CLOCKS
	@set -euo pipefail; export $(TEST_ENV); $(COMPILEMESSAGES); \
	clocks='$(CLOCKS)'; IFS='|'; for clock in $$clocks; do \
	  echo ">> Clock moved to $$clock UTC ($$(TZ=Europe/Berlin date -d "$$clock UTC" '+%Y-%m-%d %H:%M %Z') in Berlin)"; \
	  faketime "$$clock" env $(TEST_ENV) $(PY) -m pytest $(CLOCK_PYTEST_ARGS) \
	    || { echo "error: the suite failed with the clock at $$clock UTC" >&2; exit 1; }; \
	done

messages: venv-base gettext ## Compile the .po translation catalogues to .mo
	$(COMPILEMESSAGES)

lint: venv-test ## The pre-commit checks: ruff check, ruff format --check, djhtml, makemigrations --check, mypy
	$(PRE_COMMIT)

format: venv-test ## Reformat and autofix with ruff; reindent the templates with djhtml
	$(RUFF) check --fix .
	$(RUFF) format .
	$(VENV)/bin/djhtml --tabwidth 2 $$($(FIND_PRUNE) -name '*.html' -print)

bench: venv-test ## Run the benchmarks (python bench/run.py, extra arguments in BENCH_ARGS)
	$(PY) bench/run.py $(BENCH_ARGS)

.PHONY: bench-search
bench-search: venv-test ## Search benchmark: index rebuild and 200 faceted searches (bench/search.py, arguments in BENCH_ARGS)
	$(PY) bench/search.py $(BENCH_ARGS)

# ---------------------------------------------------------------------------------------------
# Mutation testing (mutmut 3): not part of `make test` or CI. mutmut copies the project into
# mutants/, runs the tests once to learn which tests execute which function, then runs, for each
# mutant, the tests of its module's scope that do (tests/mutation_scope.py). Each of those runs
# starts from a copy of one database migrated here before (MUTATION_DB); SQLite only, so
# DATABASE_URL is left out. niced: the machine is shared. MODULES narrows the run to some
# modules (files: MODULES="search/service.py localization/sync.py"); then mutmut's own runs (the
# map of tests to functions, the clean run) take only those modules' tests too. MUTANTS narrows
# it by mutant name instead (e.g. MUTANTS='search.bitmaps*'); MUTATION_CHILDREN mutants at once.
# MUTATION_SAMPLE=10 checks a fixed random 10 % of each module's mutants (tools/mutation_sample.py,
# seed MUTATION_SEED): the kill rate is then an estimate, which the report gives with its 95 % range.
# Without MUTANTS the default is a sample of MUTATION_DEFAULT_SAMPLE %, sized so that a run of
# everything from a fresh clone fits in an hour on a 2-core machine (README); MUTATION_SAMPLE=100
# checks every mutant (hours). Named MUTANTS are never sampled.
# Each run's wall time is added to mutants/mutation-times.tsv (make mutation-report shows it).
MODULES ?=
MUTATION_DEFAULT_SAMPLE := 3
MUTATION_SAMPLE ?= $(if $(filter command line environment,$(origin MUTANTS)),,$(MUTATION_DEFAULT_SAMPLE))
MUTATION_SEED ?= 14
MODULE_NAMES := $(subst /,.,$(patsubst %.py,%,$(MODULES)))
MUTANTS ?= $(foreach m,$(MODULE_NAMES),'$(patsubst %.,%,$(m)).*')
MUTATION_CHILDREN ?= 2
MUTATION_MIN ?= 90
MUTATION_DB := $(CURDIR)/var/mutation-template.sqlite3

.PHONY: mutation mutation-report mutation-spot
mutation: venv-test gettext ## Mutation testing of search/ and localization/ (mutmut; a fixed 3 % sample of each module, under an hour; MUTATION_SAMPLE=100 for all, MODULES="search/service.py ..." for a part), then the kill rate per module
	export $(TEST_ENV); $(COMPILEMESSAGES)
	mkdir -p var && rm -f $(MUTATION_DB)*
	DJANGO_SETTINGS_MODULE=cms.settings.mutation DATABASE_URL=sqlite:///$(MUTATION_DB) \
	  nice -n 10 $(PY) manage.py migrate --no-input -v 0
	@set -euo pipefail; set -f; start=$$(date +%s); names='$(MUTANTS)'; \
	if [ -n "$(MUTATION_SAMPLE)" ] && [ "$(MUTATION_SAMPLE)" != 100 ]; then \
	  names=$$(nice -n 10 $(PY) tools/mutation_sample.py $(MUTATION_SAMPLE) --seed $(MUTATION_SEED) $(MODULES)); fi; \
	env -u DATABASE_URL MUTATION_DB_TEMPLATE=$(MUTATION_DB) DJANGO_SETTINGS_MODULE=cms.settings.mutation \
	  MUTATION_MODULES="$(MODULE_NAMES)" \
	  nice -n 10 $(VENV)/bin/mutmut run --max-children $(MUTATION_CHILDREN) $$names; \
	printf '%s\t%s\t%s\t%s\t%s\n' "$$(date -u +%FT%TZ)" "$$(( $$(date +%s) - start ))" \
	  "$(MUTATION_CHILDREN)" "$(or $(MUTATION_SAMPLE),100)%" "$(or $(MODULES),$(MUTANTS),all)" \
	  >> mutants/mutation-times.tsv
	$(PY) tools/mutation_report.py --min $(MUTATION_MIN)

mutation-spot: venv-test gettext ## 25 hand-made mutants of the behaviours issue 14 found untested, each against the test that must catch it (tools/mutation_spot.py, about 15 min)
	export $(TEST_ENV); $(COMPILEMESSAGES)
	nice -n 10 $(PY) tools/mutation_spot.py

mutation-report: venv-test ## The kill rate per module of the last `make mutation`, and the surviving mutants
	$(PY) tools/mutation_report.py --min $(MUTATION_MIN)

.PHONY: bench-reach
bench-reach: venv-test ## Downloads (10,000 practices: time, peak memory) and suggestion latency (bench/reach.py, arguments in BENCH_ARGS)
	$(PY) bench/reach.py $(BENCH_ARGS)

# ---------------------------------------------------------------------------------------------
# Lock files. test.txt is constrained by base.txt, so both pin the runtime packages identically.

uv-tool:
	@set -euo pipefail; \
	if [ ! -x "$(UV)" ] && ! command -v "$(UV)" >/dev/null 2>&1; then \
	  if [ ! -x "$(PY)" ]; then "$(BOOTSTRAP_PYTHON)" -m venv "$(VENV)"; fi; \
	  echo ">> Installing uv $(UV_VERSION) into $(VENV)"; \
	  "$(PY)" -m pip install "uv==$(UV_VERSION)"; \
	fi

# $(1): lock file, $(2): what it holds, $(3): extra uv arguments
define compile_lock
	$(UV) $(LOCK_COMPILE) --quiet $(3) $(LOCK_FLAGS) -o $(1)
	@{ \
	  echo "# Hash-locked $(2) of the Connective Cities portal. Do not edit by hand."; \
	  echo "# Universal resolution for Python 3.11 (Linux x86_64 and aarch64 included)."; \
	  echo "# Install:    python -m pip install --require-hashes -r $(1)"; \
	  echo "# Regenerate: make lock          (after editing pyproject.toml; keeps current pins)"; \
	  echo "#             make lock-upgrade  (moves every pin to the newest allowed version)"; \
	  cat $(1); \
	} > $(1).tmp && mv $(1).tmp $(1)
endef

lock: uv-tool ## Regenerate requirements/base.txt and requirements/test.txt (with hashes) from pyproject.toml
	@mkdir -p requirements
	$(call compile_lock,$(BASE_LOCK),runtime dependencies,)
	$(call compile_lock,$(TEST_LOCK),runtime and test dependencies,--extra test -c $(BASE_LOCK))

lock-upgrade: LOCK_FLAGS := --upgrade
lock-upgrade: lock ## Like lock, but upgrade every pin to the newest version pyproject.toml allows

clean: ## Remove caches, collected static files, compiled .mo files and test artefacts (keeps .venv, db, media)
	rm -rf static_collected .pytest_cache .ruff_cache test-artifacts mutants
	$(FIND_PRUNE) -type d -name __pycache__ -prune -exec rm -rf {} +
	$(FIND_PRUNE) -type f -name '*.mo' -path '*/locale/*' -exec rm -f {} +
