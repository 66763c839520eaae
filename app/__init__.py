"""The web application: factory, blueprints, models, services and CLI."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask

from app.settings import Settings


def create_app(config: Settings | dict[str, Any] | None = None) -> Flask:
    """Build the Flask app.

    ``config`` is a ready ``Settings``, or a dict of overrides applied on top of the
    environment (what tests pass), or None to read the environment alone.
    """
    settings = config if isinstance(config, Settings) else Settings.from_env(**(config or {}))
    settings.instance_path.mkdir(parents=True, exist_ok=True)

    flask_app = Flask(__name__, instance_path=str(settings.instance_path))
    flask_app.config.update(
        SECRET_KEY=settings.secret_key,
        TESTING=settings.testing,
        SESSION_COOKIE_NAME="zhumys_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024,
        JSON_AS_ASCII=False,
    )
    flask_app.json.ensure_ascii = False  # type: ignore[attr-defined]

    from app import extensions
    from app.api import bp as api_bp
    from app.api import problem_for
    from app.web import access, errors, i18n, navigation, security
    from app.web.blueprints import page_blueprints

    extensions.init_app(flask_app, settings)
    i18n.init_app(flask_app, settings.default_locale, settings.translations_path)
    security.init_app(flask_app, api_bp)
    navigation.init_app(flask_app)
    errors.init_app(flask_app, problem_for)
    flask_app.before_request(access.load_user)
    for blueprint in page_blueprints():
        flask_app.register_blueprint(blueprint)
    flask_app.register_blueprint(api_bp)
    flask_app.before_request(lambda: extensions.indexing(flask_app).sweep_if_due())
    return flask_app
