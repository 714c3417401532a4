# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-faults install migrate demo totp messages lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	@if [ -e /usr/include/ldap.h ] && [ -e /usr/include/sasl/sasl.h ]; then \
		$(VENV)/bin/pip install --quiet -e ".[dev,ldap]"; \
	else echo "No OpenLDAP headers: LDAP sign-in and sync are not installed (apt-get install libldap2-dev libsasl2-dev, then make install)."; fi
	@if [ -d /usr/include/xmlsec1 ]; then \
		$(VENV)/bin/pip install --quiet -e ".[dev,saml]"; \
	else echo "No xmlsec1 headers: SAML sign-in is not installed (apt-get install libxmlsec1-dev xmlsec1 pkg-config, then make install)."; fi
	touch $(STAMP)

install: $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate node_modules/.package-lock.json
	$(PY) manage.py load_demo_content

## Embedded demo: SQLite, eager tasks, console e-mail, on http://127.0.0.1:8000
run: demo
	@echo ""
	@echo "Serving on http://127.0.0.1:8000  (authoring: http://127.0.0.1:8000/cms/)"
	$(PY) manage.py runserver 127.0.0.1:8000

## The whole suite: lint, formatting, import boundaries, migrations, tests (PostgreSQL at 127.0.0.1:5432, Redis at :6379),
## in two processes (pytest-xdist; each has its own test database and Celery broker database),
## then the tests of every database-specific branch again on SQLite
test: install node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -m "not faults" -n 2
	@echo "SQLite smoke suite (the embedded database of make run):"
	DATABASE_URL=sqlite:// $(VENV)/bin/pytest -m "sqlite and not faults" -q -p no:cacheprovider

## Fault tests: private PostgreSQL, Redis, gunicorn and Celery processes that are killed and
## restarted on purpose (docs/RELIABILITY.md). Each test is bounded; the run stops by itself.
test-faults: install
	timeout 1800 $(VENV)/bin/pytest -m faults -p no:cacheprovider -v -s

totp: install
	@$(PY) manage.py demo_totp

## Refresh the translation catalogues of every app and of the site templates, then compile them
messages: install
	for dir in lms/accounts lms/home lms/xapi courses assessments competencies; do \
		mkdir -p $$dir/locale && (cd $$dir && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l de -l en --no-obsolete); done
	$(PY) manage.py makemessages -l de -l en --no-obsolete -i ".venv" -i "node_modules" -i "lms" -i "courses" -i "assessments" -i "competencies" -i "tests" -i "bench"
	$(PY) manage.py compilemessages -i .venv -i node_modules

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
