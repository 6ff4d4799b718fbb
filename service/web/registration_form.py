"""The registration form (Flask-WTF, CSRF): its fields, what it posts as a job's input, and
the job's problems placed at the fields they are about."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import Field, FieldList, Form, FormField, StringField, TextAreaField

from ..domain.catalogue import HONOURS
from ..domain.errors import Problem
from ..domain.records import Person
from ..domain.recordset import vietnamese_field
from ..jobs.registration_input import RegistrationInput, RowInput
from ..vnformat.names import sort_names

COLLECTIVE_TITLES = [(h.code, h.name) for h in HONOURS
                     if h.kind == "title" and h.accepts("collective")]
INDIVIDUAL_TITLES = [(h.code, h.name) for h in HONOURS
                     if h.kind == "title" and h.accepts("individual")]
INDIVIDUAL_AWARDS = [(h.code, h.name) for h in HONOURS
                     if h.kind == "award" and h.accepts("individual")]
AUTHORITIES = [("", "Thủ trưởng ký (không ghi)"), ("TM", "TM. – Thay mặt"),
               ("KT", "KT. – Ký thay"), ("Q", "Q. – Quyền"), ("TL", "TL. – Thừa lệnh"),
               ("TUQ", "TUQ. – Thừa ủy quyền")]
ACTIONS = {"draft": "Lưu nháp", "submit": "Gửi đăng ký", "import": "Nạp từ Excel"}


class RowForm(Form):
    """One person's row; choices are checked by the job, which words the refusal."""

    person = StringField()
    full_name = StringField()
    position = StringField()
    title = StringField()
    award = StringField()


class ValuesField(Field):
    """Every value posted under one name (checkboxes); the job checks them."""

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = list(valuelist)


class RegistrationForm(FlaskForm):
    collective_titles = ValuesField()
    individuals = FieldList(FormField(RowForm))
    commitments = FieldList(TextAreaField())
    signer_name = StringField("Họ và tên người ký")
    signer_title = StringField("Chức vụ người ký")
    signer_authority = StringField("Quyền hạn ký")
    signer_on_behalf = StringField("Thay mặt / ký thay cho")
    date = StringField("Ngày ký")
    sheet = FileField("Tệp Excel danh sách cá nhân")
    action = StringField()


def form_input(form: RegistrationForm) -> RegistrationInput:
    """Returns what the form posted, as the job's input."""
    return RegistrationInput(
        collective_titles=list(form.collective_titles.data or []),
        rows=[RowInput(**{k: (v or "") for k, v in entry.data.items()})
              for entry in form.individuals],
        commitments=[text or "" for text in form.commitments.data],
        signer_name=form.signer_name.data or "",
        signer_title=form.signer_title.data or "",
        signer_authority=form.signer_authority.data or "",
        signer_on_behalf=form.signer_on_behalf.data or "",
        date=form.date.data or "",
    )


_ROW = re.compile(r"^individuals\[(\d+)\](?:\.(\w+))?$")


@dataclass
class Errors:
    """The problems of one refused post, by where the form shows them."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[int, dict[str, list[str]]] = field(default_factory=dict)  # row → "" or cell

    @classmethod
    def of(cls, problems: Iterable[Problem], at: str | None = None) -> Errors:
        """Places each problem at its field; `at` puts them all at one field (the sheet), each
        saying where it is (its field named in Vietnamese)."""
        errors = cls()
        for p in problems:
            found = _ROW.match(p.field or "") if at is None else None
            if found:
                row = errors.rows.setdefault(int(found.group(1)), {})
                row.setdefault(found.group(2) or "", []).append(p.message)
            else:
                key = at or (p.field or "").split("[")[0] or "form"
                shown = str(replace(p, field=vietnamese_field(p.field))) if at else p.message
                errors.fields.setdefault(key, []).append(shown)
        return errors

    def count(self) -> int:
        return (sum(len(v) for v in self.fields.values())
                + sum(len(v) for row in self.rows.values() for v in row.values()))

    def row(self, number: int) -> dict[str, list[str]]:
        return self.rows.get(number, {})


@dataclass(frozen=True)
class StaffChoice:
    code: str
    name: str
    position: str


def staff_choices(staff: Iterable[Person]) -> list[StaffChoice]:
    """Returns the unit's staff for the picker, in Vietnamese name order."""
    return [StaffChoice(p.code, p.full_name, p.position)
            for p in sort_names(staff, key=lambda p: p.full_name)]
