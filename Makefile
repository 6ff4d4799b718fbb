# Two commands: `make run` (set up, load the example province, serve) and `make test`.
SHELL := /bin/bash
SYSTEM_PYTHON ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
THIDUA := $(VENV)/bin/thidua
# Debian packages: LibreOffice for PDF (with its Python bindings for the warm converter),
# a Times New Roman metric-compatible font with Vietnamese glyphs, poppler for PDF checks,
# Chromium for the browser tests, venv for Debian's Python.

.PHONY: run test bench system-run system-test check-system venv db clean

run: system-run venv db
	$(THIDUA) serve --host 127.0.0.1 --port 5000

test: system-test venv
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

bench: system-test venv db
	$(PY) -m service.bench

# What each command needs from Debian, as `command-or-check:package`.
RUN_NEEDS := soffice:libreoffice-writer-nogui uno:python3-uno font:fonts-liberation2 venv:python3-venv
TEST_NEEDS := $(RUN_NEEDS) pdffonts:poppler-utils pdftoppm:poppler-utils chromium:chromium

# Installs what is missing when root on Debian/Ubuntu; otherwise names it. `make run` goes on
# without (the web works; PDFs say LibreOffice is missing), `make test` stops: its tests need all.
system-run:
	@$(MAKE) -s --no-print-directory check-system NEEDS="$(RUN_NEEDS)" STRICT=

system-test:
	@$(MAKE) -s --no-print-directory check-system NEEDS="$(TEST_NEEDS)" STRICT=1

check-system:
	@missing=""; \
	for need in $(NEEDS); do \
	  what=$${need%%:*}; pkg=$${need##*:}; \
	  case $$what in \
	    uno) $(SYSTEM_PYTHON) -c 'import uno' >/dev/null 2>&1 ;; \
	    venv) $(SYSTEM_PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1 ;; \
	    font) fc-list 2>/dev/null | grep -qi 'Liberation Serif' ;; \
	    *) command -v $$what >/dev/null 2>&1 ;; \
	  esac || case " $$missing " in *" $$pkg "*) ;; *) missing="$$missing $$pkg" ;; esac; \
	done; \
	[ -z "$$missing" ] && exit 0; \
	echo "Thiếu gói hệ thống (missing system packages):$$missing"; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "Hãy cài (please install): sudo apt-get install$$missing"; \
	  [ -z "$(STRICT)" ]; \
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
