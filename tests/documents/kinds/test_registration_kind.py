"""Specs for the registration letter (công văn đăng ký thi đua) and the province's consolidated
list: registry entries, variables, context, and the rendered .docx checked against ND30."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import docx
import pytest

from service.documents import layout
from service.documents.kinds import KINDS, registration, registration_summary
from service.documents.lint import lint_docx
from service.documents.render import render_docx
from service.domain.records import (
    Block,
    Movement,
    Registration,
    RegistrationEntry,
    Signer,
    Unit,
)

PROVINCE = Unit(code="UBND-TINH", name="Ủy ban nhân dân tỉnh Sơn La",
                short_name="UBND tỉnh Sơn La", kind="province", place="Sơn La",
                abbreviation="UBND")
SNV = Unit(code="SNV", name="Sở Nội vụ", short_name="Sở Nội vụ", kind="department",
           parent="UBND-TINH", place="Sơn La", abbreviation="SNV", head_title="Giám đốc")
SYT = Unit(code="SYT", name="Sở Y tế", short_name="Sở Y tế", kind="department",
           parent="UBND-TINH", place="Sơn La", abbreviation="SYT")
DISTRICT = Unit(code="H-MC", name="Ủy ban nhân dân huyện Mộc Châu", kind="district",
                parent="UBND-TINH", place="Mộc Châu", abbreviation="UBND")
COMMUNE = Unit(code="X-CK", name="Ủy ban nhân dân xã Chiềng Khương", kind="commune",
               parent="H-MC", place="Chiềng Khương", abbreviation="UBND")
BTDKT = Unit(code="BTDKT", name="Ban Thi đua - Khen thưởng", kind="agency", parent="SNV",
             place="Sơn La", abbreviation="BTĐKT")
MOVEMENT = Movement(
    year=2024, number=1, symbol="CT-UBND", date=dt.date(2024, 1, 3), place="Sơn La",
    issuing_unit="UBND-TINH", signer=Signer(name="Hoàng Quốc Khánh", title="Chủ tịch"),
    subject="Phát động phong trào thi đua năm 2024", body=[Block(text="…")],
    recipients=["Lưu: VT"])


def reg(**changes: object) -> Registration:
    fields = dict(
        unit="SYT", year=2024, collective_titles=["TTLDXS", "CTDT"],
        individuals=[
            RegistrationEntry(full_name="Nguyễn Văn Bình", position="Phó Giám đốc", title="LDTT"),
            RegistrationEntry(full_name="Lò Thị Ánh", position="Chuyên viên", title="CSTDCS",
                              award="GK"),
            # decomposed (NFD) spelling, as pasted from some systems
            RegistrationEntry(full_name=unicodedata.normalize("NFD", "Đỗ Văn An"),
                              position="Trưởng phòng", title="LDTT"),
            RegistrationEntry(full_name="Cầm Văn Ánh", position="Kế toán", title="LDTT"),
        ],
        commitments=["Hoàn thành 100% nhiệm vụ được giao.", "Không có cán bộ vi phạm kỷ luật;"],
        signer=Signer(name="Nguyễn Văn Bình", title="Phó Giám đốc", authority="KT",
                      on_behalf="Giám đốc"),
        date=dt.date(2024, 2, 5), status="submitted")
    return Registration(**(fields | changes))


def test_the_registry_lists_both_kinds_and_their_templates() -> None:
    letter, summary = KINDS["registration"], KINDS["registration_summary"]
    assert (letter.template, letter.type_code) == ("registration.docx", None)
    assert (summary.template, summary.type_code) == ("registration_summary.docx", "BC")
    assert letter.build_context is registration.build_context
    assert layout.BUILDERS["registration.docx"] is registration.build_template
    assert layout.BUILDERS["registration_summary.docx"] is registration_summary.build_template
    for kind in (letter, summary):
        assert kind.template_path().is_file(), "run layout.build_all()"


@pytest.mark.parametrize("module", [registration, registration_summary])
def test_every_variable_is_described_with_an_example(module) -> None:
    names = [v.name for v in module.VARIABLES]
    assert len(names) == len(set(names))
    assert all(v.description_vi and v.example not in ("", None) for v in module.VARIABLES)


@pytest.mark.parametrize(
    ("unit", "symbol"),
    [(SNV, "05/SNV-VP"), (PROVINCE, "05/UBND-NC"), (DISTRICT, "05/UBND-NV"),
     (COMMUNE, "05/UBND")],
)
def test_the_symbol_is_body_then_drafting_unit_and_a_commune_has_none(unit, symbol) -> None:
    assert registration.letter_symbol(5, unit) == symbol


def test_the_context_holds_exactly_the_documented_variables() -> None:
    context = registration.build_context(reg(), SYT, PROVINCE, PROVINCE, MOVEMENT, 5)
    assert set(context) == {v.name for v in registration.VARIABLES}


def test_the_context_of_a_department() -> None:
    c = registration.build_context(reg(), SYT, PROVINCE, PROVINCE, MOVEMENT, 5)
    assert (c["parent_agency"], c["agency"]) == ("UBND TỈNH SƠN LA", "SỞ Y TẾ")
    assert c["number_line"] == "Số: 05/SYT-VP"
    assert c["summary_line"] == "V/v đăng ký thi đua năm 2024"
    assert c["date_line"] == "Sơn La, ngày 05 tháng 02 năm 2024"
    assert c["addressee_single"] == ""
    assert c["addressee_lines"] == ["- Hội đồng Thi đua - Khen thưởng tỉnh Sơn La;",
                                    "- Sở Nội vụ (Ban Thi đua - Khen thưởng)."]
    assert c["body_paragraphs"][0] == (
        "Thực hiện Chỉ thị số 01/CT-UBND ngày 03/01/2024 của Chủ tịch UBND tỉnh Sơn La về "
        "phát động phong trào thi đua năm 2024, Sở Y tế đăng ký thi đua năm 2024 như sau:")
    assert c["body_paragraphs"][1] == (
        "1. Danh hiệu thi đua tập thể: Sở Y tế đăng ký phấn đấu đạt danh hiệu “Tập thể lao "
        "động xuất sắc” và “Cờ thi đua của UBND tỉnh”.")
    assert "- Hoàn thành 100% nhiệm vụ được giao;" in c["body_paragraphs"]
    assert "- Không có cán bộ vi phạm kỷ luật." in c["body_paragraphs"]
    assert c["body_paragraphs"][-1].endswith("theo dõi, tổng hợp./.")
    assert c["recipient_lines"] == ["- Hội đồng TĐKT tỉnh;", "- Sở Nội vụ (Ban TĐKT);",
                                    "- Lưu: VT, VP."]
    assert c["signer_lines"] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert c["annex_note"] == "(Kèm theo Công văn số 05/SYT-VP ngày 05/02/2024 của Sở Y tế)"


def test_the_annex_lists_people_in_vietnamese_name_order_with_totals() -> None:
    c = registration.build_context(reg(), SYT, PROVINCE, PROVINCE, MOVEMENT, 5)
    # given name first (An < Ánh < Bình), then the middle name (Thị < Văn), then the family
    assert [r["full_name"] for r in c["annex_rows"]] == [
        "Đỗ Văn An", "Lò Thị Ánh", "Cầm Văn Ánh", "Nguyễn Văn Bình"]
    assert c["annex_rows"][1] == {"number": "2", "full_name": "Lò Thị Ánh",
                                  "position": "Chuyên viên", "title": "Chiến sĩ thi đua cơ sở",
                                  "award": "Giấy khen"}
    assert c["annex_totals"] == ["Tổng số: 4 cá nhân đăng ký, trong đó:",
                                 "- Lao động tiên tiến: 3 người;",
                                 "- Chiến sĩ thi đua cơ sở: 1 người;", "- Giấy khen: 1 người."]


def test_a_commune_has_no_parent_line_and_so_noi_vu_writes_to_the_council_only() -> None:
    c = registration.build_context(reg(unit="X-CK"), COMMUNE, DISTRICT, PROVINCE, None, 3)
    assert c["parent_agency"] == "" and c["agency"] == "ỦY BAN NHÂN DÂN\nXÃ CHIỀNG KHƯƠNG"
    assert c["number_line"] == "Số: 03/UBND" and c["recipient_lines"][-1] == "- Lưu: VT."
    assert c["body_paragraphs"][0].startswith("Thực hiện phong trào thi đua năm 2024, Ủy ban")
    own = registration.build_context(reg(unit="SNV"), SNV, PROVINCE, PROVINCE, MOVEMENT, 5)
    assert own["addressee_single"] == "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Sơn La."
    assert own["addressee_lines"] == []
    assert "- Sở Nội vụ (Ban TĐKT);" not in own["recipient_lines"]


@pytest.mark.parametrize(
    ("unit", "parent", "to", "recipients"),
    [
        # a unit directly under the province: the province's council and Sở Nội vụ
        (SYT, PROVINCE, ["Hội đồng Thi đua - Khen thưởng tỉnh Sơn La",
                         "Sở Nội vụ (Ban Thi đua - Khen thưởng)"],
         ["- Hội đồng TĐKT tỉnh;", "- Sở Nội vụ (Ban TĐKT);", "- Lưu: VT, VP."]),
        (DISTRICT, PROVINCE, ["Hội đồng Thi đua - Khen thưởng tỉnh Sơn La",
                              "Sở Nội vụ (Ban Thi đua - Khen thưởng)"],
         ["- Hội đồng TĐKT tỉnh;", "- Sở Nội vụ (Ban TĐKT);", "- Lưu: VT, NV."]),
        # a commune: its district's council and Phòng Nội vụ
        (COMMUNE, DISTRICT, ["Hội đồng Thi đua - Khen thưởng huyện Mộc Châu",
                             "Phòng Nội vụ huyện Mộc Châu"],
         ["- Hội đồng TĐKT huyện;", "- Phòng Nội vụ huyện;", "- Lưu: VT."]),
        # a body under a Sở: the Sở's council alone
        (BTDKT, SNV, ["Hội đồng Thi đua - Khen thưởng Sở Nội vụ"],
         ["- Hội đồng TĐKT Sở Nội vụ;", "- Lưu: VT, VP."]),
        # Sở Nội vụ does not write to itself
        (SNV, PROVINCE, ["Hội đồng Thi đua - Khen thưởng tỉnh Sơn La"],
         ["- Hội đồng TĐKT tỉnh;", "- Lưu: VT, VP."]),
    ],
)
def test_a_unit_registers_with_the_council_of_the_level_above_it(unit, parent, to,
                                                                   recipients) -> None:
    assert registration.addressees(unit, parent, PROVINCE) == to
    c = registration.build_context(reg(unit=unit.code), unit, parent, PROVINCE, MOVEMENT, 3)
    shown = ([c["addressee_single"]] if c["addressee_single"] else c["addressee_lines"])
    assert [line.strip("-;.: ").removeprefix("Kính gửi: ") for line in shown] == to
    assert c["recipient_lines"] == recipients
    assert c["body_paragraphs"][-1].endswith(f"kính gửi {to[0]} theo dõi, tổng hợp./.")


def test_the_province_itself_and_a_unit_without_parent_write_to_the_province() -> None:
    assert registration.council_level(PROVINCE, None, PROVINCE) is PROVINCE
    assert registration.council_level(SYT, None, PROVINCE) is PROVINCE
    assert registration.council_name(None) == "Hội đồng Thi đua - Khen thưởng"


def test_without_people_there_is_no_annex_and_parts_are_renumbered() -> None:
    c = registration.build_context(reg(individuals=[]), SYT, PROVINCE, PROVINCE, MOVEMENT, 5)
    assert (c["has_annex"], c["annex_rows"], c["annex_totals"]) == (False, [], [])
    assert c["body_paragraphs"][2] == "2. Nội dung cam kết thực hiện:"


def test_a_registration_without_signer_is_refused() -> None:
    with pytest.raises(ValueError, match="chưa có người ký"):
        registration.build_context(reg(signer=None), SYT, PROVINCE, PROVINCE, MOVEMENT, 5)


@pytest.fixture(scope="module")
def letter_docx() -> bytes:
    context = registration.build_context(reg(), SYT, PROVINCE, PROVINCE, MOVEMENT, 5)
    return render_docx(KINDS["registration"].template_path(), context)


def test_the_rendered_letter_passes_the_format_checker(letter_docx: bytes) -> None:
    assert lint_docx(letter_docx) == []


def test_the_rendered_letter_reads_as_a_cong_van(letter_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(letter_docx))
    header, footer, annex = document.tables
    left = [p.text for p in header.cell(0, 0).paragraphs]
    assert "Số: 05/SYT-VP" in left and "V/v đăng ký thi đua năm 2024" in left
    texts = [p.text for p in document.paragraphs]
    assert not {"CÔNG VĂN", "BÁO CÁO"} & set(texts)  # a công văn has no type name
    assert "Kính gửi:" in texts
    assert "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA NĂM 2024" in texts
    assert [c.text for c in annex.rows[0].cells] == [
        "STT", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký", "Hình thức khen thưởng đăng ký"]
    assert [r.cells[1].text for r in annex.rows[1:]] == [
        "Đỗ Văn An", "Lò Thị Ánh", "Cầm Văn Ánh", "Nguyễn Văn Bình"]
    assert "- Giấy khen: 1 người." in texts
    signature = [p.text for p in footer.cell(0, 1).paragraphs if p.text]
    assert signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình"]


def test_the_summary_counts_what_each_unit_sent() -> None:
    regs = [reg(), reg(unit="SNV", collective_titles=["TTLDTT"], individuals=[]),
            reg(unit="X-CK", status="draft")]
    units = registration_summary.units_in_order([COMMUNE, SYT, SNV, DISTRICT, PROVINCE])
    assert [u.code for u in units] == ["UBND-TINH", "SNV", "SYT", "H-MC", "X-CK"]
    c = registration_summary.build_context(
        2024, units, regs, SNV, PROVINCE, Signer(name="Lù Văn Pánh", title="Giám đốc"),
        PROVINCE, MOVEMENT, dt.date(2024, 3, 15), 12)
    assert set(c) == {v.name for v in registration_summary.VARIABLES}
    assert c["number_line"] == "Số: 12/BC-SNV" and c["type_name"] == "BÁO CÁO"
    body = c["body_paragraphs"]
    assert body[1].startswith("1. Tình hình đăng ký: đến ngày 15/03/2024, có 2/5 cơ quan, đơn "
                              "vị đã gửi bản đăng ký thi đua; 3 cơ quan, đơn vị chưa gửi: ")
    assert "- Tập thể lao động xuất sắc: 1 tập thể;" in body
    assert "3. Cá nhân đăng ký: tổng số 4 cá nhân, trong đó:" in body
    rows = {r["unit"]: r for r in c["annex_rows"]}
    assert rows["Ủy ban nhân dân xã Chiềng Khương"]["collective"] == "Đang soạn, chưa gửi"
    assert rows["Ủy ban nhân dân huyện Mộc Châu"]["collective"] == "Chưa đăng ký"
    assert rows["Sở Y tế"]["individuals"].split("\n")[:2] == ["Tổng số: 4 người",
                                                             "Lao động tiên tiến: 3"]
    assert c["annex_rows"][-1]["unit"] == "Tổng cộng: 2/5 đơn vị đã đăng ký"
    data = render_docx(KINDS["registration_summary"].template_path(), c)
    assert lint_docx(data) == []
