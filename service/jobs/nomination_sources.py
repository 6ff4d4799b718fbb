"""What the nomination documents are made from: a unit's nominations of a year with its
council's vote, the people and units they name, which nominees go up in the dossier, and the
register facts of each document (sources.LOADERS lists the loaders here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..documents.kinds import achievement_report as report_kind
from ..documents.kinds import decision as decision_kind
from ..documents.kinds import minutes as minutes_kind
from ..documents.kinds import nominees as nm
from ..documents.kinds import submission as submission_kind
from ..documents.kinds.registration import HOME_AFFAIRS
from ..domain.errors import Problem, RecordError
from ..domain.records import CouncilVote, Nomination, Person, Unit
from ..store import register
from ..store import repository as repo
from ..vnformat.symbols import number_and_symbol
from ..vnformat.text import nfc
from .selection import check_decision, decision_of, dossier_candidates
from .verdicts import nominee_subject

if TYPE_CHECKING:
    from .sources import Source


@dataclass(frozen=True)
class UnitNominations:
    """A unit's nominations of a year (not rejected) and all that their documents name."""

    unit: Unit
    parent: Unit | None
    province: Unit | None
    head: Person | None
    unit_id: int
    year: int
    nominations: list[Nomination]
    vote: CouncilVote | None
    people: dict[str, Person] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    heads: dict[str, Person] = field(default_factory=dict)  # by unit code


@dataclass(frozen=True)
class Selection:
    """Which nominations go up (jobs.selection.dossier_candidates), in the list's order;
    `left_out` says why each other one stays, `warnings` which going up cannot be judged
    (Vietnamese); `routes` maps every nomination's code to where it goes (domain.ballot)."""

    going_up: list[Nomination]
    left_out: list[tuple[Nomination, str]]
    warnings: list[str] = field(default_factory=list)
    routes: dict[str, str] = field(default_factory=dict)


def _unit(session: Session, code: str) -> tuple[Unit, int]:
    unit = repo.unit(session, code)
    uid = repo.unit_id(session, code)
    if unit is None or uid is None:
        raise RecordError.one(f"không có đơn vị mã “{code}”", field="đơn vị")
    return unit, uid


def _province(session: Session, unit: Unit) -> Unit | None:
    """Returns the province the unit belongs to: up its parents to a unit of kind province."""
    seen: set[str] = set()
    current: Unit | None = unit
    while current is not None and current.kind != "province" and current.code not in seen:
        seen.add(current.code)
        current = repo.unit(session, current.parent) if current.parent else None
    return current


def _add_unit(session: Session, units: dict[str, Unit], code: str | None) -> None:
    if code and code not in units and (found := repo.unit(session, code)) is not None:
        units[code] = found


def unit_nominations(session: Session, unit_code: str, year: int) -> UnitNominations:
    """Returns the unit's nominations of `year` that are not rejected, its council's vote (None
    if not recorded), and the people, units and heads they name. RecordError for an unknown
    unit, or a nominee missing from the records."""
    unit, uid = _unit(session, unit_code)
    nominations = [n for n in repo.load_all(session, "nominations", unit_id=uid, year=year)
                   if n.status != "rejected"]
    votes = repo.load_all(session, "council_votes", unit_id=uid, year=year)
    people: dict[str, Person] = {}
    units: dict[str, Unit] = {unit.code: unit}
    problems = []
    for n in nominations:
        if n.person:
            person = repo.person(session, n.person)
            if person is None:
                problems.append(Problem(f"đề nghị {n.code}: không có cá nhân mã “{n.person}”",
                                        field="cá nhân"))
                continue
            people[person.code] = person
            _add_unit(session, units, person.unit)
        if n.nominee_unit:
            nominee = repo.unit(session, n.nominee_unit)
            if nominee is None:
                problems.append(Problem(f"đề nghị {n.code}: không có đơn vị mã "
                                        f"“{n.nominee_unit}”", field="tập thể được đề nghị"))
                continue
            units[nominee.code] = nominee
            _add_unit(session, units, nominee.parent)
    if problems:
        raise RecordError(problems)
    heads = {code: head for code, u in units.items()
             if u.head and (head := repo.person(session, u.head)) is not None}
    parent = repo.unit(session, unit.parent) if unit.parent else None
    return UnitNominations(unit, parent, _province(session, unit), heads.get(unit.code), uid,
                           year, nominations, votes[0] if votes else None, people, units, heads)


def voted_on(found: UnitNominations) -> list[Nomination]:
    """Returns the nominations the council's minutes hold a vote on ([] without minutes)."""
    voted = {v.nomination for v in found.vote.votes} if found.vote else set()
    return [n for n in found.nominations if n.code in voted]


def missing(found: UnitNominations) -> list[Problem]:
    """Returns what a dossier of the unit lacks: nominations, the council's minutes with votes,
    a head to sign; empty when the dossier can be made."""
    unit, year = found.unit, found.year
    if not found.nominations:
        return [Problem(f"{unit.name} chưa có đề nghị khen thưởng năm {year}: không có gì để "
                        "lập hồ sơ", field="đề nghị")]
    problems = []
    if found.vote is None:
        problems.append(Problem(f"{unit.name} chưa có biên bản họp {nm.council_name(unit)} năm "
                                f"{year} (kết quả bỏ phiếu): hồ sơ cần biên bản", field="biên bản"))
    elif not voted_on(found):
        problems.append(Problem(f"biên bản họp {nm.council_name(unit)} năm {year} chưa có kết quả "
                                "bỏ phiếu cho đề nghị nào", field="phiếu bầu"))
    if found.head is None or not unit.head_title:
        problems.append(Problem(f"{unit.name} chưa có thủ trưởng (họ tên, chức danh) để ký tờ "
                                "trình", field="thủ trưởng"))
    return problems


def select(session: Session, found: UnitNominations) -> Selection:
    """Returns which of the unit's nominations go up in its dossier, by the one rule of the
    web's dossier page (jobs.selection.dossier_candidates: won the council's vote, not found
    ineligible, conferred by the province), in the list's order (nominees.list_order)."""
    candidates = dossier_candidates(session, found.unit.code, found.year)
    going_up = nm.list_order([c.nomination for c in candidates.included], found.people,
                             found.units)
    return Selection(
        going_up, [(c.nomination, c.reason) for c in candidates.excluded], candidates.warnings,
        {c.nomination.code: c.route for c in candidates.included + candidates.excluded})


def _nominations_of(session: Session, year: int, unit: str | None) -> UnitNominations:
    if unit is None:
        raise RecordError.one("văn bản này cần mã đơn vị (--unit)", field="đơn vị")
    return unit_nominations(session, unit, year)


def _required(problems: list[Problem]) -> None:
    if problems:
        raise RecordError(problems)


def _symbol(type_code: str, unit: Unit) -> Callable[[int], str]:
    return lambda n: number_and_symbol(n, type_code, unit.abbreviation)


def minutes_key(year: int, unit: str) -> str:
    return f"minutes:{year}:{unit}"


def submission_key(year: int, unit: str) -> str:
    return f"submission:{year}:{unit}"


def minutes(session: Session, year: int, unit: str | None) -> Source:
    """The minutes of the unit's council meeting of `year`, with the ballot on each nomination
    it voted on and where each goes (`select`: the conclusion counts what the submission
    carries). RecordError without nominations, or minutes with votes."""
    from .sources import Source

    found = _nominations_of(session, year, unit)
    _required([p for p in missing(found) if p.field != "thủ trưởng"])
    assert found.vote is not None
    subject = minutes_kind.subject(found.unit, year)
    return Source(
        args={"vote": found.vote, "unit": found.unit, "parent": found.parent,
              "nominations": voted_on(found), "people": found.people, "units": found.units,
              "routes": select(session, found).routes},
        unit_id=found.unit_id, year=found.vote.date.year, date=found.vote.date, subject=subject,
        record_key=minutes_key(year, found.unit.code),
        symbol=_symbol(minutes_kind.TYPE_CODE, found.unit),
        slug_text=f"biên bản họp hội đồng {found.unit.code} {year}",
    )


def submission(session: Session, year: int, unit: str | None) -> Source:
    """The unit's submission of `year` for the nominees that go up (see `select`), citing the
    minutes when they are numbered. RecordError when the dossier lacks a part, or none goes
    up."""
    from .sources import Source

    found = _nominations_of(session, year, unit)
    _required(missing(found))
    chosen = select(session, found).going_up
    if not chosen:
        raise RecordError.one(f"không có đề nghị nào của {found.unit.name} năm {year} đạt tỷ lệ "
                              "phiếu đồng ý, đủ điều kiện và thuộc thẩm quyền khen thưởng của "
                              "cấp trên để trình", field="đề nghị")
    assert found.vote is not None and found.head is not None
    entry = register.find(session, kind="minutes", record_key=minutes_key(year, found.unit.code))
    subject = submission_kind.subject(chosen, year)
    issuer = nm.submission_issuer(found.unit, found.parent, found.province, found.head,
                                  found.vote.chair, chosen)
    return Source(
        args={"unit": found.unit, "parent": found.parent, "province": found.province,
              "head": found.head, "nominations": chosen, "vote": found.vote,
              "people": found.people, "units": found.units, "date": found.vote.date,
              "minutes_symbol": entry.symbol if entry else ""},
        unit_id=found.unit_id, year=found.vote.date.year, date=found.vote.date, subject=subject,
        record_key=submission_key(year, found.unit.code),
        symbol=lambda n: number_and_symbol(n, submission_kind.TYPE_CODE, issuer.abbreviation),
        slug_text=f"tờ trình đề nghị khen thưởng {found.unit.code} {year}",
    )


def nomination(session: Session, code: str) -> Nomination:
    """Returns nomination `code`; RecordError if there is none."""
    found = repo.load_all(session, "nominations", code=code)
    if not found:
        raise RecordError.one(f"không có đề nghị mã “{code}” (báo cáo thành tích cần mã đề "
                              "nghị, ví dụ --unit DN2024-001)", field="đề nghị")
    return found[0]


def achievement_report(session: Session, year: int, unit: str | None) -> Source:
    """The achievement report of nomination `unit` (its code: one report per nominee), under
    the proposing unit's header, dated the council's meeting (today before it meets).
    RecordError for an unknown nomination or one without report sections."""
    from .sources import Source

    if unit is None:
        raise RecordError.one("báo cáo thành tích cần mã đề nghị (--unit DN…)", field="đề nghị")
    n = nomination(session, unit)
    found = unit_nominations(session, n.unit, n.year)
    if not n.report:
        raise RecordError.one(f"đề nghị {n.code} chưa có báo cáo thành tích (các mục của báo "
                              "cáo)", field="báo cáo thành tích")
    subject_key = nominee_subject(n)
    achievements = repo.load_all(session, "achievements", subject=subject_key)
    date = found.vote.date if found.vote else dt.date.today()
    name = nm.nominee_name(n, found.people, found.units)
    return Source(
        args={"nomination": n, "unit": found.unit, "parent": found.parent,
              "people": found.people, "units": found.units, "heads": found.heads,
              "achievements": achievements, "date": date},
        unit_id=found.unit_id, year=date.year, date=date,
        subject=f"Báo cáo thành tích đề nghị tặng {nm.honour_name(n.honour)}: {name}",
        record_key=f"achievement_report:{n.code}",
        symbol=_symbol(report_kind.TYPE_CODE, found.unit),
        slug_text=f"báo cáo thành tích {n.code}",
    )


def _office(session: Session, issuing: Unit) -> Unit | None:
    """Returns the unit whose head proposes the decision: for the province, its Sở Nội vụ (the
    emulation office that gathers the dossiers); None for another issuer."""
    if issuing.kind != "province":
        return None
    home = nfc(HOME_AFFAIRS).casefold()
    found = [u for u in repo.load_all(session, "units")
             if u.parent == issuing.code and nfc(u.name).casefold() == home]
    return found[0] if found else None


def decision(session: Session, year: int, unit: str | None) -> Source:
    """The commendation decision of `year`: `unit` is a decision's code, or its issuing unit's
    when it issued only one; None when the year has only one (else RecordError listing the
    codes). Numbered as recorded (else by the register). RecordError when there is none, it
    names an unknown nomination, or one it may not confer (jobs.selection.check_decision)."""
    from .sources import Source

    d = decision_of(session, year, unit)
    issuing, uid = _unit(session, d.unit)
    nominations, problems = [], []
    for code in d.nominations:
        found = repo.load_all(session, "nominations", code=code)
        if found:
            nominations.append(found[0])
        else:
            problems.append(Problem(f"quyết định {d.code} nêu đề nghị “{code}” không có trong "
                                    "dữ liệu", field="đề nghị"))
    _required(problems)
    if not nominations:
        raise RecordError.one(f"quyết định {d.code} chưa nêu đề nghị nào", field="đề nghị")
    _required(check_decision(session, d, nominations).refused)
    people: dict[str, Person] = {}
    units: dict[str, Unit] = {issuing.code: issuing}
    for proposer in dict.fromkeys(n.unit for n in nominations):
        found = unit_nominations(session, proposer, year)
        people |= found.people
        units |= found.units
    parent = repo.unit(session, issuing.parent) if issuing.parent else None
    return Source(
        args={"decision": d, "unit": issuing, "parent": parent, "nominations": nominations,
              "people": people, "units": units, "office": _office(session, issuing)},
        unit_id=uid, year=d.date.year, date=d.date,
        subject=d.subject or f"Quyết định khen thưởng năm {year}",
        record_key=f"decision:{d.code}", fixed_number=d.number,
        symbol=_symbol(decision_kind.TYPE_CODE, issuing),
        slug_text=f"quyết định khen thưởng {d.code}",
    )
