"""The OpenAPI 3.1 document, generated from the registered operations and their models."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from app.api.auth import ANONYMOUS
from app.api.registry import OPERATIONS, Operation
from app.api.schemas import Problem

REF = "#/components/schemas/{model}"
DESCRIPTION = """Public REST API of Zhumys, the public employment service's job-matching platform.

Errors are `application/problem+json` (RFC 9457) with `errors: [{field, message}]`.
Lists page with an opaque `cursor`; `limit` is capped at 100.

The vacancy change feed (`/vacancies/changes`) keeps changes for 7 days: a cursor older
than that retention is answered 410 Gone, and the client must start again from a snapshot.
"""


def _models() -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    pairs: list[tuple[type[BaseModel], JsonSchemaMode]] = [(Problem, "serialization")]
    for op in OPERATIONS:
        for model in (op.query, op.body):
            if model is not None:
                pairs.append((model, "validation"))
        if op.response is not None:
            pairs.append((op.response, "serialization"))
    return list(dict.fromkeys(pairs))


Refs = dict[tuple[Any, JsonSchemaMode], dict[str, Any]]


def _ref(refs: Refs, model: type[BaseModel], mode: JsonSchemaMode) -> dict[str, Any]:
    return {"$ref": refs[(model, mode)]["$ref"]}


def _parameters(op: Operation, schemas: dict[str, Any], refs: Refs) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}
        for name in re.findall(r"{(\w+)}", op.path)
    ]
    if op.query is not None:
        schema = schemas[refs[(op.query, "validation")]["$ref"].rsplit("/", 1)[1]]
        required = set(schema.get("required", []))
        for name, prop in schema["properties"].items():
            param = {"name": name, "in": "query", "required": name in required, "schema": prop}
            if "description" in prop:
                param["description"] = prop["description"]
            params.append(param)
    return params


def _operation(op: Operation, schemas: dict[str, Any], refs: Refs) -> dict[str, Any]:
    ok: dict[str, Any] = {"description": "success"}
    if op.response is not None:
        schema = _ref(refs, op.response, "serialization")
        ok["content"] = {op.response_media: {"schema": schema}}
    problem = _ref(refs, Problem, "serialization")
    responses: dict[str, Any] = {str(op.status): ok}
    for status in op.errors:
        responses[str(status)] = {
            "description": "problem",
            "content": {"application/problem+json": {"schema": problem}},
        }
    security: list[dict[str, list[str]]] = [{"bearerAuth": []}]
    if ANONYMOUS in op.roles:
        security.insert(0, {})
    doc: dict[str, Any] = {
        "operationId": f"{op.method.lower()}{re.sub(r'[^A-Za-z]+', '_', op.path)}",
        "summary": op.summary,
        "tags": [op.tag],
        "parameters": _parameters(op, schemas, refs),
        "responses": responses,
        "security": security,
        "x-roles": list(op.roles),
    }
    if op.description:
        doc["description"] = op.description
    if op.body is not None:
        ref = _ref(refs, op.body, "validation")
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref}}}
    elif op.body_media:
        raw = {"type": "string"}
        doc["requestBody"] = {
            "required": True,
            "content": {media: {"schema": raw} for media in op.body_media},
        }
    return doc


def document() -> dict[str, Any]:
    refs, top = models_json_schema(_models(), ref_template=REF)
    schemas: dict[str, Any] = top.get("$defs", {})
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault("/api/v1" + op.path, {})[op.method.lower()] = _operation(op, schemas, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Zhumys API", "version": "1.0.0", "description": DESCRIPTION},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }
