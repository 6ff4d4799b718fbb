"""Text fitted to the page: rules as long as the text above them, long names broken in lines."""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml.ns import nsmap, qn
from lxml import etree

from .page import RULE_STYLE, TEXT_WIDTH_MM, TIEU_NGU, twips
from .textwidth import text_width_mm

RULE_RATIO = 0.4  # a rule under a name or a trích yếu: 1/3 to 1/2 of the text; we aim at 40%
TIEU_NGU_RATIO = 1.0  # the rule under the Tiêu ngữ is as long as the text
# Where a clerk breaks a long agency name: before its level of government, or before `VÀ`.
_BREAK_BEFORE = frozenset({"TỈNH", "HUYỆN", "QUẬN", "THỊ", "THÀNH", "XÃ", "PHƯỜNG", "VÀ"})


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
