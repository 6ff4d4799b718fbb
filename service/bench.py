"""Speed figures, measured side by side in one run on the example province (`make bench`):
our render path against plain docxtpl, warm against cold PDF conversion, the annual summary
batch, and one PDF converter against two. Prints ratios against the targets; asserts nothing.

`python -m service.bench --quick` is a tiny run (few documents, small tables, no PDF in the
batch) that prints every figure, for tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lxml import etree

from .vnformat.numbers import format_number

YEAR = 2024
LETTER_UNIT = "SNNPTNT"  # its registration lists 10 people: the 10-row letter
EXAMPLE = Path(__file__).resolve().parents[1] / "records" / "son-la-2024"
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"

# Every figure printed, by key (the quick test checks each label is there).
LABELS: dict[str, str] = {
    "letter_ours": "Văn bản 10 dòng – đường render của dự án (ms/văn bản)",
    "letter_plain": "Văn bản 10 dòng – docxtpl thuần: nạp, render, lưu (ms/văn bản)",
    "letter_ratio": "Văn bản 10 dòng – nhanh hơn (mục tiêu ≥ 4×)",
    "letter_same": "Văn bản 10 dòng – hai cách cho cùng nội dung",
    "annex_ours": "Phụ lục quyết định nhiều dòng – đường render của dự án (ms/văn bản)",
    "annex_plain": "Phụ lục quyết định nhiều dòng – docxtpl thuần (ms/văn bản)",
    "annex_ratio": "Phụ lục quyết định nhiều dòng – nhanh hơn (mục tiêu ≥ 10×)",
    "annex_same": "Phụ lục quyết định nhiều dòng – hai cách cho cùng nội dung",
    "pdf_warm": "PDF – bộ chuyển ấm (ms/văn bản)",
    "pdf_cold": "PDF – soffice --convert-to lạnh (ms/văn bản)",
    "pdf_ratio": "PDF – ấm nhanh hơn lạnh (mục tiêu ≥ 10×)",
    "batch_wall": "Lô báo cáo tổng kết – thời gian (s)",
    "batch_rate": "Lô báo cáo tổng kết – văn bản/giây",
    "batch_overhead": "Lô báo cáo tổng kết – phần thời gian ngoài dựng, render và chuyển PDF "
    "(mục tiêu ≤ 20%)",
    "converters_one": "Chuyển PDF từ 2 luồng – 1 bộ chuyển (s)",
    "converters_two": "Chuyển PDF từ 2 luồng – 2 bộ chuyển (s)",
    "converters_ratio": "Chuyển PDF từ 2 luồng – 2 bộ chuyển nhanh hơn (mục tiêu ≥ 1,6×)",
}


@dataclasses.dataclass(frozen=True)
class Mode:
    letter_runs: int
    annex_rows: int
    annex_runs: int
    warm_runs: int
    cold_runs: int
    batch_units: int | None  # None: every unit
    batch_pdf: bool
    converter_docs: int


FULL = Mode(
    letter_runs=20,
    annex_rows=5000,
    annex_runs=5,
    warm_runs=20,
    cold_runs=3,
    batch_units=None,
    batch_pdf=True,
    converter_docs=12,
)
QUICK = Mode(
    letter_runs=2,
    annex_rows=200,
    annex_runs=1,
    warm_runs=2,
    cold_runs=1,
    batch_units=2,
    batch_pdf=False,
    converter_docs=2,
)


def say(key: str, value: str) -> None:
    print(f"{LABELS[key]}: {value}", flush=True)


def ms(seconds: float) -> str:
    return format_number(seconds * 1000, 1)


def times(ratio: float) -> str:
    return f"{format_number(ratio, 1)}×"


def document_text(docx: bytes) -> list[str]:
    """Returns the text of every w:t of the main part, in order (to compare two renders)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return [t.text or "" for t in root.iter(W_T)]


def same_text(a: bytes, b: bytes) -> str:
    """Returns "có" when both documents hold the same text, else where they first differ."""
    first, second = document_text(a), document_text(b)
    if "".join(first) == "".join(second):
        return "có"
    joined = "".join(first), "".join(second)
    at = next((i for i, (x, y) in enumerate(zip(*joined)) if x != y), min(map(len, joined)))
    return f"KHÔNG (khác từ ký tự {at})"


# ---------------------------------------------------------------- render: ours vs docxtpl


def compare_renders(
    template: Path, context: dict[str, Any], runs: int, prefix: str, target: float
) -> None:
    """Times render_docx (its compiled template warm) and plain docxtpl on the same template and
    context, interleaved, and prints the medians, the ratio and whether the texts agree."""
    from .documents.render import render_docx, render_docx_plain

    ours_doc, plain_doc = render_docx(template, context), render_docx_plain(template, context)
    ours, plain = [], []
    for _ in range(runs):
        start = time.perf_counter()
        render_docx(template, context)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_docx_plain(template, context)
        plain.append(time.perf_counter() - start)
    fast, slow = statistics.median(ours), statistics.median(plain)
    say(f"{prefix}_ours", ms(fast))
    say(f"{prefix}_plain", ms(slow))
    say(
        f"{prefix}_ratio",
        f"{times(slow / fast)} (mục tiêu {times(target)}: "
        f"{'đạt' if slow / fast >= target else 'chưa đạt'})",
    )
    say(f"{prefix}_same", same_text(ours_doc, plain_doc))


def letter_case(url: str) -> tuple[Path, dict[str, Any], str]:
    """Returns the 10-row letter: the registration letter of LETTER_UNIT when that kind exists,
    else a unit's summary report with a 10-row annex."""
    from .documents.kinds import KINDS
    from .jobs import sources
    from .store import db

    kind = (
        "registration"
        if "registration" in KINDS and "registration" in sources.LOADERS
        else "summary"
    )
    with db.transaction(url) as session:
        src = sources.load(session, kind, YEAR, LETTER_UNIT)
    context = KINDS[kind].build_context(**src.args, number=1)
    if kind == "summary":
        rows = context["annex_rows"]
        context["annex_rows"] = [rows[i % len(rows)] for i in range(10)]
    return KINDS[kind].template_path(), context, kind


def annex_case(url: str, rows: int) -> tuple[Path, dict[str, Any], str]:
    """Returns a decision with `rows` people in its annexed list: the decision kind's template
    and context, the example decision's nominations repeated for made-up people; without that
    kind, the summary report whose annex table has `rows` lines."""
    from .documents.kinds import KINDS
    from .jobs import sources
    from .store import db

    try:
        with db.transaction(url) as session:
            src = sources.load(session, "decision", YEAR, "QD2024-BKT")
        args = _many_nominations(src.args, rows)
        return (
            KINDS["decision"].template_path(),
            KINDS["decision"].build_context(**args, number=1),
            "decision",
        )
    except Exception as exc:  # noqa: BLE001 - the kind may be missing or changed: say so, go on
        print(
            f"(không dùng được mẫu quyết định: {type(exc).__name__}: {exc}; dùng phụ lục "
            "của báo cáo tổng kết)",
            flush=True,
        )
    with db.transaction(url) as session:
        src = sources.load(session, "summary", YEAR, None)
    context = KINDS["summary"].build_context(**src.args, number=1)
    base = context["annex_rows"]
    context["annex_rows"] = [{**base[i % len(base)], "number": str(i + 1)} for i in range(rows)]
    return KINDS["summary"].template_path(), context, "summary"


def _many_nominations(args: dict[str, Any], rows: int) -> dict[str, Any]:
    individual = [n for n in args["nominations"] if n.nominee_kind == "individual"]
    people = dict(args["people"])
    known = list(people.values())
    nominations = []
    for i in range(rows):
        model = individual[i % len(individual)]
        person = known[i % len(known)].model_copy(update={"code": f"BENCH{i:05d}"})
        people[person.code] = person
        nominations.append(
            model.model_copy(update={"code": f"BENCH-N{i:05d}", "person": person.code})
        )
    decision = args["decision"].model_copy(update={"nominations": [n.code for n in nominations]})
    return {**args, "decision": decision, "nominations": nominations, "people": people}


# ---------------------------------------------------------------- PDF: warm vs cold


def compare_pdf(docx: bytes, pool: Any, mode: Mode) -> None:
    from .documents.pdf import convert_cold

    for _ in range(3):  # starts the converter and lets it settle: not counted
        pool.convert(docx)
    warm = []
    for _ in range(mode.warm_runs):
        start = time.perf_counter()
        pool.convert(docx)
        warm.append(time.perf_counter() - start)
    cold = []
    for _ in range(mode.cold_runs):
        start = time.perf_counter()
        convert_cold(docx)
        cold.append(time.perf_counter() - start)
    fast, slow = statistics.median(warm), statistics.median(cold)
    say("pdf_warm", ms(fast))
    say("pdf_cold", ms(slow))
    say(
        "pdf_ratio",
        f"{times(slow / fast)} (mục tiêu 10×: {'đạt' if slow / fast >= 10 else 'chưa đạt'})",
    )


# ---------------------------------------------------------------- the annual batch


def batch_tasks(url: str, mode: Mode, output: Path) -> list[Any]:
    from .jobs import batches

    tasks = batches.tasks_for(
        "summary", YEAR, pdf=mode.batch_pdf, output_dir=output, force=True, url=url
    )
    return tasks if mode.batch_units is None else tasks[: mode.batch_units + 1]


def run_batch_wall(url: str, mode: Mode, output: Path) -> tuple[float, int, list[Path]]:
    """Runs the summary batch as `thidua batch summary` does (a process per core, each with its
    own converter) and prints its wall time and rate; returns the wall time, the number of
    processes and the .docx files made."""
    from .jobs import batches

    tasks = batch_tasks(url, mode, output)
    workers = min(os.cpu_count() or 1, len(tasks))
    start, clock = time.perf_counter(), time.time()
    summary = batches.run("summary", tasks, workers=workers)
    wall = time.perf_counter() - start
    outside = 1 - summary.busy_seconds(clock, clock + wall) / wall
    failed = summary.count("failed")
    note = f"; {failed} lỗi: {summary.lines()[1:2]}" if failed else ""
    what = f"{len(tasks)} văn bản" + (", kèm PDF và sổ" if mode.batch_pdf else "")
    say("batch_wall", f"{format_number(wall, 2)} ({what}, {workers} tiến trình{note})")
    say("batch_rate", format_number(len(tasks) / wall, 2))
    say(
        "batch_overhead",
        f"{format_number(outside * 100, 1)}% (mục tiêu 20%: "
        f"{'đạt' if outside <= 0.2 else 'chưa đạt'}; đo: thời gian thực của lô trừ các khoảng có "
        f"ít nhất một văn bản đang được dựng hoặc chuyển PDF)",
    )
    return wall, workers, [Path(o.path) for o in summary.outcomes if o.path]


# ---------------------------------------------------------------- one converter vs two


def compare_converters(documents: list[bytes], one: Any) -> None:
    from .documents.pdf import ConverterPool

    def run(pool: Any) -> float:
        start = time.perf_counter()
        with ThreadPoolExecutor(2) as threads:
            list(threads.map(pool.convert, documents))
        return time.perf_counter() - start

    with ConverterPool(min(2, os.cpu_count() or 1)) as two:
        with ThreadPoolExecutor(2) as threads:  # start both converters: not counted
            list(threads.map(two.convert, documents[:2]))
        single, double = run(one), run(two)
    say("converters_one", format_number(single, 2))
    say("converters_two", format_number(double, 2))
    say(
        "converters_ratio",
        f"{times(single / double)} ({len(documents)} văn bản; mục tiêu "
        f"1,6×: {'đạt' if single / double >= 1.6 else 'chưa đạt'})",
    )


# ---------------------------------------------------------------- the run


def prepare(root: Path) -> str:
    """Returns the URL of a fresh database under `root` holding the example province."""
    from .jobs.records import import_dir
    from .store import db

    url = f"sqlite:///{root / 'bench.db'}"
    db.migrate(url)
    import_dir(EXAMPLE, url)
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny run, for tests")
    mode = QUICK if parser.parse_args(argv).quick else FULL
    from .documents.pdf import ConverterPool, libreoffice_available

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmp:
        root = Path(tmp)
        os.environ["THIDUA_HOME"] = str(root)
        url = prepare(root)
        print(
            f"Đo tốc độ trên dữ liệu mẫu năm {YEAR} ({'nhanh' if mode is QUICK else 'đầy đủ'};"
            f" {os.cpu_count()} nhân)",
            flush=True,
        )
        template, context, kind = letter_case(url)
        print(f"- văn bản 10 dòng: mẫu {template.name} ({kind})", flush=True)
        compare_renders(template, context, mode.letter_runs, "letter", 4)
        letter = _render(template, context)
        template, context, kind = annex_case(url, mode.annex_rows)
        print(
            f"- phụ lục {format_number(mode.annex_rows)} dòng: mẫu {template.name} ({kind})",
            flush=True,
        )
        compare_renders(template, context, mode.annex_runs, "annex", 10)
        del context
        if not libreoffice_available():
            print("Chưa cài LibreOffice: bỏ qua các phép đo PDF.", flush=True)
            return 0
        with ConverterPool(1) as pool:
            compare_pdf(letter, pool, mode)
            _wall, _workers, made = run_batch_wall(url, mode, root / "batch")
            documents = [p.read_bytes() for p in made[1 : mode.converter_docs + 1]]
            compare_converters(documents or [letter] * mode.converter_docs, pool)
    print(f"Tổng thời gian đo: {format_number(time.perf_counter() - started, 1)} s", flush=True)
    return 0


def _render(template: Path, context: dict[str, Any]) -> bytes:
    from .documents.render import render_docx

    return render_docx(template, context)


if __name__ == "__main__":
    sys.exit(main())
