"""The batches users start (every unit's registration letter, every unit's summary report):
their task lists, their finishing step, and runs in the background with progress in the database."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import RecordError
from ..store import db
from ..store import repository as repo
from ..store.models import BatchJobRow
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


def every_unit(doc_kind: str) -> Callable[[int, str], list[Task]]:
    """Returns a task lister making one `doc_kind` document per unit, in the units' code order."""

    def tasks(year: int, url: str) -> list[Task]:
        with db.transaction(url) as session:
            codes = [u.code for u in repo.load_all(session, "units")]
        return [Task(doc_kind, year, code, url) for code in codes]

    return tasks


BATCH_KINDS: dict[str, BatchKind] = {
    "registrations": BatchKind("registrations", "Công văn đăng ký thi đua của các đơn vị",
                               "registration", every_unit("registration"),
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
        progress: Callable[[Outcome, int, int], None] | None = None) -> Summary:
    """Runs the tasks on the local pool, then the batch's finishing step; returns the summary."""
    kind = batch_kind(name)
    summary = run_batch(tasks, workers=workers, progress=progress)
    if kind.finish and tasks:
        output_dir = Path(tasks[0].output_dir) if tasks[0].output_dir else None
        summary.notes.extend(kind.finish(summary, tasks[0].year, tasks[0].url, output_dir))
    return summary


# --- in the background, for the web ---------------------------------------------------------

def start_in_background(name: str, year: int, *, pdf: bool = False, url: str | None = None,
                        force: bool = False) -> int:
    """Records a batch job, starts it on a thread and returns its id; progress goes to the row."""
    url = url or db.default_url()
    tasks = tasks_for(name, year, pdf=pdf, url=url, force=force)
    with db.transaction(url) as session:
        row = BatchJobRow(kind=name, year=year, status="running", total=len(tasks), messages=[])
        session.add(row)
        session.flush()
        job_id = row.id
    thread = threading.Thread(target=_run_job, args=(job_id, name, tasks, url), daemon=True,
                              name=f"batch-{job_id}")
    thread.start()
    return job_id


def _run_job(job_id: int, name: str, tasks: list[Task], url: str) -> None:
    def progress(outcome: Outcome, done: int, _total: int) -> None:
        with db.transaction(url) as session:
            row = session.get(BatchJobRow, job_id)
            assert row is not None
            row.done = done
            if outcome.status == "failed":
                row.failed += 1
                row.messages = [*row.messages, f"{outcome.task.unit or outcome.task.kind}: "
                                               f"{outcome.message}"]
            elif outcome.status == "made":
                row.made += 1
            else:
                row.skipped += 1

    try:
        summary = run(name, tasks, progress=progress)
        status, notes = "done", summary.notes
    except Exception as exc:  # noqa: BLE001 - the page must say the batch stopped, and why
        status, notes = "failed", [f"Dừng vì lỗi: {type(exc).__name__}: {exc}"]
    with db.transaction(url) as session:
        row = session.get(BatchJobRow, job_id)
        assert row is not None
        row.status = status
        row.messages = [*row.messages, *notes]


@dataclass(frozen=True)
class JobStatus:
    id: int
    kind: str
    year: int
    status: str
    total: int
    done: int
    made: int
    skipped: int
    failed: int
    messages: list[str]

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


def job_status(job_id: int, url: str | None = None) -> JobStatus | None:
    with db.transaction(url) as session:
        row = session.get(BatchJobRow, job_id)
        if row is None:
            return None
        return JobStatus(row.id, row.kind, row.year, row.status, row.total, row.done, row.made,
                         row.skipped, row.failed, list(row.messages))


def recent_jobs(url: str | None = None, limit: int = 20) -> list[JobStatus]:
    with db.transaction(url) as session:
        ids = session.scalars(select(BatchJobRow.id).order_by(BatchJobRow.id.desc()).limit(limit))
        ids = list(ids)
    return [s for s in (job_status(i, url) for i in ids) if s is not None]
