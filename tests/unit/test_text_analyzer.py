"""End-to-end analysis: the terms both engines index and queries search for."""

from __future__ import annotations

import pytest

from matching.text import analyze, analyze_alternatives, analyze_query


def one_term(text: str, lang: str | None = None) -> str:
    terms = analyze(text, lang)
    assert len(terms) == 1, terms
    return terms[0]


@pytest.mark.parametrize(
    "forms",
    [
        "программист программиста программистами программистов программисту",
        "водитель водителя водителей водителями",
        "бухгалтер бухгалтера бухгалтеров бухгалтерами",
        "опыт опыта опытом",
        "ёмкость емкость",
    ],
)
def test_russian_forms_share_a_term(forms: str) -> None:
    assert len({one_term(word) for word in forms.split()}) == 1


def test_bukhgalteriya_meets_bukhgalter() -> None:
    # Snowball reduces the department (бухгалтерия) to the profession's stem; accepted:
    # a query for either finds both, which is what job seekers mean.
    assert one_term("бухгалтерии") == one_term("бухгалтер")


@pytest.mark.parametrize(
    "forms",
    [
        "жұмыс жұмысы жұмыстар жұмыстарының жұмысқа жұмыста жұмыстан жұмыспен",
        "мұғалім мұғалімдер мұғалімге мұғалімдердің",
        "бағдарламашы бағдарламашылар бағдарламашыға",
        "жүргізуші жүргізушілер жүргізушіге",
        "дәрігер дәрігерлер дәрігерге",
        "қала қалада қаладан қалалар",
    ],
)
def test_kazakh_forms_share_a_term(forms: str) -> None:
    assert len({one_term(word) for word in forms.split()}) == 1


def test_ambiguous_kazakh_words_use_the_hint_or_their_sentence() -> None:
    assert {one_term(w, "kk") for w in ["аудан", "ауданда", "ауданы"]} == {"аудан"}
    assert analyze("Бостандық ауданында, ауданда")[1:] == ["аудан", "аудан"]


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Jūmys ızdeimın", "Жұмыс іздеймін"),
        ("Qazaqstan", "Қазақстан"),
        ("bağdarlamaşy", "бағдарламашы"),
        ("bağdarlamaşylarğa", "бағдарламашыларға"),
        ("mūğalımder", "мұғалімдер"),
    ],
)
def test_kazakh_latin_meets_cyrillic(latin: str, cyrillic: str) -> None:
    assert analyze(latin) == analyze(cyrillic)


def test_html_is_stripped() -> None:
    html = "<p>Требуется <b>водитель</b>&nbsp;категории&nbsp;C</p><br/><li>опыт&nbsp;работы</li>"
    assert analyze(html) == analyze("Требуется водитель категории C. Опыт работы")


def test_tech_tokens_are_kept_intact() -> None:
    terms = analyze("Знание C++, C#, F#, .NET, ASP.NET, Node.js, Vue.js и 1С:Бухгалтерия")
    for term in ("c++", "c#", "f#", ".net", "asp.net", "node.js", "vue.js", "1с"):
        assert term in terms
    assert analyze("1C") == analyze("1С") == ["1с"]  # Latin C and Cyrillic С
    assert analyze("С++") == ["c++"]  # Cyrillic С


def test_english_skills_are_stemmed() -> None:
    assert analyze("Developers, managing Python developer") == [
        "develop",
        "manag",
        "python",
        "develop",
    ]


def test_stop_words_are_dropped_in_all_languages() -> None:
    assert analyze("опыт работы в и на с") == analyze("опыт работы")
    assert analyze("мұғалім және дәрігер үшін") == ["мұғалім", "дәрігер"]
    assert analyze("the developer and the manager") == ["develop", "manag"]


def test_meaningful_short_words_are_kept() -> None:
    assert "без" in analyze("без опыта")
    assert "it" in analyze("IT-специалист")


def test_numbers_are_kept_and_order_is_preserved() -> None:
    assert analyze("от 3 лет, 250 000 тенге") == ["3", "лет", "250", "000", "тенг"]


def test_mixed_language_text_stems_each_sentence_in_its_language() -> None:
    text = "Требуется мастер. Шеберлер мен мастерлер қажет."
    assert analyze(text) == ["треб", "мастер", "шебер", "мастер", "қажет"]


def test_empty_and_symbol_only_text() -> None:
    assert analyze("") == []
    assert analyze(" — !!! ... ") == []
    assert analyze_query("и в на") == []


def test_alternatives_keep_document_term_first_when_the_language_is_clear() -> None:
    for text in ("мұғалімдер", "водителями", "developers"):
        assert analyze_alternatives(text)[0][0] == analyze(text)[0]


def test_query_meets_document_across_readings() -> None:
    # The document is Kazakh, so "ауданы" is stemmed as Kazakh; a bare query word could be
    # Russian too, and its alternatives cover both readings.
    document = set(analyze("Алмалы ауданы, Алматы қаласы"))
    query = analyze_query("ауданы")
    assert document & set(query[0])
