"""The one error a user sees: what is wrong and where, in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: `message` in Vietnamese; file, line and field when known."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"tệp {self.file}")
        if self.line:
            where.append(f"dòng {self.line}")
        if self.field:
            where.append(f"trường “{self.field}”")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class RecordError(Exception):
    """Raised by domain and store code when input is refused; holds every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @classmethod
    def one(cls, message: str, **where: object) -> "RecordError":
        return cls([Problem(message, **where)])  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
