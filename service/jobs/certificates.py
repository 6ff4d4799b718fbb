"""Certificates of a decision (one PDF per person or collective awarded, and one of them all) on
the issuing unit's layout of the blank; editing that layout and its calibration page."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..documents.certificates import render_certificates
from ..documents.certificates_calibration import calibration_page
from ..documents.certificates_data import CertificateData, certificate_data
from ..domain.catalogue import BY_CODE
from ..domain.certificate_layout import DEFAULT_LAYOUTS, CertificateLayout, layout_from_dict
from ..domain.errors import RecordError
from ..domain.records import Decision, Nomination
from ..store import certificate_layouts, db, repository
from ..store.repository import load_all
from ..vnformat.symbols import number_and_symbol

BLANKS: tuple[str, ...] = tuple(DEFAULT_LAYOUTS)  # the honours printed on a pre-printed blank


@dataclass(frozen=True)
class Awarded:
    """One nominee a decision confers an honour on, as the certificate names them."""

    nomination: Nomination
    name: str
    unit_name: str
    has_blank: bool


def decision_of(session: Session, code: str) -> Decision:
    """Returns the decision `code`; RecordError if there is none."""
    found = load_all(session, "decisions", code=code)
    if not found:
        raise RecordError.one(f"không có quyết định mã “{code}”", field="quyết định")
    return found[0]


def awarded(session: Session, decision: Decision) -> list[Awarded]:
    """Returns those the decision awards, in its order; RecordError for a nomination it lists
    that is not in the store."""
    nominations = {n.code: n for n in load_all(session, "nominations")}
    out = []
    for code in decision.nominations:
        n = nominations.get(code)
        if n is None:
            raise RecordError.one(f"quyết định {decision.code} ghi đề nghị “{code}” không có",
                                  field="quyết định")
        name, unit_name = _names(session, n)
        out.append(Awarded(n, name, unit_name, n.honour in BLANKS))
    return out


def _names(session: Session, n: Nomination) -> tuple[str, str]:
    """Returns the nominee's printed name and the unit printed under it."""
    if n.nominee_kind == "individual":
        person = repository.person(session, n.person or "")
        unit = repository.unit(session, person.unit) if person else None
        return (person.full_name if person else n.person or ""), (unit.name if unit else "")
    if n.nominee_kind == "collective":
        unit = repository.unit(session, n.nominee_unit or "")
        parent = repository.unit(session, unit.parent) if unit and unit.parent else None
        # A body directly under the province needs no second line; a commune names its district.
        above = parent.name if parent and parent.parent else ""
        return (unit.name if unit else n.nominee_unit or ""), above
    return n.household, ""


def achievement_text(decision: Decision) -> str:
    """Returns the achievement line: the decision subject's `đã có thành tích …`, capitalised,
    else the usual wording for its year."""
    found = re.search(r"đã có thành tích.*$", decision.subject, flags=re.IGNORECASE)
    text = found.group(0).rstrip(" .") if found else (
        f"đã có thành tích xuất sắc trong phong trào thi đua năm {decision.year}")
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Certificate:
    nomination: str
    name: str
    filename: str
    pdf: bytes


@dataclass(frozen=True)
class CertificateBatch:
    """A decision's certificates of one blank: each one's PDF and the PDF of them all."""

    decision: Decision
    honour: str
    layout_name: str
    certificates: list[Certificate]
    merged: bytes

    @property
    def merged_filename(self) -> str:
        return f"{self.decision.code}-{self.honour}-tat-ca.pdf"

    def zip_bytes(self) -> bytes:
        """Returns a zip of every certificate's PDF and the PDF of them all."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for c in self.certificates:
                archive.writestr(c.filename, c.pdf)
            archive.writestr(self.merged_filename, self.merged)
        return out.getvalue()


def slug(text: str) -> str:
    """Returns `text` as a plain ASCII file-name part: `Nguyễn Văn Anh` → `nguyen-van-anh`."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60] or "bang"


def _honour_to_print(decision: Decision, items: list[Awarded], honour: str | None) -> str:
    honours = list(dict.fromkeys(a.nomination.honour for a in items if a.has_blank))
    if honour is not None:
        if honour not in honours:
            name = BY_CODE[honour].name if honour in BY_CODE else honour
            raise RecordError.one(f"quyết định {decision.code} không tặng {name}",
                                  field="hình thức")
        return honour
    if not honours:
        names = ", ".join(dict.fromkeys(BY_CODE[a.nomination.honour].name for a in items))
        raise RecordError.one(
            f"quyết định {decision.code} không có bằng khen, giấy khen in trên phôi "
            f"({names or 'không có ai'}); chỉ in được: "
            f"{', '.join(BY_CODE[b].name for b in BLANKS)}", field="quyết định")
    if len(honours) > 1:
        raise RecordError.one(
            f"quyết định {decision.code} tặng nhiều hình thức ({', '.join(honours)}): "
            "chọn một loại phôi để in", field="hình thức")
    return honours[0]


def _data(session: Session, decision: Decision, item: Awarded, number: str) -> CertificateData:
    issuing = repository.unit(session, decision.unit)
    if issuing is None:
        raise RecordError.one(f"không có đơn vị ban hành “{decision.unit}”", field="đơn vị")
    if decision.number is None:
        raise RecordError.one(f"quyết định {decision.code} chưa có số: cấp số trước khi in bằng",
                              field="số")
    n = item.nomination
    person = repository.person(session, n.person or "") if n.nominee_kind == "individual" else None
    return certificate_data(
        person, item.unit_name, n.honour, achievement_text(decision),
        number_and_symbol(decision.number, "QĐ", issuing.abbreviation), decision.date,
        issuing.place, decision.signer, None if person else item.name, number,
    )


def print_certificates(
    url: str | None, decision_code: str, honour: str | None = None,
    first_number: int | None = None,
) -> CertificateBatch:
    """Returns the certificates of a decision on the issuing unit's layout of the blank (its own,
    else the default): one PDF per person or collective awarded `honour` (None: the one blank
    the decision uses) and the PDF of them all. `first_number`: the register number printed on
    the first (then counting up); None leaves it blank. RecordError when the decision is
    unknown, has no number, awards nothing printed on a blank, or a text does not fit."""
    with db.transaction(url) as session:
        decision = decision_of(session, decision_code)
        items = awarded(session, decision)
        honour = _honour_to_print(decision, items, honour)
        chosen = [a for a in items if a.nomination.honour == honour]
        layout = certificate_layouts.get(session, decision.unit, honour)
        numbers = [
            "" if first_number is None else str(first_number + i) for i in range(len(chosen))
        ]
        data = [_data(session, decision, a, num) for a, num in zip(chosen, numbers, strict=True)]
    pdfs, merged = render_certificates(data, layout)
    certificates = [
        Certificate(a.nomination.code, a.name, f"{a.nomination.code}-{slug(a.name)}.pdf", pdf)
        for a, pdf in zip(chosen, pdfs, strict=True)
    ]
    return CertificateBatch(decision, honour, layout.name, certificates, merged)


# --- layouts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitLayout:
    unit: str
    honour: str
    layout: CertificateLayout
    custom: bool  # False: the province's default


def _blank(honour: str) -> None:
    if honour not in BLANKS:
        raise RecordError.one(
            f"“{honour}” không có mẫu phôi; có: {', '.join(BLANKS)}", field="hình thức")


def unit_layout(url: str | None, unit: str, honour: str) -> UnitLayout:
    """Returns the unit's layout of the blank of `honour` and whether it is its own."""
    _blank(honour)
    with db.transaction(url) as session:
        layout = certificate_layouts.get(session, unit, honour)
        custom = certificate_layouts.is_custom(session, unit, honour)
    return UnitLayout(unit, honour, layout, custom)


def save_layout(url: str | None, unit: str, honour: str, data: dict[str, Any]) -> UnitLayout:
    """Stores the unit's layout read from `data` (as layout_to_dict writes it) and returns it.
    RecordError, in Vietnamese, listing every problem of the data (layout_from_dict)."""
    _blank(honour)
    layout = layout_from_dict(data)
    with db.transaction(url) as session:
        certificate_layouts.save(session, unit, honour, layout)
    return UnitLayout(unit, honour, layout, True)


def reset_layout(url: str | None, unit: str, honour: str) -> UnitLayout:
    """Forgets the unit's own layout of the blank and returns the default that applies again."""
    _blank(honour)
    with db.transaction(url) as session:
        certificate_layouts.reset(session, unit, honour)
        layout = certificate_layouts.get(session, unit, honour)
    return UnitLayout(unit, honour, layout, False)


def calibration(url: str | None, unit: str, honour: str) -> bytes:
    """Returns the calibration page (PDF) of the unit's layout of the blank."""
    return calibration_page(unit_layout(url, unit, honour).layout)
