"""Which nominations enter the unit's dossier going up, and which a decision may confer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..documents.kinds import nominees as nm
from ..domain import ballot as ballots
from ..domain.errors import Problem, RecordError
from ..domain.records import Decision, Nomination, Unit
from ..store import db, repository
from ..store.repository import load_all
from .council import VoteOutcome, vote_outcomes
from .verdicts import Judged, judge_all, nominee_label


@dataclass(frozen=True)
class Candidate:
    """A nomination weighed for the dossier going up: its vote, its verdict, where it goes
    (domain.ballot UP, OWN, INELIGIBLE, SHORT) and why (Vietnamese)."""

    nomination: Nomination
    nominee: str  # the nominee's name
    vote: VoteOutcome
    judged: Judged
    route: str
    reason: str

    @property
    def going_up(self) -> bool:
        return self.route == ballots.UP

    @property
    def warning(self) -> str:
        """Returns why the verdict could not be reached ("" when it could): the criteria the
        records cannot tell, in Vietnamese."""
        if self.judged.outcome != "unknown":
            return ""
        n = self.nomination
        if self.judged.verdict is None:
            why = self.judged.error
        else:
            unknown = [f"“{c.label_vi}” ({_first_sentence(c.explanation_vi)})"
                       for c in self.judged.verdict.criteria if c.status == "unknown"]
            why = "chưa rõ tiêu chí " + "; ".join(unknown)
        return (f"{n.code} {self.nominee} ({nm.honour_name(n.honour)}): chưa đủ dữ liệu để xét "
                f"điều kiện — {why}. Cần xác nhận các tiêu chí này trước khi khen thưởng.")


def _first_sentence(text: str) -> str:
    """Returns an explanation without its notes in brackets and its full stop."""
    return text.split(" (")[0].rstrip(".")


@dataclass(frozen=True)
class Candidates:
    """The unit's nominations of a year: those entering the dossier going up (`included`) and
    those kept out (`excluded`), each with why."""

    included: list[Candidate]
    excluded: list[Candidate]

    @property
    def warnings(self) -> list[str]:
        """Returns a warning for each nominee going up whose eligibility cannot be told."""
        return [c.warning for c in self.included if c.warning]


def _unmet(judged: Judged) -> str:
    assert judged.verdict is not None
    unmet = [f"{c.label_vi}: {c.explanation_vi}" for c in judged.verdict.criteria
             if c.status == "not_met"]
    return "Không đủ điều kiện: " + " ".join(unmet)


def _own_power(n: Nomination, unit: Unit | None) -> str:
    head = nm.head_title(unit) if unit is not None else n.unit
    return f"{nm.honour_name(n.honour)} thuộc thẩm quyền Thủ trưởng đơn vị ({head} quyết định)"


def dossier_candidates(session: Session, unit: str, year: int) -> Candidates:
    """Returns the unit's nominations of the year (not rejected) split for the dossier going
    up: in go those that won the council's vote (the share of ALL members their honour
    needs), are not found ineligible, and whose honour the province confers (domain.ballot
    .route); a nominee the records cannot decide goes in with a warning (the council vouched
    for it). The one rule of the web's dossier page, the dossier job and its documents."""
    proposer = repository.unit(session, unit)
    included, excluded = [], []
    for vote in vote_outcomes(session, unit, year):
        n = vote.nomination
        judged = judge_all(session, [n])[0]
        route = ballots.route(n.honour, vote.passed, judged.outcome)
        reasons = {ballots.SHORT: vote.reason,
                   ballots.OWN: f"{_own_power(n, proposer)}, không trình cấp trên"}
        reason = vote.reason if route == ballots.UP else (
            reasons.get(route) or _unmet(judged))
        (included if route == ballots.UP else excluded).append(
            Candidate(n, nominee_label(session, n), vote, judged, route, reason))
    return Candidates(included, excluded)


# --- the decision ---------------------------------------------------------------------------


def decision_of(session: Session, year: int, code: str | None) -> Decision:
    """Returns the year's decision `code` (a decision's code, or its issuing unit's when that
    unit issued only one). RecordError when there is none, or when `code` is None or a unit's
    and several match: the message lists their codes (one document per render)."""
    decisions = load_all(session, "decisions", year=year)
    if code is not None:
        decisions = [d for d in decisions if code in (d.code, d.unit)]
    if not decisions:
        which = f" mã hoặc của đơn vị “{code}”" if code else ""
        raise RecordError.one(f"chưa có quyết định khen thưởng năm {year}{which} trong dữ liệu",
                              field="quyết định")
    if len(decisions) > 1:
        codes = ", ".join(d.code for d in sorted(decisions, key=lambda d: (d.number or 0, d.code)))
        raise RecordError.one(f"năm {year} có {len(decisions)} quyết định khen thưởng ({codes}): "
                              "chọn một bằng mã quyết định, ví dụ --unit "
                              f"{decisions[0].code}", field="quyết định")
    return decisions[0]


@dataclass(frozen=True)
class DecisionCheck:
    """What stops a decision from conferring its nominations (`refused`, one problem each) and
    what it may confer but should be checked (`warnings`: verdicts that cannot tell)."""

    refused: list[Problem]
    warnings: list[str]


def _no_power(issuer: Unit, n: Nomination, proposer: Unit | None) -> str:
    """Returns why `issuer`'s head may not confer n's honour, "" when he may: the province
    confers what the catalogue gives to its chairman, a unit's head the rest for his unit."""
    if issuer.kind == "province":
        return "" if ballots.conferred_above(n.honour) else (
            f"{_own_power(n, proposer)}, không thuộc thẩm quyền {nm.head_title(issuer)}")
    if ballots.conferred_above(n.honour):
        return f"{nm.honour_name(n.honour)} thuộc thẩm quyền Chủ tịch Ủy ban nhân dân tỉnh"
    if n.unit != issuer.code:
        return f"đề nghị của đơn vị {n.unit}, không do {nm.head_title(issuer)} khen thưởng"
    return ""


def check_decision(
    session: Session, decision: Decision, nominations: Sequence[Nomination]
) -> DecisionCheck:
    """Returns what stops `decision` from conferring `nominations`: each one not eligible, not
    passed by its unit's council (or rejected), or whose honour the issuing unit's head has no
    power to confer; and a warning for each whose verdict cannot tell (the province's council
    may have attested it)."""
    issuer = repository.unit(session, decision.unit)
    if issuer is None:
        raise RecordError.one(f"không có đơn vị mã “{decision.unit}”", field="đơn vị")
    weighed: dict[str, Candidate] = {}
    for proposer in dict.fromkeys(n.unit for n in nominations):
        found = dossier_candidates(session, proposer, decision.year)
        weighed |= {c.nomination.code: c for c in found.included + found.excluded}
    refused, warnings = [], []
    for n in nominations:
        said = f"{n.code} {nominee_label(session, n)} ({nm.honour_name(n.honour)})"
        candidate = weighed.get(n.code)
        if candidate is None:
            why = "đề nghị đã bị từ chối"
        elif candidate.route in (ballots.SHORT, ballots.INELIGIBLE):
            why = candidate.reason
        else:
            why = _no_power(issuer, n, repository.unit(session, n.unit))
        if why:
            refused.append(Problem(f"quyết định {decision.code} không thể khen thưởng {said}: "
                                   f"{why}", field="đề nghị"))
        elif candidate is not None and candidate.warning:
            warnings.append(candidate.warning)
    return DecisionCheck(refused, warnings)


def decision_warnings(year: int, code: str | None, url: str | None = None) -> list[str]:
    """Returns the warnings on the nominations of the year's decision `code` (see
    check_decision; decision_of picks it). RecordError as decision_of."""
    with db.transaction(url) as session:
        decision = decision_of(session, year, code)
        nominations = [n for c in decision.nominations
                       for n in load_all(session, "nominations", code=c)]
        return check_decision(session, decision, nominations).warnings
