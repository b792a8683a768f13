# Two commands: `make run` serves the product, `make test` passes the tests. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# PyTorch's CPU wheel (this machine keeps it on disk); installed before sentence-transformers so
# pip never reaches for a multi-GB CUDA build.
TORCH ?= torch==2.13.0

.PHONY: help run test lint setup index clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install -q '$(TORCH)'
	$(PY) -m pip install -q -e '.[test,st]'
	touch $(TEST_STAMP)

setup: $(STAMP) ## create .venv and install the product

run: $(STAMP) ## set up and serve API, web widget and staff console on 127.0.0.1:8000
	$(VENV)/bin/benefit-finder index build
	$(VENV)/bin/benefit-finder serve --host 127.0.0.1 --port 8000

test: $(TEST_STAMP) ## set up and run the whole test suite
	$(PY) -m pytest -q

index: $(STAMP) ## rebuild knowledge/index/ (committed) after a measure, the source or out_of_scope.yaml changed
	BF_INDEX_DIR=knowledge/index $(VENV)/bin/benefit-finder index build

lint: $(TEST_STAMP) ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

-include mk/*.mk

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
