"""Certificate layouts: the default blanks, the JSON the web stores, Vietnamese refusals."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import combinations

import pytest

from service.domain.certificate_layout import (
    DEFAULT_LAYOUTS,
    FIELD_LABELS,
    CertificateLayout,
    FieldBox,
    default_layout,
    layout_from_dict,
    layout_to_dict,
)
from service.domain.errors import RecordError


def _overlap(a: FieldBox, b: FieldBox) -> bool:
    return (
        a.x_mm < b.x_mm + b.width_mm
        and b.x_mm < a.x_mm + a.width_mm
        and a.y_mm < b.y_mm + b.height_mm
        and b.y_mm < a.y_mm + a.height_mm
    )


@pytest.mark.parametrize("code", ["BKT", "GK"])
def test_default_layouts_are_a4_landscape_with_separate_boxes_in_the_lower_part(code: str) -> None:
    layout = DEFAULT_LAYOUTS[code]
    assert (layout.width_mm, layout.height_mm) == (297, 210)
    assert set(layout.fields) == set(FIELD_LABELS) - {"salutation"}
    assert layout.salutation_with_name
    for key, box in layout.fields.items():
        assert box.y_mm >= 210 * 0.35, key  # the emblem and printed title are above
        assert box.y_mm + box.height_mm <= 210 - 15, key  # inside the decorated border
    for (ka, a), (kb, b) in combinations(layout.fields.items(), 2):
        assert not _overlap(a, b), (ka, kb)


def test_default_layout_of_an_award_without_a_blank_is_refused() -> None:
    assert default_layout("GK") is DEFAULT_LAYOUTS["GK"]
    with pytest.raises(RecordError, match="Chưa có mẫu phôi in cho “CTDT”"):
        default_layout("CTDT")


def test_default_layouts_cannot_be_changed_in_place() -> None:
    with pytest.raises(TypeError):
        DEFAULT_LAYOUTS["BKT"].fields["name"] = FieldBox(0, 0, 10, 10, 12)  # type: ignore[index]


@pytest.mark.parametrize("code", ["BKT", "GK"])
def test_layout_round_trips_through_json(code: str) -> None:
    layout = DEFAULT_LAYOUTS[code]
    data = json.loads(json.dumps(layout_to_dict(layout), ensure_ascii=False))
    assert layout_from_dict(data) == layout
    assert data["fields"]["name"] == {
        "x_mm": layout.fields["name"].x_mm,
        "y_mm": layout.fields["name"].y_mm,
        "width_mm": 237,
        "height_mm": 14,
        "size_pt": layout.fields["name"].size_pt,
        "bold": True,
        "italic": False,
        "align": "center",
        "upper": False,
    }


def test_a_box_read_from_the_form_takes_defaults_and_comma_decimals() -> None:
    layout = layout_from_dict(
        {
            "name": "Phôi riêng",
            "fields": {
                "name": {
                    "x_mm": "20,5",
                    "y_mm": 90,
                    "width_mm": 200,
                    "height_mm": 12,
                    "size_pt": 18,
                }
            },
        }
    )
    assert layout.fields["name"] == FieldBox(20.5, 90, 200, 12, 18)
    assert (layout.width_mm, layout.height_mm, layout.salutation_with_name) == (297, 210, False)


def _with_name_box(**changes: object) -> dict:
    box = {"x_mm": 30, "y_mm": 86, "width_mm": 237, "height_mm": 14, "size_pt": 20}
    return {"name": "Phôi", "fields": {"name": {**box, **changes}}}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _with_name_box(x_mm=100, width_mm=237),
            "Ô “Họ và tên (tên tập thể)” nằm ngoài trang: mép phải ở 337 mm, quá chiều rộng",
        ),
        (
            _with_name_box(y_mm=200),
            "nằm ngoài trang: mép dưới ở 214 mm, quá chiều cao trang 210 mm.",
        ),
        (
            _with_name_box(x_mm=-2),
            "nằm ngoài trang: x và y (tính từ mép trái, mép trên) không được âm",
        ),
        (
            _with_name_box(width_mm=-5),
            "chiều rộng và chiều cao phải lớn hơn 0 mm (đang là -5 × 14 mm).",
        ),
        (_with_name_box(height_mm=0), "chiều rộng và chiều cao phải lớn hơn 0 mm"),
        (_with_name_box(size_pt=7.5), "cỡ chữ phải từ 8 đến 40 pt (đang là 7,5)."),
        (_with_name_box(size_pt=41), "cỡ chữ phải từ 8 đến 40 pt (đang là 41)."),
        (_with_name_box(align="middle"), "căn lề phải là left (trái), center (giữa) hoặc right"),
        (_with_name_box(x_mm="mười"), "x_mm phải là số (mm hoặc pt), không phải “mười”."),
        (_with_name_box(bold="có"), "bold phải là true hoặc false."),
        (_with_name_box(colour="red"), "khóa “colour” không dùng được."),
        ({"name": "Phôi", "fields": {"name": {"x_mm": 1}}}, "thiếu giá trị y_mm."),
        ({"name": "Phôi", "fields": {}}, "Mẫu phôi phải có ô “Họ và tên (tên tập thể)”"),
        ({"name": "Phôi", "fields": {"photo": {}}}, "Không có ô nào tên “photo”"),
        ({"name": "Phôi", "width_mm": 20, "fields": {}}, "Khổ giấy rộng 20 mm: phải từ 50"),
        ({"name": " ", "fields": _with_name_box()["fields"]}, "Mẫu phôi phải có tên."),
        ({"fields": _with_name_box()["fields"]}, "Tên mẫu phôi phải là chữ."),
        ([], "Mẫu phôi phải là một bảng giá trị (JSON object)."),
        (
            {
                **_with_name_box(),
                "salutation_with_name": True,
                "fields": {
                    **_with_name_box()["fields"],
                    "salutation": {
                        "x_mm": 10,
                        "y_mm": 86,
                        "width_mm": 18,
                        "height_mm": 14,
                        "size_pt": 20,
                    },
                },
            },
            "Đã chọn in Ông/Bà liền trước họ tên thì bỏ ô “Ông/Bà”",
        ),
    ],
)
def test_layout_problems_are_refused_in_vietnamese(data: object, message: str) -> None:
    with pytest.raises(RecordError) as caught:
        layout_from_dict(data)
    assert message in str(caught.value)


def test_every_problem_is_reported_at_once_with_its_field() -> None:
    data = _with_name_box(x_mm=290, size_pt=50)
    data["fields"]["bogus"] = {}
    data["fields"]["number"] = {
        "x_mm": "?",
        "y_mm": 1,
        "width_mm": 1,
        "height_mm": 1,
        "size_pt": 12,
    }
    with pytest.raises(RecordError) as caught:
        layout_from_dict(data)
    fields = [p.field for p in caught.value.problems]
    assert fields.count("fields.name") == 2  # outside the page, size out of range
    assert "fields.bogus" in fields and "fields.number.x_mm" in fields


def test_a_layout_built_in_code_is_checked_too() -> None:
    good = DEFAULT_LAYOUTS["BKT"]
    fields = {**good.fields, "number": replace(good.fields["number"], x_mm=250)}
    with pytest.raises(RecordError, match="Ô “Số vào sổ” nằm ngoài trang"):
        CertificateLayout(name=good.name, fields=fields)
