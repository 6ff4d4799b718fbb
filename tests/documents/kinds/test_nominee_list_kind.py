"""Specs for the list of nominees attached to a submission: grouped by form, Vietnamese name
order within each, tied to the submission's number and date, the format."""

from __future__ import annotations

import datetime as dt
import io

import docx

from service.documents.kinds import KINDS
from service.documents.kinds.nominee_list import VARIABLES, build_context
from service.documents.lint import lint_docx
from service.documents.render import render_docx
from service.domain.records import Nomination, Person, Unit

PROVINCE = Unit(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Sơn La",
                short_name="UBND tỉnh Sơn La", kind="province", place="Sơn La",
                abbreviation="UBND")
SNV = Unit(code="SNV", name="Sở Nội vụ", kind="department", parent="UBND-TINH", place="Sơn La",
           abbreviation="SNV", head="P0", head_title="Giám đốc")
HEAD = Person(code="P0", full_name="Lù Văn Pánh", gender="nam", unit="SNV", position="Giám đốc")
PEOPLE = {p.code: p for p in (
    HEAD,
    Person(code="P1", full_name="Nguyễn Văn Bình", gender="nam", unit="SNV",
           position="Chuyên viên"),
    Person(code="P2", full_name="Lê Văn An", gender="nam", unit="SNV", position="Trưởng phòng"),
    Person(code="P3", full_name="Trần Thị An", gender="nữ", unit="SNV", position="Chuyên viên"),
    Person(code="P4", full_name="Đỗ Văn Đạt", gender="nam", unit="SNV", position="Văn thư"),
)}
UNITS = {u.code: u for u in (PROVINCE, SNV)}


def nominate(code: str, person: str, honour: str) -> Nomination:
    return Nomination(code=code, year=2024, unit="SNV", nominee_kind="individual", person=person,
                      honour=honour, summary=f"Tóm tắt {code}")


NOMINATIONS = [
    nominate("N1", "P1", "LDTT"), nominate("N2", "P2", "LDTT"), nominate("N3", "P3", "LDTT"),
    nominate("N4", "P4", "CSTDCS"),
    Nomination(code="N5", year=2024, unit="SNV", nominee_kind="collective", nominee_unit="SNV",
               honour="TTLDXS", summary="Tập thể xuất sắc"),
]


def context() -> dict:
    return build_context(SNV, PROVINCE, NOMINATIONS, PEOPLE, UNITS, HEAD, 5,
                         dt.date(2024, 12, 9), 2024)


def test_the_registry_lists_the_list():
    kind = KINDS["nominee_list"]
    assert (kind.template, kind.build_context) == ("nominee_list.docx", build_context)


def test_the_context_holds_exactly_the_documented_variables():
    assert set(context()) == {v.name for v in VARIABLES}


def test_rows_are_grouped_by_form_and_people_in_vietnamese_name_order():
    rows = context()["rows"]
    assert [(r["number"], r["name"], r["honour"]) for r in rows] == [
        ("1", "Đỗ Văn Đạt", "Chiến sĩ thi đua cơ sở"),
        ("2", "Sở Nội vụ", "Tập thể lao động xuất sắc"),
        # by given name, then middle name: Trần Thị An, Lê Văn An, Nguyễn Văn Bình
        ("3", "Trần Thị An", "Lao động tiên tiến"),
        ("4", "Lê Văn An", "Lao động tiên tiến"),
        ("5", "Nguyễn Văn Bình", "Lao động tiên tiến"),
    ]
    assert rows[2]["post"] == "Chuyên viên, Sở Nội vụ"
    assert rows[1]["post"] == "Ủy ban nhân dân tỉnh Sơn La"
    assert rows[0]["summary"] == "Tóm tắt N4"


def test_within_a_form_collectives_then_people_then_households_as_the_decision_lists_them():
    from service.documents.kinds.decision import build_context as decision_context
    from service.domain.records import Decision, Signer

    mixed = [
        Nomination(code="N1", year=2024, unit="SNV", nominee_kind="household", honour="BKT",
                   household="Hộ ông Lò Văn Pánh, bản Nà Lốc"),
        nominate("N2", "P1", "BKT"),
        Nomination(code="N3", year=2024, unit="SNV", nominee_kind="collective",
                   nominee_unit="SNV", honour="BKT"),
        nominate("N4", "P2", "BKT"),
    ]
    listed = build_context(SNV, PROVINCE, mixed, PEOPLE, UNITS, HEAD, 5, dt.date(2024, 12, 9),
                           2024)["rows"]
    assert [r["name"] for r in listed] == [
        "Sở Nội vụ", "Lê Văn An", "Nguyễn Văn Bình", "Hộ ông Lò Văn Pánh, bản Nà Lốc"]
    decision = Decision(code="QD", year=2024, unit="UBND-TINH", number=1,
                        date=dt.date(2024, 12, 27), signer=Signer(name="A", title="Chủ tịch"),
                        nominations=[n.code for n in mixed])
    [table] = decision_context(decision, PROVINCE, None, mixed, PEOPLE, UNITS, SNV,
                               1)["annex_tables"]
    assert [r["name"].split(", ")[0] for r in table["rows"]] == [
        "Sở Nội vụ", "Ông Lê Văn An", "Ông Nguyễn Văn Bình", "Hộ ông Lò Văn Pánh"]


def test_the_list_carries_the_submissions_number_and_is_tied_to_it():
    ctx = context()
    assert ctx["number_line"] == "Số: 05/TTr-SNV"
    assert ctx["date_line"] == "Sơn La, ngày 09 tháng 12 năm 2024"
    assert ctx["note"] == "(Kèm theo Tờ trình số 05/TTr-SNV ngày 09/12/2024 của Sở Nội vụ)"
    assert ctx["total_line"] == "Tổng số: 01 tập thể và 04 cá nhân."
    assert (ctx["signer_lines"], ctx["signer_name"]) == (["GIÁM ĐỐC"], "Lù Văn Pánh")


def test_the_rendered_list_passes_the_format_check_and_reads_right():
    data = render_docx(KINDS["nominee_list"].template_path(), context())
    assert lint_docx(data) == []
    document = docx.Document(io.BytesIO(data))
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Họ và tên / Tập thể", "Chức vụ, đơn vị", "Hình thức đề nghị", "Tóm tắt thành tích"]
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "Đỗ Văn Đạt", "Sở Nội vụ", "Trần Thị An", "Lê Văn An", "Nguyễn Văn Bình"]
    title = next(p for p in document.paragraphs if p.text.startswith("Đề nghị tặng"))
    assert title.text.endswith("\n(Kèm theo Tờ trình số 05/TTr-SNV ngày 09/12/2024 của Sở Nội vụ)")
