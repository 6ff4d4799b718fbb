"""How the nomination documents (submission, minutes, reports, lists, decision) name their
units, nominees, honours and counts, and the template pieces they share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from docx.document import Document

from service.domain.ballot import PROVINCE_CONFERS, conferred_above
from service.domain.catalogue import BY_CODE, HONOURS, KIND_LABELS
from service.domain.records import Nomination, Person, Unit
from service.vnformat.names import name_sort_key
from service.vnformat.signer import signer_lines
from service.vnformat.text import nfc, upper_vn

from ..layout import HEADER_COLUMNS_MM, add_paragraph, add_tag, borderless_table, kept_whole
from ..page import BODY_STYLE_NAME
from ..rules import fit_lines
from .base import Variable
from .frame import AGENCY_PT, agency_lines, parent_above

_PEOPLES_COMMITTEES = frozenset({"province", "district", "commune"})
_COMMITTEE = "Ủy ban nhân dân"
PROVINCIAL = PROVINCE_CONFERS  # catalogue `given_by` of the honours the province confers
COUNCIL = "Hội đồng Thi đua - Khen thưởng"
COUNCIL_ABBREVIATION = "HĐTĐKT"
KIND_ORDER = ("collective", "individual", "household")  # how counts and lists are ordered
SIGNATURE_COLUMNS_MM = (82.5, 82.5)
SIGNING_LINES = 4  # empty lines left to sign in (LAYOUT.md: 3–4)


# ---------------------------------------------------------------- units and people


def place_name(unit: Unit) -> str:
    """Returns the unit's name without `Ủy ban nhân dân` (`huyện Mai Sơn`, `Sở Y tế`)."""
    name = nfc(unit.name)
    if name.casefold().startswith(_COMMITTEE.casefold() + " "):
        return name[len(_COMMITTEE) + 1 :]
    return name


def council_name(unit: Unit) -> str:
    """Returns `Hội đồng Thi đua - Khen thưởng Sở Y tế` / `… huyện Mai Sơn`."""
    return f"{COUNCIL} {place_name(unit)}"


def head_title(unit: Unit) -> str:
    """Returns the head's post with the unit: `Giám đốc Sở Y tế`, `Chủ tịch Ủy ban nhân dân
    huyện Mai Sơn`; the unit's name alone when its head's title is not recorded."""
    return f"{unit.head_title} {unit.name}" if unit.head_title else unit.name


def head_signer(unit: Unit) -> list[str]:
    """Returns the signing lines of the unit's head: `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH` for a
    People's Committee, the head's own post otherwise. ValueError without a head's title."""
    if not unit.head_title:
        raise ValueError(f"Đơn vị “{unit.name}” chưa ghi chức danh thủ trưởng (head_title).")
    if unit.kind in _PEOPLES_COMMITTEES:
        return signer_lines("TM", _COMMITTEE, unit.head_title)
    return signer_lines("", "", unit.head_title)


def provincial(code: str) -> bool:
    """Returns whether the province confers the honour (else the proposing unit's own head)."""
    return conferred_above(code)


@dataclass(frozen=True)
class Issuer:
    """Who issues a submission and its list, to whom, and who signs: the unit to the province's
    chairman for honours the province confers; for honours its own head confers, the unit's
    emulation council to that head (a unit does not submit to itself)."""

    name: str  # `Sở Y tế`, `Hội đồng Thi đua - Khen thưởng Sở Nội vụ`
    parent_line: str
    agency: str
    abbreviation: str  # the symbol's body: `SYT`, `HĐTĐKT`
    addressee: str
    signer_lines: list[str]
    signer_name: str


def submission_issuer(
    unit: Unit,
    parent: Unit | None,
    province: Unit | None,
    head: Person,
    chair: str,
    nominations: Sequence[Nomination],
) -> Issuer:
    """Returns the issuer of the submission of `nominations` (see Issuer); `chair` chairs the
    unit's council. ValueError when the unit's head has no title."""
    if any(provincial(n.honour) for n in nominations):
        parent_line, agency = agency_lines(unit, parent_above(unit, parent))
        chairman = f"Chủ tịch {province.name}" if province else "Chủ tịch Ủy ban nhân dân tỉnh"
        return Issuer(unit.name, parent_line, agency, unit.abbreviation, chairman,
                      head_signer(unit), head.full_name)
    head_signer(unit)  # the addressee needs the head's title
    return Issuer(
        council_name(unit),
        fit_lines(upper_vn(unit.short_name or unit.name), HEADER_COLUMNS_MM[0], AGENCY_PT),
        "HỘI ĐỒNG\nTHI ĐUA - KHEN THƯỞNG",  # broken as a clerk breaks it, not at the hyphen
        COUNCIL_ABBREVIATION,
        head_title(unit),
        signer_lines("TM", "Hội đồng", "Chủ tịch"),
        chair,
    )


def honorific(person: Person) -> str:
    return "Bà" if person.gender == "nữ" else "Ông"


# ---------------------------------------------------------------- nominees


def nominee_name(n: Nomination, people: Mapping[str, Person], units: Mapping[str, Unit]) -> str:
    """Returns the nominee as a list prints it: a person's full name, a collective's name, the
    household as recorded (`Hộ ông Lò Văn Pánh, bản Nà Lốc, xã Phổng Lái`)."""
    if n.nominee_kind == "individual":
        return people[n.person or ""].full_name
    if n.nominee_kind == "collective":
        return units[n.nominee_unit or ""].name
    return n.household


def nominee_post(n: Nomination, people: Mapping[str, Person], units: Mapping[str, Unit]) -> str:
    """Returns where the nominee stands: `Bác sĩ, Sở Y tế` for a person, the parent body of a
    collective (`Ủy ban nhân dân huyện Mộc Châu`), "" for a household."""
    if n.nominee_kind == "individual":
        person = people[n.person or ""]
        unit = units.get(person.unit)
        return ", ".join(filter(None, [person.position, unit.name if unit else ""]))
    if n.nominee_kind == "collective":
        parent = units.get(units[n.nominee_unit or ""].parent or "")
        return parent.name if parent else ""
    return ""


def _words_key(text: str) -> tuple[bytes, ...]:
    """Returns a key ordering names word by word as a Vietnamese dictionary does (a unit's or a
    household's name is not a person's: it is read from its first word)."""
    return tuple(name_sort_key(word)[0] for word in text.split())


def in_list_order(
    nominations: Iterable[Nomination], people: Mapping[str, Person], units: Mapping[str, Unit]
) -> list[Nomination]:
    """Returns collectives, then people, then households (KIND_ORDER); people in Vietnamese
    name order (given name, middle, family), collectives and households by their names read
    word by word. The one order of every list: the submission's, the decision's."""

    def key(n: Nomination) -> tuple:
        name = nominee_name(n, people, units)
        by_name = name_sort_key(name) if n.nominee_kind == "individual" else _words_key(name)
        return (KIND_ORDER.index(n.nominee_kind), by_name, n.code)

    return sorted(nominations, key=key)


def list_order(
    nominations: Iterable[Nomination], people: Mapping[str, Person], units: Mapping[str, Unit]
) -> list[Nomination]:
    """Returns the nominations as lists print them: by honour (by_honour), each honour's in
    `in_list_order`."""
    return [n for _, group in by_honour(nominations)
            for n in in_list_order(group, people, units)]


def honour_name(code: str) -> str:
    """Returns the honour's name as a document writes it, `UBND` spelt out."""
    return BY_CODE[code].name.replace("UBND", _COMMITTEE)


def honour_phrase(code: str) -> str:
    """Returns what is given: `danh hiệu “Chiến sĩ thi đua cấp tỉnh”`, `Bằng khen của Chủ
    tịch Ủy ban nhân dân tỉnh`, `Cờ thi đua của Ủy ban nhân dân tỉnh` (a flag, not named a
    title in the text)."""
    honour = BY_CODE[code]
    name = honour_name(code)
    if honour.kind == "title" and not name.startswith("Cờ"):
        return f"danh hiệu “{name}”"
    return name


def by_honour(nominations: Iterable[Nomination]) -> list[tuple[str, list[Nomination]]]:
    """Returns the nominations grouped by honour: titles before awards, the higher first."""
    groups: dict[str, list[Nomination]] = {}
    for n in nominations:
        groups.setdefault(n.honour, []).append(n)
    index = {h.code: i for i, h in enumerate(HONOURS)}

    def rank(code: str) -> tuple[bool, int, int]:
        return (BY_CODE[code].kind != "title", -BY_CODE[code].rank, index[code])

    return [(code, groups[code]) for code in sorted(groups, key=rank)]


def count_text(count: int, kind: str) -> str:
    """Returns `01 cá nhân`, `12 tập thể`: counts in documents have two digits at least."""
    return f"{count:02d} {KIND_LABELS[kind]}"


def counts_phrase(nominations: Sequence[Nomination]) -> str:
    """Returns `01 tập thể, 02 cá nhân và 01 hộ gia đình` (kinds with none left out)."""
    parts = [
        count_text(count, kind)
        for kind in KIND_ORDER
        if (count := sum(n.nominee_kind == kind for n in nominations))
    ]
    return joined(parts)


def kinds_phrase(nominations: Sequence[Nomination]) -> str:
    """Returns `tập thể, cá nhân và hộ gia đình`: the kinds of nominee present."""
    present = {n.nominee_kind for n in nominations}
    return joined([KIND_LABELS[kind] for kind in KIND_ORDER if kind in present])


def joined(parts: Sequence[str]) -> str:
    """Returns `a`, `a và b`, `a, b và c`."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} và {parts[-1]}"


# ---------------------------------------------------------------- body items


def item(
    text: str, lead: str = "", *, bold: bool = False, italic: bool = False, keep: bool = False
) -> dict:
    """Returns one body paragraph for `rich_body`: `lead` (bold, e.g. `Điều 1. `) then `text`;
    `keep` keeps it on the page of what follows (the last paragraph with the signature)."""
    return {"lead": lead, "text": text, "bold": bold, "italic": italic, "keep": keep}


def rich_body(doc: Document, items: str, *, keep_last: bool = False) -> None:
    """Append one Body Text paragraph per item of the list `items` (see `item`): a bold lead
    run, then the text run, bold, italic or upright; kept with the next one when `keep` (or,
    with `keep_last`, when it is the last: the closing paragraph before a signature)."""
    add_tag(doc, f"{{%p for item in {items} %}}")
    kept = "(item.keep or loop.last)" if keep_last else "item.keep"
    branches = [
        (f"{kept} and item.bold", True, {"bold": True}),
        (f"{kept} and item.italic", True, {"italic": True}),
        (kept, True, {}),
        ("item.bold", False, {"bold": True}),
        ("item.italic", False, {"italic": True}),
        ("", False, {}),
    ]
    for index, (condition, keep, fmt) in enumerate(branches):
        tag = "if" if index == 0 else "elif" if condition else "else"
        add_tag(doc, f"{{%p {tag} {condition} %}}".replace("  ", " "))
        paragraph = add_paragraph(
            doc, "{{ item.lead }}", bold=True, style=BODY_STYLE_NAME, align=None
        )
        paragraph.paragraph_format.keep_with_next = keep or None
        run = paragraph.add_run("{{ item.text }}")
        run.bold = fmt.get("bold")
        run.italic = fmt.get("italic")
    add_tag(doc, "{%p endif %}")
    add_tag(doc, "{%p endfor %}")


# ---------------------------------------------------------------- signatures side by side


def signature_table(doc: Document, prefixes: Sequence[str | None]) -> None:
    """Append a borderless one-row table with one signature block per prefix, side by side:
    `<prefix>_lines` (upper case, bold), `<prefix>_note` (italic, e.g. `(Ký, đóng dấu)`;
    empty: none), `<prefix>_space` (empty lines to sign in), `<prefix>_name` (bold). A None
    prefix leaves its cell empty. The table stays on one page with the paragraph before."""
    add_paragraph(doc, size=6)
    widths = [sum(SIGNATURE_COLUMNS_MM) / len(prefixes)] * len(prefixes)
    table = borderless_table(doc, widths)
    for cell, prefix in zip(table.rows[0].cells, prefixes, strict=True):
        if prefix is None:
            add_paragraph(cell)
            continue
        add_tag(cell, f"{{%p for line in {prefix}_lines %}}")
        add_paragraph(cell, "{{ line }}", size=14, bold=True)
        add_tag(cell, "{%p endfor %}")
        add_tag(cell, f"{{%p if {prefix}_note %}}")
        add_paragraph(cell, f"{{{{ {prefix}_note }}}}", size=14, italic=True)
        add_tag(cell, "{%p endif %}")
        add_tag(cell, f"{{%p for line in {prefix}_space %}}")
        add_paragraph(cell)
        add_tag(cell, "{%p endfor %}")
        add_paragraph(cell, f"{{{{ {prefix}_name }}}}", size=14, bold=True)
    kept_whole(table)


def signatures(**blocks: tuple[list[str], str, str]) -> dict:
    """Returns the variables of signature blocks side by side, `prefix=(lines, note, name)`:
    each gets room to sign (4 empty lines), more for a shorter block, so the names line up."""
    heights = {p: len(lines) + bool(note) for p, (lines, note, _) in blocks.items()}
    tallest = max(heights.values(), default=0)
    found: dict = {}
    for prefix, (lines, note, name) in blocks.items():
        found |= {f"{prefix}_lines": lines, f"{prefix}_note": note, f"{prefix}_name": name,
                  f"{prefix}_space": [""] * (SIGNING_LINES + tallest - heights[prefix])}
    return found


def signature_variables(prefix: str, who: str, lines: list[str], note: str,
                        name: str) -> tuple[Variable, ...]:
    """Returns the four variables of one signature block (see signature_table)."""
    return (
        Variable(f"{prefix}_lines", f"Chức danh {who}, chữ in hoa, mỗi phần tử một dòng", lines),
        Variable(f"{prefix}_note", f"Dòng ghi chú in nghiêng dưới chức danh {who}; có thể để trống",
                 note),
        Variable(f"{prefix}_space", f"Các dòng trống để {who} ký (mỗi phần tử một dòng)",
                 [""] * SIGNING_LINES),
        Variable(f"{prefix}_name", f"Họ và tên {who}", name),
    )


# The letterhead's examples of the nomination documents' variables (frame.frame_variables).
HEADER_EXAMPLES = {
    "agency": "SỞ Y TẾ",
    "number_line": "Số: 05/TTr-SYT",
    "date_line": "Sơn La, ngày 02 tháng 12 năm 2024",
}
