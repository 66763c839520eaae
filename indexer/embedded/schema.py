"""The tantivy schema of each document type and the conversion of field values into it."""

from __future__ import annotations

from datetime import datetime

import tantivy

from indexer.codec import dumps
from indexer.documents import DocType, Document
from indexer.fields import KEYWORD_FIELDS, TEXT_BOOSTS, FieldValues
from indexer.geo import cell_terms

SCHEMA_VERSION = 1
NO_ROW = -1  # the ``row`` of a document without a vector
STORED_FIELD = "document"  # the whole document as JSON, for get()
GEO_CELLS = "geo_cells"  # quadtree cells of every level (indexer.geo.cell_terms)

INT_FIELDS = ("salary_lo", "salary_hi", "date")
FLOAT_FIELDS = ("lat", "lon")


def build_schema(doc_type: DocType) -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", indexed=True, fast=True)
    sb.add_integer_field("row", indexed=True, fast=True)
    sb.add_integer_field("analysis_key", fast=True)
    for name in TEXT_BOOSTS:
        # Terms arrive analysed by matching.text; "whitespace" only splits them. Positions serve
        # multi-word synonyms (phrases); the stored terms are reused by the next rebuild.
        sb.add_text_field(name, stored=True, tokenizer_name="whitespace", index_option="position")
    for name in KEYWORD_FIELDS[doc_type]:
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in INT_FIELDS:
        sb.add_integer_field(name, indexed=True, fast=True)
    for name in FLOAT_FIELDS:
        sb.add_float_field(name, indexed=True, fast=True)
    sb.add_boolean_field("hazardous", indexed=True, fast=True)
    sb.add_text_field(GEO_CELLS, tokenizer_name="raw", index_option="basic")
    sb.add_bytes_field(STORED_FIELD, stored=True)
    return sb.build()


def epoch_seconds(value: datetime) -> int:
    return int(value.timestamp())


def to_tantivy(doc: Document, values: FieldValues, row: int, analysis_key: int) -> tantivy.Document:
    out = tantivy.Document()
    out.add_integer("id", values.id)
    out.add_integer("row", row)
    out.add_integer("analysis_key", analysis_key)
    for name, terms in values.text.items():
        if terms:
            out.add_text(name, terms)
    for name, keywords in values.keywords.items():
        for keyword in keywords:
            out.add_text(name, keyword)
    if values.salary_lo is not None:
        out.add_integer("salary_lo", values.salary_lo)
    if values.salary_hi is not None:
        out.add_integer("salary_hi", values.salary_hi)
    if values.date is not None:
        out.add_integer("date", epoch_seconds(values.date))
    if values.lat is not None and values.lon is not None:
        out.add_float("lat", values.lat)
        out.add_float("lon", values.lon)
        for term in cell_terms(values.lat, values.lon):
            out.add_text(GEO_CELLS, term)
    out.add_boolean("hazardous", values.hazardous)
    out.add_bytes(STORED_FIELD, dumps(doc).encode())
    return out
