"""Kazakh and Russian (and English) pages through Flask-Babel.

Message ids are English. Each area of the interface keeps its own catalogue fragment,
``app/translations/<lang>/<area>.po``, so that areas can be translated and reviewed apart;
at start-up the fragments of a language are merged and compiled into the instance folder
(atomically, so several workers may start at once). A language is recompiled only when its
fragments changed since the last compile (a digest of their names and contents is kept beside
the ``.mo``), so restarts, and the hundreds of apps a test session builds over one shared
folder (``Settings.translations_path``), parse the catalogues once. Kazakh is the default
language.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, request
from flask.wrappers import Response
from flask_babel import Babel, get_locale

LANGUAGES = ("kk", "ru", "en")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
CATALOGUE_LANGUAGES = ("kk", "ru")  # English is the message ids themselves
SOURCE = Path(__file__).resolve().parent.parent / "translations"
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def read_catalogue(lang: str, source: Path = SOURCE) -> Catalog:
    """All fragments of one language merged (a msgid in two fragments must agree)."""
    merged = Catalog(locale=lang, domain="messages")
    for path in sorted((source / lang).glob("*.po")):
        with path.open("rb") as handle:
            fragment = read_po(handle, locale=lang)
        for message in fragment:
            if message.id and message.string:
                merged.add(message.id, message.string, context=message.context)
    return merged


def fragments_digest(lang: str, source: Path = SOURCE) -> str:
    """What the compiled catalogue of ``lang`` depends on: every fragment's name and bytes."""
    digest = hashlib.sha256()
    for path in sorted((source / lang).glob("*.po")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def compile_catalogues(target: Path, source: Path = SOURCE) -> Path:
    """Write ``<target>/<lang>/LC_MESSAGES/messages.mo`` for each catalogue language whose
    fragments changed since it was last written there."""
    for lang in CATALOGUE_LANGUAGES:
        folder = target / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        mo, stamp = folder / "messages.mo", folder / "messages.digest"
        digest = fragments_digest(lang, source)
        if mo.exists() and stamp.exists() and stamp.read_text(encoding="ascii") == digest:
            continue
        compiled = io.BytesIO()
        write_mo(compiled, read_catalogue(lang, source))
        _write_atomically(mo, compiled.getvalue())
        _write_atomically(stamp, digest.encode("ascii"))
    return target


def requested_language() -> str | None:
    """?lang=, then the cookie the language switch set; None when neither is valid."""
    for value in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGUAGES:
            return value
    return None


def select_locale() -> str:
    chosen = requested_language()
    if chosen:
        return chosen
    user = getattr(g, "user", None)
    if user is not None and user.locale in LANGUAGES:
        return str(user.locale)
    default: str = current_app.config["BABEL_DEFAULT_LOCALE"]
    return default


def current_language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def _remember_language(response: Response) -> Response:
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(
            COOKIE,
            chosen,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


def language_url(code: str) -> str:
    """This page in another language (the other query parameters kept)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return request.path + "?" + urlencode(args, doseq=True)


def init_app(app: Flask, default_locale: str, translations_path: Path | None = None) -> None:
    translations = compile_catalogues(translations_path or Path(app.instance_path) / "translations")
    app.config.update(
        BABEL_DEFAULT_LOCALE=default_locale,
        BABEL_TRANSLATION_DIRECTORIES=str(translations),
    )
    Babel(app, locale_selector=select_locale)
    app.after_request(_remember_language)
    app.jinja_env.globals.update(
        current_language=current_language,
        language_url=language_url,
        LANGUAGES=LANGUAGES,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
    )
