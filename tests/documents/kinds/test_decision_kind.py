"""Specs for the commendation decision (quyết định khen thưởng) kind: the grounds in force on its
date and the proposal, the articles, the reward money of each line and the total in words, the
annexed list in the nominee list's order with the unit's cell merged down, the format."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from service.documents.kinds import KINDS
from service.documents.kinds.decision import VARIABLES, build_context, grounds_in_force
from service.documents.lint import lint_docx
from service.documents.render import render_docx
from service.domain.records import Decision, Nomination, Person, Signer, Unit

PROVINCE = Unit(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Sơn La",
                short_name="UBND tỉnh Sơn La", kind="province", place="Sơn La",
                abbreviation="UBND", head_title="Chủ tịch")
SYT = Unit(code="SYT", name="Sở Y tế", kind="department", parent="UBND-TINH", place="Sơn La",
           abbreviation="SYT", head_title="Giám đốc")
SNV = Unit(code="SNV", name="Sở Nội vụ", kind="department", parent="UBND-TINH", place="Sơn La",
           abbreviation="SNV", head_title="Giám đốc")
COMMUNE = Unit(code="X-CS", name="Ủy ban nhân dân xã Chiềng Sơn", kind="commune",
               parent="SYT", place="Mộc Châu", abbreviation="UBND", head_title="Chủ tịch")
UNITS = {u.code: u for u in (PROVINCE, SYT, SNV, COMMUNE)}
PEOPLE = {p.code: p for p in (
    Person(code="P1", full_name="Cầm Thị Ánh", gender="nữ", unit="SYT", position="Bác sĩ"),
    Person(code="P2", full_name="Lò Văn Bình", gender="nam", unit="SYT", position="Dược sĩ"),
    Person(code="P3", full_name="Đỗ Văn Đạt", gender="nam", unit="SNV", position="Chuyên viên"),
    Person(code="P4", full_name="Lê Văn An", gender="nam", unit="SYT", position="Kế toán"),
)}
ND98_DAY = dt.date(2024, 12, 27)
ND152_DAY = dt.date(2025, 12, 15)


def nominate(code: str, unit: str, person: str, honour: str) -> Nomination:
    return Nomination(code=code, year=2024, unit=unit, nominee_kind="individual", person=person,
                      honour=honour)


# SYT proposes two people for one title: its cell spans both rows
NOMINATIONS = [nominate("N1", "SYT", "P2", "CSTDCS"), nominate("N2", "SNV", "P3", "CSTDCS"),
               nominate("N3", "SYT", "P1", "CSTDCS")]
SIGNER = Signer(name="Nguyễn Hữu Đạt", title="Phó Chủ tịch", authority="KT", on_behalf="Chủ tịch")


def decision(on: dt.date = ND98_DAY, codes: list[str] | None = None) -> Decision:
    return Decision(code="QD1", year=2024, unit="UBND-TINH", number=3215, date=on, signer=SIGNER,
                    nominations=codes or [n.code for n in NOMINATIONS], subject="")


def context(nominations: list[Nomination] = NOMINATIONS, on: dt.date = ND98_DAY,
            office: Unit | None = SNV) -> dict:
    return build_context(decision(on, [n.code for n in nominations]), PROVINCE, None, nominations,
                         PEOPLE, UNITS, office, 3215)


def texts(items: list[dict]) -> list[str]:
    return [item["lead"] + item["text"] for item in items]


def test_the_registry_lists_the_decision():
    kind = KINDS["decision"]
    assert (kind.template, kind.type_code, kind.build_context) == (
        "decision.docx", "QĐ", build_context)


def test_the_context_holds_exactly_the_documented_variables():
    assert set(context()) == {v.name for v in VARIABLES}


def test_the_header_title_authority_and_signer():
    ctx = context()
    assert (ctx["agency"], ctx["number_line"]) == ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA",
                                                   "Số: 3215/QĐ-UBND")
    assert ctx["subject"] == "Về việc tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm 2024"
    assert ctx["authority"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"
    assert ctx["signer_lines"] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert ctx["recipient_lines"][0] == "- Như Điều 3;"


def test_the_grounds_are_italic_and_those_in_force_on_the_decisions_date():
    grounds = context()["grounds"]
    assert all(item["italic"] for item in grounds)
    lines = texts(grounds)
    assert lines[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm "
                               "2015;")
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;" in lines
    assert any(line.startswith("Căn cứ Nghị định số 98/2023/NĐ-CP") for line in lines)
    assert any("Quy chế Thi đua, khen thưởng tỉnh Sơn La" in line for line in lines)
    assert lines[-1] == "Xét đề nghị của Giám đốc Sở Nội vụ."
    later = grounds_in_force(ND152_DAY, "Sơn La")
    assert any(line.startswith("Nghị định số 152/2025/NĐ-CP") for line in later)
    assert not any("2015" in line for line in later)


def test_the_proposal_is_the_emulation_offices_whatever_the_units_proposing():
    # the same text at every render: no unit's Tờ trình that may or may not be numbered yet
    alone = [nominate("N2", "SNV", "P3", "CSTDCS")]
    assert texts(context(alone)["grounds"])[-1] == texts(context()["grounds"])[-1]
    assert texts(context(office=None)["grounds"])[-1] == (
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng tỉnh Sơn La.")


def test_the_articles():
    articles = texts(context()["articles"])
    assert articles[0] == ("Điều 1. Tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 03 cá nhân đã có "
                           "thành tích xuất sắc trong phong trào thi đua năm 2024 (có danh sách "
                           "kèm theo).")
    assert articles[1] == (
        "Điều 2. Tiền thưởng kèm theo thực hiện theo Điều 54 Nghị định số 98/2023/NĐ-CP, mức "
        "lương cơ sở 2.340.000 đồng; tổng số tiền thưởng là 7.020.000 đồng (Bằng chữ: Bảy triệu "
        "không trăm hai mươi nghìn đồng), chi từ nguồn Quỹ thi đua, khen thưởng tỉnh Sơn La năm "
        "2024.")
    assert articles[2].startswith("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở "
                                  "Nội vụ, Giám đốc Sở Tài chính")
    assert articles[2].endswith("chịu trách nhiệm thi hành Quyết định này./.")


@pytest.mark.parametrize(
    ("honour", "on", "amount"),
    [
        ("CSTDCS", ND98_DAY, "2.340.000"),  # 1,0 × 2.340.000
        ("LDTT", ND98_DAY, "702.000"),  # 0,3 × 2.340.000, ND 98/2023 keeps it to the đồng
        ("LDTT", ND152_DAY, "710.000"),  # ND 152/2025: rounded up to the ten thousand
        ("CSTDT", ND98_DAY, "7.020.000"),
        ("CSTDCS", dt.date(2024, 6, 30), "1.800.000"),  # the base salary before 01/07/2024
    ],
)
def test_each_line_is_paid_coefficient_times_base_salary_as_the_act_in_force_rounds(
    honour, on, amount
):
    [table] = context([nominate("N1", "SYT", "P1", honour)], on)["annex_tables"]
    assert table["rows"][0]["amount"] == amount
    assert (table["total_label"], table["total"]) == ("Tổng cộng", amount)


def test_collectives_come_first_then_people_by_unit_and_name_then_households():
    # the nominee list's order: kind, then (here) the proposing unit, then the name
    mixed = [
        nominate("N1", "SYT", "P2", "BKT"),
        Nomination(code="N2", year=2024, unit="SYT", nominee_kind="household", honour="BKT",
                   household="Hộ ông Lò Văn Pánh, bản Nà Lốc"),
        nominate("N3", "SNV", "P3", "BKT"),
        Nomination(code="N4", year=2024, unit="SYT", nominee_kind="collective",
                   nominee_unit="X-CS", honour="BKT"),
        nominate("N5", "SYT", "P4", "BKT"),
        Nomination(code="N6", year=2024, unit="SYT", nominee_kind="collective",
                   nominee_unit="SYT", honour="BKT"),
    ]
    [table] = context(mixed)["annex_tables"]
    assert [(r["unit"], r["merge"], r["name"]) for r in table["rows"]] == [
        ("Sở Y tế", "restart", "Sở Y tế"),
        ("", "continue", "Ủy ban nhân dân xã Chiềng Sơn"),
        ("", "continue", "Ông Lê Văn An, Kế toán"),  # An before Bình: by given name
        ("", "continue", "Ông Lò Văn Bình, Dược sĩ"),
        ("Sở Nội vụ", "restart", "Ông Đỗ Văn Đạt, Chuyên viên"),
        ("Sở Y tế", "restart", "Hộ ông Lò Văn Pánh, bản Nà Lốc"),
    ]


def test_the_list_groups_people_by_unit_with_the_unit_merged_down():
    [table] = context()["annex_tables"]
    assert [(r["number"], r["unit"], r["merge"], r["name"]) for r in table["rows"]] == [
        ("1", "Sở Y tế", "restart", "Bà Cầm Thị Ánh, Bác sĩ"),
        ("2", "", "continue", "Ông Lò Văn Bình, Dược sĩ"),
        ("3", "Sở Nội vụ", "restart", "Ông Đỗ Văn Đạt, Chuyên viên"),
    ]
    assert table["heading"] == ""
    assert context()["total_line"] == ("Tổng số tiền thưởng: 7.020.000 đồng (Bằng chữ: Bảy triệu "
                                       "không trăm hai mươi nghìn đồng).")


def test_several_forms_make_one_table_each_and_a_grand_total():
    mixed = [nominate("N1", "SYT", "P1", "CSTDT"), nominate("N2", "SNV", "P3", "LDTT")]
    ctx = context(mixed)
    tables = ctx["annex_tables"]
    assert [t["heading"] for t in tables] == ["I. Danh hiệu “Chiến sĩ thi đua cấp tỉnh”",
                                             "II. Danh hiệu “Lao động tiên tiến”"]
    assert [(t["total_label"], t["total"]) for t in tables] == [("Cộng", "7.020.000"),
                                                               ("Cộng", "702.000")]
    assert ctx["total_line"] == ("Tổng số tiền thưởng: 7.722.000 đồng (Bằng chữ: Bảy triệu bảy "
                                 "trăm hai mươi hai nghìn đồng).")
    assert ctx["annex_title"] == "CÁ NHÂN ĐƯỢC KHEN THƯỞNG"


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(KINDS["decision"].template_path(), context())


def test_the_rendered_decision_passes_the_format_check(rendered):
    assert lint_docx(rendered) == []


def test_the_units_cell_is_merged_down_its_rows(rendered):
    document = docx.Document(io.BytesIO(rendered))
    table = document.tables[-1]
    body = [row._tr for row in table.rows[1:-1]]
    merges = [tr.tc_lst[1].tcPr.find(qn("w:vMerge")).get(qn("w:val")) for tr in body]
    assert merges == ["restart", "continue", "restart"]
    assert [table.rows[i].cells[1].text for i in (1, 3)] == ["Sở Y tế", "Sở Nội vụ"]
    assert table.rows[2].cells[1].text == "Sở Y tế"  # python-docx reads the merged cell
    total = table.rows[-1]
    assert total._tr.tc_lst[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert [c.text for c in total.cells][-2:] == ["Tổng cộng", "7.020.000"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_list_starts_on_a_new_page_under_its_note(rendered):
    document = docx.Document(io.BytesIO(rendered))
    heading = next(p for p in document.paragraphs if p.text == "DANH SÁCH")
    assert heading.paragraph_format.page_break_before
    texts_ = [p.text for p in document.paragraphs]
    note = texts_[texts_.index("DANH SÁCH") + 2]
    assert note == ("(Kèm theo Quyết định số 3215/QĐ-UBND ngày 27/12/2024 của Chủ tịch Ủy ban "
                    "nhân dân tỉnh Sơn La)")
    assert "QUYẾT ĐỊNH:" in texts_
