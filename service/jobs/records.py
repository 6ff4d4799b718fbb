"""Import and export of a directory of YAML records, all or nothing."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import RecordError
from ..domain.recordset import check_references
from ..store import db
from ..store.records_io import read_dir, to_problem, write_dir
from ..store import register
from ..store.repository import (
    ImportSummary,
    load_recordset,
    person_codes,
    save_recordset,
    unit_codes,
    unit_id,
)


def import_dir(directory: Path, url: str | None = None) -> ImportSummary:
    """Validates every file of `directory`, then saves all its records in one transaction.

    Raises RecordError (every problem, with file, line and field) and saves nothing on any error.
    Importing the same directory twice changes nothing the second time.
    """
    rs, sources, problems = read_dir(Path(directory))
    with db.transaction(url) as session:
        findings = check_references(rs, unit_codes(session), person_codes(session))
        # references are checked among the valid records too, so one run reports everything
        problems += [to_problem(f, sources) for f in findings]
        if problems:
            raise RecordError(problems)
        summary = save_recordset(session, rs)
        _reserve_given_numbers(session, rs)
        return summary


def _reserve_given_numbers(session, rs) -> None:  # type: ignore[no-untyped-def]
    """Documents imported with their number already given (the directive) keep it: the
    register must never hand that number to another document."""
    for movement in rs.records("movements"):
        uid = unit_id(session, movement.issuing_unit)
        if uid is not None:
            register.reserve(session, uid, movement.date.year, movement.number)


def export_dir(directory: Path, url: str | None = None) -> list[Path]:
    """Writes every record in the store as YAML files into `directory`; returns the files."""
    with db.transaction(url) as session:
        rs = load_recordset(session)
    return write_dir(rs, Path(directory))
