"""German (de) language data."""
