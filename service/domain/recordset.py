"""A province-year of records, validated as a whole: schemas, then the references between them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import RecordError
from .records import (
    FIELD_LABELS,
    Achievement,
    CouncilVote,
    Decision,
    Movement,
    Nomination,
    Person,
    Registration,
    TargetResults,
    Unit,
    UnitReport,
)

# File name → (schema, is a list, natural key). The order is the order of import.
FILES: dict[str, tuple[type[BaseModel], bool, Callable[[Any], tuple]]] = {
    "units.yaml": (Unit, True, lambda r: (r.code,)),
    "people.yaml": (Person, True, lambda r: (r.code,)),
    "movement.yaml": (Movement, False, lambda r: (r.year,)),
    "registrations.yaml": (Registration, True, lambda r: (r.unit, r.year)),
    "achievements.yaml": (Achievement, True, lambda r: (
        "person" if r.person else "unit" if r.unit else "household", r.subject, r.year)),
    "nominations.yaml": (Nomination, True, lambda r: (r.code,)),
    "council_votes.yaml": (CouncilVote, True, lambda r: (r.unit, r.year)),
    "decisions.yaml": (Decision, True, lambda r: (r.code,)),
    "results.yaml": (TargetResults, True, lambda r: (r.year,)),
    "reports.yaml": (UnitReport, True, lambda r: (r.unit, r.year)),
}

FILE_ATTR = {
    "units.yaml": "units", "people.yaml": "people", "movement.yaml": "movements",
    "registrations.yaml": "registrations", "achievements.yaml": "achievements",
    "nominations.yaml": "nominations", "council_votes.yaml": "council_votes",
    "decisions.yaml": "decisions", "results.yaml": "results", "reports.yaml": "reports",
}


@dataclass
class Located:
    """A record and where it came from: file and path inside the file (for line numbers)."""

    record: Any
    file: str
    path: tuple[Any, ...]


@dataclass
class RecordSet:
    units: list[Located] = field(default_factory=list)
    people: list[Located] = field(default_factory=list)
    movements: list[Located] = field(default_factory=list)
    registrations: list[Located] = field(default_factory=list)
    achievements: list[Located] = field(default_factory=list)
    nominations: list[Located] = field(default_factory=list)
    council_votes: list[Located] = field(default_factory=list)
    decisions: list[Located] = field(default_factory=list)
    results: list[Located] = field(default_factory=list)
    reports: list[Located] = field(default_factory=list)

    def records(self, attr: str) -> list[Any]:
        return [loc.record for loc in getattr(self, attr)]


@dataclass(frozen=True)
class Finding:
    """A problem at a path inside a file; the store turns the path into a line number."""

    message: str
    file: str
    path: tuple[Any, ...]
    field: str | None = None


_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong mẫu dữ liệu (kiểm tra chính tả tên trường)",
    "string_type": "phải là chuỗi chữ",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "bool_type": "phải là đúng/sai (true/false)",
    "bool_parsing": "phải là đúng/sai (true/false)",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một nhóm trường (mapping)",
    "model_type": "phải là một nhóm trường (mapping)",
    "date_type": "phải là ngày dạng dd/mm/yyyy",
    "date_from_datetime_parsing": "phải là ngày dạng dd/mm/yyyy",
    "string_too_short": "không được để trống",
    "too_short": "không được để trống",
    "string_pattern_mismatch": "chỉ được gồm chữ không dấu, số, dấu chấm, gạch ngang",
    "greater_than_equal": "quá nhỏ",
    "less_than_equal": "quá lớn",
}


def vietnamese_message(error: dict[str, Any]) -> str:
    """Returns a Vietnamese sentence for one pydantic error."""
    kind = error.get("type", "")
    if kind in ("value_error", "assertion_error"):
        msg = str(error.get("ctx", {}).get("error", error.get("msg", "")))
        return msg.removeprefix("Value error, ")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"giá trị “{error.get('input')}” không hợp lệ; chỉ nhận: {expected}".replace(
            " or ", " hoặc "
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("le"))
        word = "không nhỏ hơn" if kind == "greater_than_equal" else "không lớn hơn"
        return f"giá trị {error.get('input')} không hợp lệ (phải {word} {bound})"
    return _MESSAGES.get(kind, f"không hợp lệ ({error.get('msg', kind)})")


def _path(loc: tuple[Any, ...]) -> str:
    """Returns a pydantic location as a field path counted from 1: `individuals[2].title`."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def field_label(loc: tuple[Any, ...]) -> str | None:
    """Returns the field path with Vietnamese names, e.g. `individuals[2].title (danh hiệu)`."""
    if not loc:
        return None
    name = next((str(i) for i in reversed(loc) if isinstance(i, str)), "")
    label = FIELD_LABELS.get(name)
    return _path(loc) + (f" ({label})" if label else "")


def location_in_vietnamese(loc: tuple[Any, ...]) -> str | None:
    """Returns a pydantic location as a user reads it: `danh sách cá nhân, dòng 2, danh hiệu`."""
    return vietnamese_field(_path(loc)) if loc else None


_FIELD_PATH = re.compile(r"^[A-Za-z_]+(\[\d+\])?(\.[A-Za-z_]+(\[\d+\])?)*$")
_FIELD_PART = re.compile(r"^([A-Za-z_]+)(?:\[(\d+)\])?$")


def vietnamese_field(name: str | None) -> str | None:
    """Returns a problem's field as a user reads it: `unit` → `đơn vị`, `individuals[3].title`
    → `danh sách cá nhân, dòng 3, danh hiệu` (numbers as written: already counted from 1). A
    name without a label, or not a field path (`4.2:planned`), is returned as it is."""
    if not name or not _FIELD_PATH.match(name):
        return name
    words = []
    for part in name.split("."):
        found = _FIELD_PART.match(part)
        assert found is not None  # the whole path matched
        words.append(FIELD_LABELS.get(found.group(1), found.group(1)))
        if found.group(2):
            words.append(f"dòng {found.group(2)}")
    return ", ".join(words)


def in_vietnamese(error: RecordError) -> RecordError:
    """Returns the error with every problem's field named in Vietnamese (vietnamese_field), for
    showing it; the problems the error was raised with keep their field keys."""
    return RecordError([replace(p, field=vietnamese_field(p.field)) for p in error.problems])


def validate(schema: type[BaseModel], raw: Any, file: str, path: tuple[Any, ...]) -> tuple[
    Any | None, list[Finding]
]:
    """Returns the record, or None and the findings (one per field) when it is refused."""
    try:
        return schema.model_validate(raw), []
    except ValidationError as exc:
        return None, [
            Finding(vietnamese_message(e), file, path + tuple(e["loc"]), field_label(tuple(e["loc"])))
            for e in exc.errors()
        ]


def _duplicates(located: Iterable[Located], key: Callable[[Any], tuple], what: str) -> list[Finding]:
    seen: Counter[tuple] = Counter()
    found = []
    for loc in located:
        k = key(loc.record)
        seen[k] += 1
        if seen[k] == 2:
            found.append(Finding(f"{what} bị trùng: {', '.join(map(str, k))}", loc.file, loc.path))
    return found


def check_references(rs: RecordSet, known_units: set[str] = frozenset(),  # type: ignore[assignment]
                     known_people: set[str] = frozenset()) -> list[Finding]:  # type: ignore[assignment]
    """Returns every broken reference and duplicate; `known_*` are codes already in the store."""
    units = {u.code for u in rs.records("units")} | set(known_units)
    people = {p.code for p in rs.records("people")} | set(known_people)
    nominations = {n.code for n in rs.records("nominations")}
    out: list[Finding] = []

    def need(ok: bool, msg: str, loc: Located, fld: str) -> None:
        if not ok:
            out.append(Finding(msg, loc.file, loc.path + (fld,), field_label((fld,))))

    for loc in rs.units:
        u = loc.record
        if u.parent:
            need(u.parent in units, f"đơn vị cấp trên “{u.parent}” không có trong danh sách đơn vị",
                 loc, "parent")
        if u.head:
            need(u.head in people, f"thủ trưởng “{u.head}” không có trong danh sách cá nhân", loc, "head")
    out += _parent_cycles(rs)
    for loc in rs.people:
        need(loc.record.unit in units, f"đơn vị “{loc.record.unit}” không có", loc, "unit")
    for loc in rs.movements:
        need(loc.record.issuing_unit in units, f"đơn vị “{loc.record.issuing_unit}” không có",
             loc, "issuing_unit")
    for loc in rs.registrations:
        need(loc.record.unit in units, f"đơn vị “{loc.record.unit}” không có", loc, "unit")
        for i, entry in enumerate(loc.record.individuals):
            if entry.person and entry.person not in people:
                out.append(Finding(f"cá nhân “{entry.person}” không có", loc.file,
                                   loc.path + ("individuals", i, "person"), "individuals.person"))
    for loc in rs.achievements:
        a = loc.record
        if a.person:
            need(a.person in people, f"cá nhân “{a.person}” không có", loc, "person")
        if a.unit:
            need(a.unit in units, f"đơn vị “{a.unit}” không có", loc, "unit")
    for loc in rs.nominations:
        n = loc.record
        need(n.unit in units, f"đơn vị “{n.unit}” không có", loc, "unit")
        if n.person:
            need(n.person in people, f"cá nhân “{n.person}” không có", loc, "person")
        if n.nominee_unit:
            need(n.nominee_unit in units, f"đơn vị “{n.nominee_unit}” không có", loc, "nominee_unit")
    for loc in rs.council_votes:
        need(loc.record.unit in units, f"đơn vị “{loc.record.unit}” không có", loc, "unit")
        for i, vote in enumerate(loc.record.votes):
            if vote.nomination not in nominations:
                out.append(Finding(f"đề nghị “{vote.nomination}” không có", loc.file,
                                   loc.path + ("votes", i, "nomination"), "votes.nomination"))
            if vote.votes_for > loc.record.members_total:
                out.append(Finding("số phiếu đồng ý lớn hơn tổng số thành viên", loc.file,
                                   loc.path + ("votes", i, "votes_for"), "votes.votes_for"))
    for loc in rs.decisions:
        need(loc.record.unit in units, f"đơn vị “{loc.record.unit}” không có", loc, "unit")
        for i, code in enumerate(loc.record.nominations):
            if code not in nominations:
                out.append(Finding(f"đề nghị “{code}” không có", loc.file,
                                   loc.path + ("nominations", i), "nominations"))
    for loc in rs.reports:
        need(loc.record.unit in units, f"đơn vị “{loc.record.unit}” không có", loc, "unit")
    for file, attr in FILE_ATTR.items():
        out += _duplicates(getattr(rs, attr), FILES[file][2], "bản ghi")
    return out


def _parent_cycles(rs: RecordSet) -> list[Finding]:
    parent = {u.code: u.parent for u in rs.records("units")}
    out = []
    for loc in rs.units:
        seen, code = set(), loc.record.code
        while code and code in parent:
            if code in seen:
                out.append(Finding("đơn vị cấp trên tạo thành vòng lặp", loc.file,
                                   loc.path + ("parent",), "parent"))
                break
            seen.add(code)
            code = parent[code]
    return out
