"""Demo employment centres, their staff, the admin, and employers with valid BINs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from app.models import Centre, Employer, Locality, OwnershipForm, Region, RegionKind, Role, User
from matching.iin import check_digit

from .common import DEMO_DOMAIN, Ctx, slug
from .jobs import FOREIGN_NAMES, NAME_ROOTS, SECTOR_WORDS
from .names import KAZAKH_SURNAMES, RUSSIAN_SURNAMES, STREETS

_CITY_GENITIVE = {"Астана": "Астаны", "Шымкент": "Шымкента", "Алматы": "Алматы"}

# Sectors of the employers besides the municipal one per region, with their shares.
SECTOR_SHARES: dict[str, float] = {
    "retail": 12,
    "construction": 10,
    "school": 9,
    "food": 8,
    "logistics": 7,
    "services": 6,
    "health": 6,
    "agro": 6,
    "kindergarten": 4,
    "farm": 4,
    "it": 4,
    "auto": 4,
    "energy": 3,
    "social": 3,
    "finance": 3,
    "mining": 2,
    "contact": 2,
    "ngo": 2,
    "foreign": 2,
}
_SECTOR_REGION_BOOST: dict[str, dict[str, float]] = {
    "it": {"750000000": 5.0, "710000000": 4.0},
    "contact": {"750000000": 3.0, "710000000": 3.0},
    "finance": {"750000000": 3.0, "710000000": 3.0},
    "mining": {"350000000": 8.0, "620000000": 20.0, "630000000": 5.0, "150000000": 3.0},
    "energy": {"230000000": 4.0, "470000000": 4.0, "550000000": 3.0},
}
_RURAL_SECTORS = {"agro": 0.7, "farm": 0.95, "school": 0.4, "health": 0.3, "kindergarten": 0.3}
_KINDERGARTENS = ("Балапан", "Айгөлек", "Балдырған", "Ақбота", "Құлыншақ", "Еркетай", "Болашақ")
_MUNICIPAL_WORDS = ("Тазалық", "Көркейту", "Жасыл ел", "Қала көркі")


def make_bin(registered: date, entity_type: int, attribute: int, serial: int) -> str | None:
    """A 12-digit BIN: YYMM of registration, entity type (4/5/6), attribute, serial, check.

    The check digit follows the IIN algorithm; ``None`` when this serial has no valid one.
    """
    first = f"{registered:%y%m}{entity_type}{attribute}{serial % 100_000:05d}"
    digit = check_digit(first)
    return None if digit is None else first + str(digit)


def centre_names(region: Region) -> tuple[str, str]:
    kk = f"{region.name_kk}ның жұмыспен қамту орталығы"
    if region.kind == RegionKind.CITY:
        ru_where = "города " + _CITY_GENITIVE.get(region.name_ru, region.name_ru)
    elif region.name_ru.startswith("область "):
        ru_where = "области " + region.name_ru.removeprefix("область ")
    else:
        ru_where = region.name_ru.replace("ская область", "ской области")
    return kk, f"Центр занятости населения {ru_where}"


def _created(ctx: Ctx, days_ago: int) -> datetime:
    return datetime.combine(ctx.today - timedelta(days=days_ago), time(4, 0), UTC)


def _user(ctx: Ctx, email: str, role: Role, name: str, locale: str, **links: object) -> User:
    user = User(
        email=email,
        password_hash=ctx.password_hash,
        role=role,
        display_name=name,
        locale=locale,
        created_at=_created(ctx, 400),
        **links,
    )
    ctx.users.append(user)
    return user


def _address(ctx: Ctx, lang: str) -> str:
    street = ctx.rng.choice(STREETS)
    return f"{street[1] if lang == 'kk' else street[0]}, {ctx.rng.randint(1, 180)}"


def make_centres(ctx: Ctx) -> None:
    """One centre per region, two staff each, and the admin."""
    ctx.admin = _user(ctx, f"admin@{DEMO_DOMAIN}", Role.ADMIN, "Әкімші (демо)", "kk")
    staff_no = 0
    for region in ctx.regions:
        kk, ru = centre_names(region)
        seat = next(
            (loc for loc in ctx.localities[region.id] if loc.is_region_centre),
            ctx.localities[region.id][0],
        )
        centre = Centre(
            name_kk=kk,
            name_ru=ru,
            region_id=region.id,
            locality_id=seat.id,
            address=_address(ctx, "ru"),
            phone=ctx.phone(),
        )
        ctx.centres[region.id] = centre
        ctx.staff[region.id] = []
        for _ in range(2):
            staff_no += 1
            person = ctx.person()
            user = _user(
                ctx,
                f"staff{staff_no}@{DEMO_DOMAIN}",
                Role.STAFF,
                f"{person.last_name} {person.first_name}",
                "kk" if person.kazakh and ctx.chance(0.6) else "ru",
                centre=centre,
            )
            ctx.staff[region.id].append(user)


def _private_name(ctx: Ctx, sector: str, lang: str) -> tuple[str, OwnershipForm, int, int]:
    rng = ctx.rng
    root = rng.choice(NAME_ROOTS)
    word = rng.choice(SECTOR_WORDS[sector])
    if sector in ("energy", "mining") and rng.random() < 0.5:
        form = "АҚ" if lang == "kk" else "АО"
        ownership = OwnershipForm.QUASI_STATE if sector == "energy" else OwnershipForm.PRIVATE
    else:
        form = "ЖШС" if lang == "kk" else "ТОО"
        ownership = OwnershipForm.PRIVATE
    name = f'"{root} {word}" {form}' if lang == "kk" else f'{form} "{root} {word}"'
    return name, ownership, 4, 1 if rng.random() < 0.1 else 0


def _employer_name(
    ctx: Ctx, sector: str, loc: Locality, lang: str, number: int
) -> tuple[str, OwnershipForm, int, int]:
    """(name, ownership form, BIN entity type, BIN attribute) for a new employer."""
    rng = ctx.rng
    town_ru, town_kk = loc.name_ru, loc.name_kk
    state = OwnershipForm.STATE
    if sector == "school":
        if loc.is_urban:
            if lang == "kk":
                return f'"№{number} жалпы білім беретін мектеп" КММ ({town_kk})', state, 4, 0
            return f'КГУ "Общеобразовательная школа №{number}" г. {town_ru}', state, 4, 0
        if lang == "kk":
            return f'"{town_kk} орта мектебі" КММ', state, 4, 0
        return f'КГУ "Средняя школа с. {town_ru}"', state, 4, 0
    if sector == "kindergarten":
        name = rng.choice(_KINDERGARTENS)
        if lang == "kk":
            return f'"{name}" бөбекжай-бақшасы МКҚК ({town_kk})', state, 4, 0
        return f'ГККП "Ясли-сад «{name}»" ({town_ru})', state, 4, 0
    if sector == "health":
        if loc.is_urban:
            if lang == "kk":
                return f'"№{number} қалалық емхана" ШЖҚ МКК ({town_kk})', state, 4, 0
            return f'ГКП на ПХВ "Городская поликлиника №{number}" г. {town_ru}', state, 4, 0
        if lang == "kk":
            return f'"{town_kk} аудандық ауруханасы" ШЖҚ МКК', state, 4, 0
        return f'ГКП на ПХВ "Районная больница" ({town_ru})', state, 4, 0
    if sector == "social":
        if lang == "kk":
            return f'"Арнаулы әлеуметтік қызметтер орталығы" КММ ({town_kk})', state, 4, 0
        return f'КГУ "Центр оказания специальных социальных услуг" ({town_ru})', state, 4, 0
    if sector == "ngo":
        root = rng.choice(NAME_ROOTS)
        if lang == "kk":
            return f'"{root}" мүгедектер қоғамы ҚБ', OwnershipForm.NGO, 4, 0
        return f'ОО "Общество инвалидов «{root}»"', OwnershipForm.NGO, 4, 0
    if sector == "farm":
        root = rng.choice(NAME_ROOTS)
        form = "ШҚ" if lang == "kk" else "КХ"
        name = f'"{root}" {form}' if lang == "kk" else f'{form} "{root}"'
        return name, OwnershipForm.INDIVIDUAL_ENTREPRENEUR, 6, 3
    if sector in ("food", "auto", "retail", "services") and rng.random() < 0.3:
        surname = rng.choice(KAZAKH_SURNAMES if rng.random() < 0.7 else RUSSIAN_SURNAMES)
        initial = rng.choice("АБГДЕЖКМНРСТ")
        if lang == "kk":
            return f'"{surname[0]} {initial}." ЖК', OwnershipForm.INDIVIDUAL_ENTREPRENEUR, 6, 0
        return f'ИП "{surname[0]} {initial}."', OwnershipForm.INDIVIDUAL_ENTREPRENEUR, 6, 0
    return _private_name(ctx, sector, lang)


def _add_employer(
    ctx: Ctx, sector: str, region: Region, seen: set[str], bins: set[str], number: int
) -> Employer:
    rng = ctx.rng
    loc = ctx.locality_in(region.id, _RURAL_SECTORS.get(sector, 0.1))
    lang = ctx.lang_for(region)
    if sector == "municipal":
        word = rng.choice(_MUNICIPAL_WORDS)
        if lang == "kk":
            name = f'{loc.name_kk} әкімдігінің "{word}" ШЖҚ МКК'
        else:
            name = f'ГКП на ПХВ "{word}" акимата г. {loc.name_ru}'
        ownership, entity, attribute = OwnershipForm.STATE, 4, 0
    elif sector == "foreign":
        foreign = sum(e.ownership_form == OwnershipForm.FOREIGN for e in ctx.employers)
        name, sector = FOREIGN_NAMES[foreign % len(FOREIGN_NAMES)]
        name = f'ТОО "{name}"'
        ownership, entity, attribute = OwnershipForm.FOREIGN, 4, 1 if rng.random() < 0.5 else 0
    else:
        name, ownership, entity, attribute = _employer_name(ctx, sector, loc, lang, number)
    base = name
    suffix = 2
    while name in seen:
        name = f"{base} ({suffix})"
        suffix += 1
    seen.add(name)
    bin_: str | None = None
    while bin_ is None or bin_ in bins:
        registered = ctx.today - timedelta(days=rng.randint(200, 25 * 365))
        bin_ = make_bin(registered, entity, attribute, rng.randrange(100_000))
    bins.add(bin_)
    handle = slug(name.split('"')[1] if '"' in name else name)[:40]
    if ownership == OwnershipForm.STATE:
        handle = f"{handle}-{slug(loc.name_en)}"
    contact = ctx.person(kazakh=lang == "kk" or None)
    employer = Employer(
        bin=bin_,
        name=name,
        region_id=region.id,
        locality_id=loc.id,
        ownership_form=ownership,
        contact_name=f"{contact.last_name} {contact.first_name}",
        phone=ctx.phone(),
        email=f"hr@{handle}.kz" if ownership != OwnershipForm.STATE else f"info@{handle}.kz",
        address=f"{loc.name_ru}, {_address(ctx, lang)}",
        website=f"https://{handle}.kz" if rng.random() < 0.35 else None,
        created_at=_created(ctx, rng.randint(90, 700)),
    )
    if sector == "ngo":
        sector = "social"
    ctx.employers.append(employer)
    ctx.employer_sector[id(employer)] = sector
    return employer


def employer_count(vacancies: int) -> int:
    return max(60, min(100, vacancies // 6))


def make_employers(ctx: Ctx, count: int, with_users: int = 20) -> None:
    """A municipal enterprise in every region first (public works), then the rest by sector."""
    seen: set[str] = set()
    bins: set[str] = set()
    for number, region in enumerate(ctx.regions):
        _add_employer(ctx, "municipal", region, seen, bins, number)
    sectors = list(SECTOR_SHARES)
    weights = list(SECTOR_SHARES.values())
    for _ in range(len(ctx.regions), count):
        sector = ctx.weighted(sectors, weights)
        region = ctx.region_by_population(_SECTOR_REGION_BOOST.get(sector))
        if sector in ("farm", "agro", "mining") and region.kind == RegionKind.CITY:
            region = ctx.region_by_population(
                {r.kato: 0.0 for r in ctx.regions if r.kind == "city"}
            )
        _add_employer(ctx, sector, region, seen, bins, ctx.rng.randint(1, 98))
    # Employer logins for the first employers that are not state bodies, then any.
    ordered = sorted(
        ctx.employers, key=lambda e: e.ownership_form in (OwnershipForm.STATE,), reverse=False
    )
    for n, employer in enumerate(ordered[:with_users], start=1):
        person = ctx.person()
        user = _user(
            ctx,
            f"employer{n}@{DEMO_DOMAIN}",
            Role.EMPLOYER,
            f"{person.first_name} {person.last_name} ({employer.name})"[:255],
            "kk" if person.kazakh and ctx.chance(0.5) else "ru",
            employer=employer,
        )
        ctx.employer_user[id(employer)] = user
