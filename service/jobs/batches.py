"""The batches users start (every unit's registration letter, every unit's summary report):
their task lists, their finishing step, and runs in the background with progress in the database."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import RecordError
from ..store import db
from ..store import batch_jobs
from ..store.batch_jobs import JobStatus
from .batch import Outcome, Summary, Task, run_batch
from . import registrations, summary_batch


@dataclass(frozen=True)
class BatchKind:
    """A batch: `tasks(year, url)` lists its documents; `finish(summary, year, url, output_dir)`
    runs once after them (e.g. the merged PDF book) and returns lines for the summary."""

    name: str
    title_vi: str
    doc_kind: str
    tasks: Callable[[int, str], list[Task]]
    finish: Callable[[Summary, int, str, Path | None], list[str]] | None = None


BATCH_KINDS: dict[str, BatchKind] = {
    "registrations": BatchKind("registrations", "Công văn đăng ký thi đua của các đơn vị",
                               "registration", registrations.batch_tasks,
                               finish=registrations.finish_batch),
    "summary": BatchKind("summary", "Báo cáo tổng kết thi đua, khen thưởng", "summary",
                         summary_batch.summary_tasks, finish=summary_batch.finish_summary),
}


def batch_kind(name: str) -> BatchKind:
    if name not in BATCH_KINDS:
        known = ", ".join(sorted(BATCH_KINDS)) or "chưa có"
        raise RecordError.one(f"không có loại tạo hàng loạt “{name}”; có: {known}")
    return BATCH_KINDS[name]


def tasks_for(name: str, year: int, *, pdf: bool = False, output_dir: Path | None = None,
              force: bool = False, url: str | None = None) -> list[Task]:
    """Returns the batch's tasks with the run's options applied."""
    from .render import default_home

    kind = batch_kind(name)
    url = url or db.default_url()
    home = str(default_home())
    return [Task(t.kind, t.year, t.unit, t.url, pdf=pdf,
                 output_dir=str(output_dir) if output_dir else None, force=force, home=home)
            for t in kind.tasks(year, url)]


def run(name: str, tasks: list[Task], *, workers: int | None = None,
        progress: Callable[[Outcome, int, int], None] | None = None,
        year: int | None = None, url: str | None = None,
        output_dir: Path | None = None) -> Summary:
    """Runs the tasks on the local pool, then the batch's finishing step, which also runs when
    there is no task (given `year`), to say why (e.g. no unit has sent its registration)."""
    kind = batch_kind(name)
    summary = run_batch(tasks, workers=workers, progress=progress)
    if tasks:
        year, url = tasks[0].year, tasks[0].url
        output_dir = Path(tasks[0].output_dir) if tasks[0].output_dir else None
    if kind.finish and year is not None:
        summary.notes.extend(kind.finish(summary, year, url or db.default_url(), output_dir))
    return summary


# --- in the background, for the web ---------------------------------------------------------

def start_in_background(name: str, year: int, *, pdf: bool = False, url: str | None = None,
                        force: bool = False) -> int:
    """Records a batch job, starts it on a thread and returns its id; progress goes to the row."""
    url = url or db.default_url()
    tasks = tasks_for(name, year, pdf=pdf, url=url, force=force)
    with db.transaction(url) as session:
        job_id = batch_jobs.create(session, name, year, len(tasks))
    thread = threading.Thread(target=_run_job, args=(job_id, name, year, tasks, url),
                              daemon=True, name=f"batch-{job_id}")
    thread.start()
    return job_id


def _run_job(job_id: int, name: str, year: int, tasks: list[Task], url: str) -> None:
    def progress(outcome: Outcome, _done: int, _total: int) -> None:
        message = (f"{outcome.task.unit or outcome.task.kind}: {outcome.message}"
                   if outcome.status == "failed" else None)
        with db.transaction(url) as session:
            batch_jobs.count(session, job_id, outcome.status, message)

    try:
        summary = run(name, tasks, progress=progress, year=year, url=url)
        status, notes = "done", summary.notes
    except Exception as exc:  # noqa: BLE001 - the page must say the batch stopped, and why
        status, notes = "failed", [f"Dừng vì lỗi: {type(exc).__name__}: {exc}"]
    with db.transaction(url) as session:
        batch_jobs.finish(session, job_id, status, notes)


def job_status(job_id: int, url: str | None = None) -> JobStatus | None:
    with db.transaction(url) as session:
        return batch_jobs.get(session, job_id)


def recent_jobs(url: str | None = None, limit: int = 20) -> list[JobStatus]:
    with db.transaction(url) as session:
        return batch_jobs.recent(session, limit)


def mark_interrupted(url: str | None = None) -> int:
    """At start-up: jobs left `running` by a stopped service are failed, not running for ever."""
    with db.transaction(url) as session:
        return batch_jobs.mark_interrupted(session)
