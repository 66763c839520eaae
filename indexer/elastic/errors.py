"""Client failures mapped onto the interface's errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import BulkIndexError

from indexer.interface import IndexNotFound, SearchError, SearchUnavailable

RETRY_ON_STATUS = (429, 502, 503, 504)  # overloaded or restarting: worth retrying, then a 503


def error_type(exc: ApiError) -> str | None:
    """The server's error type (``index_not_found_exception``, ...) when the body names one."""
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        kind = body["error"].get("type")
        return str(kind) if kind is not None else None
    return None


@contextmanager
def translated(what: str) -> Iterator[None]:
    """Unreachable or overloaded → ``SearchUnavailable``; a missing index or alias →
    ``IndexNotFound``; any other failure of the client → ``SearchError``."""
    try:
        yield
    except (TransportConnectionError, ConnectionTimeout) as exc:
        raise SearchUnavailable(f"{what}: elasticsearch unreachable: {exc}") from exc
    except ApiError as exc:
        if error_type(exc) == "index_not_found_exception":
            raise IndexNotFound(f"{what}: no index behind the alias") from exc
        if exc.status_code in RETRY_ON_STATUS:
            raise SearchUnavailable(f"{what}: elasticsearch busy: {exc}") from exc
        raise SearchError(f"{what}: {exc}") from exc
    except BulkIndexError as exc:
        raise SearchError(f"{what}: {exc} first: {exc.errors[:1]}") from exc
    except TransportError as exc:
        raise SearchError(f"{what}: {exc}") from exc


def check_bulk_failures(failures: list[dict[str, Any]]) -> None:
    """Raise for the failed items of a bulk request sent with ``ignore_status=(404,)``;
    deleting a document that does not exist is no failure."""
    for failure in failures:
        ((op_type, item),) = failure.items()
        if op_type == "delete" and item.get("result") == "not_found":
            continue
        error = item.get("error")
        kind = error.get("type") if isinstance(error, dict) else None
        if kind == "index_not_found_exception":
            raise IndexNotFound(f"{item.get('_index')}: no such index or alias")
        if item.get("status") in RETRY_ON_STATUS:
            raise SearchUnavailable(f"bulk {op_type} of {item.get('_id')} rejected: {error}")
        raise SearchError(f"bulk {op_type} of {item.get('_id')} failed: {error}")
