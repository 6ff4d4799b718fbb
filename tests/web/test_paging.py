"""Pages of a long list."""

from __future__ import annotations

import pytest

from service.web.paging import paginate


@pytest.mark.parametrize(
    ("total", "asked", "number", "pages", "first", "last"),
    [
        (182, 1, 1, 4, 1, 50),
        (182, 4, 4, 4, 151, 182),
        (182, 9, 4, 4, 151, 182),
        (182, -3, 1, 4, 1, 50),
        (0, 1, 1, 1, 0, 0),
        (50, 2, 1, 1, 1, 50),
    ],
)
def test_page_bounds(
    total: int, asked: int, number: int, pages: int, first: int, last: int
) -> None:
    page = paginate(list(range(total)), asked, 50)
    assert (page.number, page.pages, page.first_index, page.last_index) == (
        number,
        pages,
        first,
        last,
    )


@pytest.mark.parametrize(
    ("pages", "current", "window"),
    [
        (1, 1, [1]),
        (4, 1, [1, 2, 3, 4]),
        (10, 1, [1, 2, 3, None, 10]),
        (10, 5, [1, 2, 3, 4, 5, 6, 7, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
    ],
)
def test_page_links(pages: int, current: int, window: list[int | None]) -> None:
    assert paginate(list(range(pages * 10)), current, 10).window() == window
