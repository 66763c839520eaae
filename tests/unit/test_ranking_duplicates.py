"""Near-duplicate postings (``matching.ranking.duplicates``)."""

from __future__ import annotations

import numpy as np

from matching.ranking import find_duplicate, fingerprint, is_duplicate
from matching.ranking.duplicates import estimated_jaccard, minhash, shingles

TITLE = "Продавец-консультант в магазин бытовой техники"
DESCRIPTION = (
    "Крупная сеть магазинов бытовой техники приглашает продавца-консультанта. "
    "Обязанности: консультирование покупателей по ассортименту, оформление продаж, "
    "выкладка товара, участие в инвентаризации, работа с кассой и терминалом. "
    "Требования: опыт продаж от года, грамотная речь, знание казахского и русского языков, "
    "уверенный пользователь ПК. Условия: официальное трудоустройство, график пять через два, "
    "обучение за счёт компании, оплата больничных и отпусков, премии по итогам месяца, "
    "корпоративные скидки на технику, дружный коллектив, возможность карьерного роста "
    "до старшего продавца и администратора торгового зала в течение первого года работы."
)


def test_same_employer_near_identical_text_is_a_duplicate() -> None:
    original = fingerprint(TITLE, DESCRIPTION, employer_id=7)
    # Re-posted with cosmetic edits: case, punctuation, markup, one word form changed.
    reposted = fingerprint(
        TITLE.upper() + "!",
        "<p>" + DESCRIPTION.replace("продаж,", "продаж;").replace("года", "году") + "</p>",
        employer_id=7,
    )
    assert is_duplicate(original, reposted)
    assert find_duplicate(reposted, [fingerprint("Бухгалтер", "Учёт", 7), original]) == 1


def test_different_employer_is_not_a_duplicate() -> None:
    original = fingerprint(TITLE, DESCRIPTION, employer_id=7)
    copy = fingerprint(TITLE, DESCRIPTION, employer_id=8)
    assert not is_duplicate(original, copy)
    assert find_duplicate(copy, [original]) is None


def test_edited_text_below_threshold_is_not_a_duplicate() -> None:
    original = fingerprint(TITLE, DESCRIPTION, employer_id=7)
    edited_description = DESCRIPTION.replace(
        "Условия: официальное трудоустройство, график пять через два,",
        "Условия: работа вахтовым методом пятнадцать через пятнадцать, проживание и питание,",
    ).replace("дружный коллектив", "спецодежда и проезд до объекта")
    edited = fingerprint("Продавец на вахту", edited_description, employer_id=7)
    jaccard = estimated_jaccard(original.signature, edited.signature)
    assert 0.3 < jaccard < 0.9
    assert not is_duplicate(original, edited)


def test_embedding_cosine_alone_can_make_a_duplicate() -> None:
    vector = np.linspace(0.1, 1.0, 16)
    a = fingerprint("Сатушы", "Дүкенге сатушы қажет", 3, vector=vector)
    b = fingerprint("Продавец", "В магазин требуется продавец", 3, vector=vector * 2.0 + 0.001)
    far = fingerprint("Продавец", "В магазин требуется продавец", 3, vector=vector[::-1])
    assert is_duplicate(a, b)
    assert not is_duplicate(a, far)


def test_blank_postings_are_not_duplicates_of_each_other() -> None:
    assert not is_duplicate(fingerprint("", "", 1), fingerprint("", "", 1))


def test_signature_is_stable_and_exact_for_identical_sets() -> None:
    items = shingles(["a", "b", "c", "d", "e"])
    assert items == {"a\x1fb\x1fc", "b\x1fc\x1fd", "c\x1fd\x1fe"}
    assert np.array_equal(minhash(items), minhash(set(items)))
    assert estimated_jaccard(minhash(items), minhash(items)) == 1.0
    assert shingles(["a", "b"]) == {"a\x1fb"}
