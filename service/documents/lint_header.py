"""Format checks of the header: Quốc hiệu, Tiêu ngữ, issuing body, number, date, V/v."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from service.documents.lint_base import Checker, Line, Violation, Want, num, quote, text_lines
from service.documents.lint_layout import Column, Layout
from service.documents.lint_lines import rule_lengths_mm
from service.documents.textwidth import text_width_mm

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Registered type abbreviations that are not all upper case (NĐ 30/2020, Phụ lục III).
MIXED_CASE_SYMBOLS = {"TTr", "QyĐ", "CTr"}
MOTTO_TOLERANCE = 0.10
RULE_SHARE = (1 / 3, 1 / 2)
RULE_SHARE_SLACK = 0.02  # measuring fonts and borders is not exact to the tenth of a millimetre
_NUMBER = re.compile(r"Số:\s*(?P<num>\d+)/(?P<sym>[^\s/]+)")
_DRAFT_NUMBER = re.compile(r"Số:\s+/(?P<sym>[^\s/]+)")
_DATE = re.compile(
    r"(?P<place>[^,]+),\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_DRAFT_DATE = re.compile(r"[^,]+,\s+ngày\s+tháng\s+năm\s+\d{4}")


@dataclass
class Header:
    """The header's lines by role; a missing one is None or empty."""

    parent: list[Line] = field(default_factory=list)
    agency: list[Line] = field(default_factory=list)
    number: Line | None = None
    letter_subject: list[Line] = field(default_factory=list)
    national: Line | None = None
    motto: Line | None = None
    date: Line | None = None


def read_header(layout: Layout, checker: Checker) -> Header:
    """Return the header's lines: the left cell top-down, then the right cell top-down."""
    header = Header()
    left = text_lines(layout.left.paragraphs) if layout.left else []
    names: list[Line] = []
    for line in left:
        text = line.text.strip().casefold()
        if header.number is None and text.startswith("số"):
            header.number = line
        elif text.startswith("v/v") or header.letter_subject:
            header.letter_subject.append(line)
        elif header.number is None:
            names.append(line)
    bold = [all(f.bold for f in checker.run_formats(line)) for line in names]
    # The parent body's lines come first and are not bold; with nothing bold, all is the body.
    parents = 0
    if any(bold):
        while not bold[parents]:
            parents += 1
    header.parent, header.agency = names[:parents], names[parents:]
    right = text_lines(layout.right.paragraphs) if layout.right else []
    header.national = right[0] if right else None
    header.motto = right[1] if len(right) > 1 else None
    header.date = next((line for line in right[2:] if "ngày" in line.text.casefold()), None)
    return header


def check_header(layout: Layout, checker: Checker) -> Iterator[Violation]:
    if layout.header is None:
        yield Violation(
            "ND30-QH",
            "Không tìm thấy phần đầu văn bản (bảng hai ô: tên cơ quan ban "
            "hành bên trái, Quốc hiệu và Tiêu ngữ bên phải).",
            "đầu văn bản",
        )
        return
    header = read_header(layout, checker)
    yield from _national(header, checker)
    yield from _motto(header, layout, checker)
    yield from _agency(header, layout, checker)
    yield from _number(header, checker)
    yield from _date(header, checker)
    for line in header.letter_subject:
        yield from checker.look(
            "ND30-VV", "Trích yếu công văn", line, Want(size=(12, 13), italic=False, centred=True)
        )


def warn_header(layout: Layout, checker: Checker) -> Iterator[Violation]:
    """Soft findings: a number or date left blank to be filled in by hand (a draft)."""
    if layout.header is None:
        return
    header = read_header(layout, checker)
    if header.number and _DRAFT_NUMBER.fullmatch(header.number.text.strip()):
        yield Violation(
            "ND30-SO",
            f"Chưa có số văn bản: {quote(header.number.text)} (bản dự thảo?).",
            checker.where(header.number.p),
        )
    if header.date and _DRAFT_DATE.fullmatch(header.date.text.strip()):
        yield Violation(
            "ND30-NGAY",
            f"Chưa điền ngày tháng: {quote(header.date.text)} (bản dự thảo?).",
            checker.where(header.date.p),
        )


def line_width_mm(line: Line, checker: Checker) -> float:
    """Return the width of `line` as set, run by run, in Times New Roman."""
    width = 0.0
    for r, text in line.pieces:
        f = checker.formats.run(r, line.p)
        width += text_width_mm(text.upper() if f.caps else text, f.size_pt, f.bold, f.italic)
    return width


def _national(header: Header, checker: Checker) -> Iterator[Violation]:
    line = header.national
    if line is None:
        yield Violation(
            "ND30-QH",
            f"Không có Quốc hiệu; quy định: “{NATIONAL_TITLE}” ở ô phải phần đầu văn bản.",
            "đầu văn bản, ô phải",
        )
        return
    text = line.text.strip()
    if text.upper() != NATIONAL_TITLE:
        hint = " (viết “HÒA”, không phải “HOÀ”)" if "HOÀ" in text.upper() else ""
        yield Violation(
            "ND30-QH",
            f"Quốc hiệu là {quote(text, 60)}; quy định: đúng chữ “{NATIONAL_TITLE}”{hint}.",
            checker.where(line.p),
        )
    yield from checker.look(
        "ND30-QH", "Quốc hiệu", line, Want(size=(12, 13), bold=True, upper=True)
    )


def _motto(header: Header, layout: Layout, checker: Checker) -> Iterator[Violation]:
    line = header.motto
    if line is None:
        yield Violation(
            "ND30-TN",
            f"Không có Tiêu ngữ; quy định: “{MOTTO}” dưới Quốc hiệu.",
            "đầu văn bản, ô phải",
        )
        return
    text = line.text.strip()
    if text != MOTTO:
        hint = ""
        if "–" in text or "—" in text:
            hint = " (dùng gạch nối “-” có cách trước và sau, không dùng dấu “–”)"
        yield Violation(
            "ND30-TN",
            f"Tiêu ngữ là {quote(text, 60)}; quy định: đúng chữ “{MOTTO}”{hint}.",
            checker.where(line.p),
        )
    yield from checker.look("ND30-TN", "Tiêu ngữ", line, Want(size=(13, 14), bold=True))
    width = line_width_mm(line, checker)
    lengths = rule_lengths_mm(layout.right.paragraphs, checker.formats, layout.right.width_mm)
    formats = checker.run_formats(line)
    if formats and all(f.underline for f in formats):
        lengths.append(width)
    if not lengths:
        yield Violation(
            "ND30-TN-KE",
            "Không có đường kẻ ngang dưới Tiêu ngữ; quy định: đường kẻ "
            "nét liền, dài bằng dòng chữ.",
            checker.where(line.p),
        )
        return
    best = min(lengths, key=lambda length: abs(length - width))
    if abs(best - width) > MOTTO_TOLERANCE * width:
        yield Violation(
            "ND30-TN-KE",
            f"Đường kẻ dưới Tiêu ngữ dài {num(best)} mm, dòng chữ dài {num(width)} mm "
            f"({best / width:.0%}); quy định: đường kẻ dài bằng dòng chữ (±10%).",
            checker.where(line.p),
        )


def _agency(header: Header, layout: Layout, checker: Checker) -> Iterator[Violation]:
    for line in header.parent:
        yield from checker.look(
            "ND30-CQCQ", "Tên cơ quan chủ quản", line, Want(size=(12, 13), bold=False, upper=True)
        )
    if not header.agency:
        yield Violation(
            "ND30-CQ",
            "Không có tên cơ quan ban hành ở ô trái phần đầu văn bản.",
            "đầu văn bản, ô trái",
        )
        return
    for line in header.agency:
        yield from checker.look(
            "ND30-CQ", "Tên cơ quan ban hành", line, Want(size=(12, 13), bold=True, upper=True)
        )
    yield from check_short_rule(
        "ND30-CQ-KE", "tên cơ quan ban hành", header.agency, layout.left, checker
    )


def check_short_rule(
    rule: str, name: str, lines: list[Line], column: Column, checker: Checker
) -> Iterator[Violation]:
    """Check the rule under `lines` is 1/3 to 1/2 as long as their longest line (capped at the
    column's width, where the text would wrap)."""
    width = max(min(line_width_mm(line, checker), column.width_mm) for line in lines)
    lengths = rule_lengths_mm(column.paragraphs, checker.formats, column.width_mm)
    where = checker.where(lines[-1].p)
    if not lengths:
        yield Violation(
            rule,
            f"Không có đường kẻ ngang dưới {name}; quy định: đường kẻ nét liền "
            "dài từ 1/3 đến 1/2 độ dài dòng chữ.",
            where,
        )
        return
    lo, hi = RULE_SHARE[0] - RULE_SHARE_SLACK, RULE_SHARE[1] + RULE_SHARE_SLACK
    best = min(lengths, key=lambda length: max(lo * width - length, length - hi * width, 0))
    if not lo * width <= best <= hi * width:
        yield Violation(
            rule,
            f"Đường kẻ dưới {name} dài {num(best)} mm, bằng {best / width:.0%} dòng chữ "
            f"({num(width)} mm); quy định: từ 1/3 đến 1/2 độ dài dòng chữ.",
            where,
        )


def _number(header: Header, checker: Checker) -> Iterator[Violation]:
    line = header.number
    if line is None:
        yield Violation(
            "ND30-SO",
            "Không có số, ký hiệu văn bản (“Số: 01/CT-UBND”) dưới tên cơ quan ban hành.",
            "đầu văn bản, ô trái",
        )
        return
    text, where = line.text.strip(), checker.where(line.p)
    match = _NUMBER.fullmatch(text)
    if match is None and not _DRAFT_NUMBER.fullmatch(text):
        yield Violation(
            "ND30-SO",
            f"Số, ký hiệu {quote(text)} không đúng dạng; quy định: "
            "“Số: 01/CT-UBND” (chữ “Số”, dấu hai chấm, số, gạch chéo, ký hiệu).",
            where,
        )
    if match is not None:
        digits = match.group("num")
        if int(digits) == 0:
            yield Violation(
                "ND30-SO", f"Số văn bản {quote(digits)} không hợp lệ; số bắt đầu từ 01.", where
            )
        elif int(digits) < 10 and len(digits) != 2:
            yield Violation(
                "ND30-SO",
                f"Số văn bản {quote(text)}: số dưới 10 phải có số 0 ở trước (“{int(digits):02d}”).",
                where,
            )
        elif int(digits) >= 10 and digits.startswith("0"):
            yield Violation(
                "ND30-SO",
                f"Số văn bản {quote(text)}: số từ 10 trở lên không có số 0 "
                f"ở trước (“{int(digits)}”).",
                where,
            )
    symbol = (match or _DRAFT_NUMBER.fullmatch(text) or {"sym": ""})["sym"]
    wrong = [
        part
        for part in symbol.split("-")
        if part != part.upper() and part not in MIXED_CASE_SYMBOLS
    ]
    if wrong:
        yield Violation(
            "ND30-SO",
            f"Ký hiệu {quote(symbol)} có phần không viết hoa: "
            f"{', '.join(quote(part) for part in wrong)}; quy định: ký hiệu viết hoa "
            "(trừ chữ viết tắt đã quy định như TTr, QyĐ, CTr).",
            where,
        )
    yield from checker.look("ND30-SO", "Số, ký hiệu", line, Want(size=(13, 13)))


def _date(header: Header, checker: Checker) -> Iterator[Violation]:
    line = header.date
    if line is None:
        yield Violation(
            "ND30-NGAY",
            "Không có địa danh, ngày tháng năm ban hành dưới Tiêu ngữ; "
            "quy định: “Sơn La, ngày 03 tháng 01 năm 2024”.",
            "đầu văn bản, ô phải",
        )
        return
    text, where = line.text.strip(), checker.where(line.p)
    match = _DATE.fullmatch(text)
    if match is None and not _DRAFT_DATE.fullmatch(text):
        yield Violation(
            "ND30-NGAY",
            f"Địa danh, ngày tháng {quote(text, 60)} không đúng dạng; quy "
            "định: “<Địa danh>, ngày DD tháng M năm YYYY”.",
            where,
        )
    if match is not None:
        yield from _date_numbers(match, text, where)
    yield from checker.look(
        "ND30-NGAY", "Địa danh, ngày tháng", line, Want(size=(13, 14), italic=True)
    )


def _date_numbers(match: re.Match[str], text: str, where: str) -> Iterator[Violation]:
    day, month, year = match.group("d"), match.group("m"), match.group("y")
    if int(day) < 10 and len(day) != 2:
        yield Violation(
            "ND30-NGAY",
            f"{quote(text, 60)}: ngày dưới 10 phải có số 0 ở trước (“ngày {int(day):02d}”).",
            where,
        )
    if int(month) <= 2 and len(month) != 2:
        yield Violation(
            "ND30-NGAY",
            f"{quote(text, 60)}: tháng 1 và tháng 2 phải có số 0 ở trước "
            f"(“tháng {int(month):02d}”).",
            where,
        )
    if int(month) >= 3 and month.startswith("0"):
        yield Violation(
            "ND30-NGAY",
            f"{quote(text, 60)}: tháng từ 3 đến 12 không có số 0 ở trước (“tháng {int(month)}”).",
            where,
        )
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        yield Violation(
            "ND30-NGAY",
            f"{quote(text, 60)}: ngày {int(day)} tháng {int(month)} năm {year} không có thật.",
            where,
        )
