"""Specs for service.vnformat.numbers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.vnformat.numbers import format_number, format_percent, parse_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (20000, "20.000"),
        (4450, "4.450"),
        (999, "999"),
        (0, "0"),
        (2340000, "2.340.000"),
        (-2340000, "-2.340.000"),
        (Decimal("7.5"), "7,5"),
        (Decimal("99.0"), "99,0"),
        (Decimal("55.50"), "55,50"),
        (Decimal("1234567.891"), "1.234.567,891"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0"), "0"),
        (11.41, "11,41"),
        (-1.5, "-1,5"),
        (0.1, "0,1"),
        (1e16, "10.000.000.000.000.000"),
        ("20.000", "20.000"),
        ("7,5", "7,5"),
        ("99,0", "99,0"),
        ("  -1.234,50 ", "-1.234,50"),
        ("20000", "20.000"),
    ],
)
def test_format_number(value: int | float | Decimal | str, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("7.45"), 1, "7,5"),  # half up, not half even
        (Decimal("7.25"), 1, "7,3"),
        (Decimal("-7.25"), 1, "-7,3"),  # ties go away from zero on both sides
        (2.675, 2, "2,68"),  # the float's shortest repr, not its binary value 2.67499…
        (11.4149, 2, "11,41"),
        (20000, 2, "20.000,00"),
        (Decimal("99.0"), 0, "99"),
        (Decimal("1234.5"), 0, "1.235"),
        (Decimal("-0.001"), 2, "0,00"),  # never "-0,00"
        ("7,5", 3, "7,500"),
        (10**30, 2, "1" + ".000" * 10 + ",00"),  # beyond the default 28-digit context
    ],
)
def test_format_number_rounds_to_decimals(
    value: int | float | Decimal | str, decimals: int, expected: str
) -> None:
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (11.41, None, "11,41%"),
        (Decimal("7.5"), None, "7,5%"),
        (100, None, "100%"),
        (Decimal("66.666"), 2, "66,67%"),
        (Decimal("2") / 3 * 100, 1, "66,7%"),
    ],
)
def test_format_percent(value: float | Decimal, decimals: int | None, expected: str) -> None:
    assert format_percent(value, decimals) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20.000", Decimal("20000")),
        ("2.340.000", Decimal("2340000")),
        ("7,5", Decimal("7.5")),
        ("99,0", Decimal("99.0")),
        ("-1,5", Decimal("-1.5")),
        ("\u22121,5", Decimal("-1.5")),  # the typographic minus Word puts in
        ("+3", Decimal("3")),
        ("20000", Decimal("20000")),
        (" 1.234,56 ", Decimal("1234.56")),
        ("0", Decimal("0")),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    parsed = parse_number(text)
    assert parsed == expected
    assert parsed.as_tuple().exponent == expected.as_tuple().exponent  # the scale is kept


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "7.5",
        "1.23",
        "20.0000",
        "1,234.5",
        "1,2,3",
        ",5",
        "5,",
        "--1",
        "1 000",
        "١٢",
        "NaN",
        "Infinity",
        "1e3",
        "12%",
    ],
)
def test_parse_number_refuses_junk(text: str) -> None:
    with pytest.raises(ValueError, match="Không đọc được số"):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (True, TypeError),
        (None, TypeError),
        (float("nan"), ValueError),
        (float("inf"), ValueError),
        (Decimal("NaN"), ValueError),
        ("junk", ValueError),
    ],
)
def test_format_number_refuses(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        format_number(value)  # type: ignore[arg-type]


def test_format_number_refuses_negative_decimals() -> None:
    with pytest.raises(ValueError, match="chữ số thập phân"):
        format_number(1, -1)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_parse_number_inverts_format_number(value: Decimal) -> None:
    text = format_number(value)
    assert parse_number(text) == value
    assert format_number(text) == text  # re-printing a Vietnamese number changes nothing


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integers_group_by_thousands(value: int) -> None:
    text = format_number(value)
    assert text.lstrip("-").split(".")[0] != "" and "," not in text
    assert text.replace(".", "") == str(value)
    assert all(len(group) == 3 for group in text.lstrip("-").split(".")[1:])
