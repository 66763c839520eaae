"""An ASCII skeleton of a word, where Kazakh, Russian and their Latin spellings meet.

People type Kazakh and Russian words in plain ASCII ("esepshi", "zhurgizushi", "buhgalter",
"Karagandy"), in the official Kazakh Latin alphabets ("esepşı", "Qarağandy") or in Cyrillic
without the Kazakh letters ("мугалим" for "мұғалім"). The skeleton folds all of these to one
string: Cyrillic letters to ASCII (ә→a, ғ→g, қ→k, ң→n, ө→o, ұ/ү→u, і/ы/и/й→i, ж→j, ш→sh,
ч→ch, ц→c, х/һ→h, ь/ъ dropped), Latin marks stripped, then the ASCII spellings of one sound
unified (zh/dzh/dj/j→j, kh→h, ts→c, gh→g, q→k, y→i, w→u, shch→sh, ye- → e-) and doubled
letters collapsed.

It is deliberately lossy (a/ә, i/ы, u/ұ/ү all meet): it never feeds the index, only the
lookup of a typed word in a known vocabulary (occupation words, place names), where the
vocabulary tells the real spelling back.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["skeleton"]

_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "i", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
_LATIN = {
    "ä": "a", "á": "a", "à": "a", "â": "a", "ğ": "g", "ǵ": "g", "ñ": "n", "ń": "n", "ŋ": "n",
    "ö": "o", "ó": "o", "ū": "u", "ü": "u", "ú": "u", "ý": "u", "ş": "sh", "ç": "ch",
    "ı": "i", "í": "i", "é": "e", "è": "e", "'": "", "’": "", "ʼ": "", "`": "",
}  # fmt: skip
_TABLE = str.maketrans({**_CYRILLIC, **_LATIN})
_DIGRAPHS = (
    ("shch", "sh"), ("sch", "sh"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"),
    ("ts", "c"), ("q", "k"), ("y", "i"), ("w", "u"), ("x", "ks"),
)  # fmt: skip
_DOUBLE_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The ASCII skeleton of one word (any case, any of the scripts above)."""
    out = word.casefold().translate(_TABLE)
    for spelling, sound in _DIGRAPHS:
        if spelling in out:
            out = out.replace(spelling, sound)
    if out.startswith("ie"):
        out = out[1:]
    return _DOUBLE_RE.sub(r"\1", out)
