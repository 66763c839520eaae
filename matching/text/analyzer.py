"""The one analysis entry point for both search engines and the ranker.

Pipeline: ``normalize`` -> Kazakh Latin to Cyrillic -> tokenize -> drop stop words -> stem each
token with the stemmer of its language (see ``language``) -> join compound titles into one
term (``compounds``: "іс жүргізуші" is a clerk, not a "жүргізуші", driver). Engines index the
resulting terms with a plain whitespace tokenizer; list positions are term positions, so
phrases work.

Queries also read a plain-ASCII word as the Kazakh or Russian word it spells when the
vocabulary knows one ("aspaz" -> аспаз, "esepshi" -> есепші, "voditel" -> водитель; see
``vocabulary``): its Cyrillic readings come first, the English reading stays as the last
alternative. Documents keep their own spelling.

``lang`` is a hint ("kk", "ru", "en"; "kz" and locale forms such as "kk-KZ" are accepted). It
only decides words that are neither visibly Kazakh nor visibly Russian in sentences that give
no evidence of their own.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from matching.text.compounds import CompoundTable
from matching.text.language import doc_term, language_signal, query_terms, vote
from matching.text.normalize import fold, normalize
from matching.text.stopwords import is_stop_word
from matching.text.synonyms import SynonymTable
from matching.text.tokens import Token, sentences
from matching.text.translit import latin_to_cyrillic
from matching.text.vocabulary import default_vocabulary

SYNONYM_FILES = ("synonyms.txt", "occupation_synonyms.txt")

__all__ = [
    "analyze",
    "analyze_alternatives",
    "analyze_query",
    "build_synonyms",
    "default_compounds",
    "default_synonyms",
    "fold",
]


def _hint(lang: str | None) -> str | None:
    if not lang:
        return None
    code = lang.strip().lower()[:2]
    return "kk" if code in ("kk", "kz") else code if code in ("ru", "en") else None


def _tokens(text: str) -> list[list[Token]]:
    text = latin_to_cyrillic(normalize(text))
    return [
        [(kind, token) for kind, token in sentence if not is_stop_word(token)]
        for sentence in sentences(text)
    ]


def _contexts(sents: list[list[Token]], lang: str | None) -> list[str | None]:
    """Language of each sentence: its own evidence, else the hint, else the whole text's."""
    signals = [[language_signal(tok) for kind, tok in s if kind == "cyr"] for s in sents]
    fallback = _hint(lang) or vote(x for sentence in signals for x in sentence)
    return [vote(sentence) or fallback for sentence in signals]


def analyze(text: str, lang: str | None = None) -> list[str]:
    """Index terms of ``text``, in order (one term per kept token, one per compound title)."""
    sents = _tokens(text)
    terms = [
        doc_term(kind, token, context)
        for sentence, context in zip(sents, _contexts(sents, lang), strict=True)
        for kind, token in sentence
    ]
    return default_compounds().join_terms(terms)


def _latin_alternatives(token: str, context: str | None, kazakh: bool) -> tuple[str, ...]:
    english = doc_term("lat", token, context)
    spelled = default_vocabulary().cyrillic(token, among_kazakh=kazakh)
    if not spelled:
        return (english,)
    cyrillic = (term for word in spelled for term in query_terms("cyr", word, None))
    return tuple(dict.fromkeys((*cyrillic, english)))


def _word_alternatives(text: str, lang: str | None = None) -> list[list[str]]:
    sents = _tokens(text)
    vocabulary = default_vocabulary()
    latin = [tok for s in sents for kind, tok in s if kind == "lat" and tok.isalpha()]
    kazakh = any(vocabulary.cyrillic(token) for token in latin)
    return [
        list(
            _latin_alternatives(token, context, kazakh)
            if kind == "lat" and token.isalpha()
            else query_terms(kind, token, context)
        )
        for sentence, context in zip(sents, _contexts(sents, lang), strict=True)
        for kind, token in sentence
    ]


def analyze_alternatives(text: str, lang: str | None = None) -> list[list[str]]:
    """Like ``analyze`` but each position lists every term the word may be indexed under."""
    return default_compounds().join_positions(_word_alternatives(text, lang))


def analyze_query(
    text: str, lang: str | None = None, *, synonyms: SynonymTable | None = None
) -> list[list[str]]:
    """Query terms as OR-alternatives per position, expanded with synonyms.

    An alternative containing spaces is a phrase of consecutive terms; a multi-word synonym
    match in the query occupies a single position. ``synonyms`` defaults to
    ``default_synonyms()``.
    """
    table = default_synonyms() if synonyms is None else synonyms
    return table.expand_positions(analyze_alternatives(text, lang))


def build_synonyms(text: str) -> SynonymTable:
    """A synonym table from text in the ``synonyms.txt`` format, analysed like queries."""
    return SynonymTable.from_text(text, analyze_alternatives)


def _package_text(name: str) -> str:
    return resources.files("matching.text").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def default_synonyms() -> SynonymTable:
    """The curated ``synonyms.txt`` and the ``occupation_synonyms.txt`` derived from the ISCO
    titles (``occupation_terms``), loaded and analysed once."""
    return build_synonyms("\n".join(_package_text(name) for name in SYNONYM_FILES))


@lru_cache(maxsize=1)
def default_compounds() -> CompoundTable:
    """The titles of ``compounds.txt``, analysed once."""
    return CompoundTable.from_text(_package_text("compounds.txt"), _word_alternatives)
