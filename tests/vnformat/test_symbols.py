"""Specs for service.vnformat.symbols."""

import unicodedata

import pytest

from service.vnformat.symbols import (
    TYPE_CODES,
    document_number,
    document_symbol,
    number_and_symbol,
    number_line,
)


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "01"), (9, "09"), (10, "10"), (99, "99"), (125, "125"), (1000, "1000")]
)
def test_document_number(n: int, expected: str) -> None:
    assert document_number(n) == expected


@pytest.mark.parametrize(
    ("n", "error"),
    [(0, ValueError), (-3, ValueError), (True, TypeError), (1.0, TypeError), ("01", TypeError)],
)
def test_document_number_refuses(n: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="Số văn bản"):
        document_number(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("type_code", "body", "unit", "expected"),
    [
        ("CT", "UBND", None, "CT-UBND"),
        ("QĐ", "UBND", None, "QĐ-UBND"),
        ("TTr", "SNV", None, "TTr-SNV"),
        ("BB", "HĐTĐKT", None, "BB-HĐTĐKT"),
        ("KH", "SNV-SVHTTDL", None, "KH-SNV-SVHTTDL"),  # joint body
        (None, "UBND", "NC", "UBND-NC"),
        (None, "UBND", None, "UBND"),
        (unicodedata.normalize("NFD", "QĐ"), " UBND ", None, "QĐ-UBND"),
    ],
)
def test_document_symbol(type_code: str | None, body: str, unit: str | None, expected: str) -> None:
    assert document_symbol(type_code, body, unit) == expected


@pytest.mark.parametrize(
    ("type_code", "body", "unit", "message"),
    [
        ("TTR", "SNV", None, "không có trong Phụ lục III"),  # the code is mixed-case: TTr
        ("CV", "UBND", None, "không có trong Phụ lục III"),  # a công văn has no type code
        ("CT", "UBND", "NC", "chỉ công văn"),
        ("CT", "", None, "cơ quan ban hành"),
        ("CT", "UB ND", None, "cơ quan ban hành"),
        (None, "UBND", "N/C", "đơn vị soạn thảo"),
        ("", "UBND", None, "tên loại"),
    ],
)
def test_document_symbol_refuses(
    type_code: str | None, body: str, unit: str | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        document_symbol(type_code, body, unit)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((1, "CT", "UBND"), "01/CT-UBND"),
        ((125, "QĐ", "UBND"), "125/QĐ-UBND"),
        ((5, None, "UBND", "NC"), "05/UBND-NC"),
        ((12, "TTr", "SNV"), "12/TTr-SNV"),
    ],
)
def test_number_and_symbol(args: tuple, expected: str) -> None:
    assert number_and_symbol(*args) == expected
    assert number_line(*args) == f"Số: {expected}"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CHỈ THỊ", "CT"),
        ("QUYẾT ĐỊNH", "QĐ"),
        ("TỜ TRÌNH", "TTr"),
        ("BÁO CÁO", "BC"),
        ("BIÊN BẢN", "BB"),
        ("KẾ HOẠCH", "KH"),
        ("NGHỊ QUYẾT", "NQ"),
        ("QUY CHẾ", "QC"),
        ("QUY ĐỊNH", "QyĐ"),
        ("THÔNG CÁO", "TC"),
        ("THÔNG BÁO", "TB"),
        ("HƯỚNG DẪN", "HD"),
        ("CHƯƠNG TRÌNH", "CTr"),
        ("PHƯƠNG ÁN", "PA"),
        ("ĐỀ ÁN", "ĐA"),
        ("DỰ ÁN", "DA"),
        ("HỢP ĐỒNG", "HĐ"),
        ("CÔNG ĐIỆN", "CĐ"),
        ("BẢN GHI NHỚ", "BGN"),
        ("BẢN THỎA THUẬN", "BTT"),
        ("GIẤY ỦY QUYỀN", "GUQ"),
        ("GIẤY MỜI", "GM"),
        ("GIẤY GIỚI THIỆU", "GGT"),
        ("GIẤY NGHỈ PHÉP", "GNP"),
        ("PHIẾU GỬI", "PG"),
        ("PHIẾU CHUYỂN", "PC"),
        ("PHIẾU BÁO", "PB"),
    ],
)
def test_type_codes(name: str, code: str) -> None:
    assert TYPE_CODES[name] == code


def test_type_codes_are_all_of_nd30_and_nfc_upper() -> None:
    assert len(TYPE_CODES) == 27 == len(set(TYPE_CODES.values()))
    for name, code in TYPE_CODES.items():
        assert unicodedata.is_normalized("NFC", name) and unicodedata.is_normalized("NFC", code)
        assert name == name.upper()
        assert document_symbol(code, "UBND") == f"{code}-UBND"
