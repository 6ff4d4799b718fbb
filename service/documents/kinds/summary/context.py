"""The summary report's context: a unit's own report or the province's roll-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from service.domain.aggregation import (
    UnitSummary,
    indicator_rows,
    summarise_province,
    summarise_unit,
)
from service.domain.errors import RecordError
from service.domain.records import (
    RATING_LABELS,
    Achievement,
    Decision,
    Movement,
    Nomination,
    Person,
    Registration,
    TargetResults,
    Unit,
    UnitReport,
)
from service.vnformat.dates import header_date, short_date
from service.vnformat.signer import signer_lines
from service.vnformat.symbols import number_and_symbol, number_line
from service.vnformat.text import upper_vn

from ...pictures import Picture
from ..frame import Signature, agency_lines, frame_context, parent_above
from . import tables, text

TYPE_CODE = "BC"
TYPE_NAME = "BÁO CÁO"
CHART_WIDTH_MM = 160.0
CHART_MAX_HEIGHT_MM = 200.0  # with its caption a chart leaves text room on its page (257 mm)
_UBND_KINDS = ("province", "district", "commune")  # signed TM. ỦY BAN NHÂN DÂN, no parent line
_KIND_ORDER = {"province": 0, "department": 1, "agency": 2, "district": 3, "commune": 4}


@dataclass(frozen=True)
class _Report:
    """What differs between a unit's report and the province's roll-up."""

    figures: text.Figures
    chart_one: Picture
    chart_one_caption: str
    chart_two: Picture
    chart_two_caption: str
    annex_title: str
    annex_rows: list[dict[str, str]]


def build_context(
    *,
    unit: Unit,
    parent: Unit | None,
    head: Person | None,
    movement: Movement | None,
    issuer: Unit | None,
    report: UnitReport | None,
    date: dt.date,
    number: int,
    people: Sequence[Person],
    achievements: Sequence[Achievement],
    nominations: Sequence[Nomination],
    decisions: Sequence[Decision],
    year: int,
    registration: Registration | None = None,
    previous_registration: Registration | None = None,
    units: Sequence[Unit] | None = None,
    registrations: Sequence[Registration] = (),
    results: TargetResults | None = None,
) -> dict:
    """Returns the report's variables (see VARIABLES). With `units` it is the province's
    roll-up over the tree under `unit` (the directive's indicators in the annex, `movement`
    required); without, `unit`'s own report (its tallies in the annex). `report` holds the
    narrative the unit wrote (None: sentences written from the figures).

    Raises RecordError when the unit has no head to sign, or the province's report has no
    directive; ValueError (vnformat) for a bad symbol or signer."""
    if units is not None:
        if movement is None:
            raise RecordError.one(f"chưa có chỉ thị phát động thi đua năm {year}", field="year")
        part = _province(
            unit,
            year,
            units,
            registrations,
            people,
            achievements,
            nominations,
            decisions,
            movement,
            results,
        )
    else:
        part = _unit(
            unit,
            year,
            registration,
            previous_registration,
            people,
            achievements,
            nominations,
            decisions,
        )
    return _assemble(part, unit, parent, head, movement, issuer, report, date, number)


def _assemble(
    part: _Report,
    unit: Unit,
    parent: Unit | None,
    head: Person | None,
    movement: Movement | None,
    issuer: Unit | None,
    report: UnitReport | None,
    date: dt.date,
    number: int,
) -> dict:
    fig = part.figures
    sections = report.sections if report else {}
    if head is None:
        raise RecordError.one(f"{unit.name} chưa có thủ trưởng (head) để ký báo cáo", field="head")
    symbol = number_and_symbol(number, TYPE_CODE, unit.abbreviation)
    frame = frame_context(
        agency_lines(unit, parent_above(unit, parent)),
        number_line(number, TYPE_CODE, unit.abbreviation),
        header_date(unit.place, date),
        _signature(unit, head),
        _recipients(unit, parent),
    )
    return {
        **frame,
        "type_name": TYPE_NAME,
        "subject": subject(fig.year),
        "opening": [_opening(unit, movement, issuer, fig.year)],
        "movement_blocks": _movement_blocks(fig, sections.get("ket_qua_phong_trao")),
        "chart_one": part.chart_one,
        "chart_one_caption": part.chart_one_caption,
        **_awards(fig, sections.get("ket_qua_khen_thuong")),
        "chart_two": part.chart_two,
        "chart_two_caption": part.chart_two_caption,
        "strengths": text.narrative(sections.get("uu_diem")) or text.strengths(fig),
        "weaknesses": text.narrative(sections.get("han_che")) or text.weaknesses(fig),
        "next_year": str(fig.year + 1),
        "directions": text.narrative(sections.get("phuong_huong")) or text.directions(fig),
        "closing": [
            (
                f"Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm "
                f"{fig.year} của {unit.name}./."
            )
        ],
        "has_annex": bool(part.annex_rows),
        "annex_heading": "Phụ lục",
        "annex_title": part.annex_title,
        "annex_note": f"(Kèm theo Báo cáo số {symbol} ngày {short_date(date)} của "
        f"{unit.short_name or unit.name})",
        "annex_rows": part.annex_rows,
    }


def _awards(fig: text.Figures, written: str | None) -> dict:
    """Returns section II: its paragraphs around the two tables, and the tables' rows."""
    return {
        "awards_intro": [
            *_plain(text.narrative(written)),
            _bold("1. Kết quả thực hiện danh hiệu thi đua đã đăng ký"),
            _para(text.titles_sentence(fig)),
        ],
        "titles_caption": f"Bảng 1. Kết quả thực hiện đăng ký thi đua năm {fig.year}",
        "titles_rows": tables.title_rows(fig.tallies),
        "awards_middle": [_bold("2. Kết quả khen thưởng"), _para(text.honours_sentence(fig))],
        "honours_caption": f"Bảng 2. Khen thưởng năm {fig.year} theo hình thức và cấp khen thưởng",
        "honours_rows": tables.honour_rows(fig.tallies),
        "awards_after": [
            _bold("3. Sáng kiến"),
            _para(text.initiatives_sentence(fig)),
            _bold("4. Kỷ luật"),
            _para(text.disciplines_sentence(fig)),
            _bold("5. Đề nghị khen thưởng"),
            _para(text.nominations_sentence(fig)),
        ],
    }


def _signature(unit: Unit, head: Person) -> Signature:
    """Returns the head's signature: a People's Committee's signed `TM. ỦY BAN NHÂN DÂN`.
    ValueError (vnformat) when neither the unit nor the head has a post."""
    ubnd = unit.kind in _UBND_KINDS
    authority, on_behalf = ("TM", "Ủy ban nhân dân") if ubnd else ("", "")
    lines = signer_lines(authority, on_behalf, unit.head_title or head.position)
    return Signature(lines, head.full_name)


def unit_order(unit: Unit) -> tuple[int, str]:
    """Sorts sibling units as reports list them: departments, agencies, districts, communes,
    each kind by code."""
    return _KIND_ORDER.get(unit.kind, len(_KIND_ORDER)), unit.code


def subject(year: int) -> str:
    """Returns the report's trích yếu."""
    return f"Tổng kết công tác thi đua, khen thưởng năm {year}"


def _opening(unit: Unit, movement: Movement | None, issuer: Unit | None, year: int) -> str:
    if movement is None:
        grounds = f"Thực hiện phong trào thi đua năm {year}"
    else:
        kind = movement.type_name.lower().capitalize()
        symbol = f"{movement.number:02d}/{movement.symbol}"
        by = ""
        if issuer is not None:
            name = issuer.short_name or issuer.name
            by = (
                f" của {name}"
                if movement.signer.authority == "TM"
                else f" của {movement.signer.title} {name}"
            )
        what = movement.subject[:1].lower() + movement.subject[1:]
        grounds = f"Thực hiện {kind} số {symbol} ngày {short_date(movement.date)}{by} về {what}"
    return (
        f"{grounds}, {unit.name} báo cáo tổng kết công tác thi đua, khen thưởng năm {year} như sau:"
    )


def _movement_blocks(fig: text.Figures, written: str | None) -> list[dict]:
    blocks = [
        *_plain(text.narrative(written)),
        _bold("1. Công tác phát động, đăng ký thi đua"),
        _para(text.registration_sentence(fig)),
    ]
    ratings = text.ratings_sentences(fig)
    if ratings:
        blocks += [_bold("2. Kết quả đánh giá, xếp loại"), *_plain(ratings)]
    indicators = text.indicators_sentences(fig)
    if indicators:
        blocks += [
            _bold(f"{3 if ratings else 2}. Kết quả thực hiện các chỉ tiêu chủ yếu"),
            *_plain(indicators),
        ]
    return blocks


def _bold(words: str) -> dict:
    return {"text": words, "bold": True}


def _para(words: str) -> dict:
    return {"text": words, "bold": False}


def _plain(paragraphs: Sequence[str]) -> list[dict]:
    return [_para(p) for p in paragraphs]


def _recipients(unit: Unit, parent: Unit | None) -> list[str]:
    if parent is None:
        return [
            "Hội đồng Thi đua - Khen thưởng Trung ương (b/c)",
            "Ban Thi đua - Khen thưởng Trung ương (b/c)",
            "Thường trực Tỉnh ủy, HĐND tỉnh (b/c)",
            "Các cơ quan, đơn vị, địa phương trong tỉnh",
            "Lưu: VT",
        ]
    return [
        f"{parent.short_name or parent.name} (b/c)",
        "Hội đồng Thi đua - Khen thưởng đơn vị",
        "Lưu: VT",
    ]


# ---------------------------------------------------------------- the two kinds of report


def _picture(png: bytes, caption: str) -> Picture:
    return Picture(png, CHART_WIDTH_MM, max_height_mm=CHART_MAX_HEIGHT_MM, description=caption)


def _charts() -> ModuleType:
    """Returns the charts module, imported on first use: matplotlib takes a while to load."""
    from ... import charts

    return charts


def _province(
    unit: Unit,
    year: int,
    units: Sequence[Unit],
    registrations: Sequence[Registration],
    people: Sequence[Person],
    achievements: Sequence[Achievement],
    nominations: Sequence[Nomination],
    decisions: Sequence[Decision],
    movement: Movement,
    results: TargetResults | None,
) -> _Report:
    by_unit = {r.unit: r for r in registrations if r.year == year}
    per_unit = [
        summarise_unit(u, year, by_unit.get(u.code), achievements, people, nominations, decisions)
        for u in units
    ]
    province = summarise_province(sorted(units, key=unit_order), per_unit, root=unit.code)
    rows = tuple(indicator_rows(movement, results))
    fig = text.Figures(year, "toàn tỉnh", True, province.totals, rows)
    one = f"Biểu đồ 1. Mức độ thực hiện các chỉ tiêu chủ yếu năm {year} so với kế hoạch (%)"
    two = (
        f"Biểu đồ 2. Danh hiệu thi đua, hình thức khen thưởng đăng ký và đạt được năm "
        f"{year} theo cơ quan, đơn vị"
    )
    items = [
        (
            s.unit.short_name or s.unit.name,
            sum(t.registered for t in s.tallies.titles),
            sum(t.achieved for t in s.tallies.titles),
        )
        for s in province.units
    ]
    return _Report(
        fig,
        _picture(_charts().indicators_chart(rows, title=""), one),
        one,
        _picture(_charts().titles_by_unit_chart(items, title=""), two),
        two,
        upper_vn(f"Kết quả thực hiện các chỉ tiêu chủ yếu năm {year}"),
        tables.indicator_annex(rows),
    )


def _unit(
    unit: Unit,
    year: int,
    registration: Registration | None,
    previous_registration: Registration | None,
    people: Sequence[Person],
    achievements: Sequence[Achievement],
    nominations: Sequence[Nomination],
    decisions: Sequence[Decision],
) -> _Report:
    summary = summarise_unit(unit, year, registration, achievements, people, nominations, decisions)
    previous = _previous(
        unit, year, previous_registration, people, achievements, nominations, decisions
    )
    rating = RATING_LABELS[summary.rating].lower() if summary.rating else ""
    fig = text.Figures(year, unit.name, False, summary.tallies, unit_rating_label=rating)
    one = f"Biểu đồ 1. Danh hiệu thi đua, hình thức khen thưởng đăng ký và đạt được năm {year}"
    two = f"Biểu đồ 2. Danh hiệu thi đua, hình thức khen thưởng năm {year} theo hình thức"
    items = [
        (f"{t.name} ({t.nominee_label})", t.registered, t.achieved) for t in summary.tallies.titles
    ]
    counts = [(h.name, h.total) for h in summary.tallies.honours]
    return _Report(
        fig,
        _picture(_charts().titles_by_unit_chart(items, title=""), one),
        one,
        _picture(_charts().honours_chart(counts, title=""), two),
        two,
        upper_vn(f"Kết quả thực hiện đăng ký thi đua năm {year}"),
        tables.tally_annex(summary.tallies, previous.tallies if previous else None),
    )


def _previous(
    unit: Unit,
    year: int,
    registration: Registration | None,
    people: Sequence[Person],
    achievements: Sequence[Achievement],
    nominations: Sequence[Nomination],
    decisions: Sequence[Decision],
) -> UnitSummary | None:
    """Returns the unit's summary of the year before, None when no record of it is there."""
    staff = {p.code for p in people if p.unit == unit.code}
    if not any(
        a.year == year - 1 and (a.unit == unit.code or a.person in staff) for a in achievements
    ):
        return None
    return summarise_unit(
        unit, year - 1, registration, achievements, people, nominations, decisions
    )
