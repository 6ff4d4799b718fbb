"""The command line: each command a thin shell over a job, errors as Vietnamese messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main

from .conftest import EXAMPLE  # type: ignore[import-not-found]


@pytest.fixture
def env(example_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", example_db)
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def test_render_directive_then_lint_it(env: Path) -> None:
    out = env / "chi-thi.docx"
    result = CliRunner().invoke(main, ["render", "directive", "--year", "2024", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "Số 01/CT-UBND" in result.output and out.is_file()
    linted = CliRunner().invoke(main, ["lint", str(out)])
    assert linted.exit_code == 0 and "đúng thể thức" in linted.output


def test_lint_fails_on_a_document_out_of_format(env: Path) -> None:
    import docx

    bad = env / "sai.docx"
    document = docx.Document()
    document.add_paragraph("Công văn không có quốc hiệu")
    document.save(str(bad))
    result = CliRunner().invoke(main, ["lint", str(bad)])
    assert result.exit_code == 1
    assert "[ND30-" in result.output


def test_import_reports_file_line_and_field_and_changes_nothing(env: Path) -> None:
    bad = env / "bad"
    bad.mkdir()
    (bad / "people.yaml").write_text(
        "- code: P9999\n  full_name: Lò Văn Ơn\n  gender: nam\n  unit: KHONG-CO\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(bad)])
    assert result.exit_code == 1
    assert "tệp people.yaml, dòng 4, trường “unit (đơn vị)”: đơn vị “KHONG-CO” không có" in result.output
    again = CliRunner().invoke(main, ["import", str(EXAMPLE)])
    assert again.exit_code == 0 and "Không có gì thay đổi." in again.output


def test_templates_vars_and_check(env: Path) -> None:
    from service.documents.layout import TEMPLATES_DIR

    listed = CliRunner().invoke(main, ["templates", "vars", "directive"])
    assert listed.exit_code == 0 and "ví dụ:" in listed.output
    checked = CliRunner().invoke(main, ["templates", "check", str(TEMPLATES_DIR / "directive.docx"),
                                        "--kind", "directive"])
    assert checked.exit_code == 0, checked.output
    unknown = CliRunner().invoke(main, ["templates", "vars", "khong-co"])
    assert unknown.exit_code != 0 and "Không có loại văn bản" in unknown.output


def test_user_add_refuses_a_clerk_without_unit(env: Path) -> None:
    result = CliRunner().invoke(main, ["user", "add", "a", "--role", "clerk", "--password", "12345678"])
    assert result.exit_code == 1 and "văn thư phải gắn với một đơn vị" in result.output
    made = CliRunner().invoke(main, ["user", "add", "vt.syt", "--role", "clerk", "--unit", "SYT",
                                     "--password", "12345678"])
    assert made.exit_code == 0 and "Đã tạo tài khoản “vt.syt”" in made.output


def test_without_libreoffice_the_docx_is_still_made_and_the_message_is_clear(
        env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = env / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # soffice is nowhere on PATH
    out = env / "chi-thi.docx"
    result = CliRunner().invoke(main, ["render", "directive", "--year", "2024", "--pdf",
                                       "--output", str(out)])
    assert result.exit_code == 1
    assert "Chưa cài LibreOffice" in result.output and "vẫn được tạo" in result.output
    assert out.is_file() and not out.with_suffix(".pdf").exists()


def test_file_problems_are_messages_not_tracebacks(env: Path) -> None:
    not_word = env / "x.docx"
    not_word.write_text("không phải Word", encoding="utf-8")
    checked = CliRunner().invoke(main, ["templates", "check", str(not_word), "--kind", "directive"])
    assert checked.exit_code == 1 and "không phải tệp Word .docx" in checked.output
    unwritable = CliRunner().invoke(main, ["render", "directive", "--year", "2024",
                                           "--output", "/proc/khong-ghi-duoc.docx"])
    assert unwritable.exit_code == 1 and "Lỗi tệp" in unwritable.output
    assert "Traceback" not in checked.output + unwritable.output
