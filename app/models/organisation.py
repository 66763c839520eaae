"""Employment centres and employers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, str_enum, utcnow
from .enums import OwnershipForm
from .geo import Locality, Region


class Centre(Base):
    """A public employment centre (Центр занятости населения / Халықты жұмыспен қамту орталығы)."""

    __tablename__ = "centre"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_kk: Mapped[str] = mapped_column(String(255))
    name_ru: Mapped[str] = mapped_column(String(255))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("locality.id"))
    address: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(32))

    region: Mapped[Region] = relationship()
    locality: Mapped[Locality | None] = relationship()

    def name(self, locale: str) -> str:
        return self.name_kk if locale == "kk" else self.name_ru


class Employer(Base):
    __tablename__ = "employer"

    id: Mapped[int] = mapped_column(primary_key=True)
    bin: Mapped[str | None] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    locality_id: Mapped[int | None] = mapped_column(ForeignKey("locality.id"))
    ownership_form: Mapped[OwnershipForm] = mapped_column(
        str_enum(OwnershipForm), default=OwnershipForm.PRIVATE
    )
    contact_name: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(255))
    address: Mapped[str | None] = mapped_column(String(255))
    website: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    region: Mapped[Region | None] = relationship()
    locality: Mapped[Locality | None] = relationship()
