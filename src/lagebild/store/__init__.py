"""Persistence. SQLite is the embedded default; other backends implement the same methods."""

from __future__ import annotations

import os
from pathlib import Path

from lagebild.store.sqlite import SearchHit, SQLiteStore

DEFAULT_DB = "lagebild.db"

__all__ = ["DEFAULT_DB", "SQLiteStore", "SearchHit", "default_db_path", "open_store"]


def default_db_path() -> str:
    """`LAGEBILD_DB` if set, else `lagebild.db` in the working directory."""
    return os.environ.get("LAGEBILD_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(Path(path) if path else Path(default_db_path()))
