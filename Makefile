# Line of Sight: `make run` and `make test` are the two set-up commands; the rest serve them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed
ASSETS := src/lineofsight/core/static/govuk/application.css

.PHONY: run test install assets browser lint bench clean

run: install assets
	$(BIN)/lineofsight demo
	@echo ""
	@echo "Line of Sight: http://127.0.0.1:$(PORT)/"
	@echo "Sign in as any demo user (admin, analyst, manager, owner, programme, lead, democratic, councillor)"
	@echo "with the password: line-of-sight-demo"
	@echo ""
	PORT=$(PORT) $(BIN)/lineofsight serve --port $(PORT)

# The whole suite on the embedded SQLite (browser journeys included), then again on a throwaway
# PostgreSQL 15, the multi-user deployment's database.
test: install assets browser
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/lint_model_usage.py
	$(BIN)/pytest
	scripts/ci_postgres.sh $(BIN)/pytest -q -m "not system"

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(INSTALLED)

assets: $(ASSETS)

$(ASSETS): package.json package-lock.json frontend/*.scss frontend/build.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build

# Browser tests drive Debian's chromium, never a downloaded browser.
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/lint_model_usage.py

bench: install assets
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules var src/lineofsight/core/static/govuk
