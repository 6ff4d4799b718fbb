"""The text printed on one Bằng khen or Giấy khen, field by field, from the records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.catalogue import BY_CODE
from ..domain.errors import RecordError
from ..domain.records import Person, Signer
from ..vnformat.dates import header_date, short_date
from ..vnformat.signer import signer_lines
from ..vnformat.text import nfc

SALUTATIONS = {"nam": "Ông", "nữ": "Bà"}


@dataclass(frozen=True)
class CertificateData:
    """The text of each field as printed (NFC; "" leaves a field blank). `signer_title` may
    hold several lines separated by "\\n" (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`)."""

    honour_code: str
    salutation: str
    name: str
    position_unit: str
    achievement: str
    decision: str
    place_date: str
    signer_title: str
    signer_name: str
    number: str = ""

    def text(self, field: str) -> str:
        """Return the text of the field a layout box is named after."""
        return str(getattr(self, field))


def certificate_data(
    person: Person | None,
    unit_name: str,
    honour: str,
    achievement: str,
    decision_number_symbol: str,
    decision_date: date,
    place: str,
    signer: Signer,
    collective_name: str | None = None,
    number: str = "",
) -> CertificateData:
    """Return the certificate's text for a person (`Ông`/`Bà` by gender, `position, unit`) or,
    when `person` is None, for the collective or household `collective_name` (no salutation;
    its unit printed below it unless it is the same name).

    Raises RecordError, in Vietnamese, for an honour not in the catalogue, no nominee, a blank
    place, or a signer whose authority lines are incomplete.
    """
    if honour not in BY_CODE:
        raise RecordError.one(f"“{honour}” không có trong danh mục khen thưởng.", field="honour")
    unit_name = _clean(unit_name)
    if person is not None:
        salutation, name = SALUTATIONS[person.gender], _clean(person.full_name)
        position = _clean(person.position)
        position_unit = (
            f"{position}, {unit_name}" if position and unit_name else position or unit_name
        )
    elif collective_name and _clean(collective_name):
        salutation, name = "", _clean(collective_name)
        position_unit = "" if unit_name.casefold() == name.casefold() else unit_name
    else:
        raise RecordError.one(
            "Bằng khen phải ghi tên cá nhân hoặc tên tập thể được khen.", field="person"
        )
    try:
        place_date = header_date(place, decision_date)
    except ValueError as error:
        raise RecordError.one(str(error), field="place") from None
    try:
        title_lines = signer_lines(signer.authority, signer.on_behalf, signer.title)
    except ValueError as error:
        raise RecordError.one(str(error), field="signer") from None
    number = _clean(number)
    return CertificateData(
        honour_code=honour,
        salutation=salutation,
        name=name,
        position_unit=position_unit,
        achievement=_clean(achievement),
        decision=f"Quyết định số {_clean(decision_number_symbol)} ngày {short_date(decision_date)}",
        place_date=place_date,
        signer_title="\n".join(title_lines),
        signer_name=_clean(signer.name),
        number=f"Số vào sổ: {number}" if number else "",
    )


def _clean(text: str) -> str:
    """Return `text` in NFC on one line with single spaces."""
    return " ".join(nfc(text).split())
