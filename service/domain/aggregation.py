"""The annual summary's figures: each unit's year, the province's roll-up over the unit tree, and
(re-exported) the directive's indicators planned vs achieved."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .catalogue import BY_CODE, HONOURS
from .errors import RecordError
from .indicator_results import (
    EQUAL_WITHIN,
    VERDICT_LABELS,
    IndicatorRow,
    Verdict,
    indicator_rows,
    judge,
    percent_of_plan,
    percent_text,
)
from .records import (
    DISCIPLINE_LABELS,
    SCOPE_LABELS,
    Achievement,
    Decision,
    Nomination,
    Person,
    Registration,
    Unit,
)
from .tallies import (
    CATALOGUE_ORDER,
    KIND_ORDER,
    LEVEL_LABELS,
    NOT_RATED,
    RATING_COUNT_LABELS,
    Count,
    HonourCount,
    NominationTally,
    Tallies,
    TitleTally,
    count_by,
    level_of,
    roll_up,
)

__all__ = [  # one entry point for the summary report: this module's names and its parts'
    "EQUAL_WITHIN", "LEVEL_LABELS", "RATING_COUNT_LABELS", "VERDICT_LABELS", "Count",
    "HonourCount", "IndicatorRow", "NominationTally", "ProvinceSummary", "Tallies", "TitleTally",
    "UnitSummary", "Verdict", "descendants", "indicator_rows", "judge", "level_of",
    "percent_of_plan", "percent_text", "roll_up", "summarise_province", "summarise_unit",
]

# Who earns: ("person", code), ("unit", code), ("household", name); a registration line naming
# nobody known stays ("name", full name) and earns nothing.
Subject = tuple[str, str]


@dataclass(frozen=True)
class UnitSummary:
    """One unit's year: whether it registered, its own rating, and its tallies."""

    unit: Unit
    year: int
    registered: bool
    rating: str | None  # the unit's own rating (HTXSNV…); None if not rated
    tallies: Tallies


def summarise_unit(
    unit: Unit,
    year: int,
    registration: Registration | None,
    achievements: Sequence[Achievement],
    people: Sequence[Person],
    nominations: Sequence[Nomination],
    decisions: Sequence[Decision],
) -> UnitSummary:
    """Returns the unit's tallies for `year`.

    The sequences may hold the whole province's records: only that year's count, and only the
    unit's, its people's and the households it proposed. An honour is earned when an achievement
    lists it or a nomination for it is conferred (status "approved", or listed in a decision);
    the same honour recorded both ways counts once. Raises RecordError when `registration` is
    another unit's or another year's.
    """
    if registration is not None and (registration.unit, registration.year) != (unit.code, year):
        raise RecordError.one(
            f"bản đăng ký của đơn vị {registration.unit} năm {registration.year} không phải của "
            f"đơn vị {unit.code} năm {year}", field="unit")
    staff = [p for p in people if p.unit == unit.code]
    staff_codes = {p.code for p in staff}
    this_year = [a for a in achievements if a.year == year]
    own = [a for a in this_year if a.unit == unit.code or a.person in staff_codes]
    decided = {code for d in decisions for code in d.nominations}
    sent = [n for n in nominations if n.year == year and n.status != "draft"]
    conferred = [n for n in sent if n.status == "approved" or n.code in decided]
    earned = _earned(this_year, conferred)
    households = [("household", n.household) for n in conferred
                  if n.nominee_kind == "household" and n.unit == unit.code]
    mine = [("unit", unit.code), *(("person", p.code) for p in staff), *households]
    unit_rating = next((a.rating for a in own if a.unit == unit.code and a.rating), None)
    tallies = Tallies(
        units=1,
        registered_units=int(registration is not None),
        titles=_title_tallies(unit, registration, staff, earned),
        honours=_honour_counts({s: earned[s] for s in mine}),
        initiatives=count_by(SCOPE_LABELS, _initiative_scopes(own)),
        disciplines=count_by(DISCIPLINE_LABELS, Counter(
            a.discipline.form for a in own if a.discipline)),
        ratings=count_by(RATING_COUNT_LABELS, _people_ratings(staff, own)),
        unit_ratings=count_by(RATING_COUNT_LABELS, Counter([unit_rating or NOT_RATED])),
        nominations=_nomination_tallies([n for n in sent if n.unit == unit.code], conferred),
    )
    return UnitSummary(unit, year, registration is not None, unit_rating, tallies)


def _earned(achievements: Iterable[Achievement], conferred: Iterable[Nomination]
            ) -> defaultdict[Subject, Counter[str]]:
    """Returns each subject's honours of the year, as many times as earned (two Giấy khen in a
    year are two); an honour both in an achievement and in a conferred nomination counts once."""
    listed: defaultdict[Subject, Counter[str]] = defaultdict(Counter)
    for a in achievements:
        subject = ("person", a.person) if a.person else ("unit", a.unit or "")
        listed[subject].update(h.code for h in a.honours)
    given: defaultdict[Subject, Counter[str]] = defaultdict(Counter)
    for n in conferred:
        given[_nominee(n)][n.honour] += 1
    for subject, honours in given.items():
        listed[subject] |= honours  # the larger of the two counts, honour by honour
    return listed


def _nominee(n: Nomination) -> Subject:
    if n.nominee_kind == "individual":
        return ("person", n.person or "")
    if n.nominee_kind == "collective":
        return ("unit", n.nominee_unit or "")
    return ("household", n.household)


def _title_tallies(unit: Unit, registration: Registration | None, staff: Sequence[Person],
                   earned: dict[Subject, Counter[str]]) -> tuple[TitleTally, ...]:
    """Registered honours against those earned: exactly the honour registered counts (a person
    registered for CSTDCS who earned only LDTT has not reached what they registered)."""
    if registration is None:
        return ()
    registered: dict[tuple[str, str], set[Subject]] = defaultdict(set)
    for code in registration.collective_titles:
        registered[("collective", code)].add(("unit", unit.code))
    for entry in registration.individuals:
        subject = _entry_subject(entry.person, entry.full_name, staff)
        for code in (entry.title, entry.award):
            if code:
                registered[("individual", code)].add(subject)
    keys = sorted(registered, key=lambda k: (KIND_ORDER[k[0]], CATALOGUE_ORDER[k[1]]))
    return tuple(
        TitleTally(code, BY_CODE[code].name, kind, len(registered[(kind, code)]),
                   sum(1 for s in registered[(kind, code)] if s in earned and earned[s][code]))
        for kind, code in keys
    )


def _entry_subject(person: str | None, full_name: str, staff: Sequence[Person]) -> Subject:
    """Returns who a registration line is: its person code, else the one person of the unit
    with that name (ignoring case); a name matching none or several people stays a name."""
    if person:
        return ("person", person)
    same = [p for p in staff if p.full_name.casefold() == full_name.casefold()]
    return ("person", same[0].code) if len(same) == 1 else ("name", full_name)


def _honour_counts(earned: dict[Subject, Counter[str]]) -> tuple[HonourCount, ...]:
    by_kind: dict[str, Counter[str]] = {"person": Counter(), "unit": Counter(),
                                        "household": Counter()}
    for (kind, _), honours in earned.items():
        by_kind[kind].update(honours)
    return tuple(
        HonourCount(h.code, h.name, h.kind, level_of(h.code), by_kind["person"][h.code],
                    by_kind["unit"][h.code], by_kind["household"][h.code])
        for h in HONOURS
    )


def _initiative_scopes(own: Iterable[Achievement]) -> Counter[str]:
    """An initiative shared by co-authors is listed in each one's achievements: it counts once
    per unit (same scope, same name up to case and spacing)."""
    seen = {(i.scope, " ".join(i.name.split()).casefold()) for a in own for i in a.initiatives}
    return Counter(scope for scope, _ in seen)


def _people_ratings(staff: Sequence[Person], own: Sequence[Achievement]) -> Counter[str]:
    rating = {a.person: a.rating for a in own if a.person and a.rating}
    return Counter(rating.get(p.code) or NOT_RATED for p in staff)


def _nomination_tallies(sent: Sequence[Nomination], conferred: Sequence[Nomination]
                        ) -> tuple[NominationTally, ...]:
    """The unit's nominations sent up (drafts are not), and how many were conferred."""
    proposed = Counter(n.honour for n in sent)
    given = {n.code for n in conferred}
    approved = Counter(n.honour for n in sent if n.code in given)
    return tuple(
        NominationTally(code, BY_CODE[code].name, proposed[code], approved[code])
        for code in sorted(proposed, key=CATALOGUE_ORDER.__getitem__)
    )


# ---------------------------------------------------------------------------------------------
# Many units: the tree and the roll-up


def descendants(units: Sequence[Unit], code: str) -> list[Unit]:
    """Returns the units below `code` at any depth (not `code` itself), parents before their
    children, children in the order given. Raises RecordError for an unknown code."""
    if not any(u.code == code for u in units):
        raise RecordError.one(f"không có đơn vị mã “{code}”", field="unit")
    children: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        if u.parent:
            children[u.parent].append(u)
    found: list[Unit] = []
    seen = {code}
    stack = list(reversed(children[code]))
    while stack:
        u = stack.pop()
        if u.code in seen:  # a loop in the data: each unit once
            continue
        seen.add(u.code)
        found.append(u)
        stack.extend(reversed(children[u.code]))
    return found


@dataclass(frozen=True)
class ProvinceSummary:
    """The province's year (or any subtree's): each unit's summary in tree order, and the sum."""

    province: Unit
    year: int
    units: tuple[UnitSummary, ...]
    totals: Tallies


def summarise_province(units: Sequence[Unit], per_unit: Sequence[UnitSummary],
                       root: str | None = None) -> ProvinceSummary:
    """Returns the roll-up of the summaries of `root` and the units below it.

    `root` defaults to the one unit of kind "province". Raises RecordError when there is no such
    unit, when there are no summaries, when they mix years, or when a unit is summarised twice
    or is not in the subtree.
    """
    top = _root(units, root)
    order = {u.code: i for i, u in enumerate([top, *descendants(units, top.code)])}
    if not per_unit:
        raise RecordError.one(f"chưa có số liệu tổng hợp của đơn vị nào thuộc {top.name}")
    years = {s.year for s in per_unit}
    if len(years) > 1:
        raise RecordError.one(f"số liệu tổng hợp lẫn nhiều năm: {sorted(years)}", field="year")
    codes = Counter(s.unit.code for s in per_unit)
    problems = [f"đơn vị “{c}” được tổng hợp {n} lần" for c, n in codes.items() if n > 1]
    problems += [f"đơn vị “{c}” không thuộc {top.name}" for c in codes if c not in order]
    if problems:
        raise RecordError.one("; ".join(problems), field="unit")
    ordered = tuple(sorted(per_unit, key=lambda s: order[s.unit.code]))
    return ProvinceSummary(top, years.pop(), ordered, roll_up([s.tallies for s in ordered]))


def _root(units: Sequence[Unit], code: str | None) -> Unit:
    candidates = [u for u in units if (u.code == code if code else u.kind == "province")]
    if len(candidates) != 1:
        wanted = f"đơn vị mã “{code}”" if code else "một đơn vị cấp tỉnh"
        raise RecordError.one(f"cần đúng {wanted}, tìm thấy {len(candidates)}", field="unit")
    return candidates[0]
