"""German language data: word lists and patterns as named constants."""
