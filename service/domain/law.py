"""The law as data: acts in force, base salary, reward amounts, vote thresholds and criteria."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .catalogue import BY_CODE, KIND_LABELS
from .errors import RecordError

Confidence = Literal["high", "medium", "low"]
_RULES_PACKAGE = "service.domain.rules"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Act(_Data):
    """A law, decree or circular with the dates it is in force (`in_force_to` None: still)."""

    code: str
    name: str
    short: str
    in_force_from: dt.date
    in_force_to: dt.date | None = None
    confidence: Confidence
    note_vi: str = ""

    def in_force(self, on: dt.date) -> bool:
        return self.in_force_from <= on and (self.in_force_to is None or on <= self.in_force_to)


class SalaryStep(_Data):
    """Mức lương cơ sở from `from_` until the next step."""

    from_: dt.date = Field(alias="from")
    amount: int
    source: str
    confidence: Confidence
    verify: bool = False


class Rounding(_Data):
    mode: Literal["none", "up"]
    step: int = 1
    article: str = ""
    confidence: Confidence
    verify: bool = False
    note_vi: str = ""


class Coefficient(_Data):
    value: Decimal
    confidence: Confidence | None = None
    verify: bool = False
    note_vi: str = ""


class VoteEntry(_Data):
    honours: tuple[str, ...]
    share: str  # a fraction, `9/10`
    strict: bool = False  # True: more than the share; False: at least
    confidence: Confidence | None = None
    verify: bool = False
    note_vi: str = ""


class DecreeRules(_Data):
    """What one detailing decree says on money and on the council's vote."""

    act: str
    reward_article: str
    reward_confidence: Confidence
    rounding: Rounding
    household_factor: Decimal
    coefficients: dict[str, dict[str, Coefficient | Decimal]]
    vote_article: str
    vote_confidence: Confidence
    vote_verify: bool = False
    votes: tuple[VoteEntry, ...]


class CriterionSpec(_Data):
    """One criterion as data; `citation` is filled on loading (article and act, in words)."""

    id: str
    check: str
    label_vi: str
    params: dict[str, Any] = {}
    act: str | None = None
    article: str | None = None
    confidence: Confidence | None = None
    note_vi: str = ""
    applies_to: tuple[str, ...] = ()
    branches: tuple[CriterionSpec, ...] = ()
    citation: str = ""


class RuleSet(_Data):
    """The criteria of one honour (or the general ones) over a period, from one act."""

    id: str
    effective_from: dt.date
    effective_to: dt.date | None = None
    act: str
    article: str = ""
    confidence: Confidence
    notes_vi: tuple[str, ...] = ()
    criteria: tuple[CriterionSpec, ...]
    citation: str = ""

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


class Override(_Data):
    """A province's own value for one criterion of one honour."""

    honour: str
    nominee_kind: str | None = None
    criterion: str
    params: dict[str, Any] = {}
    label_vi: str | None = None
    source: str
    confidence: Confidence
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    note_vi: str = ""

    def in_force(self, on: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= on) and (
            self.effective_to is None or on <= self.effective_to
        )


class Province(_Data):
    name: str
    overrides: tuple[Override, ...] = ()


class _Law(_Data):
    acts: tuple[Act, ...]
    base_salary: tuple[SalaryStep, ...]
    decrees: tuple[DecreeRules, ...]
    general: tuple[RuleSet, ...]
    honours: dict[str, dict[str, tuple[RuleSet, ...]]]
    provinces: dict[str, Province]


@dataclass(frozen=True)
class Reward:
    """The money that goes with a title or award on a date: `amount` in đồng, already rounded."""

    honour: str
    nominee_kind: str
    coefficient: Decimal
    base_salary: int
    amount: int
    act: str
    note: str
    verify: bool


@dataclass(frozen=True)
class VoteRule:
    """The council approval needed: a `share` of ALL members (more than it if `strict`)."""

    honour: str
    share: Fraction
    strict: bool
    act: str
    citation: str
    confidence: str
    verify: bool
    note_vi: str


@dataclass(frozen=True)
class Applicable:
    """The rule sets that judge a nomination (general first), provinces' values applied."""

    rule_sets: tuple[RuleSet, ...]
    notes: tuple[str, ...]


def _read(name: str) -> dict[str, Any]:
    text = resources.files(_RULES_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@cache
def _law() -> _Law:
    """Returns the rules data, validated and with citations resolved; RecordError if malformed."""
    data = {**_read("acts.yaml"), **_read("criteria.yaml"), **_read("provinces.yaml")}
    try:
        law = _Law.model_validate(data)
    except ValidationError as exc:
        raise RecordError.one(f"dữ liệu quy định (rules/*.yaml) không hợp lệ: {exc}") from exc
    acts = {a.code: a for a in law.acts}
    general = tuple(_resolve(rs, acts) for rs in law.general)
    honours = {
        code: {kind: tuple(_resolve(rs, acts) for rs in sets) for kind, sets in kinds.items()}
        for code, kinds in law.honours.items()
    }
    _check_references(law, acts)
    return law.model_copy(update={"general": general, "honours": honours})


def _cite(act: Act, article: str) -> str:
    return f"{article} {act.short}" if article else f"{act.short}, chưa xác định điều khoản"


def _resolve_spec(
    spec: CriterionSpec, acts: dict[str, Act], rs: RuleSet, parent: tuple[str, Confidence]
) -> CriterionSpec:
    """Fills citation and confidence: the criterion's own, else its parent's (branch or set)."""
    if spec.act:
        citation = _cite(_act(acts, spec.act), spec.article or "")
    elif spec.article:
        citation = _cite(_act(acts, rs.act), spec.article)
    else:
        citation = parent[0]
    confidence = spec.confidence or parent[1]
    branches = tuple(_resolve_spec(b, acts, rs, (citation, confidence)) for b in spec.branches)
    return spec.model_copy(
        update={"citation": citation, "confidence": confidence, "branches": branches}
    )


def _resolve(rs: RuleSet, acts: dict[str, Act]) -> RuleSet:
    parent = (_cite(_act(acts, rs.act), rs.article), rs.confidence)
    criteria = tuple(_resolve_spec(c, acts, rs, parent) for c in rs.criteria)
    return rs.model_copy(update={"criteria": criteria, "citation": parent[0]})


def _act(acts: dict[str, Act], code: str) -> Act:
    if code not in acts:
        raise RecordError.one(f"dữ liệu quy định nhắc tới văn bản “{code}” không có trong acts")
    return acts[code]


def _check_references(law: _Law, acts: dict[str, Act]) -> None:
    for d in law.decrees:
        _act(acts, d.act)
        for code in [*d.coefficients, *(h for v in d.votes for h in v.honours)]:
            if code not in BY_CODE:
                raise RecordError.one(f"acts.yaml: “{code}” không có trong danh mục")
    for code, kinds in law.honours.items():
        if code not in BY_CODE or any(not BY_CODE[code].accepts(k) for k in kinds):
            raise RecordError.one(f"criteria.yaml: “{code}” hoặc loại đối tượng không hợp lệ")
    for prov in law.provinces.values():
        for o in prov.overrides:
            kinds = law.honours.get(o.honour, {})
            found = [_find(rs.criteria, o.criterion) for sets in kinds.values() for rs in sets]
            if not any(found):
                raise RecordError.one(f"provinces.yaml: không có tiêu chí {o.honour}.{o.criterion}")


def _find(specs: tuple[CriterionSpec, ...], criterion_id: str) -> CriterionSpec | None:
    for spec in specs:
        if spec.id == criterion_id:
            return spec
        inner = _find(spec.branches, criterion_id)
        if inner:
            return inner
    return None


def _known(honour: str) -> None:
    if honour not in BY_CODE:
        raise RecordError.one(f"“{honour}” không có trong danh mục danh hiệu, khen thưởng")


def _vn_date(on: dt.date) -> str:
    return on.strftime("%d/%m/%Y")


def _vn_money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _vn_decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return (text if "." in text else text + ".0").replace(".", ",")


def acts() -> tuple[Act, ...]:
    """Returns every act the rules data knows, in force or not."""
    return _law().acts


def acts_in_force(on: dt.date) -> list[Act]:
    """Returns the acts in force on the date (empty before the 2022 Law's)."""
    return [a for a in _law().acts if a.in_force(on)]


def act(code: str) -> Act:
    """Returns the act with that code; RecordError if unknown."""
    return _act({a.code: a for a in _law().acts}, code)


def salary_step(on: dt.date) -> SalaryStep:
    """Returns the base salary step in force on the date; RecordError before the first."""
    steps = [s for s in _law().base_salary if s.from_ <= on]
    if not steps:
        raise RecordError.one(f"chưa có mức lương cơ sở áp dụng cho ngày {_vn_date(on)}")
    return max(steps, key=lambda s: s.from_)


def base_salary(on: dt.date) -> int:
    """Returns the base salary (đồng) in force on the date; RecordError before the first step."""
    return salary_step(on).amount


def decree_rules(on: dt.date) -> DecreeRules:
    """Returns the detailing decree's rules in force on the date; RecordError if none is."""
    in_force = {a.code for a in acts_in_force(on)}
    found = [d for d in _law().decrees if d.act in in_force]
    if not found:
        raise RecordError.one(f"không có nghị định quy định chi tiết hiệu lực ngày {_vn_date(on)}")
    return max(found, key=lambda d: act(d.act).in_force_from)


def _coefficient(rules: DecreeRules, honour: str, nominee_kind: str) -> Coefficient:
    by_kind = rules.coefficients.get(honour, {})
    kind = "individual" if nominee_kind == "household" else nominee_kind
    value = by_kind.get(kind)
    if value is None or not BY_CODE[honour].accepts(nominee_kind):
        raise RecordError.one(
            f"{act(rules.act).short} không có hệ số tiền thưởng cho {BY_CODE[honour].name} "
            f"({KIND_LABELS.get(nominee_kind, nominee_kind)})"
        )
    coef = value if isinstance(value, Coefficient) else Coefficient(value=value)
    if nominee_kind == "household":
        value = (coef.value * rules.household_factor).normalize()
        coef = coef.model_copy(update={"value": value})
    return coef


def _to_dong(amount: Decimal) -> int:
    return int(amount.to_integral_value(ROUND_HALF_UP))


def _round(amount: Decimal, rounding: Rounding) -> int:
    """Returns the amount rounded as the act says: `up` to the next `step`; `none` to the đồng."""
    if rounding.mode == "up":
        return int((amount / rounding.step).to_integral_value(ROUND_CEILING) * rounding.step)
    return _to_dong(amount)


def reward(honour: str, nominee_kind: str, on: dt.date) -> Reward:
    """Returns the reward of a title or award decided on `on`: coefficient × base salary in force,
    rounded as the decree in force says. RecordError for an unknown honour or nominee kind."""
    _known(honour)
    rules = decree_rules(on)
    coef = _coefficient(rules, honour, nominee_kind)
    step = salary_step(on)
    exact = coef.value * step.amount
    amount = _round(exact, rules.rounding)
    decree = act(rules.act).short
    product = f"{_vn_decimal(coef.value)} × {_vn_money(step.amount)} đồng"
    parts = [f"{product} = {_vn_money(_to_dong(exact))} đồng"]
    if nominee_kind == "household":
        parts.append(f"hộ gia đình bằng {_vn_decimal(rules.household_factor)} lần mức của cá nhân")
    if rules.rounding.mode == "up":
        step_text = _vn_money(rules.rounding.step)
        parts.append(f"làm tròn lên {step_text} đồng: {_vn_money(amount)} đồng")
    parts.append(f"{rules.reward_article} {decree}")
    flags = [n for n in (coef.note_vi, rules.rounding.note_vi) if n]
    if coef.verify:
        flags.append("hệ số cần xác minh")
    if step.verify:
        flags.append(f"mức lương cơ sở {_vn_money(step.amount)} đồng chưa xác minh")
    note = "; ".join(parts) + "." + "".join(f" {f[0].upper()}{f[1:].rstrip('.')}." for f in flags)
    verify = coef.verify or step.verify or rules.rounding.verify
    return Reward(honour, nominee_kind, coef.value, step.amount, amount, rules.act, note, verify)


def vote_rule(honour: str, on: dt.date) -> VoteRule:
    """Returns the council approval needed for the honour on the date; RecordError if none."""
    rules = decree_rules(on)
    for entry in rules.votes:
        if honour in entry.honours:
            verify = entry.verify or rules.vote_verify
            citation = _cite(act(rules.act), rules.vote_article)
            confidence = entry.confidence or rules.vote_confidence
            share = Fraction(entry.share)
            return VoteRule(honour, share, entry.strict, rules.act, citation, confidence, verify,
                            entry.note_vi)
    raise RecordError.one(f"{act(rules.act).short}: chưa có tỷ lệ phiếu bầu cho “{honour}”")


def vote_passes(honour: str, votes_for: int, members_total: int, on: dt.date) -> bool:
    """Returns whether `votes_for` of `members_total` (all members, not those present) approve
    enough; RecordError for impossible counts."""
    if members_total < 1 or not 0 <= votes_for <= members_total:
        raise RecordError.one(
            f"số phiếu đồng ý ({votes_for}) phải từ 0 đến tổng số thành viên ({members_total})"
        )
    rule = vote_rule(honour, on)
    share = Fraction(votes_for, members_total)
    return share > rule.share if rule.strict else share >= rule.share


def provinces() -> dict[str, str]:
    """Returns the provinces with settings: code → name."""
    return {code: p.name for code, p in _law().provinces.items()}


def applicable_rules(honour: str, nominee_kind: str, on: dt.date, province: str) -> Applicable:
    """Returns the general and the honour's rule sets in force on `on`, with the province's
    overrides applied. RecordError when the honour, kind or date has no rule set."""
    law = _law()
    _known(honour)
    if not BY_CODE[honour].accepts(nominee_kind):
        raise RecordError.one(
            f"{BY_CODE[honour].name} không dành cho {KIND_LABELS.get(nominee_kind, nominee_kind)}"
        )
    specific = [rs for rs in law.honours.get(honour, {}).get(nominee_kind, ()) if rs.in_force(on)]
    general = [rs for rs in law.general if rs.in_force(on)]
    if not specific or not general:
        raise RecordError.one(
            f"chưa có bộ tiêu chí {BY_CODE[honour].name} áp dụng cho ngày {_vn_date(on)}"
        )
    general_rs = _only_for(general[-1], honour)
    rs, notes = _apply_province(specific[-1], honour, nominee_kind, on, province)
    return Applicable((general_rs, rs), notes)


def _only_for(rs: RuleSet, honour: str) -> RuleSet:
    kept = tuple(c for c in rs.criteria if not c.applies_to or honour in c.applies_to)
    return rs.model_copy(update={"criteria": kept})


def _apply_province(
    rs: RuleSet, honour: str, kind: str, on: dt.date, province: str
) -> tuple[RuleSet, tuple[str, ...]]:
    prov = _law().provinces.get(province)
    if prov is None:
        return rs, (f"Chưa có quy định riêng của tỉnh “{province}”: áp dụng mức chung của Luật.",)
    notes: list[str] = []
    criteria = rs.criteria
    for o in prov.overrides:
        if o.honour != honour or (o.nominee_kind and o.nominee_kind != kind) or not o.in_force(on):
            continue
        criteria = _replace(criteria, o)
        notes.append(f"Áp dụng quy định riêng của tỉnh {prov.name}: {o.source} ({o.criterion}).")
        if o.note_vi:
            notes.append(o.note_vi)
    return rs.model_copy(update={"criteria": criteria}), tuple(notes)


def _replace(specs: tuple[CriterionSpec, ...], o: Override) -> tuple[CriterionSpec, ...]:
    out = []
    for spec in specs:
        if spec.id == o.criterion:
            spec = spec.model_copy(
                update={
                    "params": {**spec.params, **o.params},
                    "label_vi": o.label_vi or spec.label_vi,
                    "confidence": o.confidence,
                    "citation": f"{spec.citation}; {o.source}",
                }
            )
        elif spec.branches:
            spec = spec.model_copy(update={"branches": _replace(spec.branches, o)})
        out.append(spec)
    return tuple(out)
