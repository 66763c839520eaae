"""ISCO-08 based occupation classifier (Kazakhstan's НКЗ follows ISCO-08)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class Occupation(Base):
    __tablename__ = "occupation"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    level: Mapped[int]
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("occupation.code"), index=True)
    name_en: Mapped[str] = mapped_column(String(255))
    name_ru: Mapped[str] = mapped_column(String(255))
    name_kk: Mapped[str] = mapped_column(String(255))
    synonyms_ru: Mapped[list[str]] = mapped_column(default=list)
    synonyms_kk: Mapped[list[str]] = mapped_column(default=list)
    synonyms_en: Mapped[list[str]] = mapped_column(default=list)

    parent: Mapped[Occupation | None] = relationship(remote_side=[code])

    def name(self, locale: str) -> str:
        return {"kk": self.name_kk, "ru": self.name_ru}.get(locale, self.name_en)

    @property
    def path(self) -> tuple[str, ...]:
        """The ISCO hierarchy above and including this group: ("2", "25", "251", "2512")."""
        return tuple(self.code[:i] for i in range(1, len(self.code) + 1))
