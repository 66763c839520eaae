"""Every interface string has a Kazakh and a Russian translation."""

from __future__ import annotations

from app.web.catalogue_check import contradictions, extracted, missing
from app.web.i18n import read_catalogue


def test_strings_are_extracted_from_templates_and_code() -> None:
    strings = extracted()
    assert "Sign in" in strings and "templates/" in strings["Sign in"]
    assert "Wrong e-mail or password." in strings


def test_every_string_is_translated_into_kazakh_and_russian() -> None:
    gaps = [f"{m.lang}: {m.msgid!r} ({m.where})" for m in missing()]
    assert not gaps, "untranslated:\n" + "\n".join(gaps)


def test_catalogue_fragments_do_not_contradict_each_other() -> None:
    assert list(contradictions()) == []
    assert read_catalogue("kk").get("Sign in").string == "Кіру"
