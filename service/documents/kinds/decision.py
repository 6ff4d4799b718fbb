"""The province's commendation decision (quyết định khen thưởng) with its annexed list of those
awarded and their reward money: template and context.

The grounds (Căn cứ) are taken by the decision's date: the Law on local government in force
(LOCAL_GOVERNMENT), the emulation Law and its detailing decree in force (domain.law), the
province's own regulation (REGULATIONS). The proposal (Xét đề nghị) is the provincial
emulation office's head's (Giám đốc Sở Nội vụ, who gathers the units' dossiers), the same at
every render. The annexed list has one table per honour; in each, collectives, then people,
then households (the nominee list's order), each kind by the unit that proposed them and then
by name, the unit's name in one cell merged down beside its lines (w:vMerge, set in the
template's row as `{{ row.merge }}`: `restart` on a unit's first line, `continue` after).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.oxml.ns import qn
from docx.table import Table

from service.domain import law
from service.domain.records import Decision, Nomination, Person, Unit
from service.vnformat.dates import header_date, short_date
from service.vnformat.money import format_money, money_line
from service.vnformat.symbols import number_and_symbol, number_line
from service.vnformat.text import upper_vn

from ..layout import (
    Column,
    add_paragraph,
    add_tag,
    annex_heading,
    annex_table,
    footer_table,
    header_table,
    only_if,
    title_block,
)
from ..page import BODY_STYLE_NAME, new_document
from . import nominees as nm
from .base import Variable
from .frame import agency_lines, frame_context, frame_variables, parent_above

TYPE_CODE = "QĐ"
TEMPLATE = "decision.docx"


@dataclass(frozen=True)
class Ground:
    """A Căn cứ line in force from `start` to `end` (None: still), with how sure we are."""

    start: dt.date
    end: dt.date | None
    text: str
    confidence: str

    def in_force(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


# The Law on the organisation of local government, as amended (confidence: the 2015 Law and its
# 2019 amendment high; the two 2025 Laws medium — verify their dates before relying on them).
LOCAL_GOVERNMENT: tuple[Ground, ...] = (
    Ground(dt.date(2016, 1, 1), dt.date(2025, 2, 28),
           "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
           "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
           "ngày 22 tháng 11 năm 2019", "high"),
    Ground(dt.date(2025, 3, 1), dt.date(2025, 6, 30),
           "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025", "medium"),
    Ground(dt.date(2025, 7, 1), None,
           "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "medium"),
)
# Each province's own regulation on emulation and commendation, by the province's place name.
# Sơn La: QĐ 36/2017/QĐ-UBND (Sở Nội vụ Sơn La's notice of 14/11/2017). Confidence low: whether
# a regulation under the 2022 Law has replaced it is not checked — verify before relying on it.
REGULATIONS: dict[str, tuple[Ground, ...]] = {
    "Sơn La": (
        Ground(dt.date(2017, 11, 14), None,
               "Quyết định số 36/2017/QĐ-UBND ngày 04 tháng 11 năm 2017 của Ủy ban nhân dân tỉnh "
               "ban hành Quy chế Thi đua, khen thưởng tỉnh Sơn La", "low"),
    ),
}

COLUMNS = (
    Column("STT", "row.number", 13),
    Column("Đơn vị", "row.unit", 45),
    Column("Họ và tên, chức vụ", "row.name", 72),
    Column("Mức thưởng (đồng)", "row.amount", 35, numeric=True),
)

VARIABLES: tuple[Variable, ...] = (
    *frame_variables(
        **nm.HEADER_EXAMPLES,
        type_name="QUYẾT ĐỊNH",
        subject="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2024",
        body=(
            Variable(
                "authority",
                "Thẩm quyền ban hành (chữ in hoa, đậm, căn giữa) dưới trích yếu",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA",
            ),
            Variable(
                "grounds",
                "Các căn cứ và đề nghị (in nghiêng), mỗi phần tử có lead, text, bold, italic",
                ["Căn cứ Luật Tổ chức chính quyền địa phương …;", "Xét đề nghị của …"],
            ),
            Variable(
                "articles",
                "Các điều: lead (“Điều 1. ” in đậm) và text",
                ["Điều 1. Tặng Bằng khen …", "Điều 2. Tiền thưởng …", "Điều 3. … ./."],
            ),
        ),
        recipient_lines=["- Như Điều 3;", "- Lưu: VT, NC."],
        signer_lines=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signer_name="Nguyễn Hữu Đạt",
    ),
    Variable("annex_heading", "Dòng đầu của danh sách kèm theo", "DANH SÁCH"),
    Variable(
        "annex_title",
        "Tên danh sách, chữ in hoa",
        "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
    ),
    Variable(
        "annex_note",
        "Dòng ghi chú (in nghiêng) gắn danh sách với quyết định",
        "(Kèm theo Quyết định số 3215/QĐ-UBND ngày 27/12/2024 của Chủ tịch Ủy ban nhân dân "
        "tỉnh Sơn La)",
    ),
    Variable(
        "annex_tables",
        "Một bảng cho mỗi hình thức: heading (để trống khi chỉ có một hình thức), rows "
        "(number, unit, merge: restart/continue, name, amount), total_label, total",
        ["Danh hiệu “Chiến sĩ thi đua cấp tỉnh” | 1 | Sở Y tế | Bà Cầm Thị Ánh, Bác sĩ | "
         "7.020.000"],
    ),
    Variable(
        "total_line",
        "Tổng số tiền thưởng bằng số và bằng chữ, dưới danh sách",
        "Tổng số tiền thưởng: 7.020.000 đồng (Bằng chữ: Bảy triệu không trăm hai mươi nghìn "
        "đồng).",
    ),
)


def build_template() -> Document:
    """Returns the decision's template: header, QUYẾT ĐỊNH with its subject, the authority, the
    grounds, `QUYẾT ĐỊNH:`, the articles, Nơi nhận and signer, then on a new page the list:
    one table per honour with its units merged down, a total row, the total in words."""
    doc = new_document("Mẫu quyết định khen thưởng")
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    title_block(doc, type_name="type_name", subject="subject")
    add_paragraph(doc, "{{ authority }}", size=14, bold=True)
    add_paragraph(doc, size=6)
    nm.rich_body(doc, "grounds")
    add_paragraph(doc, "QUYẾT ĐỊNH:", size=14, bold=True, space_before=6)
    add_paragraph(doc, size=6)
    nm.rich_body(doc, "articles")
    footer_table(
        doc,
        recipients="recipient_lines",
        signer_lines="signer_lines",
        signer_name="signer_name",
        copy_mark="copy_mark",
    )
    annex_heading(doc, heading="annex_heading", title="annex_title", note="annex_note")
    add_tag(doc, "{%p for table in annex_tables %}")
    with only_if(doc, "table.heading"):
        add_paragraph(doc, "{{ table.heading }}", size=14, bold=True, align="left", space_before=6)
    _with_merged_units(annex_table(doc, COLUMNS, "row in table.rows"))
    add_paragraph(doc, size=6)
    add_tag(doc, "{%p endfor %}")
    add_paragraph(doc, "{{ total_line }}", style=BODY_STYLE_NAME, align=None)
    return doc


def _with_merged_units(table: Table) -> None:
    """Merge the unit column down its unit's rows (w:vMerge from `row.merge`, text centred
    vertically) and add the total row: a label across three columns, then the amount."""
    unit_cell = table.rows[2].cells[1]
    unit_cell._tc.get_or_add_tcPr().get_or_add_vMerge().set(qn("w:val"), "{{ row.merge }}")
    for cell in table.rows[2].cells:
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    total = table.add_row()
    total._tr.get_or_add_trPr().append(total._tr.makeelement(qn("w:cantSplit"), {}))
    label = total.cells[0].merge(total.cells[2])
    for cell in (label, total.cells[3]):
        for paragraph in cell._tc.p_lst:
            cell._tc.remove(paragraph)
    add_paragraph(label, "{{ table.total_label }}", size=13, bold=True)
    add_paragraph(total.cells[3], "{{ table.total }}", size=13, bold=True, align="right")


def grounds_in_force(on: dt.date, province: str) -> list[str]:
    """Returns the Căn cứ lines in force on `on` (without `Căn cứ` and the `;`): local
    government, the emulation Law and its decree, the province's regulation if known.
    RecordError (domain.law) when no decree is in force."""
    the_law = next(a for a in law.acts_in_force(on) if a.name.startswith("Luật"))
    decree = law.act(law.decree_rules(on).act)
    lines = [g.text for g in LOCAL_GOVERNMENT if g.in_force(on)]
    lines += [the_law.name, f"{decree.name} của Chính phủ quy định chi tiết một số điều của "
                            "Luật Thi đua, khen thưởng"]
    lines += [g.text for g in REGULATIONS.get(province, ()) if g.in_force(on)]
    return lines


def build_context(
    decision: Decision,
    unit: Unit,
    parent: Unit | None,
    nominations: Sequence[Nomination],
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    office: Unit | None,
    number: int,
) -> dict:
    """Returns the decision's variables: `unit` issues `decision` conferring `nominations`
    (listed by honour, kind, proposing unit in the decision's order, name), each paid
    coefficient × base salary in force on the decision's date, rounded as the decree then in
    force says. `office`: the unit whose head proposes the decision (Sở Nội vụ for the
    province), cited in `Xét đề nghị`; None cites the issuing unit's emulation council.
    RecordError (domain.law) for an honour without a reward; ValueError for a bad signer."""
    symbol = number_and_symbol(number, TYPE_CODE, unit.abbreviation)
    issuer = nm.head_title(unit)
    amounts = {n.code: law.reward(n.honour, n.nominee_kind, decision.date).amount
               for n in nominations}
    total = sum(amounts.values())
    forms = nm.by_honour(nominations)
    phrases = [nm.honour_phrase(code) for code, _ in forms]
    subject = decision.subject or f"Về việc tặng {nm.joined(phrases)} năm {decision.year}"
    frame = frame_context(
        agency_lines(unit, parent_above(unit, parent)),
        number_line(number, TYPE_CODE, unit.abbreviation),
        header_date(unit.place, decision.date),
        decision.signer,
        ["Như Điều 3", "Chủ tịch, các Phó Chủ tịch " + _committee_short(unit),
         "Ban Thi đua - Khen thưởng (Sở Nội vụ)", "Lưu: VT, NC"],
    )
    return {
        **frame,
        "type_name": "QUYẾT ĐỊNH",
        "subject": subject,
        "authority": upper_vn(issuer),
        "grounds": _grounds(decision, unit, office),
        "articles": _articles(decision, unit, forms, total),
        "annex_heading": "DANH SÁCH",
        "annex_title": upper_vn(_annex_title(nominations, forms)),
        "annex_note": f"(Kèm theo Quyết định số {symbol} ngày {short_date(decision.date)} của "
        f"{issuer})",
        "annex_tables": [
            _table(code, group, amounts, people, units, len(forms) > 1, index)
            for index, (code, group) in enumerate(forms, start=1)
        ],
        "total_line": f"Tổng số tiền thưởng: {money_line(total)}.",
    }


def _committee_short(unit: Unit) -> str:
    return unit.short_name or unit.name


def _grounds(decision: Decision, unit: Unit, office: Unit | None) -> list[dict]:
    """Returns the Căn cứ lines, then `Xét đề nghị của Giám đốc Sở Nội vụ.`: the office's head
    alone, as Sơn La's decisions cite it when no Tờ trình of the office is on record (the
    register holds none: the units' own Tờ trình go to the office, not to the decision)."""
    lines = [nm.item(f"Căn cứ {text};", italic=True)
             for text in grounds_in_force(decision.date, unit.place)]
    who = nm.head_title(office) if office is not None else nm.council_name(unit)
    lines.append(nm.item(f"Xét đề nghị của {who}.", italic=True))
    return lines


def _articles(
    decision: Decision, unit: Unit, forms: Sequence[tuple[str, list[Nomination]]], total: int
) -> list[dict]:
    given = "; ".join(f"{nm.honour_phrase(code)} cho {nm.counts_phrase(group)}"
                      for code, group in forms)
    everyone = [n for _, group in forms for n in group]
    rules = law.decree_rules(decision.date)
    decree = law.act(rules.act)
    fund = f"Quỹ thi đua, khen thưởng {nm.place_name(unit)} năm {decision.year}"
    office = ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài "
              "chính" if unit.kind == "province" else f"Chánh Văn phòng {unit.name}")
    return [
        nm.item(f"Tặng {given} đã có thành tích xuất sắc trong phong trào thi đua năm "
                f"{decision.year} (có danh sách kèm theo).", "Điều 1. "),
        nm.item(f"Tiền thưởng kèm theo thực hiện theo {rules.reward_article} {decree.name}, "
                f"mức lương cơ sở {format_money(law.base_salary(decision.date))} đồng; tổng số "
                f"tiền thưởng là {money_line(total)}, chi từ nguồn {fund}.", "Điều 2. "),
        nm.item(f"{office}, Thủ trưởng các cơ quan, đơn vị có liên quan và các "
                f"{nm.kinds_phrase(everyone)} có tên tại Điều 1 chịu trách nhiệm thi hành "
                "Quyết định này./.", "Điều 3. ", keep=True),
    ]


def _annex_title(nominations: Sequence[Nomination], forms: Sequence[tuple[str, list]]) -> str:
    who = nm.kinds_phrase(nominations).replace(" và ", ", ")
    if len(forms) == 1:
        return f"{who} được tặng {nm.honour_phrase(forms[0][0])}"
    return f"{who} được khen thưởng"


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _table(
    code: str,
    group: Sequence[Nomination],
    amounts: Mapping[str, int],
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    several: bool,
    index: int,
) -> dict:
    """Returns one honour's table: collectives, people, then households (the nominee list's
    order), each kind by proposing unit (in the decision's order of units), then by name; a
    unit's cell merged down its consecutive lines."""
    position = {code: i for i, code in enumerate(dict.fromkeys(n.unit for n in group))}
    ordered = sorted(nm.in_list_order(group, people, units),  # stable: names stay in order
                     key=lambda n: (nm.KIND_ORDER.index(n.nominee_kind), position[n.unit]))
    rows = []
    for i, n in enumerate(ordered):
        first = i == 0 or ordered[i - 1].unit != n.unit
        proposer = units[n.unit].name if n.unit in units else n.unit
        rows.append({
            "number": str(i + 1),
            "unit": proposer if first else "",
            "merge": "restart" if first else "continue",
            "name": _awarded(n, people, units),
            "amount": format_money(amounts[n.code]),
        })
    subtotal = sum(amounts[n.code] for n in group)
    return {
        "heading": f"{_ROMAN[index - 1]}. {nm.honour_phrase(code)[:1].upper()}"
        f"{nm.honour_phrase(code)[1:]}" if several else "",
        "rows": rows,
        "total_label": "Cộng" if several else "Tổng cộng",
        "total": format_money(subtotal),
    }


def _awarded(n: Nomination, people: Mapping[str, Person], units: Mapping[str, Unit]) -> str:
    """Returns `Bà Cầm Thị Ánh, Bác sĩ`, a collective's name, a household as recorded."""
    if n.nominee_kind == "individual":
        person = people[n.person or ""]
        return ", ".join(filter(None, [f"{nm.honorific(person)} {person.full_name}",
                                       person.position]))
    return nm.nominee_name(n, people, units)
