"""Search engines behind one small interface (embedded default and Elasticsearch).

Import the model and interface from here; build an engine with ``make_engine``.
"""

from indexer.documents import CvDocument, DocType, Document, VacancyDocument, occupation_path
from indexer.factory import make_engine
from indexer.fusion import reciprocal_rank_fusion
from indexer.interface import (
    EngineHealth,
    FacetCount,
    Hit,
    IndexNotFound,
    RebuildReport,
    SearchEngine,
    SearchError,
    SearchResult,
    SearchUnavailable,
)
from indexer.query import Filters, Fusion, GeoFilter, Mode, SearchQuery, Sort, TextMatch

__all__ = [
    "CvDocument",
    "DocType",
    "Document",
    "EngineHealth",
    "FacetCount",
    "Filters",
    "Fusion",
    "GeoFilter",
    "Hit",
    "IndexNotFound",
    "Mode",
    "RebuildReport",
    "SearchEngine",
    "SearchError",
    "SearchQuery",
    "SearchResult",
    "SearchUnavailable",
    "Sort",
    "TextMatch",
    "VacancyDocument",
    "make_engine",
    "occupation_path",
    "reciprocal_rank_fusion",
]
