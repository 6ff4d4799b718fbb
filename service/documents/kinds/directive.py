"""The directive launching the year's movement (chỉ thị phát động thi đua): template, context."""

from __future__ import annotations

from docx.document import Document

from service.domain.records import Block, Movement, Unit
from service.vnformat.dates import header_date, short_date
from service.vnformat.symbols import number_and_symbol, number_line
from service.vnformat.text import nfc, upper_vn

from ..layout import (
    annex_heading,
    body_paragraphs,
    footer_table,
    header_table,
    only_if,
    title_block,
)
from ..page import new_document
from .base import Variable
from .frame import agency_lines, frame_context, frame_variables

TYPE_CODE = "CT"

VARIABLES: tuple[Variable, ...] = (
    *frame_variables(
        agency="ỦY BAN NHÂN DÂN\nTỈNH SƠN LA",
        number_line="Số: 01/CT-UBND",
        date_line="Sơn La, ngày 03 tháng 01 năm 2024",
        type_name="CHỈ THỊ",
        subject="Phát động phong trào thi đua năm 2024",
        body=(
            Variable(
                "body_paragraphs",
                "Các đoạn nội dung theo thứ tự: đoạn văn, mục đánh số "
                "(“1. …”), gạch đầu dòng (“- …”); mỗi phần tử là một đoạn",
                [
                    "Năm 2024 có ý nghĩa quan trọng …",
                    "1. Tiếp tục tuyên truyền …",
                    "- Tăng cường …",
                ],
            ),
        ),
        recipient_lines=["- Ban TĐKT Trung ương (b/c);", "- Lưu: VT, NC."],
        signer_lines=["CHỦ TỊCH"],
        copy_mark="(Đã ký)",
        signer_name="Hoàng Quốc Khánh",
        said={
            "parent_agency": "Cơ quan chủ quản (chữ in hoa, không đậm); để trống khi cơ quan "
            "ban hành không có cơ quan chủ quản",
            "date_line": "Địa danh và ngày tháng năm ban hành",
            "type_name": "Tên loại văn bản, chữ in hoa",
            "subject": "Trích yếu nội dung",
            "signer_lines": "Quyền hạn, chức vụ người ký (chữ in hoa), mỗi phần tử một dòng",
        },
    ),
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


def build_template() -> Document:
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


def build_context(movement: Movement, unit: Unit, parent: Unit | None, number: int) -> dict:
    """Return the directive's variables (see VARIABLES), every one already formatted: `unit`
    issues it, `parent` is its cơ quan chủ quản (None for none), `number` is its number in
    the register. The symbol is the movement's own (`CT-UBND`, as the register writes it).
    Raises ValueError (from vnformat) for a bad symbol or signer."""
    annex = movement.annex
    type_code, _, body = movement.symbol.partition("-")
    symbol = number_and_symbol(number, type_code, body)
    frame = frame_context(
        agency_lines(unit, parent),
        number_line(number, type_code, body),
        header_date(movement.place, movement.date),
        movement.signer,
        movement.recipients,
    )
    return {
        **frame,
        "type_name": upper_vn(movement.type_name),
        "subject": movement.subject,
        "body_paragraphs": [line for block in movement.body for line in _block_lines(block)],
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
