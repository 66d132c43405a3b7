# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed
AXE := node_modules/axe-core/axe.min.js
# pytest-xdist workers for `make test`: the suite's browser, backup and fault tests spend most
# of their time waiting (on Chromium, the Nu checker's JVM, pg_dump), so a third worker on a
# 2-core machine fills those waits; two workers took the suite past 15 minutes.
TEST_WORKERS ?= 3
# The second pass of `make test` (SQLite, `make run`'s settings): the modules with tests
# marked sqlite; naming them spares collecting the whole suite again.
SQLITE_TESTS ?= home/tests/test_embedded_default.py

.PHONY: run test lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(RUN_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(RUN_STAMP)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## run: the site with demo content on SQLite at http://127.0.0.1:8000/ (admin at /admin/)
run: $(RUN_STAMP)
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py load_demo_content
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py ensure_local_admin
# Scheduled (un)publishing: publish_scheduled every minute in the background next to the
# server, stopped with it (Ctrl-C). Production uses cron instead (docs/roles.md).
	export DJANGO_SETTINGS_MODULE=cms.settings.dev; \
	while :; do $(PY) manage.py publish_scheduled; sleep 60; done & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

## lint: ruff, bandit (security, settings in pyproject.toml), the layers (import-linter and cross-app model strings, docs/architecture.md)
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r . -q
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/check_model_strings.py

.PHONY: audit

## audit: known vulnerabilities in requirements.txt (pip-audit; needs PyPI's and OSV's vulnerability data; not part of make test)
audit: $(DEV_STAMP)
	$(VENV)/bin/pip-audit --strict -r requirements.txt

## test: the whole suite on a real PostgreSQL, browser tests in Debian's Chromium; then a short
## second pass on SQLite with `make run`'s settings (tests marked sqlite, cms/settings/test_sqlite.py)
test: $(DEV_STAMP) $(AXE)
	scripts/ensure-debian-tool.sh /usr/bin/chromium chromium test
	$(MAKE) lint
	@DATABASE_URL="$$(scripts/ensure-postgres.sh)" && export DATABASE_URL && \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check && \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run && \
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)
	$(PY) -m pytest -n 0 -m sqlite --ds=cms.settings.test_sqlite $(SQLITE_TESTS)

## bench: rerunnable timings on PostgreSQL (not part of make test)
bench: $(DEV_STAMP)
	@DATABASE_URL="$$(scripts/ensure-postgres.sh)" && export DATABASE_URL && \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest -m bench -p no:randomly -s $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles .test-media .pytest_cache db.sqlite3

.PHONY: serve-prod backup restore

## serve-prod: production settings on PostgreSQL (database pps_prod) with gunicorn at http://127.0.0.1:8100/ (PORT=…)
serve-prod: $(RUN_STAMP)
	scripts/serve-prod.sh

## backup: database (pg_dump) and media into backups/<timestamp>/ (DATABASE_URL required; BACKUP_DIR, MEDIA_ROOT, DRY_RUN=1)
backup:
	scripts/backup.sh

## restore: BACKUP=backups/<timestamp> into DATABASE_URL and MEDIA_ROOT (FORCE=1 replaces content, DRY_RUN=1 only checks)
restore:
	scripts/restore.sh "$(BACKUP)"

.PHONY: loadtest

## loadtest: production settings under wrk on 127.0.0.1:8200 with 5,000 generated partnerships (15–25 minutes, not part of make test); report in loadtest-results/ (LOADTEST_ARGS=--help)
loadtest: $(RUN_STAMP)
	scripts/ensure-debian-tool.sh wrk wrk loadtest
	$(PY) scripts/loadtest.py $(LOADTEST_ARGS)
