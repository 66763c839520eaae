"""Query understanding: what a search box's text asks for, and where.

    from matching.query import Gazetteer, ParsedQuery, Place, parse_query

    gazetteer = Gazetteer.from_rows(region_rows, locality_rows)  # build once per process
    parsed = parse_query("бухгалтер в Караганде", gazetteer)
    parsed.text       # "бухгалтер": what to search for
    parsed.places     # (Place(kato="351010000", level="locality", name="Караганде", ...),)
    parsed.corrected  # None, or the corrected query for a "showing results for" line

- ``Place``: ``kato``, ``level`` ("region" or "locality": filter ``region_kato`` or
  ``locality_kato`` with ``kato``), ``name`` (as typed), ``region_kato``, ``lat``/``lon``.
- ``ParsedQuery``: ``text``, ``places``, ``original``, ``corrected``; ``region_katos`` and
  ``locality_katos`` split the places by the field to filter. Several places mean any of them.
- ``Gazetteer.from_rows(regions, localities)``: rows shaped like ``app/data/regions.csv`` and
  ``app/data/localities.csv`` (dicts or objects' ``__dict__``-like mappings).

Places: ``matching.query.places`` (names in kk/ru/Latin, inflected forms, markers, regions,
old names, everyday words protected). Latin-typed words and typo correction:
``matching.query.parse`` and ``matching.text.vocabulary``. ``parse_query(text, gazetteer,
correct=False)`` skips correction (to correct only a query that found nothing as typed).
"""

from matching.query.parse import ParsedQuery, parse_query
from matching.query.places import Gazetteer, Place

__all__ = ["Gazetteer", "ParsedQuery", "Place", "parse_query"]
