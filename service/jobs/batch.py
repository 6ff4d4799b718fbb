"""Batches: many documents rendered in parallel, with progress, skipping what has not changed.

A batch is a list of `Task`s; `run_task` is a plain top-level function of plain arguments, so
the same tasks can be handed to a queue of workers (RQ's `enqueue(run_task, task)`, a Celery
task wrapping it) instead of the local process pool used here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field, replace
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
    home: str | None = None  # where outputs/ is; explicit, as workers may not share our env


@dataclass(frozen=True)
class Outcome:
    task: Task
    status: Status
    path: str = ""
    pdf_path: str = ""
    symbol: str = ""
    message: str = ""
    spans: tuple[tuple[float, float], ...] = ()  # wall-clock spans of rendering and conversion


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # from the batch's finishing step

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def busy_seconds(self, start: float, end: float) -> float:
        """Returns how long, within [start, end], at least one document was being rendered or
        converted (the union of the outcomes' spans, overlaps counted once)."""
        spans = sorted((max(a, start), min(b, end)) for o in self.outcomes for a, b in o.spans)
        busy, reach = 0.0, start
        for a, b in spans:
            if b > reach:
                busy += b - max(a, reach)
                reach = b
        return busy

    def lines(self) -> list[str]:
        lines = [f"Đã tạo: {self.count('made')}; bỏ qua (không đổi): {self.count('skipped')}; "
                 f"lỗi: {self.count('failed')}."]
        lines += [f"  - {o.task.unit or o.task.kind}: {o.message}"
                  for o in self.outcomes if o.status == "failed"]
        return lines + self.notes


def run_task(task: Task) -> Outcome:
    """Renders one document (.docx, and its PDF when asked); never raises: a failure is an
    outcome with its Vietnamese reason. A queue worker (RQ, Celery) runs exactly this."""
    outcome = render_task(task)
    if task.pdf and outcome.status != "failed" and not Path(outcome.pdf_path or "-").is_file():
        outcome = convert_task(outcome)
    return outcome


def render_task(task: Task) -> Outcome:
    """Renders the .docx of one task (no PDF); never raises."""
    from ..documents.render import TemplateError
    from ..domain.errors import RecordError
    from ..domain.recordset import in_vietnamese
    from .render import render_one

    output = None
    if task.output_dir:
        output = Path(task.output_dir) / f"{task.kind}-{task.unit or task.year}.docx"
    try:
        made = render_one(task.kind, task.year, task.unit, url=task.url, output=output,
                          force=task.force, home=Path(task.home) if task.home else None)
    except RecordError as exc:
        return Outcome(task, "failed", message=str(in_vietnamese(exc)))
    except TemplateError as exc:
        return Outcome(task, "failed", message=str(exc))
    except Exception as exc:  # noqa: BLE001 - one failing unit must not stop the others
        return Outcome(task, "failed", message=f"lỗi không mong đợi: {type(exc).__name__}: {exc}")
    return Outcome(task, "skipped" if made.skipped else "made", str(made.path),
                   str(made.pdf_path or ""), made.symbol,
                   spans=(made.render_span,) if made.render_span else ())


def convert_task(outcome: Outcome) -> Outcome:
    """Adds the PDF of a rendered task's document; a failed conversion fails the task."""
    from ..documents.pdf import PdfError
    from .render import attach_pdf

    try:
        pdf_path, span = attach_pdf(Path(outcome.path), url=outcome.task.url)
    except PdfError as exc:
        return replace(outcome, status="failed", message=f"đã tạo .docx, chưa tạo được PDF: {exc}")
    return replace(outcome, status="made", pdf_path=str(pdf_path), spans=(*outcome.spans, span))


def _init_worker() -> None:
    # a worker is its own process with its own database connections; it only renders .docx
    os.environ.setdefault("THIDUA_WORKER", "1")


def run_batch(tasks: Sequence[Task], *, workers: int | None = None,
              progress: Callable[[Outcome, int, int], None] | None = None) -> Summary:
    """Runs every task and returns the summary; `progress(outcome, done, total)` is called as
    each task ends.

    The .docx files are rendered on a local process pool (one worker per core by default);
    PDFs are made here, as rendered documents arrive, through the process-wide pool of warm
    converters (one per core), started at once so that it is warm when the first document is.
    """
    summary = Summary()
    total = len(tasks)
    lock = threading.Lock()

    def finish(outcome: Outcome) -> None:
        with lock:
            summary.outcomes.append(outcome)
            if progress:
                progress(outcome, len(summary.outcomes), total)

    needs_pdf = any(t.pdf for t in tasks)
    converters = None
    if needs_pdf:
        from ..documents.pdf import default_pool, libreoffice_available

        if libreoffice_available():
            pool = default_pool()
            threading.Thread(target=pool.warm, daemon=True).start()
            converters = ThreadPoolExecutor(pool.size, thread_name_prefix="pdf")
    conversions: list[Future[None]] = []

    def rendered(outcome: Outcome) -> None:
        wants_pdf = outcome.task.pdf and outcome.status != "failed"
        if wants_pdf and not Path(outcome.pdf_path or "-").is_file():
            if converters is None:
                finish(convert_task(outcome))  # reports LibreOffice missing, keeps the .docx
            else:
                conversions.append(converters.submit(lambda o=outcome: finish(convert_task(o))))
        else:
            finish(outcome)

    workers = max(1, min(workers or os.cpu_count() or 1, total or 1))
    try:
        if workers == 1:
            for task in tasks:
                rendered(render_task(task))
        else:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["service.jobs.render"])
            with ProcessPoolExecutor(workers, mp_context=context,
                                     initializer=_init_worker) as processes:
                pending: set[Future[Outcome]] = {processes.submit(render_task, t) for t in tasks}
                while pending:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        rendered(future.result())
        for conversion in conversions:
            conversion.result()
    finally:
        if converters is not None:
            converters.shutdown(wait=True)
    return summary
