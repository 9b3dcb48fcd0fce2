"""SQLite store: articles, annotation layers, runs, rejected inputs, corpus results, FTS5 search.

Writes happen in explicit transactions (one per ingest batch), so a crash mid-run loses only the
batch in flight. WAL mode keeps readers working while an ingest writes.

Search uses FTS5 over three columns: title, body (unicode61 with diacritics removed, so
"präsident" and "prasident" both match "Präsident") and a German-folded copy of both
(ä→ae, ö→oe, ü→ue, ß→ss, so "Praesident" and "Strasse" match too). It does not split compounds
("Gipfel" does not find "Gipfeltreffen" unless you search "Gipfel*") and does not stem or
lemmatise ("Putins" needs "Putin*").
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.document import Annotation, Document, PartialDate, RemovedSpan
from lagebild.errors import StoreError
from lagebild.store.migrations import MIGRATIONS

_FOLD_TABLE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_QUERY_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def fold_german(text: str) -> str:
    """Lower-case and spell umlauts and ß out, as German readers type them without the keys."""
    return text.lower().translate(_FOLD_TABLE)


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "snippet": self.snippet,
            "score": self.score,
        }


class SQLiteStore:
    """The embedded default store. One file; schema migrated on open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._conn = sqlite3.connect(str(path), isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable Lagebild database ({exc})") from exc

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this Lagebild "
                f"understands ({len(MIGRATIONS)}); upgrade Lagebild"
            )
        for version in range(current, len(MIGRATIONS)):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[version]):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing block; nested use joins the outer transaction."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- runs and rejected inputs ------------------------------------------------------------
    def start_run(self, command: str, version: str, stages: list[str]) -> int:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs (command, version, stages_json) VALUES (?, ?, ?)",
                (command, version, json.dumps(stages)),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                "summary_json = ? WHERE id = ?",
                (json.dumps(summary, ensure_ascii=False), run_id),
            )

    def add_rejected(self, run_id: int, source: str, reason: str, location: str | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO rejected (run_id, source, location, reason) VALUES (?, ?, ?, ?)",
                (run_id, source, location, reason),
            )

    def rejected(self, run_id: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT run_id, source, location, reason FROM rejected"
        rows = (
            self._conn.execute(sql + " WHERE run_id = ?", (run_id,))
            if run_id is not None
            else self._conn.execute(sql)
        )
        return [dict(row) for row in rows]

    def runs(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute("SELECT * FROM runs ORDER BY id")]

    # -- documents ---------------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def add_document(self, doc: Document, run_id: int | None = None) -> bool:
        """Store a new document with its layers; True if new, False if the id existed.

        An existing id only gains the new source path, so re-ingesting adds no rows.
        """
        with self.transaction() as conn:
            exists = self.has(doc.id)
            if not exists:
                self._insert_article(conn, doc, run_id)
                self._write_layers(conn, doc, run_id)
            conn.execute(
                "INSERT OR IGNORE INTO article_sources (article_id, source) VALUES (?, ?)",
                (doc.id, doc.source),
            )
        return not exists

    def save_annotations(self, doc: Document, run_id: int | None = None) -> None:
        """Replace every stored layer of `doc` by its current annotations (after a rebuild)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM annotations WHERE article_id = ?", (doc.id,))
            self._write_layers(conn, doc, run_id)

    def get_document(self, article_id: str) -> Document | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._row_to_document(row) if row else None

    def find_ids(self, prefix: str) -> list[str]:
        """Ids starting with `prefix`, so users may type a short unique prefix."""
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ORDER BY id", (prefix + "%",)
        )
        return [row[0] for row in rows]

    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Documents with annotations, ordered by publication date then id."""
        if ids is not None:
            for article_id in ids:
                doc = self.get_document(article_id)
                if doc is not None:
                    yield doc
            return
        query = "SELECT * FROM articles ORDER BY published_value, id"
        for row in self._conn.execute(query).fetchall():
            yield self._row_to_document(row)

    def sources(self, article_id: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY source",
            (article_id,),
        )
        return [row[0] for row in rows]

    def _insert_article(self, conn: sqlite3.Connection, doc: Document, run_id: int | None) -> None:
        conn.execute(
            "INSERT INTO articles (id, source, url, title, kicker, section, dateline, outlet, "
            "agency, author, language, published_value, published_precision, text, raw_text, "
            "removed_json, meta_json, chars, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, doc.source, doc.url, doc.title, doc.kicker, doc.section, doc.dateline,
                doc.outlet, doc.agency, doc.author, doc.language,
                doc.published.value if doc.published else None,
                doc.published.precision if doc.published else None,
                doc.text, doc.raw_text,
                json.dumps([r.to_dict() for r in doc.removed]),
                json.dumps(doc.meta, ensure_ascii=False), len(doc.text), run_id,
            ),
        )
        conn.execute(
            "INSERT INTO articles_fts (article_id, title, body, folded) VALUES (?, ?, ?, ?)",
            (doc.id, doc.title or "", doc.text, fold_german(f"{doc.title or ''}\n{doc.text}")),
        )

    def _write_layers(self, conn: sqlite3.Connection, doc: Document, run_id: int | None) -> None:
        for layer in sorted(doc.layers()):
            spans = [[a.start, a.end, a.label, a.attrs] for a in doc.layer(layer)]
            conn.execute(
                "INSERT INTO annotations (article_id, layer, spans_json, run_id) VALUES (?,?,?,?)",
                (doc.id, layer, json.dumps(spans, ensure_ascii=False), run_id),
            )

    def _row_to_document(self, row: sqlite3.Row) -> Document:
        published = (
            PartialDate(row["published_value"], row["published_precision"])
            if row["published_value"]
            else None
        )
        annotations: list[Annotation] = []
        for layer_row in self._conn.execute(
            "SELECT layer, spans_json FROM annotations WHERE article_id = ? ORDER BY layer",
            (row["id"],),
        ):
            for start, end, label, attrs in json.loads(layer_row["spans_json"]):
                annotations.append(Annotation(layer_row["layer"], start, end, label, attrs))
        return Document(
            text=row["text"],
            raw_text=row["raw_text"],
            source=row["source"],
            id=row["id"],
            title=row["title"],
            kicker=row["kicker"],
            section=row["section"],
            dateline=row["dateline"],
            outlet=row["outlet"],
            agency=row["agency"],
            author=row["author"],
            language=row["language"],
            published=published,
            url=row["url"],
            removed=[RemovedSpan(**r) for r in json.loads(row["removed_json"])],
            annotations=annotations,
            meta=json.loads(row["meta_json"]),
        )

    # -- corpus results (events, storylines, duplicates …) ----------------------------------
    def put_results(self, kind: str, items: list[dict[str, Any]]) -> None:
        """Replace all stored items of one kind."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM results WHERE kind = ?", (kind,))
            conn.executemany(
                "INSERT INTO results (kind, seq, item_json) VALUES (?, ?, ?)",
                [(kind, i, json.dumps(item, ensure_ascii=False)) for i, item in enumerate(items)],
            )

    def results(self, kind: str) -> list[dict[str, Any]]:
        rows = self._conn.execute(
            "SELECT item_json FROM results WHERE kind = ? ORDER BY seq", (kind,)
        )
        return [json.loads(row[0]) for row in rows]

    def put_blob(self, key: str, data: bytes) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO blobs (key, data) VALUES (?, ?)", (key, data))

    def get_blob(self, key: str) -> bytes | None:
        row = self._conn.execute("SELECT data FROM blobs WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        match = build_match_query(query)
        if not match:
            return []
        rows = self._conn.execute(
            "SELECT article_id, title, "
            "snippet(articles_fts, 2, '«', '»', '…', 16) AS snip, "
            "bm25(articles_fts, 0.0, 4.0, 1.0, 1.0) AS score "
            "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?",
            (match, limit),
        )
        return [
            SearchHit(row["article_id"], row["title"] or None, row["snip"], -float(row["score"]))
            for row in rows
        ]


def build_match_query(query: str) -> str:
    """Turn free text into a safe FTS5 expression (all words must occur).

    Each whitespace-separated chunk becomes a phrase ("US-Präsident" → "us präsident"), searched
    both as typed and German-folded; a trailing `*` makes its last word a prefix.
    """
    clauses = []
    for chunk in query.split():
        prefix = chunk.endswith("*")
        words = _QUERY_TOKEN_RE.findall(chunk)
        if not words:
            continue
        star = " *" if prefix else ""
        plain = '"' + " ".join(w.lower() for w in words) + '"' + star
        folded = '"' + " ".join(fold_german(w) for w in words) + '"' + star
        clauses.append(f"({plain} OR {folded})" if plain != folded else plain)
    return " AND ".join(clauses)


def _split_sql(script: str) -> list[str]:
    # Migrations contain no semicolons inside literals, so a plain split is safe.
    return [part.strip() for part in script.split(";") if part.strip()]
