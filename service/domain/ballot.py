"""The council's ballot on a unit's nominations: each nominee's votes against ALL members and
whether that reaches the law's threshold for its honour on the meeting's date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from . import law
from .errors import Problem, RecordError
from .records import CouncilVote, Nomination


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


def unvoted(vote: CouncilVote, nominations: Sequence[Nomination]) -> list[Nomination]:
    """Returns the nominations the council's record holds no vote for, in the order given."""
    voted = {v.nomination for v in vote.votes}
    return [n for n in nominations if n.code not in voted]


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
