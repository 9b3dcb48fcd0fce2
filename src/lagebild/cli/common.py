"""Options and output helpers shared by every command module, so all commands behave alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from lagebild.store import default_db_path

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database (default: $LAGEBILD_DB or ./lagebild.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def db_path(db: Path | str | None) -> Path:
    """The database to use: the --db option, else $LAGEBILD_DB (read now), else lagebild.db."""
    return Path(db) if db else Path(default_db_path())


def emit_json(data: Any) -> None:
    """Print JSON for scripts: UTF-8 (no \\u escapes), indented."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
