"""Reference data shipped with the platform (geography, occupations)."""
