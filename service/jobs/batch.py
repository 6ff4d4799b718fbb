"""Batches: many documents rendered in parallel, with progress, skipping what has not changed.

A batch is a list of `Task`s; `run_task` is a plain top-level function of plain arguments, so
the same tasks can be handed to a queue of workers (RQ's `enqueue(run_task, task)`, a Celery
task wrapping it) instead of the local process pool used here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Status = Literal["made", "skipped", "failed"]


@dataclass(frozen=True)
class Task:
    kind: str
    year: int
    unit: str | None
    url: str
    pdf: bool = False
    output_dir: str | None = None
    force: bool = False


@dataclass(frozen=True)
class Outcome:
    task: Task
    status: Status
    path: str = ""
    pdf_path: str = ""
    symbol: str = ""
    message: str = ""


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # from the batch's finishing step

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def lines(self) -> list[str]:
        lines = [f"Đã tạo: {self.count('made')}; bỏ qua (không đổi): {self.count('skipped')}; "
                 f"lỗi: {self.count('failed')}."]
        lines += [f"  - {o.task.unit or o.task.kind}: {o.message}"
                  for o in self.outcomes if o.status == "failed"]
        return lines + self.notes


def run_task(task: Task) -> Outcome:
    """Renders one document; never raises: a failure is an outcome with its Vietnamese reason."""
    from ..documents.render import TemplateError
    from ..domain.errors import RecordError
    from .render import render_one

    output = None
    if task.output_dir:
        name = f"{task.kind}-{task.unit or task.year}.docx"
        output = Path(task.output_dir) / name
    try:
        made = render_one(task.kind, task.year, task.unit, url=task.url, output=output,
                          pdf=task.pdf, force=task.force)
    except (RecordError, TemplateError) as exc:
        return Outcome(task, "failed", message=str(exc))
    except Exception as exc:  # noqa: BLE001 - one failing unit must not stop the others
        return Outcome(task, "failed", message=f"lỗi không mong đợi: {type(exc).__name__}: {exc}")
    return Outcome(task, "skipped" if made.skipped else "made", str(made.path),
                   str(made.pdf_path or ""), made.symbol)


def _init_worker() -> None:
    # a worker is its own process: its own database connections and its own PDF converter
    os.environ.setdefault("THIDUA_WORKER", "1")


def run_batch(tasks: Sequence[Task], *, workers: int | None = None,
              progress: Callable[[Outcome, int, int], None] | None = None) -> Summary:
    """Runs every task on a local process pool (one worker per core by default) and returns the
    summary; `progress(outcome, done, total)` is called as each task ends."""
    summary = Summary()
    total = len(tasks)
    workers = max(1, min(workers or os.cpu_count() or 1, total or 1))
    if workers == 1:
        for task in tasks:
            summary.outcomes.append(run_task(task))
            if progress:
                progress(summary.outcomes[-1], len(summary.outcomes), total)
        return summary
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
        pending: set[Future[Outcome]] = {pool.submit(run_task, t) for t in tasks}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                summary.outcomes.append(future.result())
                if progress:
                    progress(summary.outcomes[-1], len(summary.outcomes), total)
    return summary
