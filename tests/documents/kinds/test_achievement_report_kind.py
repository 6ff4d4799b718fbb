"""Specs for the achievement report (báo cáo thành tích) kind: the decree's form by nominee
kind, sections I–III with the table of honours received, the form's signatures, the format."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from service.documents.kinds import KINDS
from service.documents.kinds.achievement_report import VARIABLES, build_context
from service.documents.lint import lint_docx
from service.documents.render import render_docx
from service.domain.records import (
    Achievement,
    HonourEarned,
    Nomination,
    Person,
    ReportSection,
    Unit,
)

PROVINCE = Unit(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Sơn La",
                short_name="UBND tỉnh Sơn La", kind="province", place="Sơn La",
                abbreviation="UBND")
SYT = Unit(code="SYT", name="Sở Y tế", kind="department", parent="UBND-TINH", place="Sơn La",
           abbreviation="SYT", head="P0", head_title="Giám đốc")
DISTRICT = Unit(code="H-MC", name="Ủy ban nhân dân huyện Mộc Châu", kind="district",
                parent="UBND-TINH", place="Mộc Châu", abbreviation="UBND", head="P8",
                head_title="Chủ tịch")
COMMUNE = Unit(code="X-CS", name="Ủy ban nhân dân xã Chiềng Sơn", kind="commune", parent="H-MC",
               place="Chiềng Sơn", abbreviation="UBND", head="P9", head_title="Chủ tịch")
HEADS = {"SYT": Person(code="P0", full_name="Đào Trọng Thịnh", gender="nam", unit="SYT"),
         "H-MC": Person(code="P8", full_name="Cầm Thanh Nghĩa", gender="nam", unit="H-MC"),
         "X-CS": Person(code="P9", full_name="Giàng A Chư", gender="nam", unit="X-CS")}
ANH = Person(code="P1", full_name="Cầm Thị Ánh", gender="nữ", unit="SYT", position="Bác sĩ")
PEOPLE = {"P1": ANH}
UNITS = {u.code: u for u in (PROVINCE, SYT, DISTRICT, COMMUNE)}
REPORT = [
    ReportSection(heading="Sơ lược lý lịch",
                  text="Họ và tên: Cầm Thị Ánh; giới tính: nữ; năm sinh: 1982; chức vụ: Bác sĩ."),
    ReportSection(heading="Thành tích đạt được", text="Khám sàng lọc tại 15 trạm y tế."),
    ReportSection(heading="Sáng kiến, đề tài khoa học", text="Năm 2024: sáng kiến cấp tỉnh."),
    ReportSection(heading="Các hình thức khen thưởng đã được ghi nhận", text="Năm 2023: LĐTT."),
]
PERSON = Nomination(code="N1", year=2024, unit="SYT", nominee_kind="individual", person="P1",
                    honour="CSTDT", report=REPORT)
ACHIEVEMENTS = [
    Achievement(person="P1", year=2025, honours=[HonourEarned(code="LDTT", decision="QĐ 9")]),
    Achievement(person="P1", year=2023, honours=[
        HonourEarned(code="LDTT", decision="Quyết định số 233/QĐ-SYT ngày 23/12/2023"),
        HonourEarned(code="CSTDCS", decision="Quyết định số 234/QĐ-SYT ngày 23/12/2023")]),
    Achievement(person="P1", year=2022, honours=[
        HonourEarned(code="LDTT", decision="Quyết định số 222/QĐ-SYT ngày 23/12/2022")]),
]
DAY = dt.date(2024, 12, 2)


def context(nomination: Nomination = PERSON, unit: Unit = SYT, parent: Unit | None = PROVINCE,
            achievements: list[Achievement] = ACHIEVEMENTS, on: dt.date = DAY) -> dict:
    return build_context(nomination, unit, parent, PEOPLE, UNITS, HEADS, achievements, on, 7)


def collective(proposer: str, nominee: str) -> Nomination:
    return Nomination(code="N2", year=2024, unit=proposer, nominee_kind="collective",
                      nominee_unit=nominee, honour="BKT", report=[
                          ReportSection(heading="Đặc điểm, tình hình", text="Xã vùng cao."),
                          ReportSection(heading="Thành tích đạt được", text="Nông thôn mới.")])


HOUSEHOLD = Nomination(code="N3", year=2024, unit="H-MC", nominee_kind="household",
                       household="Hộ ông Lò Văn Pánh, bản Nà Lốc, xã Phổng Lái", honour="BKT",
                       report=[ReportSection(heading="Sơ lược về hộ gia đình", text="6 nhân khẩu."),
                               ReportSection(heading="Thành tích đạt được", text="Hiến đất."),
                               ReportSection(heading="Các hình thức khen thưởng đã được ghi nhận",
                                             text="Năm 2022: Giấy khen.")])


def texts(items: list[dict]) -> list[str]:
    return [item["lead"] + item["text"] for item in items]


def test_the_registry_lists_the_report():
    kind = KINDS["achievement_report"]
    assert (kind.template, kind.type_code, kind.build_context) == (
        "achievement_report.docx", "BC", build_context)


def test_the_context_holds_exactly_the_documented_variables():
    assert set(context()) == {v.name for v in VARIABLES}


@pytest.mark.parametrize(
    ("nomination", "on", "label"),
    [(PERSON, DAY, "Mẫu số 02"), (collective("SYT", "SYT"), DAY, "Mẫu số 01"),
     (PERSON, dt.date(2025, 12, 1), "Mẫu số 02"), (HOUSEHOLD, DAY, "")],
)
def test_the_form_follows_the_kind_of_nominee_and_the_decree_in_force(nomination, on, label):
    unit = DISTRICT if nomination.unit == "H-MC" else SYT
    assert context(nomination, unit, on=on)["form_label"] == label


def test_the_title_names_the_honour_and_the_nominee():
    ctx = context()
    assert ctx["type_name"] == "BÁO CÁO THÀNH TÍCH"
    assert ctx["subject"] == ("ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2024\n"
                              "Cầm Thị Ánh, Bác sĩ, Sở Y tế")
    assert ctx["number_line"] == "Số: 07/BC-SYT"
    commune = context(collective("H-MC", "X-CS"), DISTRICT, None)
    assert commune["subject"].endswith("\nỦy ban nhân dân xã Chiềng Sơn, huyện Mộc Châu")
    assert commune["agency"] == "ỦY BAN NHÂN DÂN\nHUYỆN MỘC CHÂU"


def test_sections_one_and_two_come_from_the_report():
    assert texts(context()["sections"]) == [
        "I. SƠ LƯỢC LÝ LỊCH",
        "- Họ và tên: Cầm Thị Ánh;", "- Giới tính: nữ;", "- Năm sinh: 1982;", "- Chức vụ: Bác sĩ.",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "Khám sàng lọc tại 15 trạm y tế.",
        "Sáng kiến, đề tài khoa học: Năm 2024: sáng kiến cấp tỉnh.",
    ]


def test_section_three_is_the_table_of_honours_up_to_the_year():
    ctx = context()
    assert [(r["year"], r["honour"], r["decision"]) for r in ctx["honours_rows"]] == [
        ("2022", "Lao động tiên tiến", "Quyết định số 222/QĐ-SYT ngày 23/12/2022"),
        ("2023", "Lao động tiên tiến", "Quyết định số 233/QĐ-SYT ngày 23/12/2023"),
        ("2023", "Chiến sĩ thi đua cơ sở", "Quyết định số 234/QĐ-SYT ngày 23/12/2023"),
    ]
    assert ctx["honours_text"] == []


def test_without_records_section_three_is_the_reports_text():
    ctx = context(HOUSEHOLD, DISTRICT, None, achievements=[])
    assert ctx["honours_rows"] == [] and texts(ctx["honours_text"]) == ["Năm 2022: Giấy khen."]


def test_a_person_signs_beside_the_head_and_the_proposing_level_confirms_under():
    ctx = context()
    assert (ctx["left_lines"], ctx["left_name"]) == (["THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"],
                                                     "Đào Trọng Thịnh")
    assert (ctx["right_lines"], ctx["right_note"], ctx["right_name"]) == (
        ["NGƯỜI BÁO CÁO THÀNH TÍCH"], "(Ký, ghi rõ họ và tên)", "Cầm Thị Ánh")
    assert ctx["confirm_lines"] == ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"]
    # the shorter block gets more room to sign, so the names line up
    assert len(ctx["right_space"]) == len(ctx["left_space"]) + 1


def test_a_collective_signs_beside_the_proposing_level():
    ctx = context(collective("H-MC", "X-CS"), DISTRICT, None)
    assert (ctx["left_lines"], ctx["left_name"]) == (["XÁC NHẬN CỦA CẤP TRÌNH", "KHEN THƯỞNG"],
                                                     "Cầm Thanh Nghĩa")
    assert (ctx["right_lines"], ctx["right_name"]) == (["THỦ TRƯỞNG ĐƠN VỊ"], "Giàng A Chư")
    assert ctx["confirm_lines"] == []
    itself = context(collective("SYT", "SYT"))
    assert (itself["left_lines"], itself["right_name"]) == ([], "Đào Trọng Thịnh")


def test_a_households_representative_signs():
    ctx = context(HOUSEHOLD, DISTRICT, None, achievements=[])
    assert (ctx["right_lines"], ctx["right_name"]) == (["ĐẠI DIỆN HỘ GIA ĐÌNH"], "Lò Văn Pánh")


@pytest.mark.parametrize("case", ["person", "collective", "household"])
def test_every_form_passes_the_format_check(case):
    ctx = {
        "person": lambda: context(),
        "collective": lambda: context(collective("H-MC", "X-CS"), DISTRICT, None),
        "household": lambda: context(HOUSEHOLD, DISTRICT, None, achievements=[]),
    }[case]()
    data = render_docx(KINDS["achievement_report"].template_path(), ctx)
    assert lint_docx(data) == []


def test_the_form_number_is_in_the_first_pages_header():
    data = render_docx(KINDS["achievement_report"].template_path(), context())
    document = docx.Document(io.BytesIO(data))
    assert document.sections[0].first_page_header.paragraphs[0].text == "Mẫu số 02"
    honours = document.tables[1]
    assert [c.text for c in honours.rows[1].cells] == [
        "2022", "Lao động tiên tiến", "Quyết định số 222/QĐ-SYT ngày 23/12/2022"]
    tail = [p.text for p in document.paragraphs if p.text][-2:]
    assert tail == ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(Ký, đóng dấu)"]
