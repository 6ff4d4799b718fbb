"""Certificates: each field printed inside its box on the blank, fonts, the batch PDF and the
calibration page — checked on the PDF itself with poppler (pdftotext -bbox, pdffonts)."""

from __future__ import annotations

import io
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import date

import pytest
from pypdf import PdfReader

from service.documents.certificates import (
    field_text,
    fit_text,
    render_certificate,
    render_certificates,
)
from service.documents.certificates_calibration import calibration_page
from service.documents.certificates_data import CertificateData, certificate_data
from service.domain.certificate_layout import (
    DEFAULT_LAYOUTS,
    FIELD_LABELS,
    CertificateLayout,
    FieldBox,
)
from service.domain.errors import RecordError
from service.domain.records import Person, Signer

MM = 72 / 25.4  # pt per mm
TOLERANCE_MM = 0.5
ACHIEVEMENT = (
    "Đã có thành tích xuất sắc trong thực hiện phong trào thi đua yêu nước năm 2024, "
    "góp phần vào sự nghiệp xây dựng và phát triển kinh tế - xã hội của tỉnh"
)
LONG_NAME = (
    "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực và thực hành tiết kiệm, chống lãng "
    "phí của Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Sơn La"
)
LONG_POSITION = (
    "Phó Trưởng phòng Quản lý tổ chức bộ máy, biên chế và tổ chức phi chính phủ "
    "kiêm Chánh Văn phòng Đảng ủy cơ quan"
)
CHAIRMAN = Signer(name="Hoàng Quốc Khánh", title="Chủ tịch")
DEPUTY = Signer(name="Đặng Ngọc Hậu", title="Phó Chủ tịch", authority="KT", on_behalf="Chủ tịch")


def _person(
    name: str = "Lò Thị Hương", gender: str = "nữ", position: str = "Trưởng phòng Tổ chức cán bộ"
) -> Person:
    return Person(code="P1", full_name=name, gender=gender, unit="SNV", position=position)


def _data(
    person: Person | None = None,
    signer: Signer = CHAIRMAN,
    honour: str = "BKT",
    collective_name: str | None = None,
    number: str = "1234",
) -> CertificateData:
    if person is None and collective_name is None:
        person = _person()
    return certificate_data(
        person,
        "Sở Nội vụ tỉnh Sơn La",
        honour,
        ACHIEVEMENT,
        "125/QĐ-UBND",
        date(2024, 12, 26),
        "Sơn La",
        signer,
        collective_name,
        number,
    )


# --- reading the PDF back ---------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    left: float  # mm from the sheet's left edge
    top: float  # mm from the sheet's top edge
    right: float
    bottom: float


def _words(pdf: bytes, page: int = 1) -> list[Word]:
    """Return the words of one page with their boxes in mm, as pdftotext -bbox finds them."""
    html = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    return [
        Word(w.text or "", *(float(w.get(k)) / MM for k in ("xMin", "yMin", "xMax", "yMax")))
        for w in ET.fromstring(html).iterfind(".//x:word", ns)
    ]


def _text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def _box_of(word: Word, layout: CertificateLayout) -> str | None:
    x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
    for key, box in layout.fields.items():
        if box.x_mm <= x <= box.x_mm + box.width_mm and box.y_mm <= y <= box.y_mm + box.height_mm:
            return key
    return None


def _placed(pdf: bytes, data: CertificateData, layout: CertificateLayout) -> dict[str, list[Word]]:
    """Return the words of each box, after asserting every word lies inside its box (within
    0.5 mm) and each box holds exactly its field's words, in order."""
    placed: dict[str, list[Word]] = {}
    for word in _words(pdf):
        key = _box_of(word, layout)
        assert key is not None, f"“{word.text}” is outside every box: {word}"
        box = layout.fields[key]
        assert word.left >= box.x_mm - TOLERANCE_MM, (key, word)
        assert word.right <= box.x_mm + box.width_mm + TOLERANCE_MM, (key, word)
        assert word.top >= box.y_mm - TOLERANCE_MM, (key, word)
        assert word.bottom <= box.y_mm + box.height_mm + TOLERANCE_MM, (key, word)
        placed.setdefault(key, []).append(word)
    for key, box in layout.fields.items():
        text = field_text(data, key, layout)
        expected = (text.upper() if box.upper else text).split()
        assert [w.text for w in placed.get(key, [])] == expected, key
        if expected:
            _assert_aligned(placed[key], box, key)
    return placed


def _assert_aligned(words: list[Word], box: FieldBox, key: str) -> None:
    """Each line sits against its box's side (or its middle), the block in the box's middle."""
    middle = box.y_mm + box.height_mm / 2
    block = (min(w.top for w in words) + max(w.bottom for w in words)) / 2
    # poppler's word box is the font's ascent+descent, a little off our line's centre
    assert abs(block - middle) <= 0.05 * box.size_pt, (key, block, middle)
    for top in {round(w.top, 1) for w in words}:
        line = [w for w in words if round(w.top, 1) == top]
        left, right = min(w.left for w in line), max(w.right for w in line)
        edge = {
            "left": (left, box.x_mm),
            "right": (right, box.x_mm + box.width_mm),
            "center": ((left + right) / 2, box.x_mm + box.width_mm / 2),
        }[box.align]
        assert abs(edge[0] - edge[1]) <= TOLERANCE_MM, (key, box.align, edge)


def _lines(words: list[Word]) -> int:
    return len({round(w.top, 1) for w in words})


# --- placement --------------------------------------------------------------------------------

SPLIT = CertificateLayout(  # a blank with `Ông (Bà):` in its own spot: salutation in its box
    name="Phôi có chỗ Ông/Bà riêng",
    fields={
        "salutation": FieldBox(40, 86, 30, 14, 20, bold=True, align="right"),
        "name": FieldBox(72, 86, 190, 14, 20, bold=True, align="left"),
        "position_unit": FieldBox(40, 101, 217, 14, 15, align="right"),
        **{
            k: v
            for k, v in DEFAULT_LAYOUTS["BKT"].fields.items()
            if k not in ("name", "position_unit")
        },
    },
)


@pytest.mark.parametrize(
    "layout",
    [DEFAULT_LAYOUTS["BKT"], DEFAULT_LAYOUTS["GK"], SPLIT],
    ids=["BKT", "GK", "separate-salutation"],
)
@pytest.mark.parametrize("signer", [CHAIRMAN, DEPUTY], ids=["chairman", "deputy"])
def test_each_field_is_printed_inside_its_box(layout: CertificateLayout, signer: Signer) -> None:
    data = _data(signer=signer)
    placed = _placed(render_certificate(data, layout), data, layout)
    assert _lines(placed["name"]) == 1
    assert _lines(placed["signer_title"]) == (2 if signer is DEPUTY else 1)


@pytest.mark.parametrize(
    "layout",
    [DEFAULT_LAYOUTS["BKT"], DEFAULT_LAYOUTS["GK"], SPLIT],
    ids=["BKT", "GK", "separate-salutation"],
)
def test_a_very_long_name_and_position_wrap_and_stay_inside(layout: CertificateLayout) -> None:
    person = _person(name=LONG_NAME, gender="nam", position=LONG_POSITION)
    data = _data(person)
    placed = _placed(render_certificate(data, layout), data, layout)
    assert _lines(placed["name"]) >= 2
    assert _lines(placed["position_unit"]) >= 2


def test_a_long_name_shrinks_before_it_wraps() -> None:
    box = DEFAULT_LAYOUTS["BKT"].fields["name"]
    short = fit_text("Ông Lò Văn Sáu", box)
    longer = fit_text("Bà Nguyễn Thị Phương Thảo Hoàng Lê Minh Nguyệt Ánh Dương Quỳnh Trang", box)
    assert short is not None and short.size_pt == box.size_pt and len(short.lines) == 1
    assert longer is not None and len(longer.lines) == 1
    assert box.size_pt * 0.7 <= longer.size_pt < box.size_pt
    wrapped = fit_text(LONG_NAME, box)
    assert wrapped is not None and len(wrapped.lines) == 2


def test_upper_case_boxes_print_capitals_with_their_marks() -> None:
    fitted = fit_text("kt. chủ tịch\nphó chủ tịch", FieldBox(0, 0, 100, 20, 14, upper=True))
    assert fitted is not None and fitted.lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_text_that_cannot_fit_names_the_field_and_the_person() -> None:
    data = replace(_data(), achievement=ACHIEVEMENT * 6)
    with pytest.raises(RecordError) as caught:
        render_certificate(data, DEFAULT_LAYOUTS["BKT"])
    (problem,) = caught.value.problems
    assert problem.field == "achievement"
    assert problem.message == (
        "“Thành tích” trên bằng của “Lò Thị Hương” quá dài, không vừa ô 217 × 21 mm dù đã thu "
        "nhỏ chữ còn 10,5 pt. Hãy viết gọn lại hoặc nới rộng ô trong mẫu phôi “Bằng khen của "
        "Chủ tịch UBND tỉnh (A4 ngang)”."
    )


def test_a_word_wider_than_its_box_cannot_fit() -> None:
    assert fit_text("Ôngggggggggggggggggggggggg", FieldBox(0, 0, 20, 30, 12)) is None


# --- what is printed --------------------------------------------------------------------------


@pytest.mark.parametrize(("gender", "salutation"), [("nam", "Ông"), ("nữ", "Bà")])
def test_salutation_follows_gender(gender: str, salutation: str) -> None:
    data = _data(_person(name="Cầm Thị Ngọc Ánh", gender=gender))
    assert data.salutation == salutation
    assert f"{salutation} Cầm Thị Ngọc Ánh" in _text(
        render_certificate(data, DEFAULT_LAYOUTS["BKT"])
    )


def test_a_collective_has_no_salutation_and_its_unit_below_it() -> None:
    data = _data(collective_name="Phòng  Tổ chức cán bộ", honour="GK")
    assert (data.salutation, data.name, data.position_unit) == (
        "",
        "Phòng Tổ chức cán bộ",
        "Sở Nội vụ tỉnh Sơn La",
    )
    text = _text(render_certificate(data, DEFAULT_LAYOUTS["GK"]))
    assert "Phòng Tổ chức cán bộ" in text and "Ông" not in text and "Bà " not in text
    same = certificate_data(
        None,
        "Sở Nội vụ",
        "GK",
        ACHIEVEMENT,
        "9/QĐ-SNV",
        date(2025, 1, 2),
        "Sơn La",
        CHAIRMAN,
        collective_name="Sở Nội vụ",
    )
    assert same.position_unit == ""


def test_certificate_data_words_every_field() -> None:
    data = _data(signer=DEPUTY)
    assert data == CertificateData(
        honour_code="BKT",
        salutation="Bà",
        name="Lò Thị Hương",
        position_unit="Trưởng phòng Tổ chức cán bộ, Sở Nội vụ tỉnh Sơn La",
        achievement=ACHIEVEMENT,
        decision="Quyết định số 125/QĐ-UBND ngày 26/12/2024",
        place_date="Sơn La, ngày 26 tháng 12 năm 2024",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer_name="Đặng Ngọc Hậu",
        number="Số vào sổ: 1234",
    )
    assert _data(number="").number == ""


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"honour": "XYZ"}, "honour", "“XYZ” không có trong danh mục khen thưởng."),
        ({"person": None}, "person", "Bằng khen phải ghi tên cá nhân hoặc tên tập thể"),
        ({"place": " "}, "place", "Thiếu địa danh"),
        (
            {"signer": Signer(name="A", title="Phó Chủ tịch", authority="KT")},
            "signer",
            "Quyền hạn “KT” cần 1 tên cơ quan/chức vụ được thay mặt",
        ),
    ],
)
def test_certificate_data_refuses_in_vietnamese(kwargs: dict, field: str, message: str) -> None:
    args = {
        "person": _person(),
        "unit_name": "Sở Nội vụ",
        "honour": "BKT",
        "achievement": ACHIEVEMENT,
        "decision_number_symbol": "125/QĐ-UBND",
        "decision_date": date(2024, 12, 26),
        "place": "Sơn La",
        "signer": CHAIRMAN,
    }
    with pytest.raises(RecordError) as caught:
        certificate_data(**{**args, **kwargs})
    assert caught.value.problems[0].field == field
    assert message in str(caught.value)


def test_vietnamese_text_comes_back_exactly_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    data = _data(_person(name=decomposed, position="Phó Giám đốc"), signer=DEPUTY)
    text = _text(render_certificate(data, DEFAULT_LAYOUTS["BKT"]))
    assert unicodedata.is_normalized("NFC", text)
    for line in (
        "Bà Nguyễn Thị Hồng Nhung",
        "Phó Giám đốc, Sở Nội vụ tỉnh Sơn La",
        "Sơn La, ngày 26 tháng 12 năm 2024",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Đặng Ngọc Hậu",
        "Quyết định số 125/QĐ-UBND ngày 26/12/2024",
        "Số vào sổ: 1234",
        "góp phần vào sự",
    ):
        assert line in text


def _fonts(pdf: bytes) -> set[tuple[str, str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    lines = out.stdout.decode().splitlines()[2:]
    # name, then type columns; "emb" is the third column from the right of sub/uni/object id
    return {(line.split()[0], line.split()[-5]) for line in lines if line.strip()}


@pytest.mark.parametrize(
    "make",
    [
        lambda: render_certificate(_data(), DEFAULT_LAYOUTS["BKT"]),
        lambda: calibration_page(DEFAULT_LAYOUTS["BKT"]),
    ],
    ids=["certificate", "calibration"],
)
def test_fonts_are_liberation_serif_and_embedded(make) -> None:  # type: ignore[no-untyped-def]
    fonts = _fonts(make())
    assert fonts
    for name, embedded in fonts:
        assert name.partition("+")[2].startswith("LiberationSerif"), name
        assert embedded == "yes", name


def test_the_same_certificate_gives_the_same_bytes() -> None:
    layout = DEFAULT_LAYOUTS["BKT"]
    assert render_certificate(_data(), layout) == render_certificate(_data(), layout)


# --- the batch --------------------------------------------------------------------------------


def test_batch_gives_one_pdf_each_and_one_of_all_with_a_bookmark_per_person() -> None:
    items = [
        _data(_person("Lò Văn Sáu", "nam")),
        _data(_person("Cầm Thị Ngọc Ánh", "nữ")),
        _data(collective_name="Phòng Tổ chức cán bộ"),
    ]
    pdfs, merged = render_certificates(items, DEFAULT_LAYOUTS["BKT"])
    assert [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs] == [1, 1, 1]
    reader = PdfReader(io.BytesIO(merged))
    assert len(reader.pages) == 3
    assert [item.title for item in reader.outline] == [
        "Lò Văn Sáu",
        "Cầm Thị Ngọc Ánh",
        "Phòng Tổ chức cán bộ",
    ]
    assert [reader.get_destination_page_number(item) for item in reader.outline] == [0, 1, 2]
    assert "Ông Lò Văn Sáu" in _text(pdfs[0])
    assert "Bà Cầm Thị Ngọc Ánh" in reader.pages[1].extract_text()


def test_batch_reports_every_certificate_that_does_not_fit() -> None:
    too_long = replace(_data(), achievement=ACHIEVEMENT * 6)
    other = replace(_data(_person("Lò Văn Sáu", "nam")), achievement=ACHIEVEMENT * 6)
    with pytest.raises(RecordError) as caught:
        render_certificates([too_long, _data(), other], DEFAULT_LAYOUTS["BKT"])
    assert ["Lò Thị Hương" in p.message for p in caught.value.problems] == [True, False]
    with pytest.raises(RecordError, match="Không có bằng khen, giấy khen nào để in."):
        render_certificates([], DEFAULT_LAYOUTS["BKT"])


# --- the calibration page ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["BKT", "GK"])
def test_calibration_page_shows_boxes_rulers_and_how_to_use_it(code: str) -> None:
    layout = DEFAULT_LAYOUTS[code]
    pdf = calibration_page(layout)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = " ".join(_text(pdf).split())
    for key, box in layout.fields.items():
        assert f"{key} ({FIELD_LABELS[key]})" in text
        assert f"x {box.x_mm:g} · y {box.y_mm:g}" in text
    for phrase in (
        "TRANG CĂN CHỈNH VỊ TRÍ IN",
        "In trang này trên giấy trắng",
        "soi trước nguồn sáng",
        "Đo độ lệch bằng mm",
        "(từ mép trái)",
    ):
        assert phrase in text
    words = _words(pdf)
    for at in range(10, 291, 10):  # along the top edge, centred on their tick
        assert any(
            w.text == str(at) and abs((w.left + w.right) / 2 - at) < 0.3 and w.bottom < 12
            for w in words
        ), at
    for at in range(20, 201, 10):  # along the left edge, level with their tick
        assert any(
            w.text == str(at) and abs((w.top + w.bottom) / 2 - at) < 1.0 and w.right < 15
            for w in words
        ), at
