# Two commands for users: `make book` and `make test`. Both create the environment first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ENV_OK := $(VENV)/.installed
BUILD  := _build
NOTEBOOKS := $(wildcard notebooks/*.md)

.PHONY: env data book test lint unit browser pairing nbval book-strict ledger kernels linkcheck record lock clean pdf

# One thread per numerical library: results must not depend on how work is split between threads.
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
export NUMEXPR_NUM_THREADS ?= 1

## env: create .venv with the locked packages (uv from PyPI; pip fallback)
$(ENV_OK): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv 2>/dev/null \
	  && $(BIN)/uv pip install --python $(BIN)/python --compile-bytecode --quiet -r requirements.txt \
	  && $(BIN)/uv pip install --python $(BIN)/python --compile-bytecode --quiet --no-deps -e . \
	  || ( $(BIN)/python -m pip install --quiet -r requirements.txt && $(BIN)/python -m pip install --quiet --no-deps -e . )
	touch $(ENV_OK)

env: $(ENV_OK)

## book: check (or download) the data, then build the HTML book into _build/html. Anything a change of
## code, data or pages makes stale, or an interrupted build left behind, is deleted first (src/analysis/build.py).
book: env
	$(BIN)/python -m analysis.build
	@echo "Book: $(BUILD)/html/index.html"

## data: find and verify every data file; download missing ones into the cache (hash-checked)
data: env
	$(BIN)/python -m analysis data fetch

## test: the whole verification, as run by CI
test: lint unit pairing nbval book-strict ledger linkcheck browser
	@echo "make test: all checks passed"

lint: env
	$(BIN)/ruff check src tests benchmarks _ext
	$(BIN)/ruff format --check src tests benchmarks _ext

unit: env
	$(BIN)/pytest -q -p no:cacheprovider -n 2 tests --ignore=tests/browser

## browser: every built page in headless Chromium, offline (skipped, with the reason, without Chromium)
browser: env
	$(BIN)/pytest -q -rs -p no:cacheprovider tests/browser

## pairing: the committed .ipynb must hold the same code as its .md (outputs are kept)
pairing: env
	$(BIN)/jupytext --to ipynb --update --quiet $(NOTEBOOKS)
	git diff --exit-code --stat -- notebooks/ || \
	  (echo "notebooks/*.ipynb out of sync with notebooks/*.md: run 'make record' and commit" && exit 1)

## nbval: re-execute notebooks, compare text outputs with the committed reference outputs
nbval: env data
	$(BIN)/pytest -q -p no:cacheprovider -n 2 --dist loadfile --nbval --nbval-current-env \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks/

## kernels: nbval, book build and ledger under emulated older CPUs (AVX2 only, then SSE only), as a reviewer's
## machine may have; numpy and OpenBLAS pick their SIMD kernels at run time (see book/verify.md)
AVX2_KERNELS := NPY_DISABLE_CPU_FEATURES=X86_V4,AVX512_ICL,AVX512_SPR OPENBLAS_CORETYPE=Haswell
SSE_KERNELS  := NPY_DISABLE_CPU_FEATURES=X86_V3,X86_V4,AVX512_ICL,AVX512_SPR OPENBLAS_CORETYPE=Nehalem
kernels: env
	$(AVX2_KERNELS) $(MAKE) --no-print-directory nbval book-strict ledger
	$(SSE_KERNELS) $(MAKE) --no-print-directory nbval book-strict ledger

## ledger: every glued number of the fresh book build against results/ledger.csv, with per-quantity tolerances
ledger: env
	$(BIN)/python -m analysis.report.ledger check

book-strict: env
	$(BIN)/python -m analysis.build --strict

## linkcheck: internal links of the built HTML, served on 127.0.0.1 (LinkChecker drops root privileges
## and could not read a private build folder through file:// URLs)
linkcheck: env
	@port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(BIN)/python -m http.server $$port --bind 127.0.0.1 --directory $(BUILD)/html >/dev/null 2>&1 & pid=$$!; \
	sleep 1; $(BIN)/linkchecker -f tests/linkcheckerrc --no-status --no-warnings http://127.0.0.1:$$port/index.html; rc=$$?; \
	kill $$pid; exit $$rc

## record: re-execute every notebook and store its outputs as the new reference (after a deliberate change)
record: env
	$(BIN)/jupytext --to ipynb --update --quiet $(NOTEBOOKS)
	cd notebooks && for nb in $(notdir $(NOTEBOOKS:.md=.ipynb)); do \
	  ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False "$$nb" || exit 1; done
	$(BIN)/python -m analysis.report.ledger record

## lock: recompile requirements.txt from requirements.in
lock: env
	$(BIN)/uv pip compile requirements.in --python-version 3.11 -o requirements.txt --quiet

clean:
	rm -rf $(BUILD)

## pdf: one PDF of the whole book, _build/book.pdf (and _build/html/book.pdf, linked from the landing page):
## the single-page HTML printed by headless Chromium with book/_static/print.css, a cover, contents with
## page numbers and numbered pages (src/analysis/report/pdf.py; no LaTeX). A4; `make pdf PAPER=letter` for letter.
PAPER ?= a4
pdf: env
	$(BIN)/python -m analysis.build --builder singlehtml
	$(BIN)/python -m analysis.report.pdf --paper $(PAPER)
