# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed
AXE := node_modules/axe-core/axe.min.js

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
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(PY) manage.py runserver 127.0.0.1:8000

## lint: ruff, Django's checks and missing migrations
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## test: the whole suite on a real PostgreSQL, browser tests in Debian's Chromium
test: $(DEV_STAMP) $(AXE)
	scripts/ensure-chromium.sh
	$(MAKE) lint
	@DATABASE_URL="$$(scripts/ensure-postgres.sh)" && export DATABASE_URL && \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check && \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run && \
	$(PY) -m pytest $(PYTEST_ARGS)

## bench: rerunnable timings on PostgreSQL (not part of make test)
bench: $(DEV_STAMP)
	@DATABASE_URL="$$(scripts/ensure-postgres.sh)" && export DATABASE_URL && \
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest -m bench -p no:randomly -s $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles .test-media .pytest_cache db.sqlite3
