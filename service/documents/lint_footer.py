"""Format checks of the footer (Nơi nhận, signature block) and of the annexes (phụ lục)."""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml import etree

from service.documents.lint_base import (
    Checker,
    Line,
    Violation,
    Want,
    paragraph_text,
    quote,
    text_lines,
)
from service.documents.lint_layout import Column, Layout, blocks
from service.documents.lint_props import OFF

RECIPIENTS_HEADING = "Nơi nhận:"
SIGNER_SIZE = (13.0, 14.0)


def check_footer(layout: Layout, checker: Checker) -> Iterator[Violation]:
    if layout.footer is None:
        yield Violation(
            "ND30-KY",
            "Không tìm thấy phần cuối văn bản (bảng hai ô: nơi nhận bên "
            "trái, chức vụ và họ tên người ký bên phải).",
            "cuối văn bản",
        )
        return
    for column in layout.footer_cells:
        lines = text_lines(column.paragraphs)
        if not lines:
            continue
        if lines[0].text.strip().casefold().startswith("nơi nhận"):
            yield from _recipients(lines, checker)
        else:
            yield from _signer(column, lines, checker)


def _recipients(lines: list[Line], checker: Checker) -> Iterator[Violation]:
    heading, items = lines[0], lines[1:]
    if heading.text.strip() != RECIPIENTS_HEADING:
        yield Violation(
            "ND30-NN",
            f"Dòng {quote(heading.text)}; quy định: đúng chữ “{RECIPIENTS_HEADING}”.",
            checker.where(heading.p),
        )
    yield from checker.look("ND30-NN", "Chữ", heading, Want(size=(12, 12), bold=True, italic=True))
    for index, line in enumerate(items):
        text, where = line.text.strip(), checker.where(line.p)
        last = index == len(items) - 1
        if not text.startswith("- "):
            yield Violation(
                "ND30-NN-DS",
                f"Nơi nhận {quote(text)} không bắt đầu bằng “- ”; quy "
                "định: mỗi nơi nhận một dòng, bắt đầu bằng gạch đầu dòng “- ”.",
                where,
            )
        if last and not text.endswith("."):
            yield Violation(
                "ND30-NN-DS",
                f"Nơi nhận cuối cùng {quote(text)} không kết thúc bằng "
                "dấu chấm; quy định: dòng cuối (“- Lưu: VT, …”) kết thúc bằng “.”.",
                where,
            )
        if last and "lưu" not in text.casefold():
            yield Violation(
                "ND30-NN-DS",
                f"Nơi nhận cuối cùng là {quote(text)}; quy định: dòng cuối là “- Lưu: VT, …”.",
                where,
            )
        if not last and not text.endswith(";"):
            yield Violation(
                "ND30-NN-DS",
                f"Nơi nhận {quote(text)} không kết thúc bằng dấu chấm "
                "phẩy; quy định: mỗi dòng kết thúc bằng “;” (dòng cuối bằng “.”).",
                where,
            )
        yield from checker.look("ND30-NN-DS", "Nơi nhận", line, Want(size=(11, 11), italic=False))


def _signer(column: Column, lines: list[Line], checker: Checker) -> Iterator[Violation]:
    signing = [line for line in lines if not line.text.strip().startswith("(")]
    titles: list[Line] = []
    for line in signing:
        if not checker.is_upper(line):
            break
        titles.append(line)
    names = signing[len(titles) :]
    where = checker.where(lines[0].p)
    if not titles:
        yield Violation(
            "ND30-KY",
            f"Khối chữ ký bắt đầu bằng {quote(lines[0].text)}; quy định: "
            "quyền hạn, chức vụ người ký viết hoa, in đậm.",
            where,
        )
    for line in titles:
        yield from checker.look(
            "ND30-KY",
            "Chức vụ người ký",
            line,
            Want(size=SIGNER_SIZE, bold=True, upper=True, centred=True),
        )
    if not names:
        yield Violation(
            "ND30-KY",
            "Khối chữ ký không có họ tên người ký; quy định: họ tên in đậm, căn giữa, dưới chữ ký.",
            where,
        )
    else:
        yield from checker.look(
            "ND30-KY", "Họ tên người ký", names[-1], Want(size=SIGNER_SIZE, bold=True, centred=True)
        )
    for line in lines:
        if line not in titles and line is not (names[-1] if names else None):
            yield from checker.look("ND30-KY", "Dòng", line, Want(centred=True))


def check_annex(layout: Layout, checker: Checker) -> Iterator[Violation]:
    starts = _annex_starts(layout.annex)
    for index, block in enumerate(layout.annex):
        if index in starts:
            yield from _annex_heading(layout.annex[index:], checker)
    tables = [b for b in layout.annex if b.tag == qn("w:tbl")]
    for number, table in enumerate(tables, start=1):
        yield from _annex_table(table, f"phụ lục, bảng {number}", checker)


def _annex_starts(annex: list[etree._Element]) -> set[int]:
    """An annex starts at the first text after the footer and at each `Phụ lục …` line."""
    starts: set[int] = set()
    for index, block in enumerate(annex):
        if block.tag != qn("w:p"):
            continue
        text = paragraph_text(block).strip().casefold()
        if text and (not starts or text.startswith("phụ lục")):
            starts.add(index)
    return starts


def _annex_heading(blocks_: list[etree._Element], checker: Checker) -> Iterator[Violation]:
    """Check the heading lines of one annex: `Phụ lục`, its title, the `(Kèm theo …)` note."""
    for block in blocks_:
        if block.tag != qn("w:p"):
            return
        lines = text_lines([block])
        if not lines:
            continue
        for line in lines:
            text = line.text.strip()
            if text.startswith("("):
                yield from checker.look("ND30-PL", "Dòng", line, Want(italic=True, centred=True))
            elif text.casefold().startswith("phụ lục") or checker.is_upper(line):
                yield from checker.look("ND30-PL", "Dòng", line, Want(bold=True, centred=True))
            else:
                return


def _annex_table(table: etree._Element, where: str, checker: Checker) -> Iterator[Violation]:
    rows = table.findall(qn("w:tr"))
    if not rows:
        return
    header = rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    if header is None or header.get(qn("w:val"), "true").lower() in OFF:
        yield Violation(
            "ND30-PL-BANG",
            "Hàng tiêu đề của bảng không lặp lại ở mỗi trang; quy "
            "định: hàng tiêu đề lặp lại (Repeat as header row).",
            where,
        )
    cells = rows[0].findall(qn("w:tc"))
    first = " ".join(paragraph_text(p) for p in blocks(cells[0])).strip() if cells else ""
    if first != "STT":
        yield Violation(
            "ND30-PL-BANG",
            f"Cột đầu của bảng là {quote(first)}; quy định: cột đầu là “STT”.",
            where,
        )
    drawn = checker.formats.table_borders(table)
    if not all(drawn.values()) and not _cells_boxed(table):
        missing = ", ".join(edge for edge, on in drawn.items() if not on)
        yield Violation(
            "ND30-PL-BANG",
            f"Bảng chưa kẻ khung đầy đủ (thiếu: {missing}); quy "
            "định: bảng trong phụ lục có kẻ khung.",
            where,
        )


def _cells_boxed(table: etree._Element) -> bool:
    """Return whether every cell draws its own four borders."""
    for cell in table.iter(qn("w:tc")):
        borders = cell.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}")
        if borders is None:
            return False
        for names in (("top",), ("bottom",), ("left", "start"), ("right", "end")):
            edge = next((e for n in names if (e := borders.find(qn(f"w:{n}"))) is not None), None)
            if edge is None or edge.get(qn("w:val"), "nil") in {"nil", "none"}:
                return False
    return True
