"""Language analysis for Kazakh, Russian and English search text.

Both search engines index the terms produced here through a plain whitespace tokenizer, so
analysis happens once, in Python. ``synonyms.txt`` is package data (pyproject's
``package-data`` must include ``matching/text/*.txt``).
"""

from matching.text.analyzer import (
    analyze,
    analyze_alternatives,
    analyze_query,
    build_synonyms,
    default_synonyms,
)
from matching.text.kazakh_stemmer import kazakh_variants, stem_kazakh
from matching.text.normalize import fold, normalize
from matching.text.synonyms import SynonymTable
from matching.text.translit import latin_to_cyrillic

__all__ = [
    "SynonymTable",
    "analyze",
    "analyze_alternatives",
    "analyze_query",
    "build_synonyms",
    "default_synonyms",
    "fold",
    "kazakh_variants",
    "latin_to_cyrillic",
    "normalize",
    "stem_kazakh",
]
