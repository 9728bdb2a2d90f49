# payobs: everything a new user needs, from a machine with only Python 3.11+ and make.
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PAYOBS := $(VENV)/bin/payobs
export UV_PYTHON_DOWNLOADS := never

.PHONY: install demo test dev bench doctor stop clean

# uv is installed into a private tool environment; the project's own
# environment (.venv) is then built exactly from the committed uv.lock, with every extra
# (dagster-k8s, so that the Kubernetes deployment's tests run here and in CI).
$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --all-extras --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

demo: install
	$(PAYOBS) demo

test: install
	$(VENV)/bin/python -m pytest

dev: install
	$(PAYOBS) dev

# The pure core, then the whole pipeline on one window of BENCH_ROWS lake rows against the COPY floor and the
# naive design (`make bench BENCH_ROWS=1000000`; `payobs bench --help`).
BENCH_ROWS ?= 200000
bench: install
	$(PAYOBS) bench --rows $(BENCH_ROWS)

doctor: install
	$(PAYOBS) doctor

# The embedded PostgreSQL outlives `make demo` and `make dev` (the next command reuses it); this stops it.
stop: install
	$(PAYOBS) db stop

clean:
	rm -rf $(VENV) $(TOOLS) .payobs .pytest_cache
