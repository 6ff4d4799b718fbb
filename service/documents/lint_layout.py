"""Where the parts of an administrative document are: header, title, body, footer and annexes."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from service.documents.lint_base import paragraph_text, quote, text_lines
from service.documents.lint_props import TWIP_MM, Formats

_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}
DEFAULT_CELL_MARGIN_MM = 108 * TWIP_MM  # Word's default left/right cell margin, 0.19 cm


@dataclass
class Column:
    """The paragraphs of one column of a two-column table, and the width text can take in it."""

    paragraphs: list[etree._Element]
    width_mm: float


@dataclass
class Layout:
    """The parts found in a document; a part that is missing is None or empty."""

    header: etree._Element | None = None
    left: Column | None = None  # issuing body, number, V/v
    right: Column | None = None  # Quốc hiệu, Tiêu ngữ, date
    title: etree._Element | None = None  # Tên loại
    subject: list[etree._Element] = field(default_factory=list)  # trích yếu
    subject_zone: list[etree._Element] = field(default_factory=list)  # where its rule may be
    body: list[etree._Element] = field(default_factory=list)  # nội dung paragraphs
    footer: etree._Element | None = None
    footer_cells: list[Column] = field(default_factory=list)
    annex: list[etree._Element] = field(default_factory=list)  # paragraphs and tables
    text_width_mm: float = 165.0
    places: dict[etree._Element, str] = field(default_factory=dict)


def blocks(container: etree._Element) -> list[etree._Element]:
    """Return the paragraphs and tables of a body or cell, looking inside content controls."""
    found: list[etree._Element] = []
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(blocks(child))
    return found


def table_columns(table: etree._Element) -> list[Column]:
    """Return the columns of `table` (cells gathered down its rows by grid position)."""
    grid = [
        int(float(c.get(qn("w:w"), "0"))) * TWIP_MM
        for c in table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    ]
    columns: dict[int, Column] = {}
    for row in table.findall(qn("w:tr")):
        position = 0
        for cell in row.findall(qn("w:tc")):
            span_el = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
            width = sum(grid[position : position + span]) or _cell_width(cell)
            column = columns.setdefault(position, Column([], width - _cell_margins(table, cell)))
            column.paragraphs.extend(p for p in blocks(cell) if p.tag == qn("w:p"))
            position += span
    return [columns[key] for key in sorted(columns)]


def _cell_width(cell: etree._Element) -> float:
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is not None and width.get(qn("w:type"), "dxa") == "dxa":
        return int(float(width.get(qn("w:w"), "0"))) * TWIP_MM
    return 80.0


def _cell_margins(table: etree._Element, cell: etree._Element) -> float:
    total = 0.0
    for names in (("left", "start"), ("right", "end")):
        for holder in (
            cell.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"),
            table.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"),
        ):
            margin = None
            if holder is not None:
                margin = next(
                    (m for n in names if (m := holder.find(qn(f"w:{n}"))) is not None), None
                )
            if margin is not None:
                total += int(float(margin.get(qn("w:w"), "0"))) * TWIP_MM
                break
        else:
            total += DEFAULT_CELL_MARGIN_MM
    return total


def _table_text(table: etree._Element) -> str:
    return " ".join(paragraph_text(p) for p in table.iter(qn("w:p"))).casefold()


def _non_empty(p: etree._Element) -> bool:
    return p.tag == qn("w:p") and bool(paragraph_text(p).strip())


def find_layout(document: Document, formats: Formats) -> Layout:
    """Return the parts of `document`, with a Vietnamese place label for each paragraph."""
    section = document.sections[0] if len(document.sections) else None
    layout = Layout()
    if section and section.page_width and section.left_margin and section.right_margin:
        layout.text_width_mm = (
            section.page_width - section.left_margin - section.right_margin
        ) / 36000
    body = blocks(document.element.body)
    start = _find_header(layout, body)
    start = _find_title(layout, body, start, formats)
    end = _find_footer(layout, body, start)
    layout.body = [b for b in body[start:end] if b.tag == qn("w:p")]
    layout.annex = body[end + 1 :] if layout.footer is not None else []
    _label(layout, body[start:end])
    return layout


def _find_header(layout: Layout, body: list[etree._Element]) -> int:
    """Find the header table: the first table before any text, or one holding the national title."""
    for index, block in enumerate(body):
        if block.tag == qn("w:p") and _non_empty(block):
            break
        if block.tag == qn("w:tbl"):
            return _take_header(layout, block, index)
    for index, block in enumerate(body):
        if block.tag == qn("w:tbl") and any(
            key in _table_text(block) for key in ("cộng hòa", "cộng hoà", "độc lập")
        ):
            return _take_header(layout, block, index)
    return 0


def _take_header(layout: Layout, table: etree._Element, index: int) -> int:
    columns = table_columns(table)
    layout.header = table
    layout.left = columns[0] if columns else None
    layout.right = columns[-1] if len(columns) > 1 else None
    for side, column in (("trái", layout.left), ("phải", layout.right)):
        for number, p in enumerate(column.paragraphs if column else [], start=1):
            layout.places[p] = f"đầu văn bản, ô {side}, đoạn {number}"
    return index + 1


def is_letter(layout: Layout) -> bool:
    """Return whether the document is a công văn: its header's left cell holds a `V/v` line."""
    lines = text_lines(layout.left.paragraphs) if layout.left else []
    return any(line.text.strip().casefold().startswith("v/v") for line in lines)


def _find_title(layout: Layout, body: list[etree._Element], start: int, formats: Formats) -> int:
    """Find Tên loại and trích yếu after the header; return where the body starts."""
    index = start
    while index < len(body) and not (_non_empty(body[index]) or body[index].tag == qn("w:tbl")):
        index += 1
    if is_letter(layout) or index >= len(body) or body[index].tag != qn("w:p"):
        return index
    if paragraph_text(body[index]).strip().casefold().startswith("kính gửi"):
        return index
    layout.title = body[index]
    layout.places[body[index]] = f"tên loại {quote(paragraph_text(body[index]))}"
    zone = [body[index]]
    index += 1
    while index < len(body) and body[index].tag == qn("w:p") and len(layout.subject) < 3:
        p = body[index]
        text = paragraph_text(p).strip()
        if not text or text.casefold().startswith("kính gửi") or not _subject_like(p, formats):
            break
        layout.subject.append(p)
        layout.places[p] = f"trích yếu {quote(text)}"
        zone.append(p)
        index += 1
    while index < len(body) and body[index].tag == qn("w:p") and not _non_empty(body[index]):
        zone.append(body[index])
        index += 1
    layout.subject_zone = zone
    return index


def _subject_like(p: etree._Element, formats: Formats) -> bool:
    """A trích yếu line is centred, or bold and not justified; anything else is body text."""
    jc = formats.paragraph(p).jc
    runs = [r for line in text_lines([p]) for r in line.runs]
    return jc == "center" or (jc != "both" and all(formats.run(r, p).bold for r in runs))


def _find_footer(layout: Layout, body: list[etree._Element], start: int) -> int:
    """Find the footer table (Nơi nhận and signature); return its index (len(body) if none)."""
    tables = [i for i in range(start, len(body)) if body[i].tag == qn("w:tbl")]
    chosen = next((i for i in tables if "nơi nhận" in _table_text(body[i])), None)
    if chosen is None:
        signer_like = [i for i in tables if _looks_like_signatures(body[i])]
        chosen = signer_like[0] if signer_like else None
    if chosen is None:
        return len(body)
    layout.footer = body[chosen]
    layout.footer_cells = table_columns(body[chosen])
    for column in layout.footer_cells:
        lines = text_lines(column.paragraphs)
        part = (
            "nơi nhận"
            if lines and lines[0].text.strip().casefold().startswith("nơi nhận")
            else "chữ ký"
        )
        for number, p in enumerate(column.paragraphs, start=1):
            layout.places[p] = f"cuối văn bản, ô {part}, đoạn {number}"
    return chosen


def _looks_like_signatures(table: etree._Element) -> bool:
    """A table of one row whose non-empty cells each start with an upper-case title line."""
    rows = table.findall(qn("w:tr"))
    if len(rows) != 1 or "stt" in _table_text(table).split():
        return False
    firsts = [text_lines(blocks(cell))[:1] for cell in rows[0].findall(qn("w:tc"))]
    firsts = [lines[0].text.strip() for lines in firsts if lines]
    return bool(firsts) and all(t == t.upper() and any(c.isalpha() for c in t) for t in firsts)


def _label(layout: Layout, body_blocks: list[etree._Element]) -> None:
    number = 0
    for block in body_blocks:
        if block.tag == qn("w:p"):
            number += 1
            layout.places.setdefault(block, _place("nội dung", number, block))
        else:
            for p in block.iter(qn("w:p")):
                layout.places.setdefault(p, f"nội dung, bảng sau đoạn {number}")
    number = 0
    for block in layout.annex:
        if block.tag == qn("w:p"):
            number += 1
            layout.places.setdefault(block, _place("phụ lục", number, block))
        else:
            for p in block.iter(qn("w:p")):
                layout.places.setdefault(p, f"phụ lục, bảng sau đoạn {number}")


def _place(part: str, number: int, p: etree._Element) -> str:
    text = paragraph_text(p).strip()
    return f"{part}, đoạn {number}: {quote(text)}" if text else f"{part}, đoạn {number} (trống)"
