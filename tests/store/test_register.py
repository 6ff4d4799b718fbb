"""The outgoing register: concurrent requests get distinct consecutive numbers."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest
from sqlalchemy import select

from service.store import db, register
from service.store.models import UnitRow


def _urls() -> list[str]:
    urls = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        urls.append(os.environ["DATABASE_URL"])
    return urls


@pytest.fixture(params=_urls())
def unit_db(request: pytest.FixtureRequest, empty_db: str) -> tuple[str, int]:
    url = empty_db if request.param == "sqlite" else request.param
    db.migrate(url)
    with db.transaction(url) as session:
        code = f"T{threading.get_ident() % 100000}"
        row = session.scalars(select(UnitRow).where(UnitRow.code == code)).one_or_none()
        if row is None:
            row = UnitRow(code=code, name="Đơn vị thử", kind="department", data={})
            session.add(row)
            session.flush()
        return url, row.id


def test_twenty_concurrent_requests_get_twenty_consecutive_numbers(unit_db: tuple[str, int]) -> None:
    url, unit_id = unit_db
    year = 2100 - dt.date.today().day  # a year no other run of this test used on a shared server
    start = threading.Barrier(20)
    got: list[int] = []
    errors: list[BaseException] = []

    def take() -> None:
        try:
            start.wait()
            with db.transaction(url) as session:
                number = register.next_number(session, unit_id, year)
                register.record(session, unit_id=unit_id, year=year, number=number,
                                symbol=f"{number:02d}/TB-T", kind="test", date=dt.date.today(),
                                subject="Thử")
            got.append(number)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=take) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    first = min(got)
    assert sorted(got) == list(range(first, first + 20))
    with db.transaction(url) as session:
        numbers = [e.number for e in register.entries(session, [unit_id], year)]
    assert sorted(numbers)[-20:] == sorted(got)


def test_reserved_number_is_never_handed_out(empty_db: str) -> None:
    with db.transaction(empty_db) as session:
        session.add(UnitRow(code="U", name="U", kind="province", data={}))
        session.flush()
        uid = session.scalars(select(UnitRow.id)).one()
        register.reserve(session, uid, 2024, 1)
        assert register.next_number(session, uid, 2024) == 2
        assert register.next_number(session, uid, 2025) == 1
