"""The registration form's input as typed, and the checked registration it describes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from pydantic import ValidationError

from ..domain.catalogue import BY_CODE
from ..domain.errors import Problem, RecordError
from ..domain.records import Person, Registration, RegistrationEntry, Signer, Unit
from ..domain.recordset import vietnamese_message
from ..domain.registration import check_registration, honour_problem
from ..vnformat.signer import signer_lines


@dataclass
class RowInput:
    """One row of the form's list of people, as typed (`person` is a staff code or "")."""

    person: str = ""
    full_name: str = ""
    position: str = ""
    title: str = ""
    award: str = ""

    def is_blank(self) -> bool:
        return not any(v.strip() for v in (self.person, self.full_name, self.position,
                                            self.title, self.award))


@dataclass
class RegistrationInput:
    """What the form holds, as typed; `date` as the user wrote it (dd/mm/yyyy or ISO)."""

    collective_titles: list[str] = field(default_factory=list)
    rows: list[RowInput] = field(default_factory=list)
    commitments: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_title: str = ""
    signer_authority: str = ""
    signer_on_behalf: str = ""
    date: str = ""

    def cleaned(self) -> RegistrationInput:
        """Returns the input without blank rows and blank commitments (rows are renumbered,
        so problems' row numbers match what the form shows again)."""
        return replace(self, rows=[r for r in self.rows if not r.is_blank()],
                       commitments=[c for c in self.commitments if c.strip()],
                       collective_titles=list(dict.fromkeys(c for c in self.collective_titles
                                                            if c.strip())))



def input_of(reg: Registration) -> RegistrationInput:
    """Returns the form input showing a stored registration."""
    signer = reg.signer
    return RegistrationInput(
        collective_titles=list(reg.collective_titles),
        rows=[RowInput(e.person or "", e.full_name, e.position, e.title or "", e.award or "")
              for e in reg.individuals],
        commitments=list(reg.commitments),
        signer_name=signer.name if signer else "",
        signer_title=signer.title if signer else "",
        signer_authority=signer.authority if signer else "",
        signer_on_behalf=signer.on_behalf if signer else "",
        date=reg.date.strftime("%d/%m/%Y") if reg.date else "",
    )



def _date(text: str) -> tuple[dt.date | None, list[Problem]]:
    text = text.strip()
    if not text:
        return None, []
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date(), []
        except ValueError:
            continue
    return None, [Problem(f"Ngày “{text}” không có thật hoặc sai dạng (dùng dd/mm/yyyy, ví dụ "
                          "05/02/2024)", field="date")]


def _signer(data: RegistrationInput) -> tuple[Signer | None, list[Problem]]:
    fields = (data.signer_name, data.signer_title, data.signer_authority, data.signer_on_behalf)
    if not any(v.strip() for v in fields):
        return None, []
    try:
        signer = Signer(name=data.signer_name, title=data.signer_title,
                        authority=data.signer_authority.strip(),  # type: ignore[arg-type]
                        on_behalf=data.signer_on_behalf)
        signer_lines(signer.authority, signer.on_behalf, signer.title)
    except ValidationError as exc:
        labels = {"name": "họ và tên người ký", "title": "chức vụ người ký",
                  "authority": "quyền hạn ký"}
        return None, [Problem(f"{labels.get(str(e['loc'][0]), 'người ký')}: "
                              f"{vietnamese_message(e)}", field="signer") for e in exc.errors()]
    except ValueError as exc:
        return None, [Problem(str(exc), field="signer")]
    return signer, []


def _entries(rows: Sequence[RowInput], staff: Sequence[Person]
             ) -> tuple[list[RegistrationEntry | None], list[Problem]]:
    """Returns one entry per row (None for a row refused; a staff member's name comes from the
    staff list) and a problem for each refused row, at the row or its title/award cell."""
    by_code = {p.code: p for p in staff}
    entries: list[RegistrationEntry | None] = []
    problems: list[Problem] = []
    for n, row in enumerate(rows, start=1):
        person = by_code.get(row.person.strip())
        raw = {"person": person.code if person else (row.person.strip() or None),
               "full_name": person.full_name if person else " ".join(row.full_name.split()),
               "position": " ".join(row.position.split()) or (person.position if person else ""),
               "title": row.title.strip() or None, "award": row.award.strip() or None}
        unknown = [(slot, raw[slot]) for slot in ("title", "award")
                   if raw[slot] and raw[slot] not in BY_CODE]
        for slot, code in unknown:  # the domain's own wording, at the cell
            problems.append(Problem(honour_problem(code, "individual", slot) or "",
                                    field=f"individuals[{n}].{slot}"))
        entry = None
        try:
            entry = None if unknown else RegistrationEntry.model_validate(raw)
        except ValidationError as exc:
            for e in exc.errors():
                where = str(e["loc"][0]) if e["loc"] else ""
                label = {"full_name": "Họ và tên"}.get(where)
                message = vietnamese_message(e)
                problems.append(Problem(f"{label}: {message}" if label else message,
                                        field=f"individuals[{n}]"))
        entries.append(entry)
    return entries, problems


def _placeholder(n: int) -> RegistrationEntry:
    """Stands in for a refused row in the domain's checks, so that their row numbers stay the
    form's; it registers nothing and matches nobody."""
    return RegistrationEntry.model_construct(person=None, full_name=f"\x00dòng {n}",
                                             position="", title=None, award=None)


def build_registration(unit: Unit, year: int, data: RegistrationInput, staff: Sequence[Person],
                       status: str, today: dt.date | None = None) -> Registration:
    """Returns the registration the input describes, checked as the domain asks; a submitted
    one is dated (`data.date`, else `today`). Raises RecordError with every problem, each at
    its field; row numbers are those of `data.cleaned()`."""
    data = data.cleaned()
    problems: list[Problem] = []
    titles = []
    for code in data.collective_titles:
        if code in BY_CODE:
            titles.append(code)
        else:
            problems.append(Problem(honour_problem(code, "collective", "title") or "",
                                    field="collective_titles"))
    found, row_problems = _entries(data.rows, staff)
    entries = [e for e in found if e is not None]
    signer, signer_problems = _signer(data)
    date, date_problems = _date(data.date)
    if status == "submitted" and date is None and not date_problems:
        date = today or dt.date.today()
    problems += row_problems + signer_problems + date_problems
    try:
        reg = Registration(unit=unit.code, year=year, collective_titles=titles,
                           individuals=entries, commitments=data.commitments, signer=signer,
                           date=date, status=status)  # type: ignore[arg-type]
    except ValidationError as exc:  # a commitment with a hidden control character, say
        raise RecordError(_unique(problems + [
            Problem(vietnamese_message(e), field=str(e["loc"][0]) if e["loc"] else None)
            for e in exc.errors()])) from None
    checked = reg.model_copy(update={"individuals": [
        e if e is not None else _placeholder(n) for n, e in enumerate(found, start=1)]})
    problems += [p for p in check_registration(checked, staff)
                 if not (p.field == "signer" and signer_problems)]
    if problems:
        raise RecordError(_unique(problems))
    return reg


def _unique(problems: Sequence[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
