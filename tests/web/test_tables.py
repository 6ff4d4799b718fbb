"""Rows of the list pages, from records: tree order, labels, name order."""

from __future__ import annotations

from service.domain.records import Achievement, Person, Registration, Unit
from service.web.tables import (
    achievement_lines,
    person_lines,
    registration_lines,
    unit_lines,
    unregistered,
)


def _unit(code: str, parent: str | None, kind: str = "department", **extra: str) -> Unit:
    return Unit(
        code=code,
        name=f"Đơn vị {code}",
        kind=kind,
        parent=parent,
        place="Sơn La",
        abbreviation=code,
        **extra,
    )


def _person(code: str, name: str, unit: str = "A") -> Person:
    return Person(code=code, full_name=name, gender="nữ", unit=unit)


UNITS = [
    _unit("X", "P", "district"),
    _unit("A", "P"),
    _unit("X1", "X", "commune"),
    _unit("A1", "A", "agency"),
    _unit("P", None, "province", head="H", head_title="Chủ tịch"),
]


def test_units_come_in_tree_order_with_depth_and_labels() -> None:
    lines = unit_lines(UNITS, {"H": _person("H", "Hoàng Quốc Khánh", "P")})
    assert [(line.unit.code, line.depth) for line in lines] == [
        ("P", 0),
        ("A", 1),
        ("A1", 2),
        ("X", 1),
        ("X1", 2),
    ]
    assert lines[0].kind_label == "Cấp tỉnh" and lines[0].head == "Chủ tịch Hoàng Quốc Khánh"
    assert lines[3].kind_label == "Cấp huyện" and lines[3].parent_name == "Đơn vị P"


def test_a_unit_whose_parent_is_not_listed_is_a_root() -> None:
    lines = unit_lines([_unit("A1", "A", "agency")], {})
    assert [(line.unit.code, line.depth, line.parent_name) for line in lines] == [("A1", 0, "A")]


def test_people_sort_by_given_name_in_vietnamese_order() -> None:
    people = [
        _person("1", "Trần Văn Ân"),
        _person("2", "Lê Thị Ánh"),
        _person("3", "Vũ Anh"),
        _person("4", "Nguyễn Đức"),
        _person("5", "Đỗ Dung"),
    ]
    names = [line.person.full_name for line in person_lines(people, {})]
    assert names == ["Vũ Anh", "Lê Thị Ánh", "Trần Văn Ân", "Đỗ Dung", "Nguyễn Đức"]


def test_registration_lines_name_the_titles_and_count_people() -> None:
    reg = Registration(
        unit="A",
        year=2024,
        collective_titles=["TTLDXS"],
        individuals=[{"full_name": "Lê Thị Ánh", "title": "LDTT"}],
        status="draft",
    )
    [line] = registration_lines([reg], {"A": UNITS[1]}, {"A": 0})
    assert (line.unit_name, line.titles, line.individuals, line.status_label) == (
        "Đơn vị A",
        ["Tập thể lao động xuất sắc"],
        1,
        "Đang soạn",
    )
    assert unregistered(["P", "A", "X"], [reg]) == ["P", "X"]


def test_achievements_group_by_unit_collective_first() -> None:
    people = {"1": _person("1", "Vũ Anh", "A"), "2": _person("2", "Lê Thị Ánh", "P")}
    items = [
        Achievement(person="1", year=2024, rating="HTTNV", discipline={"form": "khien_trach"}),
        Achievement(unit="A", year=2024, rating="HTXSNV", honours=[{"code": "TTLDXS"}]),
        Achievement(
            person="2", year=2024, initiatives=[{"name": "Số hóa hồ sơ", "scope": "co_so"}]
        ),
    ]
    units = {u.code: u for u in UNITS}
    order = {line.unit.code: i for i, line in enumerate(unit_lines(UNITS, {}))}
    lines = achievement_lines(items, units, people, order)
    assert [(line.unit_code, line.collective) for line in lines] == [
        ("P", False),
        ("A", True),
        ("A", False),
    ]
    assert lines[0].initiatives == ["Số hóa hồ sơ (cấp cơ sở)"]
    assert lines[1].rating == "Hoàn thành xuất sắc nhiệm vụ"
    assert lines[1].honours == ["Tập thể lao động xuất sắc"]
    assert lines[2].discipline == "Khiển trách"
