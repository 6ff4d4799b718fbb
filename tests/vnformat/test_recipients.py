"""Specs for service.vnformat.recipients."""

import pytest

from service.vnformat.recipients import RECIPIENTS_HEADING, recipient_lines

SEED_INPUT = [
    "Hội đồng TĐKT Trung ương (b/c)",
    "- Ban TĐKT Trung ương (b/c);",
    "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
    "- Chủ tịch, các PCT UBND tỉnh.",
    "\u2013 Như Điều 3",  # en dash, as Word autocorrects it
    "- Lưu: VT, NC, Tùng(20b).",
]
SEED_OUTPUT = [
    "- Hội đồng TĐKT Trung ương (b/c);",
    "- Ban TĐKT Trung ương (b/c);",
    "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
    "- Chủ tịch, các PCT UBND tỉnh;",
    "- Như Điều 3;",
    "- Lưu: VT, NC, Tùng(20b).",
]


def test_heading() -> None:
    assert RECIPIENTS_HEADING == "Nơi nhận:"


@pytest.mark.parametrize(
    ("recipients", "archive", "expected"),
    [
        (SEED_INPUT, "VT", SEED_OUTPUT),
        (["Như trên"], "VT", ["- Như trên;", "- Lưu: VT."]),
        (
            ["Sở Nội vụ", "UBND các huyện"],
            "VT, NC",
            ["- Sở Nội vụ;", "- UBND các huyện;", "- Lưu: VT, NC."],
        ),
        ([], "VT", ["- Lưu: VT."]),
        (["", "  ", "-", ";"], "VT", ["- Lưu: VT."]),
        (["-- Sở Nội vụ ;; "], "VT", ["- Sở Nội vụ;", "- Lưu: VT."]),
        (["Sở Nội vụ"], "Lưu: VT, TĐKT.", ["- Sở Nội vụ;", "- Lưu: VT, TĐKT."]),
        (["Sở Nội vụ", "lưu : VT, NC"], "VT", ["- Sở Nội vụ;", "- Lưu: VT, NC."]),
        (["Lưu: VT", "Sở Nội vụ"], "VT", ["- Sở Nội vụ;", "- Lưu: VT."]),  # archive goes last
        (["Ông Lưu Văn Hòa"], "VT", ["- Ông Lưu Văn Hòa;", "- Lưu: VT."]),
        (["Lưu Văn Hòa"], "VT", ["- Lưu Văn Hòa;", "- Lưu: VT."]),  # a name, not "Lưu:"
        (["So\u031b\u0309 Nội vụ"], "VT", ["- Sở Nội vụ;", "- Lưu: VT."]),  # NFD in, NFC out
    ],
)
def test_recipient_lines(recipients: list[str], archive: str, expected: list[str]) -> None:
    assert recipient_lines(recipients, archive) == expected


def test_recipient_lines_is_idempotent() -> None:
    assert recipient_lines(recipient_lines(SEED_INPUT)) == SEED_OUTPUT


@pytest.mark.parametrize(
    ("recipients", "archive", "message"),
    [
        (["Lưu: VT", "Lưu: NC"], "VT", "chỉ được có một"),
        (["Sở Nội vụ"], "  ", "phải ghi nơi lưu"),
        (["Sở Nội vụ", "Lưu:"], "VT", "phải ghi nơi lưu"),
    ],
)
def test_recipient_lines_refuses(recipients: list[str], archive: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        recipient_lines(recipients, archive)
