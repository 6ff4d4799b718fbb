"""Nominations: propose one (checked, judged) and write its achievement report.

The verdicts: verdicts.py; the council's vote: council.py; who goes up in the dossier and what a
decision may confer: selection.py (their names are importable from here too).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ..domain.catalogue import BY_CODE, KIND_LABELS
from ..domain.eligibility import Verdict
from ..domain.errors import Problem, RecordError
from ..domain.records import FIELD_LABELS, Nomination, ReportSection
from ..domain.recordset import vietnamese_message
from ..store import db, repository
from ..store.repository import load_all
from .council import VoteOutcome, council_of, percent, record_council, vote_outcomes
from .selection import (
    Candidate,
    Candidates,
    DecisionCheck,
    check_decision,
    decision_of,
    decision_warnings,
    dossier_candidates,
)
from .verdicts import (
    Judged,
    judge_all,
    judging_date,
    member_achievements,
    nominee_label,
    nominee_subject,
    verdict_for,
)

__all__ = [
    "INITIATIVES_HEADING", "REPORT_HEADINGS", "Candidate", "Candidates", "DecisionCheck",
    "Judged", "VoteOutcome", "check_decision", "council_of", "decision_of", "decision_warnings",
    "dossier_candidates", "judge_all", "judging_date", "member_achievements", "new_nomination",
    "next_code", "nominee_label", "nominee_subject", "parse", "percent", "propose",
    "record_council", "report_headings", "report_sections", "save_report", "verdict_for",
    "vote_outcomes",
]

M = TypeVar("M", bound=BaseModel)

# The sections of the achievement report on the decree's annex forms, by kind of nominee.
REPORT_HEADINGS: dict[str, tuple[str, ...]] = {
    "individual": (
        "Sơ lược lý lịch",
        "Thành tích đạt được",
        "Các hình thức khen thưởng đã được ghi nhận",
    ),
    "collective": (
        "Đặc điểm, tình hình",
        "Thành tích đạt được",
        "Các hình thức khen thưởng đã được ghi nhận",
    ),
    "household": (
        "Sơ lược về hộ gia đình",
        "Thành tích đạt được",
        "Các hình thức khen thưởng đã được ghi nhận",
    ),
}
# Titles whose criteria rest on initiatives: their report has a section for them (before the
# last, as the records of the example province write it).
INITIATIVES_HEADING = "Sáng kiến, đề tài khoa học"
_NEEDS_INITIATIVES = frozenset({"CSTDCS", "CSTDT"})


# --- turning input into records -------------------------------------------------------------


def parse(schema: type[M], raw: Mapping[str, Any]) -> M:
    """Returns the record `raw` describes; RecordError naming each wrong field in Vietnamese."""
    try:
        return schema.model_validate(dict(raw))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            names = [str(p) for p in error["loc"] if isinstance(p, str)]
            label = FIELD_LABELS.get(names[-1], names[-1]) if names else None
            problems.append(Problem(vietnamese_message(error), field=label))
        raise RecordError(problems) from None


# --- proposing --------------------------------------------------------------------------------


def next_code(session: Session, year: int) -> str:
    """Returns the next free nomination code of the year, `DN2024-031`."""
    pattern = re.compile(rf"^DN{year}-(\d+)$")
    numbers = [int(m.group(1)) for n in load_all(session, "nominations")
               if (m := pattern.match(n.code))]
    return f"DN{year}-{max(numbers, default=0) + 1:03d}"


def _same_nominee(a: Nomination, b: Nomination) -> bool:
    if a.nominee_kind != b.nominee_kind:
        return False
    key = {"individual": "person", "collective": "nominee_unit", "household": "household"}
    field = key[a.nominee_kind]
    left, right = getattr(a, field) or "", getattr(b, field) or ""
    return " ".join(left.split()).casefold() == " ".join(right.split()).casefold()


def _nominee_problems(session: Session, n: Nomination) -> list[Problem]:
    if n.nominee_kind == "individual":
        person = repository.person(session, n.person or "")
        if person is None:
            return [Problem(f"không có cá nhân mã “{n.person}”", field=FIELD_LABELS["person"])]
        if person.unit != n.unit:
            return [Problem(f"{person.full_name} không thuộc đơn vị đề nghị ({n.unit}): đơn vị "
                            "chỉ đề nghị cho cán bộ của mình", field=FIELD_LABELS["person"])]
    if n.nominee_kind == "collective":
        nominee = repository.unit(session, n.nominee_unit or "")
        label = FIELD_LABELS["nominee_unit"]
        if nominee is None:
            return [Problem(f"không có đơn vị mã “{n.nominee_unit}”", field=label)]
        if n.nominee_unit != n.unit and nominee.parent != n.unit:
            return [Problem(f"{nominee.name} không thuộc đơn vị đề nghị ({n.unit}): đơn vị chỉ "
                            "đề nghị cho chính mình hoặc đơn vị trực thuộc", field=label)]
    return []


def _proposal_problems(session: Session, n: Nomination) -> list[Problem]:
    if repository.unit(session, n.unit) is None:
        return [Problem(f"không có đơn vị mã “{n.unit}”", field=FIELD_LABELS["unit"])]
    honour = BY_CODE[n.honour]
    if not honour.accepts(n.nominee_kind):
        return [Problem(f"{honour.name} không dành cho {KIND_LABELS[n.nominee_kind]}",
                        field=FIELD_LABELS["honour"])]
    problems = _nominee_problems(session, n)
    for other in load_all(session, "nominations", year=n.year):
        if other.code == n.code:
            problems.append(Problem(f"mã đề nghị “{n.code}” đã có", field=FIELD_LABELS["code"]))
        elif other.honour == n.honour and _same_nominee(other, n):
            problems.append(Problem(
                f"{nominee_label(session, n)} đã được đề nghị {honour.name} năm {n.year} "
                f"({other.code}): mỗi đối tượng chỉ được đề nghị một lần cho một danh hiệu, "
                "hình thức trong năm", field=FIELD_LABELS["honour"]))
    return problems


_NOMINEE_FIELDS = {"individual": "person", "collective": "nominee_unit", "household": "household"}
_NOMINEE_MISSING = {
    "individual": "chọn cán bộ được đề nghị",
    "collective": "chọn tập thể được đề nghị",
    "household": "ghi tên hộ gia đình được đề nghị",
}


def new_nomination(
    session: Session, unit: str, year: int, kind: str, nominee: str, honour: str, summary: str = ""
) -> Nomination:
    """Returns a new nomination (next free code, status `proposed`) from what a form gives:
    `nominee` is a person's code, a unit's code or a household's name as `kind` says.
    RecordError naming the field when something is missing or wrong (not yet the checks of
    `propose`)."""
    if kind not in _NOMINEE_FIELDS:
        raise RecordError.one(f"loại đối tượng “{kind}” không hợp lệ",
                              field=FIELD_LABELS["nominee_kind"])
    problems = []
    if not nominee.strip():
        label = FIELD_LABELS[_NOMINEE_FIELDS[kind]] if kind != "household" else "hộ gia đình"
        problems.append(Problem(_NOMINEE_MISSING[kind], field=label))
    if not honour.strip():
        problems.append(Problem("chọn danh hiệu hoặc hình thức khen thưởng",
                                field=FIELD_LABELS["honour"]))
    if problems:
        raise RecordError(problems)
    return parse(Nomination, {
        "code": next_code(session, year), "year": year, "unit": unit, "nominee_kind": kind,
        _NOMINEE_FIELDS[kind]: nominee.strip(), "honour": honour.strip(), "summary": summary,
        "status": "proposed",
    })


def propose(url: str | None, nomination: Nomination) -> tuple[Nomination, Verdict]:
    """Saves a new nomination and returns it with its verdict. RecordError, naming the field,
    when the honour does not fit the kind of nominee, the nominee is not the proposing unit's
    (its staff, itself or a unit under it), the code is taken, the nominee is already proposed
    for the same honour and year, or no rules can judge it; nothing is saved then."""
    with db.transaction(url) as session:
        problems = _proposal_problems(session, nomination)
        if problems:
            raise RecordError(problems)
        repository.save_nomination(session, nomination)
        verdict = verdict_for(session, nomination)
    return nomination, verdict


# --- the achievement report -------------------------------------------------------------------


def report_headings(nomination: Nomination) -> list[str]:
    """Returns the headings of the report form that applies to the nominee and honour."""
    headings = list(REPORT_HEADINGS[nomination.nominee_kind])
    if nomination.nominee_kind == "individual" and nomination.honour in _NEEDS_INITIATIVES:
        headings.insert(-1, INITIATIVES_HEADING)
    return headings


def report_sections(nomination: Nomination) -> list[ReportSection]:
    """Returns the report as its form lays it out: the form's sections in order with the text
    written so far ("" when none), then any other section the report already has."""
    written = {s.heading: s.text for s in nomination.report}
    headings = report_headings(nomination)
    extra = [s.heading for s in nomination.report if s.heading not in headings]
    return [ReportSection(heading=h, text=written.get(h, "")) for h in headings + extra]


def save_report(url: str | None, code: str, sections: Sequence[ReportSection]) -> Nomination:
    """Replaces the achievement report of nomination `code` by the sections that have text,
    and returns the nomination. RecordError when the nomination is unknown or nothing is
    written."""
    kept = [s for s in sections if s.text.strip()]
    if not kept:
        raise RecordError.one("báo cáo thành tích chưa có nội dung", field="báo cáo thành tích")
    headings = [s.heading for s in kept]
    if len(set(headings)) != len(headings):
        raise RecordError.one("báo cáo có hai mục trùng tên", field="báo cáo thành tích")
    with db.transaction(url) as session:
        found = load_all(session, "nominations", code=code)
        if not found:
            raise RecordError.one(f"không có đề nghị mã “{code}”", field=FIELD_LABELS["code"])
        nomination = found[0].model_copy(update={"report": list(kept)})
        repository.save_nomination(session, nomination)
    return nomination
