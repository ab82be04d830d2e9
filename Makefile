# The two commands of the README: `make run` and `make test`. Only Python 3.11 and make needed.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Loopback by default (no login): `make run ADDRESS=0.0.0.0` opens the app to the local network.
ADDRESS ?= 127.0.0.1

.PHONY: run test chromium lint format validate schema bench load translations constraints clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# constraints.txt pins the dependencies of the dependencies too: every install gets the same set.
$(VENV)/.installed: requirements.txt constraints.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt constraints.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

run: $(VENV)/.installed
	-$(PY) -m tpt_model validate catalogue
	$(PY) -m streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

# pytest runs the tests in parallel (pytest-xdist, settings in pyproject.toml); without chromium
# the browser tests are skipped and the run says so: `make chromium` installs it.
test: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest

# Debian's chromium for the browser tests (apt-get, as root or through sudo).
chromium:
	.ci/chromium

# mypy reads its settings (files, strictness, the Altair override) from pyproject.toml and keeps
# its cache in .mypy_cache: about 20 s on a first run, a few seconds after.
lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: $(VENV)/.installed-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

validate: $(VENV)/.installed
	$(PY) -m tpt_model validate catalogue

schema: $(VENV)/.installed
	$(PY) -m tpt_model schema catalogue/schema

bench: $(VENV)/.installed-dev
	$(PY) -m benchmarks

# A workshop under load (not part of `make test`: about three minutes): 40 participants as real
# Streamlit sessions over the WebSocket; `make load ARGS="--participants 10"` to change it.
load: $(VENV)/.installed-dev
	$(PY) -m benchmarks.workshop_load $(ARGS)

# After texts were added or changed in the code: extract them (`_()`, `n_()`, `mark_()`, `counted()`)
# into messages.pot and bring both catalogues up to date; then translate the English entries left
# empty or marked fuzzy in tpt_model/locales/en/LC_MESSAGES/messages.po (tests/test_translations.py
# fails until none is left). French is the source: its catalogue's entries stay empty.
LOCALES := tpt_model/locales
BABEL_KEYWORDS := -k n_:1,2 -k mark_ -k counted:2,3
# PYTHONPATH: babel.cfg names an extractor of ours (tpt_model.i18n), for the bricks' field docstrings.
translations: $(VENV)/.installed
	PYTHONPATH=. $(VENV)/bin/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --add-location=file --sort-output \
		--project "Frise TechPourToutes" --omit-header -o $(LOCALES)/messages.pot .
	$(VENV)/bin/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -l fr --no-fuzzy-matching \
		--ignore-obsolete --ignore-pot-creation-date
	$(VENV)/bin/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -l en \
		--ignore-obsolete --ignore-pot-creation-date

# After a change of requirements*.txt: freeze a fresh install of them into constraints.txt.
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --upgrade pip
	.venv-constraints/bin/python -m pip install --quiet -r requirements-dev.txt
	{ sed -n '1,2p' constraints.txt; .venv-constraints/bin/python -m pip freeze; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf .venv-constraints

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
