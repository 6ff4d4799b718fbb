"""Specs for service.vnformat.money."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.vnformat.money import format_money, money_in_words, money_line


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (2340000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (1005000, "Một triệu không trăm linh năm nghìn đồng"),
        (105000, "Một trăm linh năm nghìn đồng"),
        (21000, "Hai mươi mốt nghìn đồng"),
        (15000, "Mười lăm nghìn đồng"),
        (0, "Không đồng"),
        (1000000000, "Một tỷ đồng"),
        (25, "Hai mươi lăm đồng"),
        (14, "Mười bốn đồng"),
        (24, "Hai mươi bốn đồng"),  # accountants write "bốn", not "tư"
        (11, "Mười một đồng"),
        (21, "Hai mươi mốt đồng"),
        (101, "Một trăm linh một đồng"),
        (110, "Một trăm mười đồng"),
        (1000005, "Một triệu không trăm linh năm đồng"),
        (1, "Một đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (15, "Mười lăm đồng"),
        (20, "Hai mươi đồng"),
        (45, "Bốn mươi lăm đồng"),
        (55, "Năm mươi lăm đồng"),
        (100, "Một trăm đồng"),
        (104, "Một trăm linh bốn đồng"),
        (115, "Một trăm mười lăm đồng"),
        (1000, "Một nghìn đồng"),
        (1001, "Một nghìn không trăm linh một đồng"),
        (1010, "Một nghìn không trăm mười đồng"),
        (1050, "Một nghìn không trăm năm mươi đồng"),
        (1100, "Một nghìn một trăm đồng"),
        (10000, "Mười nghìn đồng"),
        (500000, "Năm trăm nghìn đồng"),
        (1500000, "Một triệu năm trăm nghìn đồng"),
        (1000000, "Một triệu đồng"),
        (1000000005, "Một tỷ không trăm linh năm đồng"),
        (1005000000, "Một tỷ không trăm linh năm triệu đồng"),
        (1000001001000, "Một nghìn tỷ không trăm linh một triệu không trăm linh một nghìn đồng"),
        (10**12, "Một nghìn tỷ đồng"),
        (1005 * 10**9, "Một nghìn không trăm linh năm tỷ đồng"),
        (10**15, "Một triệu tỷ đồng"),
        (4450 * 10**9, "Bốn nghìn bốn trăm năm mươi tỷ đồng"),
        (
            999999999999,
            "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
            "chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
        ),
        (Decimal("2340000"), "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (Decimal("2340000.00"), "Hai triệu ba trăm bốn mươi nghìn đồng"),
    ],
)
def test_money_in_words(amount: int | Decimal, expected: str) -> None:
    assert money_in_words(amount) == expected


@pytest.mark.parametrize(
    ("amount", "error", "message"),
    [
        (-1, ValueError, "không được âm"),
        (Decimal("-5"), ValueError, "không được âm"),
        (Decimal("1.5"), ValueError, "số nguyên đồng"),
        (Decimal("NaN"), ValueError, "số nguyên đồng"),
        (1.0, TypeError, "số nguyên đồng"),
        ("1000", TypeError, "số nguyên đồng"),
        (True, TypeError, "số nguyên đồng"),
    ],
)
def test_money_in_words_refuses(amount: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        money_in_words(amount)  # type: ignore[arg-type]


_DIGIT = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def _read_back(words: str) -> int:
    """Read Vietnamese money words back into a number, independently of the code under test."""
    tokens = words.lower().removesuffix(" đồng").split()
    total, section, group, last = 0, 0, 0, 0  # section: below tỷ; group: below nghìn
    for token in tokens:
        if token in _DIGIT:
            last = _DIGIT[token]
            group += last
        elif token == "trăm":
            group += last * 99
        elif token == "mươi":
            group += last * 9
        elif token == "mười":
            group += 10
        elif token == "linh":
            pass
        elif token == "nghìn":
            section, group = section + group * 1000, 0
        elif token == "triệu":
            section, group = section + group * 10**6, 0
        elif token == "tỷ":
            total, section, group = (total + section + group) * 10**9, 0, 0
        else:
            raise AssertionError(f"unexpected word {token!r} in {words!r}")
    return total + section + group


@given(st.integers(min_value=0, max_value=10**12))
def test_money_in_words_properties(amount: int) -> None:
    words = money_in_words(amount)
    assert words[0].isupper() and words[1:] == words[1:].lower()
    assert words.endswith(" đồng") or words == "Không đồng"
    assert "  " not in words and words == words.strip()
    assert "tư" not in words.split()  # "bốn", never "tư"
    assert words.startswith("Không") == (amount == 0)  # "không trăm" never leads
    assert _read_back(words) == amount


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (2340000, "2.340.000"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (10**12, "1.000.000.000.000"),
        (Decimal("2340000"), "2.340.000"),
        (Decimal("2340000.00"), "2.340.000"),
        (-2340000, "-2.340.000"),
    ],
)
def test_format_money(amount: int | Decimal, expected: str) -> None:
    assert format_money(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (2340000, "2.340.000 đồng (Bằng chữ: Hai triệu ba trăm bốn mươi nghìn đồng)"),
        (0, "0 đồng (Bằng chữ: Không đồng)"),
        (1005000, "1.005.000 đồng (Bằng chữ: Một triệu không trăm linh năm nghìn đồng)"),
    ],
)
def test_money_line(amount: int, expected: str) -> None:
    assert money_line(amount) == expected


@pytest.mark.parametrize(
    ("amount", "error"), [(Decimal("1.5"), ValueError), (1.0, TypeError), ("1000", TypeError)]
)
def test_format_money_refuses(amount: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="số nguyên đồng"):
        format_money(amount)  # type: ignore[arg-type]


def test_money_line_refuses_negative() -> None:
    with pytest.raises(ValueError, match="không được âm"):
        money_line(-2340000)
