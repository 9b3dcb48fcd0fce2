"""Ordered schema migrations. Each entry upgrades `PRAGMA user_version` by one.

Never edit a released migration: append a new one. The store applies the missing ones, each in
its own transaction, when it opens a database.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, their sources, annotation layers, runs, rejected inputs, corpus results, FTS.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        kicker TEXT,
        section TEXT,
        dateline TEXT,
        outlet TEXT,
        agency TEXT,
        author TEXT,
        language TEXT,
        published_value TEXT,
        published_precision TEXT,
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        removed_json TEXT NOT NULL DEFAULT '[]',
        meta_json TEXT NOT NULL DEFAULT '{}',
        chars INTEGER NOT NULL,
        run_id INTEGER,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_published ON articles(published_value);
    CREATE TABLE article_sources (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        PRIMARY KEY (article_id, source)
    );
    CREATE TABLE annotations (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        spans_json TEXT NOT NULL,
        run_id INTEGER,
        PRIMARY KEY (article_id, layer)
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command TEXT NOT NULL,
        version TEXT NOT NULL,
        stages_json TEXT NOT NULL,
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        finished_at TEXT,
        summary_json TEXT
    );
    CREATE TABLE rejected (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        source TEXT NOT NULL,
        location TEXT,
        reason TEXT NOT NULL
    );
    CREATE TABLE results (
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        item_json TEXT NOT NULL,
        PRIMARY KEY (kind, seq)
    );
    CREATE TABLE blobs (
        key TEXT PRIMARY KEY,
        data BLOB NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED,
        title,
        body,
        folded,
        tokenize = "unicode61 remove_diacritics 2"
    );
    """,
]
