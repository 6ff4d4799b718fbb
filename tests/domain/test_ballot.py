"""Specs for the council's ballot: shares of ALL members against the threshold in force."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from service.domain.ballot import ballot
from service.domain.errors import RecordError
from service.domain.records import CouncilVote, Nomination, Vote

ND98_DAY = dt.date(2024, 12, 2)


def nomination(code: str, honour: str) -> Nomination:
    return Nomination(code=code, year=2024, unit="SYT", nominee_kind="individual",
                      person="P1", honour=honour)


def council(*votes: tuple[str, int], members: int = 9) -> CouncilVote:
    return CouncilVote(unit="SYT", year=2024, date=ND98_DAY, members_total=members,
                       chair="A", secretary="B",
                       votes=[Vote(nomination=c, votes_for=v) for c, v in votes])


@pytest.mark.parametrize(
    ("honour", "votes_for", "members", "passes"),
    [
        ("CSTDT", 9, 9, True),
        ("CSTDT", 8, 9, False),  # 88,9% < 90%
        ("CSTDCS", 8, 10, True),  # 80% reached
        ("CSTDCS", 5, 7, False),  # 71,4%
        ("LDTT", 5, 10, False),  # more than half needed, not half
        ("LDTT", 6, 10, True),
    ],
)
def test_each_line_is_judged_against_all_members(honour, votes_for, members, passes):
    [line] = ballot(council(("N1", votes_for), members=members), [nomination("N1", honour)])
    assert (line.passes, line.share) == (passes, Fraction(votes_for, members))
    assert line.rule.honour == honour


def test_lines_keep_the_order_of_the_nominations():
    noms = [nomination("N2", "LDTT"), nomination("N1", "CSTDT")]
    lines = ballot(council(("N1", 9), ("N2", 9)), noms)
    assert [line.nomination.code for line in lines] == ["N2", "N1"]


def test_a_nomination_without_a_vote_is_named():
    noms = [nomination("N1", "LDTT"), nomination("N2", "LDTT")]
    with pytest.raises(RecordError, match="N2 chưa có kết quả bỏ phiếu"):
        ballot(council(("N1", 9)), noms)


def test_more_votes_than_members_is_refused():
    with pytest.raises(RecordError, match="N1"):
        ballot(council(("N1", 10), members=9), [nomination("N1", "LDTT")])
