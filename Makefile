# Two commands do all set-up on a fresh machine:  make demo  and  make test
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint bench clean sysdeps

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade "pip>=24"
	$(VENV)/bin/pip install -q -c constraints.txt -e ".[dev,spark]"
	# Bytecode for our own modules too (pip compiles what it installs, an editable install excepted): where
	# Python may not write it (PYTHONDONTWRITEBYTECODE), every process would compile them again, 0.4 s a worker.
	$(PY) -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m sinoscope demo

# Debian packages the tests need (PostgreSQL server, Chromium, Java for Spark): installed or started only when missing.
sysdeps:
	bash scripts/system-deps.sh

test: $(STAMP) sysdeps
	$(PY) -m pytest
	$(VENV)/bin/ruff check src tests bench eval

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench eval

clean:
	rm -rf $(VENV) out artifacts
