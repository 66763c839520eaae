"""The dashboard's figures as labelled tables (the page and the CSV export share them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Region
from app.services.figures import (
    UNDER_AGE,
    UNKNOWN,
    Count,
    Duration,
    Figures,
    ShareFigure,
    Tally,
    major_group_names,
)
from app.web.charts import Bar, bar_chart
from app.web.i18n import current_language
from app.web.locale_format import collation_key, number, percent

T = TypeVar("T", Tally, Duration)


@dataclass
class Table:
    name: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[str]]
    bars: list[Bar]
    row_header: int = 1  # the column that names a row (th scope="row")
    # The same cells unformatted (numbers as numbers) and their headings, for the CSV export.
    values: list[list[str | float | None]] = field(default_factory=list)
    value_columns: list[str] = field(default_factory=list)

    def chart(self) -> Markup:
        return bar_chart(self.title, self.description, self.bars, ident=f"chart-{self.name}")


FIGURE_NAMES = (
    "placed",
    "youth_permanent",
    "permanent_after_subsidised",
    "employed_after_training",
    "time_to_placement",
    "overdue",
    "vacancies_by_region",
    "vacancies_by_occupation",
    "seekers_by_region",
    "seekers_by_occupation",
)


class Labels:
    """Names for the keys the figures use (region ids, sex, age groups, ISCO major groups)."""

    def __init__(self, session: Session) -> None:
        lang = current_language()
        self.regions = {str(r.id): r.name(lang) for r in session.execute(select(Region)).scalars()}
        self.occupations = {code: o.name(lang) for code, o in major_group_names(session).items()}
        self.sexes = {"male": _("Men"), "female": _("Women")}
        self.dimensions = {"region": _("Region"), "sex": _("Sex"), "age": _("Age group")}

    def ordered(self, dimension: str, rows: list[T]) -> list[T]:
        """Regions in alphabetical order of their names; other groups as the figures give them."""
        if dimension != "region":
            return rows
        return sorted(rows, key=lambda row: collation_key(self.key(dimension, row.key)))

    def key(self, dimension: str, key: str) -> str:
        if key == UNKNOWN:
            return _("Not recorded")
        if dimension == "region":
            return self.regions.get(key, key)
        if dimension == "sex":
            return self.sexes.get(key, key)
        if dimension == "occupation":
            return self.occupations.get(key, key)
        if key == UNDER_AGE:
            return _("Under 16")
        return key


def _share_table(name: str, title: str, desc: str, figure: ShareFigure, labels: Labels) -> Table:
    columns = [_("Breakdown"), _("Group"), _("Count"), _("Of"), _("Share")]
    everyone = _("Total")
    rows = [[everyone, everyone, *_numbers(figure.total)]]
    values = [[everyone, everyone, *_raw(figure.total)]]
    bars = [Bar(everyone, figure.total.share or 0.0, percent(figure.total.share))]
    for dimension, tallies in figure.by.items():
        for tally in labels.ordered(dimension, tallies):
            label = labels.key(dimension, tally.key)
            rows.append([labels.dimensions[dimension], label, *_numbers(tally)])
            values.append([labels.dimensions[dimension], label, *_raw(tally)])
            bars.append(Bar(label, tally.share or 0.0, percent(tally.share)))
    value_columns = [*columns[:-1], _("Share, %")]
    return Table(name, title, desc, columns, rows, bars, 1, values, value_columns)


def _numbers(tally: Tally) -> list[str]:
    return [number(tally.count), number(tally.base), percent(tally.share)]


def _raw(tally: Tally) -> list[str | float | None]:
    share = None if tally.share is None else round(tally.share * 100, 1)
    return [tally.count, tally.base, share]


def _days(value: float | None) -> str:
    return "—" if value is None else number(value, 1)


def _duration_table(figures: Figures, labels: Labels) -> Table:
    figure = figures.time_to_placement
    columns = [_("Breakdown"), _("Group"), _("Placements"), _("Mean, days"), _("Median, days")]
    everyone = _("Total")

    def row(dimension: str, item: Duration) -> list[str]:
        return [
            dimension,
            item.key,
            str(item.placements),
            _days(item.mean_days),
            _days(item.median_days),
        ]

    def raw(dimension: str, item: Duration) -> list[str | float | None]:
        return [dimension, item.key, item.placements, item.mean_days, item.median_days]

    rows = [row(everyone, figure.total)]
    rows[0][1] = everyone
    values = [raw(everyone, figure.total)]
    values[0][1] = everyone
    bars = [Bar(everyone, figure.total.median_days or 0.0, _days(figure.total.median_days))]
    for dimension, items in figure.by.items():
        for item in labels.ordered(dimension, items):
            label = labels.key(dimension, item.key)
            rows.append([labels.dimensions[dimension], label, *row("", item)[2:]])
            values.append([labels.dimensions[dimension], label, *raw("", item)[2:]])
            bars.append(Bar(label, item.median_days or 0.0, _days(item.median_days)))
    return Table(
        "time_to_placement",
        _("Time from registration to placement"),
        _("Median days from registration to the start of work, in total and by group."),
        columns,
        rows,
        bars,
        1,
        values,
        columns,
    )


def _count_table(
    name: str, title: str, desc: str, counts: list[Count], label: Callable[[str], str], head: str
) -> Table:
    rows = [[label(c.key), number(c.count)] for c in counts]
    values: list[list[str | float | None]] = [[label(c.key), c.count] for c in counts]
    bars = [Bar(label(c.key), float(c.count), number(c.count)) for c in counts]
    columns = [head, _("Count")]
    return Table(name, title, desc, columns, rows, bars, 0, values, columns)


def build_tables(session: Session, figures: Figures) -> dict[str, Table]:
    labels = Labels(session)
    shares = figures.shares

    def region(key: str) -> str:
        return labels.key("region", key)

    def occupation(key: str) -> str:
        return labels.key("occupation", key)

    tables = [
        _share_table(
            "placed",
            _("Registered clients placed in work"),
            _("Share of clients on the register in the period who started work in it."),
            shares["placed"],
            labels,
        ),
        _share_table(
            "youth_permanent",
            _("Young people placed in permanent jobs"),
            _(
                "Share of registered clients aged %(age)d or younger who started "
                "a permanent job in the period.",
                age=figures.youth_max_age,
            ),
            shares["youth_permanent"],
            labels,
        ),
        _share_table(
            "permanent_after_subsidised",
            _("Permanent job after a subsidised one"),
            _(
                "Share of people in a social job, youth practice or public works "
                "who then started a permanent job."
            ),
            shares["permanent_after_subsidised"],
            labels,
        ),
        _share_table(
            "employed_after_training",
            _("Employed after short training"),
            _(
                "Share of people who completed vocational training in the period "
                "and then started a job."
            ),
            shares["employed_after_training"],
            labels,
        ),
        _duration_table(figures, labels),
        _share_table(
            "overdue",
            _("Overdue referrals"),
            _("Referrals issued in the period that are still pending after their deadline."),
            shares["overdue"],
            labels,
        ),
        _count_table(
            "vacancies_by_region",
            _("Open vacancies by region"),
            _("Open places in published vacancies, by region."),
            figures.vacancies_by_region,
            region,
            _("Region"),
        ),
        _count_table(
            "vacancies_by_occupation",
            _("Open vacancies by occupation group"),
            _("Open places in published vacancies, by major occupation group."),
            figures.vacancies_by_occupation,
            occupation,
            _("Occupation group"),
        ),
        _count_table(
            "seekers_by_region",
            _("Registered job seekers by region"),
            _("Job seekers and unemployed people on the register now, by region."),
            figures.seekers_by_region,
            region,
            _("Region"),
        ),
        _count_table(
            "seekers_by_occupation",
            _("Registered job seekers by occupation group"),
            _(
                "Job seekers and unemployed people on the register now, "
                "by the occupation they seek."
            ),
            figures.seekers_by_occupation,
            occupation,
            _("Occupation group"),
        ),
    ]
    return {t.name: t for t in tables}
