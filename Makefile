# Two commands: `make run` (set up, load the example province, serve) and `make test`.
SHELL := /bin/bash
SYSTEM_PYTHON ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
THIDUA := $(VENV)/bin/thidua
# Debian packages: LibreOffice for PDF (with its Python bindings for the warm converter),
# a Times New Roman metric-compatible font with Vietnamese glyphs, poppler for PDF checks,
# Chromium for the browser tests, venv for Debian's Python.
APT_PACKAGES := libreoffice-writer-nogui python3-uno fonts-liberation2 poppler-utils \
                chromium python3-venv python3-pip
NEEDED_COMMANDS := soffice pdffonts pdftoppm chromium

.PHONY: run test bench system venv db clean lint-templates

run: system venv db
	$(THIDUA) serve --host 127.0.0.1 --port 5000

test: system venv
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

bench: system venv db
	$(PY) -m service.bench

system:
	@missing=""; \
	for c in $(NEEDED_COMMANDS); do command -v $$c >/dev/null 2>&1 || missing="$$missing $$c"; done; \
	$(SYSTEM_PYTHON) -c 'import uno, venv' >/dev/null 2>&1 || missing="$$missing python3-uno"; \
	fc-list 2>/dev/null | grep -qi 'Liberation Serif' || missing="$$missing fonts-liberation2"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "Thiếu gói hệ thống (missing system packages):$$missing"; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	else \
	  echo "Hãy cài (please install): sudo apt-get install $(APT_PACKAGES)"; exit 1; \
	fi

venv: $(VENV)/.installed

# Debian's Python with its site packages: LibreOffice's `uno` module lives there, and the
# warm PDF converter (unoserver) needs it.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

db:
	$(THIDUA) demo-setup --records records/son-la-2024

clean:
	rm -rf $(VENV) instance outputs/*/
