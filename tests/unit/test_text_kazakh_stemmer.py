"""Kazakh suffix stripping on real word forms."""

from __future__ import annotations

import pytest

from matching.text import kazakh_variants, stem_kazakh

SAME_STEM = [
    "жұмыс жұмысы жұмыстар жұмыстары жұмыстарының жұмысқа жұмыста жұмыстан жұмыспен "
    "жұмысын жұмысында жұмысынан жұмыстың",
    "мұғалім мұғалімдер мұғалімге мұғалімдердің мұғалімнен мұғаліммін мұғалімін",
    "бағдарламашы бағдарламашылар бағдарламашыға бағдарламашылары бағдарламашымын",
    "жүргізуші жүргізушілер жүргізушіге жүргізушісі",
    "дәрігер дәрігерлер дәрігерге дәрігердің",
    "қала қалада қаладан қалалар қаласы қаласында қаладағы қаланың",
    "аудан ауданда ауданы аудандағы ауданның ауданына",
    "тәжірибе тәжірибесі тәжірибеңіз тәжірибесін",
    "бағдарлама бағдарламалар бағдарламасын бағдарламамен",
    "кітап кітабы кітаптар кітапқа",
    "мектеп мектебі мектепке мектептер",
    "қандас қандасы қандастар қандастарға",
    "облыс облысы облысында облыстар",
    "компания компаниясы компаниямыз компанияда",
    "жалақы жалақысы жалақыңыз",
    "мүгедектік мүгедектігі",
    "қазақстан қазақстанда қазақстандағы",
    "теңге теңгеден",
]


@pytest.mark.parametrize("forms", SAME_STEM, ids=lambda forms: forms.split()[0])
def test_inflected_forms_share_a_stem(forms: str) -> None:
    words = forms.split()
    assert {stem_kazakh(word) for word in words} == {stem_kazakh(words[0])}


@pytest.mark.parametrize(
    ("word", "stem"),
    [("жұмыстарының", "жұмыс"), ("мұғалімдердің", "мұғалім"), ("ауданы", "аудан")],
)
def test_exact_stems(word: str, stem: str) -> None:
    assert stem_kazakh(word) == stem


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("ат", "ата"),  # name/horse vs grandfather
        ("бас", "басшы"),  # head vs manager (derivational -шы)
        ("бағдарлама", "бағдарламашы"),  # program vs programmer
        ("жұмыс", "жұмысшы"),  # work vs worker
        ("тәжірибе", "тәжірибесіз"),  # experience vs without experience (-сіз kept)
        ("тәжірибе", "тәжірибелі"),  # experience vs experienced (-лі kept)
        ("мүгедек", "мүгедектік"),  # disabled person vs disability (-тік kept)
    ],
)
def test_derivations_and_short_roots_stay_apart(one: str, other: str) -> None:
    assert stem_kazakh(one) != stem_kazakh(other)


@pytest.mark.parametrize("word", ["ат", "ата", "үй", "бас", "ел", "білім", "адам", "теңге"])
def test_roots_are_not_destroyed(word: str) -> None:
    assert stem_kazakh(word) == word


def test_stemming_is_idempotent() -> None:
    for forms in SAME_STEM:
        for word in forms.split():
            assert stem_kazakh(stem_kazakh(word)) == stem_kazakh(word)


def test_hha_and_final_voicing_are_canonical() -> None:
    assert stem_kazakh("жиһаз") == stem_kazakh("жихаз")
    assert stem_kazakh("жүрегі") == "жүрек"


def test_vowel_harmony_blocks_mismatched_suffixes() -> None:
    assert stem_kazakh("мұғалімдар") == "мұғалімдар"  # back -дар after a front stem
    assert stem_kazakh("жұмыстер") == "жұмыстер"  # front -тер after a back stem


def test_variants_cover_the_ambiguous_accusative() -> None:
    assert stem_kazakh("қаланы") == "қалан"  # read as possessive, like аудан-ы
    assert stem_kazakh("қаланы") in kazakh_variants("қала")
    assert kazakh_variants("қала")[0] == "қала"
