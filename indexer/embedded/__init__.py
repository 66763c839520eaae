"""The embedded search backend (tantivy + exact vector search in a directory; no server)."""

from indexer.embedded.engine import EmbeddedEngine

__all__ = ["EmbeddedEngine"]
