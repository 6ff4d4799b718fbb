"""Tallies print as Vietnamese text; a rate over nothing is no rate; a roll-up sums counts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from service.domain.tallies import Count, NominationTally, TitleTally, roll_up


@pytest.mark.parametrize(
    ("registered", "achieved", "rate", "text"),
    [
        (7, 6, Decimal(600) / 7, "85,71%"),
        (3, 2, Decimal(200) / 3, "66,67%"),
        (8, 8, Decimal(100), "100%"),
        (8, 0, Decimal(0), "0%"),
        (0, 0, None, ""),
    ],
)
def test_title_rate(registered: int, achieved: int, rate: Decimal | None, text: str) -> None:
    tally = TitleTally("LDTT", "Lao động tiên tiến", "individual", registered, achieved)
    assert (tally.rate, tally.rate_text) == (rate, text)


def test_counts_print_with_thousands_dots() -> None:
    assert Count("co_so", "cấp cơ sở", 1234).count_text == "1.234"
    tally = TitleTally("LDTT", "Lao động tiên tiến", "individual", 12000, 10500)
    assert (tally.achieved_text, tally.rate_text) == ("10.500", "87,5%")
    assert NominationTally("BKT", "Bằng khen", 0, 0).rate_text == ""


def test_roll_up_of_nothing_is_all_zero() -> None:
    totals = roll_up([])
    assert (totals.units, totals.people, totals.titles, totals.nominations) == (0, 0, (), ())
    assert all(h.total == 0 for h in totals.honours)
