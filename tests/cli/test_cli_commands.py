"""End-to-end CLI behaviour on small inputs written by the test (no seeds needed)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli.main import app

runner = CliRunner()

ARTICLE_A = """Telefonat zwischen Washington und Moskau

13.04.2021 20:25

Berlin. Die beiden Präsidenten haben am Dienstag mehr als eine Stunde miteinander telefoniert.
Nach Angaben des Weißen Hauses ging es vor allem um die Lage an der ukrainischen Grenze.

Anzeige

Beide Seiten wollen den Dialog über Rüstungskontrolle fortsetzen, hieß es in einer Mitteilung.
"""

ARTICLE_B = """Gipfel im Juni geplant

Der Außenminister kündigte an, dass ein Treffen im Sommer in einem neutralen Land stattfinden soll.
Einzelheiten nannte er zunächst nicht. Beobachter halten einen Termin in Genf für wahrscheinlich.
"""


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def test_cli_ingest_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    code, out = _invoke("ingest", str(corpus), "--db", db, "--json")
    assert code == 0, out
    first = json.loads(out)
    assert (first["new"], first["duplicate"], first["rejected"]) == (2, 0, 0)
    code, out = _invoke("ingest", str(corpus), "--db", db, "--json")
    second = json.loads(out)
    assert code == 0
    assert (second["new"], second["duplicate"]) == (0, 2)
    code, out = _invoke("articles", "--db", db, "--json")
    assert len(json.loads(out)) == 2


def test_cli_ingest_lists_bad_inputs_and_keeps_good_ones(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "lines.jsonl").write_text(
        '{"text": "Ein gültiger Artikel über den Gipfel in Genf mit genug Text für den Test.", '
        '"title": "Genf"}\n{kaputt\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "x.db")
    code, out = _invoke("ingest", str(corpus), "--db", db, "--json")
    assert code == 1
    report = json.loads(out)
    assert report["new"] == 3
    rejected = {Path(r["source"].split("#")[0]).name: r for r in report["rejected_inputs"]}
    assert set(rejected) == {"empty.txt", "binary.txt", "lines.jsonl"}
    assert all(r["reason"] for r in rejected.values())
    assert rejected["lines.jsonl"]["location"] or "#" in rejected["lines.jsonl"]["source"]


def test_cli_ingest_missing_path_is_usage_error(tmp_path: Path) -> None:
    code, _ = _invoke("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db"))
    assert code == 2


def test_cli_show_and_search(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    _invoke("ingest", str(corpus), "--db", db)
    code, out = _invoke("search", "Rüstungskontrolle", "--db", db, "--json")
    assert code == 0
    [hit] = json.loads(out)
    code, out = _invoke("show", hit["article_id"][:8], "--db", db, "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["published"] == {"value": "2021-04-13T20:25", "precision": "minute"}
    assert shown["dateline"] == "Berlin"
    assert "Anzeige" not in shown["text"]
    assert any(r["text"].strip() == "Anzeige" for r in shown["removed"])
    assert "Rüstungskontrolle" in shown["text"]


def test_cli_show_unknown_id_fails(tmp_path: Path) -> None:
    code, _ = _invoke("show", "ffff", "--db", str(tmp_path / "x.db"))
    assert code == 1


def test_cli_db_from_environment(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAGEBILD_DB", str(tmp_path / "env.db"))
    code, _ = _invoke("ingest", str(corpus))
    assert code == 0
    assert (tmp_path / "env.db").exists()


def test_cli_unknown_embedder_is_usage_error_before_anything_is_stored(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    code, _ = _invoke("ingest", str(corpus), "--db", str(db), "--embedder", "nope")
    assert code == 2
    assert not db.exists()


def test_cli_fast_embedder_and_stage_subset(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    code, out = _invoke(
        "ingest", str(corpus), "--db", db, "--json", "--embedder", "hashing-char",
        "--stages", "time",
    )
    assert code == 0, out
    assert json.loads(out)["corpus"]["embedder"] == "hashing-char"
    code, out = _invoke("show", json.loads(out)["new_ids"][0], "--db", db, "--json")
    layers = {a["layer"] for a in json.loads(out)["annotations"]}
    assert layers <= {"time"}


def test_cli_unknown_stage_is_one_clear_error_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from lagebild.cli.main import run

    argv = ["lagebild", "ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--stages", "nope"]
    monkeypatch.setattr("sys.argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        run()
    assert exit_info.value.code == 2
    assert "unknown stage 'nope'" in capsys.readouterr().err


def test_cli_unknown_nlp_mode_is_one_clear_error_before_anything_is_stored(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from lagebild.cli.main import run

    db = tmp_path / "x.db"
    argv = ["lagebild", "ingest", str(corpus), "--db", str(db), "--nlp-mode", "bert"]
    monkeypatch.setattr("sys.argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        run()
    assert exit_info.value.code == 2
    assert "unknown NLP mode 'bert'" in capsys.readouterr().err
    assert not db.exists()
