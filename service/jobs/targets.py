"""The year's targets (the directive's annex of chỉ tiêu and their indicators): the form's input,
checked and saved, new ones numbered; and the helpers the results share (the directive, figures
written the Vietnamese way).

A refusal is a RecordError whose problems say, in Vietnamese, which target or indicator and
which column is wrong; a problem's `field` is `<indicator code>:<column key>` (`4.2:planned`)
or `<target number>:text` for the form to mark.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from pydantic import ValidationError

from ..domain.errors import Problem, RecordError
from ..domain.records import Annex, Indicator, Movement, Target, TargetResults
from ..domain.recordset import vietnamese_message
from ..store import db
from ..store import repository as repo
from ..vnformat.numbers import parse_number

NUMBER_HINT = "viết kiểu Việt Nam, ví dụ 19.560 hoặc 7,06"


def clean(text: str) -> str:
    """Returns the text in NFC, its spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def not_a_number(where: str, column: str, text: str) -> str | None:
    """Returns the refusal of `text` as a number written the Vietnamese way (None if it is
    one): `dòng 7, cột Thực hiện: “abc” không phải là số (…)`."""
    try:
        parse_number(text)
    except ValueError:
        return f"{where}, cột {column}: “{text}” không phải là số ({NUMBER_HINT})"
    return None


def directive(session, year: int) -> Movement:  # type: ignore[no-untyped-def]
    """Returns the year's directive; RecordError when there is none."""
    movement = repo.movement(session, year)
    if movement is None:
        raise RecordError.one(f"chưa có chỉ thị phát động thi đua năm {year}", field="year")
    return movement


@dataclass
class IndicatorInput:
    """One indicator as the form holds it (`code` "" for a new one)."""

    code: str = ""
    name: str = ""
    unit: str = ""
    planned: str = ""
    lower_is_better: bool = False
    delete: bool = False

    def is_blank(self) -> bool:
        return not any(clean(v) for v in (self.code, self.name, self.unit, self.planned))


@dataclass
class TargetInput:
    """One target as the form holds it (`number` 0 for a new one)."""

    number: int = 0
    text: str = ""
    indicators: list[IndicatorInput] = field(default_factory=list)


def targets_of(movement: Movement) -> list[TargetInput]:
    """Returns the directive's targets as the form shows them."""
    return [
        TargetInput(
            t.number,
            t.text,
            [
                IndicatorInput(i.code, i.name, i.unit, i.planned, i.lower_is_better)
                for i in t.indicators
            ],
        )
        for t in (movement.annex.targets if movement.annex else [])
    ]


def without_blanks(entered: Iterable[TargetInput]) -> list[TargetInput]:
    """Returns the input as the form shows it again after a refusal: without the blank rows
    and the blank new target it posted (the form adds its own blank ones)."""
    kept = []
    for target in entered:
        lines = [line for line in target.indicators if not line.is_blank()]
        if target.number or clean(target.text) or lines:
            kept.append(replace(target, indicators=lines))
    return kept


def load_targets(year: int, url: str | None = None) -> tuple[Movement, list[TargetInput]]:
    """Returns the year's directive and its targets; RecordError when there is none."""
    with db.transaction(url) as session:
        movement = directive(session, year)
    return movement, targets_of(movement)


def new_codes(number: int, given: Sequence[str], count: int, taken: set[str]) -> list[str]:
    """Returns `count` codes for new indicators of target `number`, whose indicators have the
    codes `given` (deleted ones included). The codes follow its highest: `4.3` → `4.4`; a lone
    `N` counts as the first, so the next is `N.2` (the directive's codes never change). A target
    without codes gets `N` for one indicator, `N.1`, `N.2` … for more. Codes in `taken` (used
    anywhere in the directive, deleted ones too: a new indicator never takes over the results of
    a deleted one) are skipped."""
    if count == 0:
        return []
    if not given and count == 1 and str(number) not in taken:
        return [str(number)]
    k = max((_rank(number, code) for code in given), default=0)
    codes: list[str] = []
    while len(codes) < count:
        k += 1
        if f"{number}.{k}" not in taken:
            codes.append(f"{number}.{k}")
    return codes


def _rank(number: int, code: str) -> int:
    """Returns k of the code `N.k` of target N, 1 for `N`, 0 for another code."""
    if code == str(number):
        return 1
    head, _, tail = code.partition(".")
    return int(tail) if head == str(number) and tail.isdigit() else 0


def build_targets(entered: Sequence[TargetInput]) -> list[Target]:
    """Returns the targets as records: blank new lines dropped, deleted indicators left out (a
    target left without any, too), numbers and codes given to new ones (new_codes). Raises
    RecordError with every problem: an empty wording, a plan that is not a number written the
    Vietnamese way (kept as typed when it is one), a code given twice."""
    problems: list[Problem] = []
    targets: list[Target] = []
    numbers = [t.number for t in entered if t.number]
    next_number = max(numbers, default=0) + 1
    taken = {clean(i.code) for t in entered for i in t.indicators if clean(i.code)}
    for target in entered:
        lines = [i for i in target.indicators if not i.delete and not i.is_blank()]
        if not target.number and not clean(target.text) and not lines:
            continue  # the blank line for a new target
        number = target.number or next_number
        next_number += 0 if target.number else 1
        given = [clean(i.code) for i in target.indicators if clean(i.code)]
        fresh = new_codes(number, given, sum(1 for i in lines if not clean(i.code)), taken)
        taken.update(fresh)
        indicators = [
            _indicator(number, clean(line.code) or fresh.pop(0), line, problems)
            for line in lines
        ]
        if not clean(target.text):
            problems.append(
                Problem(f"chỉ tiêu {number}: chưa ghi nội dung chỉ tiêu", field=f"{number}:text")
            )
        if indicators:
            targets.append(
                Target.model_construct(
                    number=number, text=clean(target.text), indicators=indicators
                )
            )
    codes = [i.code for t in targets for i in t.indicators]
    problems += [
        Problem(f"mã chỉ số “{c}” bị trùng", field=f"{c}:code")
        for c in sorted({c for c in codes if codes.count(c) > 1})
    ]
    if problems:
        raise RecordError(problems)
    return targets


def _indicator(number: int, code: str, line: IndicatorInput, problems: list[Problem]) -> Indicator:
    where = f"chỉ tiêu {number}, chỉ số {code}"
    name, planned = clean(line.name), clean(line.planned)
    if not name:
        problems.append(Problem(f"{where}: chưa ghi tên chỉ số", field=f"{code}:name"))
    if not planned:
        problems.append(
            Problem(f"{where}, cột Kế hoạch: chưa ghi giá trị kế hoạch", field=f"{code}:planned")
        )
    elif (refused := not_a_number(where, "Kế hoạch", planned)) is not None:
        problems.append(Problem(refused, field=f"{code}:planned"))
    return Indicator.model_construct(
        code=code,
        name=name,
        unit=clean(line.unit),
        planned=planned,
        lower_is_better=line.lower_is_better,
    )


def save_targets(year: int, entered: Sequence[TargetInput], url: str | None = None) -> Movement:
    """Saves the targets into the year's directive (its annex) and returns it; results of
    indicators no longer there are dropped. Raises RecordError (nothing saved) on a problem."""
    targets = build_targets(entered)
    with db.transaction(url) as session:
        movement = directive(session, year)
        annex = movement.annex or Annex(title=f"Tóm tắt các chỉ tiêu năm {year}")
        data = movement.model_dump()
        data["annex"] = {**annex.model_dump(), "targets": [t.model_dump() for t in targets]}
        try:
            saved = Movement.model_validate(data)
        except ValidationError as exc:
            raise RecordError([Problem(vietnamese_message(e)) for e in exc.errors()]) from exc
        repo.save_movement(session, saved)
        results = repo.results(session, year)
        if results is not None:
            kept = {i.code for _, i in saved.indicators()}
            repo.save_results(
                session,
                TargetResults(
                    year=year, results=[r for r in results.results if r.indicator in kept]
                ),
            )
    return saved
