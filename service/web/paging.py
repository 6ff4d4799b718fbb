"""A page of a long list: which items, which page, how many pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # 1-based
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first_index(self) -> int:
        """Returns the 1-based position of the page's first item in the whole list (0 if empty)."""
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.items)

    def window(self, around: int = 2) -> list[int | None]:
        """Returns the page numbers to link: first, last and `around` either side; None is a gap
        (a gap of one page shows that page instead)."""
        keep = {1, self.pages, *range(self.number - around, self.number + around + 1)}
        shown = sorted(n for n in keep if 1 <= n <= self.pages)
        out: list[int | None] = []
        previous = 0
        for n in shown:
            if n - previous == 2:
                out.append(n - 1)
            elif n - previous > 2:
                out.append(None)
            out.append(n)
            previous = n
        return out


def paginate(items: Sequence[T], number: int, per_page: int) -> Page[T]:
    """Returns page `number` of `items`; a number out of range gives the nearest page."""
    total = len(items)
    pages = max(1, -(-total // per_page))
    number = min(max(1, number), pages)
    start = (number - 1) * per_page
    return Page(items[start : start + per_page], number, per_page, total)
