"""Document numbers and symbols (số, ký hiệu): `Số: 01/CT-UBND`, `Số: 05/UBND-NC`."""

from __future__ import annotations

from .text import nfc

# Phụ lục III, Nghị định 30/2020/NĐ-CP: the abbreviation of each administrative document type.
# Codes are mixed-case on purpose (TTr, CTr, QyĐ): never upper-case them.
TYPE_CODES: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
}
_KNOWN_CODES = frozenset(TYPE_CODES.values())


def document_number(n: int) -> str:
    """Return the document number, zero-padded below 10 (1 → `01`); ValueError if n < 1."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"Số văn bản phải là số nguyên (nhận {type(n).__name__}).")
    if n < 1:
        raise ValueError(f"Số văn bản bắt đầu từ 01 (nhận {n}).")
    return f"{n:02d}"


def _part(text: str, what: str) -> str:
    """Return one part of a symbol in NFC; ValueError if it is blank or holds a space or `/`."""
    # A hyphen is allowed inside a part: joint (liên tịch) bodies are written `SNV-SVHTTDL`.
    part = nfc(text).strip()
    if not part or any(c.isspace() or c == "/" for c in part):
        raise ValueError(
            f"{what} “{text}” không hợp lệ: phải khác rỗng, không có dấu cách hay “/”."
        )
    return part


def document_symbol(type_code: str | None, body: str, drafting_unit: str | None = None) -> str:
    """Return the symbol: `CT-UBND` (type, body) or, for a công văn (type_code None), `UBND-NC`.

    A công văn without a drafting unit is just the body (`UBND`), as small communes write it.
    Raises ValueError for an unknown type code or a drafting unit given with a type code
    (ND30 puts the drafting unit only in a công văn's symbol).
    """
    body = _part(body, "Chữ viết tắt tên cơ quan ban hành")
    if type_code is None:
        if drafting_unit is None:
            return body
        return f"{body}-{_part(drafting_unit, 'Chữ viết tắt đơn vị soạn thảo')}"
    code = _part(type_code, "Chữ viết tắt tên loại văn bản")
    if code not in _KNOWN_CODES:
        known = ", ".join(sorted(_KNOWN_CODES))
        raise ValueError(
            f"Chữ viết tắt tên loại “{type_code}” không có trong Phụ lục III Nghị định "
            f"30/2020/NĐ-CP (gồm: {known})."
        )
    if drafting_unit is not None:
        raise ValueError(
            f"Văn bản có tên loại ({code}) không ghi đơn vị soạn thảo trong ký hiệu; "
            "chỉ công văn mới có."
        )
    return f"{code}-{body}"


def number_and_symbol(
    n: int, type_code: str | None, body: str, drafting_unit: str | None = None
) -> str:
    """Return `01/CT-UBND`, `125/QĐ-UBND` or `05/UBND-NC`; errors as document_symbol."""
    return f"{document_number(n)}/{document_symbol(type_code, body, drafting_unit)}"


def number_line(n: int, type_code: str | None, body: str, drafting_unit: str | None = None) -> str:
    """Return the header line `Số: 01/CT-UBND`; errors as number_and_symbol."""
    return f"Số: {number_and_symbol(n, type_code, body, drafting_unit)}"
