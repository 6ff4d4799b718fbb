"""PDF from .docx bytes through warm LibreOffice converters (unoserver), and PDF font checks."""

from __future__ import annotations

import importlib.util
import logging
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
import xmlrpc.client
from dataclasses import dataclass
from pathlib import Path
from typing import Self

logger = logging.getLogger(__name__)

FAILED = "Không chuyển được sang PDF: "
MISSING_LIBREOFFICE = (
    "Chưa cài LibreOffice (gói libreoffice-writer-nogui): không tạo được PDF; "
    "tệp .docx vẫn được tạo."
)
MISSING_UNO = (
    "Python đang chạy không có mô-đun uno/unoserver (gói python3-uno; venv của /usr/bin/python3 "
    "với --system-site-packages): không tạo được PDF; tệp .docx vẫn được tạo."
)
# The import filter is named so that bytes that are not a .docx fail instead of being read
# as plain text (LibreOffice's default detection turns any garbage into a text document).
DOCX_FILTER = "MS Word 2007 XML"
# Times New Roman itself, or Liberation Serif: metric-compatible, with every Vietnamese glyph.
ALLOWED_FONTS = ("TimesNewRoman", "LiberationSerif")


class PdfError(Exception):
    """A PDF could not be made or checked; the message is Vietnamese and shown to the user."""


class ConverterDied(PdfError):
    """The converter's LibreOffice went away during a conversion (the pool retries once)."""


@dataclass(frozen=True)
class ConverterInfo:
    """One converter slot: its processes (None when stopped) and its counters."""

    index: int
    server_pid: int | None
    office_pid: int | None
    conversions: int  # since its last start
    starts: int


def libreoffice_available() -> bool:
    """Return whether `soffice` is on PATH."""
    return shutil.which("soffice") is not None


class _Converter:
    """One unoserver process with its LibreOffice and its own profile; one caller at a time."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.proc: subprocess.Popen[bytes] | None = None
        self.office_pid: int | None = None
        self.port = 0
        self.dir: Path | None = None
        self.conversions = 0
        self.starts = 0
        self.closed = False
        # Guards start/stop against close() from another thread; a conversion runs unlocked
        # so that close() can kill it.
        self._lock = threading.Lock()

    def info(self) -> ConverterInfo:
        proc = self.proc  # read once: another thread may stop the converter meanwhile
        pid = proc.pid if proc else None
        return ConverterInfo(self.index, pid, self.office_pid, self.conversions, self.starts)

    def ensure_running(self, base_dir: Path, start_timeout: float) -> None:
        """Start the converter unless it runs; restart it if it died since its last use."""
        with self._lock:
            if self.closed:
                raise PdfError(FAILED + "bộ chuyển PDF đã đóng.")
            if self.proc is not None and not self._alive():
                logger.warning("PDF converter %d died; restarting it", self.index)
                self._stop()
            if self.proc is None:
                self._start(base_dir, start_timeout)

    def convert(self, docx: bytes, timeout: float) -> bytes:
        """Return the PDF; on a timeout or a dead LibreOffice stop the converter, then raise."""
        self.conversions += 1
        try:
            with xmlrpc.client.ServerProxy(
                f"http://127.0.0.1:{self.port}", transport=_Transport(timeout), allow_none=True
            ) as proxy:
                # update_index=False: our documents have no index to refresh, and it costs a layout pass
                result = proxy.convert(None, docx, None, "pdf", None, [], False, DOCX_FILTER, None)
        except xmlrpc.client.Fault as exc:
            reason = exc.faultString.rpartition(">:")[2].strip()
            if "Could not load" in reason:  # the input, not LibreOffice: it is still fine
                raise PdfError(f"{FAILED}LibreOffice không đọc được tệp .docx ({reason}).") from None
            if self._dies_within(1.0):  # a fault from a LibreOffice that was going away
                self.stop()
                raise ConverterDied(f"{FAILED}LibreOffice dừng đột ngột ({reason}).") from None
            raise PdfError(f"{FAILED}LibreOffice báo lỗi ({reason}).") from None
        except TimeoutError:
            self.stop()
            message = f"{FAILED}quá {timeout:g} giây; bộ chuyển sẽ được khởi động lại."
            raise PdfError(message) from None
        except (OSError, xmlrpc.client.ProtocolError) as exc:
            self.stop()
            raise ConverterDied(f"{FAILED}LibreOffice dừng đột ngột ({exc}).") from None
        return result.data

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def close(self) -> None:
        with self._lock:
            self.closed = True
            self._stop()

    def _start(self, base_dir: Path, start_timeout: float) -> None:
        if not libreoffice_available():
            raise PdfError(MISSING_LIBREOFFICE)
        if not all(importlib.util.find_spec(name) for name in ("uno", "unoserver")):
            raise PdfError(MISSING_UNO)
        self.dir = Path(tempfile.mkdtemp(prefix=f"converter{self.index}-", dir=base_dir))
        (self.dir / "tmp").mkdir()
        self.port, uno_port = _free_ports(2)
        # our launcher: unoserver's service without its fixed 5 s start-up wait
        cmd = [
            sys.executable, "-m", "service.documents.pdf_server", str(self.port), str(uno_port),
            str(self.dir / "profile"), str(self.dir / "tmp"),
        ]  # fmt: skip
        with open(self.dir / "unoserver.log", "wb") as log:
            # A session of its own: LibreOffice's processes share its group, killed as one.
            self.proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                cwd=self.dir, start_new_session=True,
            )  # fmt: skip
        try:
            self._wait_ready(start_timeout)
        except PdfError:
            self._stop()
            raise
        self.office_pid = _find_in_group(self.proc.pid, "soffice.bin")
        self.conversions = 0
        self.starts += 1
        logger.info("PDF converter %d started (pid %d)", self.index, self.proc.pid)

    def _wait_ready(self, start_timeout: float) -> None:
        """Return once the XML-RPC port answers; unoserver serves only when LibreOffice is up."""
        assert self.proc is not None and self.dir is not None
        deadline = time.monotonic() + start_timeout
        while (remaining := deadline - time.monotonic()) > 0:
            if (code := self.proc.poll()) is not None:
                log = (self.dir / "unoserver.log").read_text(errors="replace")
                tail = " ".join(log.strip().splitlines()[-3:])
                raise PdfError(f"{FAILED}LibreOffice dừng khi khởi động (mã {code}): {tail}")
            try:
                with xmlrpc.client.ServerProxy(
                    f"http://127.0.0.1:{self.port}", transport=_Transport(remaining)
                ) as proxy:
                    proxy.system.listMethods()
                return
            except TimeoutError:
                break
            except (OSError, xmlrpc.client.ProtocolError):
                time.sleep(0.05)  # not listening yet
        raise PdfError(f"{FAILED}LibreOffice không khởi động xong trong {start_timeout:g} giây.")

    def _dies_within(self, seconds: float) -> bool:
        """Returns whether the converter is dead, or dies within `seconds` (a killed LibreOffice
        with many threads still shows in /proc for a moment)."""
        deadline = time.monotonic() + seconds
        while self._alive():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def _alive(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            return False
        if self.office_pid is None:
            return True
        stat = _proc_stat(self.office_pid)
        return stat is not None and stat[1] not in "ZX"

    def _stop(self) -> None:
        if self.proc is None:
            return
        try:  # the profile is thrown away: no need to let LibreOffice shut down cleanly
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        _wait_group_gone(self.proc.pid, 5.0)
        logger.info("PDF converter %d stopped after %d conversions", self.index, self.conversions)
        self.proc = None
        self.office_pid = None
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None


class ConverterPool:
    """Warm LibreOffice converters, started on demand, shared by threads; at most one per core."""

    def __init__(
        self,
        size: int | None = None,
        *,
        max_conversions: int = 200,
        timeout: float = 60.0,
        start_timeout: float = 60.0,
        base_dir: Path | str | None = None,
    ) -> None:
        """`size` defaults to min(cores, 2); `timeout` covers one conversion, not the wait for a
        free converter nor its start (`start_timeout`); a converter is restarted after
        `max_conversions`. Profiles live in `base_dir` (a temporary directory by default).
        Nothing starts here; `close()`, garbage collection or the interpreter's exit stops all."""
        cores = os.cpu_count() or 1
        size = min(cores, 2) if size is None else size
        if not 1 <= size <= cores:
            raise ValueError(f"size must be between 1 and {cores} (one converter per core)")
        self.size = size
        self.max_conversions = max_conversions
        self.timeout = timeout
        self.start_timeout = start_timeout
        own_dir = None
        if base_dir is None:
            base_dir = own_dir = Path(tempfile.mkdtemp(prefix="thidua-pdf-"))
        self._base_dir = Path(base_dir)
        self._slots = [_Converter(i) for i in range(size)]
        # Last in, first out: a warm converter is reused before a cold one is started.
        self._idle: queue.LifoQueue[_Converter] = queue.LifoQueue()
        for slot in reversed(self._slots):
            self._idle.put(slot)
        self._closed = False
        self._release = weakref.finalize(self, _release, self._slots, own_dir)

    def convert(self, docx: bytes, *, timeout: float | None = None) -> bytes:
        """Return the PDF of `docx`; waits for a free converter, then allows `timeout` seconds
        (the pool's by default) for the conversion. Raises PdfError when it fails."""
        if self._closed:
            raise PdfError(FAILED + "bộ chuyển PDF đã đóng.")
        converter = self._idle.get()
        try:
            converter.ensure_running(self._base_dir, self.start_timeout)
            try:
                return converter.convert(docx, self.timeout if timeout is None else timeout)
            except ConverterDied:
                # LibreOffice died between conversions and /proc did not show it yet (a killed
                # process with many threads takes a moment to go): start it again, retry once
                converter.ensure_running(self._base_dir, self.start_timeout)
                return converter.convert(docx, self.timeout if timeout is None else timeout)
        finally:
            if converter.conversions >= self.max_conversions:
                converter.stop()  # LibreOffice grows over long batches; the next use restarts it
            self._idle.put(converter)

    def warm(self) -> None:
        """Start every converter now, all at once (a batch calls it while it renders, so the
        first conversions do not wait for LibreOffice to start). Start failures are left for
        the conversions to report."""

        def start(slot: _Converter) -> None:
            try:
                slot.ensure_running(self._base_dir, self.start_timeout)
            except PdfError:
                pass

        threads = [threading.Thread(target=start, args=(slot,), daemon=True) for slot in self._slots]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def converters(self) -> list[ConverterInfo]:
        """Return a snapshot of every converter slot."""
        return [slot.info() for slot in self._slots]

    def close(self) -> None:
        """Stop every converter (their whole process groups) and remove the profiles."""
        self._closed = True
        self._release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _release(slots: list[_Converter], own_dir: Path | None) -> None:
    """Stop every converter, then remove the pool's own profiles directory, if any."""
    for slot in slots:
        slot.close()
    if own_dir is not None:
        shutil.rmtree(own_dir, ignore_errors=True)


_default_pool: ConverterPool | None = None
_default_lock = threading.Lock()


def default_pool() -> ConverterPool:
    """Return the process-wide pool, created on first use (closed at exit by its finalizer)."""
    global _default_pool
    with _default_lock:
        if _default_pool is None:
            _default_pool = ConverterPool()
        return _default_pool


def to_pdf(docx: bytes) -> bytes:
    """Return the PDF of `docx` made by the default pool, its fonts checked (`check_fonts`).
    Raises PdfError: LibreOffice missing, a failed conversion, or a substituted font."""
    if not libreoffice_available():
        raise PdfError(MISSING_LIBREOFFICE)
    pdf = default_pool().convert(docx)
    check_fonts(pdf)
    return pdf


def convert_cold(docx: bytes, timeout: float = 120.0) -> bytes:
    """Return the PDF of `docx` made by a one-off `soffice --convert-to pdf` with a throwaway
    profile (for benchmarks and as a fallback). Raises PdfError."""
    if not libreoffice_available():
        raise PdfError(MISSING_LIBREOFFICE)
    with tempfile.TemporaryDirectory(prefix="thidua-cold-") as tmp:
        source = Path(tmp, "document.docx")
        source.write_bytes(docx)
        cmd = [
            "soffice", f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
            "--norestore", "--nologo", "--nodefault", f"--infilter={DOCX_FILTER}",
            "--convert-to", "pdf", "--outdir", str(Path(tmp, "out")), str(source),
        ]  # fmt: skip
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=tmp, start_new_session=True,
        )  # fmt: skip
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfError(f"{FAILED}quá {timeout:g} giây.") from None
        result = Path(tmp, "out", "document.pdf")
        if not result.exists():
            detail = " ".join(err.decode(errors="replace").split())
            raise PdfError(f"{FAILED}LibreOffice không đọc được tệp .docx (mã {proc.returncode}"
                           f"{': ' + detail if detail else ''}).")  # fmt: skip
        return result.read_bytes()


def pdf_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """Return (font name, embedded) for every font `pdffonts` lists. Raises PdfError."""
    try:
        run = subprocess.run(
            ["pdffonts", "-"], input=pdf, capture_output=True, timeout=60, check=False
        )
    except FileNotFoundError:
        raise PdfError(
            "Chưa cài poppler-utils (pdffonts): không kiểm tra được phông PDF."
        ) from None
    lines = run.stdout.decode(errors="replace").splitlines()
    if run.returncode != 0 or len(lines) < 2:
        raise PdfError(f"Không đọc được phông chữ của PDF: {run.stderr.decode(errors='replace')}")
    # Columns are cut where the dashes under the header are: a name may contain spaces.
    spans, start = [], 0
    for dashes in lines[1].split(" "):
        spans.append((start, start + len(dashes)))
        start += len(dashes) + 1
    (name_start, name_end), (emb_start, emb_end) = spans[0], spans[3]
    return [
        (line[name_start:name_end].strip(), line[emb_start:emb_end].strip() == "yes")
        for line in lines[2:]
        if line.strip()
    ]


def check_fonts(pdf: bytes, allowed: tuple[str, ...] = ALLOWED_FONTS) -> None:
    """Return None when every font is embedded and is Times New Roman or Liberation Serif;
    raise PdfError naming the others (a silent substitute such as DejaVu is an error)."""
    wrong = []
    for name, embedded in pdf_fonts(pdf):
        prefix, plus, base = name.partition("+")
        family = (base if plus and len(prefix) == 6 else name).replace(" ", "")
        if not embedded or not family.startswith(allowed):
            wrong.append(name if embedded else f"{name} (không nhúng)")
    if wrong:
        raise PdfError(
            "PDF dùng phông chữ khác Times New Roman/Liberation Serif (thiếu phông, bị thay thế): "
            + ", ".join(wrong)
        )


class _Transport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a socket timeout."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):  # type: ignore[no-untyped-def]
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection


def _free_ports(count: int) -> list[int]:
    """Return `count` distinct TCP ports free on 127.0.0.1 right now."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _proc_stat(pid: int) -> tuple[str, str, int] | None:
    """Return (command, state, process group) of `pid` from /proc, or None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    head, _, rest = stat.rpartition(")")
    fields = rest.split()
    return head.partition("(")[2], fields[0], int(fields[2])


def _wait_group_gone(pgid: int, seconds: float) -> None:
    """Waits until no live process is left in group `pgid` (a killed LibreOffice with many
    threads takes a moment to go), at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        members = (_proc_stat(int(e.name)) for e in Path("/proc").iterdir() if e.name.isdigit())
        if not any(m and m[2] == pgid and m[1] not in "ZX" for m in members):
            return
        time.sleep(0.05)


def _find_in_group(pgid: int, command: str) -> int | None:
    """Return the pid of `command` in process group `pgid`, or None."""
    for entry in Path("/proc").iterdir():
        stat = _proc_stat(int(entry.name)) if entry.name.isdigit() else None
        if stat and stat[2] == pgid and stat[0] == command and stat[1] not in "ZX":
            return int(entry.name)
    return None
