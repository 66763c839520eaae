"""Why a candidate is ranked where it is, told to the employer (the seeker-facing sentences
say "your occupation", "from home"; these speak of the candidate and the workplace)."""

from __future__ import annotations

from app.services.explanations import Reasons, reasons
from matching.ranking.explain import Explanation


def candidate_notes(explanation: Explanation) -> Reasons:
    """What fits and what does not, in the employer's words."""
    return reasons(explanation, "employer")
