"""One warm converter process: LibreOffice plus unoserver's XML-RPC service, ready as soon as
LibreOffice accepts connections.

unoserver 3.7 waits a fixed 5 s after starting LibreOffice (and then retries every 2 s) before
it serves; a batch that starts converters pays that wait every time. This launcher keeps
unoserver's converter and XML-RPC service and replaces only the fixed wait by polling the UNO
socket. Run by the converter pool: `python -m service.documents.pdf_server PORT UNO_PORT PROFILE TMP`.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from unoserver.server import UnoServer

START_TIMEOUT = 60.0


class QuickUnoServer(UnoServer):
    """unoserver's server without the fixed start-up sleep."""

    def start(self, executable: str = "soffice") -> subprocess.Popen | None:  # type: ignore[override]
        connection = (f"socket,host={self.uno_interface},port={self.uno_port},tcpNoDelay=1;urp;"
                      "StarOffice.ComponentContext")
        self.libreoffice_process = subprocess.Popen([
            executable, "--headless", "--invisible", "--nocrashreport", "--nodefault",
            "--nologo", "--nofirststartwizard", "--norestore",
            f"-env:UserInstallation={self.user_installation}", f"--accept={connection}",
        ])  # fmt: skip
        if not _wait_for_port(self.uno_interface, int(self.uno_port), self.libreoffice_process):
            self.libreoffice_process.kill()
            return None
        self.xmlrcp_thread = threading.Thread(target=self.serve, daemon=True)
        self.xmlrcp_thread.start()
        return self.libreoffice_process


def _wait_for_port(host: str, port: int, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def _exit_with_parent(process: subprocess.Popen, own_dir: Path) -> None:
    """Stops LibreOffice and this process once the pool's process is gone, however it ended
    (even SIGKILL): otherwise an orphaned converter would hold ~200 MB for ever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        # the pool started us in a session of our own: the group is LibreOffice's whole tree
        # (soffice is a launcher script; soffice.bin is its child) and this process
        shutil.rmtree(own_dir, ignore_errors=True)
        os.killpg(os.getpgid(0), signal.SIGKILL)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def main(argv: list[str]) -> int:
    port, uno_port, profile, temp_dir = argv
    executable = shutil.which("soffice") or "soffice"
    server = QuickUnoServer("127.0.0.1", port, "127.0.0.1", uno_port,
                            Path(profile).as_uri(), None, None, temp_dir)
    process = server.start(executable=executable)
    if process is None:
        print("LibreOffice did not open its UNO port", file=sys.stderr)
        return 2
    _exit_with_parent(process, Path(profile).parent)
    return process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
