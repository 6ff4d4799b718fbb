"""The unit's emulation council: its minutes, and whether each nomination won its vote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy.orm import Session

from ..domain import law
from ..domain.catalogue import BY_CODE
from ..domain.errors import Problem, RecordError
from ..domain.records import FIELD_LABELS, CouncilVote, Nomination
from ..store import db, repository
from ..store.repository import load_all


def _council_problems(
    session: Session, unit: str, year: int, council: CouncilVote, today: dt.date
) -> list[Problem]:
    label = FIELD_LABELS
    problems: list[Problem] = []

    def bad(message: str, field: str) -> None:
        problems.append(Problem(message, field=field))

    if council.unit != unit or council.year != year:
        bad(f"biên bản ghi đơn vị {council.unit} năm {council.year}, không phải {unit} năm "
            f"{year}", label["unit"])
    if repository.unit(session, unit) is None:
        bad(f"không có đơn vị mã “{unit}”", label["unit"])
    if not year <= council.date.year <= year + 1:
        bad(f"ngày họp {council.date:%d/%m/%Y} không thuộc đợt xét năm {year} (từ năm {year} "
            f"đến đầu năm {year + 1})", label["date"])
    elif council.date > today:
        bad(f"ngày họp {council.date:%d/%m/%Y} chưa tới: chỉ ghi biên bản cuộc họp đã diễn ra",
            label["date"])
    listed = len(council.present) + len(council.absent)
    if listed != council.members_total:
        bad(f"hội đồng có {council.members_total} thành viên nhưng danh sách có mặt "
            f"({len(council.present)}) và vắng mặt ({len(council.absent)}) cộng lại là {listed}",
            "thành viên có mặt, vắng mặt")
    names = [" ".join(n.split()).casefold() for n in council.present + council.absent]
    if len(set(names)) != len(names):
        bad("có tên ghi hai lần trong danh sách có mặt, vắng mặt", "thành viên có mặt, vắng mặt")
    present = {" ".join(n.split()).casefold() for n in council.present}
    for who, field in ((council.chair, "chair"), (council.secretary, "secretary")):
        if " ".join(who.split()).casefold() not in present:
            bad(f"{who} phải có tên trong danh sách thành viên có mặt", label[field])
    ours = {n.code for n in load_all(session, "nominations", year=year) if n.unit == unit}
    seen: set[str] = set()
    for vote in council.votes:
        if vote.nomination not in ours:
            bad(f"đề nghị “{vote.nomination}” không phải của đơn vị năm {year}", label["votes"])
        if vote.nomination in seen:
            bad(f"đề nghị “{vote.nomination}” được ghi phiếu hai lần", label["votes"])
        seen.add(vote.nomination)
        if vote.votes_for > council.members_total:
            bad(f"{vote.nomination}: số phiếu đồng ý ({vote.votes_for}) lớn hơn tổng số thành "
                f"viên hội đồng ({council.members_total})", label["votes_for"])
    return problems


def record_council(
    url: str | None, unit: str, year: int, council: CouncilVote, today: dt.date | None = None
) -> CouncilVote:
    """Saves the minutes of the unit's emulation council for the year (replacing earlier ones)
    and returns them. RecordError listing every problem: votes above the number of members,
    present and absent names that do not add up to the members or repeat, a chair or secretary
    not present, a vote on another unit's nomination, a meeting date outside the year's round
    or after `today` (None: the real today)."""
    with db.transaction(url) as session:
        problems = _council_problems(session, unit, year, council, today or dt.date.today())
        if problems:
            raise RecordError(problems)
        repository.save_council_vote(session, council)
    return council


def council_of(session: Session, unit: str, year: int) -> CouncilVote | None:
    """Returns the unit's council minutes of the year, None if none is recorded."""
    uid = repository.unit_id(session, unit)
    found = [] if uid is None else load_all(session, "council_votes", unit_id=uid, year=year)
    return found[0] if found else None


def percent(share: Fraction) -> str:
    """Returns a share as Vietnamese writes a percentage: `88,9%`, `100%`."""
    value = round(float(share) * 100, 1)
    return (f"{value:.1f}".rstrip("0").rstrip(".") + "%").replace(".", ",")


@dataclass(frozen=True)
class VoteOutcome:
    """Whether a nomination won the council's vote, and why (Vietnamese): `votes_for` None
    when the council did not vote on it."""

    nomination: Nomination
    votes_for: int | None
    members_total: int | None
    passed: bool
    reason: str


def _outcome(nomination: Nomination, council: CouncilVote | None) -> VoteOutcome:
    if council is None:
        return VoteOutcome(nomination, None, None, False,
                           f"Chưa có biên bản họp hội đồng thi đua, khen thưởng năm "
                           f"{nomination.year} của đơn vị.")
    votes = {v.nomination: v.votes_for for v in council.votes}
    total = council.members_total
    if nomination.code not in votes:
        return VoteOutcome(nomination, None, total, False,
                           "Hội đồng chưa bỏ phiếu cho đề nghị này.")
    votes_for = votes[nomination.code]
    try:
        rule = law.vote_rule(nomination.honour, council.date)
        passed = law.vote_passes(nomination.honour, votes_for, total, council.date)
    except RecordError as exc:
        return VoteOutcome(nomination, votes_for, total, False, str(exc))
    need = f"{'trên' if rule.strict else 'ít nhất'} {percent(rule.share)} tổng số thành viên"
    seen = f"{votes_for}/{total} thành viên đồng ý ({percent(Fraction(votes_for, total))})"
    name = BY_CODE[nomination.honour].name
    flag = " Tỷ lệ này cần xác minh." if rule.verify else ""
    if passed:
        reason = f"{seen}; {name} cần {need} ({rule.citation}).{flag}"
    else:
        reason = (f"Không đạt: {seen}, trong khi {name} cần {need} hội đồng "
                  f"({rule.citation}).{flag}")
    return VoteOutcome(nomination, votes_for, total, passed, reason)


def vote_outcomes(session: Session, unit: str, year: int) -> list[VoteOutcome]:
    """Returns, for each of the unit's nominations of the year (not rejected), whether it won
    the council's vote: approval by the share of ALL members its honour needs on the meeting's
    date."""
    council = council_of(session, unit, year)
    uid = repository.unit_id(session, unit)
    nominations = [] if uid is None else load_all(session, "nominations", unit_id=uid, year=year)
    return [_outcome(n, council) for n in nominations if n.status != "rejected"]
