"""Places in a query: found in kk/ru/Latin, inflected, with markers; taken out of the text."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from matching.query import Gazetteer, Place, parse_query

DATA = Path(__file__).resolve().parents[2] / "app" / "data"
ALMATY, ASTANA, SHYMKENT = "750000000", "710000000", "790000000"
KARAGANDA, KONAEV, OSKEMEN, KYZYLORDA = "351010000", "191010000", "631010000", "431010000"


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer.from_rows(_read("regions.csv"), _read("localities.csv"))


def _parse(text: str) -> tuple[str, list[tuple[str, str]]]:
    parsed = parse_query(text, _gazetteer())
    assert parsed.original == text
    return parsed.text, [(p.kato, p.level) for p in parsed.places]


@pytest.mark.parametrize(
    ("query", "text", "kato"),
    [
        ("водитель Алматы", "водитель", ALMATY),
        ("повар Алматы", "повар", ALMATY),
        ("бухгалтер Караганда", "бухгалтер", KARAGANDA),
        ("есепші Қарағанды", "есепші", KARAGANDA),
        ("Алматыда аспаз", "аспаз", ALMATY),
        ("аспаз Алматы қаласында", "аспаз", ALMATY),
        ("водитель в Алматы", "водитель", ALMATY),
        ("Қарағандыда есепші", "есепші", KARAGANDA),
        ("бухгалтер в Караганде", "бухгалтер", KARAGANDA),
        ("Karagandy buhgalter", "бухгалтер", KARAGANDA),
        ("ASTANA developer", "developer", ASTANA),
        ("Нур-Султан водитель", "водитель", ASTANA),
        ("Нұр-Сұлтанда жүргізуші", "жүргізуші", ASTANA),
        ("повар в Усть-Каменогорске", "повар", OSKEMEN),
        ("Өскемен мұғалім", "мұғалім", OSKEMEN),
        ("medbike Oskemen", "медбике", OSKEMEN),
        ("Кызылорда сварщик", "сварщик", KYZYLORDA),
        ("Қызылордада дәнекерлеуші", "дәнекерлеуші", KYZYLORDA),
        ("водитель Кызыл-Орда", "водитель", KYZYLORDA),
        ("жүргізуші Шымкентте", "жүргізуші", SHYMKENT),
        ("Конаев аспаз", "аспаз", KONAEV),
        ("Қонаевта аспаз", "аспаз", KONAEV),
        ("Капшагай повар", "повар", KONAEV),
        ("водитель, г.Алматы", "водитель", ALMATY),
        ("повар в г. Алматы, опыт от года", "повар, опыт от года", ALMATY),
        ("бухгалтер (Алматы)", "бухгалтер", ALMATY),
        ("c++ Алматы", "c++", ALMATY),
        ("c# developer Astana", "c# developer", ASTANA),
        ("Almatyda aspaz", "аспаз", ALMATY),
    ],
)
def test_locality_leaves_the_text(query: str, text: str, kato: str) -> None:
    assert _parse(query) == (text, [(kato, "region" if kato.endswith("0000000") else "locality")])


@pytest.mark.parametrize("query", ["Алматы", "АЛМАТЫ", "almaty", "Астана", "Шымкент", "г. Алматы"])
def test_a_query_that_is_only_a_place_has_empty_text(query: str) -> None:
    text, places = _parse(query)
    assert text == ""
    assert len(places) == 1


def test_cities_of_republican_significance_are_regions_with_their_own_code() -> None:
    parsed = parse_query("Алматыда", _gazetteer())
    assert parsed.places == (Place(ALMATY, "region", "Алматыда", ALMATY, 43.2567, 76.9286),)


def test_a_locality_knows_its_region() -> None:
    (place,) = parse_query("Караганде", _gazetteer()).places
    assert (place.kato, place.region_kato, place.name) == (KARAGANDA, "350000000", "Караганде")


@pytest.mark.parametrize(
    ("query", "kato"),
    [
        ("бухгалтер Алматы облысы", "190000000"),
        ("бухгалтер Алматинская область", "190000000"),
        ("в Карагандинской области сварщик", "350000000"),
        ("Қарағанды облысында", "350000000"),
        ("Karaganda region", "350000000"),
        ("работа в Алматинской обл.", "190000000"),
        ("водитель области Абай", "100000000"),
        ("Абай облысы", "100000000"),
        ("Жетісу", "330000000"),
        ("ВКО", "630000000"),
        ("Западно-Казахстанская область", "270000000"),
        ("Батыс Қазақстан облысы", "270000000"),
    ],
)
def test_regions_need_their_marker_unless_the_name_is_theirs_alone(query: str, kato: str) -> None:
    assert _parse(query)[1] == [(kato, "region")]


def test_a_region_name_that_is_also_a_city_is_the_city_without_a_marker() -> None:
    assert _parse("Караганда")[1] == [(KARAGANDA, "locality")]
    assert _parse("Алматы")[1] == [(ALMATY, "region")]


@pytest.mark.parametrize(
    "query",
    [
        "жақсы жалақы",
        "Абая 150",
        "работа в офисе",
        "есік терезе",
        "аса жауапты",
        "python developer",
    ],
)
def test_everyday_words_are_not_taken_for_places(query: str) -> None:
    assert _parse(query) == (query, [])


def test_an_everyday_word_is_a_place_with_a_marker_or_a_capital_inside_the_query() -> None:
    assert _parse("в селе Жақсы") == ("", [("115230100", "locality")])
    assert _parse("работа Жақсы") == ("работа", [("115230100", "locality")])


def test_several_places_and_the_name_as_typed() -> None:
    parsed = parse_query("Алматы/Астана  водитель", _gazetteer())
    assert parsed.text == "водитель"
    assert [p.name for p in parsed.places] == ["Алматы", "Астана"]
    assert parse_query("Нур-Султан", _gazetteer()).places[0].name == "Нур-Султан"


def test_duplicate_names_resolve_to_the_town() -> None:
    # Ақсу: a town in Pavlodar region and villages elsewhere
    assert _parse("Аксу")[1] == [("551610000", "locality")]


def test_gazetteer_accepts_rows_with_a_kind_enum_and_no_coordinates() -> None:
    class Kind:
        value = "city"

    regions = [
        {
            "kato": "750000000",
            "name_kk": "Алматы қаласы",
            "name_ru": "Алматы",
            "name_en": "Almaty",
            "kind": Kind(),
        }
    ]
    localities = [
        {
            "kato": "750000000",
            "region_kato": "750000000",
            "name_kk": "Алматы",
            "name_ru": "Алматы",
            "name_en": "Almaty",
        }
    ]
    gaz = Gazetteer.from_rows(regions, localities)
    parsed = parse_query("Almaty", gaz)
    assert parsed.places == (Place(ALMATY, "region", "Almaty", ALMATY, None, None),)


def test_the_app_gazetteer_is_built_once_from_the_shipped_files() -> None:
    from app.search.places import gazetteer

    assert gazetteer() is gazetteer()
    assert parse_query("повар Қонаевта", gazetteer()).places[0].kato == KONAEV


@pytest.mark.parametrize("query", ["мастер рудника", "oil", "қарауыл", "Есік"])
def test_the_app_gazetteer_does_not_swallow_occupation_words(query: str) -> None:
    from app.search.places import gazetteer

    parsed = parse_query(query, gazetteer())
    assert (parsed.text, parsed.places) == (query, ())
    assert [p.kato for p in parse_query("сварщик в Рудном", gazetteer()).places] == ["392410000"]
