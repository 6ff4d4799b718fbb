"""Specs for the law as data: acts in force, base salary, rewards, council votes, rules data."""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from importlib import resources

import pytest

from service.domain import law
from service.domain.catalogue import HONOURS
from service.domain.errors import RecordError

ND98_DAY = date(2024, 12, 15)  # the 2024 example year's decisions fall under ND 98/2023
ND152_DAY = date(2025, 12, 15)


@pytest.mark.parametrize(
    ("on", "codes"),
    [
        (date(2023, 12, 31), []),
        (date(2024, 1, 1), ["LUAT06-2022", "ND98-2023"]),
        (ND98_DAY, ["LUAT06-2022", "ND98-2023"]),
        (date(2025, 6, 30), ["LUAT06-2022", "ND98-2023"]),
        (date(2025, 7, 1), ["LUAT06-2022", "ND152-2025", "TT15-2025"]),
        (ND152_DAY, ["LUAT06-2022", "ND152-2025", "TT15-2025"]),
    ],
)
def test_acts_in_force_on_a_date(on, codes):
    assert [a.code for a in law.acts_in_force(on)] == codes


def test_every_act_carries_its_confidence_as_eligibility_md_says():
    assert {a.code: a.confidence for a in law.acts()} == {
        "LUAT06-2022": "high",
        "ND98-2023": "medium",
        "ND152-2025": "medium",
        "TT15-2025": "low",
    }


@pytest.mark.parametrize(
    ("on", "amount"),
    [
        (date(2019, 7, 1), 1_490_000),
        (date(2023, 6, 30), 1_490_000),
        (date(2023, 7, 1), 1_800_000),
        (date(2024, 6, 30), 1_800_000),
        (date(2024, 7, 1), 2_340_000),
        (ND152_DAY, 2_340_000),
        (date(2026, 6, 30), 2_340_000),
        (date(2026, 7, 1), 2_530_000),
    ],
)
def test_base_salary_in_force_on_a_date(on, amount):
    assert law.base_salary(on) == amount


def test_base_salary_steps_name_their_source_and_flag_the_2026_value():
    assert law.salary_step(date(2024, 7, 1)).source == "Nghị định 73/2024/NĐ-CP"
    assert not law.salary_step(date(2024, 7, 1)).verify
    assert law.salary_step(date(2026, 7, 1)).verify


def test_no_base_salary_before_the_first_step():
    with pytest.raises(RecordError, match="lương cơ sở"):
        law.base_salary(date(2019, 6, 30))


@pytest.mark.parametrize(
    ("honour", "kind", "on", "coefficient", "amount", "act"),
    [
        ("LDTT", "individual", ND98_DAY, "0.3", 702_000, "ND98-2023"),  # ND 98: not rounded
        ("LDTT", "individual", ND152_DAY, "0.3", 710_000, "ND152-2025"),  # 702.000 → 710.000
        ("CSTDCS", "individual", ND98_DAY, "1.0", 2_340_000, "ND98-2023"),
        ("CSTDCS", "individual", ND152_DAY, "1.0", 2_340_000, "ND152-2025"),
        ("CSTDT", "individual", ND152_DAY, "3.0", 7_020_000, "ND152-2025"),
        ("TTLDTT", "collective", ND152_DAY, "0.8", 1_880_000, "ND152-2025"),  # 1.872.000 ↑
        ("TTLDTT", "collective", ND98_DAY, "0.8", 1_872_000, "ND98-2023"),
        ("TTLDXS", "collective", ND152_DAY, "1.5", 3_510_000, "ND152-2025"),
        ("CTDT", "collective", ND152_DAY, "8.0", 18_720_000, "ND152-2025"),
        ("BKT", "individual", ND152_DAY, "1.0", 2_340_000, "ND152-2025"),
        ("BKT", "collective", ND152_DAY, "3.0", 7_020_000, "ND152-2025"),
        ("GK", "individual", ND152_DAY, "0.3", 710_000, "ND152-2025"),
        ("GK", "collective", ND152_DAY, "0.6", 1_410_000, "ND152-2025"),  # 1.404.000 ↑
        ("CSTDCS", "individual", date(2024, 3, 1), "1.0", 1_800_000, "ND98-2023"),
        ("LDTT", "individual", date(2026, 12, 1), "0.3", 760_000, "ND152-2025"),  # 759.000 ↑
    ],
)
def test_reward_is_coefficient_times_base_salary_rounded_per_act(
    honour, kind, on, coefficient, amount, act
):
    r = law.reward(honour, kind, on)
    assert (r.coefficient, r.amount, r.act) == (Decimal(coefficient), amount, act)
    assert r.base_salary == law.base_salary(on)


@pytest.mark.parametrize("on", [ND98_DAY, ND152_DAY])
@pytest.mark.parametrize("honour", ["BKT", "GK"])
def test_household_receives_one_and_a_half_times_an_individual(honour, on):
    person, household = law.reward(honour, "individual", on), law.reward(honour, "household", on)
    assert household.coefficient == person.coefficient * Decimal("1.5")
    assert "hộ gia đình" in household.note


def test_household_bkt_amount():
    assert law.reward("BKT", "household", ND152_DAY).amount == 3_510_000  # 1,5 × 2.340.000


def test_household_amount_is_rounded_once_on_the_product():
    # 0,45 × 2.340.000 = 1.053.000 → 1.060.000 (not 1,5 × 710.000 = 1.065.000)
    assert law.reward("GK", "household", ND152_DAY).amount == 1_060_000


def test_reward_note_explains_the_rounding_of_nd152():
    note = law.reward("LDTT", "individual", ND152_DAY).note
    assert note.startswith("0,3 × 2.340.000 đồng = 702.000 đồng; làm tròn lên 10.000 đồng: 710.000")
    assert "Nghị định 152/2025/NĐ-CP" in note


def test_reward_under_nd98_flags_that_its_rounding_is_not_confirmed():
    r = law.reward("LDTT", "individual", ND98_DAY)
    assert "chưa được xác nhận" in r.note
    assert r.verify
    assert not law.reward("LDTT", "individual", ND152_DAY).verify


def test_reward_flags_low_confidence_coefficients_and_unverified_salary():
    assert law.reward("BKT", "individual", ND152_DAY).verify
    assert "hệ số cần xác minh" in law.reward("GK", "individual", ND152_DAY).note.casefold()
    later = law.reward("CSTDCS", "individual", date(2026, 12, 1))
    assert later.verify and "chưa xác minh" in later.note


@pytest.mark.parametrize(
    ("honour", "kind", "on"),
    [
        ("LDTT", "collective", ND152_DAY),
        ("CTDT", "individual", ND152_DAY),
        ("XYZ", "individual", ND152_DAY),
        ("LDTT", "individual", date(2023, 12, 20)),  # before the 2022 Law: no decree in the data
    ],
)
def test_reward_refuses_what_no_act_prices(honour, kind, on):
    with pytest.raises(RecordError):
        law.reward(honour, kind, on)


@pytest.mark.parametrize("on", [ND98_DAY, ND152_DAY])
@pytest.mark.parametrize(
    ("honour", "share"),
    [
        ("CSTDT", Fraction(9, 10)),
        ("CSTDCS", Fraction(4, 5)),
        ("CTDT", Fraction(4, 5)),
        ("LDTT", Fraction(1, 2)),
        ("TTLDTT", Fraction(1, 2)),
        ("TTLDXS", Fraction(1, 2)),
        ("BKT", Fraction(1, 2)),
        ("GK", Fraction(1, 2)),
    ],
)
def test_vote_threshold_share_of_all_members(honour, share, on):
    assert law.vote_rule(honour, on).share == share


def test_vote_thresholds_of_nd152_are_flagged_to_verify_those_of_nd98_are_not():
    before, after = law.vote_rule("CSTDT", ND98_DAY), law.vote_rule("CSTDT", ND152_DAY)
    assert (before.act, before.verify, before.confidence) == ("ND98-2023", False, "medium")
    assert before.citation == "Điều 30 khoản 7 Nghị định 98/2023/NĐ-CP"
    assert (after.act, after.verify) == ("ND152-2025", True)


def test_thresholds_not_in_the_decree_are_a_flagged_majority():
    rule = law.vote_rule("LDTT", ND98_DAY)
    assert rule.strict and rule.verify and rule.confidence == "low"


@pytest.mark.parametrize("on", [ND98_DAY, ND152_DAY])
@pytest.mark.parametrize(
    ("honour", "votes_for", "members_total", "passes"),
    [
        ("CSTDCS", 8, 10, True),  # exactly 80%
        ("CSTDCS", 7, 10, False),
        ("CSTDCS", 79, 100, False),
        ("CSTDCS", 4, 5, True),
        ("CTDT", 12, 15, True),  # exactly 80%
        ("CTDT", 11, 15, False),
        ("CSTDT", 9, 10, True),  # exactly 90%
        ("CSTDT", 89, 100, False),
        ("CSTDT", 18, 20, True),
        ("CSTDT", 9, 11, False),  # 81,8%: of ALL members, not of those present
        ("CSTDT", 10, 11, True),
        ("LDTT", 5, 10, False),  # a majority means more than half
        ("LDTT", 6, 10, True),
        ("GK", 0, 1, False),
    ],
)
def test_vote_passes_at_the_boundaries(honour, votes_for, members_total, passes, on):
    assert law.vote_passes(honour, votes_for, members_total, on) is passes


@pytest.mark.parametrize(("votes_for", "members_total"), [(11, 10), (-1, 10), (0, 0)])
def test_vote_passes_refuses_impossible_counts(votes_for, members_total):
    with pytest.raises(RecordError, match="phiếu"):
        law.vote_passes("CSTDCS", votes_for, members_total, ND152_DAY)


def test_rules_data_ships_inside_the_package():
    names = {p.name for p in resources.files("service.domain.rules").iterdir()}
    assert {"acts.yaml", "criteria.yaml", "provinces.yaml"} <= names


EVERY_PERIOD = [date(2024, 1, 1), date(2025, 6, 30), date(2025, 7, 1), date(2030, 1, 1)]


@pytest.mark.parametrize("on", EVERY_PERIOD)
@pytest.mark.parametrize(
    ("honour", "kind"), [(h.code, k) for h in HONOURS for k in sorted(h.nominees)]
)
def test_every_honour_and_kind_has_rules_a_price_and_a_vote_on_every_day_since_2024(
    honour, kind, on
):
    applicable = law.applicable_rules(honour, kind, on, "SL")
    assert len(applicable.rule_sets) == 2
    assert law.reward(honour, kind, on).amount > 0
    assert law.vote_rule(honour, on).share > 0


def _ids(specs):
    return [i for s in specs for i in [s.id, *_ids(s.branches)]]


@pytest.mark.parametrize("on", [ND98_DAY, ND152_DAY])
@pytest.mark.parametrize(
    ("honour", "kind"), [(h.code, k) for h in HONOURS for k in sorted(h.nominees)]
)
def test_criteria_have_unique_ids_a_citation_a_label_and_a_confidence(honour, kind, on):
    rule_sets = law.applicable_rules(honour, kind, on, "SL").rule_sets
    specs = [c for rs in rule_sets for c in rs.criteria]
    ids = _ids(specs)
    assert len(ids) == len(set(ids))
    stack = list(specs)
    while stack:
        spec = stack.pop()
        assert spec.citation and spec.label_vi
        assert spec.confidence in {"high", "medium", "low"}
        stack.extend(spec.branches)


def test_general_rules_change_with_the_decree_in_force():
    before = law.applicable_rules("LDTT", "individual", ND98_DAY, "SL").rule_sets[0]
    after = law.applicable_rules("LDTT", "individual", ND152_DAY, "SL").rule_sets[0]
    assert (before.id, after.id) == ("CHUNG-ND98", "CHUNG-ND152")
    assert after.criteria[0].citation == "Điều 4 Nghị định 152/2025/NĐ-CP"
    assert before.criteria[0].confidence == "low"


def test_general_discipline_criterion_applies_to_individual_titles_only():
    def ids(honour, kind):
        general = law.applicable_rules(honour, kind, ND152_DAY, "SL").rule_sets[0]
        return [c.id for c in general.criteria]

    assert ids("CSTDT", "individual") == ["not_pending", "no_discipline"]
    assert ids("GK", "individual") == ["not_pending"]
    assert ids("TTLDTT", "collective") == ["not_pending"]


def test_province_override_replaces_a_threshold_and_cites_its_source():
    applicable = law.applicable_rules("TTLDTT", "collective", ND152_DAY, "BN")
    share = next(c for c in applicable.rule_sets[1].criteria if c.id == "member_ldtt_share")
    assert share.params == {"field": "ldtt", "min_share": 0.7, "strict": False}
    assert share.confidence == "high"
    assert share.citation.endswith("Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh")
    assert any("Bắc Ninh" in n for n in applicable.notes)


def test_national_value_applies_in_son_la_and_in_an_unknown_province():
    for province in ("SL", "ZZ"):
        applicable = law.applicable_rules("TTLDTT", "collective", ND152_DAY, province)
        share = next(c for c in applicable.rule_sets[1].criteria if c.id == "member_ldtt_share")
        assert share.params["min_share"] == 0.5 and share.params["strict"]
    unknown = law.applicable_rules("TTLDTT", "collective", ND152_DAY, "ZZ")
    assert "ZZ" in unknown.notes[0]
    assert law.provinces()["SL"] == "Sơn La"


@pytest.mark.parametrize(
    ("honour", "kind", "on"),
    [
        ("LDTT", "collective", ND152_DAY),
        ("XYZ", "individual", ND152_DAY),
        ("LDTT", "individual", date(2023, 12, 20)),
    ],
)
def test_applicable_rules_refuses_what_the_data_does_not_cover(honour, kind, on):
    with pytest.raises(RecordError):
        law.applicable_rules(honour, kind, on, "SL")
