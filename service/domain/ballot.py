"""The council's ballot on a unit's nominations: each nominee's votes against ALL members,
whether that reaches the law's threshold for its honour on the meeting's date, and where each
nomination goes after it (up to the province, to the unit's own head, or nowhere)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from . import law
from .catalogue import BY_CODE
from .errors import Problem, RecordError
from .records import CouncilVote, Nomination

# The catalogue's `given_by` of the honours the province confers (the others: the unit's head).
PROVINCE_CONFERS = "Chủ tịch UBND tỉnh"

# Where a nomination goes after the ballot (see `route`).
UP = "up"  # into the dossier to the province
OWN = "own"  # its honour is the proposing unit's head's to confer: it stays in the unit
INELIGIBLE = "ineligible"  # won the vote, but the eligibility check refuses it
SHORT = "short"  # did not win the vote (or was not voted on)


@dataclass(frozen=True)
class BallotLine:
    """One nominee's result: `votes_for` of `members_total` (all members, absent ones voting
    in writing), the rule that applies and whether it passes."""

    nomination: Nomination
    votes_for: int
    members_total: int
    rule: law.VoteRule
    passes: bool

    @property
    def share(self) -> Fraction:
        return Fraction(self.votes_for, self.members_total)


def ballot(vote: CouncilVote, nominations: Sequence[Nomination]) -> list[BallotLine]:
    """Returns one line per nomination, in the order given, judged by the rules in force on the
    meeting's date. RecordError naming every nomination without a vote, or with more votes
    than members, or whose honour has no vote rule on that date."""
    counts = {v.nomination: v.votes_for for v in vote.votes}
    problems: list[Problem] = []
    lines: list[BallotLine] = []
    for nomination in nominations:
        if nomination.code not in counts:
            problems.append(Problem(
                f"đề nghị {nomination.code} chưa có kết quả bỏ phiếu trong biên bản họp Hội đồng "
                f"ngày {vote.date.strftime('%d/%m/%Y')}", field="votes"))
            continue
        votes_for = counts[nomination.code]
        try:
            rule = law.vote_rule(nomination.honour, vote.date)
            passes = law.vote_passes(nomination.honour, votes_for, vote.members_total, vote.date)
        except RecordError as exc:
            problems.extend(Problem(f"đề nghị {nomination.code}: {p.message}", field="votes")
                            for p in exc.problems)
            continue
        lines.append(BallotLine(nomination, votes_for, vote.members_total, rule, passes))
    if problems:
        raise RecordError(problems)
    return lines


def conferred_above(honour: str) -> bool:
    """Returns whether the province confers the honour (catalogue `given_by`), not the head of
    the proposing unit."""
    return BY_CODE[honour].given_by == PROVINCE_CONFERS


def route(honour: str, passed: bool, outcome: str) -> str:
    """Returns where a nomination goes once the council has voted: SHORT when it did not win
    the vote, INELIGIBLE when the eligibility verdict (`outcome`: eligible, not_eligible,
    unknown) refuses it, OWN when its honour is the unit's head's to confer, else UP. A verdict
    that cannot tell goes up: the council vouched for the nominee, the province checks."""
    if not passed:
        return SHORT
    if outcome == "not_eligible":
        return INELIGIBLE
    return UP if conferred_above(honour) else OWN
