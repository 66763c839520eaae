"""Neutral filter clauses and analysed query positions compiled into tantivy queries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import tantivy

from indexer.analysis import minimum_should_match
from indexer.embedded.schema import FLOAT_FIELDS, epoch_seconds
from indexer.fields import TEXT_BOOSTS
from indexer.plan import AnyOf, Clause, IsFalse, NoneOf, Range

Occur = tantivy.Occur
Query = tantivy.Query
TERMS_AS_BOOLEAN_MAX = 1024
Positions = Sequence[tuple[tuple[str, ...], ...]]


def _bound(value: int | float | datetime | None) -> int | float | None:
    return epoch_seconds(value) if isinstance(value, datetime) else value


def terms_query(schema: tantivy.Schema, field: str, values: Sequence[object]) -> Query:
    """Any of ``values``. A boolean of term queries is an order of magnitude faster than
    tantivy's term-set query for short lists (0.2 ms vs 1.2 ms for 100 ids at 100,000 docs),
    which matter here: kNN candidates, excluded ids."""
    if len(values) == 1:
        return Query.term_query(schema, field, values[0], index_option="basic")
    if len(values) <= TERMS_AS_BOOLEAN_MAX:
        terms = [Query.term_query(schema, field, v, index_option="basic") for v in values]
        return Query.boolean_query([(Occur.Should, t) for t in terms])
    return Query.term_set_query(schema, field, list(values))


def clause_query(schema: tantivy.Schema, clause: Clause) -> Query:
    if isinstance(clause, AnyOf):
        return terms_query(schema, clause.field, clause.values)
    if isinstance(clause, NoneOf):
        return Query.boolean_query(
            [
                (Occur.Must, Query.all_query()),
                (Occur.MustNot, terms_query(schema, clause.field, clause.values)),
            ]
        )
    if isinstance(clause, Range):
        kind = (
            tantivy.FieldType.Float if clause.field in FLOAT_FIELDS else tantivy.FieldType.Integer
        )
        return Query.range_query(schema, clause.field, kind, _bound(clause.gte), _bound(clause.lte))
    if isinstance(clause, IsFalse):
        return Query.term_query(schema, clause.field, False)
    raise TypeError(f"unknown clause {clause!r}")


def filter_query(schema: tantivy.Schema, clauses: Sequence[Clause]) -> Query | None:
    """All clauses AND-ed, scoring nothing; ``None`` when there are none."""
    if not clauses:
        return None
    parts = [(Occur.Must, clause_query(schema, c)) for c in clauses]
    query = parts[0][1] if len(parts) == 1 else Query.boolean_query(parts)
    return Query.const_score_query(query, 0.0)


def text_query(
    schema: tantivy.Schema,
    positions: Positions,
    match: str = "most",
    fields: Mapping[str, float] = TEXT_BOOSTS,
) -> Query | None:
    """One SHOULD clause per position (any alternative in any text field, boosted per field),
    at least ``minimum_should_match`` of them required.

    Elasticsearch equivalent: ``bool.should`` of per-position ``bool.should`` of ``term`` /
    ``match_phrase`` clauses with the same boosts, ``minimum_should_match: "2<75%"``.
    """
    if not positions:
        return None
    clauses = []
    for alternatives in positions:
        options = []
        for alternative in alternatives:
            for field, boost in fields.items():
                if len(alternative) == 1:
                    query = Query.term_query(schema, field, alternative[0], index_option="freq")
                else:  # a multi-word synonym: its terms consecutively
                    query = Query.phrase_query(schema, field, list(alternative))
                options.append((Occur.Should, Query.boost_query(query, boost)))
        clauses.append((Occur.Should, Query.boolean_query(options)))
    return Query.boolean_query(
        clauses, minimum_number_should_match=minimum_should_match(len(clauses), match)
    )


def both(first: Query | None, second: Query | None) -> Query:
    """``first AND second`` (either may be absent; both absent matches everything)."""
    if first is None:
        return second if second is not None else Query.all_query()
    if second is None:
        return first
    return Query.boolean_query([(Occur.Must, first), (Occur.Must, second)])
