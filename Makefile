# SIMFONI — the two commands: `make run` (site with demo data) and `make test` (every check).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/simfoni
DJANGO_SETTINGS_MODULE ?= simfoni_site.settings.dev
export DJANGO_SETTINGS_MODULE

.PHONY: install run serve demo test lint test-sqlite test-postgres benchmarks messages clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages --ignore=.venv >/dev/null
	$(PY) manage.py load_demo
	$(PY) manage.py setup_schedules

run: demo
	@echo "SIMFONI on http://$(HOST):$(PORT)/admin/  (demo accounts: see README.md, password simfoni123)"
	@# The task worker and scheduler (django-q2) run alongside and stop with the server.
	$(PY) manage.py qcluster & QPID=$$!; \
	trap 'kill $$QPID 2>/dev/null; wait $$QPID 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=simfoni_site.settings.test $(PY) manage.py makemigrations --check --dry-run

test-sqlite: install
	DATABASE_URL= $(PY) -m pytest -q --ds=simfoni_site.settings.test -m "not e2e"
	DATABASE_URL= $(PY) -m pytest -q --ds=simfoni_site.settings.test -m e2e tests/e2e

# PostgreSQL: required in CI (CI=true); on a machine without it, said and skipped.
test-postgres: install
	@if $(PY) -c "import psycopg, urllib.parse as u; psycopg.connect(u.urlsplit('$(PG_TEST_URL)')._replace(path='/postgres').geturl(), connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest -q --ds=simfoni_site.settings.test -m "not e2e"; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is not reachable at $(PG_TEST_URL)"; exit 1; \
	else echo "PostgreSQL not reachable at $(PG_TEST_URL): PostgreSQL run skipped"; fi

test: lint
	$(PY) manage.py compilemessages --ignore=.venv >/dev/null
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=static
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 static
