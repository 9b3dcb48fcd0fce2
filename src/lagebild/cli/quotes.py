"""`lagebild quotes`: list stored quotations with cue, speaker and source.

Reads the `quote` layer of the documents in the store (written by the `quotes` stage) and
prints one record per quotation, as a rich table or as JSON lines with `--json`.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from lagebild.cli.common import DbOption, JsonOption, console, db_path, emit_json
from lagebild.document import Document


def quote_records(doc: Document) -> list[dict[str, Any]]:
    """The CLI/JSON view of a document's `quote` layer."""
    out = []
    for q in doc.layer("quote"):
        at = q.attrs
        rec: dict[str, Any] = {
            "article_id": doc.id,
            "type": q.label,
            "quote": {"text": doc.text[q.start : q.end], "start": q.start, "end": q.end},
            "cue": at.get("cue"),
            "speaker": at.get("speaker"),
        }
        if at.get("source"):
            rec["source"] = at["source"]
        if at.get("about"):
            rec["about"] = at["about"]
        out.append(rec)
    return out


def register(app: typer.Typer) -> None:
    """Add the `quotes` command to the main app."""

    @app.command("quotes")
    def quotes_cmd(
        db: DbOption = None,
        as_json: JsonOption = False,
        article: str | None = typer.Option(
            None, "--article", help="only this article (id or unique id prefix)"
        ),
    ) -> None:
        """Quotations with their cue, speaker (and actor) and relaying source."""
        from lagebild.store import open_store

        with open_store(db_path(db)) as store:
            ids = store.find_ids(article) if article else None
            records = [r for doc in store.iter_documents(ids) for r in quote_records(doc)]
        if as_json:
            emit_json(records)
            return
        table = Table(title=f"{len(records)} quotations")
        for col in ("article", "type", "speaker", "actor", "cue", "quote"):
            table.add_column(col, overflow="fold")
        for r in records:
            sp = r["speaker"] or {}
            table.add_row(
                r["article_id"][:8],
                r["type"],
                sp.get("text", ""),
                sp.get("name") or sp.get("actor_id") or "",
                (r["cue"] or {}).get("text", ""),
                r["quote"]["text"][:120],
            )
        console.print(table)
