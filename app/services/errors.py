"""Errors services raise for bad input: each names the field, for a 4xx or a CLI message."""

from __future__ import annotations


class FieldError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ValidationFailed(ValueError):
    """Several field errors at once (forms and imports report them all)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class LimitExceeded(FieldError):
    """A value beyond a limit of the programme rules: ``rule`` names the rule parameter
    (for example ``social_job_max_months`` or ``minimum_wage``) and ``limit`` its value."""

    def __init__(self, field: str, message: str, *, rule: str, limit: int) -> None:
        super().__init__(field, message)
        self.rule = rule
        self.limit = limit
