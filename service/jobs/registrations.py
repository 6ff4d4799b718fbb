"""A unit's registration for the year (đăng ký thi đua): the form, the sheet and the letters.

Web and CLI call these; every refusal is a RecordError whose problems name the form field
(`collective_titles`, `individuals[3]`, `individuals[3].title`, `commitments`, `signer`,
`date`, `sheet`) or the sheet's row, in Vietnamese; errors about the stored records (the
letter, the consolidated list) name their fields in Vietnamese (recordset.in_vietnamese).
The form's input: registration_input.py; the province's overview and consolidated list:
registration_province.py (their names are importable from here too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..domain.errors import RecordError
from ..domain.records import Person, Registration, Unit
from ..domain.recordset import in_vietnamese
from ..domain.registration import entries_from_rows
from ..store import db
from ..store import repository as repo
from ..store.excel import read_registration_sheet, sample_registration_sheet
from .batch import Summary, Task
from .registration_input import RegistrationInput, RowInput, build_registration, input_of
from .registration_province import (
    consolidated_xlsx,
    missing_letters,
    overview,
    summary_document,
)
from .render import Rendered, render_one
from .summary_batch import failure_reason

__all__ = [
    "KIND", "FormData", "RegistrationInput", "RowInput", "batch_tasks", "build_registration",
    "consolidated_xlsx", "finish_batch", "import_sheet", "input_of", "letter", "open_form",
    "overview", "sample_sheet", "save_draft", "submit", "summary_document",
]

KIND = "registration"


@dataclass(frozen=True)
class FormData:
    """What the form page needs: the unit, its staff (for the picker), the stored record and
    the input to show (the stored record's, or a fresh one signed by the unit's head)."""

    unit: Unit
    year: int
    staff: list[Person]
    stored: Registration | None
    input: RegistrationInput


def _unit(session, code: str) -> Unit:  # type: ignore[no-untyped-def]
    unit = repo.unit(session, code)
    if unit is None:
        raise RecordError.one(f"không có đơn vị mã “{code}”", field="unit")
    return unit


def open_form(unit_code: str, year: int, url: str | None = None) -> FormData:
    """Returns the form of `unit_code`'s registration for `year`: the stored one, or a new one
    whose signer is the unit's head. RecordError for an unknown unit."""
    with db.transaction(url) as session:
        unit = _unit(session, unit_code)
        staff = repo.people_of(session, unit_code)
        stored = repo.registration(session, unit_code, year)
        head = repo.person(session, unit.head) if unit.head else None
    if stored is not None:
        data = input_of(stored)
    else:
        data = RegistrationInput(signer_name=head.full_name if head else "",
                                 signer_title=unit.head_title)
    return FormData(unit, year, staff, stored, data)


def _save(unit_code: str, year: int, data: RegistrationInput, status: str, url: str | None,
          today: dt.date | None) -> Registration:
    with db.transaction(url) as session:
        unit = _unit(session, unit_code)
        staff = repo.people_of(session, unit_code)
        reg = build_registration(unit, year, data, staff, status, today)
        repo.save_registration(session, reg)
    return reg


def save_draft(unit_code: str, year: int, data: RegistrationInput, url: str | None = None
               ) -> Registration:
    """Saves the input as the unit's draft for `year` (status draft: not yet sent) and returns
    it. RecordError, with nothing saved, when the input is refused."""
    return _save(unit_code, year, data, "draft", url, None)


def submit(unit_code: str, year: int, data: RegistrationInput, url: str | None = None,
           today: dt.date | None = None) -> Registration:
    """Saves the input as the unit's registration sent to the province (dated `data.date`, else
    today) and returns it. RecordError, the stored record unchanged, when refused."""
    return _save(unit_code, year, data, "submitted", url, today)


def import_sheet(unit_code: str, data: bytes, filename: str, url: str | None = None
                 ) -> list[RowInput]:
    """Returns the rows of an uploaded sheet (columns Họ và tên, Chức vụ, Danh hiệu đăng ký,
    Hình thức khen thưởng), names matched to the unit's staff. Saves nothing. RecordError
    naming the file and each bad row's number (a missing name, an unknown title …)."""
    with db.transaction(url) as session:
        _unit(session, unit_code)
        staff = repo.people_of(session, unit_code)
    numbered = read_registration_sheet(data, filename)
    entries, problems = entries_from_rows([row for _n, row in numbered], staff,
                                          numbered[0][0], lines=[n for n, _r in numbered],
                                          file=filename)
    if problems:
        raise RecordError(problems)
    return [RowInput(e.person or "", e.full_name, e.position, e.title or "", e.award or "")
            for e in entries]


def sample_sheet(unit_code: str, url: str | None = None) -> bytes:
    """Returns the sample .xlsx for the unit (its first staff members as example rows)."""
    with db.transaction(url) as session:
        unit = _unit(session, unit_code)
        staff = repo.people_of(session, unit_code)
    return sample_registration_sheet(unit.name, staff)


def letter(unit_code: str, year: int, url: str | None = None, *, pdf: bool = False
           ) -> Rendered:
    """Renders (or finds unchanged) the unit's registration letter, numbered in its register;
    a PDF left from an earlier rendering is removed when this one has none. RecordError (fields
    named in Vietnamese) when the registration is missing or not yet sent; PdfError when only
    the PDF failed (the .docx stands)."""
    try:
        made = render_one(KIND, year, unit_code, url=url, pdf=pdf)
    except RecordError as exc:
        raise in_vietnamese(exc) from None
    return made


# --- the batch ------------------------------------------------------------------------------


def batch_tasks(year: int, url: str) -> list[Task]:
    """Returns the batch's letters: one per unit whose registration for `year` is sent, in the
    units' code order. Units not registered, and drafts, have no letter (finish_batch counts
    them); a stored registration that no longer reads is listed, so that its failure shows."""
    with db.transaction(url) as session:
        codes = [u.code for u in repo.load_all(session, "units")]
        sent = [code for code in codes if _status(session, code, year) in ("submitted", "?")]
    return [Task(KIND, year, code, url) for code in sent]


def _status(session, code: str, year: int) -> str:  # type: ignore[no-untyped-def]
    """Returns the unit's registration status, "" without one, "?" when it does not read."""
    try:
        reg = repo.registration(session, code, year)
    except ValidationError:
        return "?"
    return reg.status if reg is not None else ""


def finish_batch(summary: Summary, year: int, url: str, output_dir: Path | None) -> list[str]:
    """The registrations batch's last step: who has no letter (not registered, drafts), then
    the consolidated báo cáo; returns the lines to tell the user. A failure of this step is one
    `Lỗi: …` line in Vietnamese, never raised. The báo cáo is named, not its server path."""
    # the báo cáo reads the registrations themselves, not the letters made; only the run's
    # options are taken from them
    pdf = any(o.task.pdf for o in summary.outcomes)
    output = output_dir / f"registration_summary-{year}.docx" if output_dir else None
    try:
        lines = missing_letters(overview(year, url))
        made = summary_document(year, url, pdf=pdf, output=output)
    except Exception as exc:  # noqa: BLE001 - the letters are made; say why the rest is not
        return [f"Lỗi: chưa lập được bản tổng hợp đăng ký thi đua: {failure_reason(exc)}"]
    return [*lines, f"Bản tổng hợp đăng ký thi đua: số {made.symbol} ({made.path.name})"]
