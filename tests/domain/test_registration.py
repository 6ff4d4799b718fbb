"""Registration: the form refuses what cannot be registered, naming the field or row."""

from __future__ import annotations

import unicodedata

import pytest

from service.domain.records import Person, Registration, RegistrationEntry, Signer
from service.domain.registration import (
    AWARD_COLUMN,
    NAME_COLUMN,
    POSITION_COLUMN,
    TITLE_COLUMN,
    check_registration,
    entries_from_rows,
    sorted_entries,
    totals_by_title,
)

SIGNER = Signer(name="Hoàng Văn Nam", title="Giám đốc")


@pytest.fixture
def staff() -> list[Person]:
    return [
        Person(code="P1", full_name="Lò Văn Ơn", gender="nam", unit="SNV", position="Chuyên viên"),
        Person(code="P2", full_name="Cầm Thị Ánh", gender="nữ", unit="SNV", position="Kế toán"),
        Person(code="P3", full_name="Nguyễn Văn An", gender="nam", unit="SNV"),
        Person(code="P4", full_name="Nguyễn Văn An", gender="nam", unit="SNV"),  # a namesake
    ]


def entry(name: str, title: str | None = "LDTT", person: str | None = None,
          award: str | None = None) -> RegistrationEntry:
    return RegistrationEntry(person=person, full_name=name, title=title, award=award)


def registration(**fields: object) -> Registration:
    raw: dict[str, object] = {"unit": "SNV", "year": 2024, "collective_titles": ["TTLDTT"],
                              "signer": SIGNER}
    return Registration.model_validate(raw | fields)


def test_a_good_registration_has_no_problem(staff: list[Person]) -> None:
    reg = registration(individuals=[entry("Lò Văn Ơn", "CSTDCS", "P1", "GK"),
                                    entry("Nguyễn Văn An", person="P3"),
                                    entry("Nguyễn Văn An", person="P4"),
                                    entry("Hà Văn Mới")],
                       commitments=["Hoàn thành 100% nhiệm vụ"])
    assert check_registration(reg, staff) == []


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"collective_titles": ["LDTT"]}, "collective_titles",
         "“Lao động tiên tiến” là danh hiệu cá nhân, không dùng cho tập thể"),
        ({"collective_titles": ["CSTDT"]}, "collective_titles", "không dùng cho tập thể"),
        ({"collective_titles": ["GK"]}, "collective_titles",
         "“Giấy khen” là hình thức khen thưởng, không phải danh hiệu thi đua"),
        ({"collective_titles": ["TTLDTT", "TTLDTT"]}, "collective_titles", "hai lần"),
        ({"individuals": [entry("Lò Văn Ơn", person="P1"), entry("Cầm Thị Ánh", "TTLDXS", "P2")]},
         "individuals[2].title",
         "“Tập thể lao động xuất sắc” là danh hiệu tập thể, không dùng cho cá nhân"),
        ({"individuals": [entry("Lò Văn Ơn", "BKT", "P1")]}, "individuals[1].title",
         "“Bằng khen của Chủ tịch UBND tỉnh” là hình thức khen thưởng, không phải danh hiệu"),
        ({"individuals": [entry("Lò Văn Ơn", None, "P1", award="LDTT")]}, "individuals[1].award",
         "là danh hiệu thi đua, không phải hình thức khen thưởng"),
        ({"individuals": [entry("Người Lạ", person="P9")]}, "individuals[1]",
         "(mã P9) không có trong danh sách cán bộ của đơn vị"),
        ({"collective_titles": [], "individuals": []}, "individuals", "Danh sách đăng ký trống"),
        ({"signer": None}, "signer", "phải có người ký"),
        ({"commitments": ["Hoàn thành nhiệm vụ", " "]}, "commitments", "Cam kết thứ 2 để trống"),
    ],
)
def test_refusals_name_the_field(staff: list[Person], fields: dict, field: str, words: str) -> None:
    (problem,) = check_registration(registration(**fields), staff)
    assert problem.field == field
    assert words in problem.message


def test_a_draft_needs_no_signer(staff: list[Person]) -> None:
    assert check_registration(registration(signer=None, status="draft"), staff) == []


def test_a_title_not_in_the_catalogue_is_refused(staff: list[Person]) -> None:
    # The schema refuses it already; a record built without validation is still checked.
    reg = registration(individuals=[RegistrationEntry.model_construct(
        person=None, full_name="Lò Văn Ơn", position="", title="XYZ", award=None)])
    (problem,) = check_registration(reg, staff)
    assert (problem.field, problem.message) == (
        "individuals[1].title", "“XYZ” không có trong danh mục danh hiệu, hình thức khen thưởng")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (entry("Lò Văn Ơn", person="P1"), entry("Lò Văn Ơn", "CSTDCS", person="P1")),
        (entry("Lò Văn Ơn", person="P1"), entry("Lò Văn Ơn khác", person="P1")),  # same code
        (entry("Hà Văn Mới"), entry("  hà  VĂN mới ")),  # no code: the name decides
        (entry("Hà Văn Mới"), entry(unicodedata.normalize("NFD", "Hà Văn Mới"))),
        (entry("Lò Văn Ơn", person="P1"), entry("lò văn ơn")),  # one without code
    ],
)
def test_the_same_person_twice_names_both_rows(
    staff: list[Person], first: RegistrationEntry, second: RegistrationEntry
) -> None:
    reg = registration(individuals=[entry("Cầm Thị Ánh", person="P2"), first, second])
    (problem,) = check_registration(reg, staff)
    assert problem.field == "individuals[3]"
    assert "hai lần: dòng 2 và dòng 3" in problem.message


def test_every_problem_is_reported_in_form_order(staff: list[Person]) -> None:
    reg = registration(collective_titles=["LDTT"], signer=None, individuals=[
        entry("Lò Văn Ơn", "TTLDTT", "P1"), entry("Người Lạ", "GK", "P9"), entry("Lò Văn Ơn")])
    fields = [p.field for p in check_registration(reg, staff)]
    assert fields == ["collective_titles", "individuals[1].title", "individuals[2].title",
                      "individuals[2]", "individuals[3]", "signer"]


def test_totals_by_title_in_catalogue_order_without_zeros() -> None:
    reg = registration(individuals=[
        entry("A Văn Một", "CSTDCS", award="GK"), entry("B Văn Hai"), entry("C Văn Ba"),
        entry("D Văn Bốn", None, award="GK")])
    assert totals_by_title(reg) == [
        ("LDTT", "Lao động tiên tiến", 2),
        ("CSTDCS", "Chiến sĩ thi đua cơ sở", 1),
        ("GK", "Giấy khen", 2),
    ]
    assert totals_by_title(registration()) == []


def test_sorted_entries_in_vietnamese_name_order() -> None:
    names = ["Lò Thị Bình", "Trần Văn Ánh", "Nguyễn Văn An", "Đặng Thị Ánh", "Hà Thị Đào",
             "Vũ Văn Dũng"]
    reg = registration(individuals=[entry(n) for n in names])
    assert [e.full_name for e in sorted_entries(reg)] == [
        "Nguyễn Văn An", "Đặng Thị Ánh", "Trần Văn Ánh", "Lò Thị Bình", "Vũ Văn Dũng",
        "Hà Thị Đào"]


def row(name: str = "", position: str = "", title: str = "", award: str = "") -> dict[str, str]:
    return {NAME_COLUMN: name, POSITION_COLUMN: position, TITLE_COLUMN: title, AWARD_COLUMN: award}


@pytest.mark.parametrize(
    ("title", "award", "expected"),
    [
        ("LDTT", "", ("LDTT", None)),
        ("ldtt", "gk", ("LDTT", "GK")),
        ("Lao động tiên tiến", "", ("LDTT", None)),
        ("  CHIẾN SĨ   thi đua cơ sở ", "Bằng khen của chủ tịch UBND tỉnh", ("CSTDCS", "BKT")),
        (unicodedata.normalize("NFD", "Chiến sĩ thi đua cấp tỉnh"), "", ("CSTDT", None)),
        ("", "Giấy khen", (None, "GK")),
    ],
)
def test_rows_name_titles_by_code_or_name(title: str, award: str, expected: tuple) -> None:
    entries, problems = entries_from_rows([row("Hà Văn Mới", "", title, award)], [], 2)
    assert problems == []
    assert (entries[0].title, entries[0].award) == expected


def test_a_row_is_matched_to_staff_by_name(staff: list[Person]) -> None:
    entries, problems = entries_from_rows(
        [row(" lò  văn ơn ", "", "LDTT"), row("Cầm Thị Ánh", "Phó phòng", "LDTT"),
         row("Nguyễn Văn An", "", "LDTT"), row("Hà Văn Mới", "", "LDTT")], staff, 2)
    assert problems == []
    assert [(e.person, e.full_name, e.position) for e in entries] == [
        ("P1", "Lò Văn Ơn", "Chuyên viên"),  # the staff list's spelling and position
        ("P2", "Cầm Thị Ánh", "Phó phòng"),  # the position written wins
        (None, "Nguyễn Văn An", ""),  # two namesakes on staff: not guessed
        (None, "Hà Văn Mới", ""),
    ]


@pytest.mark.parametrize(
    ("bad", "column", "words"),
    [
        (row("", "Chuyên viên", "LDTT"), NAME_COLUMN, "thiếu họ và tên"),
        (row("Hà Văn Mới", "", "Lao dong tien tien"), TITLE_COLUMN,
         "“Lao dong tien tien” không có trong danh mục danh hiệu thi đua"),
        (row("Hà Văn Mới", "", "", "Huân chương"), AWARD_COLUMN,
         "“Huân chương” không có trong danh mục hình thức khen thưởng"),
        (row("Hà Văn Mới", "", "Giấy khen"), TITLE_COLUMN, "không phải danh hiệu thi đua"),
        (row("Hà Văn Mới", "", "", "LDTT"), AWARD_COLUMN, "không phải hình thức khen thưởng"),
        (row("Hà Văn Mới", "", "TTLDXS"), TITLE_COLUMN, "không dùng cho cá nhân"),
        (row("Hà Văn Mới", "Chuyên viên"), TITLE_COLUMN, "chưa ghi danh hiệu"),
        (row("Hà Văn\x07 Mới", "", "LDTT"), NAME_COLUMN, "ký tự điều khiển"),
    ],
)
def test_a_bad_row_is_named_by_its_line_and_column(bad: dict, column: str, words: str) -> None:
    entries, problems = entries_from_rows([row("Lò Văn Ơn", "", "LDTT"), bad], [], 4,
                                          file="ds.xlsx")
    assert [e.full_name for e in entries] == ["Lò Văn Ơn"]
    (problem,) = problems
    assert (problem.file, problem.line, problem.field) == ("ds.xlsx", 5, column)
    assert words in problem.message
    assert str(problem).startswith(f"tệp ds.xlsx, dòng 5, trường “{column}”")


def test_rows_keep_the_sheet_line_numbers_given() -> None:
    rows = [row("Lò Văn Ơn", "", "LDTT"), row("", "", "LDTT"), row("lò văn ơn", "", "", "GK")]
    _entries, problems = entries_from_rows(rows, [], 5, lines=[5, 9, 12])
    assert [(p.line, p.field) for p in problems] == [(9, NAME_COLUMN), (12, NAME_COLUMN)]
    assert "được ghi hai lần: dòng 5 và dòng 12" in problems[1].message


def test_rows_from_a_sheet_make_a_valid_registration(staff: list[Person]) -> None:
    entries, problems = entries_from_rows(
        [row("Lò Văn Ơn", "", "Chiến sĩ thi đua cơ sở", "Giấy khen"),
         row("Cầm Thị Ánh", "", "LDTT")], staff, 2)
    assert problems == []
    assert check_registration(registration(individuals=entries), staff) == []
