# Every target sets up its own virtual environment from python3, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# ESLint and its rules, at the versions package-lock.json pins, in the git-ignored node_modules/ (npm ci)
ESLINT := node_modules/.bin/eslint
ESLINT_RUN := $(ESLINT) --max-warnings 0 glossary_tool tests eslint.config.js

.PHONY: serve site test lint eslint pytest browser-deps bench fuzz schema locales clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

$(ESLINT): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(ESLINT)

## make serve: build and serve the site on http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	$(BIN)/glossary-tool serve --dev-addr 127.0.0.1:8000

## make site: static build of every locale into site/
site: $(STAMP)
	$(BIN)/glossary-tool build

## make lint: lint the shipped glossary as CI does, then the code: ruff, mypy --strict (package, tests and benchmarks),
## ESLint's recommended rules on the JavaScript (eslint.config.js)
lint: $(STAMP) $(ESLINT)
	$(BIN)/glossary-tool lint --strict content/
	$(BIN)/glossary-tool schema --check
	$(BIN)/ruff check glossary_tool tests benchmarks
	$(BIN)/ruff format --check glossary_tool tests benchmarks
	$(BIN)/mypy
	$(ESLINT_RUN)

## make eslint: only the JavaScript (as the GitHub workflow runs it)
eslint: $(ESLINT)
	$(ESLINT_RUN)

## make test: lint plus every test, including the browser tests
test: lint browser-deps
	node --test tests/words/test_words.mjs
	$(BIN)/python -m pytest -q

## browser-deps: Debian's chromium and CJK fonts for the Playwright tests (Playwright's own download is not used), and axe-core
## from npm for the accessibility tests, in the git-ignored tests/.artifacts
AXE_VERSION := 4.14.1
AXE := tests/.artifacts/node_modules/axe-core/axe.min.js

$(AXE):
	mkdir -p tests/.artifacts
	npm install --prefix tests/.artifacts --no-save --no-package-lock --no-audit --no-fund --silent axe-core@$(AXE_VERSION)

## fonts-noto-cjk gives the browser its Chinese, Japanese and Korean glyphs (the multilingual site tests and screenshots);
## libreoffice-calc-nogui opens the CSV and xlsx exports as a spreadsheet user would (tests/export/test_spreadsheets.py).
BROWSER_PACKAGES := chromium fonts-noto-cjk libreoffice-calc-nogui

browser-deps: $(AXE)
	@missing="$$(for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi; fi

## make locales: extract UI strings into the package's messages.pot and merge them into each of its catalogs
locales: $(STAMP)
	$(BIN)/pybabel extract -F glossary_tool/site/locales/babel.cfg -o glossary_tool/site/locales/messages.pot --sort-output --no-location --omit-header -k _ -k ngettext:1,2 .
	$(BIN)/pybabel update -i glossary_tool/site/locales/messages.pot -d glossary_tool/site/locales -D messages --ignore-obsolete --no-fuzzy-matching

## make fuzz: a long property-test campaign on the loader and lint (GLOSSARY_FUZZ=campaign, or a number of examples per property)
fuzz: $(STAMP)
	GLOSSARY_FUZZ=$${GLOSSARY_FUZZ:-campaign} $(BIN)/python -m pytest -q tests/security/test_security_fuzz.py

## make bench: scale benchmark (100, 1,000 and 10,000 concepts; about 45 min): lint, build and sizes, search on a
## throttled phone in Chromium, live reload, 1,000 concepts in 2, 6, 12 and 24 languages (BENCH_PARTS=languages alone);
## BENCH_SIZES=100,1000 runs smaller, BENCH_PARTS=reader,reload skips the builds.
## Not part of `make test`; it rewrites benchmarks/recorded.json, which tests/test_bench_regression.py reads.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/cached_rebuild.py --sizes 1000,10000 --runs 3 --record

schema: $(STAMP)
	$(BIN)/glossary-tool schema --write

clean:
	rm -rf site .pytest_cache .hypothesis
