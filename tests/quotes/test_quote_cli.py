"""`lagebild quotes` over a temporary store (skips if the store API differs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lagebild.cli.quotes import register
from lagebild.document import Document
from lagebild.stages.quotes import QuoteStage


@pytest.fixture()
def db(tmp_path: Path) -> str:
    store_mod = pytest.importorskip("lagebild.store")
    store = store_mod.open_store(tmp_path / "q.db")
    if not hasattr(store, "add_document"):
        pytest.skip("store cannot add documents")
    doc = QuoteStage()(Document(text="„Wir bleiben hier“, sagte die Ministerin am Montag."))
    store.add_document(doc)
    if hasattr(store, "close"):
        store.close()
    return str(tmp_path / "q.db")


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps typer in multi-command mode
        """Nothing."""

    return app


def test_quotes_command_json(db: str) -> None:
    result = CliRunner().invoke(_app(), ["quotes", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    [rec] = json.loads(result.output)
    assert rec["type"] == "direct"
    assert rec["speaker"]["text"] == "die Ministerin"
    assert rec["cue"]["text"] == "sagte"


def test_quotes_command_table(db: str) -> None:
    result = CliRunner().invoke(_app(), ["quotes", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Ministerin" in result.output
