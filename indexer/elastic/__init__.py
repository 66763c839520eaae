"""The Elasticsearch backend (8.x, basic licence): aliases over numbered index generations."""

from indexer.elastic.engine import ElasticsearchEngine

__all__ = ["ElasticsearchEngine"]
