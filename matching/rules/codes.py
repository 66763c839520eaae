"""Comparing classifier codes (ISCO-08 occupations, education specialties) by hierarchy."""

from __future__ import annotations


def codes_match(a: str, b: str) -> bool:
    """Equal, or one is a broader group of the other ("2512" and "25" match)."""
    a, b = a.strip().upper(), b.strip().upper()
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def same_group(a: str, b: str, digits: int) -> bool:
    """In the same group at ``digits`` characters; shorter codes match by hierarchy."""
    a, b = a.strip().upper(), b.strip().upper()
    if len(a) >= digits and len(b) >= digits:
        return a[:digits] == b[:digits]
    return codes_match(a, b)
