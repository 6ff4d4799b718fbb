"""A unit's registration for the year (đăng ký thi đua): the form's draft and submission, the
Excel sheet, the letter, and the province's overview and consolidated list.

Web and CLI call these; every refusal is a RecordError whose problems name the form field
(`collective_titles`, `individuals[3]`, `individuals[3].title`, `commitments`, `signer`,
`date`, `sheet`) or the sheet's row, in Vietnamese; errors about the stored records (the
letter, the consolidated list) name their fields in Vietnamese (recordset.in_vietnamese).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from ..documents.kinds.registration_summary import units_in_order
from ..domain.catalogue import BY_CODE
from ..domain.errors import Problem, RecordError
from ..domain.records import Person, Registration, RegistrationEntry, Signer, Unit
from ..domain.recordset import in_vietnamese, vietnamese_message
from ..domain.registration import check_registration, entries_from_rows, honour_problem
from ..store import db
from ..store import repository as repo
from ..store.excel import (
    ConsolidatedRow,
    consolidated_registrations_xlsx,
    read_registration_sheet,
    sample_registration_sheet,
)
from ..vnformat.signer import signer_lines
from .batch import Summary, Task
from .render import Rendered, render_one
from .summary_batch import failure_reason

STATUS_LABELS = {"submitted": "Đã gửi", "draft": "Đang soạn", "": "Chưa đăng ký"}
# The level of a unit in the province's tree, by its kind (the province's overview).
LEVEL_LABELS = {"province": "Cấp tỉnh", "department": "Sở, ban, ngành",
                "agency": "Sở, ban, ngành", "district": "Cấp huyện", "commune": "Cấp xã"}
KIND = "registration"


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


@dataclass(frozen=True)
class FormData:
    """What the form page needs: the unit, its staff (for the picker), the stored record and
    the input to show (the stored record's, or a fresh one signed by the unit's head)."""

    unit: Unit
    year: int
    staff: list[Person]
    stored: Registration | None
    input: RegistrationInput


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


# --- the province ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitStatus:
    """One unit's line of the province's overview: the unit, the unit above it in the tree
    (None for the province), and its registration."""

    unit: Unit
    registration: Registration | None
    parent: Unit | None = None

    @property
    def level(self) -> str:
        """Returns the unit's place in the tree, as the province reads it: `Sở, ban, ngành`,
        `Cấp huyện`, `Cấp xã, thuộc UBND huyện Mai Sơn`, `Thuộc Sở Nội vụ` (a body under a
        body)."""
        parent, label = self.parent, LEVEL_LABELS.get(self.unit.kind, "")
        if parent is None or parent.kind == "province":
            return label
        if parent.kind in ("department", "agency"):
            return f"Thuộc {self.under}"
        return f"{label}, thuộc {self.under}" if label else f"Thuộc {self.under}"

    @property
    def under(self) -> str:
        """Returns the name of the unit above it (`UBND huyện Mai Sơn`), "" for the province."""
        return (self.parent.short_name or self.parent.name) if self.parent else ""

    @property
    def status(self) -> str:
        return self.registration.status if self.registration else ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"

    @property
    def collective_names(self) -> list[str]:
        reg = self.registration
        return [BY_CODE[c].name for c in reg.collective_titles if c in BY_CODE] if reg else []


def overview(year: int, url: str | None = None) -> list[UnitStatus]:
    """Returns every unit (province, departments, agencies, districts, communes) with the unit
    above it and its registration for `year`, or None."""
    with db.transaction(url) as session:
        units = units_in_order(repo.load_all(session, "units"))
        regs = {r.unit: r for r in repo.load_all(session, "registrations", year=year)}
    by_code = {u.code: u for u in units}
    return [UnitStatus(u, regs.get(u.code), by_code.get(u.parent or "")) for u in units]


def consolidated_rows(lines: Sequence[UnitStatus]) -> list[ConsolidatedRow]:
    """Returns the consolidated workbook's rows: what each unit sent (a draft counts nothing)."""
    rows = []
    for line in lines:
        reg = line.registration if line.submitted else None
        counts: dict[str, int] = {}
        for entry in reg.individuals if reg else []:
            for code in {entry.title, entry.award} - {None}:
                counts[code] = counts.get(code, 0) + 1  # type: ignore[index]
        # the province's own units stand alone; below them, the unit above is named
        above = line.parent is not None and line.parent.kind != "province"
        rows.append(ConsolidatedRow(
            unit_name=f"{line.unit.name} (thuộc {line.under})" if above else line.unit.name,
            collective_titles="; ".join(BY_CODE[c].name for c in reg.collective_titles)
            if reg else "",
            individuals=len(reg.individuals) if reg else 0, by_title=counts,
            status=line.status, registered=line.submitted))
    return rows


def consolidated_xlsx(year: int, url: str | None = None) -> bytes:
    """Returns the province's consolidated list (tổng hợp đăng ký thi đua) as .xlsx."""
    return consolidated_registrations_xlsx(year, consolidated_rows(overview(year, url)))


def summary_document(year: int, url: str | None = None, *, pdf: bool = False,
                     output: Path | None = None) -> Rendered:
    """Renders the consolidated list as the province's báo cáo (kind registration_summary); a
    PDF left from an earlier rendering is removed when this one has none. RecordError (fields
    named in Vietnamese) when Sở Nội vụ or its head is not on record."""
    try:
        made = render_one("registration_summary", year, url=url, pdf=pdf, output=output)
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


def missing_letters(lines: Sequence[UnitStatus]) -> list[str]:
    """Returns the batch's notes on units without a letter: `Chưa đăng ký: N đơn vị.` and
    `Đang soạn (chưa gửi): N đơn vị — …` (their names); nothing when every unit has sent."""
    unregistered = [line for line in lines if not line.status]
    drafts = [line.unit.name for line in lines if line.status == "draft"]
    notes = []
    if unregistered:
        notes.append(f"Chưa đăng ký: {len(unregistered)} đơn vị (không có công văn).")
    if drafts:
        notes.append(f"Đang soạn (chưa gửi): {len(drafts)} đơn vị — {'; '.join(drafts)}.")
    return notes
