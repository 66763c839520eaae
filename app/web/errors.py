"""Error pages for browsers (the API answers problem+json from its own handlers)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

API_PREFIX = "/api/"
_API_HANDLER = "zhumys.api_error_handler"
ApiHandler = Callable[[HTTPException], ResponseReturnValue]


def _texts(code: int) -> tuple[str, str]:
    if code == 400:
        return _("Bad request"), _("The form could not be read. Please check it and try again.")
    if code == 403:
        return _("Access denied"), _("Your account may not open this page.")
    if code == 404:
        return _("Page not found"), _("There is no such page, or it has been removed.")
    if code == 405:
        return _("Not allowed"), _("This page does not accept that kind of request.")
    if code == 429:
        return _("Too many requests"), _("Please wait a little and try again.")
    if code == 503:
        return _("Temporarily unavailable"), _(
            "This service is temporarily unavailable. Please try again later."
        )
    return _("Something went wrong"), _("The error has been logged. Please try again later.")


def render_error(code: int) -> ResponseReturnValue:
    heading, message = _texts(code)
    return render_template("errors/error.html", heading=heading, message=message), code


def _http_error(error: HTTPException) -> ResponseReturnValue:
    if error.response is not None:  # an answer made for this error (a refused login form)
        return error.response
    if request.path.startswith(API_PREFIX):
        api_handler: ApiHandler = current_app.extensions[_API_HANDLER]
        return api_handler(error)
    return render_error(error.code or 500)


def _csrf_error(_error: CSRFError) -> ResponseReturnValue:
    heading = _("The form has expired")
    message = _("Please go back, reload the page and send the form again.")
    return render_template("errors/error.html", heading=heading, message=message), 400


def _unexpected(error: Exception) -> ResponseReturnValue:
    """A 500: logged with its traceback (the page says so), then a page or a problem document.
    SQL parameters never reach the log: the engine hides them outside debug settings."""
    current_app.logger.error(
        "unhandled error on %s %s", request.method, request.path, exc_info=error
    )
    if request.path.startswith(API_PREFIX):
        api_handler: ApiHandler = current_app.extensions[_API_HANDLER]
        return api_handler(InternalServerError())
    return render_error(500)


def init_app(app: Flask, api_handler: ApiHandler) -> None:
    app.extensions[_API_HANDLER] = api_handler
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    if not app.testing:
        app.register_error_handler(Exception, _unexpected)
