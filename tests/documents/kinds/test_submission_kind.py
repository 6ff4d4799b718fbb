"""Specs for the submission (tờ trình) kind: addressees, the proposal counted by form, the
attached list, the minutes cited, the format."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from service.documents.kinds import KINDS
from service.documents.kinds.submission import VARIABLES, build_context
from service.documents.lint import lint_docx
from service.documents.render import render_docx
from service.domain.records import CouncilVote, Nomination, Person, Unit, Vote

PROVINCE = Unit(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Sơn La",
                short_name="UBND tỉnh Sơn La", kind="province", place="Sơn La",
                abbreviation="UBND")
SYT = Unit(code="SYT", name="Sở Y tế", kind="department", parent="UBND-TINH", place="Sơn La",
           abbreviation="SYT", head="P0", head_title="Giám đốc")
HEAD = Person(code="P0", full_name="Đào Trọng Thịnh", gender="nam", unit="SYT",
              position="Giám đốc")
PEOPLE = {p.code: p for p in (
    HEAD,
    Person(code="P1", full_name="Cầm Thị Ánh", gender="nữ", unit="SYT", position="Bác sĩ"),
    Person(code="P2", full_name="Lò Văn Bình", gender="nam", unit="SYT", position="Dược sĩ"),
    Person(code="P3", full_name="Trần Thị An", gender="nữ", unit="SYT", position="Y sĩ"),
)}
UNITS = {u.code: u for u in (PROVINCE, SYT)}
DAY = dt.date(2024, 12, 2)


def person(code: str, nominee: str, honour: str) -> Nomination:
    return Nomination(code=code, year=2024, unit="SYT", nominee_kind="individual",
                      person=nominee, honour=honour)


CSTDT = person("N1", "P1", "CSTDT")
BKT_PEOPLE = [person("N2", "P2", "BKT"), person("N3", "P3", "BKT")]
BKT_SYT = Nomination(code="N4", year=2024, unit="SYT", nominee_kind="collective",
                     nominee_unit="SYT", honour="BKT")
LDTT = person("N5", "P2", "LDTT")
VOTE = CouncilVote(unit="SYT", year=2024, date=DAY, members_total=9, chair="Đào Trọng Thịnh",
                   secretary="Lò Văn Chỉnh",
                   votes=[Vote(nomination=f"N{i}", votes_for=9) for i in range(1, 6)])


def context(nominations: list[Nomination], minutes: str = "04/BB-SYT") -> dict:
    return build_context(SYT, PROVINCE, PROVINCE, HEAD, nominations, VOTE, PEOPLE, UNITS, DAY, 5,
                         minutes_symbol=minutes)


def test_the_registry_lists_the_submission():
    kind = KINDS["submission"]
    assert (kind.template, kind.type_code, kind.build_context) == (
        "submission.docx", "TTr", build_context)


def test_the_context_holds_exactly_the_documented_variables():
    assert set(context([CSTDT])) == {v.name for v in VARIABLES}


def test_the_header_title_and_signer():
    ctx = context([CSTDT, *BKT_PEOPLE, BKT_SYT])
    assert (ctx["parent_agency"], ctx["agency"]) == ("UBND TỈNH SƠN LA", "SỞ Y TẾ")
    assert ctx["number_line"] == "Số: 05/TTr-SYT"
    assert ctx["date_line"] == "Sơn La, ngày 02 tháng 12 năm 2024"
    assert ctx["subject"] == ("Về việc đề nghị tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” và "
                              "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2024")
    assert (ctx["signer_lines"], ctx["signer_name"]) == (["GIÁM ĐỐC"], "Đào Trọng Thịnh")


def test_provincial_honours_go_from_the_unit_to_the_provinces_chairman():
    ctx = context([CSTDT, BKT_SYT])
    assert ctx["addressee"] == "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Sơn La."
    assert ctx["recipient_lines"] == ["- Như trên;", "- Ban Thi đua - Khen thưởng tỉnh;",
                                      "- Lưu: VT."]


def test_base_level_titles_go_from_the_units_council_to_its_head():
    ctx = context([LDTT])
    assert (ctx["parent_agency"], ctx["agency"]) == ("SỞ Y TẾ", "HỘI ĐỒNG\nTHI ĐUA - KHEN THƯỞNG")
    assert ctx["number_line"] == "Số: 05/TTr-HĐTĐKT"
    assert ctx["addressee"] == "Kính gửi: Giám đốc Sở Y tế."
    assert (ctx["signer_lines"], ctx["signer_name"]) == (["TM. HỘI ĐỒNG", "CHỦ TỊCH"],
                                                         "Đào Trọng Thịnh")
    texts = [item["text"] for item in ctx["body"]]
    assert texts[-1] == ("Hội đồng Thi đua - Khen thưởng Sở Y tế kính trình Giám đốc Sở Y tế xem "
                         "xét, quyết định./.")
    assert ctx["body"][-1]["keep"] is True


def test_the_proposal_counts_nominees_by_form_and_attaches_the_list():
    texts = [item["text"] for item in context([CSTDT, *BKT_PEOPLE, BKT_SYT])["body"]]
    assert "- Danh hiệu “Chiến sĩ thi đua cấp tỉnh”: 01 cá nhân;" in texts
    assert "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 01 tập thể và 02 cá nhân." in texts
    assert "Tổng số: 01 tập thể và 03 cá nhân (có danh sách kèm theo)." in texts
    assert any("04 báo cáo thành tích" in t for t in texts)
    assert texts[-1].endswith("xem xét, quyết định./.")


def test_the_grounds_cite_the_law_the_decree_in_force_and_the_minutes():
    texts = [item["text"] for item in context([CSTDT])["body"]]
    assert texts[0].startswith("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số "
                               "98/2023/NĐ-CP")
    assert "(Biên bản số 04/BB-SYT)" in texts[1]
    assert "Biên bản" not in [i["text"] for i in context([CSTDT], minutes="")["body"]][1]


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(KINDS["submission"].template_path(),
                       context([CSTDT, *BKT_PEOPLE, BKT_SYT]))


def test_the_councils_submission_passes_the_format_check_too():
    data = render_docx(KINDS["submission"].template_path(), context([LDTT]))
    assert lint_docx(data) == []


def test_the_rendered_submission_passes_the_format_check(rendered):
    assert lint_docx(rendered) == []


def test_the_rendered_submission_reads_as_a_clerk_writes_it(rendered):
    document = docx.Document(io.BytesIO(rendered))
    texts = [p.text for p in document.paragraphs]
    assert "TỜ TRÌNH" in texts and "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Sơn La." in texts
    footer = document.tables[-1]
    assert footer.cell(0, 1).paragraphs[0].text == "GIÁM ĐỐC"
    assert footer.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
