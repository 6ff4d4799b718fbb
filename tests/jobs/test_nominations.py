"""Nominations as the jobs handle them: each example nomination judged as the rules say, a new
proposal checked and saved, the report, the council's vote, who enters the dossier going up,
and what a decision may confer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.domain import ballot
from service.domain.errors import RecordError
from service.domain.records import CouncilVote, Nomination, ReportSection
from service.jobs import nominations as jobs
from service.jobs.records import import_dir
from service.store import db
from service.store.repository import load_all

EXAMPLE = Path(__file__).resolve().parents[2] / "records" / "son-la-2024"
ELIGIBLE = [
    "001", "002", "005", "006", "007", "008", "014", "015", "016", "017", "018", "019", "020",
    "021", "022", "025", "026", "027", "028", "029", "030",
]
# (code, outcome, the criterion that decides it, words of its explanation), as the comments of
# nominations.yaml give them.
REFUSED = [
    ("003", "not_eligible", "consecutive_cstdcs", "Năm 2022 không đạt danh hiệu Chiến sĩ thi đua"),
    ("009", "not_eligible", "not_pending", "đang trong thời gian xem xét kỷ luật"),
    ("011", "not_eligible", "no_discipline", "bị kỷ luật Khiển trách"),
    ("012", "not_eligible", "ldtt_rating", "xếp loại Hoàn thành nhiệm vụ (cần"),
    ("023", "not_eligible", "member_ldtt_share", "6/10 thành viên (60%)"),
    # The unit's own 2024 record has no member figures, but its nine people's records do:
    # 6/9 are Lao động tiên tiến and none is a Chiến sĩ thi đua cơ sở.
    ("024", "not_eligible", "member_ldtt_share", "6/9 thành viên (66,7%)"),
    ("004", "unknown", "consecutive_cstdcs", "Thiếu hồ sơ danh hiệu năm 2023"),
    # No outstanding result in the movement, no sudden achievement, no contribution recorded,
    # and no 2 consecutive years of CSTĐCS or HTXSNV.
    ("010", "not_eligible", "achievement", "Không đáp ứng điều kiện nào"),
    ("013", "unknown", "rating", "Thiếu xếp loại năm 2024"),
]


def _find(criteria, criterion_id):
    for c in criteria:
        if c.id == criterion_id:
            return c
        inner = _find(c.branches, criterion_id)
        if inner:
            return inner
    return None


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, jobs.Judged]:
    """Every example nomination judged once, on a database of its own."""
    url = f"sqlite:///{tmp_path_factory.mktemp('judged') / 'example.db'}"
    db.migrate(url)
    import_dir(EXAMPLE, url)
    with db.transaction(url) as session:
        out = {j.nomination.code: j for j in jobs.judge_all(
            session, load_all(session, "nominations"))}
    db.engine_for(url).dispose()
    return out


def test_every_example_nomination_is_judged(judged) -> None:
    assert len(judged) == 30
    assert all(j.verdict is not None and not j.error for j in judged.values())
    covered = set(ELIGIBLE) | {code for code, *_ in REFUSED}
    assert {f"DN2024-{c}" for c in covered} == set(judged)


@pytest.mark.parametrize("code", ELIGIBLE)
def test_eligible_nominations(judged, code: str) -> None:
    verdict = judged[f"DN2024-{code}"].verdict
    assert verdict.outcome == "eligible", [(c.id, c.status) for c in verdict.criteria]
    assert all(c.status == "met" for c in verdict.criteria)


@pytest.mark.parametrize(("code", "outcome", "criterion", "words"), REFUSED)
def test_refused_nominations_say_why(judged, code, outcome, criterion, words) -> None:
    verdict = judged[f"DN2024-{code}"].verdict
    assert verdict.outcome == outcome
    found = _find(verdict.criteria, criterion)
    assert found is not None
    assert found.status == ("not_met" if outcome == "not_eligible" else "unknown")
    assert words in found.explanation_vi
    assert found.article  # every reason names its article


def test_a_collective_is_judged_on_its_members_when_its_record_has_no_figures(example_db) -> None:
    with db.transaction(example_db) as session:
        n = load_all(session, "nominations", code="DN2024-024")[0]
        members = jobs.member_achievements(session, "H-SONGMA", 2024)
        verdict = jobs.verdict_for(session, n)
    assert len(members) == 9
    assert _find(verdict.criteria, "member_cstdcs").status == "not_met"


def test_the_decision_date_judges_else_the_end_of_the_year(example_db) -> None:
    with db.transaction(example_db) as session:
        conferred = load_all(session, "nominations", code="DN2024-001")[0]
        pending = load_all(session, "nominations", code="DN2024-014")[0]
        assert jobs.judging_date(session, conferred) == dt.date(2024, 12, 27)
        assert jobs.judging_date(session, pending) == dt.date(2024, 12, 31)
        with pytest.raises(RecordError, match="chưa có bộ tiêu chí"):
            jobs.verdict_for(session, pending, dt.date(2023, 6, 1))


# --- proposing ----------------------------------------------------------------------------------


def _new(example_db: str, **fields: str) -> Nomination:
    args = {"unit": "SNV", "kind": "individual", "nominee": "P0013", "honour": "CSTDCS"} | fields
    with db.transaction(example_db) as session:
        return jobs.new_nomination(session, args["unit"], 2024, args["kind"], args["nominee"],
                                   args["honour"], "Tóm tắt")


def test_propose_saves_and_returns_the_verdict(example_db) -> None:
    nomination, verdict = jobs.propose(example_db, _new(example_db))
    assert nomination.code == "DN2024-031"
    assert verdict.outcome == "not_eligible"
    assert _find(verdict.criteria, "achievement").status == "not_met"
    with db.transaction(example_db) as session:
        saved = load_all(session, "nominations", code="DN2024-031")[0]
    assert saved.person == "P0013" and saved.status == "proposed" and saved.unit == "SNV"


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"nominee": "P0031"}, "cá nhân", "không thuộc đơn vị đề nghị"),
        ({"nominee": "P0014"}, "danh hiệu/hình thức", "đã được đề nghị Chiến sĩ thi đua cơ sở"),
        ({"kind": "collective", "nominee": "SYT", "honour": "TTLDXS"}, "tập thể được đề nghị",
         "không thuộc đơn vị đề nghị"),
        ({"kind": "collective", "nominee": "SNV", "honour": "TTLDXS"}, "danh hiệu/hình thức",
         "đã được đề nghị"),
    ],
)
def test_propose_refuses_with_the_field_named(example_db, fields, field, words) -> None:
    with pytest.raises(RecordError) as caught:
        jobs.propose(example_db, _new(example_db, **fields))
    assert caught.value.problems[0].field == field
    assert words in str(caught.value)
    with db.transaction(example_db) as session:
        assert len(load_all(session, "nominations")) == 30


def test_a_unit_proposes_a_unit_under_it(example_db) -> None:
    nomination, verdict = jobs.propose(
        example_db, _new(example_db, kind="collective", nominee="BTDKT", honour="GK"))
    assert nomination.nominee_unit == "BTDKT" and verdict.honour == "GK"


def test_a_taken_code_is_refused(example_db) -> None:
    taken = _new(example_db).model_copy(update={"code": "DN2024-014"})
    with pytest.raises(RecordError, match="mã đề nghị “DN2024-014” đã có"):
        jobs.propose(example_db, taken)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"nominee": ""}, "chọn cán bộ được đề nghị"),
        ({"honour": ""}, "chọn danh hiệu hoặc hình thức khen thưởng"),
        ({"kind": "household", "nominee": " "}, "ghi tên hộ gia đình"),
        ({"honour": "TTLDXS"}, "Tập thể lao động xuất sắc không dành cho đối tượng này"),
        ({"honour": "XYZ"}, "“XYZ” không có trong danh mục"),
    ],
)
def test_a_form_missing_or_mismatched_is_refused_in_vietnamese(example_db, fields, words) -> None:
    with pytest.raises(RecordError, match=words):
        _new(example_db, **fields)


def test_next_code_counts_up_within_the_year(example_db) -> None:
    with db.transaction(example_db) as session:
        assert jobs.next_code(session, 2024) == "DN2024-031"
        assert jobs.next_code(session, 2025) == "DN2025-001"


# --- the report ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "honour", "first", "has_initiatives"),
    [
        ("individual", "CSTDT", "Sơ lược lý lịch", True),
        ("individual", "LDTT", "Sơ lược lý lịch", False),
        ("collective", "BKT", "Đặc điểm, tình hình", False),
        ("household", "BKT", "Sơ lược về hộ gia đình", False),
    ],
)
def test_report_headings_follow_the_form(kind, honour, first, has_initiatives) -> None:
    field = {"individual": "person", "collective": "nominee_unit", "household": "household"}[kind]
    n = Nomination(code="X", year=2024, unit="SNV", nominee_kind=kind, honour=honour,
                   **{field: "P1"})
    headings = jobs.report_headings(n)
    assert headings[0] == first
    assert headings[-1] == "Các hình thức khen thưởng đã được ghi nhận"
    assert "Thành tích đạt được" in headings
    assert (jobs.INITIATIVES_HEADING in headings) is has_initiatives


def test_save_report_keeps_the_written_sections(example_db) -> None:
    sections = [ReportSection(heading="Sơ lược lý lịch", text="Họ và tên: Phan Thị Giang."),
                ReportSection(heading="Thành tích đạt được", text="Hoàn thành xuất sắc."),
                ReportSection(heading="Các hình thức khen thưởng đã được ghi nhận", text=" ")]
    saved = jobs.save_report(example_db, "DN2024-014", sections)
    assert [s.heading for s in saved.report] == ["Sơ lược lý lịch", "Thành tích đạt được"]
    shown = jobs.report_sections(saved)
    assert [s.text for s in shown][-1] == ""  # the form still offers the empty section
    with pytest.raises(RecordError, match="chưa có nội dung"):
        jobs.save_report(example_db, "DN2024-014", sections[2:])
    with pytest.raises(RecordError, match="không có đề nghị mã “DN2024-999”"):
        jobs.save_report(example_db, "DN2024-999", sections)


# --- the council's vote ---------------------------------------------------------------------------


def _council(**changes: object) -> CouncilVote:
    data: dict = {
        "unit": "SNV", "year": 2024, "date": "09/12/2024", "place": "Phòng họp Sở Nội vụ",
        "members_total": 5, "present": ["Lù Văn Pánh", "Vũ Xuân Hùng", "Hà Đức Ngoan",
                                        "Đỗ Duy Nghĩa"], "absent": ["Bùi Thị Ánh"],
        "chair": "Lù Văn Pánh", "secretary": "Đỗ Duy Nghĩa",
        "votes": [{"nomination": "DN2024-014", "votes_for": 4},
                  {"nomination": "DN2024-015", "votes_for": 3}],
    }
    return CouncilVote.model_validate(data | changes)


def test_record_council_saves_and_the_outcomes_follow(example_db) -> None:
    jobs.record_council(example_db, "SNV", 2024, _council())
    with db.transaction(example_db) as session:
        outcomes = {o.nomination.code: o for o in jobs.vote_outcomes(session, "SNV", 2024)}
    assert outcomes["DN2024-014"].passed  # 4/5 = 80% for CSTĐCS
    assert outcomes["DN2024-015"].passed  # 3/5 > 50% for LĐTT
    assert not outcomes["DN2024-022"].passed
    assert outcomes["DN2024-022"].reason == "Hội đồng chưa bỏ phiếu cho đề nghị này."


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"votes": [{"nomination": "DN2024-014", "votes_for": 6}]},
         "số phiếu đồng ý (6) lớn hơn tổng số thành viên hội đồng (5)"),
        ({"members_total": 9},
         "hội đồng có 9 thành viên nhưng danh sách có mặt (4) và vắng mặt (1)"),
        ({"absent": ["Vũ Xuân Hùng"]}, "có tên ghi hai lần"),
        ({"chair": "Bùi Thị Ánh"}, "Bùi Thị Ánh phải có tên trong danh sách thành viên có mặt"),
        ({"votes": [{"nomination": "DN2024-001", "votes_for": 3}]},
         "đề nghị “DN2024-001” không phải của đơn vị"),
        ({"date": "09/12/2022"}, "không thuộc đợt xét năm 2024"),
        ({"date": "09/12/2025"}, "chưa tới"),
    ],
)
def test_record_council_refuses(example_db, changes, words) -> None:
    with pytest.raises(RecordError) as caught:
        jobs.record_council(example_db, "SNV", 2024, _council(**changes),
                            today=dt.date(2025, 1, 15))
    assert words in str(caught.value)


def test_parse_names_each_wrong_field_in_vietnamese() -> None:
    with pytest.raises(RecordError) as caught:
        jobs.parse(CouncilVote, {"unit": "SNV", "year": 2024, "date": "31/02/2024",
                                 "members_total": "chín", "chair": "", "secretary": "A"})
    fields = {p.field for p in caught.value.problems}
    assert {"ngày", "tổng số thành viên", "chủ trì"} <= fields
    assert "không có thật" in str(caught.value)


@pytest.mark.parametrize(
    ("unit", "short", "words"),
    [
        ("SGDDT", "DN2024-002", "8/9 thành viên đồng ý (88,9%), trong khi Chiến sĩ thi đua "
         "cấp tỉnh cần ít nhất 90% tổng số thành viên hội đồng"),
        ("X-CHIENGSON", "DN2024-017", "5/7 thành viên đồng ý (71,4%), trong khi Chiến sĩ thi "
         "đua cơ sở cần ít nhất 80% tổng số thành viên hội đồng"),
    ],
)
def test_a_nominee_short_of_the_vote_stays_out(example_db, unit, short, words) -> None:
    with db.transaction(example_db) as session:
        candidates = jobs.dossier_candidates(session, unit, 2024)
    out = {o.nomination.code: o for o in candidates.excluded if o.route == ballot.SHORT}
    assert list(out) == [short]
    assert out[short].reason.startswith("Không đạt: ") and words in out[short].reason
    assert "Điều 30 khoản 7" in out[short].reason
    assert all(c.vote.passed for c in candidates.included)


@pytest.mark.parametrize(
    ("honour", "passed", "outcome", "route"),
    [
        ("BKT", False, "eligible", ballot.SHORT),
        ("BKT", True, "not_eligible", ballot.INELIGIBLE),
        ("LDTT", True, "not_eligible", ballot.INELIGIBLE),
        ("LDTT", True, "eligible", ballot.OWN),
        ("GK", True, "unknown", ballot.OWN),
        ("TTLDTT", True, "eligible", ballot.OWN),
        ("BKT", True, "unknown", ballot.UP),  # the council vouched: up, with a warning
        ("CSTDT", True, "eligible", ballot.UP),
    ],
)
def test_after_the_ballot_a_nomination_goes_up_stays_with_the_head_or_nowhere(
    honour, passed, outcome, route
) -> None:
    assert ballot.route(honour, passed, outcome) == route


def test_the_dossier_takes_who_won_the_vote_is_not_ineligible_and_goes_up(example_db) -> None:
    with db.transaction(example_db) as session:
        units = sorted({n.unit for n in load_all(session, "nominations")})
        split = [jobs.dossier_candidates(session, u, 2024) for u in units]
    excluded = {c.nomination.code: c for s in split for c in s.excluded}
    included = {c.nomination.code: c for s in split for c in s.included}
    assert len(excluded) + len(included) == 30

    def routed(route: str) -> list[str]:
        return sorted(code[-3:] for code, c in excluded.items() if c.route == route)

    assert routed(ballot.SHORT) == ["002", "017"]
    assert routed(ballot.INELIGIBLE) == ["003", "009", "010", "011", "012", "023", "024"]
    # the unit's head's own titles and Giấy khen stay in the unit, whatever the unit
    assert routed(ballot.OWN) == ["013", "014", "015", "016", "018", "019", "020", "021", "025",
                                  "030"]
    assert excluded["DN2024-003"].reason.startswith("Không đủ điều kiện: Có 03 lần liên tục")
    assert excluded["DN2024-025"].reason == (
        "Tập thể lao động tiên tiến thuộc thẩm quyền Thủ trưởng đơn vị (Chủ tịch Ủy ban nhân dân "
        "huyện Mộc Châu quyết định), không trình cấp trên")
    assert sorted(code[-3:] for code in included) == [
        "001", "004", "005", "006", "007", "008", "022", "026", "027", "028", "029"]
    assert all(c.going_up and c.route == ballot.UP for c in included.values())


def test_a_nominee_going_up_that_the_records_cannot_judge_carries_a_warning(example_db) -> None:
    with db.transaction(example_db) as session:
        candidates = jobs.dossier_candidates(session, "SNNPTNT", 2024)
    assert [c.nomination.code for c in candidates.included] == ["DN2024-004"]
    assert candidates.warnings == [
        "DN2024-004 Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh): chưa đủ dữ liệu để xét điều kiện — "
        "chưa rõ tiêu chí “Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở” (Thiếu hồ sơ "
        "danh hiệu năm 2023: không đủ dữ liệu để kết luận). Cần xác nhận các tiêu chí này trước "
        "khi khen thưởng."]


def test_without_minutes_nobody_enters_the_dossier(example_db) -> None:
    with db.transaction(example_db) as session:
        candidates = jobs.dossier_candidates(session, "BTDKT", 2024)
        assert candidates.included == [] and candidates.excluded == []
    jobs.propose(example_db, _new(example_db, kind="collective", nominee="BTDKT", honour="GK",
                                  unit="BTDKT"))
    with db.transaction(example_db) as session:
        candidates = jobs.dossier_candidates(session, "BTDKT", 2024)
    assert candidates.excluded[0].reason.startswith("Chưa có biên bản họp hội đồng")


# --- the decision -----------------------------------------------------------------------------


def _decide(url: str, code: str, nominations: list[str]) -> None:
    from service.store import repository

    with db.transaction(url) as session:
        [decision] = load_all(session, "decisions", code=code)
        repository.save_decision(session, decision.model_copy(update={"nominations": nominations}))


def _check(url: str, code: str) -> jobs.DecisionCheck:
    with db.transaction(url) as session:
        decision = jobs.decision_of(session, 2024, code)
        nominations = [n for c in decision.nominations
                       for n in load_all(session, "nominations", code=c)]
        return jobs.check_decision(session, decision, nominations)


def test_the_example_decisions_confer_only_what_they_may(example_db) -> None:
    for code in ("QD2024-BKT", "QD2024-DHTD"):
        assert _check(example_db, code) == jobs.DecisionCheck([], [])


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("DN2024-010", "DN2024-010 Vì Văn Ân (Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh): "
                       "Không đủ điều kiện"),
        ("DN2024-025", "DN2024-025 Ủy ban nhân dân xã Mường Sang (Tập thể lao động tiên tiến): "
                       "Tập thể lao động tiên tiến thuộc thẩm quyền Thủ trưởng đơn vị (Chủ tịch "
                       "Ủy ban nhân dân huyện Mộc Châu quyết định), không thuộc thẩm quyền Chủ "
                       "tịch Ủy ban nhân dân tỉnh Sơn La"),
        ("DN2024-015", "DN2024-015 Đỗ Văn Đạt (Lao động tiên tiến): Lao động tiên tiến thuộc thẩm "
                       "quyền Thủ trưởng đơn vị (Giám đốc Sở Nội vụ quyết định)"),
        ("DN2024-030", "(Giấy khen): Giấy khen thuộc thẩm quyền Thủ trưởng đơn vị (Chủ tịch Ủy "
                       "ban nhân dân huyện Mai Sơn quyết định)"),
        ("DN2024-002", "DN2024-002 Trần Thị Ánh (Chiến sĩ thi đua cấp tỉnh): Không đạt: 8/9 thành "
                       "viên đồng ý"),
    ],
)
def test_the_province_refuses_to_confer_what_it_may_not(example_db, code, words) -> None:
    _decide(example_db, "QD2024-BKT", ["DN2024-005", code])
    found = _check(example_db, "QD2024-BKT")
    [problem] = found.refused
    assert str(problem).startswith("trường “đề nghị”: quyết định QD2024-BKT không thể khen "
                                   "thưởng DN2024-")
    assert words in str(problem)


def test_a_nomination_the_records_cannot_judge_is_conferred_with_a_warning(example_db) -> None:
    _decide(example_db, "QD2024-DHTD", ["DN2024-001", "DN2024-004"])
    found = _check(example_db, "QD2024-DHTD")
    assert found.refused == []
    [warning] = found.warnings
    assert warning.startswith("DN2024-004 Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh): chưa đủ dữ "
                              "liệu để xét điều kiện — chưa rõ tiêu chí “Có 03 lần liên tục")
    assert jobs.decision_warnings(2024, "QD2024-DHTD", example_db) == [warning]


def test_a_year_with_several_decisions_needs_the_decisions_code(example_db) -> None:
    with db.transaction(example_db) as session:
        with pytest.raises(RecordError) as caught:
            jobs.decision_of(session, 2024, None)
        assert "năm 2024 có 2 quyết định khen thưởng (QD2024-BKT, QD2024-DHTD)" in str(
            caught.value)
        with pytest.raises(RecordError, match="QD2024-BKT, QD2024-DHTD"):
            jobs.decision_of(session, 2024, "UBND-TINH")  # its issuer issued both
        assert jobs.decision_of(session, 2024, "QD2024-DHTD").number == 3216
