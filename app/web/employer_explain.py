"""Why a candidate is ranked where it is, told to the employer (the seeker-facing sentences
say "your occupation", "from home"; these speak of the candidate and the workplace)."""

from __future__ import annotations

from app.services.explanations import reasons
from matching.ranking.explain import Explanation


def candidate_notes(explanation: Explanation) -> list[str]:
    """What fits, then what does not: one line on the candidate's card."""
    said = reasons(explanation, "employer")
    return [*said.fits, *said.misfits]
