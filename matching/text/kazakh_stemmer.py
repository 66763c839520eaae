"""Light, rule-based suffix stripper for Kazakh (inflection only).

Kazakh stacks inflections as ``root + plural + possessive + case + personal``. Each pass strips
at most one suffix per layer, outermost first (personal, case, possessive, plural); passes repeat
until nothing applies, so every inflected form of a word reaches the same fixpoint and
``stem_kazakh`` is idempotent. A suffix is stripped only if

* its vowel agrees with the last vowel of what remains (vowel harmony; ``и`` counts as front,
  ``у``/``ю``/``я`` as back; the instrumental ``-мен/-бен/-пен`` is invariant),
* its first consonant fits the sound the remainder ends in (``-лар`` after vowels, р, у, й;
  ``-дар`` after л, м, н, ң, з, ж; ``-тар`` after voiceless consonants; and so on), and
  ``н``-forms (``-на``, ``-нда``, ``-нан``, ``-н``) follow a strippable 3rd-person possessive,
* at least three letters including a vowel remain, and
* for the few ambiguous splits, the reading that keeps common roots whole wins: ``-сы/-сі``
  after ы/і only for agent nouns and ``-ақы`` (жұмыс-ы, not жұмы-сы), personal endings after a
  vowel only for agent nouns (жүргізуші-мін, but адам-ы-н), listed с-final roots (қандас-ы).

Deliberately not stripped:

* derivational suffixes: agent ``-шы/-ші`` (бағдарламашы stays apart from бағдарлама; a
  3rd-person ``-ы/-і`` is never taken after ``ш``), ``-лық/-лік``, ``-лы/-лі`` (тәжірибелі
  keeps apart from тәжірибе), and ``-сыз/-сіз`` "without" (тәжірибесіз, "without
  experience", must not match тәжірибе; the homonymous 2nd-person polite predicate ending is
  sacrificed with it);
* 1st/2nd-person singular possessives ``-(ы)м/-(і)м``, ``-(ы)ң/-(і)ң`` and the dative ``-а/-е``
  that only follows them: rare in vacancies, while their shapes end very common roots
  (білім, мұғалім, бөлім, адам, теңге).

Some endings are ambiguous without a lexicon (қала-ны "the city" vs аудан-ы "its district";
the stemmer reads both as possessive, so қаланы -> қалан). ``kazakh_variants`` covers that at
query time: it inflects the query word's stem through the common paradigm and returns every
stem those forms receive, so a query meets documents whichever reading they were given.

After stripping, a stem-final voiced ``ғ/г/б`` is written as ``қ/к/п`` (кітабы -> кітап,
жүрегі -> жүрек) and ``һ`` as ``х``, so Latin-typed text (``h``) meets Cyrillic.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["MIN_STEM", "kazakh_variants", "stem_kazakh"]

MIN_STEM = 3

_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_BACK = frozenset("аоұыуёюя")
_FRONT = frozenset("әеөүіиэ")
_ALL = "VGRLNZK"

# Proper names and words whose ending only looks like a suffix.
_PROTECTED_WORDS = """
қазақстан өзбекстан қырғызстан тәжікстан түрікменстан ауғанстан пәкістан дағыстан
татарстан башқұртстан үндістан теңге кәсіпорын
"""
_PROTECTED = frozenset(_PROTECTED_WORDS.split())
# Roots ending in vowel + с, whose 3rd-person form (қандас-ы) reads like vowel-final + -сы.
_S_ROOT_WORDS = "қандас жолдас әріптес сыныптас замандас отандас кеңес үлес күрес тегіс"
_S_ROOTS = frozenset(_S_ROOT_WORDS.split())

_Suffix = tuple[str, str, str]  # (suffix, allowed classes of the preceding sound, harmony)


def _pair(back: str, front: str, after: str) -> list[_Suffix]:
    return [(back, after, "b"), (front, after, "f")]


def _layer(*rows: list[_Suffix]) -> tuple[_Suffix, ...]:
    flat = [suffix for row in rows for suffix in row]
    return tuple(sorted(flat, key=lambda s: -len(s[0])))


# Preceding-sound classes: V vowel, G glide (у и й), R р, L л, N nasal (м н ң), Z з ж,
# K other consonants; P = after a strippable 3rd-person possessive.
_PERSONAL = _layer(
    _pair("мын", "мін", "VGRLN"),
    _pair("бын", "бін", "Z"),
    _pair("пын", "пін", "K"),
    _pair("мыз", "міз", "VGRLN"),
    _pair("быз", "біз", "Z"),
    _pair("пыз", "піз", "K"),
    _pair("сың", "сің", _ALL),
)
_CASE = _layer(
    _pair("ның", "нің", "VN"),
    _pair("дың", "дің", "GRLZ"),
    _pair("тың", "тің", "K"),
    _pair("ды", "ді", "GRLNZ"),
    _pair("ты", "ті", "K"),
    [("н", "P", "*")],
    _pair("ға", "ге", "VGRLNZ"),
    _pair("қа", "ке", "K"),
    _pair("на", "не", "P"),
    _pair("да", "де", "VGRLNZ"),
    _pair("та", "те", "K"),
    _pair("нда", "нде", "P"),
    _pair("дағы", "дегі", "VGRLNZ"),
    _pair("тағы", "тегі", "K"),
    _pair("ндағы", "ндегі", "P"),
    _pair("дан", "ден", "VGRLZ"),
    _pair("нан", "нен", "NP"),
    _pair("тан", "тен", "K"),
    [("менен", "VGRLN", "*"), ("мен", "VGRLN", "*")],
    [("бенен", "Z", "*"), ("бен", "Z", "*")],
    [("пенен", "K", "*"), ("пен", "K", "*")],
)
_POSSESSIVE_3 = _layer(_pair("сы", "сі", "V"), _pair("ы", "і", "GRLNZK"))
_POSSESSIVE = _layer(
    list(_POSSESSIVE_3),
    _pair("мыз", "міз", "V"),
    _pair("ымыз", "іміз", "GRLNZK"),
    _pair("ңыз", "ңіз", "V"),
    _pair("ыңыз", "іңіз", "GRLNZK"),
)
_PLURAL = _layer(
    _pair("лар", "лер", "VGR"),
    _pair("дар", "дер", "LNZ"),
    _pair("тар", "тер", "K"),
)
_LAYERS = (_PERSONAL, _CASE, _POSSESSIVE, _PLURAL)
# Accusative -ны/-ні is read as possessive when stemming but still generated for variants.
_CASE_FORMS = _layer(list(_CASE), _pair("ны", "ні", "V"))
_DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}


def _sound_class(stem: str) -> str:
    last = stem[-1]
    if last in "ьъ" and len(stem) > 1:
        last = stem[-2]
    if last in "уий":
        return "G"
    if last in _VOWELS:
        return "V"
    if last == "р":
        return "R"
    if last == "л":
        return "L"
    if last in "мнң":
        return "N"
    if last in "зж":
        return "Z"
    return "K"


def _harmony(stem: str) -> str | None:
    for ch in reversed(stem):
        if ch in _BACK:
            return "b"
        if ch in _FRONT:
            return "f"
    return None


def _strip(word: str, layer: tuple[_Suffix, ...]) -> str | None:
    """Strip the longest suffix of ``layer`` that is licit on ``word``; None if none is."""
    for suffix, after, harmony in layer:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < MIN_STEM:
            continue
        stem_harmony = _harmony(stem)
        if stem_harmony is None or (harmony != "*" and harmony != stem_harmony):
            continue
        if suffix in ("ы", "і") and stem.endswith("ш"):
            continue
        if suffix in ("сы", "сі") and not _takes_sy(stem):
            continue
        if layer is _PERSONAL and stem[-1] in _VOWELS and stem[-2:] not in ("шы", "ші"):
            continue  # адам-ы-н, not ада-мын; but жүргізуші-мін
        if _sound_class(stem) in after or ("P" in after and _after_possessive_3(stem)):
            return stem
    return None


def _takes_sy(stem: str) -> bool:
    """Whether ``stem + сы/сі`` is read as a vowel-final stem plus 3rd-person possessive.

    After ы/і that reading is kept for agent nouns (-шы/-ші) and -ақы words (жалақы); elsewhere
    "жұмысы" is жұмыс + ы. Listed с-final roots are never split before their с.
    """
    if stem + "с" in _S_ROOTS:
        return False
    if stem[-1] in "ыі":
        return stem[-2:-1] == "ш" or stem.endswith("ақы")
    return True


def _after_possessive_3(stem: str) -> bool:
    return stem[-1] in "ыі" and _strip(stem, _POSSESSIVE_3) is not None


def _one_pass(word: str) -> str:
    for layer in _LAYERS:
        if word in _PROTECTED:
            break
        stripped = _strip(word, layer)
        if stripped is not None:
            word = stripped
    return word


@lru_cache(maxsize=131072)
def stem_kazakh(word: str) -> str:
    """Return the stem of one Kazakh word (lower-cased Cyrillic); idempotent."""
    word = word.lower().replace("һ", "х")
    while True:
        stripped = _one_pass(word)
        if stripped == word:
            break
        word = stripped
    if len(word) >= MIN_STEM and word[-1] in _DEVOICE and word not in _PROTECTED:
        word = word[:-1] + _DEVOICE[word[-1]]
    return word


def _licit(base: str, layer: tuple[_Suffix, ...], after_possessive: bool) -> list[str]:
    harmony = _harmony(base)
    sound = _sound_class(base)
    forms = []
    for suffix, after, suffix_harmony in layer:
        if suffix_harmony not in ("*", harmony):
            continue
        if after_possessive:
            fits = "P" in after or suffix in ("ның", "нің", "мен")
        else:
            fits = sound in after
        if fits:
            forms.append(base + suffix)
    return forms


def _paradigm(stem: str) -> list[str]:
    """Common inflected forms of ``stem``: plural, 3rd-person possessive and case, stacked."""
    forms = []
    for plural in [stem, *_licit(stem, _PLURAL, False)]:
        forms.append(plural)
        forms.extend(_licit(plural, _CASE_FORMS, False))
        for possessed in _licit(plural, _POSSESSIVE_3, False):
            forms.append(possessed)
            forms.extend(_licit(possessed, _CASE_FORMS, True))
    return forms


@lru_cache(maxsize=32768)
def kazakh_variants(word: str) -> tuple[str, ...]:
    """Stem of ``word`` first, then every other stem an inflected form of it is indexed under."""
    stem = stem_kazakh(word)
    if _harmony(stem) is None:
        return (stem,)
    variants = dict.fromkeys([stem])
    for form in _paradigm(stem):
        variants[stem_kazakh(form)] = None
    return tuple(variants)
