"""The directive that launches the year's movement (chỉ thị phát động thi đua): its context."""

from __future__ import annotations

from service.domain.records import Block, Movement, Unit
from service.vnformat.dates import header_date, short_date
from service.vnformat.recipients import recipient_lines
from service.vnformat.signer import signer_lines
from service.vnformat.symbols import number_and_symbol, number_line
from service.vnformat.text import nfc, upper_vn

from ..layout import HEADER_COLUMNS_MM, fit_lines
from .base import Variable

TYPE_CODE = "CT"
_AGENCY_PT = 13  # LAYOUT.md: the issuing body's name, bold 13 pt, in the 65 mm left column

VARIABLES: tuple[Variable, ...] = (
    Variable(
        "parent_agency",
        "Cơ quan chủ quản (chữ in hoa, không đậm); để trống khi cơ quan "
        "ban hành không có cơ quan chủ quản",
        "UBND TỈNH SƠN LA",
    ),
    Variable(
        "agency",
        "Tên cơ quan ban hành, chữ in hoa; xuống dòng (\\n) ở chỗ ngắt khi tên dài hơn cột trái",
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA",
    ),
    Variable("number_line", "Số, ký hiệu của văn bản", "Số: 01/CT-UBND"),
    Variable(
        "date_line", "Địa danh và ngày tháng năm ban hành", "Sơn La, ngày 03 tháng 01 năm 2024"
    ),
    Variable("type_name", "Tên loại văn bản, chữ in hoa", "CHỈ THỊ"),
    Variable("subject", "Trích yếu nội dung", "Phát động phong trào thi đua năm 2024"),
    Variable(
        "body_paragraphs",
        "Các đoạn nội dung theo thứ tự: đoạn văn, mục đánh số "
        "(“1. …”), gạch đầu dòng (“- …”); mỗi phần tử là một đoạn",
        ["Năm 2024 có ý nghĩa quan trọng …", "1. Tiếp tục tuyên truyền …", "- Tăng cường …"],
    ),
    Variable(
        "recipient_lines",
        "Các dòng nơi nhận, dòng cuối là “- Lưu: …”",
        ["- Ban TĐKT Trung ương (b/c);", "- Lưu: VT, NC."],
    ),
    Variable(
        "signer_lines",
        "Quyền hạn, chức vụ người ký (chữ in hoa), mỗi phần tử một dòng",
        ["CHỦ TỊCH"],
    ),
    Variable("copy_mark", "Dấu bản sao “(Đã ký)”; để trống thì chừa chỗ ký", "(Đã ký)"),
    Variable("signer_name", "Họ và tên người ký", "Hoàng Quốc Khánh"),
    Variable("has_annex", "Có phụ lục hay không (đúng/sai)", True),
    Variable("annex_heading", "Chữ “Phụ lục” (kèm số nếu có nhiều phụ lục)", "Phụ lục"),
    Variable(
        "annex_title", "Tên phụ lục, chữ in hoa", "TÓM TẮT CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024"
    ),
    Variable(
        "annex_note",
        "Dòng ghi chú gắn phụ lục với văn bản (in nghiêng)",
        "(Ban hành kèm theo Chỉ thị số 01/CT-UBND ngày 03/01/2024 của Chủ tịch UBND tỉnh)",
    ),
    Variable(
        "annex_lines",
        "Các chỉ tiêu của phụ lục, mỗi phần tử một dòng “N. nội dung”",
        ["1. Tốc độ tăng trưởng kinh tế 7,5%."],
    ),
)


def build_context(movement: Movement, unit: Unit, parent: Unit | None, number: int) -> dict:
    """Return the directive's variables (see VARIABLES), every one already formatted: `unit`
    issues it, `parent` is its cơ quan chủ quản (None for none), `number` is its number in
    the register. The symbol is the movement's own (`CT-UBND`, as the register writes it).
    Raises ValueError (from vnformat) for a bad symbol or signer."""
    signer = movement.signer
    annex = movement.annex
    type_code, _, body = movement.symbol.partition("-")
    symbol = number_and_symbol(number, type_code, body)
    return {
        "parent_agency": upper_vn(parent.short_name or parent.name) if parent else "",
        "agency": fit_lines(upper_vn(unit.name), HEADER_COLUMNS_MM[0], _AGENCY_PT, bold=True),
        "number_line": number_line(number, type_code, body),
        "date_line": header_date(movement.place, movement.date),
        "type_name": upper_vn(movement.type_name),
        "subject": movement.subject,
        "body_paragraphs": [line for block in movement.body for line in _block_lines(block)],
        "recipient_lines": recipient_lines(movement.recipients),
        "signer_lines": signer_lines(signer.authority, signer.on_behalf, signer.title),
        "copy_mark": signer.copy_mark,
        "signer_name": signer.name,
        "has_annex": annex is not None,
        "annex_heading": annex.heading if annex else "",
        "annex_title": upper_vn(annex.title) if annex else "",
        "annex_note": (annex.note or _annex_note(movement, symbol)) if annex else "",
        "annex_lines": [f"{t.number}. {t.text}" for t in annex.targets] if annex else [],
    }


def _block_lines(block: Block) -> list[str]:
    """Return a block's paragraphs: its text (`N. ` before an item's), then `- ` bullets."""
    first = f"{block.number}. {block.text}" if block.kind == "item" else block.text
    return [first, *(f"- {bullet}" for bullet in block.bullets)]


def _annex_note(movement: Movement, symbol: str) -> str:
    type_name = nfc(movement.type_name).lower().capitalize()
    return f"(Kèm theo {type_name} số {symbol} ngày {short_date(movement.date)})"
