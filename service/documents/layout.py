"""Templates' building blocks (header, title, body, footer, annex) and the registry of builders."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .output import write_atomically
from .page import (
    BODY_STYLE_NAME,
    QUOC_HIEU,
    RULE_STYLE,
    TIEU_NGU,
    borders,
    cell_margins,
    rule_border,
    size_elements,
    twips,
    w_element,
)
from .rules import fit_rules

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates_docx"

HEADER_COLUMNS_MM = (65, 100)
FOOTER_COLUMNS_MM = (80, 85)

Align = Literal["left", "center", "right", "justify"]
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
Container = Document | _Cell


# ---------------------------------------------------------------- paragraphs


def add_paragraph(
    container: Container,
    text: str = "",
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    align: Align | None = "center",
    style: str | None = None,
    space_before: float | None = None,
    page_break_before: bool = False,
) -> Paragraph:
    """Append a paragraph whose `text` (literal text and Jinja tags) is typed in ONE run."""
    paragraph = container.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = _ALIGN[align]
    if space_before is not None:
        fmt.space_before = Pt(space_before)
    if page_break_before:
        fmt.page_break_before = True
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size is not None:
            run.font.size = Pt(size)
    elif size is not None:
        paragraph._p.get_or_add_pPr().append(w_element("rPr", *size_elements(size)))
    return paragraph


def add_tag(container: Container, tag: str) -> Paragraph:
    """Append a paragraph holding only `tag` (`{%p for … %}`), which docxtpl replaces whole."""
    return add_paragraph(container, tag, align=None)


def add_repeated(container: Container, loop: str, text: str, **fmt: object) -> None:
    """Append one paragraph per item: `{%p for <loop> %}`, the paragraph, `{%p endfor %}`."""
    add_tag(container, f"{{%p for {loop} %}}")
    add_paragraph(container, text, **fmt)  # type: ignore[arg-type]
    add_tag(container, "{%p endfor %}")


@contextmanager
def only_if(container: Container, condition: str) -> Iterator[None]:
    """Wrap the paragraphs added inside the block in `{%p if <condition> %}` … `{%p endif %}`."""
    add_tag(container, f"{{%p if {condition} %}}")
    yield
    add_tag(container, "{%p endif %}")


def add_rule(container: Container) -> Paragraph:
    """Append a RULE paragraph: empty, style Rule, 2 pt, a bottom border whose length
    fit_rules sets from the text above it (the render step calls it on every document)."""
    paragraph = container.add_paragraph(style=RULE_STYLE)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert_element_before(rule_border(), "w:shd", "w:spacing", "w:ind", "w:jc", "w:rPr")
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(2.5), Pt(0)  # keeps the line clear of descenders
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p_pr.append(w_element("rPr", *size_elements(2)))
    return paragraph


# ---------------------------------------------------------------- blocks


def borderless_table(doc: Document, widths_mm: Sequence[float]) -> Table:
    """Append a fixed-width table without borders or cell side margins (so that a cell's
    width is the width its paragraphs have) and return it."""
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(twips(w) for w in widths_mm)))
    tbl_pr.insert_element_before(
        borders("tblBorders", "nil"), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )
    tbl_pr.insert_element_before(cell_margins(0), "w:tblLook")
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths_mm):
        cell.width = Mm(width)
        for paragraph in cell._tc.p_lst:
            cell._tc.remove(paragraph)
    return table


def header_table(
    doc: Document,
    *,
    agency: str,
    number: str,
    date: str,
    parent: str | None = None,
    summary: str | None = None,
) -> Table:
    """Append the header: issuing body (under its parent, if any), its rule and the number on
    the left; Quốc hiệu, Tiêu ngữ, its rule and the place and date on the right.

    Arguments are the Jinja expressions placed (usually variable names); `parent` appears only
    when its value is not empty; `summary` is a công văn's `V/v …` line.
    """
    table = borderless_table(doc, HEADER_COLUMNS_MM)
    left, right = table.rows[0].cells
    if parent:
        with only_if(left, parent):
            add_paragraph(left, f"{{{{ {parent} }}}}", size=13)
    add_paragraph(left, f"{{{{ {agency} }}}}", size=13, bold=True)
    add_rule(left)
    add_paragraph(left, f"{{{{ {number} }}}}", size=13, space_before=6)
    if summary:
        add_paragraph(left, f"{{{{ {summary} }}}}", size=12, space_before=6)
    add_paragraph(right, QUOC_HIEU, size=13, bold=True)
    add_paragraph(right, TIEU_NGU, size=14, bold=True)
    add_rule(right)
    add_paragraph(right, f"{{{{ {date} }}}}", size=14, italic=True, space_before=6)
    return table


def title_block(doc: Document, *, type_name: str, subject: str) -> None:
    """Append the type name (`CHỈ THỊ`), the trích yếu under it and the rule under that."""
    add_paragraph(doc, f"{{{{ {type_name} }}}}", size=14, bold=True, space_before=12)
    add_paragraph(doc, f"{{{{ {subject} }}}}", size=14, bold=True)
    add_rule(doc)
    add_paragraph(doc, size=6)  # breathing space between the rule and the text


def body_paragraphs(
    doc: Document, items: str, name: str = "paragraph", *, keep_last: bool = False
) -> None:
    """Append one Body Text paragraph per string of the list `items` (text, `1. …`, `- …`);
    with `keep_last` the last one keeps with what follows (the closing paragraph with the
    signature)."""
    text = f"{{{{ {name} }}}}"
    if not keep_last:
        add_repeated(doc, f"{name} in {items}", text, style=BODY_STYLE_NAME, align=None)
        return
    add_tag(doc, f"{{%p for {name} in {items} %}}")
    add_tag(doc, "{%p if loop.last %}")
    kept = add_paragraph(doc, text, style=BODY_STYLE_NAME, align=None)
    kept.paragraph_format.keep_with_next = True
    add_tag(doc, "{%p else %}")
    add_paragraph(doc, text, style=BODY_STYLE_NAME, align=None)
    add_tag(doc, "{%p endif %}")
    add_tag(doc, "{%p endfor %}")


def kept_whole(table: Table) -> Table:
    """Return `table` (a footer or signature table) made to stay on one page with the
    paragraph before it: no row splits across pages (w:cantSplit, so the signer's name never
    goes alone to the next page) and the paragraph before keeps with it (w:keepNext)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.append(w_element("cantSplit"))
    before = table._tbl.getprevious()
    if before is not None and before.tag == qn("w:p"):
        Paragraph(before, table._parent).paragraph_format.keep_with_next = True
    return table


def footer_table(
    doc: Document, *, recipients: str, signer_lines: str, signer_name: str, copy_mark: str
) -> Table:
    """Append the footer: `Nơi nhận:` and one line per recipient on the left; the signing
    authority lines, the signature space (or the copy mark) and the signer's name on the right.
    The footer stays whole on one page with the spacer before it (kept_whole); pass the body's
    last paragraph `keep_last` so that it goes with them.

    Arguments are Jinja expressions: two lists of lines, the name and the copy mark (`(Đã ký)`,
    or empty to leave four empty lines for the signature).
    """
    add_paragraph(doc, size=6)
    table = borderless_table(doc, FOOTER_COLUMNS_MM)
    left, right = table.rows[0].cells
    add_paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left")
    add_repeated(left, f"line in {recipients}", "{{ line }}", size=11, align="left")
    add_repeated(right, f"line in {signer_lines}", "{{ line }}", size=14, bold=True)
    add_tag(right, f"{{%p if {copy_mark} %}}")
    add_paragraph(right)
    add_paragraph(right, f"{{{{ {copy_mark} }}}}", size=14, italic=True)
    add_paragraph(right)
    add_tag(right, "{%p else %}")
    for _ in range(4):
        add_paragraph(right)
    add_tag(right, "{%p endif %}")
    add_paragraph(right, f"{{{{ {signer_name} }}}}", size=14, bold=True)
    return kept_whole(table)


def annex_heading(doc: Document, *, heading: str, title: str, note: str) -> None:
    """Append an annex's heading on a new page: `Phụ lục`, its title, the `(Kèm theo …)` note."""
    add_paragraph(doc, f"{{{{ {heading} }}}}", size=14, bold=True, page_break_before=True)
    add_paragraph(doc, f"{{{{ {title} }}}}", size=14, bold=True)
    add_paragraph(doc, f"{{{{ {note} }}}}", size=14, italic=True)
    add_paragraph(doc, size=6)


@dataclass(frozen=True)
class Column:
    """One column of an annex table: its header text, the Jinja expression of its cell, its
    width; numeric cells are right-aligned."""

    header: str
    cell: str
    width_mm: float
    numeric: bool = False


def annex_table(doc: Document, columns: Sequence[Column], row_loop: str) -> Table:
    """Append a bordered annex table: a bold header row repeated on every page (tblHeader),
    then one row per item of `row_loop` (`row in rows`, placed as `{%tr for row in rows %}`).
    Table text is 13 pt; the first column should be `STT`."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(twips(c.width_mm) for c in columns)))
    tbl_pr.insert_element_before(
        borders("tblBorders", "single"), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )
    head, loop_open, body, loop_close = table.rows
    head._tr.get_or_add_trPr().append(w_element("tblHeader"))
    for row in (head, body):
        row._tr.get_or_add_trPr().append(w_element("cantSplit"))
    for i, column in enumerate(columns):
        table.columns[i].width = Mm(column.width_mm)
        cells = [row.cells[i] for row in table.rows]
        for cell in cells:
            cell.width = Mm(column.width_mm)
            for paragraph in cell._tc.p_lst:
                cell._tc.remove(paragraph)
        add_paragraph(cells[0], column.header, size=13, bold=True)
        add_paragraph(cells[1], f"{{%tr for {row_loop} %}}" if i == 0 else "")
        align: Align = "right" if column.numeric else ("center" if i == 0 else "left")
        add_paragraph(cells[2], f"{{{{ {column.cell} }}}}", size=13, align=align)
        add_paragraph(cells[3], "{%tr endfor %}" if i == 0 else "")
    return table


# ---------------------------------------------------------------- templates

# The kinds import the blocks above, so they are imported below them; kinds/__init__.py
# imports this module first, so that no kind is half-imported when they are.
from .kinds import (
    achievement_report,
    decision,
    directive,
    minutes,
    nominee_list,
    registration,
    registration_summary,
    submission,
    summary,
)

BUILDERS: dict[str, Callable[[], Document]] = {
    "directive.docx": directive.build_template,
    "registration.docx": registration.build_template,
    "registration_summary.docx": registration_summary.build_template,
    "summary.docx": summary.build_template,
    "submission.docx": submission.build_template,
    "minutes.docx": minutes.build_template,
    "achievement_report.docx": achievement_report.build_template,
    "nominee_list.docx": nominee_list.build_template,
    "decision.docx": decision.build_template,
}


def template_bytes(name: str) -> bytes:
    """Return the .docx bytes the builder of template `name` (`directive.docx`) makes, its
    rules already fitted to the tags' text. Raises KeyError for an unknown name."""
    doc = BUILDERS[name]()
    fit_rules(doc.element)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def build_all(dest_dir: Path = TEMPLATES_DIR) -> list[Path]:
    """Write every template into `dest_dir` (atomically) and return their paths."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in BUILDERS:
        path = dest_dir / name
        write_atomically(path, template_bytes(name))
        paths.append(path)
    return paths
