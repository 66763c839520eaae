"""Which interface strings lack a Kazakh or Russian translation (used by the test suite and by
``zhumys i18n check``). Strings are extracted from the templates and the web layer's Python."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.web.i18n import CATALOGUE_LANGUAGES, SOURCE, read_catalogue

APP_DIR = Path(__file__).resolve().parent.parent
METHOD_MAP = [
    ("templates/**.html", "jinja2"),
    ("web/**.py", "python"),
    ("services/**.py", "python"),
]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.do"}}
KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2), "N_": None}


@dataclass(frozen=True)
class Missing:
    lang: str
    msgid: str
    where: str


def extracted(app_dir: Path = APP_DIR) -> dict[str, str]:
    """msgid -> first place it was seen."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(app_dir), method_map=METHOD_MAP, options_map=OPTIONS, keywords=KEYWORDS
    ):
        ids = message if isinstance(message, tuple) else (message,)
        for msgid in ids:
            if msgid:
                found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def missing(app_dir: Path = APP_DIR, source: Path = SOURCE) -> Iterator[Missing]:
    strings = extracted(app_dir)
    for lang in CATALOGUE_LANGUAGES:
        catalogue = read_catalogue(lang, source)
        for msgid, where in sorted(strings.items()):
            message = catalogue.get(msgid)
            if message is None or not message.string:
                yield Missing(lang, msgid, where)


def contradictions(source: Path = SOURCE) -> Iterator[str]:
    """A msgid translated differently in two fragments of the same language."""
    for lang in CATALOGUE_LANGUAGES:
        seen: dict[str, tuple[str, str]] = {}
        for path in sorted((source / lang).glob("*.po")):
            with path.open("rb") as handle:
                for message in read_po(handle, locale=lang):
                    if not message.id or not message.string:
                        continue
                    key, text = str(message.id), str(message.string)
                    if key in seen and seen[key][0] != text:
                        yield f"{lang}: {key!r} in {seen[key][1]} and {path.name}"
                    seen.setdefault(key, (text, path.name))
