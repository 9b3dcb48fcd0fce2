"""``lagebild model info`` and the ``eval nlp`` registration, on a bare typer app."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from lagebild.cli.model import register


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """Test root."""

    register(app)
    return app


def test_model_info_json_describes_the_shipped_model() -> None:
    result = CliRunner().invoke(_app(), ["model", "info", "--json", "--nlp-mode", "standard"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["name"] == "lagebild"
    assert "ner" in data["pipeline"] and "parser" in data["pipeline"]
    assert sorted(data["labels"]["ner"]) == ["LOC", "MISC", "ORG", "PER"]


def test_eval_nlp_joins_an_existing_eval_group() -> None:
    app = typer.Typer()
    existing = typer.Typer()

    @existing.command("time")
    def time_cmd() -> None:
        """Other area's evaluation."""

    app.add_typer(existing, name="eval")
    register(app)
    names = [c.name for c in existing.registered_commands]
    assert names == ["time", "nlp"]
    assert [g.name for g in app.registered_groups].count("eval") == 1


def test_model_info_reports_the_chosen_mode() -> None:
    result = CliRunner().invoke(_app(), ["model", "info", "--json", "--nlp-mode", "fast"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "parser_fast" in data["pipeline"] and "parser" not in data["pipeline"]
    assert 0.5 < data["performance"]["fast_dep_las"] < 1.0
    result = CliRunner().invoke(_app(), ["model", "info", "--json", "--nlp-mode", "nope"])
    assert result.exit_code != 0
