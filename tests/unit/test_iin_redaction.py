"""IIN redaction in free text, property-tested over the ways people type an IIN: separators of
every kind (no-break, thin, zero-width spaces, dashes), full-width digits, surrounding text."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from matching.iin import make_iin, redact_iins

FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
SEPARATORS = ["", " ", "-", "\u00a0", "\u2009", "\u202f", "\u200b", "\u2013", ".", " - ", "\u3000"]
# Letters and punctuation only: no digits that could join the IIN into a longer number.
SURROUNDING = st.text(alphabet=st.sampled_from("ЖСН ИИН мой: abc,;()\n\tӘәҚқ"), max_size=30)

iins = st.builds(
    make_iin,
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["male", "female"]),
    st.integers(min_value=0, max_value=9999),
)


def _typed(iin: str, gaps: list[str], wide: list[bool]) -> str:
    digits = [FULL_WIDTH[d] if w else d for d, w in zip(iin, wide, strict=True)]
    return digits[0] + "".join(g + d for g, d in zip(gaps, digits[1:], strict=True))


@given(
    iin=iins,
    gaps=st.lists(st.sampled_from(SEPARATORS), min_size=11, max_size=11),
    wide=st.lists(st.booleans(), min_size=12, max_size=12),
    before=SURROUNDING,
    after=SURROUNDING,
)
def test_every_typed_form_of_an_iin_is_redacted(
    iin: str, gaps: list[str], wide: list[bool], before: str, after: str
) -> None:
    text = before + _typed(iin, gaps, wide) + after
    redacted = redact_iins(text)
    assert redacted == before + "[ЖСН/ИИН]" + after


@given(iin=iins, number=st.sampled_from(["8 701 123 45 67", "№ 12", "2024", "+7 (727) 2"]))
def test_an_iin_after_another_number_is_still_found(iin: str, number: str) -> None:
    assert redact_iins(f"{number} {iin}") == f"{number} [ЖСН/ИИН]"


@given(text=st.text(alphabet=st.characters(blacklist_categories=["Nd"])))
def test_text_without_digits_is_unchanged(text: str) -> None:
    assert redact_iins(text) == text


def test_numbers_that_are_not_iins_stay() -> None:
    iin = make_iin(date(1990, 5, 17), "female", 123)
    for text in (
        "тел. 8 701 123 45 67",
        "зарплата 250 000 - 300 000 тг",
        f"IBAN KZ1{iin}99",  # an IIN-shaped slice of a longer number is not an IIN
        iin[:11] + str((int(iin[11]) + 1) % 10),  # wrong check digit
    ):
        assert redact_iins(text) == text
