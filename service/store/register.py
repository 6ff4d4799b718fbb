"""The outgoing-document register (sổ văn bản đi): numbers per issuing unit and year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .models import RegisterCounter, RegisterEntry


@dataclass(frozen=True)
class Entry:
    id: int
    unit_id: int
    year: int
    number: int
    symbol: str
    kind: str
    date: dt.date
    subject: str
    file: str
    sha256: str
    pdf_file: str
    record_key: str
    inputs_hash: str


def _entry(row: RegisterEntry) -> Entry:
    return Entry(row.id, row.unit_id, row.year, row.number, row.symbol, row.kind, row.date,
                 row.subject, row.file, row.sha256, row.pdf_file, row.record_key, row.inputs_hash)


def next_number(session: Session, unit_id: int, year: int) -> int:
    """Returns the next number of the unit's register for the year.

    The counter row is updated in place (UPDATE … RETURNING), so concurrent callers serialise on
    the row's write lock and never get the same number; the caller's transaction must commit.
    """
    _ensure_counter(session, unit_id, year)
    stmt = (update(RegisterCounter)
            .where(RegisterCounter.unit_id == unit_id, RegisterCounter.year == year)
            .values(last_number=RegisterCounter.last_number + 1)
            .returning(RegisterCounter.last_number))
    return session.execute(stmt).scalar_one()


def _ensure_counter(session: Session, unit_id: int, year: int) -> None:
    """Creates the counter row if missing, in one statement that two racing callers can both run."""
    used = (select(func.coalesce(func.max(RegisterEntry.number), 0))
            .where(RegisterEntry.unit_id == unit_id, RegisterEntry.year == year)
            .scalar_subquery())
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(RegisterCounter)
                    .values(unit_id=unit_id, year=year, last_number=used)
                    .on_conflict_do_nothing(index_elements=["unit_id", "year"]))


def reserve(session: Session, unit_id: int, year: int, number: int) -> None:
    """Marks `number` used (a document whose number was given outside the register, e.g. the
    imported directive), so the counter never hands it out again."""
    _ensure_counter(session, unit_id, year)
    session.execute(update(RegisterCounter)
                    .where(RegisterCounter.unit_id == unit_id, RegisterCounter.year == year,
                           RegisterCounter.last_number < number)
                    .values(last_number=number))


def record(session: Session, *, unit_id: int, year: int, number: int, symbol: str, kind: str,
           date: dt.date, subject: str, record_key: str = "", inputs_hash: str = "",
           file: str = "", sha256: str = "", pdf_file: str = "") -> Entry:
    """Writes the register line for a numbered document (or updates it when re-rendered)."""
    row = session.scalars(select(RegisterEntry).filter_by(
        unit_id=unit_id, year=year, number=number)).one_or_none()
    if row is None:
        row = RegisterEntry(unit_id=unit_id, year=year, number=number)
        session.add(row)
    row.symbol, row.kind, row.date, row.subject = symbol, kind, date, subject
    row.record_key, row.inputs_hash = record_key, inputs_hash
    row.file, row.sha256, row.pdf_file = file, sha256, pdf_file
    session.flush()
    return _entry(row)


def set_pdf(session: Session, file: str, pdf_file: str) -> None:
    """Notes the PDF made from the document `file` in the register lines that point to it."""
    for row in session.scalars(select(RegisterEntry).filter_by(file=file)):
        row.pdf_file = pdf_file
    session.flush()


def find(session: Session, *, kind: str, record_key: str) -> Entry | None:
    """Returns the newest register line of a record's document (to re-render under its number)."""
    row = session.scalars(select(RegisterEntry).filter_by(kind=kind, record_key=record_key)
                          .order_by(RegisterEntry.id.desc())).first()
    return _entry(row) if row else None


def at(session: Session, unit_id: int, year: int, number: int) -> Entry | None:
    """Returns the register line holding `number` in the unit's register for the year."""
    row = session.scalars(select(RegisterEntry).filter_by(
        unit_id=unit_id, year=year, number=number)).one_or_none()
    return _entry(row) if row else None


def get(session: Session, entry_id: int) -> Entry | None:
    row = session.get(RegisterEntry, entry_id)
    return _entry(row) if row else None


def entries(session: Session, unit_ids: list[int] | None = None, year: int | None = None
            ) -> list[Entry]:
    """Returns register lines, newest year first, then by number."""
    stmt = select(RegisterEntry)
    if unit_ids is not None:
        stmt = stmt.where(RegisterEntry.unit_id.in_(unit_ids))
    if year is not None:
        stmt = stmt.where(RegisterEntry.year == year)
    rows = session.scalars(stmt).all()
    return [_entry(r) for r in sorted(rows, key=lambda r: (-r.year, r.unit_id, r.number))]
