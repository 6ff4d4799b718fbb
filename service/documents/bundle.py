"""Several documents as one: a PDF with a bookmark (outline entry) per document, and a zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries dated alike: same files, same bytes


def page_count(pdf: bytes) -> int:
    """Returns the number of pages of `pdf`."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def merge_pdfs(parts: Sequence[tuple[str, bytes]], title: str) -> bytes:
    """Returns one PDF of the `(bookmark title, pdf)` parts in order, each part's first page
    bookmarked with its title; `title` is the document's metadata title."""
    writer = PdfWriter()
    start = 0
    for name, pdf in parts:
        reader = PdfReader(io.BytesIO(pdf))
        writer.append(reader, import_outline=False)
        writer.add_outline_item(title=name, page_number=start)
        start += len(reader.pages)
    writer.add_metadata({"/Title": title, "/Creator": "thidua"})
    merged = io.BytesIO()
    writer.write(merged)
    return merged.getvalue()


def zip_files(files: Sequence[Path], root: Path) -> bytes:
    """Returns a zip of `files`, each named by its path relative to `root`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(root).as_posix(), date_time=_FIXED_TIME)
            package.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
