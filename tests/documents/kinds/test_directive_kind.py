"""Specs for the directive kind: its registry entry, its variables, its context."""

from __future__ import annotations

import datetime as dt

import pytest

from service.documents.kinds import KINDS, DocumentKind
from service.documents.kinds.directive import VARIABLES, build_context
from service.domain.records import Annex, Block, Indicator, Movement, Signer, Target, Unit

PROVINCE = Unit(
    code="UBND-TINH",
    name="Ủy ban nhân dân tỉnh Sơn La",
    short_name="UBND tỉnh Sơn La",
    kind="province",
    place="Sơn La",
    abbreviation="UBND",
)
DEPARTMENT = Unit(
    code="SNV",
    name="Sở Nội vụ",
    kind="department",
    parent="UBND-TINH",
    place="Sơn La",
    abbreviation="SNV",
)


def movement(**changes: object) -> Movement:
    fields = dict(
        year=2024,
        number=1,
        symbol="CT-UBND",
        date=dt.date(2024, 1, 3),
        place="Sơn La",
        issuing_unit="UBND-TINH",
        signer=Signer(name="Hoàng Quốc Khánh", title="Chủ tịch", copy_mark="(Đã ký)"),
        subject="Phát động phong trào thi đua năm 2024",
        body=[
            Block(text="Năm 2024 có ý nghĩa quan trọng."),
            Block(
                kind="item",
                number=3,
                text="Căn cứ các nhiệm vụ trọng tâm:",
                bullets=["Tăng cường công tác xây dựng Đảng.", "Tập trung tháo gỡ."],
            ),
        ],
        recipients=["Ban TĐKT Trung ương (b/c)", "Lưu: VT, NC"],
        annex=Annex(
            title="Tóm tắt các chỉ tiêu",
            note="(Ban hành kèm theo Chỉ thị số 01)",
            targets=[
                Target(
                    number=1,
                    text="Tốc độ tăng trưởng kinh tế 7,5%.",
                    indicators=[Indicator(code="1", name="GRDP", planned="7,5")],
                )
            ],
        ),
    )
    return Movement(**(fields | changes))


def test_the_registry_lists_the_directive_with_its_template_and_type_code():
    kind = KINDS["directive"]
    assert isinstance(kind, DocumentKind)
    assert (kind.name, kind.template, kind.type_code) == ("directive", "directive.docx", "CT")
    assert kind.build_context is build_context
    assert kind.variables == VARIABLES


def test_every_variable_is_described_in_vietnamese_with_an_example():
    names = [v.name for v in VARIABLES]
    assert len(names) == len(set(names))
    for variable in VARIABLES:
        assert variable.description_vi and variable.example not in ("", [], None)


def test_the_context_holds_exactly_the_documented_variables():
    context = build_context(movement(), PROVINCE, None, 1)
    assert set(context) == {v.name for v in VARIABLES}


def test_the_context_is_formatted_for_the_province():
    context = build_context(movement(), PROVINCE, None, 1)
    assert context["parent_agency"] == ""
    assert context["agency"] == "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA"
    assert context["number_line"] == "Số: 01/CT-UBND"
    assert context["date_line"] == "Sơn La, ngày 03 tháng 01 năm 2024"
    assert context["type_name"] == "CHỈ THỊ"
    assert context["body_paragraphs"] == [
        "Năm 2024 có ý nghĩa quan trọng.",
        "3. Căn cứ các nhiệm vụ trọng tâm:",
        "- Tăng cường công tác xây dựng Đảng.",
        "- Tập trung tháo gỡ.",
    ]
    assert context["recipient_lines"] == ["- Ban TĐKT Trung ương (b/c);", "- Lưu: VT, NC."]
    assert context["signer_lines"] == ["CHỦ TỊCH"]
    assert (context["copy_mark"], context["signer_name"]) == ("(Đã ký)", "Hoàng Quốc Khánh")
    assert context["has_annex"] is True
    assert context["annex_title"] == "TÓM TẮT CÁC CHỈ TIÊU"
    assert context["annex_lines"] == ["1. Tốc độ tăng trưởng kinh tế 7,5%."]


def test_a_department_gets_its_parent_line_and_its_symbol():
    context = build_context(movement(symbol="CT-SNV"), DEPARTMENT, PROVINCE, 12)
    assert context["parent_agency"] == "UBND TỈNH SƠN LA"
    assert context["agency"] == "SỞ NỘI VỤ"
    assert context["number_line"] == "Số: 12/CT-SNV"


def test_without_annex_the_annex_variables_are_empty():
    context = build_context(movement(annex=None), PROVINCE, None, 1)
    assert (context["has_annex"], context["annex_lines"], context["annex_note"]) == (False, [], "")


def test_an_annex_without_note_gets_one_naming_the_directive():
    annex = Annex(title="Chỉ tiêu", targets=[])
    context = build_context(movement(annex=annex), PROVINCE, None, 1)
    assert context["annex_note"] == "(Kèm theo Chỉ thị số 01/CT-UBND ngày 03/01/2024)"


def test_a_signer_for_the_collective_body():
    signer = Signer(name="Nguyễn Văn A", title="Phó Chủ tịch", authority="KT", on_behalf="Chủ tịch")
    context = build_context(movement(signer=signer), PROVINCE, None, 1)
    assert context["signer_lines"] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert context["copy_mark"] == ""


def test_a_bad_signer_is_refused():
    signer = Signer(name="Nguyễn Văn A", title="Phó Chủ tịch", authority="KT")
    with pytest.raises(ValueError):
        build_context(movement(signer=signer), PROVINCE, None, 1)
