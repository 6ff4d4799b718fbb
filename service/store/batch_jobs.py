"""Batch jobs in the database: what the web's progress page reads."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .models import BatchJobRow


@dataclass(frozen=True)
class JobStatus:
    id: int
    kind: str
    year: int
    status: str  # running | done | failed
    total: int
    done: int
    made: int
    skipped: int
    failed: int
    messages: list[str]

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


def _status(row: BatchJobRow) -> JobStatus:
    return JobStatus(row.id, row.kind, row.year, row.status, row.total, row.done, row.made,
                     row.skipped, row.failed, list(row.messages))


def create(session: Session, kind: str, year: int, total: int) -> int:
    row = BatchJobRow(kind=kind, year=year, status="running", total=total, messages=[])
    session.add(row)
    session.flush()
    return row.id


def count(session: Session, job_id: int, status: str, message: str | None = None) -> None:
    """Counts one finished document (`made`, `skipped` or `failed`, with its message)."""
    row = session.get(BatchJobRow, job_id)
    assert row is not None
    row.done += 1
    setattr(row, status, getattr(row, status) + 1)
    if message:
        row.messages = [*row.messages, message]


def finish(session: Session, job_id: int, status: str, notes: list[str]) -> None:
    row = session.get(BatchJobRow, job_id)
    assert row is not None
    row.status = status
    row.messages = [*row.messages, *notes]


def get(session: Session, job_id: int) -> JobStatus | None:
    row = session.get(BatchJobRow, job_id)
    return _status(row) if row else None


def recent(session: Session, limit: int = 20) -> list[JobStatus]:
    rows = session.scalars(select(BatchJobRow).order_by(BatchJobRow.id.desc()).limit(limit))
    return [_status(r) for r in rows]


def mark_interrupted(session: Session) -> int:
    """Marks jobs still `running` as failed (their process is gone); returns how many."""
    result = session.execute(
        update(BatchJobRow).where(BatchJobRow.status == "running")
        .values(status="failed"))
    return result.rowcount or 0
