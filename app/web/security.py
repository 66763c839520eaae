"""Browser-facing protections: CSRF on every form, security headers, safe redirects.

The API is exempt from CSRF because it authenticates with bearer tokens only, never with the
session cookie, so a cross-site form cannot act through it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Flask
from flask.wrappers import Response
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def safe_next(target: str | None, fallback: str = "/") -> str:
    """A redirect target only if it stays on this site: a path, never a scheme or host."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target or any(ord(c) < 32 for c in target):
        return fallback
    return target


def init_app(app: Flask, api_blueprint: Blueprint) -> None:
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # valid for the session's life
    csrf.init_app(app)
    csrf.exempt(api_blueprint)
    app.after_request(_add_headers)
