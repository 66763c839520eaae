"""Kazakh Latin script to Cyrillic, so Latin-typed Kazakh meets Cyrillic Kazakh in the index.

Tables (Cyrillic side is what we emit):

=========  ==========  ===========  =============================================
Cyrillic   2021        2018 acute   2017 apostrophe
=========  ==========  ===========  =============================================
ә          ä           á            a'
ғ          ğ           ǵ            g'
ң          ñ           ń            n'
ө          ö           ó            o'
ұ          ū           u            u
ү          ü           ú            u'
у          u           ý            y'
ы          y           y            y
і          ı           i            i
и, й       i (İ)       ı (í)        i'
ш          ş           sh           s'
ч          ç / ch      ch           c'
қ          q           q            q
ж          j           j            j
х, һ       h           h            h
=========  ==========  ===========  =============================================

The 2021 column is the alphabet presented on 28 January 2021 (Y y = ы, I ı = і, İ i = и/й;
e.g. "bır" = бір, "syi" = сый); it is not "I ı = ы, İ i = і". Dotless ``ı`` means і in 2021
but и/й in 2018 ("Qazaqstan Respýblıkasy"), so a word whose only mark is ``ı`` takes the
version used by the rest of the text (2021 by default). Letters shared by all versions (a b d e f g
k l m n o p r s t v z) map one to one. ``i``-type letters become ``й`` after a vowel and ``и``
elsewhere; ``ia``/``iu`` become ``я``/``ю`` at the start of a word or after a vowel or ``и``
("kompaniia" -> компания). Marked letters from any version are accepted in every version, so
mixed typing still converts. Digraphs ``sh``/``ch`` are read only in 2017/2018 text (in 2021
text "sh" is с+х, as in "ashana" = асхана).

Only words that are recognisably Kazakh Latin are converted: words with a letter specific to
one of the versions (ä ğ ñ ö ū ü ş ç ı / á ǵ ń ó ú ý í / a' g' n' ...), or with ``q`` (unless
it is an English ``qu``-word or a known tech term). When such words dominate a text, its
other Latin words that do not look English are converted too. English words and tech terms
("Python", "Excel", "SQL", "QA") are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["is_kazakh_latin", "latin_to_cyrillic"]

_LETTER = "A-Za-zÀ-ÖØ-öø-ɏ"
_WORD_RE = re.compile(rf"[{_LETTER}]+(?:['’ʼ][{_LETTER}]*)*")
_ASCII_LETTER_RE = re.compile(r"[A-Za-zÀ-ɏ]")

_I = "\x00"  # placeholder for и/й, resolved from context
_VOWELS = frozenset("аәеиоөуұүыіэюя")

_MARKED = {
    "ä": "ә", "á": "ә",
    "ğ": "ғ", "ǵ": "ғ",
    "ñ": "ң", "ń": "ң", "ŋ": "ң",
    "ö": "ө", "ó": "ө",
    "ū": "ұ",
    "ü": "ү", "ú": "ү",
    "ý": "у",
    "ş": "ш",
    "ç": "ч",
    "í": _I,
}  # fmt: skip
_SHARED = dict(zip("abdefghjklmnopqrstvzwxc", "абдефгхжклмнопқрствзухц", strict=True))
_TABLES = {
    "2021": {**_SHARED, **_MARKED, "u": "у", "y": "ы", "i": _I, "ı": "і"},
    "2018": {**_SHARED, **_MARKED, "u": "ұ", "y": "ы", "i": "і", "ı": _I},
    "2017": {**_SHARED, **_MARKED, "u": "ұ", "y": "ы", "i": "і", "ı": _I},
}
_APOSTROPHE = dict(zip("agnouysc", "әғңөүушч", strict=True)) | {"i": _I}
_DIGRAPHS = {"sh": "ш", "ch": "ч"}

_M2021 = frozenset("äğñöūüşç")
_M2018 = frozenset("áǵńóúýí")
_APOS_MARK_RE = re.compile(r"[agnouysci]'")
_EN_CONTRACTION_RE = re.compile(r"(?:n't|'s|'re|'ll|'ve|'d|'m|s')$")
_EN_QU_RE = re.compile(r"qu[aeio]")
_EN_SHAPE_RE = re.compile(r"[cwx]|th|ph|ck|ee|oo|ou|ea|wh|tion|ing$")
_HAS_VOWEL_RE = re.compile(r"[aeiouyäöüūıáóúýí]")

# Latin words that must never be read as Kazakh, even in a Kazakh Latin text.
_KEEP_WORDS = """
    qa qt qml sql mysql postgresql nosql graphql jquery faq iq qr pyqt qgis qlik
    java javascript typescript go golang ruby rust php perl kotlin scala swift dart
    html css json xml api rest git gitlab github jira confluence figma django flask
    fastapi spring laravel symfony yii bitrix vue react angular node nodejs linux unix
    android ios windows macos docker kubernetes terraform ansible jenkins nginx redis
    mongodb kafka hadoop spark tableau power bi sap erp crm smm seo b2b b2c ux ui it hr
    ai ml excel word outlook autocad revit archicad photoshop illustrator adobe oracle
    python pandas numpy manager online offline
"""
_KEEP = frozenset(_KEEP_WORDS.split())


def _apostrophe_kazakh(word: str) -> bool:
    return bool(_APOS_MARK_RE.search(_EN_CONTRACTION_RE.sub("", word)))


@lru_cache(maxsize=65536)
def _marked_scheme(word: str) -> str | None:
    """Return the alphabet version a lower-case word is written in, if it is marked.

    ``"?"`` means Kazakh Latin of a version the word alone does not tell.
    """
    if word in _KEEP:
        return None
    letters = set(word)
    if not letters.isdisjoint(_M2021):
        return "2021"
    if not letters.isdisjoint(_M2018):
        return "2018"
    if "ı" in letters:
        return "?"
    if "'" in letters and _apostrophe_kazakh(word):
        return "2017"
    if "q" in letters and not _EN_QU_RE.search(word) and _HAS_VOWEL_RE.search(word):
        return "?"
    return None


def _looks_kazakh(word: str, scheme: str) -> bool:
    if word in _KEEP or not _HAS_VOWEL_RE.search(word):
        return False
    probe = word if scheme == "2021" else word.replace("ch", "").replace("sh", "")
    return not _EN_SHAPE_RE.search(probe)


def is_kazakh_latin(word: str) -> bool:
    """Whether a single word is recognisably Kazakh written in a Latin alphabet."""
    return _marked_scheme(_lower(word)) is not None


def _resolve_i(chars: list[str]) -> str:
    out: list[str] = []
    n = len(chars)
    k = 0
    while k < n:
        ch = chars[k]
        k += 1
        if ch != _I:
            out.append(ch)
            continue
        prev = out[-1] if out else None
        nxt = chars[k] if k < n else None
        if nxt in ("а", "у") and (prev is None or prev in _VOWELS):
            out.append("я" if nxt == "а" else "ю")
            k += 1
        elif prev is not None and prev in _VOWELS and prev != "и":
            out.append("й")
        else:
            out.append("и")
    return "".join(out)


@lru_cache(maxsize=65536)
def _convert(word: str, scheme: str) -> str:
    """Transliterate one lower-case Kazakh Latin word."""
    table = _TABLES[scheme]
    digraphs = scheme != "2021"
    chars: list[str] = []
    n = len(word)
    k = 0
    while k < n:
        ch = word[k]
        nxt = word[k + 1] if k + 1 < n else ""
        if nxt in "'’ʼ" and nxt and ch in _APOSTROPHE:
            chars.append(_APOSTROPHE[ch])
            k += 2
            continue
        if digraphs and ch + nxt in _DIGRAPHS:
            chars.append(_DIGRAPHS[ch + nxt])
            k += 2
            continue
        if ch not in "'’ʼ":
            chars.append(table.get(ch, ch))
        k += 1
    return _resolve_i(chars)


def _lower(word: str) -> str:
    if not set(word).isdisjoint("ÄĞÑÖŪÜŞÇİäğñöūüşçı"):
        word = word.replace("İ", "i").replace("I", "ı")
    return word.lower().replace("’", "'").replace("ʼ", "'")


def _recase(original: str, converted: str) -> str:
    if original.isupper() and len(original) > 1:
        return converted.upper()
    if original[:1].isupper():
        return converted[:1].upper() + converted[1:]
    return converted


def latin_to_cyrillic(text: str, *, assume_kazakh: bool = False) -> str:
    """Rewrite the Kazakh Latin words of ``text`` in Cyrillic; leave everything else as is.

    ``assume_kazakh`` treats the whole text as Kazakh Latin, so unmarked words that do not
    look English ("jumys") are converted as well. Capitalisation is kept.
    """
    if not _ASCII_LETTER_RE.search(text):
        return text
    words = [(m, _lower(m.group())) for m in _WORD_RE.finditer(text)]
    schemes = [_marked_scheme(low) for _, low in words]
    marked = [s for s in schemes if s is not None]
    if not marked and not assume_kazakh:
        return text
    versions = Counter(s for s in marked if s != "?")
    dominant = versions.most_common(1)[0][0] if versions else "2021"
    candidates = sum(1 for (_, low), s in zip(words, schemes, strict=True) if s or low not in _KEEP)
    context = assume_kazakh or 2 * len(marked) >= candidates

    pieces: list[str] = []
    last = 0
    for (match, low), scheme in zip(words, schemes, strict=True):
        if scheme is None and not (context and _looks_kazakh(low, dominant)):
            continue
        version = dominant if scheme in (None, "?") else scheme
        pieces.append(text[last : match.start()])
        pieces.append(_recase(match.group(), _convert(low, version)))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
