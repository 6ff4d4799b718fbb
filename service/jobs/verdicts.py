"""Verdicts on nominations: the nominee's achievements judged by the rules in force."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..domain.eligibility import Verdict, judge
from ..domain.errors import RecordError
from ..domain.records import Achievement, Nomination
from ..store import repository
from ..store.repository import load_all


def nominee_subject(nomination: Nomination) -> str:
    """Returns the achievements' subject key of the nominee (`person:P1`, `unit:SNV`, …)."""
    if nomination.nominee_kind == "individual":
        return f"person:{nomination.person}"
    if nomination.nominee_kind == "collective":
        return f"unit:{nomination.nominee_unit}"
    return f"household:{nomination.household}"


def member_achievements(session: Session, unit_code: str, year: int) -> list[Achievement]:
    """Returns the year's achievements of the people of a unit (its members)."""
    codes = {p.code for p in repository.people_of(session, unit_code)}
    return [a for a in load_all(session, "achievements", year=year) if a.person in codes]


def judging_date(session: Session, nomination: Nomination) -> dt.date:
    """Returns the date of the decision that confers the nomination, else 31/12 of its year."""
    for decision in load_all(session, "decisions"):
        if nomination.code in decision.nominations:
            return decision.date
    return dt.date(nomination.year, 12, 31)


def verdict_for(
    session: Session, nomination: Nomination, decision_date: dt.date | None = None
) -> Verdict:
    """Returns the eligibility verdict on the nomination from the nominee's achievements over the
    years (a collective's members too), judged on `decision_date` (None: the date of the decision
    conferring it, else 31/12 of its year). RecordError when no rules apply on that date."""
    on = decision_date or judging_date(session, nomination)
    history = {
        a.year: a for a in load_all(session, "achievements", subject=nominee_subject(nomination))
    }
    members = None
    if nomination.nominee_kind == "collective" and nomination.nominee_unit:
        members = member_achievements(session, nomination.nominee_unit, nomination.year)
    return judge(
        nomination.honour, nomination.nominee_kind, history, nomination.year, on, members=members
    )


@dataclass(frozen=True)
class Judged:
    """A nomination with its verdict, or with `error` (Vietnamese) when it cannot be judged."""

    nomination: Nomination
    verdict: Verdict | None
    error: str = ""

    @property
    def outcome(self) -> str:
        return self.verdict.outcome if self.verdict else "unknown"


def judge_all(session: Session, nominations: Iterable[Nomination]) -> list[Judged]:
    """Returns each nomination judged, in the given order; one that cannot be judged carries the
    reason instead of raising."""
    out = []
    for n in nominations:
        try:
            out.append(Judged(n, verdict_for(session, n)))
        except RecordError as exc:
            out.append(Judged(n, None, str(exc)))
    return out


def nominee_label(session: Session, nomination: Nomination) -> str:
    """Returns the nominee's name as a reader knows it (person's or unit's name, household)."""
    if nomination.nominee_kind == "individual":
        person = repository.person(session, nomination.person or "")
        return person.full_name if person else (nomination.person or "")
    if nomination.nominee_kind == "collective":
        unit = repository.unit(session, nomination.nominee_unit or "")
        return unit.name if unit else (nomination.nominee_unit or "")
    return nomination.household
