"""Format checks of Tên loại, trích yếu and the body paragraphs (nội dung)."""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml import etree

from service.documents.lint_base import (
    Checker,
    Violation,
    Want,
    num,
    paragraph_text,
    quote,
    text_lines,
)
from service.documents.lint_header import check_short_rule
from service.documents.lint_layout import Column, Layout, is_letter
from service.documents.lint_props import ParaFormat
from service.documents.textwidth import single_line_pt

BODY_SIZE = (13.0, 14.0)
FIRST_LINE_MM = (10.0, 12.7)
MIN_GAP_PT = 6.0
MAX_LINES = 1.5
MIN_EXACT_PT = 15.0  # the decree also allows an exact line spacing from 15 pt
SLACK = 0.05  # twips and rounding: 1 cm is stored as 567 twips = 10.0025 mm


def check_title(layout: Layout, checker: Checker) -> Iterator[Violation]:
    if layout.title is None:
        if layout.header is not None and not is_letter(layout):
            yield Violation(
                "ND30-TL",
                "Không tìm thấy tên loại văn bản (“CHỈ THỊ”, “QUYẾT ĐỊNH”…) dưới phần đầu văn bản.",
                "sau phần đầu văn bản",
            )
        return
    for line in text_lines([layout.title]):
        yield from checker.look(
            "ND30-TL",
            "Tên loại văn bản",
            line,
            Want(size=BODY_SIZE, bold=True, upper=True, centred=True),
        )
    lines = text_lines(layout.subject)
    for line in lines:
        yield from checker.look(
            "ND30-TY", "Trích yếu", line, Want(size=BODY_SIZE, bold=True, centred=True)
        )
    if lines:
        zone = Column(layout.subject_zone, layout.text_width_mm)
        yield from check_short_rule("ND30-TY-KE", "trích yếu", lines, zone, checker)


def body_paragraphs(layout: Layout, checker: Checker) -> list[etree._Element]:
    """Return the body paragraphs that follow the body's format: not empty, not `Kính gửi` with
    its list, not headings (bold and centred)."""
    found: list[etree._Element] = []
    addressees = False
    for p in layout.body:
        text = paragraph_text(p).strip()
        if not text:
            continue
        if text.casefold().startswith("kính gửi"):
            addressees = text.endswith(":")
            continue
        if addressees and text.startswith("-"):
            continue
        addressees = False
        lines = text_lines([p])
        heading = all(f.bold for line in lines for f in checker.run_formats(line))
        if heading and checker.formats.paragraph(p).jc == "center":
            continue
        found.append(p)
    return found


def check_body(layout: Layout, checker: Checker) -> Iterator[Violation]:
    for p in body_paragraphs(layout, checker):
        sizes = [s for line in text_lines([p]) for s in checker.sizes(line)]
        size = max(sizes, default=14.0)
        form = checker.formats.paragraph(p, size)
        text, where = quote(paragraph_text(p)), checker.where(p)
        wrong = sorted({s for s in sizes if not BODY_SIZE[0] <= s <= BODY_SIZE[1]})
        if wrong:
            found = ", ".join(f"{num(s)} pt" for s in wrong)
            yield Violation(
                "ND30-ND-CO", f"Đoạn {text} có cỡ chữ {found}; quy định: cỡ chữ 13–14 pt.", where
            )
        if form.jc != "both":
            shown = {"left": "căn trái", "right": "căn phải", "center": "căn giữa"}[form.jc]
            yield Violation(
                "ND30-ND-CANH",
                f"Đoạn {text} đang {shown}; quy định: căn đều hai bên (justify).",
                where,
            )
        lo, hi = FIRST_LINE_MM
        if not lo - SLACK <= form.first_line_mm <= hi + SLACK:
            yield Violation(
                "ND30-ND-THUT",
                f"Đoạn {text} thụt đầu dòng "
                f"{num(form.first_line_mm / 10)} cm; quy định: 1–1,27 cm.",
                where,
            )
        gap = _gap_pt(layout, p, form, checker)
        if gap < MIN_GAP_PT - SLACK:
            yield Violation(
                "ND30-ND-KC",
                f"Đoạn {text} cách đoạn khác {num(gap)} pt (trước "
                f"{num(form.before_pt)} pt, sau {num(form.after_pt)} pt); quy định: "
                "khoảng cách giữa các đoạn tối thiểu 6 pt.",
                where,
            )
        problem = _line_spacing_problem(form, size)
        if problem:
            yield Violation(
                "ND30-ND-DONG",
                f"Đoạn {text} {problem}; quy định: cách dòng từ "
                "một dòng (single) hoặc từ 15 pt (exactly) đến 1,5 dòng.",
                where,
            )


def _gap_pt(layout: Layout, p: etree._Element, form: ParaFormat, checker: Checker) -> float:
    """Return the space the paragraph puts between itself and its neighbours (before + after),
    zero when contextual spacing drops it between paragraphs of the same style."""
    if form.contextual:
        index = layout.body.index(p)
        neighbours = layout.body[max(index - 1, 0) : index] + layout.body[index + 1 : index + 2]
        if any(checker.formats.paragraph_style_id(n) == form.style_id for n in neighbours):
            return 0.0
    return form.before_pt + form.after_pt


def _line_spacing_problem(form: ParaFormat, size_pt: float) -> str | None:
    single = single_line_pt(size_pt)
    if form.line_rule == "auto":
        if not 1 - 0.01 <= form.line <= MAX_LINES + 0.01:
            return f"cách dòng {num(form.line)} dòng"
        return None
    height = max(form.line, single) if form.line_rule == "atLeast" else form.line
    if height < min(MIN_EXACT_PT, single) - SLACK or height > MAX_LINES * single + SLACK:
        kind = "chính xác" if form.line_rule == "exact" else "tối thiểu"
        return f"cách dòng {kind} {num(form.line)} pt"
    return None


def warn_quotes(layout: Layout, checker: Checker) -> Iterator[Violation]:
    """Soft finding: straight double quotes where Vietnamese text uses curly ones “…”."""
    paragraphs = layout.body + [b for b in layout.annex if b.tag == qn("w:p")]
    for p in paragraphs:
        text = " ".join(paragraph_text(p).split())
        at = text.find('"')
        if at >= 0:
            start = max(at - 20, 0)
            shown = (
                ("…" if start else "")
                + text[start : at + 25]
                + ("…" if at + 25 < len(text) else "")
            )
            yield Violation(
                "ND30-NGOAC",
                f'Dấu ngoặc kép thẳng " trong “{shown}”; nên dùng ngoặc kép cong “…”.',
                checker.where(p),
            )
