"""Graphviz DOT of the derivation graph.

Nodes are the documents that occur in a pair; an edge runs from source to
derived, labelled with the share of the derived document that is shared.
Pairs whose direction is undetermined are undirected dashed edges labelled
with both shares. Render with e.g. ``dot -Tsvg report.dot -o graph.svg``.
"""

from __future__ import annotations

from syndetect.formats._util import pct
from syndetect.model import DocumentInfo, Report

__all__ = ["quote", "render"]

_TITLE_CHARS = 40


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string (also safe as an escString label)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return f'"{out}"'


def _label(doc_id: str, info: DocumentInfo | None) -> str:
    parts = [doc_id]
    if info is not None and info.title:
        title = " ".join(info.title.split())
        if len(title) > _TITLE_CHARS:
            title = title[: _TITLE_CHARS - 1].rstrip() + "…"
        parts.append(title)
    if info is not None:
        extra = [x for x in (info.outlet, info.date, ", ".join(info.wires)) if x]
        if extra:
            parts.append(" · ".join(extra))
    return quote("\n".join(parts))


def render(report: Report) -> str:
    """The derivation graph as a DOT ``digraph``; same report, same bytes."""
    infos = {d.id: d for d in report.documents}
    nodes = sorted({i for p in report.pairs for i in (p.source, p.derived)})
    lines = [
        "digraph syndetect {",
        "  graph [rankdir=LR, fontname=Helvetica];",
        "  node [shape=box, style=rounded, fontname=Helvetica, fontsize=10];",
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    for node in nodes:
        lines.append(f"  {quote(node)} [label={_label(node, infos.get(node))}];")
    for p in report.pairs:
        ends = f"{quote(p.source)} -> {quote(p.derived)}"
        if p.direction == "source_to_derived":
            label = quote(pct(p.containment_derived))
            lines.append(f"  {ends} [label={label}];")
        else:
            label = quote(f"{pct(p.containment_source)} / {pct(p.containment_derived)}")
            lines.append(f"  {ends} [label={label}, dir=none, style=dashed];")
    lines.append("}")
    return "\n".join(lines) + "\n"
