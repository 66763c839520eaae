"""Programme eligibility inside ranking: may this person take this programme place?

Regular vacancies need no decision (``assess`` returns None). For social jobs, youth practice,
public works and disability-quota places the decision is ``matching.rules``'
``programme_eligibility``; ranking adds what it alone can judge: whether the place is in the
person's profession or specialty (youth practice requires it). Hazardous social jobs and youth
practice are refused by the rules, and here too for people whose facts are unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from matching.ranking.match import Match, Seeker
from matching.ranking.profile import PROGRAMME_KINDS, VacancyLike
from matching.rules import NO_HAZARD_KINDS, PlacementFacts, Reason, programme_eligibility, reason
from matching.rules.texts import programme_name

# A programme place shown to someone whose facts the centre does not have (anonymous).
REGISTRATION_NEEDED = Reason(
    "registration_needed",
    "Бұл бағдарлама бойынша орын: құқығыңызды тексеру үшін жұмыспен қамту орталығында тіркеліңіз",
    "Это место по программе занятости: чтобы проверить право на него, зарегистрируйтесь в "
    "центре занятости",
)


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The rules' decision; ``allowed`` is None when the person's facts are unknown."""

    allowed: bool | None
    reasons: tuple[Reason, ...] = ()
    not_obliged: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "not_obliged": self.not_obliged,
            "reasons": [r.to_dict() for r in self.reasons],
        }


def in_specialty(seeker: Seeker, vacancy: VacancyLike, match: Match) -> bool | None:
    """Is the place in the person's profession or specialty (youth practice requires it)?

    True when a specialty name's words are in the vacancy's title/skills or an occupation
    matches at least at minor-group level; None when there is nothing to compare.
    """
    if match.specialty.code == "specialty_match" or match.occupation.score >= 0.7:
        return True
    profile = seeker.profile
    known_occupation = vacancy.occupation_code and (
        profile.desired_occupations or profile.past_occupations
    )
    return False if seeker.specialties or known_occupation else None


def assess(seeker: Seeker, vacancy: VacancyLike, match: Match) -> Eligibility | None:
    """None for regular vacancies; otherwise whether this person may take this place."""
    if vacancy.kind not in PROGRAMME_KINDS:
        return None
    person = seeker.profile.person
    if person is None:
        if vacancy.hazardous and vacancy.kind in NO_HAZARD_KINDS:
            hazard = reason("hazardous_work", programme=programme_name(vacancy.kind))
            return Eligibility(False, (hazard,))
        return Eligibility(None, (REGISTRATION_NEEDED,))
    placement = PlacementFacts(
        kind=vacancy.kind,
        occupation_code=vacancy.occupation_code,
        hazardous=vacancy.hazardous,
        in_specialty=in_specialty(seeker, vacancy, match)
        if vacancy.kind == "youth_practice"
        else None,
    )
    decision = programme_eligibility(person, placement, seeker.today, seeker.rule_params)
    return Eligibility(decision.allowed, decision.reasons, decision.not_obliged)
