"""What the public pages show for the closed lists, salaries and snippets.

The msgids are the same as the employer pages' (one translation per English label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from flask.sansio.app import App
from flask_babel import LazyString, lazy_gettext

from app.services.explanations import reasons
from app.web import locale_format
from app.web.locale_format import money, number
from matching.text import analyze_alternatives, analyze_query

KINDS: dict[str, LazyString] = {
    "regular": lazy_gettext("Regular job"),
    "social_job": lazy_gettext("Social job"),
    "youth_practice": lazy_gettext("Youth practice"),
    "public_works": lazy_gettext("Public works"),
    "disability_quota": lazy_gettext("Place for people with disabilities"),
}
SCHEDULES: dict[str, LazyString] = {
    "full_day": lazy_gettext("Full day"),
    "shift": lazy_gettext("Shifts"),
    "flexible": lazy_gettext("Flexible hours"),
    "remote": lazy_gettext("Remote work"),
    "rotation": lazy_gettext("Rotation (fly-in fly-out)"),
}
EMPLOYMENT_TYPES: dict[str, LazyString] = {
    "full": lazy_gettext("Full-time"),
    "part": lazy_gettext("Part-time"),
    "temporary": lazy_gettext("Temporary"),
    "project": lazy_gettext("Project work"),
    "internship": lazy_gettext("Internship"),
    "seasonal": lazy_gettext("Seasonal"),
}
EXPERIENCES: dict[str, LazyString] = {
    "none": lazy_gettext("No experience needed"),
    "1_3": lazy_gettext("1 to 3 years"),
    "3_6": lazy_gettext("3 to 6 years"),
    "6_plus": lazy_gettext("More than 6 years"),
}
EDUCATION_LEVELS: dict[str, LazyString] = {
    "secondary": lazy_gettext("Secondary"),
    "tipo": lazy_gettext("Technical and vocational"),
    "post_secondary": lazy_gettext("Post-secondary"),
    "higher": lazy_gettext("Higher"),
    "postgraduate": lazy_gettext("Postgraduate"),
}
APPLICATION_STATUSES: dict[str, LazyString] = {
    "submitted": lazy_gettext("Submitted"),
    "viewed": lazy_gettext("Viewed"),
    "invited": lazy_gettext("Invited to an interview"),
    "rejected": lazy_gettext("Rejected"),
    "hired": lazy_gettext("Hired"),
    "withdrawn": lazy_gettext("Withdrawn"),
}
CV_VISIBILITIES: dict[str, LazyString] = {
    "centres": lazy_gettext("Employment centres only"),
    "public": lazy_gettext("Employers too (public CV)"),
    "hidden": lazy_gettext("Nobody (hidden)"),
}
SNIPPET_WORDS = 30
_WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)


def salary_text(low: int | None, high: int | None) -> str:
    """'150 000 ₸', '150 000 – 200 000 ₸', 'from …', 'up to …' or 'Salary not stated'."""
    if low and high and low != high:
        return f"{number(low)} – {money(high)}"
    if low and high:
        return money(low)
    if low:
        return str(lazy_gettext("from %(amount)s", amount=money(low)))
    if high:
        return str(lazy_gettext("up to %(amount)s", amount=money(high)))
    return str(lazy_gettext("Salary not stated"))


@dataclass(frozen=True)
class Piece:
    text: str
    hit: bool


def query_terms(query: str) -> frozenset[str]:
    """Every single-word term the search query may match (synonyms included)."""
    return frozenset(
        term for position in analyze_query(query) for term in position if " " not in term
    )


def _matches(word: str, terms: frozenset[str]) -> bool:
    """Could the index have matched this word to the query (any reading of it, either language)?"""
    return any(set(alternatives) & terms for alternatives in analyze_alternatives(word))


def snippet(text: str, query: str, words: int = SNIPPET_WORDS) -> list[Piece]:
    """A stretch of ``text`` around the first word that matches the query, split into
    pieces so the template can mark the matching words (autoescaped, never raw HTML)."""
    flat = " ".join(plain_text(text).split())
    tokens = list(_WORD.finditer(flat))
    if not tokens:
        return []
    terms = query_terms(query) if query.strip() else frozenset()
    hits = [bool(terms) and _matches(m.group(0), terms) for m in tokens]
    first = hits.index(True) if any(hits) else 0
    start = max(0, first - words // 4)
    end = min(len(tokens), start + words)
    pieces: list[Piece] = []
    if start > 0:
        pieces.append(Piece("… ", False))
    cursor = tokens[start].start()
    for index in range(start, end):
        match = tokens[index]
        if match.start() > cursor:
            pieces.append(Piece(flat[cursor : match.start()], False))
        pieces.append(Piece(match.group(0), hits[index]))
        cursor = match.end()
    if end < len(tokens):
        pieces.append(Piece(" …", False))
    elif flat[cursor:]:
        pieces.append(Piece(flat[cursor:], False))
    return pieces


class _Text(HTMLParser):
    """Collects the text of markup; block elements become line breaks."""

    BLOCKS = frozenset({"p", "br", "li", "div", "ul", "ol", "h1", "h2", "h3", "h4", "tr"})
    SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(text: str) -> str:
    """The text of a description that may carry markup from an import (tags dropped)."""
    if "<" not in text and "&" not in text:
        return text
    parser = _Text()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def paragraphs(text: str) -> list[str]:
    """Plain-text paragraphs of a description (one per non-empty line), markup removed."""
    return [" ".join(line.split()) for line in plain_text(text).splitlines() if line.strip()]


def init_app(app: App) -> None:
    locale_format.init_app(app)
    app.jinja_env.globals.update(
        salary_text=salary_text,
        reasons=reasons,
        KIND_LABELS=KINDS,
        SCHEDULE_LABELS=SCHEDULES,
        EMPLOYMENT_LABELS=EMPLOYMENT_TYPES,
        EXPERIENCE_LABELS=EXPERIENCES,
        EDUCATION_LABELS=EDUCATION_LEVELS,
        APPLICATION_STATUS_LABELS=APPLICATION_STATUSES,
        CV_VISIBILITY_LABELS=CV_VISIBILITIES,
    )
