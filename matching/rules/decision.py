"""What a rule answers: a yes/no with the reasons, each a machine code and Kazakh/Russian text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    kk: str
    ru: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "kk": self.kk, "ru": self.ru}


@dataclass(frozen=True, slots=True)
class Decision:
    """``reasons`` explain refusals and approvals alike: users are shown them.

    ``not_obliged``: allowed, but the person need not take part in active measures, so the
    place may be offered and must not be pushed.
    """

    allowed: bool
    reasons: tuple[Reason, ...] = ()
    not_obliged: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "reasons", tuple(self.reasons))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "not_obliged": self.not_obliged,
            "reasons": [r.to_dict() for r in self.reasons],
        }


def allow(*reasons: Reason, not_obliged: bool = False) -> Decision:
    return Decision(True, reasons, not_obliged)


def refuse(*reasons: Reason) -> Decision:
    return Decision(False, reasons)
