"""Records in and out of the database: upsert by natural key, load as domain records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.recordset import Located, RecordSet
from ..domain.records import (
    Achievement,
    CouncilVote,
    Decision,
    Movement,
    Nomination,
    Person,
    Registration,
    TargetResults,
    Unit,
    UnitReport,
)
from .models import (
    AchievementRow,
    CouncilVoteRow,
    DecisionRow,
    MovementRow,
    NominationRow,
    PersonRow,
    RegistrationRow,
    TargetResultsRow,
    UnitReportRow,
    UnitRow,
)


@dataclass
class ImportSummary:
    """Counts per kind of record: created, updated, unchanged."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, kind: str, outcome: int) -> None:
        self.counts.setdefault(kind, [0, 0, 0])[outcome] += 1

    @property
    def changed(self) -> int:
        return sum(c[0] + c[1] for c in self.counts.values())

    def lines(self) -> list[str]:
        return [f"{kind}: {c[0]} mới, {c[1]} cập nhật, {c[2]} không đổi"
                for kind, c in self.counts.items()]


CREATED, UPDATED, UNCHANGED = 0, 1, 2


def _data(record: BaseModel) -> dict[str, Any]:
    return record.model_dump(mode="json")


class Ids:
    """Looks up row ids by code, caching within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._units: dict[str, int] = {}
        self._people: dict[str, int] = {}

    def unit(self, code: str) -> int:
        if code not in self._units:
            self._units[code] = self.session.scalars(
                select(UnitRow.id).where(UnitRow.code == code)).one()
        return self._units[code]

    def person(self, code: str) -> int:
        if code not in self._people:
            self._people[code] = self.session.scalars(
                select(PersonRow.id).where(PersonRow.code == code)).one()
        return self._people[code]


def _upsert(session: Session, model: type, where: dict[str, Any], values: dict[str, Any]) -> int:
    row = session.scalars(select(model).filter_by(**where)).one_or_none()
    if row is None:
        session.add(model(**where, **values))
        session.flush()
        return CREATED
    if all(getattr(row, k) == v for k, v in values.items()):
        return UNCHANGED
    for k, v in values.items():
        setattr(row, k, v)
    session.flush()
    return UPDATED


def save_unit(session: Session, unit: Unit, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    parent_id = ids.unit(unit.parent) if unit.parent else None
    return _upsert(session, UnitRow, {"code": unit.code},
                   {"parent_id": parent_id, "name": unit.name, "kind": unit.kind, "data": _data(unit)})


def save_person(session: Session, person: Person, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, PersonRow, {"code": person.code},
                   {"unit_id": ids.unit(person.unit), "full_name": person.full_name,
                    "data": _data(person)})


def save_movement(session: Session, movement: Movement, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, MovementRow, {"year": movement.year},
                   {"unit_id": ids.unit(movement.issuing_unit), "data": _data(movement)})


def save_registration(session: Session, reg: Registration, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, RegistrationRow, {"unit_id": ids.unit(reg.unit), "year": reg.year},
                   {"status": reg.status, "data": _data(reg)})


def save_achievement(session: Session, a: Achievement, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    subject = (f"person:{a.person}" if a.person else f"unit:{a.unit}" if a.unit
               else f"household:{a.household}")
    return _upsert(session, AchievementRow, {"subject": subject, "year": a.year},
                   {"person_id": ids.person(a.person) if a.person else None,
                    "unit_id": ids.unit(a.unit) if a.unit else None, "data": _data(a)})


def save_nomination(session: Session, n: Nomination, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, NominationRow, {"code": n.code},
                   {"unit_id": ids.unit(n.unit), "year": n.year, "status": n.status,
                    "data": _data(n)})


def save_council_vote(session: Session, v: CouncilVote, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, CouncilVoteRow, {"unit_id": ids.unit(v.unit), "year": v.year},
                   {"data": _data(v)})


def save_decision(session: Session, d: Decision, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, DecisionRow, {"code": d.code},
                   {"unit_id": ids.unit(d.unit), "year": d.year, "data": _data(d)})


def save_results(session: Session, r: TargetResults, ids: Ids | None = None) -> int:
    return _upsert(session, TargetResultsRow, {"year": r.year}, {"data": _data(r)})


def save_report(session: Session, r: UnitReport, ids: Ids | None = None) -> int:
    ids = ids or Ids(session)
    return _upsert(session, UnitReportRow, {"unit_id": ids.unit(r.unit), "year": r.year},
                   {"data": _data(r)})


SAVERS: dict[str, Callable[..., int]] = {
    "units": save_unit, "people": save_person, "movements": save_movement,
    "registrations": save_registration, "achievements": save_achievement,
    "nominations": save_nomination, "council_votes": save_council_vote,
    "decisions": save_decision, "results": save_results, "reports": save_report,
}


def _parents_first(units: list[Located]) -> list[Located]:
    by_code = {loc.record.code: loc for loc in units}

    def depth(code: str, seen: frozenset[str] = frozenset()) -> int:
        parent = by_code[code].record.parent if code in by_code else None
        if not parent or parent not in by_code or parent in seen:
            return 0
        return 1 + depth(parent, seen | {code})

    return sorted(units, key=lambda loc: depth(loc.record.code))


def save_recordset(session: Session, rs: RecordSet) -> ImportSummary:
    """Upserts every record of `rs` (units parents first); the caller owns the transaction."""
    summary = ImportSummary()
    ids = Ids(session)
    for attr, saver in SAVERS.items():
        located = getattr(rs, attr)
        if attr == "units":
            located = _parents_first(located)
        for loc in located:
            summary.add(attr, saver(session, loc.record, ids))
    return summary


# --- loading -------------------------------------------------------------------------------

_LOADERS: dict[str, tuple[type, type[BaseModel], Callable[[Any], Any]]] = {
    "units": (UnitRow, Unit, lambda r: r.code),
    "people": (PersonRow, Person, lambda r: r.code),
    "movements": (MovementRow, Movement, lambda r: r.year),
    "registrations": (RegistrationRow, Registration, lambda r: (r.year, r.data["unit"])),
    "achievements": (AchievementRow, Achievement, lambda r: (r.subject, r.year)),
    "nominations": (NominationRow, Nomination, lambda r: r.code),
    "council_votes": (CouncilVoteRow, CouncilVote, lambda r: (r.year, r.data["unit"])),
    "decisions": (DecisionRow, Decision, lambda r: r.code),
    "results": (TargetResultsRow, TargetResults, lambda r: r.year),
    "reports": (UnitReportRow, UnitReport, lambda r: (r.year, r.data["unit"])),
}


def load_all(session: Session, attr: str, **where: Any) -> list[Any]:
    """Returns the records of one kind (optionally filtered by row columns), in a stable order."""
    row_type, schema, order = _LOADERS[attr]
    rows = session.scalars(select(row_type).filter_by(**where)).all()
    return [schema.model_validate(r.data) for r in sorted(rows, key=order)]


def load_recordset(session: Session) -> RecordSet:
    """Returns everything in the store as a record set (for export)."""
    rs = RecordSet()
    for attr in _LOADERS:
        getattr(rs, attr).extend(Located(r, "", ()) for r in load_all(session, attr))
    return rs


def unit(session: Session, code: str) -> Unit | None:
    row = session.scalars(select(UnitRow).where(UnitRow.code == code)).one_or_none()
    return Unit.model_validate(row.data) if row else None


def unit_id(session: Session, code: str) -> int | None:
    return session.scalars(select(UnitRow.id).where(UnitRow.code == code)).one_or_none()


def unit_ids(session: Session) -> dict[str, int]:
    """Returns every unit's row id by its code."""
    return {code: uid for code, uid in session.execute(select(UnitRow.code, UnitRow.id))}


def unit_codes(session: Session) -> set[str]:
    """Returns the codes of every unit in the store."""
    return set(session.scalars(select(UnitRow.code)))


def person_codes(session: Session) -> set[str]:
    """Returns the codes of every person in the store."""
    return set(session.scalars(select(PersonRow.code)))


def person(session: Session, code: str) -> Person | None:
    row = session.scalars(select(PersonRow).where(PersonRow.code == code)).one_or_none()
    return Person.model_validate(row.data) if row else None


def people_of(session: Session, unit_code: str) -> list[Person]:
    uid = unit_id(session, unit_code)
    return [] if uid is None else load_all(session, "people", unit_id=uid)


def movement(session: Session, year: int) -> Movement | None:
    row = session.scalars(select(MovementRow).where(MovementRow.year == year)).one_or_none()
    return Movement.model_validate(row.data) if row else None


def registration(session: Session, unit_code: str, year: int) -> Registration | None:
    uid = unit_id(session, unit_code)
    row = session.scalars(select(RegistrationRow).filter_by(unit_id=uid, year=year)).one_or_none()
    return Registration.model_validate(row.data) if row else None


def results(session: Session, year: int) -> TargetResults | None:
    row = session.scalars(select(TargetResultsRow).filter_by(year=year)).one_or_none()
    return TargetResults.model_validate(row.data) if row else None
