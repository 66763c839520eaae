"""Vacancy imports: hh.ru API format and CSV, idempotent on the source id."""

FORMATS = ("hh", "csv")


def format_for(filename: str) -> str:
    """``csv`` for a ``.csv`` file, ``hh`` (hh.ru JSON) otherwise: how the CLI's ``--format auto``
    and the admin page's upload choose a reader."""
    return "csv" if filename.strip().lower().endswith(".csv") else "hh"
