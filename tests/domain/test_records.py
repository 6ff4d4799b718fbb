"""Record schemas: good records pass, bad ones are refused in Vietnamese naming the field."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from service.domain.recordset import field_label, validate
from service.domain.records import Achievement, Indicator, Nomination, Person, Registration, Unit


def refused(schema, raw) -> list:  # type: ignore[no-untyped-def]
    record, findings = validate(schema, raw, "x.yaml", (0,))
    assert record is None
    return findings


def test_person_name_is_nfc_and_trimmed() -> None:
    nfd = unicodedata.normalize("NFD", "  Nguyễn Thị Ánh  ")
    person = Person(code="P1", full_name=nfd, gender="nữ", unit="SNV")
    assert person.full_name == "Nguyễn Thị Ánh"
    assert person.full_name == unicodedata.normalize("NFC", person.full_name)


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"code": "P1", "full_name": "Lò Văn\x07 Ơn", "gender": "nam", "unit": "SNV"},
         "full_name", "ký tự điều khiển"),
        ({"code": "P1", "full_name": "", "gender": "nam", "unit": "SNV"}, "full_name", "trống"),
        ({"code": "P1", "full_name": "A B", "gender": "khác", "unit": "SNV"}, "gender", "chỉ nhận"),
        ({"code": "P1", "full_name": "A B", "gender": "nam"}, "unit", "thiếu"),
        ({"code": "P 1", "full_name": "A B", "gender": "nam", "unit": "SNV"}, "code", "chữ không dấu"),
        ({"code": "P1", "full_name": "A B", "gender": "nam", "unit": "SNV", "age": 3}, "age",
         "không có trong mẫu"),
        ({"code": "P1", "full_name": "A\nB", "gender": "nam", "unit": "SNV"}, "full_name", "một dòng"),
    ],
)
def test_bad_person_is_refused_naming_the_field(raw: dict, field: str, words: str) -> None:
    findings = refused(Person, raw)
    assert len(findings) == 1
    assert findings[0].field is not None and findings[0].field.startswith(field)
    assert words in findings[0].message


@pytest.mark.parametrize("text", ["31/02/2024", "2024-02-30", "3 tháng 1", "00/01/2024"])
def test_impossible_date_is_refused(text: str) -> None:
    raw = {"person": "P1", "year": 2024, "discipline": {"form": "canh_cao", "until": text}}
    (finding,) = refused(Achievement, raw)
    assert finding.path == (0, "discipline", "until")
    assert text in finding.message and "không có thật" in finding.message


@pytest.mark.parametrize("text", ["03/01/2024", "2024-01-03", dt.date(2024, 1, 3)])
def test_dates_in_both_forms(text: object) -> None:
    a = Achievement.model_validate(
        {"person": "P1", "year": 2024, "discipline": {"form": "canh_cao", "until": text}})
    assert a.discipline is not None and a.discipline.until == dt.date(2024, 1, 3)
    assert a.model_dump(mode="json")["discipline"]["until"] == "03/01/2024"


def test_achievement_needs_exactly_one_subject() -> None:
    (finding,) = refused(Achievement, {"person": "P1", "unit": "SNV", "year": 2024})
    assert "đúng một đối tượng" in finding.message


def test_indicator_keeps_the_printed_figure() -> None:
    ind = Indicator(code="23.2", name="Nước sạch nông thôn", unit="%", planned="99,0")
    assert ind.planned == "99,0" and str(ind.planned_value) == "99.0"
    assert Indicator(code="13.1", name="Xã mới", planned="06").planned == "06"
    (finding,) = refused(Indicator, {"code": "1", "name": "x", "planned": "bảy"})
    assert "không phải là số" in finding.message


def test_registration_entry_needs_a_title_or_award_from_the_catalogue() -> None:
    findings = refused(Registration, {"unit": "SNV", "year": 2024, "individuals": [
        {"full_name": "Lò Văn Ơn"}, {"full_name": "Cầm Thị Ánh", "title": "XYZ"}]})
    assert [f.path for f in findings] == [(0, "individuals", 0), (0, "individuals", 1, "title")]
    assert "ít nhất một" in findings[0].message
    assert "danh mục" in findings[1].message


def test_nomination_honour_must_fit_the_nominee() -> None:
    (finding,) = refused(Nomination, {"code": "N1", "year": 2024, "unit": "SNV",
                                      "nominee_kind": "individual", "person": "P1",
                                      "honour": "TTLDXS"})
    assert "Tập thể lao động xuất sắc" in finding.message


def test_unit_kind_is_checked() -> None:
    (finding,) = refused(Unit, {"code": "X", "name": "X", "kind": "ministry", "place": "Sơn La",
                                "abbreviation": "X"})
    assert finding.field == "kind (loại)"


def test_field_label_numbers_rows_from_one() -> None:
    assert field_label(("individuals", 2, "title")) == "individuals[3].title (danh hiệu)"


def test_decomposed_input_is_the_same_text_everywhere() -> None:
    nfd = lambda t: unicodedata.normalize("NFD", t)  # noqa: E731
    person = Person.model_validate({"code": "P1", "full_name": nfd("Đặng Thị Ưng"),
                                    "gender": nfd("nữ"), "unit": "SNV"})
    assert person.gender == "nữ" and person.full_name == "Đặng Thị Ưng"
