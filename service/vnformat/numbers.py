"""Vietnamese-written numbers: `.` between thousands, `,` before decimals (`20.000`, `7,5`)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

Number = int | float | Decimal | str

# Either plain digits or groups of exactly three after the first; then an optional decimal part.
_VN_NUMBER = re.compile(r"([+\-\u2212]?)([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
# Python's "," grouping gives 20,000.5; swapping the two marks gives the Vietnamese 20.000,5.
_TO_VN = str.maketrans({",": ".", ".": ","})


def parse_number(text: str) -> Decimal:
    """Return the Decimal written Vietnamese-style in `text` (`20.000`, `7,5`, `-1,5`).

    The scale written is kept (`99,0` → Decimal("99.0")). Raises ValueError, in Vietnamese,
    on anything else, including `7.5` (a dot only separates thousands).
    """
    match = _VN_NUMBER.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"Không đọc được số “{text}”: viết dấu chấm giữa các nhóm ba chữ số "
            "và dấu phẩy trước phần thập phân, ví dụ 20.000 hoặc 7,5."
        )
    sign, whole, fraction = match.groups()
    digits = whole.replace(".", "") + (f".{fraction}" if fraction else "")
    return Decimal(("-" if sign in ("-", "\u2212") else "") + digits)


def _to_decimal(value: Number) -> Decimal:
    """Return `value` as a finite Decimal; a float goes through its shortest repr (11.41)."""
    if isinstance(value, bool):
        raise TypeError("Giá trị đúng/sai không phải là số.")
    if isinstance(value, str):
        return parse_number(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, int):
        value = Decimal(value)
    elif not isinstance(value, Decimal):
        raise TypeError(f"Không định dạng được kiểu {type(value).__name__} thành số.")
    if not value.is_finite():
        raise ValueError(f"Không định dạng được giá trị không hữu hạn “{value}”.")
    return value


def format_number(value: Number, decimals: int | None = None) -> str:
    """Return `value` written Vietnamese-style: `20.000`, `7,5`, `-1,5`.

    With `decimals` None the scale of the input is kept (Decimal("99.0") → `99,0`); otherwise
    the value is rounded half up to exactly that many places. A str is read by parse_number.
    """
    number = _to_decimal(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError(f"Số chữ số thập phân phải từ 0 trở lên (nhận {decimals}).")
        # The default 28-digit context would refuse to quantize very long numbers.
        with localcontext() as ctx:
            ctx.prec = max(28, number.adjusted() + decimals + 2)
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if number.is_zero():
        number = abs(number)  # never print "-0" or "-0,00"
    return format(number, ",f").translate(_TO_VN)


def format_percent(value: Number, decimals: int | None = None) -> str:
    """Return a value already in percent written Vietnamese-style with `%`: 11.41 → `11,41%`."""
    return f"{format_number(value, decimals)}%"
