"""A unit's registration (đăng ký thi đua): the form's checks, totals, order and sheet rows."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from pydantic import ValidationError

from ..vnformat.names import sort_names

from .catalogue import BY_CODE, HONOURS, KIND_LABELS, find_by_name
from .errors import Problem
from .records import Person, Registration, RegistrationEntry
from .recordset import vietnamese_message

# The columns of the sheet a unit fills in, by header text (the store reads and writes them).
NAME_COLUMN = "Họ và tên"
POSITION_COLUMN = "Chức vụ"
TITLE_COLUMN = "Danh hiệu đăng ký"
AWARD_COLUMN = "Hình thức khen thưởng"
COLUMNS = (NAME_COLUMN, POSITION_COLUMN, TITLE_COLUMN, AWARD_COLUMN)

_KIND_WORDS = {"title": "danh hiệu thi đua", "award": "hình thức khen thưởng"}
_SHORT_KIND_WORDS = {"title": "danh hiệu", "award": "hình thức khen thưởng"}


def name_key(full_name: str) -> str:
    """Returns the key two spellings of one name share: NFC, spaces collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", full_name).split()).casefold()


def honour_problem(code: str, nominee: str, slot: str) -> str | None:
    """Returns why `code` cannot stand in a `slot` ("title"/"award") for a `nominee`
    ("individual"/"collective"), or None when it can."""
    honour = BY_CODE.get(code)
    if honour is None:
        return f"“{code}” không có trong danh mục danh hiệu, hình thức khen thưởng"
    if not honour.accepts(nominee):
        kinds = " hoặc ".join(KIND_LABELS[k] for k in sorted(honour.nominees))
        return (f"“{honour.name}” là {_SHORT_KIND_WORDS[honour.kind]} {kinds}, "
                f"không dùng cho {KIND_LABELS[nominee]}")
    if honour.kind != slot:
        return (f"“{honour.name}” là {_KIND_WORDS[honour.kind]}, không phải "
                f"{_KIND_WORDS[slot]}; ghi ở mục {_KIND_WORDS[honour.kind]}")
    return None


def duplicates(entries: Sequence[RegistrationEntry]) -> dict[int, int]:
    """Returns {index: index of the first earlier entry for the same person}.

    Two entries are one person when they carry the same `person` code, or when their names
    match (name_key) and at least one of them has no code: two codes mean two namesakes.
    """
    by_code: dict[str, int] = {}
    by_name: dict[str, int] = {}  # first entry of each name, coded or not
    uncoded_by_name: dict[str, int] = {}
    found: dict[int, int] = {}
    for i, entry in enumerate(entries):
        key = name_key(entry.full_name)
        if entry.person:
            earlier = [j for j in (by_code.get(entry.person), uncoded_by_name.get(key))
                       if j is not None]
            by_code.setdefault(entry.person, i)
        else:
            earlier = [by_name[key]] if key in by_name else []
            uncoded_by_name.setdefault(key, i)
        by_name.setdefault(key, i)
        if earlier:
            found[i] = min(earlier)
    return found


def _collective_problems(reg: Registration) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for code in reg.collective_titles:
        reason = honour_problem(code, "collective", "title")
        if reason:
            problems.append(Problem(reason, field="collective_titles"))
        elif code in seen:
            problems.append(Problem(f"“{BY_CODE[code].name}” được đăng ký hai lần",
                                    field="collective_titles"))
        seen.add(code)
    return problems


def _individual_problems(reg: Registration, staff: Sequence[Person]) -> list[Problem]:
    problems: list[Problem] = []
    staff_codes = {p.code for p in staff}
    for i, entry in enumerate(reg.individuals, start=1):
        for slot in ("title", "award"):
            code = getattr(entry, slot)
            reason = code and honour_problem(code, "individual", slot)
            if reason:
                problems.append(Problem(reason, field=f"individuals[{i}].{slot}"))
        if entry.person and entry.person not in staff_codes:
            problems.append(Problem(
                f"“{entry.full_name}” (mã {entry.person}) không có trong danh sách cán bộ "
                "của đơn vị", field=f"individuals[{i}]"))
    for i, j in duplicates(reg.individuals).items():
        problems.append(Problem(
            f"“{reg.individuals[i].full_name}” được đăng ký hai lần: dòng {j + 1} và "
            f"dòng {i + 1}", field=f"individuals[{i + 1}]"))
    return problems


def check_registration(reg: Registration, staff: Sequence[Person]) -> list[Problem]:
    """Returns every problem of `reg` (none when it can be accepted), each with the form field
    it is about: `collective_titles`, `individuals[3]` (rows from 1), `individuals[3].title`,
    `commitments`, `signer`. `staff` are the people of the registering unit."""
    problems = _collective_problems(reg) + _individual_problems(reg, staff)
    problems.sort(key=lambda p: _field_order(p.field))
    if not reg.collective_titles and not reg.individuals:
        problems.append(Problem("Danh sách đăng ký trống: chưa đăng ký danh hiệu tập thể "
                                "hay cá nhân nào", field="individuals"))
    for n, text in enumerate(reg.commitments, start=1):
        if not text.strip():
            problems.append(Problem(f"Cam kết thứ {n} để trống", field="commitments"))
    if reg.status == "submitted" and reg.signer is None:
        problems.append(Problem("Bản đăng ký gửi đi phải có người ký", field="signer"))
    return problems


def _field_order(field: str | None) -> tuple[int, int]:
    """Orders problems as the form shows its fields: collective titles, then rows by number."""
    if not field or not field.startswith("individuals["):
        return (0, 0)
    return (1, int(field[len("individuals["):field.index("]")]))


def totals_by_title(reg: Registration) -> list[tuple[str, str, int]]:
    """Returns (code, Vietnamese name, count) of the individuals' titles and awards, in
    catalogue order; those nobody registered for are left out."""
    counts: dict[str, int] = {}
    for entry in reg.individuals:
        for code in {entry.title, entry.award} - {None}:
            counts[code] = counts.get(code, 0) + 1  # type: ignore[index]
    return [(h.code, h.name, counts[h.code]) for h in HONOURS if counts.get(h.code)]


def sorted_entries(reg: Registration) -> list[RegistrationEntry]:
    """Returns the individuals in Vietnamese name order (given name, middle, family)."""
    return sort_names(reg.individuals, key=lambda e: e.full_name)


def _cell(row: Mapping[str, str], column: str) -> str:
    value = row.get(column)
    return " ".join(unicodedata.normalize("NFC", str(value)).split()) if value else ""


def _honour_from_cell(text: str, slot: str) -> tuple[str | None, str | None]:
    """Returns (code, None) for a title/award written by code or name, or (None, reason)."""
    if not text:
        return None, None
    honour = find_by_name(text)
    if honour is None:
        return None, (f"“{text}” không có trong danh mục {_KIND_WORDS[slot]} "
                      "(ghi đúng tên có dấu hoặc mã, xem sheet “Danh mục”)")
    reason = honour_problem(honour.code, "individual", slot)
    return (None, reason) if reason else (honour.code, None)


def _entry_from_row(
    row: Mapping[str, str], staff_by_name: Mapping[str, list[Person]]
) -> tuple[RegistrationEntry | None, list[tuple[str, str]]]:
    """Returns the entry of one row, or None and (column, reason) pairs."""
    name = _cell(row, NAME_COLUMN)
    if not name:
        return None, [(NAME_COLUMN, "thiếu họ và tên")]
    raw: dict[str, object] = {"full_name": name, "position": _cell(row, POSITION_COLUMN)}
    reasons: list[tuple[str, str]] = []
    for slot, column in (("title", TITLE_COLUMN), ("award", AWARD_COLUMN)):
        raw[slot], reason = _honour_from_cell(_cell(row, column), slot)
        if reason:
            reasons.append((column, reason))
    if reasons:
        return None, reasons
    if not raw["title"] and not raw["award"]:
        return None, [(TITLE_COLUMN, "chưa ghi danh hiệu đăng ký hoặc hình thức khen thưởng")]
    matches = staff_by_name.get(name_key(name), [])
    if len(matches) == 1:  # namesakes in one unit: leave it to the user to pick
        raw["person"] = matches[0].code
        raw["full_name"] = matches[0].full_name  # the staff list's spelling, not the typed one
        raw["position"] = raw["position"] or matches[0].position
    try:
        return RegistrationEntry.model_validate(raw), []
    except ValidationError as exc:
        columns = {"full_name": NAME_COLUMN, "position": POSITION_COLUMN}
        return None, [(columns.get(str(e["loc"][0]) if e["loc"] else "", NAME_COLUMN),
                       vietnamese_message(e)) for e in exc.errors()]


def entries_from_rows(
    rows: Sequence[Mapping[str, str]],
    staff: Sequence[Person],
    first_row: int,
    *,
    lines: Sequence[int] | None = None,
    file: str | None = None,
) -> tuple[list[RegistrationEntry], list[Problem]]:
    """Returns the entries of sheet rows (values by header, see COLUMNS) and every problem.

    A title or award may be written by code or by its Vietnamese name (case and extra spaces
    do not matter, diacritics do). A name matching exactly one of `staff` sets `person`.
    Problems carry `line`, the sheet's row number (`first_row` for rows[0] and so on, or
    `lines[i]` when given, as blank rows were skipped), `field`, the column header, and `file`.
    """
    staff_by_name: dict[str, list[Person]] = {}
    for person in staff:
        staff_by_name.setdefault(name_key(person.full_name), []).append(person)
    numbers = list(lines) if lines is not None else [first_row + i for i in range(len(rows))]
    entries: list[RegistrationEntry] = []
    entry_lines: list[int] = []
    problems: list[Problem] = []
    for row, line in zip(rows, numbers, strict=True):
        entry, reasons = _entry_from_row(row, staff_by_name)
        problems += [Problem(reason, file=file, line=line, field=col) for col, reason in reasons]
        if entry is not None:
            entries.append(entry)
            entry_lines.append(line)
    for i, j in duplicates(entries).items():
        problems.append(Problem(
            f"“{entries[i].full_name}” được ghi hai lần: dòng {entry_lines[j]} và dòng "
            f"{entry_lines[i]}", file=file,
            line=entry_lines[i], field=NAME_COLUMN))
    problems.sort(key=lambda p: p.line or 0)
    return entries, problems
