"""Printing a decision's certificates on the issuing unit's layout, and that layout's life:
saved, refused in Vietnamese, reset to the default, shown on a calibration page."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader

from service.domain.certificate_layout import DEFAULT_LAYOUTS, layout_to_dict
from service.domain.errors import RecordError
from service.jobs import certificates as jobs
from service.store import db


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_decision_prints_one_certificate_each_and_one_of_all(example_db) -> None:
    batch = jobs.print_certificates(example_db, "QD2024-BKT")
    assert batch.honour == "BKT"
    assert [c.nomination for c in batch.certificates] == [
        "DN2024-005", "DN2024-006", "DN2024-007", "DN2024-008", "DN2024-027", "DN2024-028",
        "DN2024-029"]
    assert batch.certificates[0].filename == "DN2024-005-nguyen-van-anh.pdf"
    merged = PdfReader(io.BytesIO(batch.merged))
    assert len(merged.pages) == 7
    assert [item.title for item in merged.outline][:2] == ["Nguyễn Văn Anh", "Lường Thị Ánh"]
    first = _text(batch.certificates[0].pdf)
    for words in ("Ông Nguyễn Văn Anh", "Sở Kế hoạch và Đầu tư", "3215/QĐ-UBND", "27/12/2024",
                  "Đã có thành tích xuất sắc trong phong trào thi đua năm 2024",
                  "Sơn La, ngày 27 tháng 12 năm 2024", "Nguyễn Hữu Đạt"):
        assert words in first, words
    household = _text(batch.certificates[-1].pdf)
    assert "Hộ ông Lò Văn Pánh" in household and "Ông Hộ" not in household


def test_a_commune_names_its_district_and_numbers_count_up(example_db) -> None:
    batch = jobs.print_certificates(example_db, "QD2024-BKT", first_number=101)
    commune = _text(batch.certificates[5].pdf)
    assert "Ủy ban nhân dân xã Chiềng Sơn" in commune
    assert "Ủy ban nhân dân huyện Mộc Châu" in commune
    assert "Số vào sổ: 101" in _text(batch.certificates[0].pdf)
    assert "Số vào sổ: 107" in _text(batch.certificates[6].pdf)


def test_the_zip_holds_each_pdf_and_the_merged_one(example_db) -> None:
    batch = jobs.print_certificates(example_db, "QD2024-BKT")
    names = zipfile.ZipFile(io.BytesIO(batch.zip_bytes())).namelist()
    assert len(names) == 8
    assert "QD2024-BKT-BKT-tat-ca.pdf" in names


@pytest.mark.parametrize(
    ("code", "honour", "words"),
    [
        ("QD2024-DHTD", None, "không có bằng khen, giấy khen in trên phôi"),
        ("QD2024-BKT", "GK", "không tặng Giấy khen"),
        ("QD-KHONG-CO", None, "không có quyết định mã “QD-KHONG-CO”"),
    ],
)
def test_what_cannot_be_printed_is_refused(example_db, code, honour, words) -> None:
    with pytest.raises(RecordError, match=words):
        jobs.print_certificates(example_db, code, honour)


def test_the_issuing_units_own_layout_is_used(example_db) -> None:
    data = layout_to_dict(DEFAULT_LAYOUTS["BKT"])
    data["name"] = "Phôi bằng khen của tỉnh, lô 2024"
    data["fields"]["name"]["y_mm"] = 70
    saved = jobs.save_layout(example_db, "UBND-TINH", "BKT", data)
    assert saved.custom and saved.layout.fields["name"].y_mm == 70
    batch = jobs.print_certificates(example_db, "QD2024-BKT")
    assert batch.layout_name == "Phôi bằng khen của tỉnh, lô 2024"
    # another unit still has the default
    assert not jobs.unit_layout(example_db, "SNV", "BKT").custom
    reset = jobs.reset_layout(example_db, "UBND-TINH", "BKT")
    assert not reset.custom and reset.layout == DEFAULT_LAYOUTS["BKT"]
    assert jobs.print_certificates(example_db, "QD2024-BKT").layout_name == DEFAULT_LAYOUTS[
        "BKT"].name


def test_a_wrong_layout_is_refused_in_vietnamese_and_nothing_is_saved(example_db) -> None:
    data = layout_to_dict(DEFAULT_LAYOUTS["GK"])
    data["fields"]["name"]["size_pt"] = 50
    data["fields"]["achievement"]["x_mm"] = "bốn mươi"
    with pytest.raises(RecordError) as caught:
        jobs.save_layout(example_db, "SNV", "GK", data)
    text = str(caught.value)
    assert "cỡ chữ phải từ 8 đến 40 pt" in text
    assert "phải là số" in text
    assert not jobs.unit_layout(example_db, "SNV", "GK").custom


def test_only_known_blanks_have_layouts(example_db) -> None:
    with pytest.raises(RecordError, match="không có mẫu phôi"):
        jobs.unit_layout(example_db, "SNV", "CSTDT")
    with pytest.raises(RecordError, match="không có đơn vị mã"):
        jobs.unit_layout(example_db, "KHONG-CO", "BKT")


def test_the_calibration_page_follows_the_units_layout(example_db) -> None:
    data = layout_to_dict(DEFAULT_LAYOUTS["GK"])
    data["name"] = "Giấy khen Sở Nội vụ"
    jobs.save_layout(example_db, "SNV", "GK", data)
    pdf = jobs.calibration(example_db, "SNV", "GK")
    assert pdf.startswith(b"%PDF")
    assert "Giấy khen Sở Nội vụ" in _text(pdf)
    with db.transaction(example_db) as session:
        from service.store import certificate_layouts

        assert certificate_layouts.is_custom(session, "SNV", "GK")
        assert not certificate_layouts.is_custom(session, "SNV", "BKT")
