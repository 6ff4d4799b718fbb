"""What the list pages share: the year and page asked for, lookups by code, the unit picker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from flask import current_app, g, request
from sqlalchemy.orm import Session

from ..domain.records import Person, Unit
from ..store.repository import load_all
from .guards import Account, can_access_unit
from .paging import Page, paginate
from .tables import UnitLine, unit_lines

T = TypeVar("T")


@dataclass(frozen=True)
class Lookups:
    """Every unit and person by code, and the units in tree order."""

    units: dict[str, Unit]
    people: dict[str, Person]
    tree: list[UnitLine]

    @property
    def order(self) -> dict[str, int]:
        """Returns unit code → position in tree order."""
        return {line.unit.code: i for i, line in enumerate(self.tree)}

    def choices(self, user: Account) -> list[UnitLine]:
        """Returns the units `user` may pick in a filter, in tree order."""
        return [line for line in self.tree if can_access_unit(user, line.unit.code)]


def lookups(session: Session) -> Lookups:
    """Returns the request's lookups, loading them once per request."""
    if "lookups" not in g:
        units = {u.code: u for u in load_all(session, "units")}
        people = {p.code: p for p in load_all(session, "people")}
        g.lookups = Lookups(units, people, unit_lines(units.values(), people))
    return g.lookups


@dataclass(frozen=True)
class YearChoice:
    year: int
    years: list[int]  # the years offered in the picker, newest first


def requested_year(session: Session) -> YearChoice:
    """Returns the `year` of the query string, else the newest movement's year, else this year."""
    known = {m.year for m in load_all(session, "movements")}
    default = max(known) if known else dt.date.today().year
    year = request.args.get("year", default, type=int)
    return YearChoice(year, sorted(known | {year}, reverse=True))


def requested_page(items: list[T]) -> Page[T]:
    """Returns the page of `items` asked for by `page` in the query string."""
    return paginate(items, request.args.get("page", 1, type=int), current_app.config["PER_PAGE"])
