"""The list of nominees attached to a unit's submission (danh sách đề nghị khen thưởng):
template and context.

It is part of the submission, not a document of its own: its header carries the submission's
number and date, and the note under its title ties it to the submission. Rows are grouped by
the honour proposed; within each, collectives, people, then households, each in Vietnamese name
order (nominees.in_list_order: the decision's order too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from docx.document import Document

from service.domain.records import Nomination, Person, Unit
from service.vnformat.dates import header_date, short_date
from service.vnformat.symbols import number_and_symbol, number_line

from ..layout import Column, add_paragraph, add_rule, annex_table, header_table
from ..page import BODY_STYLE_NAME, new_document
from . import nominees as nm
from .base import Variable
from .frame import frame_context, frame_variables

TEMPLATE = "nominee_list.docx"
TYPE_CODE = "TTr"  # it carries the submission's number

COLUMNS = (
    Column("STT", "row.number", 13),
    Column("Họ và tên / Tập thể", "row.name", 34),
    Column("Chức vụ, đơn vị", "row.post", 36),
    Column("Hình thức đề nghị", "row.honour", 30),
    Column("Tóm tắt thành tích", "row.summary", 52),
)

VARIABLES: tuple[Variable, ...] = frame_variables(
    **nm.HEADER_EXAMPLES,
    type_name="DANH SÁCH",
    subject="Đề nghị tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm 2024",
    body=(
        Variable(
            "note",
            "Dòng ghi chú (in nghiêng) gắn danh sách với tờ trình",
            "(Kèm theo Tờ trình số 05/TTr-SYT ngày 02/12/2024 của Sở Y tế)",
        ),
        Variable(
            "rows",
            "Các dòng của bảng: number (STT), name, post (chức vụ, đơn vị), honour, summary",
            ["1 | Cầm Thị Ánh | Bác sĩ, Sở Y tế | Chiến sĩ thi đua cấp tỉnh | Ba năm liên tục …"],
        ),
        Variable("total_line", "Dòng tổng số dưới bảng", "Tổng số: 01 tập thể và 01 cá nhân."),
        *nm.signature_variables("signer", "người ký", ["GIÁM ĐỐC"], "", "Đào Trọng Thịnh"),
    ),
    said={"type_name": "Tên loại"},
)


def build_template() -> Document:
    """Returns the list's template: the submission's header, DANH SÁCH with its subject and the
    note tying it to the submission, the table, the total, the head's signature."""
    doc = new_document("Mẫu danh sách đề nghị khen thưởng")
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    add_paragraph(doc, "{{ type_name }}", size=14, bold=True, space_before=12)
    title = add_paragraph(doc, "{{ subject }}", size=14, bold=True)
    note = title.add_run()
    note.add_break()
    note.add_text("{{ note }}")
    note.bold = note.italic = True
    add_rule(doc)
    add_paragraph(doc, size=6)
    annex_table(doc, COLUMNS, "row in rows")
    add_paragraph(doc, size=6)
    total = add_paragraph(doc, "{{ total_line }}", style=BODY_STYLE_NAME, align=None)
    total.paragraph_format.keep_with_next = True  # not alone above the signature
    nm.signature_table(doc, (None, "signer"))
    return doc


def build_context(
    unit: Unit,
    parent: Unit | None,
    nominations: Sequence[Nomination],
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    head: Person,
    submission_number: int,
    submission_date: dt.date,
    year: int,
    province: Unit | None = None,
    chair: str = "",
) -> dict:
    """Returns the list's variables for the `nominations` `unit` proposes in its submission
    numbered `submission_number` on `submission_date`, issued and signed as the submission
    (nominees.submission_issuer: `head` for the unit, `chair` for its council)."""
    issuer = nm.submission_issuer(unit, parent, province, head, chair, nominations)
    symbol = number_and_symbol(submission_number, TYPE_CODE, issuer.abbreviation)
    rows = [
        {
            "number": str(number),
            "name": nm.nominee_name(n, people, units),
            "post": nm.nominee_post(n, people, units),
            "honour": nm.honour_name(n.honour),
            "summary": n.summary,
        }
        for number, n in enumerate(nm.list_order(nominations, people, units), start=1)
    ]
    phrases = [nm.honour_phrase(code) for code, _ in nm.by_honour(nominations)]
    frame = frame_context(
        (issuer.parent_line, issuer.agency),
        number_line(submission_number, TYPE_CODE, issuer.abbreviation),
        header_date(unit.place, submission_date),
    )
    return {
        **frame,
        "type_name": "DANH SÁCH",
        "subject": f"Đề nghị tặng {nm.joined(phrases)} năm {year}",
        "note": f"(Kèm theo Tờ trình số {symbol} ngày {short_date(submission_date)} "
        f"của {issuer.name})",
        "rows": rows,
        "total_line": f"Tổng số: {nm.counts_phrase(nominations)}.",
        **nm.signatures(signer=(issuer.signer_lines, "", issuer.signer_name)),
    }
