"""`lagebild actors`: who appears in the stored articles, and how often.

Reads the `actor` layer of every stored document (running the `actors` stage on the fly for
documents analysed before it existed; nothing is written back) and prints one row per actor
with its mention and article counts, as a rich table or as JSON with `--json`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from lagebild.cli.common import DbOption, JsonOption, console, db_path, emit_json

__all__ = ["register"]


def _rows(db: Path, kind: str | None, limit: int) -> list[dict[str, Any]]:
    from lagebild.actors.summary import summarise_actors
    from lagebild.stages.actors import ActorStage
    from lagebild.store import open_store

    stage = ActorStage()
    stage.setup()
    with open_store(db) as store:
        rows = summarise_actors(store.iter_documents(), stage.registry, annotate=stage)
    if kind:
        rows = [r for r in rows if r["type"] == kind]
    return rows[:limit] if limit > 0 else rows


def register(app: typer.Typer) -> None:
    """Add the `actors` command to the main app."""

    @app.command("actors")
    def actors_cmd(
        db: DbOption = None,
        as_json: JsonOption = False,
        kind: str | None = typer.Option(
            None, "--type", help="only person|state|igo|org|unknown_person"
        ),
        limit: int = typer.Option(0, "--limit", help="show at most N actors (0 = all)"),
    ) -> None:
        """Canonical actors with their number of mentions and articles."""
        rows = _rows(db_path(db), kind, limit)
        if as_json:
            emit_json(rows)
            return

        table = Table(title=f"{len(rows)} actors")
        for col in ("actor", "name", "type", "codes", "mentions", "articles"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                r["actor_id"], str(r["name"]), r["type"], " ".join(r["codes"]),
                str(r["mentions"]), str(r["articles"]),
            )
        console.print(table)
