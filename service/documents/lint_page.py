"""Format checks of the page: paper, margins, fonts and colours everywhere, page numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from service.documents.lint_base import (
    Checker,
    Violation,
    displayed,
    num,
    paragraph_lines,
    paragraph_text,
    quote,
)
from service.documents.lint_layout import Layout, blocks
from service.documents.lint_props import OFF, TWIP_MM

A4_MM = (210.0, 297.0)
PAPER_SLACK_MM = 1.0
MARGIN_SLACK_MM = 0.1
# top, right, bottom, left (mm)
MARGINS = ((20.0, 25.0), (15.0, 20.0), (20.0, 25.0), (30.0, 35.0))
MARGIN_NAMES = ("trên", "phải", "dưới", "trái")
FONT = "Times New Roman"
BLACK = {"auto", "000000"}
_PAGE_FIELD = re.compile(r"\s*PAGE(?![A-Z])", re.IGNORECASE)


@dataclass(frozen=True)
class Section:
    """One section of the document: its properties and whether it holds only annexes."""

    number: int
    props: etree._Element
    annex_only: bool


def sections(document: Document, layout: Layout) -> list[Section]:
    body = blocks(document.element.body)
    footer_at = body.index(layout.footer) if layout.footer is not None else len(body)
    found: list[Section] = []
    first_text: int | None = None
    for index, block in enumerate(body):
        if first_text is None and paragraph_text(block).strip():
            first_text = index
        props = block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if block.tag == qn("w:p") else None
        if props is not None:
            found.append(Section(len(found) + 1, props, (first_text or 0) > footer_at))
            first_text = None
    final = document.element.body.find(qn("w:sectPr"))
    if final is not None:
        found.append(Section(len(found) + 1, final, (first_text or 0) > footer_at))
    return found


def _twips(element: etree._Element | None, name: str) -> float:
    if element is None or element.get(qn(f"w:{name}")) is None:
        return 0.0
    return abs(int(float(element.get(qn(f"w:{name}"))))) * TWIP_MM


def check_page(document: Document, layout: Layout) -> Iterator[Violation]:
    for section in sections(document, layout):
        where = f"trang, phần (section) {section.number}"
        size = section.props.find(qn("w:pgSz"))
        width, height = _twips(size, "w"), _twips(size, "h")
        if not (
            abs(min(width, height) - A4_MM[0]) <= PAPER_SLACK_MM
            and abs(max(width, height) - A4_MM[1]) <= PAPER_SLACK_MM
        ):
            yield Violation(
                "ND30-KHO",
                f"Khổ giấy {num(width)} × {num(height)} mm; quy định: A4 (210 × 297 mm).",
                where,
            )
        if width > height and not section.annex_only:
            yield Violation(
                "ND30-KHO",
                "Trang nằm ngang; quy định: trang đứng (chỉ phụ lục có "
                "bảng rộng mới được trình bày nằm ngang).",
                where,
            )
        margin = section.props.find(qn("w:pgMar"))
        margins = tuple(_twips(margin, side) for side in ("top", "right", "bottom", "left"))
        turns = 4 if width > height else 1  # a landscape page may be turned either way
        if not any(_margins_fit(margins[k:] + margins[:k]) for k in range(turns)):
            wrong = [
                f"lề {name} {num(value)} mm (quy định {num(lo)}–{num(hi)} mm)"
                for name, value, (lo, hi) in zip(MARGIN_NAMES, margins, MARGINS)
                if not lo - MARGIN_SLACK_MM <= value <= hi + MARGIN_SLACK_MM
            ]
            yield Violation("ND30-LE", "Lề trang sai: " + "; ".join(wrong) + ".", where)


def _margins_fit(margins: tuple[float, ...]) -> bool:
    return all(
        lo - MARGIN_SLACK_MM <= value <= hi + MARGIN_SLACK_MM
        for value, (lo, hi) in zip(margins, MARGINS)
    )


def _parts(document: Document, reltype: str) -> list[etree._Element]:
    return [r.target_part.element for r in document.part.rels.values() if r.reltype == reltype]


def check_fonts(document: Document, checker: Checker) -> Iterator[Violation]:
    """Every visible character in Times New Roman and black, in the body, headers and footers."""
    roots = [(document.element.body, "văn bản")]
    roots += [(part, "đầu trang (header)") for part in _parts(document, RT.HEADER)]
    roots += [(part, "chân trang (footer)") for part in _parts(document, RT.FOOTER)]
    for root, place in roots:
        number = 0
        for p in root.iter(qn("w:p")):
            number += 1
            if p.getparent() is not None and not _shown(p, root):
                continue
            yield from _paragraph_fonts(p, checker, checker.where(p, f"{place}, đoạn {number}"))


def _shown(p: etree._Element, root: etree._Element) -> bool:
    for ancestor in p.iterancestors():
        if ancestor is root:
            return True
        if ancestor.tag.endswith("}Fallback") or ancestor.tag in (qn("w:del"),):
            return False
    return True


def _paragraph_fonts(p: etree._Element, checker: Checker, where: str) -> Iterator[Violation]:
    fonts: dict[str, str] = {}
    colors: dict[str, str] = {}
    for line in paragraph_lines(p):
        for r, text in line.pieces:
            if not text.strip():
                continue
            f = checker.formats.run(r, p)
            if f.hidden:
                continue
            for font in f.fonts:
                if font.casefold() != FONT.casefold():
                    fonts.setdefault(font or "phông theo chủ đề (theme) không xác định", text)
            if f.color not in BLACK:
                colors.setdefault(f.color, text)
    for font, text in fonts.items():
        yield Violation(
            "ND30-FONT",
            f"Chữ {quote(text)} dùng phông “{font}”; quy định: phông Times New Roman.",
            where,
        )
    for color, text in colors.items():
        shown = color.removeprefix("theme:") if color.startswith("theme:") else f"#{color.upper()}"
        yield Violation(
            "ND30-MAU", f"Chữ {quote(text)} có màu {shown}; quy định: chữ màu đen.", where
        )


def _has_page_field(root: etree._Element) -> list[etree._Element]:
    """Return the paragraphs of `root` holding a PAGE field."""
    found = []
    for p in root.iter(qn("w:p")):
        codes = [el.text or "" for el in p.iter(qn("w:instrText")) if displayed(p, el)]
        codes += [el.get(qn("w:instr"), "") for el in p.iter(qn("w:fldSimple"))]
        if any(_PAGE_FIELD.match(code) for code in codes):
            found.append(p)
    return found


def check_page_numbers(document: Document, checker: Checker) -> Iterator[Violation]:
    parts = document.part.related_parts
    first = next(document.element.body.iter(qn("w:sectPr")), None)
    if first is not None:
        refs = {
            ref.get(qn("w:type")): ref.get(qn("r:id"))
            for ref in first.findall(qn("w:headerReference"))
        }
        title_page = first.find(qn("w:titlePg"))
        titled = title_page is not None and title_page.get(qn("w:val"), "1").lower() not in OFF
        rid = refs.get("first") if titled else refs.get("default")
        if rid and rid in parts and _has_page_field(parts[rid].element):
            yield Violation(
                "ND30-TRANG",
                "Trang đầu có số trang; quy định: không hiển thị số "
                "trang ở trang thứ nhất (đặt “Different First Page” với đầu trang "
                "trống).",
                "đầu trang (header) trang 1",
            )
    for part in _parts(document, RT.FOOTER):
        if _has_page_field(part):
            yield Violation(
                "ND30-TRANG",
                "Số trang đặt ở chân trang; quy định: số trang căn giữa trong lề trên.",
                "chân trang (footer)",
            )
    for part in _parts(document, RT.HEADER):
        for p in _has_page_field(part):
            yield from _page_number_look(p, checker)


def _page_number_look(p: etree._Element, checker: Checker) -> Iterator[Violation]:
    where = "đầu trang (header), số trang"
    runs = [
        r
        for r in p.iter(qn("w:r"))
        if displayed(p, r)
        and (r.find(qn("w:fldChar")) is not None or "".join(r.itertext()).strip())
    ]
    formats = [checker.formats.run(r, p) for r in runs]
    jc = checker.formats.paragraph(p).jc
    if jc != "center":
        yield Violation(
            "ND30-TRANG", "Số trang không căn giữa; quy định: căn giữa trong lề trên.", where
        )
    sizes = sorted({f.size_pt for f in formats if not 13 <= f.size_pt <= 14})
    if sizes:
        yield Violation(
            "ND30-TRANG",
            f"Số trang cỡ chữ {', '.join(num(s) for s in sizes)} pt; quy định: cỡ chữ 13–14 pt.",
            where,
        )
    if any(f.italic for f in formats):
        yield Violation("ND30-TRANG", "Số trang in nghiêng; quy định: chữ đứng.", where)
