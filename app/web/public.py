"""The public area's extra blueprints (CV match, programme pages), listed once for the factory."""

from __future__ import annotations

from app.web import programmes, public_match

BLUEPRINTS = (programmes.bp, public_match.bp)
