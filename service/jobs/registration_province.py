"""The province's overview of the year's registrations and its consolidated list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..documents.kinds.registration_summary import units_in_order
from ..domain.catalogue import BY_CODE
from ..domain.errors import RecordError
from ..domain.records import Registration, Unit
from ..domain.recordset import in_vietnamese
from ..store import db
from ..store import repository as repo
from ..store.excel import ConsolidatedRow, consolidated_registrations_xlsx
from .render import Rendered, render_one

STATUS_LABELS = {"submitted": "Đã gửi", "draft": "Đang soạn", "": "Chưa đăng ký"}
# The level of a unit in the province's tree, by its kind (the province's overview).
LEVEL_LABELS = {"province": "Cấp tỉnh", "department": "Sở, ban, ngành",
                "agency": "Sở, ban, ngành", "district": "Cấp huyện", "commune": "Cấp xã"}


@dataclass(frozen=True)
class UnitStatus:
    """One unit's line of the province's overview: the unit, the unit above it in the tree
    (None for the province), and its registration."""

    unit: Unit
    registration: Registration | None
    parent: Unit | None = None

    @property
    def level(self) -> str:
        """Returns the unit's place in the tree, as the province reads it: `Sở, ban, ngành`,
        `Cấp huyện`, `Cấp xã, thuộc UBND huyện Mai Sơn`, `Thuộc Sở Nội vụ` (a body under a
        body)."""
        parent, label = self.parent, LEVEL_LABELS.get(self.unit.kind, "")
        if parent is None or parent.kind == "province":
            return label
        if parent.kind in ("department", "agency"):
            return f"Thuộc {self.under}"
        return f"{label}, thuộc {self.under}" if label else f"Thuộc {self.under}"

    @property
    def under(self) -> str:
        """Returns the name of the unit above it (`UBND huyện Mai Sơn`), "" for the province."""
        return (self.parent.short_name or self.parent.name) if self.parent else ""

    @property
    def status(self) -> str:
        return self.registration.status if self.registration else ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"

    @property
    def collective_names(self) -> list[str]:
        reg = self.registration
        return [BY_CODE[c].name for c in reg.collective_titles if c in BY_CODE] if reg else []


def overview(year: int, url: str | None = None) -> list[UnitStatus]:
    """Returns every unit (province, departments, agencies, districts, communes) with the unit
    above it and its registration for `year`, or None."""
    with db.transaction(url) as session:
        units = units_in_order(repo.load_all(session, "units"))
        regs = {r.unit: r for r in repo.load_all(session, "registrations", year=year)}
    by_code = {u.code: u for u in units}
    return [UnitStatus(u, regs.get(u.code), by_code.get(u.parent or "")) for u in units]


def consolidated_rows(lines: Sequence[UnitStatus]) -> list[ConsolidatedRow]:
    """Returns the consolidated workbook's rows: what each unit sent (a draft counts nothing)."""
    rows = []
    for line in lines:
        reg = line.registration if line.submitted else None
        counts: dict[str, int] = {}
        for entry in reg.individuals if reg else []:
            for code in {entry.title, entry.award} - {None}:
                counts[code] = counts.get(code, 0) + 1  # type: ignore[index]
        # the province's own units stand alone; below them, the unit above is named
        above = line.parent is not None and line.parent.kind != "province"
        rows.append(ConsolidatedRow(
            unit_name=f"{line.unit.name} (thuộc {line.under})" if above else line.unit.name,
            collective_titles="; ".join(BY_CODE[c].name for c in reg.collective_titles)
            if reg else "",
            individuals=len(reg.individuals) if reg else 0, by_title=counts,
            status=line.status, registered=line.submitted))
    return rows


def consolidated_xlsx(year: int, url: str | None = None) -> bytes:
    """Returns the province's consolidated list (tổng hợp đăng ký thi đua) as .xlsx."""
    return consolidated_registrations_xlsx(year, consolidated_rows(overview(year, url)))


def summary_document(year: int, url: str | None = None, *, pdf: bool = False,
                     output: Path | None = None) -> Rendered:
    """Renders the consolidated list as the province's báo cáo (kind registration_summary); a
    PDF left from an earlier rendering is removed when this one has none. RecordError (fields
    named in Vietnamese) when Sở Nội vụ or its head is not on record."""
    try:
        made = render_one("registration_summary", year, url=url, pdf=pdf, output=output)
    except RecordError as exc:
        raise in_vietnamese(exc) from None
    return made



def missing_letters(lines: Sequence[UnitStatus]) -> list[str]:
    """Returns the batch's notes on units without a letter: `Chưa đăng ký: N đơn vị.` and
    `Đang soạn (chưa gửi): N đơn vị — …` (their names); nothing when every unit has sent."""
    unregistered = [line for line in lines if not line.status]
    drafts = [line.unit.name for line in lines if line.status == "draft"]
    notes = []
    if unregistered:
        notes.append(f"Chưa đăng ký: {len(unregistered)} đơn vị (không có công văn).")
    if drafts:
        notes.append(f"Đang soạn (chưa gửi): {len(drafts)} đơn vị — {'; '.join(drafts)}.")
    return notes
