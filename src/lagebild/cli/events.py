"""`lagebild timeline | events | event ID | report`: the corpus picture from the store.

These commands only read what `update_corpus`/`rebuild_corpus` persisted (events, storylines,
duplicates); they never re-cluster. `--json` prints the stored records unchanged for scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from lagebild.cli.common import DbOption, JsonOption, console, db_path, emit_json, err_console

__all__ = ["register"]

def _load(db: Path | None, *kinds: str) -> list[list[dict[str, Any]]]:
    from lagebild.store import open_store

    db = db_path(db)
    if not db.exists():
        err_console.print(f"[red]No database at {db}[/red] (run `lagebild ingest` first)")
        raise typer.Exit(1)
    with open_store(db) as store:
        return [store.results(kind) for kind in kinds]


def _find_event(events: list[dict[str, Any]], event_id: str) -> dict[str, Any]:
    matches = [e for e in events if e["id"] == event_id] or [
        e for e in events if e["id"].startswith(event_id) or e["id"][3:].startswith(event_id)
    ]
    if len(matches) != 1:
        what = "No" if not matches else f"{len(matches)}"
        err_console.print(f"[red]{what} event matches {event_id!r}[/red]")
        raise typer.Exit(1)
    return matches[0]


def _print_event(record: dict[str, Any]) -> None:
    from lagebild.corpus.timeline import format_date

    console.print(f"[bold]{record['headline']}[/bold]")
    console.print(f"id {record['id']} · {format_date(record)} · Ort: {record.get('place') or '–'}"
                  f" · Strang: {record.get('storyline') or '–'}")
    for sent in record.get("summary", []):
        console.print(f"  {sent['text']}")
    people = ", ".join(p["name"] for p in record.get("participants", []))
    console.print(f"Beteiligte: {people or '–'}")
    table = Table("outlet", "title", "published", "copy of")
    for m in record.get("members", []):
        table.add_row(m.get("outlet") or "", (m.get("title") or m["doc_id"])[:60],
                      (m.get("published") or {}).get("value", ""), m.get("duplicate_of") or "")
    console.print(table)
    for quote in record.get("quotes", []):
        speaker = (quote.get("speaker") or {}).get("name") or "?"
        console.print(f"  „{quote['text'][:200]}“ — {speaker}")
    if record.get("linked"):
        console.print(f"verknüpft: {', '.join(record['linked'])}")


def register(app: typer.Typer) -> None:
    """Add `timeline`, `events`, `event` and `report` to the main app."""

    @app.command("timeline")
    def timeline_cmd(
        db: DbOption = None,
        as_json: JsonOption = False,
        actor: Annotated[
            str | None, typer.Option("--actor", help="only events with this actor")
        ] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
    ) -> None:
        """Events in date order (vague dates shown with their candidate days)."""
        from lagebild.corpus.timeline import build_timeline

        events, storylines = _load(db, "events", "storylines")
        try:
            entries = build_timeline(events, storylines, actor, date_from, date_to)
        except ValueError as exc:
            err_console.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from exc
        if as_json:
            emit_json(entries)
            return
        table = Table("date", "event", "sources", "actors", "storyline")
        for e in entries:
            table.add_row(e["date_text"], (e["headline"] or "")[:70], str(e["sources"]),
                          ", ".join(e["participants"][:3]), (e["storyline_title"] or "")[:30])
        console.print(table)

    @app.command("events")
    def events_cmd(
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """All stored events with date, size and headline."""
        from lagebild.corpus.timeline import format_date

        (events,) = _load(db, "events")
        if as_json:
            emit_json(events)
            return
        table = Table("id", "date", "articles", "outlets", "headline")
        for e in events:
            table.add_row(e["id"], format_date(e), str(e.get("n_articles", 0)),
                          ", ".join(e.get("outlets", []))[:30], (e.get("headline") or "")[:60])
        console.print(table)

    @app.command("event")
    def event_cmd(
        event_id: Annotated[str, typer.Argument(help="event id (or a unique prefix)")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """One event: date, summary, sources, participants, quotes, linked events."""
        (events,) = _load(db, "events")
        record = _find_event(events, event_id)
        if as_json:
            emit_json(record)
        else:
            _print_event(record)

    @app.command("report")
    def report_cmd(
        out: Annotated[Path, typer.Option("--out", help="HTML file to write")],
        db: DbOption = None,
        title: Annotated[str, typer.Option("--title", help="page title")] = "Lagebild",
        as_json: JsonOption = False,
    ) -> None:
        """Write the self-contained HTML Lagebild (timeline, storylines, events, actors)."""
        from lagebild.corpus.report import render_report

        events, storylines, duplicates = _load(db, "events", "storylines", "duplicates")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_report(events, storylines, duplicates, title), encoding="utf-8")
        if as_json:
            emit_json({"path": str(out.resolve()), "events": len(events)})
        else:
            console.print(f"report written to [bold]{out.resolve()}[/bold]")
