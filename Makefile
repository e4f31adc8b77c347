# The two commands README.md promises: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= atlas.db

.PHONY: setup demo test system-deps vendor clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip==25.3
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# Build the atlas from the bundled samples and serve it on http://127.0.0.1:8000
demo: setup
	$(BIN)/cgtatlas demo --db $(DB)

# Debian packages the tests need: Chromium and a CJK font (browser tests), PostgreSQL (store tests)
system-deps:
	bash scripts/system-deps.sh

test: setup system-deps
	bash scripts/run-tests.sh

# Rebuild the vendored JavaScript (ECharts, Cytoscape.js) from npm into the package's static files
vendor:
	bash scripts/vendor-js.sh

clean:
	rm -rf $(VENV) build *.egg-info
