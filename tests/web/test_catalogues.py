"""Every interface string has a Kazakh and a Russian translation; compiled when changed."""

from __future__ import annotations

import gettext
from pathlib import Path

from app.web.catalogue_check import contradictions, extracted, missing
from app.web.i18n import CATALOGUE_LANGUAGES, compile_catalogues, read_catalogue


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


def test_catalogues_are_compiled_again_only_when_a_fragment_changes(tmp_path: Path) -> None:
    source, target = tmp_path / "po", tmp_path / "compiled"
    for lang in CATALOGUE_LANGUAGES:
        (source / lang).mkdir(parents=True)
        (source / lang / "area.po").write_text(_po("Sign in", f"{lang}-1"), encoding="utf-8")
    mo = target / "kk" / "LC_MESSAGES" / "messages.mo"

    compile_catalogues(target, source)
    assert _translation(target, "Sign in") == "kk-1"
    written = mo.stat().st_mtime_ns
    compile_catalogues(target, source)
    assert mo.stat().st_mtime_ns == written  # unchanged fragments: not rewritten

    (source / "kk" / "area.po").write_text(_po("Sign in", "kk-2"), encoding="utf-8")
    compile_catalogues(target, source)
    assert _translation(target, "Sign in") == "kk-2"

    (source / "kk" / "more.po").write_text(_po("Sign out", "kk-out"), encoding="utf-8")
    compile_catalogues(target, source)
    assert _translation(target, "Sign out") == "kk-out"
    (source / "kk" / "more.po").unlink()
    compile_catalogues(target, source)
    assert _translation(target, "Sign out") == "Sign out"


def _po(msgid: str, msgstr: str) -> str:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return f'{header}msgid "{msgid}"\nmsgstr "{msgstr}"\n'


def _translation(target: Path, msgid: str) -> str:
    with (target / "kk" / "LC_MESSAGES" / "messages.mo").open("rb") as mo:
        return gettext.GNUTranslations(mo).gettext(msgid)  # read afresh: gettext.translation caches
