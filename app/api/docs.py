"""``/openapi.json`` and a small server-rendered page listing the operations."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, render_template_string
from flask.typing import ResponseReturnValue

from app.api.auth import ALL_ROLES
from app.api.openapi import document
from app.api.registry import Call, operation

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ info.title }}</title>
<link rel="stylesheet" href="/static/api-docs.css"></head>
<body><h1>{{ info.title }} {{ info.version }}</h1><pre>{{ info.description }}</pre>
<p>Machine-readable: <a href="openapi.json">openapi.json</a></p>
{% for path, methods in paths.items() %}{% for method, op in methods.items() %}
<section id="{{ op.operationId }}"><h2><code>{{ method|upper }} {{ path }}</code></h2>
<p>{{ op.summary }}</p><p>Roles: {{ op["x-roles"]|join(", ") }}</p>
{% if op.parameters %}<ul>{% for p in op.parameters %}
<li><code>{{ p.name }}</code> ({{ p["in"] }}){% if p.required %} required{% endif %}
{% if p.description %}: {{ p.description }}{% endif %}</li>{% endfor %}</ul>{% endif %}
<p>Responses: {{ op.responses|join(", ") }}</p></section>
{% endfor %}{% endfor %}</body></html>"""


@operation(
    "GET",
    "/openapi.json",
    summary="This API's OpenAPI 3.1 document",
    roles=ALL_ROLES,
    errors=(401,),
    tag="meta",
)
def openapi_json(call: Call) -> ResponseReturnValue:
    return jsonify(document())


@operation(
    "GET",
    "/docs",
    summary="Browsable documentation of this API",
    roles=ALL_ROLES,
    response_media="text/html",
    errors=(401,),
    tag="meta",
)
def docs_page(call: Call) -> ResponseReturnValue:
    doc: dict[str, Any] = document()
    html = render_template_string(PAGE, info=doc["info"], paths=doc["paths"])
    return Response(html, mimetype="text/html")
