"""The Lagebild as one self-contained HTML file: timeline, storylines, events, actors.

Inline CSS and a few lines of inline JavaScript (filtering), no CDN, no external fonts, so the
file opens from disk or an e-mail attachment. All text comes from the stored records and is
HTML-escaped; the page shows vague dates as vague ("a Tuesday in December 2021").
"""

from __future__ import annotations

import html
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from lagebild.corpus.timeline import build_timeline, event_range, format_date

__all__ = ["render_report", "write_report"]

_PALETTE = (
    "#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626",
)

_CSS = """
:root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f9fafb}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;
color:var(--fg);background:var(--bg)}header{background:#111827;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#d1d5db}
main{max-width:1100px;margin:0 auto;padding:16px 28px}
h2{margin:28px 0 10px;font-size:18px;border-bottom:2px solid var(--line);padding-bottom:4px}
.filter{position:sticky;top:0;background:var(--bg);padding:10px 0;z-index:2}
.filter input{width:100%;padding:8px 10px;font-size:15px;border:1px solid #cbd5e1;border-radius:6px}
.month{margin:18px 0 6px;font-weight:600;color:var(--muted);text-transform:uppercase;font-size:13px}
.tl{border-left:3px solid var(--line);margin-left:8px;padding-left:18px}
.entry{position:relative;background:#fff;border:1px solid var(--line);border-radius:8px;
padding:10px 14px;margin:8px 0}
.entry:before{content:"";position:absolute;left:-27px;top:16px;width:13px;height:13px;
border-radius:50%;background:var(--dot,#9ca3af);border:2px solid #fff}
.date{font-weight:600;font-size:13px;color:var(--muted)}.vague{font-style:italic}
.headline{font-weight:600;margin:2px 0}.meta{font-size:13px;color:var(--muted)}
.chip{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:10px;padding:0 8px;
margin:2px 4px 0 0;font-size:12px}
.story-tag{display:inline-block;border-radius:4px;color:#fff;padding:0 6px;font-size:12px}
details{background:#fff;border:1px solid var(--line);border-radius:8px;margin:8px 0;
padding:8px 14px}
summary{cursor:pointer;font-weight:600}blockquote{margin:6px 0;padding:4px 12px;
border-left:3px solid #c7d2fe;color:#374151}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;font-size:14px}
.story{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;
margin:8px 0}
svg text{font-size:11px;fill:#374151}a{color:#1d4ed8}.hidden{display:none}
"""

_JS = """
const box=document.getElementById('q');
box.addEventListener('input',()=>{const q=box.value.toLowerCase();
document.querySelectorAll('[data-text]').forEach(el=>{
el.classList.toggle('hidden',q&&!el.dataset.text.includes(q));});});
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _story_colors(storylines: list[dict[str, Any]]) -> dict[str, str]:
    return {s["id"]: _PALETTE[i % len(_PALETTE)] for i, s in enumerate(storylines)}


def _timeline_html(entries: list[dict[str, Any]], colors: dict[str, str]) -> str:
    out, month = [], None
    for entry in entries:
        this_month = entry["sort_date"][:7]
        if this_month != month:
            if month is not None:
                out.append("</div>")
            label = this_month if not this_month.startswith("9999") else "undatiert"
            out.append(f'<div class="month">{_e(label)}</div><div class="tl">')
            month = this_month
        color = colors.get(entry["storyline"] or "", "#9ca3af")
        vague = " vague" if (entry["date"] or {}).get("precision") != "day" else ""
        story = (
            f'<span class="story-tag" style="background:{color}">'
            f'{_e((entry["storyline_title"] or "")[:60])}</span> ' if entry["storyline"] else ""
        )
        chips = "".join(f'<span class="chip">{_e(p)}</span>' for p in entry["participants"])
        copies = f", {entry['copies']} Kopie(n)" if entry["copies"] else ""
        search = " ".join(
            [entry["headline"] or "", *entry["participants"], *entry["outlets"]]
        ).lower()
        out.append(
            f'<div class="entry" style="--dot:{color}" data-text="{_e(search)}">'
            f'<div class="date{vague}">{_e(entry["date_text"])}'
            f'{" · " + _e(entry["place"]) if entry["place"] else ""}</div>'
            f'<div class="headline"><a href="#{_e(entry["event_id"])}">{_e(entry["headline"])}'
            f'</a></div><div class="meta">{story}{entry["sources"]} Quelle(n)'
            f'{copies}'
            f' · {_e(", ".join(entry["outlets"]))}</div><div>{chips}</div></div>'
        )
    if month is not None:
        out.append("</div>")
    return "\n".join(out) or "<p>Keine Ereignisse.</p>"


def _storyline_svg(story: dict[str, Any], events: dict[str, dict[str, Any]], color: str) -> str:
    ranges = [(event_range(events[e]), events[e]) for e in story["events"] if e in events]
    ranges = [(r, rec) for r, rec in ranges if r is not None]
    if not ranges:
        return ""
    lo = min(r.lo for r, _ in ranges)
    hi = max(r.hi for r, _ in ranges)
    span = max((hi - lo).days, 1)
    width, left, right = 1000, 10, 10

    def x(day: date) -> float:
        return left + (width - left - right) * (day - lo).days / span

    parts = [f'<line x1="{left}" y1="30" x2="{width - right}" y2="30" stroke="#d1d5db"/>']
    for i, (rng, rec) in enumerate(sorted(ranges, key=lambda t: t[0].lo)):
        days = sorted(rng.days) if rng.days else [rng.lo]
        for d in days:
            radius = 7 if rng.is_day else 4
            opacity = "1" if rng.is_day else "0.45"
            parts.append(
                f'<circle cx="{x(d):.1f}" cy="30" r="{radius}" fill="{color}" '
                f'fill-opacity="{opacity}"><title>{_e(rec["headline"])}</title></circle>'
            )
        label_y = 14 if i % 2 == 0 else 52
        parts.append(f'<text x="{x(days[0]):.1f}" y="{label_y}">{_e(format_date(rec))}</text>')
    return (f'<svg viewBox="0 0 {width} 60" width="100%" height="60" role="img">'
            + "".join(parts) + "</svg>")


def _storylines_html(
    storylines: list[dict[str, Any]], events: dict[str, dict[str, Any]], colors: dict[str, str]
) -> str:
    out = []
    for story in storylines:
        items = "".join(
            f'<li><span class="date">{_e(format_date(events[e]))}</span> '
            f'<a href="#{_e(e)}">{_e(events[e]["headline"])}</a></li>'
            for e in story["events"] if e in events
        )
        actors = ", ".join(a["name"] for a in story.get("actors", [])[:6])
        out.append(
            f'<div class="story" data-text="{_e((story["title"] or "").lower())}">'
            f'<span class="story-tag" style="background:{colors[story["id"]]}">'
            f'{_e(story["start"])} – {_e(story["end"])}</span> <b>{_e(story["title"])}</b>'
            f'{_storyline_svg(story, events, colors[story["id"]])}'
            f'<div class="meta">Akteure: {_e(actors)}</div><ol>{items}</ol></div>'
        )
    empty = "<p>Keine Handlungsstränge (mindestens zwei verbundene Ereignisse).</p>"
    return "\n".join(out) or empty


def _event_html(record: dict[str, Any], events: dict[str, dict[str, Any]]) -> str:
    summary = " ".join(_e(s["text"]) for s in record.get("summary", []))
    members = "".join(
        f'<li>{_e(m.get("outlet") or "?")}: {_e(m.get("title") or m["doc_id"])}'
        f'{" (Kopie von " + _e(m["duplicate_of"]) + ")" if m.get("duplicate_of") else ""}'
        f'{" — " + _e((m.get("published") or {}).get("value")) if m.get("published") else ""}'
        f'</li>'
        for m in record.get("members", [])
    )
    quotes = "".join(
        f'<blockquote>{_e(q["text"])}<div class="meta">— '
        f'{_e((q.get("speaker") or {}).get("name") or "unbekannt")}</div></blockquote>'
        for q in record.get("quotes", [])
    )
    linked = ", ".join(
        f'<a href="#{_e(e)}">{_e(events[e]["headline"] if e in events else e)}</a>'
        for e in record.get("linked", [])
    )
    people = ", ".join(_e(p["name"]) for p in record.get("participants", []))
    return (
        f'<details id="{_e(record["id"])}" data-text="{_e((record["headline"] or "").lower())}">'
        f'<summary>{_e(format_date(record))} — {_e(record["headline"])}</summary>'
        f'<p>{summary}</p><div class="meta">Ort: {_e(record.get("place") or "–")} · '
        f'Beteiligte: {people or "–"}</div>'
        f'<h4>Quellen</h4><ul>{members}</ul>'
        f'{"<h4>Zitate</h4>" + quotes if quotes else ""}'
        f'{"<p>Verknüpft: " + linked + "</p>" if linked else ""}</details>'
    )


def _actors_html(events: list[dict[str, Any]]) -> str:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for record in events:
        for p in record.get("participants", []):
            key = p.get("actor_id") or p.get("name")
            counts[key] += 1
            names.setdefault(key, p.get("name") or key)
    rows = "".join(
        f'<tr data-text="{_e(names[a].lower())}"><td>{_e(names[a])}</td><td>{n}</td></tr>'
        for a, n in counts.most_common(40)
    )
    return f"<table><tr><th>Akteur</th><th>Ereignisse</th></tr>{rows}</table>"


def render_report(
    events: list[dict[str, Any]], storylines: list[dict[str, Any]],
    duplicates: list[dict[str, Any]] | None = None, title: str = "Lagebild",
) -> str:
    """The whole report as one HTML string."""
    by_id = {e["id"]: e for e in events}
    colors = _story_colors(storylines)
    entries = build_timeline(events, storylines)
    n_articles = sum(len(e.get("members", [])) for e in events)
    details = "\n".join(_event_html(by_id[t["event_id"]], by_id) for t in entries)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{_CSS}</style></head><body>
<header><h1>{_e(title)}</h1><p>{len(events)} Ereignisse · {len(storylines)} Handlungsstränge ·
{n_articles} Artikel · {len(duplicates or [])} Kopien erkannt</p></header>
<main><div class="filter"><input id="q" type="search"
placeholder="Filtern nach Akteur, Stichwort, Medium …"></div>
<h2>Zeitleiste</h2>{_timeline_html(entries, colors)}
<h2>Handlungsstränge</h2>{_storylines_html(storylines, by_id, colors)}
<h2>Ereignisse</h2>{details}
<h2>Akteure</h2>{_actors_html(events)}
</main><script>{_JS}</script></body></html>
"""


def write_report(store: Any, out: str | Path, title: str = "Lagebild") -> Path:
    """Render the stored events, storylines and duplicates of `store` into `out`."""
    path = Path(out)
    page = render_report(
        store.results("events"), store.results("storylines"), store.results("duplicates"), title
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
