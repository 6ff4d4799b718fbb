"""SQLAlchemy tables: one row per record (its natural key in columns, the record itself as JSON),
plus users, the outgoing register and batch jobs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class UnitRow(Base):
    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]]


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]]


class MovementRow(Base):
    __tablename__ = "movements"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    data: Mapped[dict[str, Any]]


class RegistrationRow(Base):
    __tablename__ = "registrations"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class AchievementRow(Base):
    __tablename__ = "achievements"
    __table_args__ = (UniqueConstraint("subject", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(80))  # `person:P0001` or `unit:SNV`
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int]
    data: Mapped[dict[str, Any]]


class NominationRow(Base):
    __tablename__ = "nominations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]


class CouncilVoteRow(Base):
    __tablename__ = "council_votes"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    year: Mapped[int]
    data: Mapped[dict[str, Any]]


class DecisionRow(Base):
    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    year: Mapped[int]
    data: Mapped[dict[str, Any]]


class TargetResultsRow(Base):
    __tablename__ = "target_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(unique=True)
    data: Mapped[dict[str, Any]]


class UnitReportRow(Base):
    __tablename__ = "unit_reports"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    year: Mapped[int]
    data: Mapped[dict[str, Any]]


class CertificateLayoutRow(Base):
    """A unit's positions for printing onto one kind of pre-printed blank (JSON in mm)."""

    __tablename__ = "certificate_layouts"
    __table_args__ = (UniqueConstraint("unit_id", "honour"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    honour: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(16))  # admin | clerk | viewer
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(default=True)


class RegisterCounter(Base):
    """The last number handed out per issuing unit and year; updated in place so that
    concurrent requests serialise on one row."""

    __tablename__ = "register_counters"
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)


class RegisterEntry(Base):
    """A line of the outgoing-document register (sổ văn bản đi)."""

    __tablename__ = "register_entries"
    __table_args__ = (UniqueConstraint("unit_id", "year", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int]
    number: Mapped[int]
    symbol: Mapped[str] = mapped_column(String(80))  # `01/CT-UBND`
    kind: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(Text)
    record_key: Mapped[str] = mapped_column(String(120), default="")
    inputs_hash: Mapped[str] = mapped_column(String(64), default="")
    file: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    pdf_file: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class BatchJobRow(Base):
    __tablename__ = "batch_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    year: Mapped[int]
    status: Mapped[str] = mapped_column(String(16), default="queued")
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    made: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    messages: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
