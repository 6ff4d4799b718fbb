"""Rows of the list pages built from domain records: Vietnamese labels, names and order (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..domain.catalogue import BY_CODE, KIND_LABELS
from ..domain.records import (
    DISCIPLINE_LABELS,
    RATING_LABELS,
    SCOPE_LABELS,
    Achievement,
    Nomination,
    Person,
    Registration,
    Unit,
)
from ..vnformat.names import name_sort_key, sort_names

UNIT_KIND_LABELS = {
    "province": "Cấp tỉnh",
    "department": "Sở, ban, ngành",
    "agency": "Cơ quan, đơn vị",
    "district": "Cấp huyện",
    "commune": "Cấp xã",
}
_KIND_RANK = {kind: rank for rank, kind in enumerate(UNIT_KIND_LABELS)}
GENDER_LABELS = {"nam": "Nam", "nữ": "Nữ"}
REGISTRATION_STATUS_LABELS = {"draft": "Đang soạn", "submitted": "Đã gửi"}
NOMINATION_STATUS_LABELS = {
    "draft": "Đang soạn",
    "proposed": "Đã đề nghị",
    "approved": "Đã duyệt",
    "rejected": "Không duyệt",
}


def honour_name(code: str) -> str:
    """Returns the catalogue's Vietnamese name of an honour, or the code when it is unknown."""
    entry = BY_CODE.get(code)
    return entry.name if entry else code


@dataclass(frozen=True)
class UnitLine:
    unit: Unit
    depth: int
    kind_label: str
    parent_name: str
    head: str  # `Giám đốc Nguyễn Văn An`


def unit_lines(units: Iterable[Unit], people: Mapping[str, Person]) -> list[UnitLine]:
    """Returns the units in tree order (each parent before its children, siblings by kind then
    code) with their depth; a unit whose parent is not among `units` is a root."""
    units = list(units)
    by_code = {u.code: u for u in units}
    children: dict[str | None, list[Unit]] = {}
    for u in units:
        parent = u.parent if u.parent in by_code else None
        children.setdefault(parent, []).append(u)
    lines: list[UnitLine] = []

    def walk(parent: str | None, depth: int) -> None:
        for u in sorted(
            children.get(parent, []), key=lambda u: (_KIND_RANK.get(u.kind, 99), u.code)
        ):
            head = people.get(u.head) if u.head else None
            head_text = " ".join(filter(None, [u.head_title, head.full_name if head else ""]))
            parent_name = by_code[u.parent].name if u.parent in by_code else (u.parent or "")
            lines.append(
                UnitLine(u, depth, UNIT_KIND_LABELS.get(u.kind, u.kind), parent_name, head_text)
            )
            walk(u.code, depth + 1)

    walk(None, 0)
    return lines


@dataclass(frozen=True)
class PersonLine:
    person: Person
    gender: str
    unit_name: str


def person_lines(people: Iterable[Person], units: Mapping[str, Unit]) -> list[PersonLine]:
    """Returns the people in Vietnamese name order (given name, middle, family)."""
    ordered = sort_names(people, key=lambda p: p.full_name)
    return [
        PersonLine(p, GENDER_LABELS.get(p.gender, p.gender), _unit_name(units, p.unit))
        for p in ordered
    ]


def matches_name(person: Person, query: str) -> bool:
    """Returns True when `query` is part of the person's name or code (case-insensitive)."""
    q = " ".join(query.split()).casefold()
    return q in person.full_name.casefold() or q == person.code.casefold()


@dataclass(frozen=True)
class RegistrationLine:
    registration: Registration
    unit_name: str
    titles: list[str]
    individuals: int
    status: str
    status_label: str


def registration_lines(
    regs: Iterable[Registration], units: Mapping[str, Unit], order: Mapping[str, int]
) -> list[RegistrationLine]:
    """Returns the registrations in the units' tree order (`order`: unit code → position)."""
    return [
        RegistrationLine(
            r,
            _unit_name(units, r.unit),
            [honour_name(c) for c in r.collective_titles],
            len(r.individuals),
            r.status,
            REGISTRATION_STATUS_LABELS.get(r.status, r.status),
        )
        for r in sorted(regs, key=lambda r: order.get(r.unit, len(order)))
    ]


def unregistered(unit_codes: Iterable[str], regs: Iterable[Registration]) -> list[str]:
    """Returns the codes among `unit_codes` that have no registration in `regs`, in order."""
    registered = {r.unit for r in regs}
    return [code for code in unit_codes if code not in registered]


@dataclass(frozen=True)
class AchievementLine:
    achievement: Achievement
    subject_name: str
    collective: bool
    unit_code: str
    unit_name: str
    rating: str
    honours: list[str]
    initiatives: list[str]
    discipline: str


def achievement_unit(a: Achievement, people: Mapping[str, Person]) -> str:
    """Returns the code of the unit an achievement belongs to (its own, or its person's)."""
    if a.unit:
        return a.unit
    person = people.get(a.person or "")
    return person.unit if person else ""


def achievement_lines(
    items: Iterable[Achievement],
    units: Mapping[str, Unit],
    people: Mapping[str, Person],
    order: Mapping[str, int],
) -> list[AchievementLine]:
    """Returns the achievements by unit (tree order), the collective first, then people by name."""
    lines = []
    for a in items:
        unit_code = achievement_unit(a, people)
        person = people.get(a.person or "")
        name = _unit_name(units, a.unit) if a.unit else (person.full_name if person else a.subject)
        discipline = DISCIPLINE_LABELS.get(a.discipline.form, "") if a.discipline else ""
        lines.append(
            AchievementLine(
                a,
                name,
                bool(a.unit),
                unit_code,
                _unit_name(units, unit_code),
                RATING_LABELS.get(a.rating, "") if a.rating else "",
                [honour_name(h.code) for h in a.honours],
                [f"{i.name} ({SCOPE_LABELS.get(i.scope, i.scope)})" for i in a.initiatives],
                discipline,
            )
        )
    return sorted(
        lines,
        key=lambda line: (
            order.get(line.unit_code, len(order)),
            not line.collective,
            name_sort_key(line.subject_name),
        ),
    )


@dataclass(frozen=True)
class NominationLine:
    nomination: Nomination
    nominee_name: str
    kind_label: str
    honour_name: str
    unit_name: str
    status: str
    status_label: str


def nominee_name(n: Nomination, units: Mapping[str, Unit], people: Mapping[str, Person]) -> str:
    if n.nominee_kind == "individual":
        person = people.get(n.person or "")
        return person.full_name if person else (n.person or "")
    if n.nominee_kind == "collective":
        return _unit_name(units, n.nominee_unit or "")
    return n.household


def nomination_lines(
    items: Iterable[Nomination], units: Mapping[str, Unit], people: Mapping[str, Person]
) -> list[NominationLine]:
    """Returns the nominations in code order."""
    return [
        NominationLine(
            n,
            nominee_name(n, units, people),
            KIND_LABELS.get(n.nominee_kind, ""),
            honour_name(n.honour),
            _unit_name(units, n.unit),
            n.status,
            NOMINATION_STATUS_LABELS.get(n.status, n.status),
        )
        for n in sorted(items, key=lambda n: n.code)
    ]


def _unit_name(units: Mapping[str, Unit], code: str) -> str:
    unit = units.get(code)
    return unit.name if unit else code
