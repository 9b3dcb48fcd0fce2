"""CLI commands for the German NLP model: ``lagebild model train|info`` and ``lagebild eval nlp``.

Training and evaluation live in ``scripts/`` (they need the third-party corpora, which are never
part of the package), so these commands run those scripts from a source checkout with the same
interpreter; ``model info`` works anywhere and shows what the shipped model is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Unused by model commands; accepted for a uniform CLI."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
NlpModeOption = Annotated[
    str | None,
    typer.Option(
        "--nlp-mode",
        help="standard, fast or accurate (default $LAGEBILD_NLP_MODE, else standard).",
    ),
]
DataOption = Annotated[
    Path, typer.Option("--data", help="Folder with the corpora (../shared/data).")
]


def _run_script(name: str, args: list[str]) -> None:
    script = SCRIPTS / name
    if not script.is_file():
        Console(stderr=True).print(
            f"[red]{script} not found[/red]: run this command from a Lagebild source checkout"
        )
        raise typer.Exit(1)
    result = subprocess.run([sys.executable, str(script), *args], check=False)
    if result.returncode:
        raise typer.Exit(result.returncode)


def _default_data() -> Path:
    return Path(os.environ.get("LAGEBILD_DATA", SCRIPTS.parent.parent / "shared" / "data"))


def register(app: typer.Typer) -> None:
    """Add the ``model`` group and ``eval nlp`` (joining an existing ``eval`` group if any)."""
    model_app = typer.Typer(help="Train, inspect and evaluate the German NLP model.")

    @model_app.command("train")
    def train(
        data: DataOption = _default_data(),  # noqa: B008
        out: Annotated[
            Path | None, typer.Option("--out", help="Model directory (default: shipped path).")
        ] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Convert the corpora, let the shipped transformer label silver trees and names, train
        UD + NER pipelines, assemble the shipped model, add the fast-mode heads (the accurate
        mode's transformer itself: scripts/train_encoder.py). Experiments with other options:
        scripts/train_nlp.py."""
        args = ["all", "--augment", "--vectors", "--pud-sentence-conventions", "--silver"]
        args += ["--silver-names", "--registry-names", "--data", str(data)]
        if out is not None:
            args += ["--out", str(out)]
        _run_script("train_nlp.py", args)

    @model_app.command("info")
    def info(
        model: Annotated[str | None, typer.Option(help="Model path or package.")] = None,
        nlp_mode: NlpModeOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Show where the NLP model comes from, its components and its recorded dev scores."""
        from lagebild.nlp import TRANSFORMER_COMPONENT, load_nlp, model_path

        nlp = load_nlp(model, mode=nlp_mode)
        perf = nlp.meta.get("performance", {})
        data = {
            "path": str(model_path(model)),
            "name": nlp.meta.get("name"),
            "version": nlp.meta.get("version"),
            "pipeline": nlp.pipe_names,
            "labels": {n: list(nlp.get_pipe(n).labels) for n in ("ner",) if n in nlp.pipe_names},
            "performance": {k: v for k, v in perf.items() if isinstance(v, float)},
        }
        fast_heads = nlp.meta.get("lagebild", {}).get("fast_heads", {})
        if "parser_fast" in nlp.pipe_names:
            for key, head, score in (
                ("fast_dep_las", "parser_fast", "dep_las"),
                ("fast_ents_f", "ner_fast", "ents_f"),
            ):
                value = fast_heads.get(head, {}).get(score)
                if isinstance(value, float):
                    data["performance"][key] = value
        if TRANSFORMER_COMPONENT in nlp.pipe_names:
            meta = nlp.get_pipe(TRANSFORMER_COMPONENT).model.meta
            data["transformer"] = {"name": meta.get("name"), "base": meta.get("base")}
            dev = meta.get("dev", {})
            if "ner" in dev:
                data["performance"]["transformer_ner_f"] = dev["ner"]["all"]["f"]
            if "ud" in dev:
                data["performance"]["transformer_las"] = dev["ud"]["las"]
        if as_json:
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        table = Table(title=f"NLP model {data['name']} {data['version']}")
        table.add_column("field")
        table.add_column("value")
        for key in ("path", "pipeline", "labels", "transformer"):
            if key in data:
                table.add_row(key, str(data[key]))
        for key, value in data["performance"].items():
            table.add_row(key, f"{value:.3f}")
        Console().print(table)

    app.add_typer(model_app, name="model")

    eval_app = next((g.typer_instance for g in app.registered_groups if g.name == "eval"), None)
    if eval_app is None:
        eval_app = typer.Typer(help="Evaluate Lagebild components on held-out data.")
        app.add_typer(eval_app, name="eval")

    @eval_app.command("nlp")
    def eval_nlp(
        data: DataOption = _default_data(),  # noqa: B008
        model: Annotated[str | None, typer.Option(help="Model path or package.")] = None,
        nlp_mode: NlpModeOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """UD GSD dev tagging/parsing, GermEval 2014 dev and SmartData NER scores."""
        args = ["--data", str(data)]
        if model:
            args += ["--model", model]
        if nlp_mode:
            args += ["--mode", nlp_mode]
        if as_json:
            args += ["--json", "-"]
        _run_script("eval_nlp.py", args)
