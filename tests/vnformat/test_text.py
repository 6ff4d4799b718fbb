"""Specs for service.vnformat.text."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.vnformat.text import nfc, slugify, strip_xml_illegal, upper_vn


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ủy ban nhân dân", "ỦY BAN NHÂN DÂN"),
        ("đ", "Đ"),
        ("ủy ban nhân dân tỉnh sơn la", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("sở nội vụ", "SỞ NỘI VỤ"),
        ("ữ ự ỹ ỵ ẳ ậ", "Ữ Ự Ỹ Ỵ Ẳ Ậ"),
        (nfd("ủy ban nhân dân"), "ỦY BAN NHÂN DÂN"),
        ("", ""),
    ],
)
def test_upper_vn(text: str, expected: str) -> None:
    assert upper_vn(text) == expected
    assert unicodedata.is_normalized("NFC", upper_vn(text))


@given(st.text())
def test_upper_vn_is_nfc_and_ignores_input_form(text: str) -> None:
    assert upper_vn(text) == upper_vn(nfd(text)) == upper_vn(nfc(text))
    assert unicodedata.is_normalized("NFC", upper_vn(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [(nfd("Nguyễn Thị Ánh"), "Nguyễn Thị Ánh"), ("Đặng", "Đặng"), ("", "")],
)
def test_nfc(text: str, expected: str) -> None:
    assert nfc(text) == expected
    assert len(nfc(nfd("ệ"))) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở\x00 Nội\x08 vụ", "Sở Nội vụ"),
        ("a\x0bb\x0cc\x0ed\x1fe", "abcde"),
        ("tab\tLF\nCR\r", "tab\tLF\nCR\r"),  # the three controls XML 1.0 allows
        ("x\ufffey\uffffz", "xyz"),
        ("lone \ud800 high, lone \udc00 low", "lone  high, lone  low"),
        ("pair \ud83d\ude00 joined", "pair \U0001f600 joined"),
        ("Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
        ("\ufffd\x7f", "\ufffd\x7f"),
    ],
)
def test_strip_xml_illegal(text: str, expected: str) -> None:
    assert strip_xml_illegal(text) == expected


# st.characters() never yields surrogates or most controls, so mix them in explicitly.
_ANY_CHAR = st.one_of(
    st.characters(),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.integers(0, 0x1F).map(chr),
    st.sampled_from("\ufffe\uffff"),
)


@given(st.text(alphabet=_ANY_CHAR))
def test_strip_xml_illegal_leaves_only_xml_chars(text: str) -> None:
    cleaned = strip_xml_illegal(text)
    assert all(_is_xml_char(ord(char)) for char in cleaned)
    cleaned.encode("utf-8")  # a lone surrogate would make this raise
    # Legal characters are never dropped: removing the illegal ones ourselves gives the same.
    legal = "".join(c for c in text if _is_xml_char(ord(c)) and not 0xD800 <= ord(c) <= 0xDFFF)
    assert len(cleaned) <= len(text) and set(legal) <= set(cleaned)


def _is_xml_char(code: int) -> bool:
    """XML 1.0's Char production, written out independently of the code under test."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@pytest.mark.parametrize(
    ("text", "max_len", "expected"),
    [
        ("Sở Nội vụ", 60, "so-noi-vu"),
        ("Đỗ Văn Dũng", 60, "do-van-dung"),
        ("ĐẶNG THỊ ƯNG", 60, "dang-thi-ung"),
        ("Quyết định số 125/QĐ-UBND", 60, "quyet-dinh-so-125-qd-ubnd"),
        ("  --Bằng khen!!  ", 60, "bang-khen"),
        (nfd("Sở Nội vụ"), 60, "so-noi-vu"),
        ("Ủy ban nhân dân tỉnh Sơn La", 20, "uy-ban-nhan-dan-tinh"),
        ("Ủy ban nhân dân tỉnh Sơn La", 19, "uy-ban-nhan-dan"),
        ("Ủy ban nhân dân tỉnh Sơn La", 15, "uy-ban-nhan-dan"),
        ("Nghiêngnghiêngnghiêng", 8, "nghiengn"),
        ("!!!", 60, ""),
        ("中文", 60, ""),
    ],
)
def test_slugify(text: str, max_len: int, expected: str) -> None:
    assert slugify(text, max_len) == expected


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_slugify_is_a_short_ascii_file_name(text: str, max_len: int) -> None:
    slug = slugify(text, max_len)
    assert len(slug) <= max_len
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug


def test_slugify_refuses_a_zero_length() -> None:
    with pytest.raises(ValueError, match="Độ dài tối đa"):
        slugify("Sở Nội vụ", 0)
