"""Self-contained HTML report: one file, inline CSS/JS/SVG, no network.

An overview (derivation graph, pairs strongest first, clusters, documents)
and one collapsible section per pair with the direction evidence, a map of
where the passages sit in each article, and each shared passage side by
side: the same highlight colour on both sides, word-level deletions and
insertions marked, and links between the two sides. A filter box hides the
pairs that do not contain the typed words.

Everything taken from the report (ids, titles, urls, text) is escaped with
:func:`html.escape`; urls are shown as text, never linked.
"""

from __future__ import annotations

from html import escape

from syndetect import __version__
from syndetect.formats._assets import CSS, HIGHLIGHTS, JS
from syndetect.formats._graph import render_svg
from syndetect.formats._util import derived_segments, pct, source_segments, strength_order
from syndetect.model import DiffOp, DocumentInfo, Pair, Passage, Report

__all__ = ["render"]

# Pairs are shown expanded when there are at most this many.
OPEN_PAIRS = 10
# The documents table starts collapsed above this many documents.
OPEN_DOCUMENTS = 40


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _doc_facts(info: DocumentInfo | None) -> str:
    if info is None:
        return ""
    facts = [info.date, info.outlet]
    if info.wires:
        facts.append("wire: " + ", ".join(info.wires))
    if info.credited_outlets:
        facts.append("credits: " + ", ".join(info.credited_outlets))
    facts.append(f"{info.length:,} characters")
    return " · ".join(escape(f) for f in facts if f)


def _segments(segs: list[DiffOp]) -> str:
    out = []
    for op, text in segs:
        t = escape(text)
        out.append(
            t if op == "equal" else f"<del>{t}</del>" if op == "delete" else f"<ins>{t}</ins>"
        )
    return "".join(out)


def _side(n: int, k: int, role: str, doc_id: str, span: tuple[int, int], segs: list[DiffOp]) -> str:
    me, other = ("s", "d") if role == "source" else ("d", "s")
    arrow = "→ derived side" if role == "source" else "← source side"
    return (
        f'<div class="side {role}" id="p{n}-{k}-{me}">'
        f'<div class="side-head"><span>{role.capitalize()} <code>{escape(doc_id)}</code> '
        f"[{span[0]}:{span[1]}]</span>"
        f'<a class="jump" href="#p{n}-{k}-{other}">{arrow}</a></div>'
        f'<p class="text"><span class="hl hl-{(k - 1) % len(HIGHLIGHTS)}">{_segments(segs)}</span>'
        "</p></div>"
    )


def _passage(n: int, k: int, pair: Pair, p: Passage) -> str:
    colour = (k - 1) % len(HIGHLIGHTS)
    changed = any(op != "equal" for op, _ in p.diff)
    kind = f'<span class="badge{" near" if p.kind == "near" else ""}">{p.kind}</span>'
    left = _side(n, k, "source", pair.source, (p.source_start, p.source_end), source_segments(p))
    right = _side(
        n, k, "derived", pair.derived, (p.derived_start, p.derived_end), derived_segments(p)
    )
    return (
        f'<div class="passage" id="p{n}-{k}">'
        f'<div class="passage-head"><span class="swatch hl-{colour}">{k}</span>{kind}'
        f"<span>similarity {p.similarity:.2f}</span>"
        f"{'<span>words changed: <del>removed</del> <ins>added</ins></span>' if changed else ''}"
        f"</div>"
        f'<div class="sides">{left}{right}</div></div>'
    )


def _map_row(n: int, label: str, me: str, length: int, spans: list[tuple[int, int]]) -> str:
    segs = []
    for k, (start, end) in enumerate(spans, start=1):
        left = 100 * start / length
        width = max(100 * (end - start) / length, 0.4)
        segs.append(
            f'<a class="hl-{(k - 1) % len(HIGHLIGHTS)}" href="#p{n}-{k}-{me}" '
            f'style="left:{left:.2f}%;width:{min(width, 100 - left):.2f}%" '
            f'title="passage {k}: [{start}:{end}]"></a>'
        )
    return (
        f'<div class="map-row"><span>{label}</span><div class="map-bar">{"".join(segs)}</div></div>'
    )


def _map(n: int, pair: Pair, infos: dict[str, DocumentInfo]) -> str:
    src, der = infos.get(pair.source), infos.get(pair.derived)
    if src is None or der is None or src.length <= 0 or der.length <= 0:
        return ""
    ps = pair.passages
    return (
        '<div class="map" aria-label="Where the shared passages are in each article">'
        + _map_row(n, "source", "s", src.length, [(p.source_start, p.source_end) for p in ps])
        + _map_row(n, "derived", "d", der.length, [(p.derived_start, p.derived_end) for p in ps])
        + "</div>"
    )


def _names(pair: Pair) -> str:
    s, d = escape(pair.source), escape(pair.derived)
    if pair.direction == "source_to_derived":
        return f'<code>{d}</code> <span class="rel">copies from</span> <code>{s}</code>'
    return (
        f'<code>{s}</code> <span class="rel">↔</span> <code>{d}</code> '
        '<span class="badge und">direction undetermined</span>'
    )


def _doc_box(role: str, doc_id: str, info: DocumentInfo | None) -> str:
    title = escape(info.title) if info and info.title else "(no title)"
    url = f'<div class="t mono">{escape(info.url)}</div>' if info and info.url else ""
    return (
        f'<div class="doc"><span class="role">{role}</span><code>{escape(doc_id)}</code>'
        f'<span class="dt">{title}</span><span class="t">{_doc_facts(info)}</span>{url}</div>'
    )


def _pair_section(n: int, pair: Pair, infos: dict[str, DocumentInfo]) -> str:
    src, der = infos.get(pair.source), infos.get(pair.derived)
    titles = " ← ".join(escape(i.title) for i in (der, src) if i is not None and i.title)
    kinds = [p.kind for p in pair.passages]
    evidence = "".join(f"<li>{escape(e)}</li>" for e in pair.evidence) or "<li>(none given)</li>"
    head = "Why this direction" if pair.direction == "source_to_derived" else "Why undetermined"
    subtitle = f'<span class="stitle">{titles}</span>' if titles else ""
    directed = pair.direction == "source_to_derived"
    roles = ("Source", "Derived") if directed else ("Document A", "Document B")
    return (
        f'<details class="pair" id="pair-{n}" data-pair="{n}" data-source="{escape(pair.source)}" '
        f'data-derived="{escape(pair.derived)}"{" open" if n <= OPEN_PAIRS else ""}>'
        f'<summary><span class="pnum">#{n}</span><span class="names">{_names(pair)}</span>'
        f'<span class="ssum"><b>{pct(pair.containment_derived)}</b> of derived · '
        f"{_plural(len(pair.passages), 'passage')}</span>"
        f"{subtitle}</summary>"
        f'<div class="pair-body"><div class="docs">'
        f"{_doc_box(roles[0], pair.source, src)}{_doc_box(roles[1], pair.derived, der)}</div>"
        f'<p class="facts">Shared text: <b>{pct(pair.containment_derived)}</b> of '
        f"<code>{escape(pair.derived)}</code>, <b>{pct(pair.containment_source)}</b> of "
        f"<code>{escape(pair.source)}</code>; {kinds.count('verbatim')} verbatim and "
        f"{kinds.count('near')} edited passage(s); shingle Jaccard {pair.jaccard:.2f}.</p>"
        f'<div class="evidence"><h3>{head}</h3><ul>{evidence}</ul></div>'
        f"{_map(n, pair, infos)}"
        + "".join(_passage(n, k, pair, p) for k, p in enumerate(pair.passages, start=1))
        + "</div></details>"
    )


def _doc_link(doc_id: str, anchors: dict[str, str]) -> str:
    if doc_id in anchors:
        return f'<a href="#{anchors[doc_id]}"><code>{escape(doc_id)}</code></a>'
    return f"<code>{escape(doc_id)}</code>"


def _pairs_table(numbered: list[tuple[int, Pair]], infos: dict[str, DocumentInfo]) -> str:
    rows = []
    for n, p in numbered:
        der, src = infos.get(p.derived), infos.get(p.source)
        dt = f'<div class="t">{escape(der.title)}</div>' if der and der.title else ""
        st = f'<div class="t">{escape(src.title)}</div>' if src and src.title else ""
        direction = (
            '<span class="badge">source → derived</span>'
            if p.direction == "source_to_derived"
            else '<span class="badge und">undetermined</span>'
        )
        share = round(100 * p.containment_derived)
        rows.append(
            f'<tr data-pair="{n}"><td class="num"><a href="#pair-{n}">#{n}</a></td>'
            f'<td><a href="#pair-{n}"><code>{escape(p.derived)}</code></a>{dt}</td>'
            f"<td><code>{escape(p.source)}</code>{st}</td><td>{direction}</td>"
            f'<td class="num"><span class="bar"><span style="width:{share}%"></span></span>'
            f"{share}%</td>"
            f'<td class="num">{pct(p.containment_source)}</td>'
            f'<td class="num">{len(p.passages)}</td><td class="num">{p.jaccard:.2f}</td></tr>'
        )
    return (
        '<div class="table-wrap"><table class="pairs-table"><thead><tr><th class="num">#</th>'
        "<th>derived</th>"
        '<th>source</th><th>direction</th><th class="num">shared of derived</th>'
        '<th class="num">of source</th><th class="num">passages</th><th class="num">Jaccard</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def _documents_table(report: Report, anchors: dict[str, str], counts: dict[str, int]) -> str:
    rows = []
    for d in report.documents:
        url = f'<div class="t mono">{escape(d.url)}</div>' if d.url else ""
        rows.append(
            f'<tr id="{anchors[d.id]}"><td><code>{escape(d.id)}</code></td>'
            f'<td>{escape(d.title or "")}{url}</td><td class="nowrap">{escape(d.date or "")}</td>'
            f"<td>{escape(d.outlet or '')}</td><td>{escape(', '.join(d.wires))}</td>"
            f"<td>{escape(', '.join(d.credited_outlets))}</td>"
            f'<td class="num">{d.length:,}</td><td class="num">{counts.get(d.id, 0)}</td></tr>'
        )
    table = (
        '<div class="table-wrap"><table class="docs-table"><thead><tr><th>id</th><th>title</th>'
        "<th>date</th><th>outlet</th><th>wires</th>"
        '<th>credits</th><th class="num">characters</th><th class="num">pairs</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></div>"
    )
    if len(report.documents) <= OPEN_DOCUMENTS:
        return table
    summary = f"<summary>Show all {len(report.documents)} documents</summary>"
    return f'<details class="block">{summary}{table}</details>'


def _clusters(report: Report, anchors: dict[str, str], infos: dict[str, DocumentInfo]) -> str:
    if not report.clusters:
        return "<p>No clusters.</p>"
    items = []
    for c in report.clusters:
        if c.source:
            info = infos.get(c.source)
            title = f" — {escape(info.title)}" if info and info.title else ""
            head = f"source {_doc_link(c.source, anchors)}{title}"
        else:
            head = "source undetermined"
        members = ", ".join(_doc_link(m, anchors) for m in c.members if m != c.source)
        label = "copies" if c.source else "members"
        items.append(f'<li>{head}<br><span class="t">{label}:</span> {members}</li>')
    return f'<ul class="clusters">{"".join(items)}</ul>'


def render(report: Report) -> str:
    """The report as one self-contained HTML page; same report, same bytes."""
    infos = {d.id: d for d in report.documents}
    anchors = {d.id: f"doc-{i}" for i, d in enumerate(report.documents, start=1)}
    numbered = list(enumerate(strength_order(report.pairs), start=1))
    counts: dict[str, int] = {}
    for p in report.pairs:
        for i in (p.source, p.derived):
            counts[i] = counts.get(i, 0) + 1
    summary = (
        f"{_plural(len(report.documents), 'document')} · "
        f"{_plural(len(report.pairs), 'pair')} sharing text · "
        f"{_plural(len(report.clusters), 'cluster')}"
    )
    if numbered:
        graph = (
            '<p class="hint">Arrows run from source to derived, labelled with the share of the '
            "derived article's text that is shared; dashed lines join pairs whose direction is "
            "undetermined (labelled with both shares). Click an arrow to open its pair.</p>"
            f'<div class="graph-wrap">{render_svg(numbered, infos, anchors)}</div>'
        )
        pairs_html = _pairs_table(numbered, infos)
        details = "".join(_pair_section(n, p, infos) for n, p in numbered)
    else:
        graph = pairs_html = "<p>No shared passages found.</p>"
        details = ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="syndetect {escape(__version__)}">\n'
        f"<title>syndetect report: {_plural(len(report.pairs), 'pair')}</title>\n"
        f"<style>{CSS}</style></head>\n<body>\n"
        '<header class="top"><div class="top-in"><div class="brand"><h1>syndetect report</h1>'
        f'<p class="counts">{summary}</p></div>'
        '<div class="tools"><label for="filter">Filter pairs</label>'
        '<input id="filter" type="search" placeholder="id, title or words from the text"'
        ' autocomplete="off" spellcheck="false">'
        f'<span id="shown" aria-live="polite">{_plural(len(report.pairs), "pair")}</span>'
        '<button type="button" id="expand">Expand all</button>'
        '<button type="button" id="collapse">Collapse all</button></div></div></header>\n'
        '<main><nav class="toc"><a href="#graph">Derivation graph</a><a href="#pairs">Pairs</a>'
        '<a href="#clusters">Clusters</a><a href="#documents">Documents</a>'
        '<a href="#details">Pair details</a></nav>\n'
        f'<section id="graph"><h2>Derivation graph</h2>{graph}</section>\n'
        f'<section id="pairs"><h2>Pairs, strongest first</h2>{pairs_html}</section>\n'
        f'<section id="clusters"><h2>Clusters</h2>{_clusters(report, anchors, infos)}</section>\n'
        f'<section id="documents"><h2>Documents</h2>'
        f"{_documents_table(report, anchors, counts)}</section>\n"
        f'<section id="details"><h2>Pair details</h2><p class="legend">Each shared passage has '
        "its own colour, the same on both sides; <del>struck</del> words were removed from the "
        "source, <ins>underlined</ins> words added by the derived article.</p>\n"
        f"{details}</section></main>\n"
        "<footer>Generated by syndetect. Offsets are character offsets into each article as "
        "read; shares are fractions of each article's characters.</footer>\n"
        f"<script>{JS}</script>\n</body></html>\n"
    )
