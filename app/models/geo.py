"""Kazakhstan's administrative geography: regions (oblasts and republican cities) and localities."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, str_enum
from .enums import RegionKind


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    kato: Mapped[str] = mapped_column(String(9), unique=True)
    name_kk: Mapped[str] = mapped_column(String(120))
    name_ru: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    kind: Mapped[RegionKind] = mapped_column(str_enum(RegionKind, 16))
    centre_kk: Mapped[str] = mapped_column(String(120))
    centre_ru: Mapped[str] = mapped_column(String(120))
    lat: Mapped[float]
    lon: Mapped[float]

    localities: Mapped[list[Locality]] = relationship(back_populates="region")

    def name(self, locale: str) -> str:
        return {"kk": self.name_kk, "ru": self.name_ru}.get(locale, self.name_en)


class Locality(Base):
    """A town or village: a district's main settlement, a city, or a republican city."""

    __tablename__ = "locality"

    id: Mapped[int] = mapped_column(primary_key=True)
    kato: Mapped[str] = mapped_column(String(9), unique=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    district_kk: Mapped[str | None] = mapped_column(String(120))
    district_ru: Mapped[str | None] = mapped_column(String(120))
    name_kk: Mapped[str] = mapped_column(String(120))
    name_ru: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    lat: Mapped[float]
    lon: Mapped[float]
    is_urban: Mapped[bool]
    is_region_centre: Mapped[bool] = mapped_column(default=False)

    region: Mapped[Region] = relationship(back_populates="localities")

    def name(self, locale: str) -> str:
        return {"kk": self.name_kk, "ru": self.name_ru}.get(locale, self.name_en)
