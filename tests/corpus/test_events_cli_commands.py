"""`lagebild timeline/events/event/report` against a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from lagebild.cli.events import register
from lagebild.corpus import rebuild_corpus

pytestmark = pytest.mark.seeds


@pytest.fixture
def seeded_db(tmp_path: Path, seed_docs: dict[str, Any], bag_embedder: Any) -> Path:
    from lagebild.store import open_store

    db = tmp_path / "t.db"
    with open_store(db) as store:
        for doc in seed_docs.values():
            store.add_document(doc)
        rebuild_corpus(store, bag_embedder)
    return db


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_cli_timeline_json_filters(app: typer.Typer, seeded_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["timeline", "--db", str(seeded_db), "--json", "--from",
                                 "2021-12", "--actor", "Biden"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert len(entries) == 3
    assert all(e["sort_date"].startswith("2021-12") for e in entries)


def test_cli_events_and_event(app: typer.Typer, seeded_db: Path) -> None:
    runner = CliRunner()
    events = json.loads(runner.invoke(app, ["events", "--db", str(seeded_db), "--json"]).stdout)
    assert len(events) == 4
    one = runner.invoke(app, ["event", events[0]["id"][3:9], "--db", str(seeded_db), "--json"])
    assert one.exit_code == 0 and json.loads(one.stdout)["id"] == events[0]["id"]
    text = runner.invoke(app, ["event", events[0]["id"], "--db", str(seeded_db)])
    assert text.exit_code == 0 and events[0]["id"] in text.stdout
    missing = runner.invoke(app, ["event", "nope", "--db", str(seeded_db)])
    assert missing.exit_code == 1


def test_cli_report_writes_html(app: typer.Typer, seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r" / "lagebild.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", str(seeded_db)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "2021-04-13" in page


def test_cli_missing_db_exits_1(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
