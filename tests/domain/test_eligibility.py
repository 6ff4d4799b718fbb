"""Specs for the eligibility engine: every criterion met, not met and unknown; the rules in force
on the decision date; province overrides; discipline, pending cases and used initiatives."""

from dataclasses import dataclass, field
from datetime import date

import pytest

from service.domain import law
from service.domain.catalogue import HONOURS
from service.domain.eligibility import CHECKS, GROUPS, CriterionResult, judge
from service.domain.errors import RecordError
from service.domain.records import Achievement, Discipline, Initiative, MemberStats

Y = 2024
ND98_DAY = date(2024, 12, 15)
ND152_DAY = date(2025, 7, 15)  # a late decision on 2024: judged under ND 152/2025
STATUSES = ("met", "not_met", "unknown")


def me(year=Y, **kw):
    return Achievement(person="NV01", year=year, **kw)


def unit(year=Y, **kw):
    return Achievement(unit="DV01", year=year, **kw)


def home(year=Y, **kw):
    return Achievement(person="HGD01", year=year, **kw)


SUBJECT = {"individual": me, "collective": unit, "household": home}


def init(name, scope="co_so", used_for=""):
    return Initiative(name=name, scope=scope, used_for=used_for)


def stats(total=10, completed=10, ldtt=8, cstdcs=1, serious=0):
    return MemberStats(
        total=total, completed=completed, ldtt=ldtt, cstdcs=cstdcs, disciplined_serious=serious
    )


def cstdcs(year):
    return me(year, honours=[{"code": "CSTDCS"}])


@dataclass
class S:
    """A scenario: the nominee's history, the members' records, what the council attests."""

    history: list = field(default_factory=list)
    members: list | None = None
    attested: dict | None = None


def flag_cases(kind, name):
    """A yes/no fact: from the record's own field when it has one, else from the council."""
    subject = SUBJECT[kind]
    if name in Achievement.model_fields:
        return {
            "met": S([subject(**{name: True})]),
            "not_met": S([subject(**{name: False})]),
            "unknown": S([subject()]),
        }
    return {
        "met": S([subject()], attested={name: True}),
        "not_met": S([subject()], attested={name: False}),
        "unknown": S([subject()]),
    }


def rating_cases(kind, needed, below):
    subject = SUBJECT[kind]
    return {
        "met": S([subject(rating=needed)]),
        "not_met": S([subject(rating=below)]),
        "unknown": S([subject()]),
    }


NO_SUDDEN_NO_CONTRIBUTION = {"sudden_achievement": False, "contribution": False}


def general_cases():
    cases = {}
    for h in HONOURS:
        for kind in h.nominees:
            subject = SUBJECT[kind]
            cases[(h.code, kind, "not_pending")] = {
                "met": S([subject()]),
                "not_met": S([subject(pending_review=True)]),
                "unknown": S([]),
            }
    for code in ("LDTT", "CSTDCS", "CSTDT"):
        cases[(code, "individual", "no_discipline")] = {
            "met": S([me()]),
            "not_met": S([me(discipline=Discipline(form="khien_trach"))]),
            "unknown": S([]),
        }
    return cases


def individual_title_cases():
    return {
        ("LDTT", "individual", "rating"): rating_cases("individual", "HTTNV", "HTNV"),
        ("CSTDCS", "individual", "ldtt_rating"): rating_cases("individual", "HTTNV", "HTNV"),
        ("CSTDCS", "individual", "excellent_rating"): rating_cases("individual", "HTXSNV", "HTTNV"),
        ("CSTDCS", "individual", "initiative"): {
            "met": S([me(initiatives=[init("Số hoá hồ sơ")])]),
            "not_met": S([me(initiatives=[init("Số hoá hồ sơ", used_for="LĐTT 2023")])]),
            "unknown": S([]),
        },
        ("CSTDCS", "individual", "science_work"): {
            "met": S([me(science_works=["Đề tài giống chè Shan tuyết"])]),
            "not_met": S([me()]),
            "unknown": S([]),
        },
        ("CSTDCS", "individual", "achievement"): {
            "met": S([me(rating="HTXSNV")]),
            "not_met": S([me(rating="HTTNV")]),
            "unknown": S([me()]),  # rating missing, no initiative, no science work
        },
        ("CSTDT", "individual", "consecutive_cstdcs"): {
            "met": S([cstdcs(2022), cstdcs(2023), cstdcs(2024)]),
            "not_met": S([cstdcs(2022), me(2023), cstdcs(2024)]),
            "unknown": S([cstdcs(2023), cstdcs(2024)]),
        },
        ("CSTDT", "individual", "provincial_initiative"): {
            "met": S([me(2022), me(2023, initiatives=[init("Chuyển đổi số", "tinh")]), me()]),
            "not_met": S([me(2022), me(2023), me(initiatives=[init("Chuyển đổi số")])]),
            "unknown": S([me(2023), me()]),
        },
    }


def collective_title_cases():
    members_unsure = [me(rating="HTNV") for _ in range(9)] + [me()]
    no_members = S([unit()])
    return {
        ("TTLDTT", "collective", "rating"): rating_cases("collective", "HTTNV", "HTNV"),
        ("TTLDTT", "collective", "member_ldtt_share"): {
            "met": S([unit(members=stats(ldtt=6))]),
            "not_met": S([unit(members=stats(ldtt=5))]),  # 50% is not more than half
            "unknown": no_members,
        },
        ("TTLDTT", "collective", "members_not_disciplined"): {
            "met": S([unit(members=stats())]),
            "not_met": S([unit(members=stats(serious=1))]),
            "unknown": no_members,
        },
        ("TTLDXS", "collective", "rating"): rating_cases("collective", "HTXSNV", "HTTNV"),
        ("TTLDXS", "collective", "members_completed"): {
            "met": S([unit(members=stats())]),
            "not_met": S([unit(members=stats(completed=9))]),
            "unknown": S([unit()], members=members_unsure),
        },
        ("TTLDXS", "collective", "member_ldtt_share"): {
            "met": S([unit(members=stats(ldtt=7))]),
            "not_met": S([unit(members=stats(ldtt=6))]),
            "unknown": no_members,
        },
        ("TTLDXS", "collective", "member_cstdcs"): {
            "met": S([unit(members=stats(cstdcs=1))]),
            "not_met": S([unit(members=stats(cstdcs=0))]),
            "unknown": no_members,
        },
        ("TTLDXS", "collective", "members_not_disciplined"): {
            "met": S([unit(members=stats())]),
            "not_met": S([unit(members=stats(serious=2))]),
            "unknown": no_members,
        },
        ("CTDT", "collective", "cluster_leader"): flag_cases("collective", "cluster_leader"),
        ("CTDT", "collective", "targets_exceeded"): flag_cases("collective", "targets_exceeded"),
        ("CTDT", "collective", "provincial_example"): flag_cases(
            "collective", "movement_outstanding"
        ),
        ("CTDT", "collective", "organisations_excellent"): flag_cases(
            "collective", "orgs_excellent"
        ),
    }


def bkt_individual_cases():
    key = ("BKT", "individual")
    nothing = {"movement_outstanding": False}
    return {
        (*key, "exemplary"): flag_cases("individual", "exemplary"),
        (*key, "branch_1_movement"): flag_cases("individual", "movement_outstanding"),
        (*key, "branch_2_sudden"): flag_cases("individual", "sudden_achievement"),
        (*key, "branch_3_contribution"): flag_cases("individual", "contribution"),
        (*key, "branch_4a_cstdcs"): {
            "met": S([cstdcs(2023), cstdcs(2024)]),
            "not_met": S([me(2023), cstdcs(2024)]),
            "unknown": S([cstdcs(2024)]),
        },
        (*key, "branch_4b_rating"): {
            "met": S([me(2023, rating="HTXSNV"), me(rating="HTXSNV")]),
            "not_met": S([me(2023, rating="HTTNV"), me(rating="HTXSNV")]),
            "unknown": S([me(rating="HTXSNV")]),
        },
        (*key, "branch_4b_initiatives"): {
            "met": S([me(2023, initiatives=[init("A")]), me(science_works=["Đề tài B"])]),
            "not_met": S([me(2023, initiatives=[init("A")]), me()]),
            "unknown": S([me(initiatives=[init("A")])]),
        },
        (*key, "branch_4b"): {
            "met": S([me(2023, rating="HTXSNV", initiatives=[init("A")]),
                      me(rating="HTXSNV", initiatives=[init("B")])]),
            "not_met": S([me(2023, rating="HTTNV", initiatives=[init("A")]),
                          me(rating="HTXSNV", initiatives=[init("B")])]),
            "unknown": S([me(rating="HTXSNV", initiatives=[init("B")])]),
        },
        (*key, "branch_4"): {
            "met": S([cstdcs(2023), cstdcs(2024)]),  # no initiative needed on this reading
            "not_met": S([me(2023, rating="HTTNV"), me(rating="HTXSNV")]),
            "unknown": S([me(rating="HTXSNV")]),
        },
        (*key, "achievement"): {
            "met": S([me(movement_outstanding=True)]),
            "not_met": S([me(2023, rating="HTTNV"), me(**nothing)],
                         attested=NO_SUDDEN_NO_CONTRIBUTION),
            "unknown": S([me(2023, rating="HTTNV"), me(**nothing)]),
        },
    }


def award_cases():
    cases = {}
    for kind in ("collective",):
        key = ("BKT", kind)
        cases |= {
            (*key, "exemplary"): flag_cases(kind, "exemplary"),
            (*key, "branch_1_movement"): flag_cases(kind, "movement_outstanding"),
            (*key, "branch_2_sudden"): flag_cases(kind, "sudden_achievement"),
            (*key, "branch_3_contribution"): flag_cases(kind, "contribution"),
            (*key, "branch_4_excellent"): {
                "met": S([unit(2023, rating="HTXSNV"), unit(rating="HTXSNV")]),
                "not_met": S([unit(2023, rating="HTTNV"), unit(rating="HTXSNV")]),
                "unknown": S([unit(rating="HTXSNV")]),
            },
            (*key, "achievement"): {
                "met": S([unit(2023, rating="HTXSNV"), unit(rating="HTXSNV")]),
                "not_met": S([unit(2023, rating="HTTNV"), unit(movement_outstanding=False)],
                             attested=NO_SUDDEN_NO_CONTRIBUTION),
                "unknown": S([unit(movement_outstanding=False)],
                             attested=NO_SUDDEN_NO_CONTRIBUTION),
            },
        }
    cases |= {
        ("BKT", "household", "exemplary"): flag_cases("household", "exemplary"),
        ("BKT", "household", "household_contribution"): flag_cases(
            "household", "household_contribution"
        ),
    }
    for kind in ("individual", "collective"):
        subject = SUBJECT[kind]
        cases |= {
            ("GK", kind, "exemplary"): flag_cases(kind, "exemplary"),
            ("GK", kind, "rating"): rating_cases(kind, "HTTNV", "HTNV"),
            ("GK", kind, "branch_1_movement"): flag_cases(kind, "movement_outstanding"),
            ("GK", kind, "branch_2_sudden"): flag_cases(kind, "sudden_achievement"),
            ("GK", kind, "achievement"): {
                "met": S([subject()], attested={"sudden_achievement": True}),
                "not_met": S([subject(movement_outstanding=False)],
                             attested={"sudden_achievement": False}),
                "unknown": S([subject(movement_outstanding=False)]),
            },
        }
    cases |= {
        ("GK", "household", "exemplary"): flag_cases("household", "exemplary"),
        ("GK", "household", "branch_1_contribution"): flag_cases(
            "household", "household_contribution"
        ),
        ("GK", "household", "branch_2_movement"): flag_cases("household", "movement_outstanding"),
        ("GK", "household", "achievement"): {
            "met": S([home(movement_outstanding=True)]),
            "not_met": S([home(movement_outstanding=False)],
                         attested={"household_contribution": False}),
            "unknown": S([home()], attested={"household_contribution": False}),
        },
    }
    return cases


CASES = (
    general_cases()
    | individual_title_cases()
    | collective_title_cases()
    | bkt_individual_cases()
    | award_cases()
)


def find(results, criterion_id) -> CriterionResult:
    for r in results:
        if r.id == criterion_id:
            return r
        inner = find(r.branches, criterion_id) if r.branches else None
        if inner:
            return inner
    return None


def run(honour, kind, scenario, on=ND98_DAY, province="SL"):
    history = {a.year: a for a in scenario.history}
    return judge(honour, kind, history, Y, on, province, scenario.members, scenario.attested)


def _ids(specs):
    return {i for s in specs for i in {s.id} | _ids(s.branches)}


@pytest.mark.parametrize("on", [ND98_DAY, ND152_DAY])
def test_the_table_covers_every_criterion_in_the_rules_data(on):
    in_data = {
        (h.code, kind, cid)
        for h in HONOURS
        for kind in h.nominees
        for rs in law.applicable_rules(h.code, kind, on, "SL").rule_sets
        for cid in _ids(rs.criteria)
    }
    assert in_data == set(CASES)
    assert all(set(v) == set(STATUSES) for v in CASES.values())


@pytest.mark.parametrize("on", [ND98_DAY, ND152_DAY])
@pytest.mark.parametrize(
    ("honour", "kind", "criterion", "status"),
    [(*key, status) for key in CASES for status in STATUSES],
)
def test_each_criterion_met_not_met_and_unknown(honour, kind, criterion, status, on):
    verdict = run(honour, kind, CASES[(honour, kind, criterion)][status], on)
    result = find(verdict.criteria, criterion)
    assert result.status == status, result.explanation_vi
    assert result.article and result.label_vi and result.explanation_vi.endswith((".", ")"))
    assert result.confidence in {"high", "medium", "low"}
    if status == "not_met" and result in verdict.criteria:
        assert verdict.outcome == "not_eligible"


def test_every_check_in_the_data_is_known_to_the_engine():
    checks = set()
    stack = [c for h in HONOURS for k in h.nominees
             for rs in law.applicable_rules(h.code, k, ND152_DAY, "SL").rule_sets
             for c in rs.criteria]
    while stack:
        spec = stack.pop()
        checks.add(spec.check)
        stack.extend(spec.branches)
    assert checks <= set(CHECKS) | set(GROUPS)


@pytest.mark.parametrize(
    ("history", "text"),
    [
        ([me(rating="HTTNV")],
         "Năm 2024 xếp loại Hoàn thành tốt nhiệm vụ (cần Hoàn thành xuất sắc nhiệm vụ)."),
        ([me(rating="HTXSNV")],
         "Xếp loại năm 2024: Hoàn thành xuất sắc nhiệm vụ (cần Hoàn thành xuất sắc nhiệm vụ)."),
        ([me()], "Thiếu xếp loại năm 2024: không đủ dữ liệu để kết luận."),
    ],
)
def test_explanations_name_the_year_and_the_value_seen(history, text):
    verdict = run("CSTDCS", "individual", S(history))
    assert find(verdict.criteria, "excellent_rating").explanation_vi == text


def test_missing_years_are_named():
    verdict = run("BKT", "individual", S([me(rating="HTXSNV")]))
    assert find(verdict.criteria, "branch_4b_rating").explanation_vi == (
        "Thiếu xếp loại năm 2023: không đủ dữ liệu để kết luận."
    )


def test_member_share_explains_counts_and_threshold():
    verdict = run("TTLDTT", "collective", S([unit(rating="HTTNV", members=stats(ldtt=6))]))
    assert find(verdict.criteria, "member_ldtt_share").explanation_vi == (
        "Năm 2024 có 6/10 thành viên (60%) đạt danh hiệu Lao động tiên tiến (cần trên 50%)."
    )


@pytest.mark.parametrize(
    ("history", "outcome"),
    [
        ([me(rating="HTTNV")], "eligible"),
        ([me(rating="HTNV")], "not_eligible"),
        ([me()], "unknown"),
        ([], "unknown"),
        ([me(rating="HTXSNV", pending_review=True)], "not_eligible"),
    ],
)
def test_outcome_from_the_criteria(history, outcome):
    assert run("LDTT", "individual", S(history)).outcome == outcome


def test_a_failed_criterion_outweighs_an_unknown_one():
    verdict = run("CSTDCS", "individual", S([me(rating="HTNV")]))  # no initiative data either
    assert verdict.outcome == "not_eligible"


def test_eligible_collective_and_award_verdicts():
    excellent = unit(rating="HTXSNV", members=stats())
    assert run("TTLDXS", "collective", S([excellent])).outcome == "eligible"
    assert run("TTLDTT", "collective", S([excellent])).outcome == "eligible"
    person = S([me(rating="HTXSNV", exemplary=True, movement_outstanding=True)])
    assert run("BKT", "individual", person).outcome == "eligible"
    assert run("GK", "individual", person).outcome == "eligible"


@pytest.mark.parametrize(("honour", "kind"), [(h.code, k) for h in HONOURS for k in h.nominees])
def test_a_pending_review_bars_every_title_and_award(honour, kind):
    verdict = run(honour, kind, S([SUBJECT[kind](pending_review=True)]))
    assert verdict.outcome == "not_eligible"
    assert find(verdict.criteria, "not_pending").status == "not_met"


def test_the_rules_in_force_on_the_decision_date_judge_the_nomination():
    scenario = S([me(rating="HTTNV")])
    before, after = run("LDTT", "individual", scenario, ND98_DAY), run(
        "LDTT", "individual", scenario, ND152_DAY
    )
    assert "CHUNG-ND98" in before.rule_set and "CHUNG-ND152" in after.rule_set
    old, new = find(before.criteria, "not_pending"), find(after.criteria, "not_pending")
    assert (old.confidence, new.confidence) == ("low", "medium")
    assert new.article == "Điều 4 Nghị định 152/2025/NĐ-CP"
    assert "Nghị định 98/2023/NĐ-CP" in old.article
    assert not any("thai sản" in n for n in before.notes)
    assert any("thai sản" in n for n in after.notes)  # ND 152 Điều 4 only
    vote_before = next(n for n in before.notes if n.startswith("Bình xét"))
    vote_after = next(n for n in after.notes if n.startswith("Bình xét"))
    assert "Điều 30 khoản 7 Nghị định 98/2023/NĐ-CP" in vote_before
    assert "Nghị định 152/2025/NĐ-CP" in vote_after and "cần xác minh" in vote_after


def test_a_decision_before_the_2022_law_has_no_rules():
    with pytest.raises(RecordError, match="chưa có bộ tiêu chí"):
        run("LDTT", "individual", S([me(rating="HTTNV")]), date(2023, 12, 20))


@pytest.mark.parametrize(
    ("ldtt", "province", "status"),
    [
        (6, "SL", "met"),  # 60% > 50% (the Law)
        (5, "SL", "not_met"),  # 50% is not more than half
        (6, "BN", "not_met"),  # Bắc Ninh: at least 70%
        (7, "BN", "met"),
        (6, "ZZ", "met"),  # no settings for that province: the Law's value
    ],
)
def test_a_province_override_changes_the_verdict(ldtt, province, status):
    scenario = S([unit(rating="HTTNV", members=stats(ldtt=ldtt))])
    verdict = run("TTLDTT", "collective", scenario, ND152_DAY, province)
    result = find(verdict.criteria, "member_ldtt_share")
    assert result.status == status
    assert verdict.outcome == ("eligible" if status == "met" else "not_eligible")
    if province == "BN":
        assert "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh" in result.article
        assert "ít nhất 70%" in result.explanation_vi


def test_discipline_still_running_into_the_year_bars_the_title():
    history = [me(2023, discipline=Discipline(form="canh_cao", until="30/06/2024")),
               me(rating="HTXSNV")]
    result = find(run("LDTT", "individual", S(history)).criteria, "no_discipline")
    assert result.status == "not_met"
    assert "30/06/2024" in result.explanation_vi and "Cảnh cáo" in result.explanation_vi


def test_discipline_of_the_year_names_its_form():
    history = [me(rating="HTXSNV", discipline=Discipline(form="khien_trach", decision="QĐ 12"))]
    result = find(run("LDTT", "individual", S(history)).criteria, "no_discipline")
    assert result.explanation_vi.startswith("Năm 2024 bị kỷ luật Khiển trách (QĐ 12)")


def test_achievements_before_a_discipline_ends_do_not_count():
    history = [cstdcs(2022), me(2023, honours=[{"code": "CSTDCS"}],
                                discipline=Discipline(form="khien_trach")), cstdcs(2024)]
    result = find(run("CSTDT", "individual", S(history)).criteria, "consecutive_cstdcs")
    assert result.status == "not_met"
    assert "Năm 2022 và 2023 không được tính vì có kỷ luật" in result.explanation_vi


def test_discipline_is_not_a_criterion_of_awards():
    history = [me(exemplary=True, movement_outstanding=True, rating="HTTNV",
                  discipline=Discipline(form="khien_trach"))]
    verdict = run("GK", "individual", S(history))
    assert find(verdict.criteria, "no_discipline") is None
    assert verdict.outcome == "eligible"


def test_an_initiative_serves_once_and_the_verdict_says_so():
    history = [me(rating="HTTNV", initiatives=[init("Số hoá hồ sơ", used_for="CSTĐCS năm 2023")])]
    verdict = run("CSTDCS", "individual", S(history))
    assert find(verdict.criteria, "initiative").status == "not_met"
    assert "Sáng kiến “Số hoá hồ sơ” đã được dùng cho CSTĐCS năm 2023: không tính lại." in (
        verdict.notes
    )


def test_a_science_work_of_unknown_scope_leaves_a_provincial_criterion_open():
    history = [me(2022), me(2023), me(science_works=["Đề tài quản lý rừng"])]
    result = find(run("CSTDT", "individual", S(history)).criteria, "provincial_initiative")
    assert result.status == "unknown"
    assert "chưa rõ phạm vi" in result.explanation_vi


def test_bkt_branch_four_reading_is_flagged_in_its_explanation():
    verdict = run("BKT", "individual", S([cstdcs(2023), cstdcs(2024)]))
    branch = find(verdict.criteria, "branch_4")
    assert branch.status == "met"
    assert "cần xác minh" in branch.explanation_vi
    assert find(verdict.criteria, "achievement").status == "met"


@pytest.mark.parametrize(
    ("history", "branch_a", "branch_b", "expected"),
    [
        ([cstdcs(2023), me(rating="HTTNV", honours=[{"code": "CSTDCS"}])], "met", "not_met", "met"),
        ([me(2023, honours=[{"code": "CSTDCS"}], initiatives=[init("A")]),
          me(honours=[{"code": "CSTDCS"}], initiatives=[init("B")])], "met", "unknown", "met"),
        ([me(2023, rating="HTXSNV", initiatives=[init("A")]),
          me(rating="HTXSNV", initiatives=[init("B")])], "not_met", "met", "met"),
        ([me(2023, rating="HTTNV"), me(rating="HTXSNV")], "not_met", "not_met", "not_met"),
        ([me(rating="HTTNV", honours=[{"code": "CSTDCS"}])], "unknown", "not_met", "unknown"),
        ([me(rating="HTXSNV", honours=[{"code": "CSTDCS"}])], "unknown", "unknown", "unknown"),
    ],
)
def test_any_of_combinations(history, branch_a, branch_b, expected):
    """BKT branch 4: (4a) two CSTĐCS years, or (4b) two HTXSNV years with two initiatives."""
    criteria = run("BKT", "individual", S(history)).criteria
    assert find(criteria, "branch_4a_cstdcs").status == branch_a
    assert find(criteria, "branch_4b").status == branch_b
    assert find(criteria, "branch_4").status == expected


def test_members_records_stand_in_for_missing_member_stats():
    members = [
        me(rating="HTXSNV", honours=[{"code": "CSTDCS"}]),  # a CSTĐCS counts as LĐTT too
        *[me(rating="HTTNV", honours=[{"code": "LDTT"}]) for _ in range(6)],
        *[me(rating="HTNV") for _ in range(3)],
        me(2023, rating="KHTNV"),  # another year: ignored
    ]
    verdict = run("TTLDXS", "collective", S([unit(rating="HTXSNV")], members=members))
    assert find(verdict.criteria, "members_completed").status == "met"
    assert find(verdict.criteria, "member_ldtt_share").explanation_vi.startswith(
        "Năm 2024 có 7/10 thành viên (70%)"
    )
    assert find(verdict.criteria, "member_cstdcs").status == "met"
    assert verdict.outcome == "eligible"


def test_member_stats_win_over_member_records():
    members = [me(rating="KHTNV") for _ in range(10)]
    verdict = run("TTLDTT", "collective", S([unit(rating="HTTNV", members=stats())], members))
    assert find(verdict.criteria, "member_ldtt_share").status == "met"


def test_a_seriously_disciplined_member_bars_collective_titles():
    members = [me(rating="HTTNV", honours=[{"code": "LDTT"}]) for _ in range(9)]
    members.append(me(rating="HTNV", discipline=Discipline(form="canh_cao")))
    verdict = run("TTLDTT", "collective", S([unit(rating="HTTNV")], members=members))
    result = find(verdict.criteria, "members_not_disciplined")
    assert result.status == "not_met"
    assert result.explanation_vi == (
        "Năm 2024 có 1 thành viên bị kỷ luật từ cảnh cáo trở lên (không được có)."
    )


def test_verdict_carries_the_vote_threshold_and_qualitative_notes():
    verdict = run("CSTDT", "individual", S([me()]))
    assert any("ít nhất 90% tổng số thành viên" in n for n in verdict.notes)
    verdict = run("CTDT", "collective", S([unit()]))
    assert any("Mỗi cụm, khối thi đua" in n for n in verdict.notes)


@pytest.mark.parametrize(("honour", "kind"), [("LDTT", "collective"), ("XYZ", "individual")])
def test_judge_refuses_an_honour_the_nominee_cannot_receive(honour, kind):
    with pytest.raises(RecordError):
        run(honour, kind, S([]))
