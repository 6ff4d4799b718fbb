"""Specs for the council minutes (biên bản) kind: who met, the ballot per nominee against the
law's threshold, the conclusion that counts what goes up as the submission does, the
signatures of secretary and chair side by side, the format."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from service.documents.kinds import KINDS
from service.documents.kinds.minutes import VARIABLES, build_context, percent
from service.documents.lint import lint_docx
from service.documents.render import render_docx
from service.domain import ballot
from service.domain.errors import RecordError
from service.domain.records import CouncilVote, Nomination, Person, Unit, Vote

SGD = Unit(code="SGDDT", name="Sở Giáo dục và Đào tạo", kind="department", parent="UBND-TINH",
           place="Sơn La", abbreviation="SGDĐT", head="P0", head_title="Giám đốc")
PROVINCE = Unit(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Sơn La",
                short_name="UBND tỉnh Sơn La", kind="province", place="Sơn La",
                abbreviation="UBND")
PEOPLE = {p.code: p for p in (
    Person(code="P1", full_name="Trần Thị Ánh", gender="nữ", unit="SGDDT", position="Giáo viên"),
    Person(code="P2", full_name="Lê Văn Bình", gender="nam", unit="SGDDT", position="Chuyên viên"),
)}
UNITS = {u.code: u for u in (SGD, PROVINCE)}
NOMINATIONS = [
    Nomination(code="N1", year=2024, unit="SGDDT", nominee_kind="individual", person="P1",
               honour="CSTDT"),
    Nomination(code="N2", year=2024, unit="SGDDT", nominee_kind="individual", person="P2",
               honour="LDTT"),
    Nomination(code="N3", year=2024, unit="SGDDT", nominee_kind="collective",
               nominee_unit="SGDDT", honour="BKT"),
]
VOTE = CouncilVote(
    unit="SGDDT", year=2024, date=dt.date(2024, 12, 3), place="Phòng họp Sở Giáo dục và Đào tạo",
    members_total=9,
    present=["Đỗ Việt Hoàn", "Lê Việt Đức", "Lương Ngọc Nguyệt", "Mè Thị Ngọc", "Đặng Việt Khải",
             "Trần Thị Ánh", "Nghiêm Diệu Trang", "Mè Thu Hạnh"],
    absent=["Hoàng Mạnh Bằng"], chair="Đỗ Việt Hoàn", secretary="Lương Ngọc Nguyệt",
    votes=[Vote(nomination="N1", votes_for=8), Vote(nomination="N2", votes_for=8),
           Vote(nomination="N3", votes_for=9)],
)


def context(**changes: object) -> dict:
    return build_context(VOTE, SGD, PROVINCE, NOMINATIONS, PEOPLE, UNITS, 4, **changes)


def texts(items: list[dict]) -> list[str]:
    return [item["lead"] + item["text"] for item in items]


def test_the_registry_lists_the_minutes():
    kind = KINDS["minutes"]
    assert (kind.template, kind.type_code, kind.build_context) == (
        "minutes.docx", "BB", build_context)


def test_the_context_holds_exactly_the_documented_variables():
    assert set(context()) == {v.name for v in VARIABLES}


@pytest.mark.parametrize(("share", "text"), [((8, 9), "88,9%"), ((9, 9), "100%"),
                                             ((5, 7), "71,4%"), ((4, 5), "80%")])
def test_percentages_have_one_decimal_unless_whole(share, text):
    from fractions import Fraction

    assert percent(Fraction(*share)) == text


def test_each_nominee_has_its_votes_of_all_members_its_share_and_the_result():
    rows = context()["ballot_rows"]
    assert [(r["name"], r["honour"], r["votes"], r["share"], r["result"]) for r in rows] == [
        ("Trần Thị Ánh", "Chiến sĩ thi đua cấp tỉnh", "8/9", "88,9%", "Không đạt"),  # needs 90%
        ("Lê Văn Bình", "Lao động tiên tiến", "8/9", "88,9%", "Đạt"),
        ("Sở Giáo dục và Đào tạo", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "9/9", "100%",
         "Đạt"),
    ]


def test_the_thresholds_of_the_law_in_force_are_stated_with_their_article():
    closing = texts(context()["closing"])
    assert closing[0] == (
        "Tỷ lệ phiếu đồng ý cần đạt so với tổng số thành viên Hội đồng (Điều 30 khoản 7 Nghị định "
        "98/2023/NĐ-CP): Chiến sĩ thi đua cấp tỉnh: ít nhất 90%; Lao động tiên tiến: trên 50%; "
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: trên 50%.")


def test_the_conclusion_separates_going_up_the_heads_own_and_short_of_the_votes():
    # routed by vote and honour alone: the BKT goes up, the LĐTT is the head's, the CSTĐT failed
    closing = texts(context()["closing"])
    assert closing[1:5] == [
        "IV. KẾT LUẬN",
        "Hội đồng thống nhất:",
        "- Đề nghị cấp trên khen thưởng: 01 tập thể;",
        "- Thuộc thẩm quyền Thủ trưởng đơn vị, đề nghị Giám đốc Sở Giáo dục và Đào tạo xem xét, "
        "khen thưởng: 01 cá nhân;",
    ]
    assert closing[5] == ("- Không đạt số phiếu đồng ý theo quy định, không đề nghị khen thưởng: "
                          "01 cá nhân.")


def test_the_conclusion_follows_the_dossiers_routes():
    # the dossier found the collective ineligible: it is not counted as proposed
    closing = texts(context(routes={"N1": ballot.SHORT, "N2": ballot.OWN,
                                    "N3": ballot.INELIGIBLE})["closing"])
    assert closing[3:6] == [
        "- Thuộc thẩm quyền Thủ trưởng đơn vị, đề nghị Giám đốc Sở Giáo dục và Đào tạo xem xét, "
        "khen thưởng: 01 cá nhân;",
        "- Đạt tỷ lệ phiếu đồng ý nhưng chưa đủ tiêu chuẩn theo quy định, không đề nghị khen "
        "thưởng: 01 tập thể;",
        "- Không đạt số phiếu đồng ý theo quy định, không đề nghị khen thưởng: 01 cá nhân.",
    ]
    assert not any("cấp trên" in line for line in closing)


def test_when_none_wins_the_vote_the_conclusion_says_so():
    failed = [NOMINATIONS[0]]
    closing = texts(build_context(VOTE, SGD, PROVINCE, failed, PEOPLE, UNITS, 4)["closing"])
    assert closing[2] == ("Không có đề nghị nào đạt tỷ lệ phiếu đồng ý theo quy định nên Hội đồng "
                          "không đề nghị khen thưởng.")


def test_time_place_members_chair_and_secretary():
    opening = texts(context()["opening"])
    assert opening[0] == ("Ngày 03 tháng 12 năm 2024, tại Phòng họp Sở Giáo dục và Đào tạo, Hội "
                          "đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo họp xét đề nghị khen "
                          "thưởng năm 2024.")
    assert "Có mặt: 08/09 thành viên: Đỗ Việt Hoàn (chủ trì), Lê Việt Đức, Lương Ngọc Nguyệt " \
           "(thư ký)" in opening[3]
    assert opening[4] == "Vắng mặt: 01 thành viên: Hoàng Mạnh Bằng."
    assert opening[5] == "Chủ trì: Đỗ Việt Hoàn. Thư ký: Lương Ngọc Nguyệt."


def test_opening_and_closing_times_when_known():
    ctx = context(opened_at="08 giờ 00", closed_at="10 giờ 30")
    assert texts(ctx["opening"])[0].startswith("Vào hồi 08 giờ 00, ngày 03 tháng 12 năm 2024")
    assert texts(ctx["closing"])[-1].startswith("Cuộc họp kết thúc vào hồi 10 giờ 30 cùng ngày.")


def test_a_nomination_the_council_did_not_vote_on_is_an_error():
    extra = Nomination(code="N9", year=2024, unit="SGDDT", nominee_kind="individual",
                       person="P2", honour="CSTDCS")
    with pytest.raises(RecordError, match="N9"):
        build_context(VOTE, SGD, PROVINCE, [*NOMINATIONS, extra], PEOPLE, UNITS, 4)


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(KINDS["minutes"].template_path(), context())


def test_the_rendered_minutes_pass_the_format_check(rendered):
    assert lint_docx(rendered) == []


def test_secretary_and_chair_sign_side_by_side(rendered):
    document = docx.Document(io.BytesIO(rendered))
    ballot, signatures = document.tables[1], document.tables[-1]
    assert [c.text for c in ballot.rows[0].cells][:3] == ["STT", "Họ và tên / Tập thể",
                                                          "Hình thức đề nghị"]
    assert [c.text for c in ballot.rows[1].cells][-3:] == ["8/9", "88,9%", "Không đạt"]
    assert len(signatures.rows) == 1 and len(signatures.columns) == 2
    left, right = ([p.text for p in cell.paragraphs if p.text] for cell in signatures.rows[0].cells)
    assert (left, right) == (["THƯ KÝ", "Lương Ngọc Nguyệt"], ["CHỦ TRÌ", "Đỗ Việt Hoàn"])
    assert signatures.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
