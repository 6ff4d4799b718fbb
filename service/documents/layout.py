"""The ND30 page layout every template shares, its building blocks, and the templates built
from them (see LAYOUT.md)."""

from __future__ import annotations

import copy
import datetime as dt
import math
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from .output import write_atomically
from .textwidth import text_width_mm

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates_docx"

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165
HEADER_COLUMNS_MM = (65, 100)
FOOTER_COLUMNS_MM = (80, 85)
FONT = "Times New Roman"

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

BODY_STYLE, BODY_STYLE_NAME = "BodyText", "Body Text"  # style id, style name
RULE_STYLE = "Rule"  # id and name
RULE_RATIO = 0.4  # a rule under a name or a trích yếu: 1/3 to 1/2 of the text; we aim at 40%
TIEU_NGU_RATIO = 1.0  # the rule under the Tiêu ngữ is as long as the text
# Where a clerk breaks a long agency name: before its level of government, or before `VÀ`.
_BREAK_BEFORE = frozenset({"TỈNH", "HUYỆN", "QUẬN", "THỊ", "THÀNH", "XÃ", "PHƯỜNG", "VÀ"})

Align = Literal["left", "center", "right", "justify"]
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
Container = Document | _Cell
# Fixed so that building the same template twice gives the same XML.
_TEMPLATE_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _margin(side: str) -> Twips:
    return Twips(math.ceil(MARGINS_MM[side] * 1440 / 25.4))


def twips(mm: float) -> int:
    """Return `mm` in twentieths of a point, the unit of widths and indents in WordprocessingML."""
    return round(mm * 1440 / 25.4)


def _w(tag: str, *children: etree._Element, **attrs: object) -> etree._Element:
    """Return a new `w:<tag>` element with `w:`-qualified attributes and the given children."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    element.extend(children)
    return element


def _fonts() -> etree._Element:
    return _w("rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)


def _size(points: float) -> list[etree._Element]:
    return [_w("sz", val=round(points * 2)), _w("szCs", val=round(points * 2))]


def _rule_border() -> etree._Element:
    return _w("pBdr", _w("bottom", val="single", sz=6, space=1, color="auto"))


# ---------------------------------------------------------------- the package


def new_document(title: str) -> Document:
    """Return an empty document in the shared layout: A4, ND30 margins, our styles only, Times
    New Roman, the page number centred in the top margin from page 2 on (titlePg)."""
    doc = docx.Document()
    _prune_package(doc)
    _reset_styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    # rounded up to the twip: Word stores whole twips, and 15 mm truncated (850) is 14,99 mm,
    # under the decree's minimum
    section.top_margin, section.bottom_margin = _margin("top"), _margin("bottom")
    section.left_margin, section.right_margin = _margin("left"), _margin("right")
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.gutter = Mm(0)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _clear_paragraph(section.first_page_header.paragraphs[0])
    section.header.is_linked_to_previous = False
    _page_number(section.header.paragraphs[0])
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "thidua", "thidua"
    props.comments = "Mẫu văn bản theo Nghị định 30/2020/NĐ-CP (thể thức văn bản hành chính)"
    props.language, props.revision = "vi-VN", 1
    props.created = props.modified = _TEMPLATE_DATE
    return doc


def _prune_package(doc: Document) -> None:
    """Drop the default package's parts we do not use (theme fonts, a thumbnail, Word 2010
    style effects …): smaller files, and no font other than Times New Roman anywhere."""
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype not in (RT.STYLES, RT.SETTINGS):
            doc.part.drop_rel(r_id)
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[r_id]
    settings = doc.settings.element
    for math in settings.findall(qn("m:mathPr")):  # names Cambria Math
        settings.remove(math)


def _reset_styles(doc: Document) -> None:
    """Replace the default styles with the few the layout uses (Normal, Body Text, Rule …)."""
    styles = doc.styles.element
    for child in list(styles):
        styles.remove(child)
    defaults_r = _w("rPr", _fonts(), *_size(14), _w("lang", val="vi-VN", eastAsia="vi-VN"))
    single = _w("spacing", after=0, line=240, lineRule="auto")
    styles.append(
        _w("docDefaults", _w("rPrDefault", defaults_r), _w("pPrDefault", _w("pPr", single)))
    )
    body_p = _w(
        "pPr",
        _w("spacing", after=120, line=276, lineRule="auto"),  # 6 pt after, 1.15 lines
        _w("ind", firstLine=twips(12.7)),
        _w("jc", val="both"),
    )
    rule_p = _w(
        "pPr",
        _rule_border(),
        _w("spacing", before=50, after=0, line=240, lineRule="auto"),  # clear of descenders
        _w("jc", val="center"),
    )
    grid = _w(
        "tblPr", _w("tblInd", w=0, type="dxa"), _borders("tblBorders", "single"), _cell_margins(108)
    )
    styles.extend(
        [
            _style(
                "paragraph",
                "Normal",
                "Normal",
                copy.deepcopy(single),
                _w("rPr", _fonts(), _w("color", val="000000"), *_size(14)),
                default=True,
            ),
            _style(
                "character",
                "DefaultParagraphFont",
                "Default Paragraph Font",
                default=True,
                hidden=True,
            ),
            _style(
                "table",
                "TableNormal",
                "Normal Table",
                _w("tblPr", _w("tblInd", w=0, type="dxa"), _cell_margins(108)),
                default=True,
                hidden=True,
            ),
            _style("numbering", "NoList", "No List", default=True, hidden=True),
            _style(
                "paragraph",
                BODY_STYLE,
                BODY_STYLE_NAME,
                body_p,
                _w("rPr", *_size(14)),
                based_on="Normal",
            ),
            _style(
                "paragraph", RULE_STYLE, RULE_STYLE, rule_p, _w("rPr", *_size(2)), based_on="Normal"
            ),
            _style("table", "TableGrid", "Table Grid", grid, based_on="TableNormal"),
        ]
    )


def _style(
    kind: str,
    style_id: str,
    name: str,
    *properties: etree._Element,
    based_on: str | None = None,
    default: bool = False,
    hidden: bool = False,
) -> etree._Element:
    """Return a w:style; `hidden` ones (Word's built-in defaults) stay out of the style list."""
    children = [_w("name", val=name)]
    if based_on:
        children.append(_w("basedOn", val=based_on))
    children += [_w("semiHidden"), _w("unhideWhenUsed")] if hidden else [_w("qFormat")]
    attrs: dict[str, object] = {"type": kind, "styleId": style_id}
    if default:
        attrs["default"] = 1
    return _w("style", *children, *properties, **attrs)


def _cell_margins(side_twips: int) -> etree._Element:
    return _w(
        "tblCellMar",
        _w("top", w=0, type="dxa"),
        _w("left", w=side_twips, type="dxa"),
        _w("bottom", w=0, type="dxa"),
        _w("right", w=side_twips, type="dxa"),
    )


def _borders(tag: str, val: str) -> etree._Element:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if val == "nil":
        return _w(tag, *(_w(side, val="nil") for side in sides))
    return _w(tag, *(_w(side, val=val, sz=4, space=0, color="auto") for side in sides))


def _clear_paragraph(paragraph: Paragraph) -> None:
    """Empty a header paragraph python-docx made (it names a style we do not ship)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None:
        paragraph._p.remove(p_pr)


def _page_number(paragraph: Paragraph) -> None:
    """Turn `paragraph` into the centred page number: a PAGE field, 13 pt, upright."""
    _clear_paragraph(paragraph)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pieces = [
        _w("fldChar", fldCharType="begin"),
        "PAGE",
        _w("fldChar", fldCharType="separate"),
        "2",
        _w("fldChar", fldCharType="end"),
    ]
    for piece in pieces:
        run = paragraph.add_run()
        run.font.size = Pt(13)
        if piece == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif isinstance(piece, str):
            run.add_text(piece)
        else:
            run._r.append(piece)


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
        paragraph._p.get_or_add_pPr().append(_w("rPr", *_size(size)))
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
    p_pr.insert_element_before(_rule_border(), "w:shd", "w:spacing", "w:ind", "w:jc", "w:rPr")
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(2.5), Pt(0)  # keeps the line clear of descenders
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p_pr.append(_w("rPr", *_size(2)))
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
        _borders("tblBorders", "nil"), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )
    tbl_pr.insert_element_before(_cell_margins(0), "w:tblLook")
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
            tr_pr.append(_w("cantSplit"))
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
        _borders("tblBorders", "single"), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )
    head, loop_open, body, loop_close = table.rows
    head._tr.get_or_add_trPr().append(_w("tblHeader"))
    for row in (head, body):
        row._tr.get_or_add_trPr().append(_w("cantSplit"))
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


def fit_lines(text: str, width_mm: float, size_pt: float, bold: bool = False) -> str:
    """Return `text` with line breaks (`\\n`) where it must wrap to fit `width_mm`: two lines,
    broken before the level of government or a `VÀ` when that fits (`ỦY BAN NHÂN DÂN` /
    `TỈNH SƠN LA`), else as even as possible; more lines only when two do not fit."""
    words = text.split()
    room = width_mm - 1.0  # Word and LibreOffice round differently; keep a millimetre spare

    def width(part: Sequence[str]) -> float:
        return text_width_mm(" ".join(part), size_pt, bold)

    if len(words) < 2 or width(words) <= room:
        return " ".join(words)
    fitting = [
        i for i in range(1, len(words)) if width(words[:i]) <= room and width(words[i:]) <= room
    ]
    natural = [i for i in fitting if words[i].upper() in _BREAK_BEFORE]
    if natural or fitting:
        at = (
            natural[-1]
            if natural
            else min(fitting, key=lambda i: max(width(words[:i]), width(words[i:])))
        )
        return " ".join(words[:at]) + "\n" + " ".join(words[at:])
    lines: list[list[str]] = [[]]
    for word in words:
        if lines[-1] and width([*lines[-1], word]) > room:
            lines.append([])
        lines[-1].append(word)
    return "\n".join(" ".join(line) for line in lines)


# ---------------------------------------------------------------- rule lengths

_RULES = etree.XPath(f".//w:p[w:pPr/w:pStyle/@w:val='{RULE_STYLE}']", namespaces={"w": nsmap["w"]})
_IND_SUCCESSORS = tuple(
    qn(f"w:{t}")
    for t in (
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
)
_DEFAULT_CELL_MARGIN = 108  # twips, Word's default left/right cell margin


def fit_rules(root: etree._Element, text_width: int | None = None) -> None:
    """Set every Rule paragraph's equal left and right indents under `root` (a w:document,
    w:body or w:hdr element) so its border is as long as LAYOUT.md asks of the text of the
    paragraph just above it: the Tiêu ngữ's full width, otherwise 40% of the longest line.
    Outside a table the width available is `text_width` (twips) if given, else the page's
    text width from the w:sectPr under `root`, else the ND30 text width.

    The text is measured with the formatting of its first run (14 pt regular without any);
    a Rule with no paragraph above is left alone.
    """
    for rule in _RULES(root):
        above = rule.getprevious()
        while above is not None and above.tag != qn("w:p"):
            above = above.getprevious()
        if above is None:
            continue
        available = _available_twips(rule, root, text_width)
        text = _paragraph_text(above)
        size, bold, italic = _run_format(above)
        longest = max(
            (
                text_width_mm(line, size, bold, italic)
                for part in text.split("\n")
                for line in _wrap(part, available * 25.4 / 1440, size, bold, italic)
            ),
            default=0.0,
        )
        ratio = TIEU_NGU_RATIO if " ".join(text.split()) == TIEU_NGU else RULE_RATIO
        length = min(twips(longest * ratio), available)
        _set_indents(rule, max(0, (available - length) // 2))


def _paragraph_text(paragraph: etree._Element) -> str:
    pieces = []
    for element in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:tab")):
        if element.tag == qn("w:t"):
            pieces.append(element.text or "")
        else:
            pieces.append(" " if element.tag == qn("w:tab") else "\n")
    return "".join(pieces)


def _run_format(paragraph: etree._Element) -> tuple[float, bool, bool]:
    """Return (size in pt, bold, italic) of the paragraph's first run with text."""
    for run in paragraph.iter(qn("w:r")):
        if run.find(qn("w:t")) is None:
            continue
        r_pr = run.find(qn("w:rPr"))
        if r_pr is None:
            break
        size = r_pr.find(qn("w:sz"))
        return (
            int(size.get(qn("w:val"))) / 2 if size is not None else 14.0,
            _on(r_pr.find(qn("w:b"))),
            _on(r_pr.find(qn("w:i"))),
        )
    return 14.0, False, False


def _on(toggle: etree._Element | None) -> bool:
    return toggle is not None and toggle.get(qn("w:val"), "true") not in ("0", "false", "off")


def _wrap(text: str, width_mm: float, size: float, bold: bool, italic: bool) -> list[str]:
    """Return the lines `text` breaks into at `width_mm` (greedy, at spaces, as Word does)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width_mm(f"{lines[-1]} {word}", size, bold, italic) <= width_mm:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _available_twips(
    paragraph: etree._Element, root: etree._Element, text_width: int | None
) -> int:
    """Return the width a paragraph's text can use: its cell's width less the cell margins,
    or the page's text width."""
    cell = next(paragraph.iterancestors(qn("w:tc")), None)
    if cell is None and text_width is not None:
        return text_width
    if cell is None:
        sect = next(root.iter(qn("w:sectPr")), None)
        size = sect.find(qn("w:pgSz")) if sect is not None else None
        margins = sect.find(qn("w:pgMar")) if sect is not None else None
        if size is None or margins is None:
            return twips(TEXT_WIDTH_MM)
        return (
            int(size.get(qn("w:w")))
            - int(margins.get(qn("w:left")))
            - int(margins.get(qn("w:right")))
        )
    width = int(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
    table = next(cell.iterancestors(qn("w:tbl")))
    margins = [
        cell.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"),
        table.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"),
    ]
    for side in ("left", "right"):
        found = [m.find(qn(f"w:{side}")) for m in margins if m is not None]
        found = [f for f in found if f is not None]
        width -= int(found[0].get(qn("w:w"))) if found else _DEFAULT_CELL_MARGIN
    return width


def _set_indents(paragraph: etree._Element, indent: int) -> None:
    p_pr = paragraph.find(qn("w:pPr"))
    ind = p_pr.find(qn("w:ind"))
    if ind is None:
        ind = etree.SubElement(p_pr, qn("w:ind"))
        successor = next((c for c in p_pr if c.tag in _IND_SUCCESSORS), None)
        if successor is not None:
            successor.addprevious(ind)
    for name in ("start", "end", "firstLine", "hanging"):
        ind.attrib.pop(qn(f"w:{name}"), None)
    ind.set(qn("w:left"), str(indent))
    ind.set(qn("w:right"), str(indent))


# ---------------------------------------------------------------- templates


def build_directive() -> Document:
    """Return the directive template (chỉ thị phát động thi đua): header, type name and
    trích yếu, body paragraphs, Nơi nhận and signer, and the annex of targets on a new page."""
    doc = new_document("Mẫu chỉ thị phát động thi đua")
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    title_block(doc, type_name="type_name", subject="subject")
    body_paragraphs(doc, "body_paragraphs", keep_last=True)
    footer_table(
        doc,
        recipients="recipient_lines",
        signer_lines="signer_lines",
        signer_name="signer_name",
        copy_mark="copy_mark",
    )
    with only_if(doc, "has_annex"):
        annex_heading(doc, heading="annex_heading", title="annex_title", note="annex_note")
        body_paragraphs(doc, "annex_lines", name="line")
    return doc


# kinds' builders are imported here, below the blocks they use (no import cycle)
from .kinds import registration as _registration  # noqa: E402
from .kinds import registration_summary as _reg_summary  # noqa: E402
from .kinds import summary as _summary  # noqa: E402
from .kinds import achievement_report, decision, minutes, nominee_list, submission  # noqa: E402

BUILDERS: dict[str, Callable[[], Document]] = {
    "directive.docx": build_directive,
    "registration.docx": _registration.build_template,
    "registration_summary.docx": _reg_summary.build_template,
    "summary.docx": _summary.build_template,
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
