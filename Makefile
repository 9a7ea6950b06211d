# SIMFONI — the two commands: `make run` (site with demo data) and `make test` (every check).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run`: links in e-mails point to the running server (WAGTAILADMIN_BASE_URL) unless
# BASE_URL is set.
BASE_URL ?= http://$(HOST):$(PORT)
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/simfoni
DJANGO_SETTINGS_MODULE ?= simfoni_site.settings.dev
export DJANGO_SETTINGS_MODULE

.PHONY: install install-dev run demo test lint test-sqlite test-postgres messages clean

# Two stamps: the runtime (requirements.txt, for `make run`) and the tools on top of it
# (requirements-dev.txt, for `make test` / `make lint`); each is redone when its files change.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages --ignore=.venv >/dev/null
	$(PY) manage.py load_demo
	$(PY) manage.py setup_schedules
	$(PY) manage.py summarise --if-empty

run: export BASE_URL := $(BASE_URL)
run: demo
	@echo "SIMFONI on $(BASE_URL)/admin/  (demo accounts: see README.md, password simfoni123)"
	@# The task worker and scheduler (django-q2) run alongside and stop with the server. The
	@# cluster gets its own process group: a Ctrl-C or SIGTERM sent to this group would kill
	@# its sentinel mid-wait and leave the cluster stuck at "stopping"; instead it is asked to
	@# stop (SIGTERM) and, if a task keeps it busy for more than 10 s, killed.
	$(PY) -c 'import os, sys; os.setpgrp(); os.execv(sys.executable, [sys.executable, "manage.py", "qcluster"])' & QPID=$$!; \
	trap 'trap - EXIT INT TERM; kill -TERM $$QPID 2>/dev/null; i=0; \
	      while kill -0 $$QPID 2>/dev/null && [ $$i -lt 50 ]; do sleep 0.2; i=$$((i+1)); done; \
	      kill -KILL -$$QPID 2>/dev/null; wait $$QPID 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=simfoni_site.settings.test $(PY) manage.py makemigrations --check --dry-run

test-sqlite: install-dev
	DATABASE_URL= $(PY) -m pytest -q --ds=simfoni_site.settings.test -m "not e2e"
	DATABASE_URL= $(PY) -m pytest -q --ds=simfoni_site.settings.test -m e2e tests/e2e

# PostgreSQL: required in CI (CI=true); on a machine without it, said and skipped.
test-postgres: install-dev
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
