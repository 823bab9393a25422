"""The derivation graph as inline SVG, with a small deterministic layout.

Layout: each connected group of documents is a horizontal band; inside it,
documents sit in columns by derivation depth (a source left of what was
derived from it, longest path; cycles are broken in id order), and in each
column they are ordered by the mean row of their neighbours to the left.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from syndetect.derive import components
from syndetect.formats._util import pct
from syndetect.model import DocumentInfo, Pair

__all__ = ["render_svg"]

NODE_W = 236
NODE_H = 46
COL_GAP = 110
ROW_GAP = 22
BAND_GAP = 30
MARGIN = 16
_ID_CHARS = 30
_TITLE_CHARS = 34
_LABEL_AT = 0.75  # where on an edge its label sits, 0 = source, 1 = derived


@dataclass(frozen=True)
class _Edge:
    number: int  # the pair's number in the HTML report
    pair: Pair

    @property
    def directed(self) -> bool:
        return self.pair.direction == "source_to_derived"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _components(nodes: list[str], edges: list[_Edge]) -> list[list[str]]:
    roots = components(nodes, ((e.pair.source, e.pair.derived) for e in edges))
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(roots[n], []).append(n)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _layers(nodes: list[str], edges: list[_Edge]) -> dict[str, int]:
    """Longest-path depth over the directed edges, ignoring DFS back edges."""
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    for e in edges:
        if e.directed:
            succ[e.pair.source].append(e.pair.derived)
    for n in nodes:
        succ[n] = sorted(set(succ[n]))
    state: dict[str, int] = {}  # 1 = on stack, 2 = done
    order: list[str] = []
    kept: dict[str, list[str]] = {n: [] for n in nodes}
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[str, Iterable[str]]] = [(root, iter(succ[root]))]
        while stack:
            node, it = stack[-1]
            nxt = next(iter(it), None)
            if nxt is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif state.get(nxt) != 1:  # not a back edge
                kept[node].append(nxt)
                if nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(succ[nxt])))
    layer = dict.fromkeys(nodes, 0)
    for node in reversed(order):  # topological order of the kept edges
        for nxt in kept[node]:
            layer[nxt] = max(layer[nxt], layer[node] + 1)
    _place_undirected(nodes, edges, layer)
    return layer


def _place_undirected(nodes: list[str], edges: list[_Edge], layer: dict[str, int]) -> None:
    """Documents only in undetermined pairs go one column right of their
    nearest placed partner; groups of them alone start at their smallest id."""
    partners: dict[str, list[str]] = {n: [] for n in nodes}
    for e in edges:
        if not e.directed:
            partners[e.pair.source].append(e.pair.derived)
            partners[e.pair.derived].append(e.pair.source)
    placed = {n for e in edges if e.directed for n in (e.pair.source, e.pair.derived)}

    def spread(heap: list[tuple[int, str]]) -> None:
        while heap:
            depth, n = heapq.heappop(heap)
            for m in sorted(partners[n]):
                if m not in placed:
                    placed.add(m)
                    layer[m] = depth + 1
                    heapq.heappush(heap, (depth + 1, m))

    spread(sorted((layer[n], n) for n in placed))
    for n in nodes:
        if n not in placed:
            placed.add(n)
            layer[n] = 0
            spread([(0, n)])


def _barycentre(
    n: str, neighbours: dict[str, set[str]], row_of: dict[str, float]
) -> tuple[float, str]:
    """Sort key: mean row of the already placed neighbours (unplaced last), then id."""
    left = [row_of[m] for m in sorted(neighbours[n]) if m in row_of]
    return (sum(left) / len(left) if left else float("inf"), n)


def _positions(nodes: list[str], edges: list[_Edge]) -> tuple[dict[str, tuple[int, int]], int, int]:
    layer = _layers(nodes, edges)
    neighbours: dict[str, set[str]] = {n: set() for n in nodes}
    for e in edges:
        neighbours[e.pair.source].add(e.pair.derived)
        neighbours[e.pair.derived].add(e.pair.source)
    pos: dict[str, tuple[int, int]] = {}
    top = MARGIN
    step_y = NODE_H + ROW_GAP
    for group in _components(nodes, edges):
        columns: dict[int, list[str]] = {}
        for n in group:
            columns.setdefault(layer[n], []).append(n)
        rows = max(len(c) for c in columns.values())
        row_of: dict[str, float] = {}
        for col in sorted(columns):
            members = sorted(columns[col], key=lambda n: _barycentre(n, neighbours, row_of))
            offset = (rows - len(members)) / 2
            for i, n in enumerate(members):
                row_of[n] = offset + i
                x = MARGIN + col * (NODE_W + COL_GAP)
                pos[n] = (x, top + round(row_of[n] * step_y))
        top += rows * step_y - ROW_GAP + BAND_GAP
    width = MARGIN * 2 + max(layer.values()) * (NODE_W + COL_GAP) + NODE_W + COL_GAP // 2
    return pos, width, top - BAND_GAP + MARGIN


def _edge_path(a: tuple[int, int], b: tuple[int, int]) -> tuple[str, float, float]:
    """Cubic path from box ``a`` to box ``b``, and where its label goes: three
    quarters of the way, so that the labels of a fan of edges do not collide."""
    (ax, ay), (bx, by) = a, b
    ay, by = ay + NODE_H // 2, by + NODE_H // 2
    if ax == bx:  # same column: an arc to the right
        x0 = x1 = ax + NODE_W
        bulge = 30 + abs(by - ay) // 4
        c0, c1 = x0 + bulge, x1 + bulge
    elif ax < bx:
        x0, x1 = ax + NODE_W, bx
        c0 = c1 = (x0 + x1) // 2
    else:
        x0, x1 = ax, bx + NODE_W
        c0 = c1 = (x0 + x1) // 2
    d = f"M{x0},{ay} C{c0},{ay} {c1},{by} {x1},{by}"
    t, u = _LABEL_AT, 1 - _LABEL_AT
    w = (u**3, 3 * u * u * t, 3 * u * t * t, t**3)
    mx = w[0] * x0 + w[1] * c0 + w[2] * c1 + w[3] * x1
    my = (w[0] + w[1]) * ay + (w[2] + w[3]) * by
    return d, mx, my


def _node(n: str, xy: tuple[int, int], info: DocumentInfo | None, anchor: str, kind: str) -> str:
    x, y = xy
    title = (info.title or "") if info else ""
    tip = n + (f"\n{title}" if title else "")
    if info is not None:
        extra = [v for v in (info.date, info.outlet, ", ".join(info.wires)) if v]
        if extra:
            tip += "\n" + " · ".join(extra)
    sub = _clip(title, _TITLE_CHARS) if title else "(no title)"
    return (
        f'<a href="#{anchor}" class="node {kind}" data-id="{escape(n)}">'
        f"<title>{escape(tip)}</title>"
        f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="7"/>'
        f'<text x="{x + 10}" y="{y + 19}" class="nid">{escape(_clip(n, _ID_CHARS))}</text>'
        f'<text x="{x + 10}" y="{y + 36}" class="ntitle">{escape(sub)}</text></a>'
    )


def render_svg(
    numbered: list[tuple[int, Pair]],
    infos: dict[str, DocumentInfo],
    doc_anchor: dict[str, str],
) -> str:
    """The graph of ``numbered`` pairs (``(number, pair)``) as an ``<svg>``
    element; nodes link to ``#doc_anchor[id]``, edges to ``#pair-N``."""
    edges = [_Edge(n, p) for n, p in numbered]
    nodes = sorted({i for e in edges for i in (e.pair.source, e.pair.derived)})
    pos, width, height = _positions(nodes, edges)
    has_in = {e.pair.derived for e in edges if e.directed}
    has_out = {e.pair.source for e in edges if e.directed}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Derivation graph: {len(nodes)} documents, {len(edges)} pairs">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/>'
        "</marker></defs>",
    ]
    for e in sorted(edges, key=lambda e: (e.pair.source, e.pair.derived)):
        p = e.pair
        ends = (pos[p.source], pos[p.derived])
        if not e.directed:  # no arrow: draw left to right, label near the right end
            ends = (min(ends), max(ends))
        d, mx, my = _edge_path(*ends)
        if e.directed:
            label = pct(p.containment_derived)
            tip = f"{p.derived} copies {label} of its text from {p.source}"
            cls, extra = "edge directed", ' marker-end="url(#arrow)"'
        else:
            label = f"{pct(p.containment_source)} / {pct(p.containment_derived)}"
            tip = f"{p.source} and {p.derived} share text; direction undetermined"
            cls, extra = "edge undetermined", ""
        out.append(
            f'<a href="#pair-{e.number}" class="{cls}" data-pair="{e.number}" '
            f'data-source="{escape(p.source)}" data-derived="{escape(p.derived)}">'
            f'<title>{escape(tip)}</title><path d="{d}"{extra}/>'
            f'<text x="{mx:.1f}" y="{my - 5:.1f}" text-anchor="middle">{label}</text></a>'
        )
    for n in nodes:
        kind = "origin" if n in has_out and n not in has_in else "copy" if n in has_in else "other"
        out.append(_node(n, pos[n], infos.get(n), doc_anchor.get(n, "documents"), kind))
    out.append("</svg>")
    return "\n".join(out)
