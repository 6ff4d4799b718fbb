"""Money in Vietnamese accounting usage: digits (`2.340.000`) and words (bằng chữ)."""

from __future__ import annotations

from decimal import Decimal

from .numbers import format_number

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9
# The groups under a tỷ, largest first; above it the tỷ repeats (nghìn tỷ, triệu tỷ, tỷ tỷ).
_UNDER_BILLION = ((10**6, "triệu"), (10**3, "nghìn"), (1, ""))


def _whole_dong(amount: int | Decimal) -> int:
    """Return `amount` as an int; TypeError for a non-number, ValueError for a fractional one."""
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise TypeError(f"Số tiền phải là số nguyên đồng (nhận {type(amount).__name__}).")
    if isinstance(amount, Decimal):
        # A SQL Numeric column arrives as Decimal("2340000.00"): accept it when it is whole.
        if not amount.is_finite() or amount != amount.to_integral_value():
            raise ValueError(f"Số tiền phải là số nguyên đồng (nhận {amount}).")
        return int(amount)
    return amount


def _group_words(group: int, full: bool) -> list[str]:
    """Return the words of a group 1..999; `full` reads a short group as `không trăm (linh) …`."""
    hundreds, tens, units = group // 100, group // 10 % 10, group % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 5 and tens >= 1:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])  # 4 stays "bốn" after "mươi": accountants do not write "tư"
    return words


def _amount_words(amount: int, leading: bool) -> list[str]:
    """Return the words of `amount` > 0; `leading` is False when higher groups were already read."""
    if amount >= _BILLION:
        high, low = divmod(amount, _BILLION)
        # Reading the part above a tỷ as a number of its own gives "một nghìn không trăm linh
        # năm tỷ" for 1.005.000.000.000, never "một nghìn tỷ không trăm linh năm tỷ".
        words = _amount_words(high, leading) + ["tỷ"]
        return words + _amount_words(low, False) if low else words
    words = []
    for size, unit in _UNDER_BILLION:
        group = amount // size % 1000
        if group == 0:
            continue  # an all-zero group is skipped: 1.000.005 = một triệu không trăm linh năm
        words += _group_words(group, full=not leading)
        words += [unit] if unit else []
        leading = False
    return words


def money_in_words(amount: int | Decimal) -> str:
    """Return `amount` đồng in words, capitalised: `Hai triệu ba trăm bốn mươi nghìn đồng`.

    Raises ValueError for a negative or fractional amount, TypeError for a non-number.
    """
    amount = _whole_dong(amount)
    if amount < 0:
        raise ValueError(f"Số tiền không được âm (nhận {amount}).")
    words = _amount_words(amount, leading=True) if amount else ["không"]
    text = " ".join(words + ["đồng"])
    return text[0].upper() + text[1:]


def format_money(amount: int | Decimal) -> str:
    """Return `amount` in digits with Vietnamese thousands separators: 2340000 → `2.340.000`.

    A negative amount (a difference in a report) is allowed; errors as money_in_words otherwise.
    """
    return format_number(_whole_dong(amount))


def money_line(amount: int | Decimal) -> str:
    """Return `2.340.000 đồng (Bằng chữ: Hai triệu … đồng)`; errors as money_in_words."""
    return f"{format_money(amount)} đồng (Bằng chữ: {money_in_words(amount)})"
