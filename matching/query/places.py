"""A gazetteer of Kazakhstan's regions and localities, and finding their names in a query.

Every name (Kazakh, Russian, English, old names such as Нур-Султан or Капшагай) is compared
through ``matching.text.skeleton``, so case, script and Latin spelling do not matter
("Karagandy", "Qarağandy", "Караганды", "КАРАГАНДА"). A word may carry a case ending: Kazakh
(-да/-де/-та/-те, -дағы, -ға/-ге/-қа/-ке, -дан/-нан, -ның, -мен, ...) or Russian (Караганде,
Астаной, Павлодаре, Карагандинской). Names of several words match word by word, whether
written with a hyphen or a space (Усть-Каменогорск, Нур Султан).

Place words come with their markers: prepositions before a name (в, во, из, по, г., город,
село, in), and Kazakh words after it (қаласы, қ., ауылы, кенті, in any case form: қаласында).
A region needs its own marker (облысы, область, обл., region) unless its name cannot be a
locality: "Алматы" is the city, "Алматы облысы" and "Алматинская область" are the region;
"Жетісу", "ВКО" and "Карагандинская" are regions on their own.

A name that is also an everyday or occupation word (Жақсы = good, Есік = door, Аса = very,
Алға, Глубокое, any name whose form is in the vocabulary passed in) is taken for a place only
with a marker next to it, or when capitalised somewhere other than at the start of the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from matching.text.skeleton import skeleton

__all__ = ["Gazetteer", "Place", "PlaceMatch", "find_places"]

Level = Literal["region", "locality"]

# Case endings in skeleton form (matching.text.skeleton folds ы/і to i, ң to n, қ to k).
_KAZAKH_ENDINGS = (
    "da", "de", "ta", "te", "nda", "nde", "dagi", "degi", "tagi", "tegi", "ndagi", "ndegi",
    "ga", "ge", "ka", "ke", "na", "ne", "dan", "den", "tan", "ten", "nan", "nen",
    "nin", "din", "tin", "men", "ben", "pen", "lik",
)  # fmt: skip
_RUSSIAN_ENDINGS = ("a", "i", "e", "u", "oi", "oiu", "om", "em", "iu", "ia", "ei")
_ADJECTIVE_ENDINGS = ("aia", "oi", "uiu", "ii", "oe", "ogo", "omu", "om", "ie", "ih", "imi")
_ADJECTIVE_RE = re.compile(r"(?:aia|ii|oe|ie|oi)$")
_VOWELS = frozenset("aeiou")
_MIN_ROOT = 3

# Markers, in skeleton form; Kazakh ones are also accepted with case endings.
_BEFORE_WORDS = "v vo iz po g gor gorod goroda gorode s selo sele pos poselok p pgt in at"
_BEFORE = frozenset(_BEFORE_WORDS.split())
_AFTER_LOCALITY = ("kala", "kalasi", "k", "auili", "auil", "kenti", "city", "town")
_REGION_MARKERS = ("oblisi", "oblis", "oblast", "oblasti", "obl", "region")

# Old and other names, by KATO code (the current names come from the rows).
ALIASES: dict[str, tuple[str, ...]] = {
    "710000000": ("Нур-Султан", "Нұр-Сұлтан", "Целиноград"),
    "750000000": ("Алма-Ата", "Алмата"),
    "790000000": ("Чимкент",),
    "191010000": ("Капшагай", "Қапшағай", "Kapchagay", "Кунаев"),
    "631010000": ("Ust-Kamenogorsk", "Устькаменогорск"),
    "101010000": ("Семипалатинск",),
    "151010000": ("Актюбинск",),
    "431010000": ("Кзыл-Орда", "Кызыл-Орда"),
    "621010000": ("Джезказган",),
    "331010000": ("Талды-Курган",),
    "311010000": ("Джамбул", "Аулие-Ата"),
    "231010000": ("Гурьев",),
    "630000000": ("ВКО", "ШҚО", "Восточный Казахстан"),
    "590000000": ("СКО", "СҚО", "Северный Казахстан"),
    "270000000": ("ЗКО", "БҚО", "Западный Казахстан"),
    "610000000": ("ЮКО", "ОҚО", "Южно-Казахстанская", "South Kazakhstan"),
}
# Names that are also everyday words (a marker or a capital letter makes them places).
_COMMON = "жақсы есік аса алға құлан шаян глубокое қосшы талшық абай самар шетпе"
COMMON_WORDS = frozenset(_COMMON.split())


@dataclass(frozen=True, slots=True)
class Place:
    """A region (oblast or city of republican significance) or a locality found in a query.

    ``kato`` is the code to filter on: ``region_kato`` for a region, ``locality_kato`` for a
    locality. Almaty, Astana and Shymkent are cities of republican significance: their
    locality and region share one code, and they are reported as regions (every posting there
    carries the region code; not all carry the locality). ``name`` is the name as typed;
    ``region_kato`` is the region a locality lies in (itself for a region); ``lat``/``lon``
    are the locality or the region's centre.
    """

    kato: str
    level: Level
    name: str
    region_kato: str = ""
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place found in a query and the characters it covers (its markers included)."""

    place: Place
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Name:
    words: tuple[frozenset[str], ...]  # accepted skeleton forms per word
    exact: tuple[str, ...]  # each word's own skeleton
    place: Place
    region: bool  # a region name: needs a region marker unless standalone
    standalone: bool  # matches without any marker
    common: bool  # also an everyday word: needs a marker or a capital letter


def _forms(word: str) -> frozenset[str]:
    """Skeleton forms of one name word with every case ending it may carry."""
    base = skeleton(word)
    forms = {base} | {base + e for e in _KAZAKH_ENDINGS}
    if _ADJECTIVE_RE.search(base) and len(base) - 2 >= _MIN_ROOT + 2:
        root = base[:-3] if base.endswith("aia") else base[:-2]
        forms |= {root + e for e in _ADJECTIVE_ENDINGS}
    elif base[-1:] in _VOWELS and len(base) - 1 >= _MIN_ROOT:
        forms |= {base[:-1] + e for e in _RUSSIAN_ENDINGS}
    if base[-1:] not in _VOWELS or base.endswith("i"):
        forms |= {base + e for e in _RUSSIAN_ENDINGS}
    return frozenset(f for f in forms if f)


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—.()]+", name) if w]


def _marker_forms(words: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        out |= _forms(word)
    return frozenset(out)


_AFTER_FORMS = _marker_forms(_AFTER_LOCALITY)
_REGION_FORMS = _marker_forms(_REGION_MARKERS)
_REGION_BEFORE = frozenset({"oblast", "oblasti", "oblastiu", "region"})


def _short_names(row: Mapping[str, Any]) -> set[str]:
    """Skeletons of a locality's one-word names of three letters or fewer (Аса, Арал)."""
    names = (row.get("name_kk"), row.get("name_ru"), row.get("name_en"))
    words = [_words(str(n or "")) for n in names]
    return {skeleton(w[0]) for w in words if len(w) == 1 and len(skeleton(w[0])) <= 3}


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "t", "yes")


def _coord(value: Any) -> float | None:
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Gazetteer:
    """Place names indexed by the skeleton forms of their first word."""

    names: list[_Name] = field(default_factory=list)
    _by_first: dict[str, list[_Name]] = field(default_factory=dict)

    @classmethod
    def from_rows(
        cls,
        regions: Iterable[Mapping[str, Any]],
        localities: Iterable[Mapping[str, Any]],
        *,
        common_words: Iterable[str] = (),
    ) -> Gazetteer:
        """Build from rows shaped like ``app/data/regions.csv`` and ``localities.csv``.

        Regions: kato, name_kk, name_ru, name_en, kind ("city" for Almaty, Astana, Shymkent),
        lat, lon. Localities: kato, region_kato, name_kk, name_ru, name_en, lat, lon, is_urban,
        is_region_centre. ``common_words`` (occupation words, say) are words a place name must
        not swallow: a name that is one needs a marker, an inflected form that is one is not
        read as the place. Names of towns and regions do not count (Алматы is a word of
        the synonym file, and still the city).
        """
        locality_rows = list(localities)
        region_rows = list(regions)
        towns = [r for r in locality_rows if _flag(r.get("is_urban"))]
        own = {
            skeleton(word)
            for row in (*towns, *region_rows)
            for column in ("name_kk", "name_ru", "name_en")
            for word in _words(str(row.get(column) or ""))
        }
        common = {skeleton(w) for w in COMMON_WORDS}
        common |= {skeleton(w) for w in common_words} - own
        common |= {key for row in locality_rows for key in _short_names(row)}
        gaz = cls()
        city_regions: dict[str, Mapping[str, Any]] = {}
        for row in region_rows:
            if str(getattr(row.get("kind"), "value", row.get("kind"))) == "city":
                city_regions[str(row["kato"])] = row
        rows = sorted(
            locality_rows,
            key=lambda r: (not _flag(r.get("is_region_centre")), not _flag(r.get("is_urban"))),
        )
        locality_keys: set[tuple[str, ...]] = set()
        for row in rows:
            kato = str(row["kato"])
            if kato in city_regions:
                place = Place(
                    kato, "region", "", kato, _coord(row.get("lat")), _coord(row.get("lon"))
                )
            else:
                place = Place(
                    kato,
                    "locality",
                    "",
                    str(row.get("region_kato", "")),
                    _coord(row.get("lat")),
                    _coord(row.get("lon")),
                )
            names = [
                row.get("name_kk"),
                row.get("name_ru"),
                row.get("name_en"),
                *ALIASES.get(kato, ()),
            ]
            for name in names:
                key = gaz._add(str(name or ""), place, region=False, standalone=True, common=common)
                if key:
                    locality_keys.add(key)
        for row in region_rows:
            kato = str(row["kato"])
            if kato in city_regions:
                continue
            place = Place(kato, "region", "", kato, _coord(row.get("lat")), _coord(row.get("lon")))
            for name in (row.get("name_kk"), row.get("name_ru"), row.get("name_en")):
                root = [w for w in _words(str(name or "")) if skeleton(w) not in _REGION_FORMS]
                if not root:
                    continue
                key = tuple(skeleton(w) for w in root)
                alone = key not in locality_keys and (
                    len(root) > 1 or bool(_ADJECTIVE_RE.search(key[-1])) or len(key[0]) >= 5
                )
                gaz._add(" ".join(root), place, region=True, standalone=alone, common=common)
            for alias in ALIASES.get(kato, ()):
                gaz._add(alias, place, region=True, standalone=True, common=common)
        return gaz

    def _add(
        self, name: str, place: Place, *, region: bool, standalone: bool, common: set[str]
    ) -> tuple[str, ...] | None:
        words = _words(name)
        if not words:
            return None
        exact = tuple(skeleton(w) for w in words)
        if any(n.exact == exact and n.region == region for n in self.names):
            return exact  # a better-ranked place already holds this name
        entry = _Name(
            # an inflected form that is a common word (Рудный -> "рудника", a mine's) is not
            # read as the place
            words=tuple(
                frozenset(f for f in _forms(w) if f == key or f not in common)
                for w, key in zip(words, exact, strict=True)
            ),
            exact=exact,
            place=place,
            region=region,
            standalone=standalone,
            common=len(words) == 1 and exact[0] in common,
        )
        self.names.append(entry)
        for form in entry.words[0]:
            self._by_first.setdefault(form, []).append(entry)
        return exact

    def candidates(self, form: str) -> list[_Name]:
        return self._by_first.get(form, [])

    def __len__(self) -> int:
        return len(self.names)


_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MAX_MARKERS = 3  # "в г. Алматы", "в селе Жақсы"


def _span_ok(entry: _Name, forms: list[str], i: int) -> bool:
    n = len(entry.words)
    return i + n <= len(forms) and all(forms[i + k] in entry.words[k] for k in range(n))


def find_places(text: str, gazetteer: Gazetteer) -> list[PlaceMatch]:
    """Places named in ``text``, left to right, not overlapping."""
    tokens = list(_TOKEN_RE.finditer(text))
    words = [t.group() for t in tokens]
    forms = [skeleton(w) for w in words]
    matches: list[PlaceMatch] = []
    i = 0
    while i < len(tokens):
        found = _match_at(words, forms, i, gazetteer)
        if found is None:
            i += 1
            continue
        entry, start, stop = found
        name = text[tokens[i].start() : tokens[i + len(entry.words) - 1].end()]
        place = Place(
            entry.place.kato,
            entry.place.level,
            name,
            entry.place.region_kato,
            entry.place.lat,
            entry.place.lon,
        )
        matches.append(PlaceMatch(place, tokens[start].start(), tokens[stop - 1].end()))
        i = stop
    return matches


def _match_at(
    words: list[str], forms: list[str], i: int, gaz: Gazetteer
) -> tuple[_Name, int, int] | None:
    best: tuple[tuple[int, ...], tuple[_Name, int, int]] | None = None
    for entry in gaz.candidates(forms[i]):
        if not _span_ok(entry, forms, i):
            continue
        start, stop = i, i + len(entry.words)
        while start > 0 and i - start < _MAX_MARKERS and forms[start - 1] in _BEFORE:
            start -= 1
        before = start < i
        after = stop < len(forms) and forms[stop] in _AFTER_FORMS
        region_after = stop < len(forms) and forms[stop] in _REGION_FORMS
        region_before = i > 0 and forms[i - 1] in _REGION_BEFORE
        if entry.region:
            if region_after:
                stop += 1
            elif region_before:
                start = i - 1
                while start > 0 and i - start < _MAX_MARKERS and forms[start - 1] in _BEFORE:
                    start -= 1
            elif not entry.standalone:
                continue
        elif after:
            stop += 1
        marked = before or after or (entry.region and (region_after or region_before))
        if entry.common and not marked and not (words[i][:1].isupper() and i > 0):
            continue
        exact = all(forms[i + k] == entry.exact[k] for k in range(len(entry.words)))
        rank = (stop - start, len(entry.words), int(exact), int(entry.region and marked))
        if best is None or rank > best[0]:
            best = (rank, (entry, start, stop))
    return best[1] if best else None
