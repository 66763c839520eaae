"""Typo tolerance: engine-side fuzzy terms against query-side correction (``parse_query``).

Same hh.kz corpus and title sets as ``bench/query_bench.py``. The analysed title, skills and
body of every vacancy go into a bare tantivy index (the embedded engine's fields and
boosts); each query's analysed positions are run as required term queries (``terms``), as
tantivy ``FuzzyTermQuery`` with the edit budget of ``matching.text.vocabulary.max_edits``
(``fuzzy``, what both engines could do natively), and after ``parse_query``'s correction
(``corrected``). The fuzzy rows on correctly typed queries show what fuzziness costs when
nothing is misspelt.

    .venv/bin/python bench/typo_bench.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tantivy
from query_bench import LIMIT, typo_queries
from relevance_data import Query, build_corpus, title_queries
from relevance_systems import evaluate

from app.search.places import gazetteer
from indexer.analysis import MatchingAnalyzer, query_positions
from indexer.fields import TEXT_BOOSTS, field_values
from matching.query import parse_query
from matching.text.vocabulary import max_edits

Positions = Sequence[tuple[tuple[str, ...], ...]]


def main() -> None:
    corpus = build_corpus()
    ru, kk = title_queries(corpus)
    analyzer = MatchingAnalyzer()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True)
    for name in TEXT_BOOSTS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    schema = builder.build()
    with tempfile.TemporaryDirectory(prefix="zhumys-typo-bench-") as tmp:
        index = tantivy.Index(schema, path=tmp)
        writer = index.writer()
        for item in corpus.items:
            values = field_values(item.doc, analyzer)
            fields = {name: values.text[name] for name in TEXT_BOOSTS}
            writer.add_document(tantivy.Document(id=item.doc.id, **fields))
        writer.commit()
        index.reload()
        searcher = index.searcher()

        def run(positions: Positions, fuzzy: bool) -> list[int]:
            clauses = []
            for alternatives in positions:
                options = []
                for alternative in alternatives:
                    for name, boost in TEXT_BOOSTS.items():
                        if len(alternative) > 1:
                            query = tantivy.Query.phrase_query(schema, name, list(alternative))
                        elif fuzzy and max_edits(len(alternative[0])):
                            distance = max_edits(len(alternative[0]))
                            query = tantivy.Query.fuzzy_term_query(
                                schema, name, alternative[0], distance=distance
                            )
                        else:
                            query = tantivy.Query.term_query(schema, name, alternative[0])
                        options.append(
                            (tantivy.Occur.Should, tantivy.Query.boost_query(query, boost))
                        )
                clauses.append((tantivy.Occur.Must, tantivy.Query.boolean_query(options)))
            if not clauses:
                return []
            hits = searcher.search(tantivy.Query.boolean_query(clauses), LIMIT).hits
            return [searcher.doc(address)["id"][0] for _, address in hits]

        sets: dict[str, list[Query]] = {"typo": typo_queries(ru), "ru": ru, "kk": kk}
        print(f"{'set':<5} {'system':<10} {'nDCG@10':>8} {'R@100':>6} {'empty':>5} {'ms/q':>6}")
        for set_name, queries in sets.items():
            for system in ("terms", "fuzzy", "corrected"):
                started = time.perf_counter()
                rankings = []
                for query in queries:
                    text = query.text
                    if system == "corrected":
                        text = parse_query(text, gazetteer()).text
                    rankings.append(run(query_positions(analyzer, text), system == "fuzzy"))
                per_query = (time.perf_counter() - started) / len(queries) * 1000
                m = evaluate(rankings, queries).as_dict()
                print(
                    f"{set_name:<5} {system:<10} {m['ndcg@10']:>8.3f} {m['recall@100']:>6.3f} "
                    f"{m['no_results']:>5} {per_query:>6.1f}"
                )


if __name__ == "__main__":
    main()
