# make publish: build the reports from data/esg_2022.xlsx into build/
# make test:    run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: publish watch test fuzz bench validate fonts sample clean

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

publish: $(STAMP)
	$(BIN)/esgpublish publish data/esg_2022.xlsx --layout layouts/annual.yaml -o build

# publish, then again on every save of the workbook or a layout file (Ctrl-C to stop)
watch: $(STAMP)
	$(BIN)/esgpublish publish data/esg_2022.xlsx --layout layouts/annual.yaml -o build --watch

validate: $(STAMP)
	$(BIN)/esgpublish validate data/esg_2022.xlsx

test: $(STAMP)
	$(BIN)/python -m pytest -q

# the full fuzzer: 1,000 mutated workbooks and layouts (make test runs 200)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_fuzz.py

# the benchmark: each performance target beside its measured value
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench,dask]'
	$(BIN)/python bench/bench.py

# rebuild fonts/ from Debian's fonts-noto-cjk and fonts-noto-core (apt-get install fonts-noto-cjk fonts-noto-core)
fonts: $(STAMP)
	$(BIN)/python tools/build_fonts.py

# rebuild data/esg_2022.xlsx from tools/make_sample_workbook.py
sample: $(STAMP)
	$(BIN)/python tools/make_sample_workbook.py

clean:
	rm -rf build .pytest_cache
