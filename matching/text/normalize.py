"""Character-level cleanup applied before any tokenisation.

Vacancy texts arrive as HTML, typed on Russian, Kazakh and Latin keyboards, and often mix
look-alike letters from two scripts ("Kазахстан" with a Latin K, "бiлiм" with Latin i).
Everything here is deterministic and language-neutral; newlines are kept because the
analyzer uses them as sentence boundaries.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["fold", "normalize", "strip_html"]

_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer"
    r"|blockquote|pre|dd|dt|dl)\b[^>]*>",
    re.I,
)
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>|<![^>]*>")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033\u301d\u301e"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u02bc\u02bb\u02b9\u0060\u00b4\u2032"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\u00a0\u2007\u2009\u202f"

_CHAR_MAP: dict[str, str] = {
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_INVISIBLE, ""),
    **dict.fromkeys(_SPACES, " "),
    # Latin/IPA letters commonly typed for Kazakh ones.
    **dict(zip("əƏɵƟӊӉҥҤ", "әӘөӨңҢңҢ", strict=True)),
    "ё": "е",
    "Ё": "Е",
}
_CHAR_RE = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")

_LAT_TO_CYR = str.maketrans(
    "AaBCcEeHKkMOoPpTXxYyIih",
    "АаВСсЕеНКкМОоРрТХхУуІіһ",
)
_CYR_TO_LAT = str.maketrans(
    "АаВСсЕеНКкМОоРрТХхУуІіһЅѕЈј",
    "AaBCcEeHKkMOoPpTXxYyIihSsJj",
)
_CYRILLIC = "\u0400-\u052f"
_LATIN = "A-Za-z"
# A word that mixes scripts necessarily has a Latin letter next to a Cyrillic one.
_BOUNDARY_RE = re.compile(rf"[{_LATIN}][{_CYRILLIC}]|[{_CYRILLIC}][{_LATIN}]")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_CYR_CHAR_RE = re.compile(rf"[{_CYRILLIC}]")
_LAT_CHAR_RE = re.compile(rf"[{_LATIN}]")

# Words carrying letters of the Kazakh Latin alphabets, where "I" is the capital of "ı".
_TURKIC_WORD_RE = re.compile(r"[\wÀ-ɏ']*[ÄäĞğÑñÖöŪūÜüŞşÇçıİ][\wÀ-ɏ']*")


def strip_html(text: str) -> str:
    """Drop tags, comments and script/style bodies; decode entities.

    Block-level tags become newlines so sentences and list items stay apart.
    """
    if "<" in text:
        text = _COMMENT_RE.sub(" ", text)
        text = _SCRIPT_RE.sub(" ", text)
        text = _BLOCK_TAG_RE.sub("\n", text)
        text = _TAG_RE.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _replace_chars(text: str) -> str:
    return _CHAR_RE.sub(lambda m: _CHAR_MAP[m.group()], text)


def _fold_mixed_word(match: re.Match[str]) -> str:
    word = match.group()
    if not _BOUNDARY_RE.search(word):
        return word
    cyrillic = len(_CYR_CHAR_RE.findall(word))
    latin = len(_LAT_CHAR_RE.findall(word))
    if cyrillic >= latin:
        folded = word.translate(_LAT_TO_CYR)
        return folded if not _LAT_CHAR_RE.search(folded) else word
    folded = word.translate(_CYR_TO_LAT)
    return folded if not _CYR_CHAR_RE.search(folded) else word


def _turkic_lower(match: re.Match[str]) -> str:
    return match.group().replace("İ", "i").replace("I", "ı")


def normalize(text: str) -> str:
    """Return ``text`` cleaned for analysis: no HTML, NFKC, case-folded, one script per word.

    Also maps ``ё`` to ``е``, unifies dashes and quotes (to ``-``, ``"`` and ``'``) and removes
    soft hyphens and zero-width characters. Newlines are preserved.
    """
    text = _replace_chars(strip_html(text))
    if not unicodedata.is_normalized("NFKC", text):
        text = _replace_chars(unicodedata.normalize("NFKC", text))
    if _BOUNDARY_RE.search(text):
        text = _LETTERS_RE.sub(_fold_mixed_word, text)
    if "I" in text or "İ" in text:
        text = _TURKIC_WORD_RE.sub(_turkic_lower, text).replace("İ", "i")
    text = text.casefold()
    if not unicodedata.is_normalized("NFKC", text):  # casefold can decompose (e.g. "ΐ")
        text = _replace_chars(unicodedata.normalize("NFKC", text))
    return text.replace("ё", "е")


def fold(text: str) -> str:
    """Normalise ``text`` for keyword fields and exact-match facets (whitespace collapsed)."""
    return " ".join(normalize(text).split())
