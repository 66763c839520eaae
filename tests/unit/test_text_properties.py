"""Property tests: analysis never fails and is stable on its own output."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from matching.text import (
    analyze,
    analyze_query,
    default_compounds,
    fold,
    latin_to_cyrillic,
    stem_kazakh,
)

SETTINGS = settings(max_examples=300, deadline=None, database=None)

KAZAKH_TEXT = """
жұмыс жұмысы жұмыстарының жұмысқа мұғалім мұғалімдердің бағдарламашыға жүргізушілер
дәрігерге қалада қаладан ауданы аудандағы тәжірибесі тәжірибесіз кітабы мектепке
қандастарға облысында жалақысы мүгедектігі бар адам жүк тиеуші керек қажет білім
жоғары маман бала ата ат бас басшы сату менеджері іздеймін
"""
RUSSIAN_TEXT = """
программист программистами водителей бухгалтерии требуется опыт опыта работы без высшее
образование менеджер по продажам заработная плата грузчик повар уборщица охранник учителя
врачи медсестра ёмкость
"""
KAZAKH_WORDS = KAZAKH_TEXT.split()
RUSSIAN_WORDS = RUSSIAN_TEXT.split()
ENGLISH_WORDS = ["developers", "developer", "managing", "manager", "sales", "nurse", "driver"]
TECH_WORDS = ["python", "excel", "c++", "c#", ".net", "node.js", "1с", "2000", "3.5", "b2b", "it"]


@SETTINGS
@given(st.text())
def test_analysis_never_raises_on_arbitrary_text(text: str) -> None:
    terms = analyze(text)
    assert all(term and not any(ch.isspace() for ch in term) for term in terms)
    for alternatives in analyze_query(text):
        assert alternatives
        assert all(alt and alt == alt.strip() for alt in alternatives)
    for lang in ("kk", "ru", "en", "xx"):
        analyze(text, lang)
    latin_to_cyrillic(text)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="<&")))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@SETTINGS
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі", min_size=1))
def test_kazakh_stemmer_is_idempotent_on_any_cyrillic(word: str) -> None:
    stem = stem_kazakh(word)
    assert stem
    assert stem_kazakh(stem) == stem


def _is_stable(words: list[str], lang: str) -> bool:
    terms = analyze(" ".join(words), lang)
    return analyze(" ".join(terms), lang) == terms


def _is_compositional(words: list[str], lang: str) -> bool:
    """A text's terms are its words' terms, with compound titles ("жұмыс жүргізуші") joined."""
    joined = analyze(" ".join(words), lang)
    each = [term for word in words for term in analyze(word, lang)]
    return joined == default_compounds().join_terms(each)


@SETTINGS
@given(st.lists(st.sampled_from(KAZAKH_WORDS + TECH_WORDS), max_size=12))
def test_analysis_is_idempotent_on_kazakh_text(words: list[str]) -> None:
    assert _is_stable(words, "kk")
    assert _is_compositional(words, "kk")


# Snowball is not idempotent (образование -> образован -> образова, nurse -> nurs -> nur), so
# Russian and English text is checked for compositionality only: a sentence's terms are its
# words' terms.
@SETTINGS
@given(st.lists(st.sampled_from(RUSSIAN_WORDS + ENGLISH_WORDS + TECH_WORDS), max_size=12))
def test_russian_analysis_is_compositional(words: list[str]) -> None:
    assert _is_compositional(words, "ru")
