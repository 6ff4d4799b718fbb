"""Import and export: every error with file, line and field; all or nothing; idempotent; round trip."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from service.domain.errors import RecordError
from service.jobs.records import export_dir, import_dir
from service.store import db
from service.store.records_io import read_dir

from ..conftest import EXAMPLE  # type: ignore[import-not-found]

UNITS = """\
- code: UBND-TINH
  name: Ủy ban nhân dân tỉnh Sơn La
  kind: province
  place: Sơn La
  abbreviation: UBND
- code: SNV
  name: Sở Nội vụ
  kind: department
  parent: UBND-TINH
  place: Sơn La
  abbreviation: SNV
"""
PEOPLE = """\
- code: P1
  full_name: Hoàng Quốc Khánh
  gender: nam
  unit: UBND-TINH
- code: P2
  full_name: Lò Thị Ánh
  gender: nữ
  unit: SNV
"""


def write(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (directory / f"{name}.yaml").write_text(content, encoding="utf-8")
    return directory


def counts(url: str) -> dict[str, int]:
    with db.engine_for(url).connect() as conn:
        return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                for t in ("units", "people", "achievements")}


def test_import_then_again_changes_nothing(empty_db: str, tmp_path: Path) -> None:
    src = write(tmp_path / "src", units=UNITS, people=PEOPLE)
    first = import_dir(src, empty_db)
    assert first.counts["units"] == [2, 0, 0] and first.counts["people"] == [2, 0, 0]
    second = import_dir(src, empty_db)
    assert second.changed == 0
    assert counts(empty_db) == {"units": 2, "people": 2, "achievements": 0}


def test_bad_date_and_unknown_unit_are_named_and_nothing_is_saved(empty_db: str,
                                                                   tmp_path: Path) -> None:
    import_dir(write(tmp_path / "ok", units=UNITS, people=PEOPLE), empty_db)
    before = counts(empty_db)
    bad_people = PEOPLE + "- code: P3\n  full_name: Cầm Văn Ơn\n  gender: nam\n  unit: SYT\n"
    achievements = ("- person: P2\n  year: 2024\n  rating: HTXSNV\n  discipline:\n"
                    "    form: khien_trach\n    until: 31/02/2024\n")
    src = write(tmp_path / "bad", units=UNITS, people=bad_people, achievements=achievements)
    with pytest.raises(RecordError) as caught:
        import_dir(src, empty_db)
    problems = {(p.file, p.line, (p.field or "").split(" ")[0]): p.message
                for p in caught.value.problems}
    assert ("people.yaml", 12, "unit") in problems
    assert "SYT" in problems[("people.yaml", 12, "unit")]
    assert ("achievements.yaml", 6, "discipline.until") in problems
    assert "31/02/2024" in problems[("achievements.yaml", 6, "discipline.until")]
    assert counts(empty_db) == before


def test_a_late_failure_rolls_back_what_was_written_before_it(empty_db: str,
                                                               tmp_path: Path) -> None:
    # both files are valid alone; the second person duplicates the first's code, which only
    # the database would catch if the duplicate check were missing
    dup = PEOPLE + "- code: P1\n  full_name: Người Trùng Mã\n  gender: nam\n  unit: SNV\n"
    with pytest.raises(RecordError) as caught:
        import_dir(write(tmp_path / "dup", units=UNITS, people=dup), empty_db)
    assert any("trùng" in p.message and p.line == 9 for p in caught.value.problems)
    assert counts(empty_db)["units"] == 0


def test_yaml_syntax_error_names_file_and_line(empty_db: str, tmp_path: Path) -> None:
    src = write(tmp_path / "syn", units=UNITS + "- code: [unclosed\n")
    with pytest.raises(RecordError) as caught:
        import_dir(src, empty_db)
    (problem,) = caught.value.problems
    assert problem.file == "units.yaml" and problem.line and "YAML" in problem.message


def test_missing_directory(empty_db: str, tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="không tìm thấy"):
        import_dir(tmp_path / "nowhere", empty_db)


def test_parent_cycle_is_refused(empty_db: str, tmp_path: Path) -> None:
    cyc = UNITS.replace("  kind: province\n", "  kind: province\n  parent: SNV\n")
    with pytest.raises(RecordError, match="vòng lặp"):
        import_dir(write(tmp_path / "cyc", units=cyc), empty_db)


def test_example_province_round_trips(example_db: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    export_dir(out, example_db)
    original, _, problems = read_dir(EXAMPLE)
    assert problems == []
    exported, _, problems = read_dir(out)
    assert problems == []
    for attr in ("units", "people", "movements", "registrations", "achievements", "nominations",
                 "council_votes", "decisions", "results"):
        key = lambda r: r.model_dump_json()  # noqa: E731
        assert sorted(map(key, original.records(attr))) == sorted(map(key, exported.records(attr))), attr
    # importing the export into a fresh database and exporting again gives the same bytes
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    db.migrate(fresh)
    import_dir(out, fresh)
    again = tmp_path / "again"
    export_dir(again, fresh)
    digest = lambda d: {p.name: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
                        for p in sorted(d.iterdir())}
    assert digest(out) == digest(again)
    assert import_dir(out, example_db).changed == 0


def test_an_empty_directory_is_not_a_silent_success(empty_db: str, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(RecordError, match="không có tệp dữ liệu nào"):
        import_dir(tmp_path / "empty", empty_db)
