"""Batches: tasks, a failing task not stopping the others, background runs with progress."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from service.jobs import batches
from service.jobs.batch import Task, run_batch


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def directive_batch(monkeypatch: pytest.MonkeyPatch) -> str:
    """A batch of two tasks: the 2024 directive (renders) and a year without one (fails)."""
    kind = batches.BatchKind(
        "thu", "Thử", "directive",
        tasks=lambda year, url: [Task("directive", year, None, url),
                                 Task("directive", year + 7, None, url)],
        finish=lambda summary, year, url, out: [f"Kết thúc {summary.count('made')}"],
    )
    monkeypatch.setitem(batches.BATCH_KINDS, "thu", kind)
    return "thu"


def test_one_failure_does_not_stop_the_others_and_a_rerun_skips(example_db: str, home: Path,
                                                                 directive_batch: str) -> None:
    tasks = batches.tasks_for(directive_batch, 2024, url=example_db)
    seen: list[int] = []
    summary = batches.run(directive_batch, tasks, workers=1,
                          progress=lambda _o, done, _t: seen.append(done))
    assert seen == [1, 2]
    assert (summary.count("made"), summary.count("failed")) == (1, 1)
    failed = next(o for o in summary.outcomes if o.status == "failed")
    assert "năm 2031" in failed.message
    assert summary.lines()[-1] == "Kết thúc 1"
    again = run_batch(tasks[:1], workers=1)
    assert again.count("skipped") == 1


def test_process_pool_runs_tasks_in_workers(example_db: str, home: Path) -> None:
    tasks = [Task("directive", 2024, None, example_db, home=str(home)),
             Task("directive", 2099, None, example_db, home=str(home))]
    summary = run_batch(tasks, workers=2)
    assert sorted(o.status for o in summary.outcomes) == ["failed", "made"]
    made = next(o for o in summary.outcomes if o.status == "made")
    assert Path(made.path).is_relative_to(home)


def test_pdfs_are_made_by_the_parents_warm_pool(example_db: str, home: Path) -> None:
    tasks = [Task("directive", 2024, None, example_db, pdf=True, home=str(home))]
    (outcome,) = run_batch(tasks, workers=2).outcomes
    assert outcome.status == "made" and Path(outcome.pdf_path).read_bytes().startswith(b"%PDF")
    (again,) = run_batch(tasks, workers=1).outcomes
    assert again.status == "skipped" and again.pdf_path == outcome.pdf_path


def test_background_job_records_progress(example_db: str, home: Path, directive_batch: str) -> None:
    job_id = batches.start_in_background(directive_batch, 2024, url=example_db)
    deadline = time.monotonic() + 60
    status = batches.job_status(job_id, example_db)
    while status is not None and status.status == "running" and time.monotonic() < deadline:
        time.sleep(0.2)
        status = batches.job_status(job_id, example_db)
    assert status is not None and status.status == "done"
    assert (status.total, status.done, status.made, status.failed) == (2, 2, 1, 1)
    assert status.percent == 100 and status.messages[-1] == "Kết thúc 1"


def test_unknown_batch_kind(example_db: str) -> None:
    from service.domain.errors import RecordError

    with pytest.raises(RecordError, match="không có loại tạo hàng loạt “khong-co”"):
        batches.tasks_for("khong-co", 2024, url=example_db)


def test_jobs_left_running_by_a_stopped_service_are_marked_failed(example_db: str) -> None:
    from service.store import batch_jobs, db

    with db.transaction(example_db) as session:
        job_id = batch_jobs.create(session, "summary", 2024, 23)
    assert batches.mark_interrupted(example_db) == 1
    status = batches.job_status(job_id, example_db)
    assert status is not None and status.status == "failed"
