"""Specs for where documents go and how they are written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from service.documents.output import output_path, write_atomically


@pytest.mark.parametrize(
    ("kind", "number", "subject", "expected"),
    [
        (
            "directive",
            1,
            "Phát động phong trào thi đua năm 2024",
            "outputs/2024/directive/01-phat-dong-phong-trao-thi-dua-nam-2024.docx",
        ),
        (
            "decision",
            125,
            "Về việc tặng Bằng khen",
            "outputs/2024/decision/125-ve-viec-tang-bang-khen.docx",
        ),
        ("report", None, "Báo cáo tổng kết", "outputs/2024/report/bao-cao-tong-ket.docx"),
        ("minutes", 7, "!!!", "outputs/2024/minutes/07-van-ban.docx"),
    ],
)
def test_output_path_is_year_kind_and_numbered_slug(tmp_path, kind, number, subject, expected):
    assert output_path(tmp_path, 2024, kind, number, subject) == tmp_path / expected


@pytest.mark.parametrize("kind", ["", "../etc", "Directive", "a/b"])
def test_output_path_refuses_a_kind_that_is_not_a_plain_name(tmp_path, kind):
    with pytest.raises(ValueError):
        output_path(tmp_path, 2024, kind, 1, "x")


def test_output_path_refuses_number_zero(tmp_path):
    with pytest.raises(ValueError):
        output_path(tmp_path, 2024, "directive", 0, "x")


def test_write_atomically_writes_the_data_and_returns_its_sha256(tmp_path):
    path = tmp_path / "outputs" / "2024" / "directive" / "01-x.docx"
    digest = write_atomically(path, b"hello")
    assert path.read_bytes() == b"hello"
    assert digest == hashlib.sha256(b"hello").hexdigest()
    assert path.stat().st_mode & 0o777 == 0o644


def test_write_atomically_replaces_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "a.docx"
    write_atomically(path, b"old")
    path.chmod(0o640)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "a.docx"
    write_atomically(path, b"old")

    def broken_replace(src: str, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("service.documents.output.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]
