"""Vietnamese dates as Nghị định 30/2020/NĐ-CP writes them in headers and annex notes."""

from __future__ import annotations

from datetime import date

from .text import nfc


def date_words(d: date) -> str:
    """Return `ngày 03 tháng 01 năm 2024`: a zero before days 1-9 and before months 1 and 2 only."""
    # ND30 pads months 1 and 2 so "tháng 1"/"tháng 2" cannot be altered into 10/11/12 by hand.
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def header_date(place: str, d: date) -> str:
    """Return the header's place and date, `Sơn La, ngày 03 tháng 01 năm 2024`.

    Raises ValueError when `place` is blank: ND30 requires the địa danh.
    """
    place = " ".join(nfc(place).split())
    if not place:
        raise ValueError("Thiếu địa danh trước ngày tháng năm ban hành văn bản.")
    return f"{place}, {date_words(d)}"


def short_date(d: date) -> str:
    """Return `03/01/2024` (DD/MM/YYYY), the form used in annex notes ("ngày 03/01/2024")."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
