"""Where each field of a Bằng khen or Giấy khen is printed on its pre-printed blank, in mm."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Literal

from .errors import Problem, RecordError

Align = Literal["left", "center", "right"]
ALIGNS: tuple[str, ...] = ("left", "center", "right")

# The fields a certificate can print, in drawing order, with their Vietnamese labels.
FIELD_LABELS: dict[str, str] = {
    "salutation": "Ông/Bà",
    "name": "Họ và tên (tên tập thể)",
    "position_unit": "Chức vụ, đơn vị",
    "achievement": "Thành tích",
    "decision": "Số, ngày quyết định",
    "place_date": "Địa danh, ngày tháng",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký",
    "number": "Số vào sổ",
}
MIN_SIZE_PT, MAX_SIZE_PT = 8.0, 40.0
_PAGE_RANGE_MM = (50.0, 1000.0)


@dataclass(frozen=True)
class FieldBox:
    """A box on the sheet: top-left corner (`x_mm`, `y_mm`) measured from the sheet's top-left
    corner, its size, and the type the text is set in (`upper` prints it in capitals)."""

    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    size_pt: float
    bold: bool = False
    italic: bool = False
    align: Align = "center"
    upper: bool = False


@dataclass(frozen=True)
class CertificateLayout:
    """The boxes of one blank. A field without a box is not printed (the blank may carry it).
    With `salutation_with_name` the name box prints `Ông Nguyễn Văn A` as one line, centred as
    the box says, and there is no salutation box; without it each has its own box.

    Raises RecordError, in Vietnamese, for an unknown field, a box outside the page, a size
    that is not positive or a font size outside 8–40 pt.
    """

    name: str
    fields: Mapping[str, FieldBox]
    width_mm: float = 297.0
    height_mm: float = 210.0
    salutation_with_name: bool = False

    def __post_init__(self) -> None:
        # Read-only, so the shared DEFAULT_LAYOUTS cannot be changed by one caller for all.
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        problems = _layout_problems(self)
        if problems:
            raise RecordError(problems)


def _box_problems(key: str, box: FieldBox, width: float, height: float) -> list[Problem]:
    label = FIELD_LABELS[key]
    where = f"Ô “{label}”"
    out = []
    if box.width_mm <= 0 or box.height_mm <= 0:
        out.append(
            f"{where}: chiều rộng và chiều cao phải lớn hơn 0 mm "
            f"(đang là {_mm(box.width_mm)} × {_mm(box.height_mm)} mm)."
        )
    if box.x_mm < 0 or box.y_mm < 0:
        out.append(
            f"{where} nằm ngoài trang: x và y (tính từ mép trái, mép trên) không được âm "
            f"(đang là x = {_mm(box.x_mm)}, y = {_mm(box.y_mm)} mm)."
        )
    if box.x_mm + box.width_mm > width:
        out.append(
            f"{where} nằm ngoài trang: mép phải ở {_mm(box.x_mm + box.width_mm)} mm, "
            f"quá chiều rộng trang {_mm(width)} mm."
        )
    if box.y_mm + box.height_mm > height:
        out.append(
            f"{where} nằm ngoài trang: mép dưới ở {_mm(box.y_mm + box.height_mm)} mm, "
            f"quá chiều cao trang {_mm(height)} mm."
        )
    if not MIN_SIZE_PT <= box.size_pt <= MAX_SIZE_PT:
        out.append(
            f"{where}: cỡ chữ phải từ {_mm(MIN_SIZE_PT)} đến {_mm(MAX_SIZE_PT)} pt "
            f"(đang là {_mm(box.size_pt)})."
        )
    if box.align not in ALIGNS:
        out.append(
            f"{where}: căn lề phải là left (trái), center (giữa) hoặc right (phải), "
            f"không phải “{box.align}”."
        )
    return [Problem(message, field=f"fields.{key}") for message in out]


def _layout_problems(layout: CertificateLayout) -> list[Problem]:
    problems = []
    if not layout.name.strip():
        problems.append(Problem("Mẫu phôi phải có tên.", field="name"))
    low, high = _PAGE_RANGE_MM
    for key, value, what in (
        ("width_mm", layout.width_mm, "rộng"),
        ("height_mm", layout.height_mm, "cao"),
    ):
        if not low <= value <= high:
            problems.append(
                Problem(
                    f"Khổ giấy {what} {_mm(value)} mm: phải từ {_mm(low)} đến {_mm(high)} mm.",
                    field=key,
                )
            )
    if "name" not in layout.fields:
        problems.append(
            Problem("Mẫu phôi phải có ô “Họ và tên (tên tập thể)” (name).", field="fields")
        )
    if layout.salutation_with_name and "salutation" in layout.fields:
        problems.append(
            Problem(
                "Đã chọn in Ông/Bà liền trước họ tên thì bỏ ô “Ông/Bà” "
                "(salutation), hoặc bỏ chọn để in Ông/Bà ở ô riêng.",
                field="fields.salutation",
            )
        )
    for key, box in layout.fields.items():
        if key not in FIELD_LABELS:
            problems.append(
                Problem(
                    f"Không có ô nào tên “{key}”; các ô được dùng: {', '.join(FIELD_LABELS)}.",
                    field=f"fields.{key}",
                )
            )
        else:
            problems += _box_problems(key, box, layout.width_mm, layout.height_mm)
    return problems


def _mm(value: float) -> str:
    """Return a number the Vietnamese way, without useless decimals: 12 → `12`, 7.5 → `7,5`."""
    return f"{value:g}".replace(".", ",")


# --- to and from the JSON the web stores --------------------------------------------------------

_NUMBERS = ("x_mm", "y_mm", "width_mm", "height_mm", "size_pt")
_FLAGS = ("bold", "italic", "upper")


def layout_to_dict(layout: CertificateLayout) -> dict:
    """Return the layout as plain JSON-ready data; layout_from_dict reads it back."""
    return {
        "name": layout.name,
        "width_mm": layout.width_mm,
        "height_mm": layout.height_mm,
        "salutation_with_name": layout.salutation_with_name,
        "fields": {key: asdict(box) for key, box in layout.fields.items()},
    }


def layout_from_dict(data: object) -> CertificateLayout:
    """Return the layout stored as `data` (from layout_to_dict or the web form).

    `bold`, `italic`, `upper` and `salutation_with_name` default to false, `align` to center.
    Raises RecordError listing every problem, in Vietnamese: a missing or non-numeric value,
    an unknown key, a box outside the page, a size that is not positive, a font size outside
    8–40 pt.
    """
    if not isinstance(data, dict):
        raise RecordError.one("Mẫu phôi phải là một bảng giá trị (JSON object).")
    problems: list[Problem] = []
    for key in set(data) - {"name", "width_mm", "height_mm", "salutation_with_name", "fields"}:
        problems.append(Problem(f"Khóa “{key}” không thuộc mẫu phôi.", field=str(key)))
    name = data.get("name")
    if not isinstance(name, str):
        problems.append(Problem("Tên mẫu phôi phải là chữ.", field="name"))
    width = _number(data.get("width_mm", 297.0), "width_mm", "Chiều rộng trang", problems)
    height = _number(data.get("height_mm", 210.0), "height_mm", "Chiều cao trang", problems)
    joined = data.get("salutation_with_name", False)
    if not isinstance(joined, bool):
        problems.append(
            Problem(
                "salutation_with_name (in Ông/Bà liền họ tên) phải là true hoặc false.",
                field="salutation_with_name",
            )
        )
    raw_fields = data.get("fields")
    boxes: dict[str, FieldBox] = {}
    if not isinstance(raw_fields, dict):
        problems.append(Problem("Mẫu phôi phải có danh sách ô (fields).", field="fields"))
    else:
        for key, raw in raw_fields.items():
            box = _box_from_dict(str(key), raw, problems)
            if box is not None:
                boxes[str(key)] = box
    if problems:
        # Report the boxes that did read but do not fit too, so one correction fixes all.
        for key, box in boxes.items():
            problems += _box_problems(key, box, width or 297.0, height or 210.0)
        raise RecordError(problems)
    return CertificateLayout(
        name=name, fields=boxes, width_mm=width, height_mm=height, salutation_with_name=joined
    )


def _box_from_dict(key: str, raw: object, problems: list[Problem]) -> FieldBox | None:
    where = f"fields.{key}"
    if key not in FIELD_LABELS:
        problems.append(
            Problem(
                f"Không có ô nào tên “{key}”; các ô được dùng: {', '.join(FIELD_LABELS)}.",
                field=where,
            )
        )
        return None
    label = f"Ô “{FIELD_LABELS[key]}”"
    if not isinstance(raw, dict):
        problems.append(Problem(f"{label} phải là một bảng giá trị.", field=where))
        return None
    count = len(problems)
    for extra in set(raw) - set(_NUMBERS) - set(_FLAGS) - {"align"}:
        problems.append(Problem(f"{label}: khóa “{extra}” không dùng được.", field=where))
    numbers = {}
    for name in _NUMBERS:
        if name not in raw:
            problems.append(Problem(f"{label}: thiếu giá trị {name}.", field=f"{where}.{name}"))
        else:
            numbers[name] = _number(raw[name], f"{where}.{name}", f"{label}: {name}", problems)
    flags = {}
    for name in _FLAGS:
        value = raw.get(name, False)
        if not isinstance(value, bool):
            problems.append(
                Problem(f"{label}: {name} phải là true hoặc false.", field=f"{where}.{name}")
            )
        flags[name] = bool(value)
    align = raw.get("align", "center")
    if len(problems) > count:
        return None
    return FieldBox(**numbers, **flags, align=align)


def _number(value: object, where: str, label: str, problems: list[Problem]) -> float:
    """Return `value` as a finite float (`12,5` accepted); record a problem and return 0 if not."""
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            pass
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        problems.append(
            Problem(f"{label} phải là số (mm hoặc pt), không phải “{value}”.", field=where)
        )
        return 0.0
    return float(value)


# --- the blanks a province uses, before any unit edits them ---------------------------------------
# A4 landscape. A Bằng khen blank carries the emblem, the issuing title and "BẰNG KHEN" in its
# upper ~40 %, a decorated border of ~15 mm; the fields go in the lower part, the signature on
# the right with ~22 mm left for the signature and seal. A Giấy khen has a shorter heading.
# `Ông Nguyễn Văn A` is one centred line: in two boxes a short name or a collective's name
# would sit off-centre.


def _bkt() -> CertificateLayout:
    return CertificateLayout(
        name="Bằng khen của Chủ tịch UBND tỉnh (A4 ngang)",
        fields={
            "name": FieldBox(30, 86, 237, 14, 20, bold=True),
            "position_unit": FieldBox(40, 101, 217, 14, 15),
            "achievement": FieldBox(40, 116, 217, 21, 15, italic=True),
            "decision": FieldBox(25, 168, 115, 7, 12, italic=True, align="left"),
            "number": FieldBox(25, 176, 115, 7, 12, align="left"),
            "place_date": FieldBox(150, 140, 125, 8, 14, italic=True),
            "signer_title": FieldBox(150, 148, 125, 13, 14, bold=True, upper=True),
            "signer_name": FieldBox(150, 184, 125, 8, 14, bold=True),
        },
        salutation_with_name=True,
    )


def _gk() -> CertificateLayout:
    return CertificateLayout(
        name="Giấy khen (A4 ngang)",
        fields={
            "name": FieldBox(30, 76, 237, 14, 18, bold=True),
            "position_unit": FieldBox(40, 92, 217, 14, 14),
            "achievement": FieldBox(40, 108, 217, 22, 14, italic=True),
            "decision": FieldBox(25, 168, 115, 7, 12, italic=True, align="left"),
            "number": FieldBox(25, 176, 115, 7, 12, align="left"),
            "place_date": FieldBox(150, 136, 125, 8, 13, italic=True),
            "signer_title": FieldBox(150, 144, 125, 13, 13, bold=True, upper=True),
            "signer_name": FieldBox(150, 182, 125, 8, 13, bold=True),
        },
        salutation_with_name=True,
    )


DEFAULT_LAYOUTS: dict[str, CertificateLayout] = {"BKT": _bkt(), "GK": _gk()}


def default_layout(honour_code: str) -> CertificateLayout:
    """Return the default layout of the blank for an award; RecordError if it has no blank."""
    try:
        return DEFAULT_LAYOUTS[honour_code]
    except KeyError:
        raise RecordError.one(
            f"Chưa có mẫu phôi in cho “{honour_code}”; có mẫu cho: {', '.join(DEFAULT_LAYOUTS)}.",
            field="honour",
        ) from None
