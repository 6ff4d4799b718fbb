"""What the annual summary counts for a unit (registered titles reached, honours, initiatives,
disciplines, ratings, nominations) and the sum of many units' counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..vnformat.numbers import format_number
from .catalogue import BY_CODE, HONOURS, KIND_LABELS
from .indicator_results import percent_text
from .records import DISCIPLINE_LABELS, RATING_LABELS, SCOPE_LABELS

LEVELS_BY_GIVER: dict[str, str] = {"Chủ tịch UBND tỉnh": "tinh", "Thủ trưởng đơn vị": "co_so"}
LEVEL_LABELS: dict[str, str] = {"tinh": "Cấp tỉnh", "co_so": "Cấp cơ sở"}
_HUNDRED = Decimal(100)
NOT_RATED = "chua"
RATING_COUNT_LABELS: dict[str, str] = {**RATING_LABELS, NOT_RATED: "Chưa đánh giá, xếp loại"}
CATALOGUE_ORDER = {h.code: i for i, h in enumerate(HONOURS)}
KIND_ORDER = {"individual": 0, "collective": 1}


def level_of(code: str) -> str:
    """Returns "tinh" or "co_so" for an honour of the catalogue, from who gives it."""
    return LEVELS_BY_GIVER[BY_CODE[code].given_by]


def _rate(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * _HUNDRED / whole if whole else None


@dataclass(frozen=True)
class Count:
    """How many of one kind (`key`, printed as `label`)."""

    key: str
    label: str
    count: int

    @property
    def count_text(self) -> str:
        return format_number(self.count)


@dataclass(frozen=True)
class TitleTally:
    """A title or award registered: by how many (people, or collectives), and how many got it."""

    code: str
    name: str
    nominee_kind: str  # "individual" | "collective"
    registered: int
    achieved: int

    @property
    def nominee_label(self) -> str:
        return KIND_LABELS[self.nominee_kind]

    @property
    def rate(self) -> Decimal | None:
        """achieved / registered × 100; None when nobody registered."""
        return _rate(self.achieved, self.registered)

    @property
    def rate_text(self) -> str:
        return percent_text(self.rate)

    @property
    def achieved_text(self) -> str:
        return format_number(self.achieved)


@dataclass(frozen=True)
class HonourCount:
    """How many times a title or award of the catalogue was earned, by individuals, collectives
    and households."""

    code: str
    name: str
    kind: str  # "title" | "award"
    level: str  # "tinh" | "co_so"
    individual: int
    collective: int
    household: int

    @property
    def total(self) -> int:
        return self.individual + self.collective + self.household

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass(frozen=True)
class NominationTally:
    """Nominations for one honour sent up (all but drafts), and how many a decision conferred."""

    code: str
    name: str
    proposed: int
    approved: int

    @property
    def rate(self) -> Decimal | None:
        return _rate(self.approved, self.proposed)

    @property
    def rate_text(self) -> str:
        return percent_text(self.rate)


@dataclass(frozen=True)
class Tallies:
    """Everything counted for one unit, or summed over many (see roll_up)."""

    units: int
    registered_units: int
    titles: tuple[TitleTally, ...]  # honours registered; individual first, catalogue order
    honours: tuple[HonourCount, ...]  # every honour of the catalogue, in its order
    initiatives: tuple[Count, ...]  # by scope: co_so, tinh, toan_quoc
    disciplines: tuple[Count, ...]  # by form, DISCIPLINE_LABELS order
    ratings: tuple[Count, ...]  # the people's ratings, then "chua" (not rated)
    unit_ratings: tuple[Count, ...]  # the collectives' own ratings, then "chua"
    nominations: tuple[NominationTally, ...]  # honours proposed upward, catalogue order

    @property
    def levels(self) -> tuple[Count, ...]:
        """Honours earned by level (cấp tỉnh, cấp cơ sở), from who gives them."""
        totals = Counter({key: 0 for key in LEVEL_LABELS})
        for h in self.honours:
            totals[h.level] += h.total
        return tuple(Count(key, LEVEL_LABELS[key], n) for key, n in totals.items())

    @property
    def people(self) -> int:
        return sum(c.count for c in self.ratings)


def count_by(labels: dict[str, str], counted: Counter[str]) -> tuple[Count, ...]:
    """Returns one Count per key of `labels`, in its order (zeros included)."""
    return tuple(Count(key, label, counted[key]) for key, label in labels.items())


def roll_up(tallies: Sequence[Tallies]) -> Tallies:
    """Returns the sum of the tallies; rates (properties) follow from the summed counts."""
    return Tallies(
        units=sum(t.units for t in tallies),
        registered_units=sum(t.registered_units for t in tallies),
        titles=_sum_titles(t for ts in tallies for t in ts.titles),
        honours=_sum_honours(c for t in tallies for c in t.honours),
        initiatives=_sum_counts(SCOPE_LABELS, (t.initiatives for t in tallies)),
        disciplines=_sum_counts(DISCIPLINE_LABELS, (t.disciplines for t in tallies)),
        ratings=_sum_counts(RATING_COUNT_LABELS, (t.ratings for t in tallies)),
        unit_ratings=_sum_counts(RATING_COUNT_LABELS, (t.unit_ratings for t in tallies)),
        nominations=_sum_nominations(n for t in tallies for n in t.nominations),
    )


def _sum_counts(labels: dict[str, str], groups: Iterable[tuple[Count, ...]]) -> tuple[Count, ...]:
    total: Counter[str] = Counter()
    for group in groups:
        for c in group:
            total[c.key] += c.count
    return count_by(labels, total)


def _sum_honours(counts: Iterable[HonourCount]) -> tuple[HonourCount, ...]:
    total: dict[str, list[int]] = {h.code: [0, 0, 0] for h in HONOURS}
    for c in counts:
        for i, n in enumerate((c.individual, c.collective, c.household)):
            total[c.code][i] += n
    return tuple(HonourCount(h.code, h.name, h.kind, level_of(h.code), *total[h.code])
                 for h in HONOURS)


def _sum_titles(titles: Iterable[TitleTally]) -> tuple[TitleTally, ...]:
    registered: Counter[tuple[str, str]] = Counter()
    achieved: Counter[tuple[str, str]] = Counter()
    for t in titles:
        registered[(t.nominee_kind, t.code)] += t.registered
        achieved[(t.nominee_kind, t.code)] += t.achieved
    keys = sorted(registered, key=lambda k: (KIND_ORDER[k[0]], CATALOGUE_ORDER[k[1]]))
    return tuple(TitleTally(code, BY_CODE[code].name, kind, registered[(kind, code)],
                            achieved[(kind, code)]) for kind, code in keys)


def _sum_nominations(tallies: Iterable[NominationTally]) -> tuple[NominationTally, ...]:
    proposed: Counter[str] = Counter()
    approved: Counter[str] = Counter()
    for n in tallies:
        proposed[n.code] += n.proposed
        approved[n.code] += n.approved
    return tuple(NominationTally(code, BY_CODE[code].name, proposed[code], approved[code])
                 for code in sorted(proposed, key=CATALOGUE_ORDER.__getitem__))
