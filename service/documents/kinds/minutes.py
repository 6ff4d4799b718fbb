"""The minutes of a unit's emulation council meeting (biên bản họp Hội đồng Thi đua - Khen
thưởng): who met, the ballot on each nominee against the law's threshold, the conclusion (who
is proposed to the province, who is the unit's head's to reward, who falls short), signed by
the secretary and the chair side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from docx.document import Document

from service.domain import law
from service.domain import ballot as ballots
from service.domain.ballot import BallotLine, ballot
from service.domain.records import CouncilVote, Nomination, Person, Unit
from service.vnformat.dates import date_words, header_date
from service.vnformat.numbers import format_percent
from service.vnformat.symbols import number_line

from ..layout import Column, add_paragraph, annex_table, header_table, title_block
from ..page import new_document
from . import nominees as nm
from .base import Variable
from .frame import agency_lines, frame_context, frame_variables, parent_above

TYPE_CODE = "BB"
TEMPLATE = "minutes.docx"

COLUMNS = (
    Column("STT", "row.number", 13),
    Column("Họ và tên / Tập thể", "row.name", 44),
    Column("Hình thức đề nghị", "row.honour", 46),
    Column("Số phiếu đồng ý", "row.votes", 22, numeric=True),
    Column("Tỷ lệ", "row.share", 18, numeric=True),
    Column("Kết quả", "row.result", 22),
)

VARIABLES: tuple[Variable, ...] = frame_variables(
    **nm.HEADER_EXAMPLES,
    type_name="BIÊN BẢN",
    subject="Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm 2024",
    body=(
        Variable(
            "opening",
            "Các đoạn mở đầu: thời gian, địa điểm, thành phần, chủ trì, thư ký, nội dung (mỗi phần "
            "tử có lead, text, bold, italic)",
            ["Ngày 02 tháng 12 năm 2024, tại Phòng họp Sở Y tế, …", "I. THÀNH PHẦN"],
        ),
        Variable(
            "ballot_rows",
            "Kết quả bỏ phiếu từng đề nghị: number (STT), name, honour, votes (đồng ý/tổng số "
            "thành viên), share (tỷ lệ), result (Đạt/Không đạt)",
            ["1 | Cầm Thị Ánh | Chiến sĩ thi đua cấp tỉnh | 9/9 | 100% | Đạt"],
        ),
        Variable(
            "closing",
            "Các đoạn sau bảng: tỷ lệ cần đạt theo quy định, kết luận (đề nghị cấp trên khen "
            "thưởng, thuộc thẩm quyền Thủ trưởng đơn vị, không đạt số phiếu), thời gian kết thúc",
            ["Tỷ lệ phiếu đồng ý cần đạt …", "- Đề nghị cấp trên khen thưởng: 02 tập thể;",
             "Cuộc họp kết thúc …"],
        ),
        *nm.signature_variables("secretary", "thư ký", ["THƯ KÝ"], "", "Lò Văn Chỉnh"),
        *nm.signature_variables("chair", "người chủ trì", ["CHỦ TRÌ"], "", "Đào Trọng Thịnh"),
    ),
)


def build_template() -> Document:
    """Returns the minutes' template: header, BIÊN BẢN and its subject, the opening, the ballot
    table, the closing, the secretary's and the chair's signatures side by side."""
    doc = new_document("Mẫu biên bản họp Hội đồng Thi đua - Khen thưởng")
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    title_block(doc, type_name="type_name", subject="subject")
    nm.rich_body(doc, "opening")
    annex_table(doc, COLUMNS, "row in ballot_rows")
    add_paragraph(doc, size=6)
    nm.rich_body(doc, "closing")
    nm.signature_table(doc, ("secretary", "chair"))
    return doc


def percent(share: Fraction) -> str:
    """Returns a share as a percentage, one decimal unless whole: `88,9%`, `100%`."""
    value = Decimal(share.numerator * 100) / Decimal(share.denominator)
    whole = value == value.to_integral_value()
    return format_percent(value, 0 if whole else 1)


def threshold(rule: law.VoteRule) -> str:
    """Returns `ít nhất 90%` / `trên 50%` of all members."""
    return f"{'trên' if rule.strict else 'ít nhất'} {percent(rule.share)}"


def subject(unit: Unit, year: int) -> str:
    """Returns the subject; the unit is in the header, so only the council is named."""
    return f"Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm {year}"


def build_context(
    vote: CouncilVote,
    unit: Unit,
    parent: Unit | None,
    nominations: Sequence[Nomination],
    people: Mapping[str, Person],
    units: Mapping[str, Unit],
    number: int,
    opened_at: str = "",
    closed_at: str = "",
    routes: Mapping[str, str] | None = None,
) -> dict:
    """Returns the minutes' variables: `unit`'s council met as `vote` records and voted on
    `nominations` (each judged by the threshold in force on the meeting's date); `opened_at`,
    `closed_at` (`08 giờ 00`) when the record has them. `routes` (nomination code →
    domain.ballot UP, OWN, INELIGIBLE, SHORT) is where each goes after the vote, as the dossier
    decides it, so the conclusion counts what the submission carries; a code it lacks is
    routed by its vote and honour alone. RecordError (domain) when a nomination has no vote;
    ValueError (vnformat) for a bad symbol."""
    lines = ballot(vote, nominations)
    frame = frame_context(
        agency_lines(unit, parent_above(unit, parent)),
        number_line(number, TYPE_CODE, unit.abbreviation),
        header_date(unit.place, vote.date),
    )
    return {
        **frame,
        "type_name": "BIÊN BẢN",
        "subject": subject(unit, vote.year),
        "opening": _opening(vote, unit, nominations, opened_at),
        "ballot_rows": [_row(i, line, people, units) for i, line in enumerate(lines, start=1)],
        "closing": _closing(vote, unit, lines, closed_at, routes or {}),
        **nm.signatures(secretary=(["THƯ KÝ"], "", vote.secretary),
                        chair=(["CHỦ TRÌ"], "", vote.chair)),
    }


def _row(
    number: int, line: BallotLine, people: Mapping[str, Person], units: Mapping[str, Unit]
) -> dict:
    n = line.nomination
    return {
        "number": str(number),
        "name": nm.nominee_name(n, people, units),
        "honour": nm.honour_name(n.honour),
        "votes": f"{line.votes_for}/{line.members_total}",
        "share": percent(line.share),
        "result": "Đạt" if line.passes else "Không đạt",
    }


def _member(name: str, vote: CouncilVote) -> str:
    roles = [r for r, who in (("chủ trì", vote.chair), ("thư ký", vote.secretary)) if who == name]
    return f"{name} ({', '.join(roles)})" if roles else name


def _opening(
    vote: CouncilVote, unit: Unit, nominations: Sequence[Nomination], opened_at: str
) -> list[dict]:
    when = f"Vào hồi {opened_at}, {date_words(vote.date)}" if opened_at else (
        date_words(vote.date)[:1].upper() + date_words(vote.date)[1:])
    where = f", tại {vote.place}" if vote.place else ""
    present = ", ".join(_member(name, vote) for name in vote.present)
    absent = ", ".join(vote.absent)
    the_law = next(a for a in law.acts_in_force(vote.date) if a.name.startswith("Luật"))
    decree = law.act(law.decree_rules(vote.date).act)
    items = [
        nm.item(f"{when}{where}, {nm.council_name(unit)} họp xét đề nghị khen thưởng năm "
                f"{vote.year}."),
        nm.item("I. THÀNH PHẦN", bold=True),
        nm.item(f"Tổng số thành viên Hội đồng: {vote.members_total:02d} người."),
    ]
    if vote.present:
        items.append(nm.item(f"Có mặt: {len(vote.present):02d}/{vote.members_total:02d} thành "
                             f"viên: {present}."))
    items.append(nm.item(f"Vắng mặt: {len(vote.absent):02d} thành viên: {absent}."
                         if vote.absent else "Vắng mặt: không."))
    items += [
        nm.item(f"Chủ trì: {vote.chair}. Thư ký: {vote.secretary}."),
        nm.item("II. NỘI DUNG", bold=True),
        nm.item(f"Hội đồng nghe báo cáo tóm tắt thành tích của {nm.counts_phrase(nominations)} "
                f"được đề nghị khen thưởng năm {vote.year}; thảo luận, đối chiếu với tiêu chuẩn "
                f"quy định tại {the_law.short} và {decree.name}; bỏ phiếu kín. Tỷ lệ phiếu "
                f"đồng ý tính trên tổng số thành viên Hội đồng ({vote.members_total:02d} người)."),
        nm.item("III. KẾT QUẢ BỎ PHIẾU", bold=True),
    ]
    return items


def _closing(
    vote: CouncilVote,
    unit: Unit,
    lines: Sequence[BallotLine],
    closed_at: str,
    routes: Mapping[str, str],
) -> list[dict]:
    rules: dict[str, law.VoteRule] = {}
    for line in lines:
        rules.setdefault(line.nomination.honour, line.rule)
    needed = "; ".join(f"{nm.honour_name(code)}: {threshold(rule)}" for code, rule in rules.items())
    citation = next(iter(rules.values())).citation if rules else ""
    ended = f"vào hồi {closed_at} cùng ngày" if closed_at else "cùng ngày"
    return [
        nm.item(f"Tỷ lệ phiếu đồng ý cần đạt so với tổng số thành viên Hội đồng ({citation}): "
                f"{needed}."),
        nm.item("IV. KẾT LUẬN", bold=True),
        *_conclusion(unit, lines, routes),
        nm.item(f"Cuộc họp kết thúc {ended}. Biên bản đã được thông qua trước Hội đồng, các "
                "thành viên dự họp nhất trí với nội dung biên bản./.", keep=True),
    ]


def _conclusion(
    unit: Unit, lines: Sequence[BallotLine], routes: Mapping[str, str]
) -> list[dict]:
    """Returns `Hội đồng thống nhất:` and one line per outcome that has nominees: proposed to
    the province (as many as the submission carries), the unit's head's to reward, won the
    vote but short of the criteria, short of the votes."""
    groups: dict[str, list[Nomination]] = {}
    for line in lines:
        n = line.nomination
        where = routes.get(n.code) or ballots.route(n.honour, line.passes, "unknown")
        groups.setdefault(where, []).append(n)
    if not groups.keys() - {ballots.SHORT}:
        return [nm.item("Không có đề nghị nào đạt tỷ lệ phiếu đồng ý theo quy định nên Hội đồng "
                        "không đề nghị khen thưởng.")]
    said = {
        ballots.UP: "Đề nghị cấp trên khen thưởng",
        ballots.OWN: "Thuộc thẩm quyền Thủ trưởng đơn vị, đề nghị "
                     f"{nm.head_title(unit)} xem xét, khen thưởng",
        ballots.INELIGIBLE: "Đạt tỷ lệ phiếu đồng ý nhưng chưa đủ tiêu chuẩn theo quy định, "
                            "không đề nghị khen thưởng",
        ballots.SHORT: "Không đạt số phiếu đồng ý theo quy định, không đề nghị khen thưởng",
    }
    found = [(text, groups[where]) for where, text in said.items() if where in groups]
    return [nm.item("Hội đồng thống nhất:")] + [
        nm.item(f"- {text}: {nm.counts_phrase(group)}{';' if i < len(found) else '.'}")
        for i, (text, group) in enumerate(found, start=1)
    ]
