"""Whether a nominee meets each criterion of a title or award, with its article and a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from . import law
from .catalogue import BY_CODE
from .errors import RecordError
from .records import DISCIPLINE_LABELS, RATING_LABELS, SCOPE_LABELS, Achievement

Status = Literal["met", "not_met", "unknown"]
Outcome = Literal["eligible", "not_eligible", "unknown"]

_RATING_RANK = {"KHTNV": 0, "HTNV": 1, "HTTNV": 2, "HTXSNV": 3}
_SCOPE_RANK = {"co_so": 0, "tinh": 1, "toan_quoc": 2}
# Individual titles that include Lao động tiên tiến (a CSTĐCS is chosen among LĐTT).
_LDTT_OR_HIGHER = frozenset({"LDTT", "CSTDCS", "CSTDT"})
_CSTDCS_OR_HIGHER = frozenset({"CSTDCS", "CSTDT"})
_MEMBER_PHRASES = {
    "completed": "hoàn thành nhiệm vụ trở lên",
    "ldtt": "đạt danh hiệu Lao động tiên tiến",
    "cstdcs": "đạt danh hiệu Chiến sĩ thi đua cơ sở",
    "disciplined_serious": "bị kỷ luật từ cảnh cáo trở lên",
}


@dataclass(frozen=True)
class CriterionResult:
    """One criterion judged: `branches` holds the parts of an any_of / all_of group."""

    id: str
    label_vi: str
    status: Status
    article: str
    explanation_vi: str
    confidence: str
    branches: tuple[CriterionResult, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """The judgement of one nomination: every criterion, the rule sets used and notes."""

    honour: str
    outcome: Outcome
    criteria: tuple[CriterionResult, ...]
    rule_set: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Found:
    status: Status
    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Case:
    honour: str
    year: int
    history: Mapping[int, Achievement]
    members: Sequence[Achievement] | None
    attested: Mapping[str, bool]

    def window(self, years: int) -> list[int]:
        return list(range(self.year - years + 1, self.year + 1))

    def barred(self, year: int) -> bool:
        """Whether a year before the nomination year no longer counts: achievements count only
        from the end of the latest discipline (taken to the year)."""
        disciplined = [y for y, a in self.history.items() if a.discipline and y <= self.year]
        return bool(disciplined) and year < self.year and year <= max(disciplined)


def _years(years: Sequence[int]) -> str:
    texts = [str(y) for y in years]
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} và {texts[-1]}"


def _percent(share: Fraction) -> str:
    value = round(float(share) * 100, 1)
    return (f"{value:.1f}".rstrip("0").rstrip(".") + "%").replace(".", ",")


def _missing(years: Sequence[int], what: str) -> str:
    return f"Thiếu {what} năm {_years(years)}: không đủ dữ liệu để kết luận."


def _barred_text(years: Sequence[int]) -> str:
    return (
        f"Năm {_years(years)} không được tính vì có kỷ luật: chỉ tính thành tích từ khi chấp hành "
        "xong kỷ luật."
    )


def _not_pending(case: _Case, params: Mapping[str, Any]) -> _Found:
    a = case.history.get(case.year)
    if a is None:
        return _Found("unknown", _missing([case.year], "hồ sơ thành tích"))
    if a.pending_review:
        return _Found(
            "not_met",
            f"Năm {case.year} đang trong thời gian xem xét kỷ luật hoặc điều tra, thanh tra, kiểm "
            "tra: chưa xét khen thưởng.",
        )
    return _Found("met", f"Năm {case.year} không có việc đang xem xét kỷ luật, điều tra.")


def _no_discipline(case: _Case, params: Mapping[str, Any]) -> _Found:
    a = case.history.get(case.year)
    if a is None:
        return _Found("unknown", _missing([case.year], "hồ sơ thành tích"))
    if a.discipline:
        decision = f" ({a.discipline.decision})" if a.discipline.decision else ""
        return _Found(
            "not_met",
            f"Năm {case.year} bị kỷ luật {DISCIPLINE_LABELS[a.discipline.form]}{decision}: không "
            "xét danh hiệu của năm này.",
        )
    start = dt.date(case.year, 1, 1)
    for y, earlier in sorted(case.history.items()):
        d = earlier.discipline
        if y < case.year and d and d.until and d.until >= start:
            return _Found(
                "not_met",
                f"Kỷ luật {DISCIPLINE_LABELS[d.form]} năm {y} còn hiệu lực đến ngày "
                f"{d.until.strftime('%d/%m/%Y')}: không xét danh hiệu năm {case.year}.",
            )
    return _Found("met", f"Năm {case.year} không bị kỷ luật.")


def _rating_at_least(case: _Case, params: Mapping[str, Any]) -> _Found:
    wanted = params["rating"]
    need = RATING_LABELS[wanted] + (" trở lên" if wanted != "HTXSNV" else "")
    window = case.window(int(params.get("years", 1)))
    failing, missing, barred = [], [], []
    for y in window:
        a = case.history.get(y)
        if a is None or a.rating is None:
            missing.append(y)
        elif case.barred(y):
            barred.append(y)
        elif _RATING_RANK[a.rating] < _RATING_RANK[wanted]:
            failing.append(f"Năm {y} xếp loại {RATING_LABELS[a.rating]} (cần {need}).")
    if failing or barred:
        return _Found("not_met", " ".join(failing + ([_barred_text(barred)] if barred else [])))
    if missing:
        return _Found("unknown", _missing(missing, "xếp loại"))
    seen = "; ".join(f"năm {y}: {RATING_LABELS[case.history[y].rating]}" for y in window)
    return _Found("met", f"Xếp loại {seen} (cần {need}).")


def _consecutive_titles(case: _Case, params: Mapping[str, Any]) -> _Found:
    code = params["honour"]
    name = BY_CODE[code].name
    window = case.window(int(params["years"]))
    failing, missing, barred = [], [], []
    for y in window:
        a = case.history.get(y)
        if a is None:
            missing.append(y)
        elif case.barred(y):
            barred.append(y)
        elif code not in {h.code for h in a.honours}:
            failing.append(y)
    if failing or barred:
        texts = [f"Năm {_years(failing)} không đạt danh hiệu {name}."] if failing else []
        texts += [_barred_text(barred)] if barred else []
        return _Found("not_met", " ".join(texts) + f" Cần {len(window)} năm liên tục.")
    if missing:
        return _Found("unknown", _missing(missing, "hồ sơ danh hiệu"))
    return _Found("met", f"Đạt danh hiệu {name} {len(window)} năm liên tục: {_years(window)}.")


def _initiative_scope(case: _Case, params: Mapping[str, Any]) -> _Found:
    min_scope = params["min_scope"]
    count = int(params.get("count", 1))
    window = case.window(int(params.get("years", 1)))
    with_science = bool(params.get("include_science", False))
    found, used, missing, unsure, barred = [], [], [], [], []
    for y in window:
        a = case.history.get(y)
        if a is None or case.barred(y):
            (missing if a is None else barred).append(y)
            continue
        for i in a.initiatives:
            if _SCOPE_RANK[i.scope] < _SCOPE_RANK[min_scope]:
                continue
            if i.used_for:
                used.append(f"Sáng kiến “{i.name}” đã được dùng cho {i.used_for}: không tính lại.")
            else:
                found.append(f"sáng kiến “{i.name}” ({SCOPE_LABELS[i.scope]}, năm {y})")
        works = [f"công trình “{w}” (năm {y})" for w in a.science_works] if with_science else []
        if min_scope == "co_so":
            found.extend(works)
        else:  # a science work carries no scope in the records
            unsure.extend(works)
    scope = SCOPE_LABELS[min_scope] + (" trở lên" if min_scope != "toan_quoc" else "")
    what = "sáng kiến hoặc đề tài, công trình khoa học" if with_science else "sáng kiến"
    notes = tuple(used)
    if len(found) >= count:
        return _Found("met", " ".join([f"Có {'; '.join(found)}.", *used]), notes)
    have = (
        f"Năm {_years(window)} chỉ có {len(found)} {what} {scope} chưa dùng để khen thưởng "
        f"(cần {count})."
        if found
        else f"Năm {_years(window)} không có {what} {scope} chưa dùng để khen thưởng."
    ) + (f" {_barred_text(barred)}" if barred else "")
    if missing:
        return _Found("unknown", f"{have} {_missing(missing, 'hồ sơ thành tích')}", notes)
    if len(found) + len(unsure) >= count:
        return _Found(
            "unknown",
            f"{have} Có {'; '.join(unsure)} nhưng chưa rõ phạm vi ảnh hưởng: cần xác nhận.",
            notes,
        )
    return _Found("not_met", " ".join([have, *used]), notes)


def _science_work(case: _Case, params: Mapping[str, Any]) -> _Found:
    a = case.history.get(case.year)
    if a is None:
        return _Found("unknown", _missing([case.year], "hồ sơ thành tích"))
    if a.science_works:
        works = "; ".join(f"“{w}”" for w in a.science_works)
        return _Found("met", f"Năm {case.year} có đề tài, công trình khoa học: {works}.")
    return _Found("not_met", f"Năm {case.year} không có đề tài, công trình khoa học được ghi nhận.")


@dataclass(frozen=True)
class _Counts:
    total: int
    known: dict[str, int]  # members surely counted
    unsure: dict[str, int]  # members whose record cannot tell


def _member_counts(case: _Case) -> _Counts | None:
    a = case.history.get(case.year)
    stats = a.members if a else None
    if stats is not None:
        known = {k: getattr(stats, k) for k in _MEMBER_PHRASES}
        return _Counts(stats.total, known, dict.fromkeys(_MEMBER_PHRASES, 0))
    people = [m for m in case.members or () if m.year == case.year]
    if not people:
        return None
    known = dict.fromkeys(_MEMBER_PHRASES, 0)
    unsure = dict.fromkeys(_MEMBER_PHRASES, 0)
    for m in people:
        codes = {h.code for h in m.honours}
        if m.rating is None:
            unsure["completed"] += 1
        elif _RATING_RANK[m.rating] >= _RATING_RANK["HTNV"]:
            known["completed"] += 1
        known["ldtt"] += bool(codes & _LDTT_OR_HIGHER)
        known["cstdcs"] += bool(codes & _CSTDCS_OR_HIGHER)
        known["disciplined_serious"] += bool(m.discipline and m.discipline.form != "khien_trach")
    return _Counts(len(people), known, unsure)


def _member_share(case: _Case, params: Mapping[str, Any]) -> _Found:
    field = params["field"]
    minimum = Fraction(str(params["min_share"]))
    strict = bool(params.get("strict", False))
    need = f"cần {'trên ' if strict else 'ít nhất ' if minimum < 1 else ''}{_percent(minimum)}"
    counts = _member_counts(case)
    if counts is None or counts.total == 0:
        return _Found("unknown", _missing([case.year], "số liệu thành viên"))
    low = Fraction(counts.known[field], counts.total)
    high = Fraction(counts.known[field] + counts.unsure[field], counts.total)

    def passes(share: Fraction) -> bool:
        return share > minimum if strict else share >= minimum

    seen = (
        f"Năm {case.year} có {counts.known[field]}/{counts.total} thành viên ({_percent(low)}) "
        f"{_MEMBER_PHRASES[field]} ({need})"
    )
    if passes(low):
        return _Found("met", seen + ".")
    if not passes(high):
        return _Found("not_met", seen + ".")
    return _Found(
        "unknown",
        f"{seen}; {counts.unsure[field]} thành viên chưa có xếp loại: không đủ dữ liệu để "
        "kết luận.",
    )


def _member_count(case: _Case, params: Mapping[str, Any]) -> _Found:
    field = params["field"]
    counts = _member_counts(case)
    if counts is None:
        return _Found("unknown", _missing([case.year], "số liệu thành viên"))
    n = counts.known[field]
    at_least, at_most = params.get("at_least"), params.get("at_most")
    if at_most == 0:
        need = "không được có"
    else:
        need = f"cần ít nhất {at_least}" if at_least is not None else f"tối đa {at_most}"
    ok = (at_least is None or n >= at_least) and (at_most is None or n <= at_most)
    some = f"có {n} thành viên" if n else "không có thành viên nào"
    text = f"Năm {case.year} {some} {_MEMBER_PHRASES[field]} ({need})."
    return _Found("met" if ok else "not_met", text)


def _flag(case: _Case, params: Mapping[str, Any]) -> _Found:
    field, phrase = params["field"], params["phrase_vi"]
    a = case.history.get(case.year)
    if a is None:
        return _Found("unknown", _missing([case.year], "hồ sơ thành tích"))
    value = getattr(a, field, None) if field in type(a).model_fields else None
    if value is None:
        value = case.attested.get(field)
    if value is None:
        return _Found(
            "unknown",
            f"Năm {case.year} chưa có thông tin xác nhận việc {phrase}: cần hội đồng xác nhận.",
        )
    if value:
        return _Found("met", f"Năm {case.year} được ghi nhận {phrase}.")
    return _Found("not_met", f"Năm {case.year} không được ghi nhận {phrase}.")


CHECKS: dict[str, Callable[[_Case, Mapping[str, Any]], _Found]] = {
    "not_pending": _not_pending,
    "no_discipline": _no_discipline,
    "rating_at_least": _rating_at_least,
    "consecutive_titles": _consecutive_titles,
    "initiative_scope": _initiative_scope,
    "science_work": _science_work,
    "member_share": _member_share,
    "member_count": _member_count,
    "flag": _flag,
}
GROUPS = ("any_of", "all_of")


def _group(spec: law.CriterionSpec, parts: list[CriterionResult]) -> _Found:
    """Combines the parts: any_of is met by one, all_of needs all; else not met or unknown."""
    statuses = [p.status for p in parts]
    if spec.check == "any_of":
        met, failed = "met" in statuses, all(s == "not_met" for s in statuses)
    else:
        met, failed = all(s == "met" for s in statuses), "not_met" in statuses
    status: Status = "met" if met else "not_met" if failed else "unknown"
    if status == "met":
        lead = "Đáp ứng" if spec.check == "any_of" else "Đáp ứng đủ các điều kiện"
        shown = [p for p in parts if p.status == "met"][: 1 if spec.check == "any_of" else None]
    elif status == "not_met":
        lead = "Không đáp ứng điều kiện nào" if spec.check == "any_of" else "Không đáp ứng"
        shown = parts if spec.check == "any_of" else [p for p in parts if p.status == "not_met"]
    else:
        lead = "Không đủ dữ liệu để kết luận"
        shown = parts if spec.check == "any_of" else [p for p in parts if p.status == "unknown"]
    details = " ".join(f"{p.label_vi}: {p.explanation_vi}" for p in shown)
    return _Found(status, f"{lead}. {details}")


def _evaluate(spec: law.CriterionSpec, case: _Case) -> tuple[CriterionResult, tuple[str, ...]]:
    if spec.check in GROUPS:
        evaluated = [_evaluate(b, case) for b in spec.branches]
        parts = [r for r, _ in evaluated]
        found = _group(spec, parts)
        found = _Found(found.status, found.text, tuple(n for _, ns in evaluated for n in ns))
    elif spec.check in CHECKS:
        parts = []
        found = CHECKS[spec.check](case, spec.params)
    else:
        raise RecordError.one(f"tiêu chí “{spec.id}”: kiểu kiểm tra “{spec.check}” không có")
    text = f"{found.text} {spec.note_vi}".strip()
    result = CriterionResult(
        spec.id, spec.label_vi, found.status, spec.citation, text, spec.confidence or "",
        tuple(parts),
    )
    return result, found.notes


def _outcome(results: Sequence[CriterionResult]) -> Outcome:
    statuses = {r.status for r in results}
    if "not_met" in statuses:
        return "not_eligible"
    return "unknown" if "unknown" in statuses else "eligible"


def _vote_note(honour: str, on: dt.date) -> str | None:
    try:
        rule = law.vote_rule(honour, on)
    except RecordError:
        return None
    more = "trên" if rule.strict else "ít nhất"
    flag = " Tỷ lệ này cần xác minh." if rule.verify else ""
    return (
        f"Bình xét tại hội đồng thi đua, khen thưởng: cần {more} {_percent(rule.share)} tổng số "
        f"thành viên hội đồng đồng ý ({rule.citation}).{flag}"
    )


def judge(
    nomination_honour: str,
    nominee_kind: str,
    history: Mapping[int, Achievement],
    year: int,
    decision_date: dt.date,
    province: str = "SL",
    members: Sequence[Achievement] | None = None,
    attested: Mapping[str, bool] | None = None,
) -> Verdict:
    """Returns the verdict on one nomination for `year`, judged by the rules in force on
    `decision_date` (province values of `province`). `history`: the nominee's achievements by
    year, gaps allowed; `members`: the members' achievements that year, used by collective titles
    when the year's record has no MemberStats; `attested`: yes/no facts the council confirms that
    the records have no field for (e.g. `cluster_leader`). RecordError when no rules apply."""
    applicable = law.applicable_rules(nomination_honour, nominee_kind, decision_date, province)
    case = _Case(nomination_honour, year, history, members, attested or {})
    results: list[CriterionResult] = []
    notes: list[str] = []
    for rule_set in applicable.rule_sets:
        for spec in rule_set.criteria:
            result, found_notes = _evaluate(spec, case)
            results.append(result)
            notes.extend(found_notes)
        notes.extend(rule_set.notes_vi)
    notes.extend(applicable.notes)
    vote = _vote_note(nomination_honour, decision_date)
    if vote:
        notes.append(vote)
    used = "; ".join(f"{rs.id} ({rs.citation})" for rs in reversed(applicable.rule_sets))
    return Verdict(
        nomination_honour, _outcome(results), tuple(results), used, tuple(dict.fromkeys(notes))
    )
