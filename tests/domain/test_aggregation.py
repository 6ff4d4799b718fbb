"""A unit's year (registered titles against titles earned, honours by form and level, initiatives,
disciplines, ratings, nominations) and the province's roll-up over the unit tree."""

from __future__ import annotations

from decimal import Decimal

import pytest

from service.domain.aggregation import (
    UnitSummary,
    descendants,
    summarise_province,
    summarise_unit,
)
from service.domain.catalogue import HONOURS
from service.domain.errors import RecordError
from service.domain.records import (
    Achievement,
    Decision,
    Nomination,
    Person,
    Registration,
    Unit,
)
from service.domain.tallies import LEVEL_LABELS, level_of


def unit(code: str, parent: str | None = None, kind: str = "department") -> Unit:
    return Unit(code=code, name=f"Đơn vị {code}", kind=kind, parent=parent, place="Sơn La",
                abbreviation=code)  # type: ignore[arg-type]


def person(code: str, unit_code: str = "SNV", name: str | None = None) -> Person:
    return Person(code=code, full_name=name or f"Người {code}", gender="nam", unit=unit_code)


def done(subject: str, *honours: str, year: int = 2024, rating: str | None = None,
         initiatives: tuple[tuple[str, str], ...] = (), discipline: str | None = None,
         of_unit: bool = False) -> Achievement:
    return Achievement.model_validate({
        ("unit" if of_unit else "person"): subject, "year": year, "rating": rating,
        "honours": [{"code": c} for c in honours],
        "initiatives": [{"name": n, "scope": s} for n, s in initiatives],
        "discipline": {"form": discipline} if discipline else None,
    })


def nominate(code: str, honour: str, who: str = "P1", kind: str = "individual",
             status: str = "proposed", year: int = 2024, unit_code: str = "SNV") -> Nomination:
    nominee = {"individual": "person", "collective": "nominee_unit", "household": "household"}
    return Nomination.model_validate({
        "code": code, "year": year, "unit": unit_code, "nominee_kind": kind, nominee[kind]: who,
        "honour": honour, "status": status})


def decision(*nominations: str) -> Decision:
    return Decision.model_validate({
        "code": "D1", "year": 2024, "unit": "TINH", "date": "20/12/2024",
        "signer": {"name": "Hoàng Quốc Khánh", "title": "Chủ tịch"},
        "nominations": list(nominations)})


# The department SNV in 2024, its people P1…P8 (P5 is Lò Thị Năm), one person of another unit.
PEOPLE = [person(f"P{i}") for i in range(1, 9) if i != 5] + [
    person("P5", name="Lò Thị Năm"), person("Q1", unit_code="SYT")]
REGISTRATION = Registration.model_validate({
    "unit": "SNV", "year": 2024, "collective_titles": ["TTLDXS"],
    "individuals": [
        {"person": "P1", "full_name": "Người P1", "title": "LDTT"},
        {"person": "P2", "full_name": "Người P2", "title": "LDTT"},
        {"person": "P3", "full_name": "Người P3", "title": "CSTDCS"},
        {"person": "P4", "full_name": "Người P4", "title": "CSTDCS", "award": "BKT"},
        {"full_name": "lò thị năm", "title": "LDTT"},  # no code: found by name in the unit
        {"full_name": "Người Ngoài", "title": "LDTT"},  # no code, no such person: never reached
        {"person": "P8", "full_name": "Người P8", "title": "LDTT"},
    ],
})
ACHIEVEMENTS = [
    done("SNV", "TTLDXS", rating="HTXSNV", of_unit=True),
    done("P1", "LDTT", "GK", "GK", rating="HTXSNV", initiatives=(("Số hóa hồ sơ", "co_so"),)),
    done("P2", rating="HTTNV"),  # registered LDTT, earned nothing
    done("P3", "LDTT", rating="HTXSNV",  # registered CSTDCS, earned another title
         initiatives=(("số hóa  Hồ sơ", "co_so"),)),  # co-author of P1's initiative
    done("P4", "CSTDCS", "LDTT", rating="HTXSNV",  # BKT comes by the decision (N1)
         initiatives=(("Phần mềm thi đua", "tinh"),)),
    done("P5", "LDTT", rating="HTNV"),
    done("P6", rating="KHTNV", discipline="khien_trach"),  # not registered
    done("P8", "LDTT", rating="HTTNV"),  # P7 has no achievement record
    done("P1", "CSTDCS", "BKT", year=2023, rating="HTXSNV"),  # another year
    done("Q1", "LDTT", "BKT", rating="HTXSNV", discipline="canh_cao"),  # another unit
]
NOMINATIONS = [
    nominate("N1", "BKT", "P4"),  # listed in the decision: P4 reaches the BKT registered
    nominate("N2", "BKT", "P2", status="approved"),  # conferred, though not registered
    nominate("N3", "BKT", "P3", status="rejected"),
    nominate("N4", "CSTDT", "P6"),  # still waiting
    nominate("N5", "BKT", "P7", status="draft"),  # never sent
    nominate("N6", "BKT", "Q1", unit_code="SYT"),  # another unit's
    nominate("N7", "BKT", "P8", year=2023, status="approved"),  # another year
    nominate("N8", "BKT", "Hộ ông Lò Văn Pánh", kind="household"),  # in the decision
    nominate("N9", "TTLDXS", "SNV", kind="collective", status="approved"),  # also in achievements
]


def snv(registration: Registration | None = REGISTRATION) -> UnitSummary:
    return summarise_unit(unit("SNV", "TINH"), 2024, registration, ACHIEVEMENTS, PEOPLE,
                          NOMINATIONS, [decision("N1", "N8")])


def test_registered_titles_against_titles_earned() -> None:
    # LDTT: P1, P2, P5 (by name), Người Ngoài, P8 registered; P1, P5, P8 earned it: 3/5.
    # CSTDCS: P3 (earned LDTT instead), P4: 1/2. BKT: P4, by the decision: 1/1. TTLDXS: 1/1.
    assert [(t.nominee_kind, t.code, t.registered, t.achieved, t.rate, t.rate_text)
            for t in snv().tallies.titles] == [
        ("individual", "LDTT", 5, 3, Decimal(60), "60%"),
        ("individual", "CSTDCS", 2, 1, Decimal(50), "50%"),
        ("individual", "BKT", 1, 1, Decimal(100), "100%"),
        ("collective", "TTLDXS", 1, 1, Decimal(100), "100%"),
    ]
    first = snv().tallies.titles[0]
    assert (first.name, first.nominee_label) == ("Lao động tiên tiến", "cá nhân")


def test_honours_by_form_and_level() -> None:
    honours = {h.code: (h.individual, h.collective, h.household, h.total)
               for h in snv().tallies.honours}
    # BKT: P4 (N1), P2 (N2), the household (N8); TTLDXS in the achievements and N9 counts once;
    # GK twice to P1 counts twice.
    assert honours == {
        "LDTT": (5, 0, 0, 5), "CSTDCS": (1, 0, 0, 1), "CSTDT": (0, 0, 0, 0),
        "TTLDTT": (0, 0, 0, 0), "TTLDXS": (0, 1, 0, 1), "CTDT": (0, 0, 0, 0),
        "BKT": (2, 0, 1, 3), "GK": (2, 0, 0, 2),
    }
    # cấp tỉnh: TTLDXS 1 + BKT 3; cấp cơ sở: LDTT 5 (P1, P3, P4, P5, P8) + CSTDCS 1 + GK 2.
    assert [(c.key, c.label, c.count) for c in snv().tallies.levels] == [
        ("tinh", "Cấp tỉnh", 4), ("co_so", "Cấp cơ sở", 8)]


def test_initiatives_disciplines_and_ratings() -> None:
    tallies = snv().tallies
    # The co-authored initiative counts once.
    assert [(c.key, c.count) for c in tallies.initiatives] == [
        ("co_so", 1), ("tinh", 1), ("toan_quoc", 0)]
    assert [(c.key, c.count) for c in tallies.disciplines] == [
        ("khien_trach", 1), ("canh_cao", 0), ("ha_bac_luong", 0), ("cach_chuc", 0),
        ("buoc_thoi_viec", 0)]
    assert [(c.key, c.count) for c in tallies.ratings] == [
        ("HTXSNV", 3), ("HTTNV", 2), ("HTNV", 1), ("KHTNV", 1), ("chua", 1)]
    assert tallies.people == 8
    assert [(c.key, c.count) for c in tallies.unit_ratings] == [
        ("HTXSNV", 1), ("HTTNV", 0), ("HTNV", 0), ("KHTNV", 0), ("chua", 0)]
    assert snv().rating == "HTXSNV"


def test_nominations_sent_up_and_conferred() -> None:
    # BKT: N1, N2, N3, N8 sent; N1, N2, N8 conferred: 3/4. Drafts, other units and years aside.
    assert [(n.code, n.proposed, n.approved, n.rate_text) for n in snv().tallies.nominations] == [
        ("CSTDT", 1, 0, "0%"), ("TTLDXS", 1, 1, "100%"), ("BKT", 4, 3, "75%")]


def test_a_unit_with_no_registration_still_counts_what_it_earned() -> None:
    summary = snv(registration=None)
    assert (summary.registered, summary.tallies.titles) == (False, ())
    assert (summary.tallies.units, summary.tallies.registered_units) == (1, 0)
    assert sum(h.total for h in summary.tallies.honours) == 12


def test_a_unit_with_no_records_at_all() -> None:
    summary = summarise_unit(unit("SYT", "TINH"), 2024, None, [], [], [], [])
    assert summary.rating is None
    assert summary.tallies.people == 0 and summary.tallies.nominations == ()
    assert all(c.count == 0 for c in summary.tallies.levels)


def test_another_units_registration_is_refused() -> None:
    other = Registration(unit="SYT", year=2024, collective_titles=["TTLDTT"])
    with pytest.raises(RecordError, match="không phải của đơn vị SNV"):
        snv(registration=other)


def test_every_honour_of_the_catalogue_has_a_level() -> None:
    assert {h.code: level_of(h.code) for h in HONOURS} == {
        "LDTT": "co_so", "CSTDCS": "co_so", "CSTDT": "tinh", "TTLDTT": "co_so",
        "TTLDXS": "tinh", "CTDT": "tinh", "BKT": "tinh", "GK": "co_so"}
    assert set(LEVEL_LABELS) == {"tinh", "co_so"}


# ---------------------------------------------------------------------------------------------
# The tree and the roll-up

# Given out of order on purpose: the tree is data.
TREE = [unit("X1", "MC", "commune"), unit("TINH", None, "province"), unit("MC", "TINH", "district"),
        unit("SNV", "TINH"), unit("X2", "MC", "commune"), unit("SYT", "TINH")]


@pytest.mark.parametrize(
    ("code", "below"),
    [
        ("TINH", ["MC", "X1", "X2", "SNV", "SYT"]),
        ("MC", ["X1", "X2"]),
        ("X1", []),
    ],
)
def test_descendants(code: str, below: list[str]) -> None:
    assert [u.code for u in descendants(TREE, code)] == below


def test_descendants_of_an_unknown_unit_is_refused() -> None:
    with pytest.raises(RecordError, match="“XX”"):
        descendants(TREE, "XX")


def test_descendants_survive_a_loop_in_the_data() -> None:
    loop = [unit("A", "B"), unit("B", "A")]
    assert [u.code for u in descendants(loop, "A")] == ["B"]


def ldtt_unit(code: str, registered: int, achieved: int, year: int = 2024) -> UnitSummary:
    """A unit whose `registered` people registered LDTT, the first `achieved` of them earned it."""
    people = [person(f"{code}-{i}", code) for i in range(registered)]
    registration = Registration.model_validate({"unit": code, "year": year, "individuals": [
        {"person": p.code, "full_name": p.full_name, "title": "LDTT"} for p in people]})
    achievements = [done(p.code, "LDTT", year=year, rating="HTTNV") for p in people[:achieved]]
    parent = next(u.parent for u in TREE if u.code == code)
    return summarise_unit(unit(code, parent), year, registration, achievements, people, [], [])


def test_rates_are_recomputed_from_the_sums_not_averaged() -> None:
    # SNV 3/3 (100%), X1 3/4 (75%): 6/7 = 85,71% (the average of rates would say 87,5%).
    summary = summarise_province(TREE, [ldtt_unit("SNV", 3, 3), ldtt_unit("X1", 4, 3)])
    (ldtt,) = summary.totals.titles
    assert (ldtt.registered, ldtt.achieved, ldtt.rate_text) == (7, 6, "85,71%")
    assert [c.count for c in summary.totals.ratings] == [0, 6, 0, 0, 1]


def test_province_rolls_up_every_count_in_tree_order() -> None:
    no_registration = summarise_unit(unit("SYT", "TINH"), 2024, None,
                                     [done("SYT", "TTLDTT", "BKT", of_unit=True)], [], [], [])
    summary = summarise_province(TREE, [snv(), no_registration, ldtt_unit("X2", 2, 1)])
    assert summary.province.code == "TINH" and summary.year == 2024
    assert [s.unit.code for s in summary.units] == ["X2", "SNV", "SYT"]
    totals = summary.totals
    assert (totals.units, totals.registered_units, totals.people) == (3, 2, 10)
    assert [(t.nominee_kind, t.code, t.registered, t.achieved, t.rate_text)
            for t in totals.titles] == [
        ("individual", "LDTT", 7, 4, "57,14%"),  # SNV 3/5 + X2 1/2
        ("individual", "CSTDCS", 2, 1, "50%"),
        ("individual", "BKT", 1, 1, "100%"),
        ("collective", "TTLDXS", 1, 1, "100%"),
    ]
    honours = {h.code: (h.individual, h.collective, h.household)
               for h in totals.honours if h.total}
    assert honours == {"LDTT": (6, 0, 0), "CSTDCS": (1, 0, 0), "TTLDTT": (0, 1, 0),
                       "TTLDXS": (0, 1, 0), "BKT": (2, 1, 1), "GK": (2, 0, 0)}
    assert [(c.key, c.count) for c in totals.levels] == [("tinh", 5), ("co_so", 10)]
    assert [(c.key, c.count) for c in totals.unit_ratings] == [
        ("HTXSNV", 1), ("HTTNV", 0), ("HTNV", 0), ("KHTNV", 0), ("chua", 2)]
    assert [(n.code, n.proposed, n.approved) for n in totals.nominations] == [
        ("CSTDT", 1, 0), ("TTLDXS", 1, 1), ("BKT", 4, 3)]


def test_a_district_subtree_rolls_up_on_its_own() -> None:
    summary = summarise_province(TREE, [ldtt_unit("X1", 4, 3), ldtt_unit("X2", 2, 1)], root="MC")
    assert summary.province.code == "MC"
    assert summary.totals.titles[0].rate_text == "66,67%"  # 4/6


@pytest.mark.parametrize(
    ("per_unit", "words"),
    [
        ([], "chưa có số liệu"),
        ([ldtt_unit("SNV", 1, 1), ldtt_unit("SYT", 1, 1, year=2023)], "nhiều năm"),
        ([ldtt_unit("SNV", 1, 1), ldtt_unit("SNV", 2, 1)], "“SNV” được tổng hợp 2 lần"),
    ],
)
def test_summaries_that_do_not_add_up_are_refused(per_unit: list[UnitSummary], words: str) -> None:
    with pytest.raises(RecordError, match=words):
        summarise_province(TREE, per_unit)


def test_a_unit_outside_the_subtree_is_refused() -> None:
    with pytest.raises(RecordError, match="“SNV” không thuộc"):
        summarise_province(TREE, [ldtt_unit("SNV", 1, 1)], root="MC")


def test_a_tree_without_one_province_is_refused() -> None:
    with pytest.raises(RecordError, match="một đơn vị cấp tỉnh"):
        summarise_province([u for u in TREE if u.code != "TINH"], [ldtt_unit("SNV", 1, 1)])
