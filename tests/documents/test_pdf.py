"""PDF through warm LibreOffice converters: Vietnamese text, embedded fonts, restarts, timeouts."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import threading
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from service.documents import pdf
from service.documents.pdf import ConverterPool, PdfError

TEXT = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc; "
    "Ủy ban, Đỗ, Ưng, Ơn, ẵ ẫ ẩ ỹ ỵ"
)


def make_docx(text: str = TEXT, font: str = "Times New Roman") -> bytes:
    """Return a one-page .docx with `text` in `font`."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(13)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_text(data: bytes) -> str:
    """Return the PDF's text, NFC, whitespace (line breaks included) collapsed to one space."""
    run = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", run.stdout.decode()).split())


def live_processes_in_group(pgid: int) -> list[str]:
    """Return the commands of the processes of group `pgid` that are not zombies."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            stat = entry.read_text()
        except OSError:
            continue
        head, _, rest = stat.rpartition(")")
        state, _, group = rest.split()[:3]
        if int(group) == pgid and state not in "ZX":
            found.append(head.partition("(")[2])
    return found


@pytest.fixture(scope="module")
def document() -> bytes:
    return make_docx()


@pytest.fixture(scope="module")
def pool():
    """Two converters shared by the module's tests (starting one takes ≈ 1,3 s)."""
    with ConverterPool(size=min(os.cpu_count() or 1, 2), timeout=30) as shared:
        yield shared


@pytest.fixture(scope="module")
def small_pool():
    """One converter, restarted every 5 conversions, 1.5 s per conversion."""
    with ConverterPool(size=1, max_conversions=5, timeout=1.5) as single:
        yield single


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: one converter")
def test_two_threads_convert_at_once_on_two_converters(pool, document):
    barrier = threading.Barrier(2)

    def convert(_: int) -> bytes:
        barrier.wait()
        return pool.convert(document)

    with ThreadPoolExecutor(2) as executor:
        results = list(executor.map(convert, range(2)))

    assert all(result.startswith(b"%PDF") for result in results)
    assert all(info.starts == 1 and info.conversions >= 1 for info in pool.converters())


def test_pdf_holds_the_vietnamese_text_in_embedded_times_metric_fonts(pool, document):
    data = pool.convert(document)

    assert data.startswith(b"%PDF")
    assert unicodedata.normalize("NFC", TEXT) in pdf_text(data)
    fonts = pdf.pdf_fonts(data)
    assert fonts
    assert all(embedded for _, embedded in fonts)
    assert all(name.partition("+")[2].startswith(pdf.ALLOWED_FONTS) for name, _ in fonts)
    pdf.check_fonts(data)


def test_a_substituted_font_is_an_error(pool):
    data = pool.convert(make_docx(font="DejaVu Sans"))

    with pytest.raises(PdfError, match="DejaVuSans"):
        pdf.check_fonts(data)


def test_to_pdf_converts_and_checks_fonts(pool, document, monkeypatch):
    monkeypatch.setattr(pdf, "_default_pool", pool)  # no third LibreOffice for this test

    assert pdf.to_pdf(document).startswith(b"%PDF")
    with pytest.raises(PdfError, match="Liberation Serif"):
        pdf.to_pdf(make_docx(font="DejaVu Sans"))


def test_garbage_is_a_pdf_error_and_the_converter_stays_warm(pool, document):
    starts = [info.starts for info in pool.converters()]

    with pytest.raises(PdfError, match="^Không chuyển được sang PDF: .*không đọc được tệp .docx"):
        pool.convert(b"this is not a Word document")

    assert pool.convert(document).startswith(b"%PDF")
    assert [info.starts for info in pool.converters()] == starts


def test_a_converter_is_restarted_after_max_conversions(small_pool, document):
    for _ in range(small_pool.max_conversions):
        small_pool.convert(document)
        if small_pool.converters()[0].server_pid is None:
            break
    stopped = small_pool.converters()[0]
    assert stopped.server_pid is None
    assert stopped.conversions == small_pool.max_conversions

    small_pool.convert(document)

    restarted = small_pool.converters()[0]
    assert restarted.starts == stopped.starts + 1
    assert restarted.conversions == 1


def test_a_killed_converter_is_restarted(small_pool, document):
    small_pool.convert(document)
    before = small_pool.converters()[0]
    assert before.office_pid is not None

    os.kill(before.office_pid, signal.SIGKILL)
    data = small_pool.convert(document)

    after = small_pool.converters()[0]
    assert data.startswith(b"%PDF")
    assert after.starts == before.starts + 1
    assert after.office_pid not in (None, before.office_pid)


def test_the_timeout_covers_the_conversion_only(document, tmp_path):
    with ConverterPool(size=1, max_conversions=5, timeout=1.0, base_dir=tmp_path) as single:
        # The converter starts first (≈ 1,3 s): not counted, so this call fails on time.
        with pytest.raises(PdfError, match="quá 0.001 giây; bộ chuyển sẽ được khởi động lại"):
            single.convert(document, timeout=0.001)
        starts = single.converters()[0].starts

        # One converter, three callers: they wait for its restart and for each other longer
        # than the 1 s timeout, and all succeed.
        def convert(_: int) -> float:
            started = time.monotonic()
            assert single.convert(document).startswith(b"%PDF")
            return time.monotonic() - started

        with ThreadPoolExecutor(3) as executor:
            waits = list(executor.map(convert, range(3)))

        assert max(waits) > single.timeout
        assert single.converters()[0].starts == starts + 1


def test_closing_leaves_no_libreoffice_running(document, tmp_path):
    with ConverterPool(size=1, base_dir=tmp_path) as single:
        single.convert(document)
        group = single.converters()[0].server_pid
    assert group is not None

    assert live_processes_in_group(group) == []
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(PdfError, match="đã đóng"):
        single.convert(document)


def test_cold_conversion(document):
    data = pdf.convert_cold(document)

    assert unicodedata.normalize("NFC", TEXT) in pdf_text(data)
    pdf.check_fonts(data)
    with pytest.raises(PdfError, match="^Không chuyển được sang PDF"):
        pdf.convert_cold(b"not a docx")


def test_without_libreoffice_the_message_says_the_docx_is_still_made(
    document, monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))

    assert not pdf.libreoffice_available()
    with ConverterPool(size=1) as unused:
        for convert in (pdf.to_pdf, pdf.convert_cold, unused.convert):
            with pytest.raises(PdfError, match="libreoffice-writer-nogui.*tệp .docx vẫn được tạo"):
                convert(document)


@pytest.mark.parametrize("size", [0, (os.cpu_count() or 1) + 1])
def test_at_most_one_converter_per_core(size):
    with pytest.raises(ValueError):
        ConverterPool(size=size)


def test_pdf_fonts_reads_names_and_embedding(monkeypatch):
    listing = (
        "name                                 type              encoding         emb sub uni "
        "object ID\n"
        "------------------------------------ ----------------- ---------------- --- --- --- "
        "---------\n"
        "BAAAAA+LiberationSerif               TrueType          WinAnsi          yes yes yes "
        "     9  0\n"
        "Times New Roman,Bold                 TrueType          WinAnsi          no  no  no  "
        "    12  0\n"
    )

    def fake_run(*args, **kwargs):
        return subprocess.CompletedProcess(args, 0, listing.encode(), b"")

    monkeypatch.setattr(subprocess, "run", fake_run)

    assert pdf.pdf_fonts(b"%PDF") == [
        ("BAAAAA+LiberationSerif", True),
        ("Times New Roman,Bold", False),
    ]
    with pytest.raises(PdfError, match=r"Times New Roman,Bold \(không nhúng\)"):
        pdf.check_fonts(b"%PDF")


def test_pdf_fonts_without_poppler(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(PdfError, match="poppler-utils"):
        pdf.pdf_fonts(b"%PDF")


def test_converters_of_a_killed_process_stop_by_themselves(tmp_path: Path) -> None:
    """A process holding a pool dies by SIGKILL (no cleanup runs): its converters notice and stop."""
    import subprocess
    import sys
    import time

    script = (
        "import io, os, docx\n"
        "from service.documents.pdf import ConverterPool\n"
        "d = docx.Document(); d.add_paragraph('x'); b = io.BytesIO(); d.save(b)\n"
        f"pool = ConverterPool(1, base_dir={str(tmp_path)!r}); pool.convert(b.getvalue())\n"
        "info = pool.converters()[0]\n"
        "print(info.server_pid, info.office_pid, flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    server, office = (int(x) for x in done.stdout.split())

    def alive(pid: int) -> bool:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] not in "ZX"

    deadline = time.monotonic() + 10
    while (alive(server) or alive(office)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(server) and not alive(office)
    assert list(tmp_path.iterdir()) == []  # the converter's profile went with it
