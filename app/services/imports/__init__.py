"""Vacancy imports: hh.ru API format and CSV, idempotent on the source id."""
