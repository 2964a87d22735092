# Two commands on a fresh Debian machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# WeasyPrint needs Pango (and HarfBuzz subsetting for fast, small font subsets); fc-match
# resolves the fonts of templates/pdf/print.css for the glyph check.
SITE_DEBS := fonts-noto-cjk fonts-sil-charis fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# poppler-utils (pdftotext, pdffonts, pdftoppm) and qpdf check the PDFs as readers and tools see them.
# Java runs the Nu HTML checker; Node's npm installs it and axe-core (package.json).
TEST_DEBS := $(SITE_DEBS) chromium poppler-utils qpdf openjdk-17-jre-headless nodejs

.PHONY: site test bench bench-ingest serve check i18n clean

site: $(VENV)/.installed debian-site
	$(BIN)/briefing build

# Lint and format check of the whole tree, then the test files in parallel, one worker per core
# (a file's tests stay together: they share fixtures).
test: $(VENV)/.installed-test debian-test node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto --dist loadfile

# Build times, scaling and memory on synthetic publications (N=250 and N=1000 briefings), and the
# preview's latency in Chromium; see README.
bench: $(VENV)/.installed-test debian-test
	$(BIN)/python benchmarks/run.py

# Article bodies of the extraction benchmark's development half (../shared/real/): ingest next to bare trafilatura.
bench-ingest: $(VENV)/.installed
	$(BIN)/python benchmarks/extraction_score.py

serve: $(VENV)/.installed
	$(BIN)/briefing serve

check: $(VENV)/.installed
	$(BIN)/briefing check

# Python packages, pinned by requirements.lock (refresh it with `pip freeze` after an upgrade).
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c requirements.lock -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -c requirements.lock -e '.[test]'
	touch $@

# Checkers the tests run on the built site (Nu HTML checker, axe-core), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Debian packages, installed only when missing.
define ensure_debs
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

.PHONY: debian-site debian-test
debian-site:
	$(call ensure_debs,$(SITE_DEBS))

debian-test:
	$(call ensure_debs,$(TEST_DEBS))

# UI strings: extract from templates and code, merge into each language's catalog.
i18n: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete

clean:
	rm -rf build site .site.staging .site.previous
