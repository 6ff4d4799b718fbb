"""A unit's submission (tờ trình) proposing its nominees for commendation: template, context.

It goes to whoever confers the honours proposed: from the unit to the province's chairman for
the provincial ones (Bằng khen, CSTĐ cấp tỉnh, TTLĐXS, Cờ thi đua); from the unit's emulation
council to the unit's own head for the base-level ones (LĐTT, CSTĐCS, TTLĐTT, Giấy khen). The
list of nominees is attached (nominee_list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from docx.document import Document

from service.domain import law
from service.domain.records import CouncilVote, Nomination, Person, Unit
from service.vnformat.dates import header_date, short_date
from service.vnformat.symbols import number_line

from ..layout import add_paragraph, footer_table, header_table, title_block
from ..page import new_document
from . import nominees as nm
from .base import Variable
from .frame import Signature, frame_context, frame_variables

TYPE_CODE = "TTr"
TEMPLATE = "submission.docx"

VARIABLES: tuple[Variable, ...] = frame_variables(
    **nm.HEADER_EXAMPLES,
    type_name="TỜ TRÌNH",
    subject="Về việc đề nghị tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm 2024",
    body=(
        Variable(
            "addressee",
            "Dòng “Kính gửi” (người có thẩm quyền khen thưởng)",
            "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Sơn La.",
        ),
        Variable(
            "body",
            "Các đoạn nội dung: căn cứ, đề nghị theo từng hình thức (số lượng), hồ sơ kèm theo, "
            "lời kính trình; mỗi phần tử có lead (phần in đậm đầu đoạn), text, bold, italic",
            ["Căn cứ Luật Thi đua, khen thưởng …",
             "- Danh hiệu “Chiến sĩ thi đua cấp tỉnh”: 01 cá nhân;"],
        ),
    ),
    recipient_lines=["- Như trên;", "- Lưu: VT."],
    signer_lines=["GIÁM ĐỐC"],
    signer_name="Đào Trọng Thịnh",
)

def build_template() -> Document:
    """Returns the submission's template: header, TỜ TRÌNH and its subject, Kính gửi, the body,
    Nơi nhận and the head's signature."""
    doc = new_document("Mẫu tờ trình đề nghị khen thưởng")
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    title_block(doc, type_name="type_name", subject="subject")
    add_paragraph(doc, "{{ addressee }}", size=14)
    add_paragraph(doc, size=6)
    nm.rich_body(doc, "body")
    footer_table(
        doc,
        recipients="recipient_lines",
        signer_lines="signer_lines",
        signer_name="signer_name",
        copy_mark="copy_mark",
    )
    return doc


def subject(nominations: Sequence[Nomination], year: int) -> str:
    """Returns `Về việc đề nghị tặng danh hiệu “…” và Bằng khen … năm 2024`."""
    phrases = [nm.honour_phrase(code) for code, _ in nm.by_honour(nominations)]
    return f"Về việc đề nghị tặng {nm.joined(phrases)} năm {year}"


def build_context(
    unit: Unit,
    parent: Unit | None,
    province: Unit | None,
    head: Person,
    nominations: Sequence[Nomination],
    vote: CouncilVote,
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    date: dt.date,
    number: int,
    minutes_symbol: str = "",
) -> dict:
    """Returns the submission's variables: `unit` proposes `nominations` (those going up, the
    council's `vote` behind them) on `date`; issuer, addressee and signer as
    nominees.submission_issuer says (`head` for the unit, the council's chair for the
    council); `minutes_symbol` (`04/BB-SYT`) cites the minutes when they are numbered.
    ValueError (vnformat) for a bad symbol or a head without a title."""
    issuer = nm.submission_issuer(unit, parent, province, head, vote.chair, nominations)
    recipients = ["Như trên"]
    if any(nm.provincial(n.honour) for n in nominations):
        recipients.append("Ban Thi đua - Khen thưởng tỉnh")
    frame = frame_context(
        (issuer.parent_line, issuer.agency),
        number_line(number, TYPE_CODE, issuer.abbreviation),
        header_date(unit.place, date),
        Signature(issuer.signer_lines, issuer.signer_name),
        recipients,
    )
    return {
        **frame,
        "type_name": "TỜ TRÌNH",
        "subject": subject(nominations, vote.year),
        "addressee": f"Kính gửi: {issuer.addressee}.",
        "body": _body(unit, issuer, nominations, vote, minutes_symbol, date),
    }


def _body(
    unit: Unit,
    issuer: nm.Issuer,
    nominations: Sequence[Nomination],
    vote: CouncilVote,
    minutes_symbol: str,
    date: dt.date,
) -> list[dict]:
    the_law = next(a for a in law.acts_in_force(date) if a.name.startswith("Luật"))
    decree = law.act(law.decree_rules(date).act)
    minutes = f" (Biên bản số {minutes_symbol})" if minutes_symbol else ""
    forms = nm.by_honour(nominations)
    proposals = [
        nm.item(f"- {_capital(nm.honour_phrase(code))}: {nm.counts_phrase(group)}"
                + (";" if i < len(forms) - 1 else "."))
        for i, (code, group) in enumerate(forms)
    ]
    reports = len(nominations)
    return [
        nm.item(f"Căn cứ {the_law.name}; {decree.name} của Chính phủ quy định chi tiết một số "
                "điều của Luật Thi đua, khen thưởng;"),
        nm.item(f"Căn cứ kết quả bình xét, bỏ phiếu của {nm.council_name(unit)} tại cuộc họp "
                f"ngày {short_date(vote.date)}{minutes},"),
        nm.item(f"{issuer.name} kính đề nghị {issuer.addressee} xem xét, tặng:"),
        *proposals,
        nm.item(f"Tổng số: {nm.counts_phrase(nominations)} (có danh sách kèm theo)."),
        nm.item(f"Hồ sơ kèm theo gồm: danh sách đề nghị khen thưởng; biên bản họp "
                f"{nm.council_name(unit)}; {reports:02d} báo cáo thành tích."),
        nm.item(f"{issuer.name} kính trình {issuer.addressee} xem xét, quyết định./.",
                keep=True),
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

