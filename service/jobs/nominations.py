"""Nominations: propose one, judge it, write its achievement report, record the council's vote,
say which nominees enter the unit's dossier going up, and which a decision may confer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ..documents.kinds import nominees as nm
from ..domain import ballot as ballots
from ..domain import law
from ..domain.catalogue import BY_CODE, KIND_LABELS
from ..domain.eligibility import Verdict, judge
from ..domain.errors import Problem, RecordError
from ..domain.records import (
    FIELD_LABELS,
    Achievement,
    CouncilVote,
    Decision,
    Nomination,
    ReportSection,
    Unit,
)
from ..domain.recordset import vietnamese_message
from ..store import db, repository
from ..store.repository import load_all

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


# --- judging --------------------------------------------------------------------------------


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


# --- proposing --------------------------------------------------------------------------------


def next_code(session: Session, year: int) -> str:
    """Returns the next free nomination code of the year, `DN2024-031`."""
    pattern = re.compile(rf"^DN{year}-(\d+)$")
    numbers = [int(m.group(1)) for n in load_all(session, "nominations")
               if (m := pattern.match(n.code))]
    return f"DN{year}-{max(numbers, default=0) + 1:03d}"


def nominee_label(session: Session, nomination: Nomination) -> str:
    """Returns the nominee's name as a reader knows it (person's or unit's name, household)."""
    if nomination.nominee_kind == "individual":
        person = repository.person(session, nomination.person or "")
        return person.full_name if person else (nomination.person or "")
    if nomination.nominee_kind == "collective":
        unit = repository.unit(session, nomination.nominee_unit or "")
        return unit.name if unit else (nomination.nominee_unit or "")
    return nomination.household


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


# --- the council's vote -----------------------------------------------------------------------


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
