"""The list pages show the example province: units as a tree, people in Vietnamese name order,
registrations, achievements and nominations of a year."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from service.domain.records import DISCIPLINE_LABELS
from service.store import db, repository
from service.vnformat.names import sort_names


def _cells(html: str, cls: str) -> list[str]:
    return [htmllib.unescape(m) for m in re.findall(rf'<td class="{cls}">([^<]*)', html)]


@pytest.fixture
def admin(client, login):
    login("admin")
    return client


def test_root_goes_to_the_units(admin) -> None:
    assert admin.get("/").headers["Location"] == "/units/"


def test_menu_lists_every_feature_in_vietnamese(admin) -> None:
    html = admin.get("/units/").get_data(as_text=True)
    for label in (
        "Đơn vị",
        "Cán bộ",
        "Đăng ký thi đua",
        "Thành tích",
        "Đề nghị khen thưởng",
        "Sổ văn bản đi",
    ):
        assert f">{label}</a>" in html
    assert "Thi đua – Khen thưởng" in html


def test_units_are_listed_as_a_tree(admin) -> None:
    html = admin.get("/units/").get_data(as_text=True)
    rows = re.findall(
        r'<tr class="depth-(\d)">\s*<td class="unit-name"><span class="indent">([^<]+)', html
    )
    names = [htmllib.unescape(name) for _depth, name in rows]
    assert len(rows) >= 15
    assert names[0] == "Ủy ban nhân dân tỉnh Sơn La" and rows[0][0] == "0"
    snv = names.index("Sở Nội vụ")
    assert rows[snv][0] == "1"
    assert names[snv + 1] == "Ban Thi đua - Khen thưởng" and rows[snv + 1][0] == "2"
    for text in ("Sở, ban, ngành", "Cấp huyện", "Cấp xã", "Giám đốc", "SNV"):
        assert text in html


def test_people_are_in_vietnamese_name_order_across_pages(admin, app) -> None:
    with db.transaction(app.config["DATABASE_URL"]) as session:
        everyone = repository.load_all(session, "people")
    expected = sort_names([p.full_name for p in everyone])
    first = admin.get("/people/").get_data(as_text=True)
    assert len(everyone) >= 160
    assert f"trong tổng số {len(everyone)} cán bộ" in first
    shown: list[str] = []
    for page in range(1, len(everyone) // 50 + 2):
        shown += _cells(admin.get(f"/people/?page={page}").get_data(as_text=True), "name")
    assert shown == expected
    assert shown != sorted(shown)  # the code-point order would be wrong


def test_people_filter_by_unit_and_name(admin) -> None:
    html = admin.get("/people/?unit=SNV").get_data(as_text=True)
    names = _cells(html, "name")
    assert "Lù Văn Pánh" in names and len(names) == 9
    found = _cells(admin.get("/people/?q=lù văn pánh").get_data(as_text=True), "name")
    assert found == ["Lù Văn Pánh"]
    assert "Không có cán bộ nào phù hợp." in admin.get("/people/?q=zzz").get_data(as_text=True)


def test_people_page_out_of_range_shows_the_last_page(admin) -> None:
    html = admin.get("/people/?page=999").get_data(as_text=True)
    assert 'aria-current="page">4<' in html


def test_registrations_of_a_year(admin) -> None:
    html = admin.get("/registrations/?year=2024").get_data(as_text=True)
    assert "Đăng ký thi đua năm 2024" in html
    row = re.search(r"<td>Sở Nội vụ</td>\s*<td>([^<]*)</td>\s*<td class=\"num\">(\d+)</td>", html)
    assert row and row.group(1) == "Tập thể lao động xuất sắc"
    assert int(row.group(2)) >= 2
    assert "Đã gửi" in html
    assert "Chưa có bản đăng ký nào" in admin.get("/registrations/?year=2030").get_data(
        as_text=True
    )


def test_achievements_of_a_year_filtered_by_unit(admin, app) -> None:
    html = admin.get("/achievements/?year=2024&unit=SNV").get_data(as_text=True)
    assert '<th colspan="5" scope="rowgroup">Sở Nội vụ</th>' in html
    assert "Sở Y tế" not in html.split("<tbody>")[1]
    assert "Lù Văn Pánh" in html
    assert "Hoàn thành" in html  # a rating label, not a code
    assert "HTXSNV" not in html and "HTTNV" not in html
    with db.transaction(app.config["DATABASE_URL"]) as session:
        punished = next(
            a
            for a in repository.load_all(session, "achievements", year=2024)
            if a.discipline and a.person
        )
        unit = repository.person(session, punished.person).unit
    html = admin.get(f"/achievements/?year=2024&unit={unit}").get_data(as_text=True)
    assert DISCIPLINE_LABELS[punished.discipline.form] in html


def test_nominations_of_a_year(admin) -> None:
    html = admin.get("/nominations/?year=2024").get_data(as_text=True)
    assert "DN2024-001" in html
    assert "Chiến sĩ thi đua cấp tỉnh" in html
    assert "Cá nhân" in html and "Sở Y tế" in html
    assert "Đã đề nghị" in html or "Đã duyệt" in html


def test_error_pages_are_vietnamese(admin) -> None:
    response = admin.get("/khong-co-trang-nay")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Không tìm thấy" in html and 'lang="vi"' in html
