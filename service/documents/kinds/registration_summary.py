"""The province's consolidated registrations (tổng hợp đăng ký thi đua): a báo cáo whose annex
lists what each unit registered, with the totals; its template and context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx.document import Document

from service.domain.catalogue import BY_CODE, HONOURS
from service.domain.records import Movement, Registration, Signer, Unit
from service.vnformat.dates import header_date, short_date
from service.vnformat.numbers import format_number
from service.vnformat.symbols import number_and_symbol, number_line
from service.vnformat.text import nfc, upper_vn

from ..layout import (
    Column,
    annex_heading,
    annex_table,
    body_paragraphs,
    footer_table,
    header_table,
    title_block,
)
from ..page import new_document
from .base import Variable
from .frame import agency_lines, frame_context, frame_variables
from .registration import council_name

TYPE_CODE = "BC"
TEMPLATE = "registration_summary.docx"
STATUS_NOTES = {"draft": "Đang soạn, chưa gửi", "": "Chưa đăng ký"}

COLUMNS = (
    Column("STT", "row.number", 13),
    Column("Cơ quan, đơn vị", "row.unit", 38),
    # wide enough for “Tập thể lao động xuất sắc” on one line
    Column("Danh hiệu thi đua tập thể đăng ký", "row.collective", 52),
    # one line per title/award (`Lao động tiên tiến: 8`): five count columns would not fit
    # the portrait page, and a landscape annex is left for the engine to support
    Column("Cá nhân đăng ký", "row.individuals", 62),
)

VARIABLES: tuple[Variable, ...] = (
    *frame_variables(
        agency="SỞ NỘI VỤ",
        number_line="Số: 12/BC-SNV",
        date_line="Sơn La, ngày 15 tháng 3 năm 2024",
        type_name="BÁO CÁO",
        subject="Tổng hợp đăng ký thi đua năm 2024",
        body=(
            Variable("body_paragraphs",
                     "Nội dung: đoạn mở đầu, các mục “1. …”, gạch đầu dòng “- …”",
                     ["Thực hiện Chỉ thị số 01/CT-UBND …", "1. Tình hình đăng ký: …"]),
        ),
        recipient_lines=["- UBND tỉnh (b/c);", "- Lưu: VT, BTĐKT."],
        signer_lines=["GIÁM ĐỐC"],
        copy_mark="(Đã ký)",
        signer_name="Lù Văn Pánh",
        said={
            "agency": "Tên cơ quan tổng hợp, chữ in hoa",
            "number_line": "Số, ký hiệu của báo cáo",
            "type_name": "Tên loại văn bản, chữ in hoa",
        },
    ),
    Variable("annex_heading", "Chữ “Phụ lục”", "Phụ lục"),
    Variable("annex_title", "Tên phụ lục, chữ in hoa",
             "TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2024\nCỦA CÁC CƠ QUAN, ĐƠN VỊ"),
    Variable("annex_note", "Dòng ghi chú gắn phụ lục với báo cáo (in nghiêng)",
             "(Kèm theo Báo cáo số 12/BC-SNV ngày 15/03/2024 của Sở Nội vụ)"),
    Variable("annex_rows",
             "Các dòng của bảng, mỗi đơn vị một dòng, dòng cuối là tổng cộng: number (STT), "
             "unit (đơn vị), collective (danh hiệu tập thể, mỗi dòng một danh hiệu), "
             "individuals (tổng số và số người theo từng danh hiệu, mỗi dòng một danh hiệu)",
             [("1 | Sở Nội vụ | Tập thể lao động xuất sắc | Tổng số: 9 người\n"
              "Lao động tiên tiến: 8")]),
)


def build_template() -> Document:
    """Returns the template: header, BÁO CÁO and its trích yếu, body, Nơi nhận and signer, then
    on a new page the annex table of units with what they registered and a totals row."""
    doc = new_document("Mẫu báo cáo tổng hợp đăng ký thi đua")
    header_table(doc, parent="parent_agency", agency="agency", number="number_line",
                 date="date_line")
    title_block(doc, type_name="type_name", subject="subject")
    body_paragraphs(doc, "body_paragraphs", keep_last=True)
    footer_table(doc, recipients="recipient_lines", signer_lines="signer_lines",
                 signer_name="signer_name", copy_mark="copy_mark")
    annex_heading(doc, heading="annex_heading", title="annex_title", note="annex_note")
    annex_table(doc, COLUMNS, "row in annex_rows")
    return doc


def _count_line(count: int, noun: str, last: bool, name: str) -> str:
    return f"- {name}: {format_number(count)} {noun}{'.' if last else ';'}"


def _counts(regs: Sequence[Registration]) -> tuple[dict[str, int], dict[str, int]]:
    """Returns ({collective title: units}, {individual title/award: people}) in catalogue order."""
    collective: dict[str, int] = {}
    individual: dict[str, int] = {}
    for reg in regs:
        for code in dict.fromkeys(reg.collective_titles):
            collective[code] = collective.get(code, 0) + 1
        for entry in reg.individuals:
            for code in {entry.title, entry.award} - {None}:
                individual[code] = individual.get(code, 0) + 1  # type: ignore[index]
    order = [h.code for h in HONOURS]
    return ({c: collective[c] for c in order if c in collective},
            {c: individual[c] for c in order if c in individual})


def _body(year: int, units: Sequence[Unit], submitted: Sequence[Registration],
          issuer: Unit, movement: Movement | None, province: Unit | None,
          date: dt.date) -> list[str]:
    registered = {r.unit for r in submitted}
    missing = [u.name for u in units if u.code not in registered]
    if movement is None:
        grounds = f"Thực hiện phong trào thi đua năm {year}"
    else:
        issuer_name = (province.short_name or province.name) if province else ""
        by = " ".join(filter(None, [movement.signer.title, issuer_name]))
        grounds = (f"Thực hiện {nfc(movement.type_name).lower().capitalize()} số "
                   f"{movement.number:02d}/{movement.symbol} ngày {short_date(movement.date)}"
                   + (f" của {by}" if by else "")
                   + f" về {movement.subject[:1].lower()}{movement.subject[1:]}")
    lines = [(f"{grounds}, {issuer.name} tổng hợp kết quả đăng ký thi đua năm {year} của các "
             "cơ quan, đơn vị như sau:"),
             f"1. Tình hình đăng ký: đến ngày {short_date(date)}, có {len(registered)}/"
             f"{len(units)} cơ quan, đơn vị đã gửi bản đăng ký thi đua"
             + ("." if not missing else f"; {len(missing)} cơ quan, đơn vị chưa gửi: "
                + ", ".join(missing) + ".")]
    collective, individual = _counts(submitted)
    lines.append("2. Danh hiệu thi đua tập thể đăng ký:" if collective
                 else "2. Danh hiệu thi đua tập thể đăng ký: không có.")
    lines += [_count_line(n, "tập thể", i == len(collective) - 1, BY_CODE[c].name)
              for i, (c, n) in enumerate(collective.items())]
    people = sum(len(r.individuals) for r in submitted)
    lines.append(f"3. Cá nhân đăng ký: tổng số {format_number(people)} cá nhân"
                 + (", trong đó:" if individual else "."))
    lines += [_count_line(n, "người", i == len(individual) - 1, BY_CODE[c].name)
              for i, (c, n) in enumerate(individual.items())]
    lines.append("(Có phụ lục tổng hợp chi tiết kèm theo)")
    lines.append(f"Trên đây là báo cáo tổng hợp đăng ký thi đua năm {year}, {issuer.name} "
                 f"kính báo cáo {council_name(province)}./.")
    return lines


def _individual_lines(regs: Sequence[Registration]) -> str:
    """Returns `N cá nhân` then one line per title/award (`Lao động tiên tiến: 8`)."""
    people = sum(len(r.individuals) for r in regs)
    if not people:
        return "Không có"
    _collective, counts = _counts(regs)
    return "\n".join([f"Tổng số: {format_number(people)} người",
                      *(f"{BY_CODE[c].name}: {format_number(n)}" for c, n in counts.items())])


def _rows(units: Sequence[Unit], regs: Sequence[Registration]) -> list[dict[str, str]]:
    """Returns one row per unit (what it registered, or why nothing), then the totals row."""
    by_unit = {r.unit: r for r in regs}
    sent = [r for r in regs if r.status == "submitted"]
    rows = []
    for n, unit in enumerate(units, start=1):
        reg = by_unit.get(unit.code)
        if reg is None or reg.status != "submitted":
            note = STATUS_NOTES[reg.status if reg else ""]
            rows.append({"number": str(n), "unit": unit.name, "collective": note,
                         "individuals": ""})
            continue
        rows.append({"number": str(n), "unit": unit.name,
                     "collective": "\n".join(BY_CODE[c].name for c in reg.collective_titles)
                     or "Không đăng ký",
                     "individuals": _individual_lines([reg])})
    collective, _individual = _counts(sent)
    rows.append({"number": "", "unit": f"Tổng cộng: {len(sent)}/{len(units)} đơn vị đã đăng ký",
                 "collective": "\n".join(f"{BY_CODE[c].name}: {format_number(k)}"
                                         for c, k in collective.items()),
                 "individuals": _individual_lines(sent)})
    return rows


def build_context(year: int, units: Sequence[Unit], registrations: Sequence[Registration],
                  issuer: Unit, parent: Unit | None, signer: Signer, province: Unit | None,
                  movement: Movement | None, date: dt.date, number: int) -> dict:
    """Returns the summary's variables (see VARIABLES): `units` are listed in the order given,
    `registrations` are the year's (drafts count as not sent), `issuer` makes the report
    (`parent` its cơ quan chủ quản), `number` its number in the issuer's register.

    Raises ValueError (from vnformat) for a bad symbol or signer."""
    submitted = [r for r in registrations if r.status == "submitted"]
    symbol = number_and_symbol(number, TYPE_CODE, issuer.abbreviation)
    frame = frame_context(
        agency_lines(issuer, parent),
        number_line(number, TYPE_CODE, issuer.abbreviation),
        header_date(issuer.place, date),
        signer,
        ["Hội đồng TĐKT tỉnh (b/c)", "UBND tỉnh (b/c)", "Các cơ quan, đơn vị", "Lưu: VT, BTĐKT"],
    )
    return {
        **frame,
        "type_name": "BÁO CÁO",
        "subject": subject(year),
        "body_paragraphs": _body(year, units, submitted, issuer, movement, province, date),
        "annex_heading": "Phụ lục",
        "annex_title": upper_vn(f"Tổng hợp đăng ký thi đua năm {year}\ncủa các cơ quan, đơn vị"),
        "annex_note": f"(Kèm theo Báo cáo số {symbol} ngày {short_date(date)} của {issuer.name})",
        "annex_rows": _rows(units, registrations),
    }


def subject(year: int) -> str:
    return f"Tổng hợp đăng ký thi đua năm {year}"


_KIND_ORDER = ("province", "department", "agency", "district", "commune")


def units_in_order(units: Sequence[Unit]) -> list[Unit]:
    """Returns the units as the province lists them: the province, its departments and
    agencies, districts, then communes; by code within each."""
    rank = {kind: i for i, kind in enumerate(_KIND_ORDER)}
    return sorted(units, key=lambda u: (rank.get(u.kind, len(rank)), u.code))
