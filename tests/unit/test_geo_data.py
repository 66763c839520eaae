"""Sanity checks for the administrative geography shipped in ``app/data``.

``regions.csv`` holds the 17 oblasts and the 3 cities of republican significance;
``localities.csv`` the settlements vacancies and job seekers are placed in (regional
centres, cities of regional significance and the main settlement of every district).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from matching.geo import distance_km

DATA = Path(__file__).resolve().parents[2] / "app" / "data"

REGION_COLUMNS = [
    "kato",
    "name_kk",
    "name_ru",
    "name_en",
    "kind",
    "centre_kk",
    "centre_ru",
    "lat",
    "lon",
]
LOCALITY_COLUMNS = [
    "kato",
    "region_kato",
    "district_kk",
    "district_ru",
    "name_kk",
    "name_ru",
    "name_en",
    "lat",
    "lon",
    "is_urban",
    "is_region_centre",
]

# Kazakhstan's bounding box, with a little slack.
LAT_RANGE = (40.5, 55.5)
LON_RANGE = (46.5, 87.5)


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@cache
def regions() -> list[dict[str, str]]:
    return _read("regions.csv")[1]


@cache
def localities() -> list[dict[str, str]]:
    return _read("localities.csv")[1]


def regions_by_kato() -> dict[str, dict[str, str]]:
    return {row["kato"]: row for row in regions()}


def region_by_en(name_en: str) -> dict[str, str]:
    matches = [row for row in regions() if row["name_en"] == name_en]
    assert len(matches) == 1, name_en
    return matches[0]


def centre_of(region_kato: str) -> dict[str, str]:
    centres = [
        row
        for row in localities()
        if row["region_kato"] == region_kato and row["is_region_centre"] == "1"
    ]
    assert len(centres) == 1, region_kato
    return centres[0]


def test_headers() -> None:
    assert _read("regions.csv")[0] == REGION_COLUMNS
    assert _read("localities.csv")[0] == LOCALITY_COLUMNS


def test_twenty_regions_17_oblasts_and_3_cities() -> None:
    kinds = Counter(row["kind"] for row in regions())
    assert len(regions()) == 20
    assert kinds == {"oblast": 17, "city": 3}
    cities = {row["kato"] for row in regions() if row["kind"] == "city"}
    assert cities == {"710000000", "750000000", "790000000"}


@pytest.mark.parametrize("loader", [regions, localities], ids=["regions", "localities"])
def test_katos_are_unique_nine_digit_codes(loader) -> None:
    katos = [row["kato"] for row in loader()]
    assert all(len(k) == 9 and k.isdigit() and k[0] != "0" for k in katos)
    duplicates = [k for k, n in Counter(katos).items() if n > 1]
    assert duplicates == []


def test_region_katos_are_region_level_codes() -> None:
    for row in regions():
        assert row["kato"].endswith("0000000"), row


def test_every_locality_belongs_to_a_region_with_the_same_kato_prefix() -> None:
    known = regions_by_kato()
    for row in localities():
        assert row["region_kato"] in known, row
        assert row["kato"][:2] == row["region_kato"][:2], row


@pytest.mark.parametrize("loader", [regions, localities], ids=["regions", "localities"])
def test_coordinates_inside_kazakhstan(loader) -> None:
    for row in loader():
        lat, lon = float(row["lat"]), float(row["lon"])
        assert LAT_RANGE[0] <= lat <= LAT_RANGE[1], row
        assert LON_RANGE[0] <= lon <= LON_RANGE[1], row
        # Four decimals, as documented.
        assert len(row["lat"].split(".")[1]) == 4, row
        assert len(row["lon"].split(".")[1]) == 4, row


def test_names_are_present() -> None:
    for row in regions():
        for column in ("name_kk", "name_ru", "name_en", "centre_kk", "centre_ru"):
            assert row[column].strip(), (column, row)
    for row in localities():
        for column in ("name_kk", "name_ru", "name_en"):
            assert row[column].strip(), (column, row)
        # A district is named in both languages or in neither.
        assert bool(row["district_kk"]) == bool(row["district_ru"]), row


def test_flags_are_zero_or_one() -> None:
    for row in localities():
        assert row["is_urban"] in {"0", "1"}, row
        assert row["is_region_centre"] in {"0", "1"}, row
        if row["is_region_centre"] == "1":
            assert row["is_urban"] == "1", row
            assert row["district_ru"] == "", row


def test_no_duplicate_name_within_a_region() -> None:
    pairs = Counter((row["region_kato"], row["name_ru"]) for row in localities())
    assert [pair for pair, n in pairs.items() if n > 1] == []


def test_each_region_has_exactly_one_centre_matching_regions_csv() -> None:
    for region in regions():
        centre = centre_of(region["kato"])
        assert centre["name_ru"] == region["centre_ru"], region
        assert centre["name_kk"] == region["centre_kk"], region
        # The region's coordinates are its centre's.
        gap = distance_km(
            (float(region["lat"]), float(region["lon"])),
            (float(centre["lat"]), float(centre["lon"])),
        )
        assert gap < 5, (region["name_en"], gap)


def test_each_oblast_has_at_least_five_localities() -> None:
    per_region = Counter(row["region_kato"] for row in localities())
    for region in regions():
        if region["kind"] == "oblast":
            assert per_region[region["kato"]] >= 5, region["name_en"]
        else:
            assert per_region[region["kato"]] == 1, region["name_en"]


def test_each_district_has_one_main_settlement() -> None:
    districts: defaultdict[tuple[str, str], int] = defaultdict(int)
    for row in localities():
        if row["district_ru"]:
            districts[(row["region_kato"], row["district_ru"])] += 1
    assert [key for key, n in districts.items() if n > 1] == []
    assert len(districts) >= 150


def test_total_locality_count_is_plausible() -> None:
    assert 170 <= len(localities()) <= 220


def test_astana() -> None:
    astana = region_by_en("Astana")
    assert astana["kato"] == "710000000"
    assert astana["kind"] == "city"
    assert astana["name_kk"] == "Астана қаласы"
    assert abs(float(astana["lat"]) - 51.17) < 0.05
    assert abs(float(astana["lon"]) - 71.45) < 0.05


@pytest.mark.parametrize(
    ("region_en", "kato", "centre_en", "centre_ru"),
    [
        ("Turkistan Region", "610000000", "Turkistan", "Туркестан"),
        ("Abai Region", "100000000", "Semey", "Семей"),
        ("Jetisu Region", "330000000", "Taldykorgan", "Талдыкорган"),
        ("Ulytau Region", "620000000", "Zhezkazgan", "Жезказган"),
        ("Almaty Region", "190000000", "Konaev", "Конаев"),
        ("Akmola Region", "110000000", "Kokshetau", "Кокшетау"),
        ("West Kazakhstan Region", "270000000", "Oral", "Уральск"),
        ("East Kazakhstan Region", "630000000", "Oskemen", "Усть-Каменогорск"),
    ],
)
def test_regional_centres(region_en: str, kato: str, centre_en: str, centre_ru: str) -> None:
    region = region_by_en(region_en)
    assert region["kato"] == kato
    assert region["kind"] == "oblast"
    centre = centre_of(kato)
    assert centre["name_en"] == centre_en
    assert centre["name_ru"] == centre_ru


def test_well_known_places() -> None:
    by_ru = {(row["region_kato"], row["name_ru"]): row for row in localities()}
    # Cities of regional significance moved by the 2022 reform.
    assert ("100000000", "Курчатов") in by_ru
    assert ("330000000", "Текели") in by_ru
    assert ("620000000", "Сатпаев") in by_ru
    assert ("550000000", "Экибастуз") in by_ru
    assert ("350000000", "Темиртау") in by_ru
    # Current names only.
    names = {row["name_ru"] for row in localities()}
    assert "Капчагай" not in names
    assert "Нур-Султан" not in names
    oral = by_ru[("270000000", "Уральск")]
    assert oral["name_kk"] == "Орал"
    # Almaty city sits well south of Konaev, its former oblast's centre.
    almaty = by_ru[("750000000", "Алматы")]
    konaev = by_ru[("190000000", "Конаев")]
    gap = distance_km(
        (float(almaty["lat"]), float(almaty["lon"])), (float(konaev["lat"]), float(konaev["lon"]))
    )
    assert 60 < gap < 90
