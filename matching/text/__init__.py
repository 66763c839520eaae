"""Language analysis for Kazakh, Russian and English search text.

Both search engines index the terms produced here through a plain whitespace tokenizer, so
analysis happens once, in Python. ``synonyms.txt``, ``occupation_synonyms.txt``,
``occupation_words.txt`` and ``compounds.txt`` are package data (pyproject's ``package-data``
must include ``matching/text/*.txt``).
"""

from matching.text.analyzer import (
    analyze,
    analyze_alternatives,
    analyze_query,
    build_synonyms,
    default_compounds,
    default_synonyms,
)
from matching.text.kazakh_stemmer import kazakh_variants, stem_kazakh
from matching.text.normalize import fold, normalize
from matching.text.synonyms import SynonymTable
from matching.text.translit import latin_to_cyrillic
from matching.text.vocabulary import Vocabulary, default_vocabulary

__all__ = [
    "SynonymTable",
    "Vocabulary",
    "analyze",
    "analyze_alternatives",
    "analyze_query",
    "build_synonyms",
    "default_compounds",
    "default_synonyms",
    "default_vocabulary",
    "fold",
    "kazakh_variants",
    "latin_to_cyrillic",
    "normalize",
    "stem_kazakh",
]
