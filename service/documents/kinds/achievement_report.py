"""One nominee's achievement report (báo cáo thành tích) on the decree's form for its kind:
template and context.

The form's sections: I. a short record of the person (sơ lược lý lịch) or of the collective
(đặc điểm, tình hình); II. the achievements; III. the titles and awards already received, as a
table of years, honours and deciding acts taken from the nominee's achievement records. The
signatures are the form's: for a person, the head of the unit confirming beside the person
reporting, and the level that proposes the award confirming under them; for a collective, the
proposing level beside the collective's head.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from service.domain import law
from service.domain.catalogue import BY_CODE
from service.domain.records import Achievement, Nomination, Person, ReportSection, Unit
from service.vnformat.dates import header_date
from service.vnformat.symbols import number_line
from service.vnformat.text import nfc, upper_vn

from ..layout import Column, add_paragraph, add_tag, annex_table, header_table, only_if, title_block
from ..page import BODY_STYLE_NAME, new_document
from . import nominees as nm
from .base import Variable
from .frame import agency_lines, frame_context, frame_variables, parent_above

TYPE_CODE = "BC"
TEMPLATE = "achievement_report.docx"

# The decree's report forms by detailing act and nominee kind (yearly achievements). Confidence
# low: numbered as ND 91/2017 numbered them (01 collective, 02 individual), which ND 98/2023 is
# read to keep; verify against each decree's annex. A kind without a form prints no label.
FORMS: dict[tuple[str, str], str] = {
    ("ND98-2023", "collective"): "Mẫu số 01",
    ("ND98-2023", "individual"): "Mẫu số 02",
    ("ND152-2025", "collective"): "Mẫu số 01",
    ("ND152-2025", "individual"): "Mẫu số 02",
}
HONOURS_HEADING = "các hình thức khen thưởng"  # the section whose text the table replaces
ACHIEVEMENTS_HEADING = "thành tích đạt được"
_HOUSEHOLD_HEAD = re.compile(r"^Hộ\s+(?:ông|bà)\s+([^,]+)", re.IGNORECASE)

COLUMNS = (
    Column("Năm", "row.year", 18),
    Column("Danh hiệu thi đua, hình thức khen thưởng", "row.honour", 62),
    Column("Số, ngày, tháng, năm của quyết định; cơ quan ban hành", "row.decision", 85),
)

VARIABLES: tuple[Variable, ...] = (
    Variable("form_label", "Số hiệu mẫu báo cáo (góc phải đầu trang thứ nhất)", "Mẫu số 02"),
    *frame_variables(
        **nm.HEADER_EXAMPLES,
        type_name="BÁO CÁO THÀNH TÍCH",
        subject="ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2024\n"
        "Cầm Thị Ánh, Bác sĩ, Sở Y tế",
        body=(
            Variable(
                "sections",
                "Phần I (sơ lược lý lịch / đặc điểm, tình hình) và II (thành tích đạt được); mỗi "
                "phần tử có lead, text, bold, italic",
                ["I. SƠ LƯỢC LÝ LỊCH", "- Họ và tên: Cầm Thị Ánh"],
            ),
            Variable(
                "honours_heading",
                "Tiêu đề phần III",
                "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
            ),
            Variable(
                "honours_rows",
                "Bảng phần III: year (năm), honour (danh hiệu, hình thức), decision (quyết định)",
                ["2023 | Chiến sĩ thi đua cơ sở | Quyết định số 234/QĐ-SYT ngày 23/12/2023 …"],
            ),
            Variable(
                "honours_text",
                "Phần III bằng lời khi không có bảng (không có bản ghi thành tích)",
                ["Năm 2022: Giấy khen của Chủ tịch UBND huyện …"],
            ),
            *nm.signature_variables(
                "left", "bên trái", ["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"], "(Ký, đóng dấu)",
                "Đào Trọng Thịnh",
            ),
            *nm.signature_variables(
                "right", "bên phải", ["NGƯỜI BÁO CÁO THÀNH TÍCH"], "(Ký, ghi rõ họ và tên)",
                "Cầm Thị Ánh",
            ),
            Variable(
                "confirm_lines",
                "Khối xác nhận của cấp trình khen thưởng dưới hai chữ ký (báo cáo của cá nhân); "
                "để trống khi không có",
                ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"],
            ),
            Variable("confirm_note", "Dòng in nghiêng dưới khối xác nhận", "(Ký, đóng dấu)"),
        ),
        said={
            "type_name": "Tên loại: báo cáo thành tích",
            "subject": "Hình thức đề nghị (dòng 1) và người, tập thể được đề nghị (dòng 2), "
            "cách nhau \\n",
        },
    ),
)


def build_template() -> Document:
    """Returns the report's template: the form's number in the first page's header, the
    proposing unit's header, the title, sections I–II, the table (or text) of III, the
    signatures side by side and the proposing level's confirmation under them."""
    doc = new_document("Mẫu báo cáo thành tích đề nghị khen thưởng")
    label = doc.sections[0].first_page_header.paragraphs[0]
    label.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = label.add_run("{{ form_label }}")
    run.bold, run.font.size = True, Pt(13)
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    title_block(doc, type_name="type_name", subject="subject")
    nm.rich_body(doc, "sections")
    add_paragraph(doc, "{{ honours_heading }}", bold=True, style=BODY_STYLE_NAME, align=None)
    with only_if(doc, "honours_rows"):
        annex_table(doc, COLUMNS, "row in honours_rows")
    with only_if(doc, "not honours_rows"):
        nm.rich_body(doc, "honours_text", keep_last=True)
    nm.signature_table(doc, ("left", "right"))
    with only_if(doc, "confirm_lines"):
        add_paragraph(doc)
    add_tag(doc, "{%p for line in confirm_lines %}")
    add_paragraph(doc, "{{ line }}", size=14, bold=True)
    add_tag(doc, "{%p endfor %}")
    with only_if(doc, "confirm_note"):
        add_paragraph(doc, "{{ confirm_note }}", size=14, italic=True)
    return doc


def form_label(kind: str, on: dt.date) -> str:
    """Returns the form of the decree in force on `on` for a nominee `kind` (`Mẫu số 02`)."""
    return FORMS.get((law.decree_rules(on).act, kind), "")


def build_context(
    nomination: Nomination,
    unit: Unit,
    parent: Unit | None,
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    heads: Mapping[str, Person],
    achievements: Sequence[Achievement],
    date: dt.date,
    number: int,
) -> dict:
    """Returns the report's variables: `unit` proposes `nomination`; `heads` holds the head of
    each unit concerned (by unit code); `achievements` are the nominee's records (any years);
    dated `date`. KeyError when the nominee's person or unit is not in `people`/`units`."""
    n = nomination
    honour = upper_vn(f"Đề nghị tặng {nm.honour_name(n.honour)} năm {n.year}")
    if BY_CODE[n.honour].kind == "title" and not nm.honour_name(n.honour).startswith("Cờ"):
        honour = upper_vn(f"Đề nghị tặng danh hiệu {nm.honour_name(n.honour)} năm {n.year}")
    who = _who(n, people, units)
    rows = _honour_rows(achievements, n.year)
    return {
        "form_label": form_label(n.nominee_kind, date),
        **frame_context(
            agency_lines(unit, parent_above(unit, parent)),
            number_line(number, TYPE_CODE, unit.abbreviation),
            header_date(unit.place, date),
        ),
        "type_name": "BÁO CÁO THÀNH TÍCH",
        "subject": f"{honour}\n{who}",
        "sections": _sections(n.report),
        "honours_heading": "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
        "honours_rows": rows,
        "honours_text": [] if rows else _honours_text(n.report),
        **_signatures(n, unit, people, units, heads),
    }


def _who(n: Nomination, people: Mapping[str, Person], units: Mapping[str, Unit]) -> str:
    """Returns the title's second line: `Cầm Thị Ánh, Bác sĩ, Sở Y tế`; a collective with the
    place of a district or commune above it (`Ủy ban nhân dân xã Chiềng Sơn, huyện Mộc Châu`)."""
    name = nm.nominee_name(n, people, units)
    if n.nominee_kind == "individual":
        return ", ".join(filter(None, [name, nm.nominee_post(n, people, units)]))
    if n.nominee_kind == "collective":
        parent = units.get(units[n.nominee_unit or ""].parent or "")
        if parent is not None and parent.kind != "province":
            return f"{name}, {nm.place_name(parent)}"
    return name


def _is(section: ReportSection, heading: str) -> bool:
    return nfc(section.heading).casefold().startswith(heading)


def _sections(report: Sequence[ReportSection]) -> list[dict]:
    """Returns parts I and II: the first section (a person's record, a collective's situation)
    as I, every other section but the honours one under II."""
    if not report:
        return []
    first, rest = report[0], [s for s in report[1:] if not _is(s, HONOURS_HEADING)]
    items = [nm.item(f"I. {upper_vn(first.heading)}", bold=True), *_record_lines(first.text)]
    items.append(nm.item("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True))
    for section in rest:
        if _is(section, ACHIEVEMENTS_HEADING):
            items.append(nm.item(section.text))
        else:
            items.append(nm.item(section.text, f"{section.heading}: "))
    return items


def _record_lines(text: str) -> list[dict]:
    """Returns `Họ và tên: …; giới tính: …` as the form's lines (`- Họ và tên: …;`), any other
    text as one paragraph."""
    parts = [p.strip().rstrip(".") for p in text.split(";") if p.strip()]
    if len(parts) < 2 or not all(":" in p for p in parts):
        return [nm.item(text)]
    return [nm.item(f"- {p[:1].upper()}{p[1:]}{'.' if i == len(parts) - 1 else ';'}")
            for i, p in enumerate(parts)]


def _honour_rows(achievements: Sequence[Achievement], year: int) -> list[dict]:
    rows = []
    for a in sorted(achievements, key=lambda a: a.year):
        if a.year > year:
            continue
        for earned in a.honours:
            rows.append({"year": str(a.year), "honour": nm.honour_name(earned.code),
                         "decision": earned.decision})
    return rows


def _honours_text(report: Sequence[ReportSection]) -> list[dict]:
    found = [s.text for s in report if _is(s, HONOURS_HEADING)]
    return [nm.item(text) for text in found] or [nm.item("Chưa có.")]


def _signatures(
    n: Nomination,
    unit: Unit,
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    heads: Mapping[str, Person],
) -> dict:
    """Returns the form's signature blocks: (left, right) side by side, and the confirmation
    of the proposing level under them (a person's report only)."""
    proposer_head = heads.get(unit.code)
    proposing = (["XÁC NHẬN CỦA CẤP TRÌNH", "KHEN THƯỞNG"], "(Ký, đóng dấu)",
                 proposer_head.full_name if proposer_head else "")
    confirm: tuple[list[str], str] = ([], "")
    if n.nominee_kind == "individual":
        person = people[n.person or ""]
        head = heads.get(person.unit)
        left = (["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"], "(Ký, đóng dấu)",
                head.full_name if head else "")
        right = (["NGƯỜI BÁO CÁO THÀNH TÍCH"], "(Ký, ghi rõ họ và tên)", person.full_name)
        confirm = (["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"], "(Ký, đóng dấu)")
    elif n.nominee_kind == "collective":
        head = heads.get(n.nominee_unit or "")
        # a unit proposing itself is its own proposing level: no second block
        left = ([], "", "") if n.nominee_unit == unit.code else proposing
        right = (["THỦ TRƯỞNG ĐƠN VỊ"], "(Ký, đóng dấu)", head.full_name if head else "")
    else:
        found = _HOUSEHOLD_HEAD.match(n.household)
        left = proposing
        right = (["ĐẠI DIỆN HỘ GIA ĐÌNH"], "(Ký, ghi rõ họ và tên)",
                 found.group(1).strip() if found else "")
    return {**nm.signatures(left=left, right=right),
            "confirm_lines": confirm[0], "confirm_note": confirm[1]}
