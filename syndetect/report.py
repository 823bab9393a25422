"""Rendering a :class:`~syndetect.model.Report`: JSON and plain text."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from typing import Any

from syndetect.model import DocumentInfo, Pair, Passage, Report

__all__ = [
    "SCHEMA",
    "STYLE_TAGS",
    "Line",
    "Span",
    "iter_json",
    "pair_to_dict",
    "render_json",
    "render_text",
    "report_to_dict",
    "styled_lines",
]

SCHEMA = "syndetect/report/1"


def _document(d: DocumentInfo) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "title": d.title, "date": d.date, "url": d.url}
    out["length"] = d.length
    if d.outlet is not None:
        out["outlet"] = d.outlet
    out["wires"] = list(d.wires)
    out["credited_outlets"] = list(d.credited_outlets)
    out["reprinted_wires"] = list(d.reprinted_wires)
    return out


def _passage(p: Passage) -> dict[str, Any]:
    return {
        "source_start": p.source_start,
        "source_end": p.source_end,
        "derived_start": p.derived_start,
        "derived_end": p.derived_end,
        "similarity": p.similarity,
        "kind": p.kind,
        "source_text": p.source_text,
        "derived_text": p.derived_text,
        "diff": [[op, text] for op, text in p.diff],
    }


def pair_to_dict(p: Pair) -> dict[str, Any]:
    """One pair as JSON-ready data, as it appears in the report's ``pairs``."""
    return {
        "source": p.source,
        "derived": p.derived,
        "direction": p.direction,
        "jaccard": p.jaccard,
        "containment": {"source": p.containment_source, "derived": p.containment_derived},
        "evidence": list(p.evidence),
        "passages": [_passage(x) for x in p.passages],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data, schema ``syndetect/report/1``."""
    return {
        "schema": SCHEMA,
        "documents": [_document(d) for d in report.documents],
        "pairs": [pair_to_dict(p) for p in report.pairs],
        "clusters": [{"source": c.source, "members": list(c.members)} for c in report.clusters],
    }


def render_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON text; the same report always gives the same bytes."""
    return json.dumps(report_to_dict(report), indent=indent, ensure_ascii=False) + "\n"


def iter_json(report: Report, *, indent: int | None = 2) -> Iterator[str]:
    """:func:`render_json` in pieces, made as they are asked for, so that a
    large report is written without being held once more as one string."""
    encoder = json.JSONEncoder(indent=indent, ensure_ascii=False)
    yield from encoder.iterencode(report_to_dict(report))
    yield "\n"


_WIDTH = 100
_COLUMN = (_WIDTH - 3) // 2

Span = tuple[str, str]
"""A run of text and its style tag (``""``: unstyled), e.g. ``("copies from", "arrow")``."""

Line = tuple[Span, ...]
"""One line of the text report as styled runs; joined, the runs are the plain line."""

STYLE_TAGS = (
    "title",
    "source",
    "derived",
    "id",
    "arrow",
    "undetermined",
    "rule",
    "label",
    "evidence",
    "verbatim",
    "near",
    "separator",
    "delete",
    "insert",
    "marker",
)
"""Every style tag :func:`styled_lines` uses; a renderer maps them to its own styles."""


def _plain(line: Line) -> str:
    return "".join(text for text, _ in line)


def _rstrip(spans: list[Span]) -> Line:
    """``spans`` without trailing whitespace, as ``str.rstrip`` on the joined text."""
    out = list(spans)
    while out:
        text, tag = out[-1]
        stripped = text.rstrip()
        if stripped:
            out[-1] = (stripped, tag)
            break
        out.pop()
    return tuple(out)


def _slice(text: str, ranges: list[tuple[int, int, str]], start: int, end: int) -> Line:
    """``text[start:end]`` as runs: the parts inside ``ranges`` (sorted, disjoint
    ``(start, end, tag)``) carry their tag, the rest none."""
    spans: list[Span] = []
    pos = start
    for a, b, tag in ranges:
        if b <= pos or a >= end:
            continue
        a, b = max(a, pos), min(b, end)
        if a > pos:
            spans.append((text[pos:a], ""))
        spans.append((text[a:b], tag))
        pos = b
    if pos < end:
        spans.append((text[pos:end], ""))
    return tuple(spans)


def _wrap(text: str, ranges: list[tuple[int, int, str]], width: int) -> list[Line]:
    """``textwrap.wrap(text, width)``, each line as styled runs. ``text`` has single
    spaces only, so every wrapped line is a piece of it, found in order."""
    lines: list[Line] = []
    pos = 0
    for line in textwrap.wrap(text, width):
        start = text.find(line, pos)
        if start < 0:  # pragma: no cover - not reached for single-spaced text
            lines.append(((line, ""),))
            continue
        pos = start + len(line)
        lines.append(_slice(text, ranges, start, pos))
    return lines


def _labelled(label: str, text: str) -> tuple[str, list[tuple[int, int, str]]]:
    return " ".join(f"{label} {text}".split()), [(0, len(label), "label")]


def _side_by_side(left: tuple[str, str], right: tuple[str, str]) -> list[Line]:
    a = _wrap(*_labelled(*left), _COLUMN) or [()]
    b = _wrap(*_labelled(*right), _COLUMN) or [()]
    rows = max(len(a), len(b))
    a += [()] * (rows - len(a))
    b += [()] * (rows - len(b))
    out = []
    for x, y in zip(a, b, strict=True):
        pad = " " * max(0, _COLUMN - len(_plain(x)))
        out.append(_rstrip([("    ", ""), *x, (pad + " ", ""), ("|", "separator"), (" ", ""), *y]))
    return out


def _inline_diff(p: Passage) -> tuple[str, list[tuple[int, int, str]]]:
    """The word diff on one line (``[-removed-]`` ``{+added+}``) and its styled ranges."""
    pieces: list[list[Span]] = []
    for op, text in p.diff:
        text = " ".join(text.split())
        if op == "equal":
            pieces.append([(text, "")])
        elif op == "delete":
            pieces.append([("[-", "marker"), (text, "delete"), ("-]", "marker")])
        else:
            pieces.append([("{+", "marker"), (text, "insert"), ("+}", "marker")])
    ranges: list[tuple[int, int, str]] = []
    pos = 0
    for n, piece in enumerate(pieces):
        pos += n > 0  # the space between pieces
        for text, tag in piece:
            if tag and text:
                ranges.append((pos, pos + len(text), tag))
            pos += len(text)
    return " ".join("".join(text for text, _ in piece) for piece in pieces), ranges


def _pair_block(pair: Pair) -> list[Line]:
    head: Line
    if pair.direction == "source_to_derived":
        head = (
            (pair.derived, "derived"),
            ("  ", ""),
            ("copies from", "arrow"),
            ("  ", ""),
            (pair.source, "source"),
        )
    else:
        head = (
            (pair.source, "id"),
            ("  ", ""),
            ("<->", "arrow"),
            ("  ", ""),
            (pair.derived, "id"),
            ("  ", ""),
            ("(direction undetermined)", "undetermined"),
        )
    lines: list[Line] = [
        head,
        (("=" * len(_plain(head)), "rule"),),
        (
            ("  ", ""),
            ("shared text:", "label"),
            (
                f" {round(100 * pair.containment_derived)}% of {pair.derived}, "
                f"{round(100 * pair.containment_source)}% of {pair.source}; "
                f"{len(pair.passages)} passage(s); shingle Jaccard {pair.jaccard:.2f}",
                "",
            ),
        ),
        (("  ", ""), ("evidence:", "label")),
        *((("    - ", ""), (e, "evidence")) for e in pair.evidence),
    ]
    for n, p in enumerate(pair.passages, start=1):
        lines.append(())
        lines.append(
            (
                ("  ", ""),
                (f"passage {n}:", "label"),
                (" ", ""),
                (p.kind, p.kind),
                (
                    f", similarity {p.similarity:.2f}; "
                    f"{pair.source}[{p.source_start}:{p.source_end}] "
                    f"{pair.derived}[{p.derived_start}:{p.derived_end}]",
                    "",
                ),
            )
        )
        lines.extend(_side_by_side(("SOURCE:", p.source_text), ("DERIVED:", p.derived_text)))
        if p.kind == "near":
            lines.append(
                (
                    ("    ", ""),
                    ("changes", "label"),
                    (" (", ""),
                    ("[-", "marker"),
                    ("removed", "delete"),
                    ("-]", "marker"),
                    (" ", ""),
                    ("{+", "marker"),
                    ("added", "insert"),
                    ("+}", "marker"),
                    ("):", ""),
                )
            )
            lines.extend((("      ", ""), *line) for line in _wrap(*_inline_diff(p), _WIDTH - 10))
    return lines


def styled_lines(report: Report) -> list[Line]:
    """The text report as lines of styled runs, for :func:`render_text` (which drops
    the styles) and the colour terminal report (:mod:`syndetect.formats.terminal`)."""
    lines: list[Line] = [
        (
            (
                f"syndetect: {len(report.documents)} document(s), {len(report.pairs)} pair(s) "
                f"sharing text, {len(report.clusters)} cluster(s)",
                "title",
            ),
        ),
    ]
    for pair in report.pairs:
        lines.append(())
        lines.extend(_pair_block(pair))
    if report.clusters:
        lines.append(())
        lines.append((("clusters:", "label"),))
        for c in report.clusters:
            src = f"source {c.source}" if c.source else "source undetermined"
            lines.append((("  - ", ""), (f"{', '.join(c.members)} ({src})", "")))
    if not report.pairs:
        lines.append(())
        lines.append((("No shared passages found.", "title"),))
    return lines


def render_text(report: Report) -> str:
    """A report a person can read: one block per pair with the direction, the
    evidence and each passage side by side (source left, derived right).

    Args:
        report: The report of a scan.

    Returns:
        Plain text ending with a newline; passages are wrapped to 100 columns.
        The colour terminal report (:func:`syndetect.formats.terminal.render`)
        is this text with ANSI styles added.
    """
    return "\n".join(_plain(line) for line in styled_lines(report)) + "\n"
