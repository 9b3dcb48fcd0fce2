"""`lagebild actors`: aggregation over the store, JSON and table output."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from lagebild.actors.summary import summarise_actors
from lagebild.cli.actors import register
from lagebild.document import Document, PartialDate
from lagebild.stages.actors import ActorStage
from lagebild.store import open_store

ARTICLES = [
    "Wladimir Putin warnte die Nato. Putin forderte Garantien.",
    "Der Kreml schwieg. Putins Sprecher Dmitri Peskow dementierte.",
]


def _docs() -> list[Document]:
    return [Document(text=t, published=PartialDate("2021-12", "month")) for t in ARTICLES]


def test_summarise_actors_counts_mentions_and_articles() -> None:
    stage = ActorStage()
    rows = summarise_actors(_docs(), stage.registry, annotate=stage)
    by_id = {r["actor_id"]: r for r in rows}
    assert rows[0]["actor_id"] == "person:wladimir-putin"
    assert (by_id["person:wladimir-putin"]["mentions"], by_id["person:wladimir-putin"][
        "articles"]) == (3, 2)
    assert by_id["igo:NATO"]["codes"] == ["NATO IGO"]
    assert by_id["person:dmitri-peskow"]["type"] == "person"


def test_actors_command_json_and_table(tmp_path: Path) -> None:
    db = tmp_path / "test.db"
    with open_store(db) as store:
        for doc in _docs():
            store.add_document(doc)
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps typer in multi-command mode
        """Nothing."""

    runner = CliRunner()
    result = runner.invoke(app, ["actors", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["actor_id"] for r in rows} >= {"person:wladimir-putin", "org:kreml", "igo:NATO"}
    assert all({"actor_id", "name", "mentions", "articles"} <= set(r) for r in rows)
    result = runner.invoke(app, ["actors", "--db", str(db), "--type", "person"])
    assert result.exit_code == 0, result.output
    assert "2 actors" in result.output and "NATO IGO" not in result.output
