"""The letterhead and signature every kind's document shares: their variables and values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from service.domain.records import Signer, Unit
from service.vnformat.recipients import recipient_lines
from service.vnformat.signer import signer_lines
from service.vnformat.text import upper_vn

from ..layout import HEADER_COLUMNS_MM
from ..rules import fit_lines
from .base import Variable

AGENCY_PT = 13  # LAYOUT.md: the issuing body's name, bold 13 pt, in the 65 mm left column
# Bodies that print their parent above their name; a People's Committee never does (ND30
# practice: `ỦY BAN NHÂN DÂN / HUYỆN MỘC CHÂU` stands alone).
WITH_PARENT_LINE = frozenset({"department", "agency"})
PARENT_EXAMPLE = "UBND TỈNH SƠN LA"

# What each frame variable holds, as most kinds describe it (a kind may say it its own way).
DESCRIPTIONS: dict[str, str] = {
    "parent_agency": "Cơ quan chủ quản (chữ in hoa, không đậm); để trống khi không có",
    "agency": (
        "Tên cơ quan ban hành, chữ in hoa; xuống dòng (\\n) ở chỗ ngắt khi tên dài hơn cột trái"
    ),
    "number_line": "Số, ký hiệu của văn bản",
    "summary_line": "Trích yếu của công văn, dưới số, ký hiệu",
    "date_line": "Địa danh và ngày tháng năm",
    "type_name": "Tên loại văn bản",
    "subject": "Trích yếu",
    "recipient_lines": "Các dòng nơi nhận, dòng cuối là “- Lưu: …”",
    "signer_lines": "Quyền hạn, chức vụ người ký (chữ in hoa)",
    "copy_mark": "Dấu bản sao “(Đã ký)”; để trống thì chừa chỗ ký",
    "signer_name": "Họ và tên người ký",
}


def frame_variables(
    *,
    agency: str,
    number_line: str,
    date_line: str,
    summary_line: str | None = None,
    type_name: str | None = None,
    subject: str | None = None,
    body: Sequence[Variable] = (),
    recipient_lines: list[str] | None = None,
    signer_lines: list[str] | None = None,
    copy_mark: str = "",
    signer_name: str | None = None,
    said: Mapping[str, str] | None = None,
) -> tuple[Variable, ...]:
    """Return the frame's variables around the kind's own (`body`), in the order the document
    has them: the letterhead (parent_agency, agency, number_line, a công văn's summary_line,
    date_line), the title (type_name, subject), `body`, then the Nơi nhận and the signature
    (recipient_lines, signer_lines, copy_mark, signer_name).

    The arguments are the examples; a part without its example is left out (a công văn has
    no title, a kind signing side by side no signature: give `signer_name` for one).
    `said` holds the kind's own description of a variable, by name (else DESCRIPTIONS')."""
    head = {
        "parent_agency": PARENT_EXAMPLE,
        "agency": agency,
        "number_line": number_line,
        "summary_line": summary_line,
        "date_line": date_line,
        "type_name": type_name,
        "subject": subject,
    }
    foot: dict[str, Any] = {}
    if signer_name is not None:
        foot = {
            "recipient_lines": recipient_lines,
            "signer_lines": signer_lines,
            "copy_mark": copy_mark,
            "signer_name": signer_name,
        }

    def described(examples: dict[str, Any]) -> tuple[Variable, ...]:
        return tuple(
            Variable(name, (said or {}).get(name, DESCRIPTIONS[name]), example)
            for name, example in examples.items()
            if example is not None
        )

    return (*described(head), *body, *described(foot))


@dataclass(frozen=True)
class Signature:
    """A signature block: the authority and post lines (upper case), the signer's name, the
    copy mark (`(Đã ký)`; empty leaves room to sign)."""

    lines: list[str]
    name: str
    copy_mark: str = ""

    @classmethod
    def of(cls, signer: Signer) -> Signature:
        """Return the block of a recorded signer. ValueError (vnformat) for a bad signer."""
        lines = signer_lines(signer.authority, signer.on_behalf, signer.title)
        return cls(lines, signer.name, signer.copy_mark)


def parent_above(unit: Unit, parent: Unit | None) -> Unit | None:
    """Return `parent` when ND30 practice prints it above `unit`'s name (a department's, an
    agency's: WITH_PARENT_LINE), else None."""
    return parent if unit.kind in WITH_PARENT_LINE else None


def agency_lines(unit: Unit, parent: Unit | None) -> tuple[str, str]:
    """Return the letterhead's (cơ quan chủ quản, cơ quan ban hành) lines: `parent`'s short
    name in capitals ("" for None: see parent_above), `unit`'s name in capitals broken where
    it must wrap in the left column."""
    parent_line = upper_vn(parent.short_name or parent.name) if parent else ""
    return parent_line, fit_lines(upper_vn(unit.name), HEADER_COLUMNS_MM[0], AGENCY_PT, bold=True)


def frame_context(
    agency: tuple[str, str],
    number_line: str,
    date_line: str,
    signer: Signer | Signature | None = None,
    recipients: Sequence[str] = (),
) -> dict[str, object]:
    """Return the frame's values: the letterhead's `agency` lines (cơ quan chủ quản, cơ quan
    ban hành: see agency_lines), number and date lines; with a `signer` (a recorded Signer, or
    a Signature made otherwise), the Nơi nhận lines of `recipients` and the signature block.
    The title is the kind's own. ValueError (vnformat) for bad recipients or a bad signer."""
    parent_line, agency_line = agency
    values: dict[str, object] = {
        "parent_agency": parent_line,
        "agency": agency_line,
        "number_line": number_line,
        "date_line": date_line,
    }
    if signer is not None:
        lines = recipient_lines(list(recipients))
        signature = signer if isinstance(signer, Signature) else Signature.of(signer)
        values |= {
            "recipient_lines": lines,
            "signer_lines": signature.lines,
            "copy_mark": signature.copy_mark,
            "signer_name": signature.name,
        }
    return values
