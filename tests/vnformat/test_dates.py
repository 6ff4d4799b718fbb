"""Specs for service.vnformat.dates."""

from datetime import date, datetime

import pytest

from service.vnformat.dates import date_words, header_date, short_date


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 1, 3), "ngày 03 tháng 01 năm 2024"),
        (date(2024, 2, 15), "ngày 15 tháng 02 năm 2024"),
        (date(2014, 4, 7), "ngày 07 tháng 4 năm 2014"),
        (date(2024, 12, 26), "ngày 26 tháng 12 năm 2024"),
        (date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"),
        (date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
        (date(2024, 11, 9), "ngày 09 tháng 11 năm 2024"),
        (date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (datetime(2024, 1, 3, 23, 59), "ngày 03 tháng 01 năm 2024"),
    ],
)
def test_date_words(d: date, expected: str) -> None:
    assert date_words(d) == expected


@pytest.mark.parametrize("month", range(3, 13))
def test_months_three_to_twelve_have_no_leading_zero(month: int) -> None:
    assert date_words(date(2024, month, 20)) == f"ngày 20 tháng {month} năm 2024"


@pytest.mark.parametrize(
    ("place", "d", "expected"),
    [
        ("Sơn La", date(2024, 1, 3), "Sơn La, ngày 03 tháng 01 năm 2024"),
        ("Mộc Châu", date(2024, 4, 7), "Mộc Châu, ngày 07 tháng 4 năm 2024"),
        ("  Chiềng   Sinh ", date(2024, 12, 26), "Chiềng Sinh, ngày 26 tháng 12 năm 2024"),
        ("So\u031bn La", date(2024, 2, 15), "Sơn La, ngày 15 tháng 02 năm 2024"),  # NFD in
    ],
)
def test_header_date(place: str, d: date, expected: str) -> None:
    assert header_date(place, d) == expected


@pytest.mark.parametrize("place", ["", "   "])
def test_header_date_needs_a_place(place: str) -> None:
    with pytest.raises(ValueError, match="Thiếu địa danh"):
        header_date(place, date(2024, 1, 3))


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 1, 3), "03/01/2024"),
        (date(2024, 12, 26), "26/12/2024"),
        (date(2014, 4, 7), "07/04/2014"),
    ],
)
def test_short_date(d: date, expected: str) -> None:
    assert short_date(d) == expected
