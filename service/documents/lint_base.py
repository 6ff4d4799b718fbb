"""What the format checker's parts share: findings, visible lines of text, format checks."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from service.documents.lint_props import Formats, RunFormat

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Runs under these are not displayed (deleted, moved away, the fallback copy of a drawing)
# or belong to a text box with paragraphs of its own.
_HIDDEN = {qn("w:del"), qn("w:moveFrom"), f"{{{MC_NS}}}Fallback", qn("w:txbxContent")}
_BREAKS = {qn("w:br"), qn("w:cr")}


@dataclass(frozen=True)
class Violation:
    """One departure from the format: rule id, what is wrong (Vietnamese), where it is."""

    rule: str
    message: str
    where: str


@dataclass(frozen=True)
class Line:
    """One visible line of a paragraph (paragraphs split at line breaks): its runs' text."""

    p: etree._Element
    pieces: tuple[tuple[etree._Element, str], ...]

    @property
    def text(self) -> str:
        return unicodedata.normalize("NFC", "".join(text for _, text in self.pieces))

    @property
    def runs(self) -> list[etree._Element]:
        """Return the runs that put visible (non-space) characters on this line."""
        return [r for r, text in self.pieces if text.strip()]


def displayed(p: etree._Element, element: etree._Element) -> bool:
    """Return whether `element` inside paragraph `p` is shown as part of `p` itself."""
    for ancestor in element.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag in _HIDDEN or ancestor.tag == qn("w:p"):
            return False
    return False


def paragraph_lines(p: etree._Element) -> list[Line]:
    """Return the lines of paragraph `p`, split at line breaks; empty paragraph → one empty line."""
    lines: list[list[tuple[etree._Element, str]]] = [[]]
    for r in p.iter(qn("w:r")):
        if not displayed(p, r):
            continue
        for child in r:
            if child.tag in _BREAKS:
                lines.append([])
            elif child.tag == qn("w:t"):
                lines[-1].append((r, child.text or ""))
            elif child.tag == qn("w:tab"):
                lines[-1].append((r, "\t"))
            elif child.tag == qn("w:noBreakHyphen"):
                lines[-1].append((r, "-"))
    return [Line(p, tuple(pieces)) for pieces in lines]


def paragraph_text(p: etree._Element) -> str:
    return "\n".join(line.text for line in paragraph_lines(p))


def text_lines(paragraphs: list[etree._Element]) -> list[Line]:
    """Return the non-blank lines of `paragraphs`, in order."""
    return [line for p in paragraphs for line in paragraph_lines(p) if line.text.strip()]


def quote(text: str, limit: int = 45) -> str:
    """Return `text` in Vietnamese quotation marks, cut with an ellipsis past `limit` characters."""
    text = " ".join(text.split())
    return f"“{text[:limit].rstrip()}…”" if len(text) > limit else f"“{text}”"


def num(value: float) -> str:
    """Return a number Vietnamese style: 12, 12,5, 40,1."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def size_range(lo: float, hi: float) -> str:
    return f"cỡ chữ {num(lo)} pt" if lo == hi else f"cỡ chữ {num(lo)}–{num(hi)} pt"


_JC_VN = {"left": "căn trái", "right": "căn phải", "center": "căn giữa", "both": "căn đều"}


@dataclass(frozen=True)
class Want:
    """The look an element must have; None leaves an aspect free."""

    size: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = None
    upper: bool = False
    centred: bool = False


class Checker:
    """Checks lines against a wanted look and reports each aspect that differs."""

    def __init__(self, formats: Formats, places: dict[etree._Element, str]) -> None:
        self.formats = formats
        self._places = places

    def where(self, p: etree._Element, fallback: str = "văn bản") -> str:
        return self._places.get(p, fallback)

    def run_formats(self, line: Line) -> list[RunFormat]:
        return [self.formats.run(r, line.p) for r in line.runs]

    def is_upper(self, line: Line) -> bool:
        return all(
            text == text.upper() or self.formats.run(r, line.p).caps
            for r, text in line.pieces
            if text.strip()
        )

    def look(self, rule: str, name: str, line: Line, want: Want) -> list[Violation]:
        """Return one violation per aspect of `line` that differs from `want`."""
        formats = self.run_formats(line)
        problems: list[tuple[str, str]] = []
        if want.upper and not self.is_upper(line):
            problems.append(("chưa viết hoa toàn bộ", "chữ in hoa"))
        if want.bold is not None and any(f.bold != want.bold for f in formats):
            problems.append(
                ("chưa in đậm", "chữ in đậm") if want.bold else ("đang in đậm", "chữ không đậm")
            )
        if want.italic is not None and any(f.italic != want.italic for f in formats):
            problems.append(
                ("chưa in nghiêng", "chữ in nghiêng")
                if want.italic
                else ("đang in nghiêng", "chữ đứng")
            )
        if want.size is not None:
            lo, hi = want.size
            wrong = sorted({f.size_pt for f in formats if not lo - 0.01 <= f.size_pt <= hi + 0.01})
            if wrong:
                found = ", ".join(f"{num(s)} pt" for s in wrong)
                problems.append((f"có cỡ chữ {found}", size_range(lo, hi)))
        if want.centred:
            jc = self.formats.paragraph(line.p).jc
            if jc != "center":
                problems.append((f"đang {_JC_VN.get(jc, jc)}", "căn giữa"))
        return [
            Violation(
                rule, f"{name} {quote(line.text)} {found}; quy định: {wanted}.", self.where(line.p)
            )
            for found, wanted in problems
        ]

    def sizes(self, line: Line) -> list[float]:
        return [f.size_pt for f in self.run_formats(line)]
