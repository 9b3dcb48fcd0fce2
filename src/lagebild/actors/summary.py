"""Corpus view of the `actor` layer: one row per actor with mention and article counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lagebild.actors.registry import Registry
from lagebild.document import Document

__all__ = ["summarise_actors"]


def summarise_actors(
    docs: Iterable[Document],
    registry: Registry | None = None,
    annotate: Callable[[Document], Document] | None = None,
) -> list[dict[str, Any]]:
    """Aggregate actor mentions over documents, most-mentioned first.

    ``annotate`` is applied to documents that carry no `actor` layer yet (e.g. the stage).
    """
    rows: dict[str, dict[str, Any]] = {}
    for doc in docs:
        mentions = doc.layer("actor")
        if not mentions and annotate is not None:
            mentions = annotate(doc).layer("actor")
        for m in mentions:
            actor_id = str(m.attrs.get("actor_id", ""))
            if not actor_id:
                continue
            row = rows.get(actor_id)
            if row is None:
                actor = registry.get(actor_id) if registry is not None else None
                row = rows[actor_id] = {
                    "actor_id": actor_id,
                    "name": m.attrs.get("name", actor_id),
                    "type": m.label,
                    "codes": list(actor.codes) if actor and actor.codes else [],
                    "wikidata": actor.wikidata if actor else "",
                    "mentions": 0,
                    "articles": set(),
                    "via": {},
                }
            row["mentions"] += 1
            row["articles"].add(doc.id)
            via = str(m.attrs.get("via", ""))
            row["via"][via] = row["via"].get(via, 0) + 1
            if not row["codes"]:
                row["codes"] = list(m.attrs.get("codes") or [])
    out = []
    for row in rows.values():
        row["articles"] = len(row["articles"])
        out.append(row)
    out.sort(key=lambda r: (-r["mentions"], -r["articles"], r["actor_id"]))
    return out
