"""A book of PDFs: several documents merged into one PDF with a bookmark per document,
nested as the documents' units are in the unit tree."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter


@dataclass(frozen=True)
class Chapter:
    """One document of the book: its bookmark's title, its PDF, and its depth in the outline
    (0: top level; a chapter nests under the nearest chapter before it that is less deep)."""

    title: str
    pdf: bytes
    depth: int = 0


def merge_book(chapters: Sequence[Chapter], title: str) -> bytes:
    """Returns one PDF of the chapters in order, each starting at its bookmark. Raises
    ValueError when there is no chapter."""
    if not chapters:
        raise ValueError("không có văn bản nào để ghép")
    writer = PdfWriter()
    parents: list[tuple[int, Any]] = []  # (depth, outline item) of the open ancestors
    for chapter in chapters:
        first_page = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(chapter.pdf)), import_outline=False)
        while parents and parents[-1][0] >= chapter.depth:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(title=chapter.title, page_number=first_page, parent=parent)
        parents.append((chapter.depth, item))
    writer.add_metadata({"/Title": title, "/Creator": "thidua"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
