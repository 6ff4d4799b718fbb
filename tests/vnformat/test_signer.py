"""Specs for service.vnformat.signer."""

import pytest

from service.vnformat.signer import signer_lines


@pytest.mark.parametrize(
    ("authority", "on_behalf", "title", "expected"),
    [
        ("", "", "Chủ tịch", ["CHỦ TỊCH"]),
        ("", "", "Giám đốc", ["GIÁM ĐỐC"]),
        ("", "Ủy ban nhân dân", "Chủ tịch", ["CHỦ TỊCH"]),  # on_behalf ignored without authority
        ("TM", "Ủy ban nhân dân", "Chủ tịch", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        ("KT", "Chủ tịch", "Phó Chủ tịch", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        ("Q", "Giám đốc", "", ["Q. GIÁM ĐỐC"]),
        ("Q", "Giám đốc", "Giám đốc", ["Q. GIÁM ĐỐC"]),
        ("Q", "Giám đốc", "Quyền Giám đốc", ["Q. GIÁM ĐỐC"]),
        ("Q", "Giám đốc", "Q. Giám đốc", ["Q. GIÁM ĐỐC"]),
        ("Q", "Giám đốc", "Phó Giám đốc", ["Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        ("TL", "Chủ tịch", "Chánh Văn phòng", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        ("TUQ", "Chủ tịch", "Giám đốc Sở Nội vụ", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
        (
            "TM+KT",
            "Ủy ban nhân dân|Chủ tịch",
            "Phó Chủ tịch",
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (
            "TM+KT",
            ["Ủy ban nhân dân", "Chủ tịch"],
            "Phó Chủ tịch",
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (
            " tm. + kt. ",
            "ủy  ban nhân dân | chủ tịch",
            "phó chủ tịch",
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        ("TM+Q", "Ủy ban nhân dân|Chủ tịch", "", ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]),
        ("kt.", "Giám đốc", "Phó Giám đốc", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        ("KT", "Chu\u0309 tịch", "Phó Chủ tịch", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),  # NFD in
    ],
)
def test_signer_lines(
    authority: str, on_behalf: str | list[str], title: str, expected: list[str]
) -> None:
    assert signer_lines(authority, on_behalf, title) == expected


@pytest.mark.parametrize(
    ("authority", "on_behalf", "title", "message"),
    [
        ("XX", "Chủ tịch", "Phó Chủ tịch", "Quyền hạn ký “XX” không hợp lệ"),
        ("KT+TM", "Chủ tịch|Ủy ban nhân dân", "Phó Chủ tịch", "không hợp lệ"),
        ("TM+TM", "A|B", "Chủ tịch", "không hợp lệ"),
        ("TM+KT+TL", "A|B|C", "Chủ tịch", "không hợp lệ"),
        ("TM+", "Ủy ban nhân dân|", "Chủ tịch", "không hợp lệ"),
        ("KT", "", "Phó Chủ tịch", "cần 1 tên"),
        ("TM+KT", "Ủy ban nhân dân", "Phó Chủ tịch", "cần 2 tên"),
        ("TM+KT", "Ủy ban nhân dân| ", "Phó Chủ tịch", "cần 2 tên"),
        ("KT", "Chủ tịch", "", "Thiếu chức vụ"),
        ("", "", "  ", "Thiếu chức vụ"),
    ],
)
def test_signer_lines_refuses(authority: str, on_behalf: str, title: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        signer_lines(authority, on_behalf, title)
