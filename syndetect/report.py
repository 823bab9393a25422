"""Rendering a :class:`~syndetect.model.Report`: JSON and plain text."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from syndetect.model import DocumentInfo, Pair, Passage, Report

__all__ = ["SCHEMA", "pair_to_dict", "render_json", "render_text", "report_to_dict"]

SCHEMA = "syndetect/report/1"


def _document(d: DocumentInfo) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "title": d.title, "date": d.date, "url": d.url}
    out["length"] = d.length
    if d.outlet is not None:
        out["outlet"] = d.outlet
    out["wires"] = list(d.wires)
    out["credited_outlets"] = list(d.credited_outlets)
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


_WIDTH = 100
_COLUMN = (_WIDTH - 3) // 2


def _side_by_side(left: str, right: str) -> list[str]:
    a = textwrap.wrap(" ".join(left.split()), _COLUMN) or [""]
    b = textwrap.wrap(" ".join(right.split()), _COLUMN) or [""]
    rows = max(len(a), len(b))
    a += [""] * (rows - len(a))
    b += [""] * (rows - len(b))
    return [f"    {x:<{_COLUMN}} | {y}".rstrip() for x, y in zip(a, b, strict=True)]


def _inline_diff(p: Passage) -> str:
    parts = []
    for op, text in p.diff:
        text = " ".join(text.split())
        if op == "equal":
            parts.append(text)
        elif op == "delete":
            parts.append(f"[-{text}-]")
        else:
            parts.append(f"{{+{text}+}}")
    return " ".join(parts)


def _pair_block(pair: Pair) -> list[str]:
    if pair.direction == "source_to_derived":
        head = f"{pair.derived}  copies from  {pair.source}"
    else:
        head = f"{pair.source}  <->  {pair.derived}  (direction undetermined)"
    lines = [
        head,
        "=" * len(head),
        f"  shared text: {round(100 * pair.containment_derived)}% of {pair.derived}, "
        f"{round(100 * pair.containment_source)}% of {pair.source}; "
        f"{len(pair.passages)} passage(s); shingle Jaccard {pair.jaccard:.2f}",
        "  evidence:",
        *(f"    - {e}" for e in pair.evidence),
    ]
    for n, p in enumerate(pair.passages, start=1):
        lines.append("")
        lines.append(
            f"  passage {n}: {p.kind}, similarity {p.similarity:.2f}; "
            f"{pair.source}[{p.source_start}:{p.source_end}] "
            f"{pair.derived}[{p.derived_start}:{p.derived_end}]"
        )
        lines.extend(_side_by_side(f"SOURCE: {p.source_text}", f"DERIVED: {p.derived_text}"))
        if p.kind == "near":
            wrapped = textwrap.wrap(_inline_diff(p), _WIDTH - 10)
            lines.append("    changes ([-removed-] {+added+}):")
            lines.extend(f"      {line}" for line in wrapped)
    return lines


def render_text(report: Report) -> str:
    """A report a person can read: one block per pair with the direction, the
    evidence and each passage side by side (source left, derived right)."""
    lines = [
        f"syndetect: {len(report.documents)} document(s), {len(report.pairs)} pair(s) "
        f"sharing text, {len(report.clusters)} cluster(s)",
    ]
    for pair in report.pairs:
        lines.append("")
        lines.extend(_pair_block(pair))
    if report.clusters:
        lines.append("")
        lines.append("clusters:")
        for c in report.clusters:
            src = f"source {c.source}" if c.source else "source undetermined"
            lines.append(f"  - {', '.join(c.members)} ({src})")
    if not report.pairs:
        lines.append("")
        lines.append("No shared passages found.")
    return "\n".join(lines) + "\n"
