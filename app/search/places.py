"""The process-wide gazetteer that ``matching.query.parse_query`` finds places with.

Built from the shipped ``app/data/regions.csv`` and ``localities.csv`` rather than the
database's reference tables: those tables are loaded from the same files
(``app.services.reference_data``), the files need no app context or session (the CLI, workers,
the bench and tests get the same gazetteer), and a place list that cannot change under a
running process can be built once and cached.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from matching.query import Gazetteer
from matching.text import default_vocabulary


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("app.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def gazetteer() -> Gazetteer:
    """Regions and localities of Kazakhstan, built on first use and kept. Occupation and
    everyday search words are protected: "мастер рудника" is not a search in Рудный."""
    return Gazetteer.from_rows(
        _rows("regions.csv"), _rows("localities.csv"), common_words=default_vocabulary().counts
    )
