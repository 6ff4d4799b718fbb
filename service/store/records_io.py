"""Reading a directory of YAML records (every error with file, line and field) and writing one."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..domain.errors import Problem, RecordError
from ..domain.recordset import FILE_ATTR, FILES, Finding, Located, RecordSet, validate
from .yamlio import dump, load_located


def read_dir(directory: Path) -> tuple[RecordSet, dict[str, object], list[Problem]]:
    """Returns the valid records of `directory`, per file its located YAML (for lines), and the
    problems of the records that were refused (the caller decides; importing refuses all)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise RecordError.one(f"không tìm thấy thư mục dữ liệu “{directory}”")
    rs = RecordSet()
    sources: dict[str, object] = {}
    findings: list[Finding] = []
    problems: list[Problem] = []
    for name, (schema, is_list, _key) in FILES.items():
        path = directory / name
        if not path.exists():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem("tệp không phải UTF-8", file=name))
            continue
        try:
            located = load_located(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(f"lỗi cú pháp YAML: {getattr(exc, 'problem', exc)}", file=name,
                                    line=mark.line + 1 if mark else None))
            continue
        sources[name] = located
        data = located.data
        if data is None:
            continue
        as_list = isinstance(data, list)
        items = data if as_list else [data]
        if is_list and not as_list:
            problems.append(Problem("tệp phải là một danh sách bản ghi (mỗi bản ghi bắt đầu bằng “- ”)",
                                    file=name, line=1))
            continue
        for index, raw in enumerate(items):
            path_in_file = (index,) if as_list else ()
            record, found = validate(schema, raw, name, path_in_file)
            findings += found
            if record is not None:
                getattr(rs, FILE_ATTR[name]).append(Located(record, name, path_in_file))
    if not sources and not problems:
        names = ", ".join(FILES)
        problems.append(Problem(f"thư mục “{directory}” không có tệp dữ liệu nào ({names})"))
    return rs, sources, problems + [to_problem(f, sources) for f in findings]


def to_problem(finding: Finding, sources: dict[str, object]) -> Problem:
    """Returns the finding with its path turned into a line of its file."""
    located = sources.get(finding.file)
    line = located.line_of(finding.path) if located is not None else None  # type: ignore[attr-defined]
    return Problem(finding.message, file=finding.file, line=line, field=finding.field)


def write_dir(rs: RecordSet, directory: Path) -> list[Path]:
    """Writes one YAML file per kind of record (files of kinds with no records are not written)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (_schema, is_list, _key) in FILES.items():
        records = rs.records(FILE_ATTR[name])
        if not records:
            continue
        dumped = [r.model_dump(mode="json", exclude_defaults=True) for r in records]
        # movement.yaml holds one mapping for one year, a list when there are several
        payload: object = dumped[0] if not is_list and len(dumped) == 1 else dumped
        target = directory / name
        target.write_text(dump(payload), encoding="utf-8")
        written.append(target)
    return written
