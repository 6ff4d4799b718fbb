"""The example province (records/son-la-2024): every file validates, references hold, and the
directive's records reproduce the seed document line by line."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from service.domain.records import (
    Achievement,
    CouncilVote,
    Decision,
    Movement,
    Nomination,
    Person,
    Registration,
    TargetResults,
    Unit,
)

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "records" / "son-la-2024"
from ..conftest import SEED  # type: ignore[import-not-found]  # noqa: E402

LIST_FILES = {
    "units.yaml": Unit,
    "people.yaml": Person,
    "registrations.yaml": Registration,
    "achievements.yaml": Achievement,
    "nominations.yaml": Nomination,
    "council_votes.yaml": CouncilVote,
    "decisions.yaml": Decision,
    "results.yaml": TargetResults,
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def raw(name: str):
    return yaml.safe_load((RECORDS / name).read_text(encoding="utf-8"))


@cache
def records(name: str) -> tuple:
    return tuple(LIST_FILES[name].model_validate(item) for item in raw(name))


@cache
def movement() -> Movement:
    return Movement.model_validate(raw("movement.yaml"))


def units() -> dict[str, Unit]:
    return {u.code: u for u in records("units.yaml")}


def people() -> dict[str, Person]:
    return {p.code: p for p in records("people.yaml")}


def nominations() -> dict[str, Nomination]:
    return {n.code: n for n in records("nominations.yaml")}


# ------------------------------------------------------------------ files and schemas
@pytest.mark.parametrize("name", [*LIST_FILES, "movement.yaml"])
def test_file_is_nfc_utf8_yaml_with_two_space_indent(name):
    text = (RECORDS / name).read_text(encoding="utf-8")
    assert text == nfc(text)
    assert "\t" not in text
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()}
    assert all(i % 2 == 0 for i in indents)


@pytest.mark.parametrize("name", LIST_FILES)
def test_list_file_validates_against_its_schema(name):
    data = raw(name)
    assert isinstance(data, list) and data
    assert len(records(name)) == len(data)


def test_movement_is_one_mapping_that_validates():
    assert isinstance(raw("movement.yaml"), dict)
    m = movement()
    assert (m.year, m.number, m.symbol, m.type_name) == (2024, 1, "CT-UBND", "CHỈ THỊ")
    assert m.date.isoformat() == "2024-01-03"
    assert (m.place, m.issuing_unit) == ("Sơn La", "UBND-TINH")
    assert (m.signer.name, m.signer.title, m.signer.authority, m.signer.copy_mark) == (
        "Hoàng Quốc Khánh", "Chủ tịch", "", "(Đã ký)")
    assert m.subject == "Phát động phong trào thi đua năm 2024"


# ------------------------------------------------------------------ units and people
def test_units_form_a_tree_under_the_province():
    us = units()
    assert len(us) >= 15
    roots = [u for u in us.values() if u.parent is None]
    assert [u.code for u in roots] == ["UBND-TINH"]
    prov = us["UBND-TINH"]
    assert (prov.kind, prov.abbreviation, prov.short_name, prov.place, prov.head_title) == (
        "province", "UBND", "UBND tỉnh Sơn La", "Sơn La", "Chủ tịch")
    for u in us.values():
        seen, code = set(), u.code
        while code:
            assert code not in seen and code in us
            seen.add(code)
            code = us[code].parent
    kinds = Counter(u.kind for u in us.values())
    assert kinds["department"] >= 8 and kinds["district"] >= 4 and kinds["commune"] >= 5
    for code in ("SNV", "SYT", "SGDDT", "STC", "SKHDT", "SNNPTNT", "SVHTTDL", "STTTT"):
        assert us[code].parent == "UBND-TINH"
        assert us[code].abbreviation == code.replace("DDT", "DĐT").replace("HDT", "HĐT")
    for u in us.values():
        if u.kind in ("department", "district"):
            assert u.cluster
        if u.kind == "commune":
            assert us[u.parent].kind == "district" and u.place in u.name


def test_every_unit_has_a_head_of_its_own_and_at_least_six_people():
    ps = people()
    per_unit = Counter(p.unit for p in ps.values())
    for u in units().values():
        assert u.head in ps and ps[u.head].unit == u.code, u.code
        assert u.head_title
        assert per_unit[u.code] >= 6, u.code


def test_people_are_many_unique_and_in_known_units():
    ps = people()
    assert len(ps) >= 150
    assert all(p.unit in units() for p in ps.values())
    assert len({p.full_name for p in ps.values()}) == len(ps)
    chair = [p for p in ps.values() if p.full_name == "Hoàng Quốc Khánh"]
    assert len(chair) == 1 and chair[0].unit == "UBND-TINH"
    assert units()["UBND-TINH"].head == chair[0].code


def test_names_cover_every_tone_and_vowel_letter():
    names = [p.full_name for p in people().values()]
    decomposed = unicodedata.normalize("NFD", " ".join(names))
    for mark in ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323"):  # sắc huyền hỏi ngã nặng
        assert mark in decomposed
    joined = " ".join(names)
    for letter in "đĐươăâêô":
        assert letter in joined or letter in joined.lower()
    initials = {n.split()[-1][0] for n in names}
    assert {"Đ", "Ư", "Ơ", "Â"} <= initials
    givens = Counter(" ".join(n.split()[1:]) for n in names)
    assert givens["Văn Anh"] >= 3 and givens["Thị Ánh"] >= 3


# ------------------------------------------------------------------ the directive
def seed_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines = [re.sub(r"^\[bookmark: [^\]]*\]", "", nfc(line)).strip() for line in lines]
    return [line for line in lines if line]


def rendered_lines(m: Movement) -> list[str]:
    out = [m.type_name, m.subject]
    for block in m.body:
        out.append(f"{block.number}. {block.text}" if block.kind == "item" else block.text)
        out += [f"- {b}" for b in block.bullets]
    out.append("Nơi nhận:")
    last = len(m.recipients) - 1
    out += [f"- {r}{'.' if i == last else ';'}" for i, r in enumerate(m.recipients)]
    out += [m.signer.title.upper(), m.signer.copy_mark, m.signer.name]
    out += [m.annex.heading, m.annex.title, m.annex.note]
    out += [f"{t.number}. {t.text}" for t in m.annex.targets]
    return out


def test_directive_records_reproduce_the_seed_line_by_line():
    assert rendered_lines(movement()) == seed_lines()


def test_directive_counts():
    m = movement()
    items = [b for b in m.body if b.kind == "item"]
    assert [b.number for b in items] == list(range(1, 11))
    assert [len(b.bullets) for b in items] == [0, 0, 5, 0, 0, 0, 0, 0, 0, 0]
    assert [b.kind for b in m.body[:3]] == ["paragraph"] * 3
    assert len(m.recipients) == 12
    assert m.recipients[0] == "Hội đồng TĐKT Trung ương (b/c)"
    assert m.recipients[-1] == "Lưu: VT, NC, Tùng(20b)"
    assert not any("bookmark" in b.text for b in m.body)


def test_annex_targets_and_indicators():
    annex = movement().annex
    assert annex.heading == "Phụ lục"
    assert annex.title == "TÓM TẮT CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024"
    targets = annex.targets
    assert [t.number for t in targets] == list(range(1, 24))
    counts = {t.number: len(t.indicators) for t in targets}
    assert counts[4] == 3 and counts[14] == 3
    assert all(counts[n] == 2 for n in (11, 13, 21, 22, 23))
    assert all(c == 1 for n, c in counts.items() if n not in (4, 11, 13, 14, 21, 22, 23))
    for t in targets:
        codes = [i.code for i in t.indicators]
        assert codes == ([str(t.number)] if len(codes) == 1 else
                         [f"{t.number}.{k}" for k in range(1, len(codes) + 1)])
        for i in t.indicators:
            assert i.planned in t.text, (i.code, i.planned)
            assert i.lower_is_better == (t.number in (12, 15))
    by_code = {i.code: i for t in targets for i in t.indicators}
    assert by_code["13.1"].planned == "06" and by_code["3"].planned == "20.000"
    assert by_code["1"].planned_value == 7.5 and by_code["3"].planned_value == 20000


def test_results_cover_every_indicator():
    codes = [i.code for _t, i in movement().indicators()]
    (result,) = records("results.yaml")
    assert result.year == 2024
    assert [r.indicator for r in result.results] == codes
    assert 1 <= sum(r.achieved is None for r in result.results) <= 3
    assert sum(r.previous is not None for r in result.results) > len(codes) // 2


# ------------------------------------------------------------------ registrations, achievements
def test_every_unit_registers_its_own_people():
    ps = people()
    regs = records("registrations.yaml")
    assert sorted(r.unit for r in regs) == sorted(units())
    for r in regs:
        assert r.year == 2024 and r.status == "submitted"
        assert 5 <= len(r.individuals) <= 12, r.unit
        assert 2 <= len(r.commitments) <= 4, r.unit
        assert r.collective_titles
        assert r.date.year == 2024 and r.date.month in (1, 2)
        head = ps[units()[r.unit].head]
        assert (r.signer.name, r.signer.title, r.signer.authority) == (
            head.full_name, units()[r.unit].head_title, "")
        for e in r.individuals:
            assert e.person in ps and ps[e.person].unit == r.unit, (r.unit, e.person)
            assert (e.full_name, e.position) == (ps[e.person].full_name, ps[e.person].position)


def test_achievements_refer_to_known_subjects_once_per_year():
    ps, us = people(), units()
    keys = Counter()
    for a in records("achievements.yaml"):
        if a.household:  # a household nominee's record, by the household's name
            assert a.household in {n.household for n in nominations().values()}
        else:
            assert a.person in ps if a.person else a.unit in us
        keys[(a.subject, a.year)] += 1
    assert max(keys.values()) == 1
    for code in us:
        assert all((code, y) in keys for y in (2021, 2022, 2023, 2024)), code
    covered = {subject for subject, _y in keys if subject in ps}
    assert len(covered) >= 0.9 * len(ps)


# ------------------------------------------------------------------ nominations, votes, decisions
def test_nominations_come_from_their_own_units():
    ps, us, noms = people(), units(), nominations()
    assert len(noms) >= 25
    assert list(noms) == [f"DN2024-{i:03d}" for i in range(1, len(noms) + 1)]
    kinds = Counter((n.nominee_kind, n.honour) for n in noms.values())
    for want in [("individual", "LDTT"), ("individual", "CSTDCS"), ("individual", "CSTDT"),
                 ("individual", "BKT"), ("collective", "BKT"), ("collective", "TTLDXS"),
                 ("collective", "TTLDTT"), ("household", "BKT")]:
        assert kinds[want], want
    assert any(h == "GK" for _k, h in kinds)
    for n in noms.values():
        assert n.unit in us and n.year == 2024 and n.status == "proposed" and n.summary
        assert 3 <= len(n.report) <= 4
        if n.person:
            assert ps[n.person].unit == n.unit
        if n.nominee_unit:
            assert n.nominee_unit == n.unit or us[n.nominee_unit].parent == n.unit


def test_nominations_file_explains_the_deliberate_failures():
    text = (RECORDS / "nominations.yaml").read_text(encoding="utf-8")
    assert len(re.findall(r"^# không đủ: ", text, re.M)) >= 5
    assert len(re.findall(r"^# chưa rõ: ", text, re.M)) >= 2


def test_every_nominating_unit_votes_on_its_own_nominations():
    noms = nominations()
    votes = records("council_votes.yaml")
    assert sorted(v.unit for v in votes) == sorted({n.unit for n in noms.values()})
    voted = []
    for v in votes:
        assert 7 <= v.members_total <= 11
        assert len(v.present) + len(v.absent) == v.members_total
        assert v.chair in v.present and v.secretary in v.present
        assert v.date.year == 2024 and v.date.month in (11, 12)
        for vote in v.votes:
            assert noms[vote.nomination].unit == v.unit
            assert vote.votes_for <= v.members_total
            voted.append(vote.nomination)
    assert sorted(voted) == sorted(noms)


def test_decisions_confer_known_nominations():
    noms, ps = nominations(), people()
    decisions = records("decisions.yaml")
    bkt = next(d for d in decisions if d.code == "QD2024-BKT")
    assert bkt.unit == "UBND-TINH" and bkt.date.month == 12
    assert (bkt.signer.authority, bkt.signer.on_behalf, bkt.signer.title) == ("KT", "Chủ tịch",
                                                                              "Phó Chủ tịch")
    signer = [p for p in ps.values() if p.full_name == bkt.signer.name]
    assert len(signer) == 1 and signer[0].unit == "UBND-TINH"
    assert any(p.unit == "UBND-TINH" and p.position.startswith("Chánh Văn phòng")
               for p in ps.values())
    for d in decisions:
        assert all(code in noms for code in d.nominations)
    assert {noms[c].honour for c in bkt.nominations} == {"BKT"}
