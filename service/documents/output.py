"""Where generated documents go, and writing them so a reader never sees half a file."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from service.vnformat.text import slugify

_KIND = re.compile(r"[a-z0-9][a-z0-9_-]*")


def write_atomically(path: Path, data: bytes) -> str:
    """Write `data` to `path` through a temporary file in the same directory (fsync, then
    os.replace), creating the directory if needed; return the data's sha256 in hex.

    A reader sees the old file or the new one, never a partial one; on error the temporary
    file is removed and the old file is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); keep the old file's mode, or make it readable.
        os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX); some systems cannot open a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def output_path(root: Path, year: int, kind: str, number: int | None, subject: str) -> Path:
    """Return `<root>/outputs/<year>/<kind>/<number>-<slug>.docx`: the number zero-padded as
    the register prints it (`01`, `125`); without a number (a draft) the file is
    `<slug>.docx`; an empty slug becomes `van-ban`.

    Raises ValueError when `kind` is not a plain lower-case name (it becomes a directory) or
    the number is below 1.
    """
    if not _KIND.fullmatch(kind):
        raise ValueError(f"Loại văn bản “{kind}” không dùng được làm tên thư mục.")
    if number is not None and number < 1:
        raise ValueError(f"Số văn bản phải từ 1 trở lên (nhận {number}).")
    slug = slugify(subject) or "van-ban"
    name = f"{number:02d}-{slug}.docx" if number is not None else f"{slug}.docx"
    return Path(root) / "outputs" / str(year) / kind / name
