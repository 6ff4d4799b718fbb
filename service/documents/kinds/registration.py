"""A unit's registration letter (bản đăng ký thi đua): a công văn, its template and context.

The letter is the unit's own official document: a công văn (no Tên loại; `V/v đăng ký thi đua
năm 2024` under the number), addressed to the emulation council of the level above the unit (a
commune's to its district's, a body under a Sở to the Sở's, the province's units to the
province's), its people listed in an annex on a new page with the totals by title under the table.

Symbol rule (BODY-UNIT, ND30 Phụ lục I): the body's abbreviation, then the drafting unit — the
office that drafts emulation letters at each level (DRAFTING_UNITS, by the unit's kind): a
department's or agency's office (`SNV-VP`), the province's home-affairs desk of its Văn phòng
(`UBND-NC`), a district's Phòng Nội vụ (`UBND-NV`); a commune has no drafting unit, so its
symbol is just `UBND`.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.shared import Mm

from service.domain.catalogue import BY_CODE
from service.domain.records import Movement, Registration, Unit
from service.domain.registration import sorted_entries, totals_by_title
from service.vnformat.dates import header_date, short_date
from service.vnformat.symbols import number_and_symbol
from service.vnformat.text import nfc, upper_vn

from ..layout import (
    Column,
    add_paragraph,
    add_repeated,
    annex_heading,
    annex_table,
    body_paragraphs,
    footer_table,
    header_table,
    only_if,
)
from ..page import BODY_STYLE_NAME, new_document
from .base import Variable
from .frame import agency_lines, frame_context, frame_variables, parent_above
from .nominees import COUNCIL, place_name

TYPE_CODE: str | None = None  # a công văn has no type name, so no type code in its symbol
TEMPLATE = "registration.docx"

# Who drafts a unit's emulation letters, by the unit's kind (None: the body alone).
DRAFTING_UNITS: dict[str, str | None] = {
    "province": "NC",
    "department": "VP",
    "agency": "VP",
    "district": "NV",
    "commune": None,
}
HOME_AFFAIRS = "Sở Nội vụ"  # the province's emulation office sits in it (Ban TĐKT)
DISTRICT_HOME_AFFAIRS = "Phòng Nội vụ"  # a district's standing office for emulation
_PEOPLES_COMMITTEES = frozenset({"province", "district", "commune"})
# The level word of a People's Committee's place (`huyện` of `huyện Mai Sơn`), longest first.
_LEVEL_WORDS = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")

# Where the addressee block sits: `Kính gửi:` and, under it, one `- …` line per addressee.
_ADDRESSED_MM = 25
_ADDRESSEE_LINES_MM = 47

COLUMNS = (
    # widths (mm, total 165) so that the longest individual title fits on one line
    Column("STT", "row.number", 13),
    Column("Họ và tên", "row.full_name", 40),
    Column("Chức vụ", "row.position", 36),
    Column("Danh hiệu đăng ký", "row.title", 44),
    Column("Hình thức khen thưởng đăng ký", "row.award", 32),
)

VARIABLES: tuple[Variable, ...] = (
    *frame_variables(
        agency="SỞ NỘI VỤ",
        number_line="Số: 05/SNV-VP",
        summary_line="V/v đăng ký thi đua năm 2024",
        date_line="Sơn La, ngày 05 tháng 02 năm 2024",
        body=(
            Variable("addressee_single",
                     "Dòng “Kính gửi” khi chỉ gửi một nơi; để trống khi gửi nhiều nơi",
                     "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Sơn La."),
            Variable("addressee_lines",
                     "Các nơi được kính gửi, mỗi nơi một dòng “- …;” (khi gửi nhiều nơi)",
                     ["- Hội đồng Thi đua - Khen thưởng tỉnh Sơn La;",
                      "- Sở Nội vụ (Ban Thi đua - Khen thưởng)."]),
            Variable("body_paragraphs",
                     "Nội dung: đoạn mở đầu, các mục “1. …”, gạch đầu dòng “- …”, đoạn kết",
                     ["Thực hiện Chỉ thị số 01/CT-UBND …", "1. Danh hiệu thi đua tập thể:",
                      "- Tập thể lao động xuất sắc."]),
        ),
        recipient_lines=["- Hội đồng TĐKT tỉnh;", "- Sở Nội vụ (Ban TĐKT);", "- Lưu: VT, VP."],
        signer_lines=["GIÁM ĐỐC"],
        copy_mark="(Đã ký)",
        signer_name="Lù Văn Pánh",
        said={
            "agency": "Tên cơ quan gửi đăng ký, chữ in hoa; xuống dòng (\\n) khi tên dài",
            "number_line": "Số, ký hiệu của công văn (ký hiệu: cơ quan - đơn vị soạn thảo)",
            "signer_lines": "Quyền hạn, chức vụ người ký (chữ in hoa), mỗi phần tử một dòng",
        },
    ),
    Variable("has_annex", "Có danh sách cá nhân kèm theo hay không (đúng/sai)", True),
    Variable("annex_heading", "Chữ “Phụ lục” ở đầu danh sách kèm theo", "Phụ lục"),
    Variable("annex_title", "Tên danh sách, chữ in hoa",
             "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2024"),
    Variable("annex_note", "Dòng ghi chú gắn danh sách với công văn (in nghiêng)",
             "(Kèm theo Công văn số 05/SNV-VP ngày 05/02/2024 của Sở Nội vụ)"),
    Variable("annex_rows",
             "Các dòng của bảng, theo thứ tự tên tiếng Việt: number (STT), full_name, "
             "position, title (danh hiệu), award (hình thức khen thưởng)",
             ["1 | Bùi Thị Ánh | Chuyên viên | Lao động tiên tiến | Giấy khen"]),
    Variable("annex_totals", "Dòng tổng số dưới bảng, rồi mỗi danh hiệu, hình thức một dòng",
             ["Tổng số: 9 cá nhân đăng ký, trong đó:", "- Lao động tiên tiến: 8 người;"]),
)


def build_template() -> Document:
    """Returns the letter's template: header with the V/v line, Kính gửi, body, Nơi nhận and
    signer, and the annexed list of people on a new page with the totals under it."""
    doc = new_document("Mẫu công văn đăng ký thi đua")
    header_table(doc, parent="parent_agency", agency="agency", number="number_line",
                 date="date_line", summary="summary_line")
    with only_if(doc, "addressee_single"):
        add_paragraph(doc, "{{ addressee_single }}", size=14, space_before=12)
    with only_if(doc, "not addressee_single"):
        first = add_paragraph(doc, "Kính gửi:", size=14, align="left", space_before=12)
        first.paragraph_format.left_indent = Mm(_ADDRESSED_MM)
        add_repeated(doc, "line in addressee_lines", "{{ line }}", size=14, align="left")
        # the repeated paragraph is the one between its two tags: indent it under `Kính gửi:`
        doc.paragraphs[-2].paragraph_format.left_indent = Mm(_ADDRESSEE_LINES_MM)
    add_paragraph(doc, size=6)
    body_paragraphs(doc, "body_paragraphs", keep_last=True)
    footer_table(doc, recipients="recipient_lines", signer_lines="signer_lines",
                 signer_name="signer_name", copy_mark="copy_mark")
    with only_if(doc, "has_annex"):
        annex_heading(doc, heading="annex_heading", title="annex_title", note="annex_note")
        annex_table(doc, COLUMNS, "row in annex_rows")
        add_paragraph(doc, size=6)
        add_repeated(doc, "line in annex_totals", "{{ line }}", style=BODY_STYLE_NAME, align=None)
    return doc


def symbol_parts(unit: Unit) -> tuple[str, str | None]:
    """Returns (body, drafting unit) of the unit's công văn symbol: (`SNV`, `VP`), (`UBND`, None)."""
    return unit.abbreviation, DRAFTING_UNITS.get(unit.kind)


def letter_symbol(number: int, unit: Unit) -> str:
    """Returns `05/SNV-VP`, `03/UBND` (a commune). ValueError for a bad abbreviation."""
    return number_and_symbol(number, TYPE_CODE, *symbol_parts(unit))


def subject(year: int) -> str:
    return f"V/v đăng ký thi đua năm {year}"


def council_level(unit: Unit, parent: Unit | None, province: Unit | None) -> Unit | None:
    """Returns the unit whose emulation council receives `unit`'s registration: its parent in
    the unit tree (a district's People's Committee for a commune, the Sở for a body under it),
    the province for the province itself or a unit without a parent (None: not known)."""
    if unit.kind == "province" or parent is None:
        return province
    return parent


def council_name(level: Unit | None) -> str:
    """Returns the council of a level: `Hội đồng Thi đua - Khen thưởng tỉnh Sơn La`, `… huyện
    Mai Sơn`, `… Sở Nội vụ`; without the place when the level is not known."""
    return COUNCIL if level is None else f"{COUNCIL} {place_name(level)}"


def _level_word(level: Unit | None) -> str:
    """Returns `tỉnh`, `huyện`, `xã` … for a People's Committee, else the body's name (`Sở Nội
    vụ`); `tỉnh` when the level is not known."""
    if level is None:
        return "tỉnh"
    place = place_name(level)
    if level.kind in _PEOPLES_COMMITTEES:
        return next((w for w in _LEVEL_WORDS if place.casefold().startswith(w + " ")), place)
    return nfc(level.short_name or level.name)


def _office(level: Unit | None) -> tuple[str, str, str] | None:
    """Returns the office keeping the level's registrations (its council's standing body) as
    (name, addressee, Nơi nhận line): Sở Nội vụ's Ban TĐKT for the province, the Phòng Nội vụ of
    a district; None for other levels, whose council is written to alone."""
    if level is None or level.kind == "province":
        return (HOME_AFFAIRS, f"{HOME_AFFAIRS} (Ban Thi đua - Khen thưởng)",
                f"{HOME_AFFAIRS} (Ban TĐKT)")
    if level.kind == "district":
        return (DISTRICT_HOME_AFFAIRS, f"{DISTRICT_HOME_AFFAIRS} {place_name(level)}",
                f"{DISTRICT_HOME_AFFAIRS} {_level_word(level)}")
    return None


def _within(office: str, unit: Unit, parent: Unit | None) -> bool:
    """True when the unit is the office (`Sở Nội vụ`, `Phòng Nội vụ huyện …`) or one of its
    parts: it does not write to itself."""
    def named(u: Unit | None) -> bool:
        return u is not None and nfc(u.name).casefold().startswith(office.casefold())

    return named(unit) or named(parent)


def addressees(unit: Unit, parent: Unit | None, province: Unit | None) -> list[str]:
    """Returns who the letter is addressed to: the council of the level above the unit (see
    council_level), and that level's office keeping the registrations (Sở Nội vụ's Ban TĐKT,
    a district's Phòng Nội vụ) unless the unit is that office or one of its parts."""
    level = council_level(unit, parent, province)
    found = [council_name(level)]
    office = _office(level)
    if office is not None and not _within(office[0], unit, parent):
        found.append(office[1])
    return found


def _recipients(unit: Unit, parent: Unit | None, province: Unit | None) -> list[str]:
    level = council_level(unit, parent, province)
    lines = [f"Hội đồng TĐKT {_level_word(level)}"]
    office = _office(level)
    if office is not None and not _within(office[0], unit, parent):
        lines.append(office[2])
    drafting = DRAFTING_UNITS.get(unit.kind)
    lines.append("Lưu: VT" + (f", {drafting}" if drafting else ""))
    return lines


def _opening(reg: Registration, unit: Unit, movement: Movement | None,
             province: Unit | None) -> str:
    if movement is None:
        grounds = f"Thực hiện phong trào thi đua năm {reg.year}"
    else:
        type_name = nfc(movement.type_name).lower().capitalize()
        issuer = (province.short_name or province.name) if province else ""
        by = " ".join(filter(None, [movement.signer.title, issuer]))
        what = movement.subject[:1].lower() + movement.subject[1:]
        grounds = (f"Thực hiện {type_name} số {movement.number:02d}/{movement.symbol} ngày "
                   f"{short_date(movement.date)}" + (f" của {by}" if by else "") + f" về {what}")
    return f"{grounds}, {unit.name} đăng ký thi đua năm {reg.year} như sau:"


def _body(reg: Registration, unit: Unit, movement: Movement | None,
          province: Unit | None, council: str) -> list[str]:
    """Returns the body paragraphs: opening, numbered parts (collective titles, individuals,
    commitments; a part with nothing in it is left out), closing (sent to `council`)."""
    parts: list[tuple[str, list[str]]] = []
    if reg.collective_titles:
        names = [BY_CODE[c].name for c in reg.collective_titles]
        parts.append((f"Danh hiệu thi đua tập thể: {unit.name} đăng ký phấn đấu đạt danh hiệu "
                       + _joined(names, "“", "”") + ".", []))
    if reg.individuals:
        people = len(reg.individuals)
        text = (f"Danh hiệu thi đua, hình thức khen thưởng cá nhân: có {people} cá nhân đăng "
                "ký (có danh sách kèm theo).")
        parts.append((text, []))
    if reg.commitments:
        items = [nfc(c).strip().rstrip(".;") for c in reg.commitments if c.strip()]
        bullets = [f"- {c}{';' if i < len(items) - 1 else '.'}" for i, c in enumerate(items)]
        parts.append(("Nội dung cam kết thực hiện:", bullets))
    lines = [_opening(reg, unit, movement, province)]
    for n, (text, bullets) in enumerate(parts, start=1):
        lines += [f"{n}. {text}", *bullets]
    lines.append(f"Trên đây là bản đăng ký thi đua năm {reg.year} của {unit.name}, kính gửi "
                 f"{council} theo dõi, tổng hợp./.")
    return lines


def _joined(names: Sequence[str], left: str = "", right: str = "") -> str:
    quoted = [f"{left}{n}{right}" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " và " + quoted[-1]


def _annex_rows(reg: Registration) -> list[dict[str, str]]:
    return [
        {"number": str(n), "full_name": e.full_name, "position": e.position,
         "title": BY_CODE[e.title].name if e.title else "",
         "award": BY_CODE[e.award].name if e.award else ""}
        for n, e in enumerate(sorted_entries(reg), start=1)
    ]


def annex_totals(reg: Registration) -> list[str]:
    """Returns `Tổng số: N cá nhân đăng ký, trong đó:` and one `- title: n người;` per title."""
    totals = totals_by_title(reg)
    lines = [f"Tổng số: {len(reg.individuals)} cá nhân đăng ký, trong đó:"]
    lines += [f"- {name}: {count} người{';' if i < len(totals) - 1 else '.'}"
              for i, (_code, name, count) in enumerate(totals)]
    return lines


def build_context(registration: Registration, unit: Unit, parent: Unit | None,
                  province: Unit | None, movement: Movement | None, number: int) -> dict:
    """Returns the letter's variables (see VARIABLES): `unit` registers and signs, `parent` is
    its cơ quan chủ quản (whose council receives the letter, see council_level), `province` the
    province (it issued the directive; its council receives the letters of its own units),
    `movement` the year's directive the letter answers (None: none on record),
    `number` its number in the unit's register.

    Raises ValueError for a registration without signer or date, or a bad symbol or signer.
    """
    reg = registration
    if reg.signer is None or reg.date is None:
        raise ValueError(f"Bản đăng ký năm {reg.year} của {unit.name} chưa có người ký hoặc "
                         "ngày ký")
    symbol = letter_symbol(number, unit)
    to = addressees(unit, parent, province)
    single = len(to) == 1
    frame = frame_context(
        agency_lines(unit, parent_above(unit, parent)),
        f"Số: {symbol}",
        header_date(unit.place, reg.date),
        reg.signer,
        _recipients(unit, parent, province),
    )
    return {
        **frame,
        "summary_line": subject(reg.year),
        "addressee_single": f"Kính gửi: {to[0]}." if single else "",
        "addressee_lines": [] if single else [
            f"- {name}{';' if i < len(to) - 1 else '.'}" for i, name in enumerate(to)],
        "body_paragraphs": _body(reg, unit, movement, province,
                                 council_name(council_level(unit, parent, province))),
        "has_annex": bool(reg.individuals),
        "annex_heading": "Phụ lục",
        "annex_title": upper_vn(f"Danh sách cá nhân đăng ký thi đua năm {reg.year}"),
        "annex_note": f"(Kèm theo Công văn số {symbol} ngày {short_date(reg.date)} "
                      f"của {unit.name})",
        "annex_rows": _annex_rows(reg),
        "annex_totals": annex_totals(reg) if reg.individuals else [],
    }

