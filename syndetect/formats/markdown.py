"""Markdown report for pasting into tickets and pull requests.

A summary table of the pairs, then one section per pair with the direction
evidence and each shared passage as quoted blocks, plus the word-level
changes (``~~removed~~`` / ``**added**``). Article text is escaped so that it
shows as written: no stray emphasis, links or raw HTML.
"""

from __future__ import annotations

import re

from syndetect.formats._util import pct, strength_order
from syndetect.model import DocumentInfo, Pair, Passage, Report

__all__ = ["escape", "render"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^([-+=#])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` on one line with Markdown syntax characters backslash-escaped."""
    flat = " ".join(text.split())
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _LINE_START.sub(r"\\\1", flat)
    return _LIST_NUMBER.sub(r"\1\\\2", flat)


def _code(text: str) -> str:
    """An id as inline code (backticks and line breaks cannot break out)."""
    flat = " ".join(text.split())
    fence = "`"
    while fence in flat:
        fence += "`"
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _quote(text: str) -> list[str]:
    """``text`` as a blockquote, one quoted paragraph per paragraph."""
    paras = [escape(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines: list[str] = []
    for para in paras or [""]:
        if lines:
            lines.append(">")
        lines.append(f"> {para}".rstrip())
    return lines


def _changes(p: Passage) -> str:
    parts = []
    for op, text in p.diff:
        t = escape(text)
        if not t:
            continue
        parts.append(t if op == "equal" else f"~~{t}~~" if op == "delete" else f"**{t}**")
    return " ".join(parts)


def _heading(pair: Pair) -> str:
    if pair.direction == "source_to_derived":
        return f"{_code(pair.derived)} copies from {_code(pair.source)}"
    return f"{_code(pair.source)} ↔ {_code(pair.derived)} (direction undetermined)"


def _document_line(role: str, doc_id: str, info: DocumentInfo | None) -> str:
    line = f"- {role}: {_code(doc_id)}"
    if info is not None and info.title:
        line += f" — {escape(info.title)}"
    if info is not None:
        extra = [x for x in (info.date, info.outlet, ", ".join(info.wires)) if x]
        if extra:
            line += f" ({escape('; '.join(extra))})"
    return line


def _pair_section(n: int, pair: Pair, infos: dict[str, DocumentInfo]) -> list[str]:
    lines = [
        f"### {n}. {_heading(pair)}",
        "",
        _document_line("Source", pair.source, infos.get(pair.source)),
        _document_line("Derived", pair.derived, infos.get(pair.derived)),
        "",
        f"Shared text: **{pct(pair.containment_derived)}** of {_code(pair.derived)}, "
        f"**{pct(pair.containment_source)}** of {_code(pair.source)}; "
        f"{len(pair.passages)} passage(s); shingle Jaccard {pair.jaccard:.2f}.",
        "",
        "Evidence:",
        "",
        *(f"- {escape(e)}" for e in pair.evidence),
    ]
    if not pair.evidence:
        lines.append("- (none)")
    for k, p in enumerate(pair.passages, start=1):
        lines += [
            "",
            f"#### Passage {k}: {p.kind}, similarity {p.similarity:.2f}",
            "",
            f"Source {_code(pair.source)} [{p.source_start}:{p.source_end}]:",
            "",
            *_quote(p.source_text),
            "",
            f"Derived {_code(pair.derived)} [{p.derived_start}:{p.derived_end}]:",
            "",
            *_quote(p.derived_text),
        ]
        if any(op != "equal" for op, _ in p.diff):
            lines += ["", "Changes (~~removed~~, **added**):", "", f"> {_changes(p)}"]
    return lines


def render(report: Report) -> str:
    """The report as GitHub-flavoured Markdown, pairs strongest first."""
    infos = {d.id: d for d in report.documents}
    pairs = strength_order(report.pairs)
    lines = [
        "## syndetect report",
        "",
        f"{len(report.documents)} document(s), {len(report.pairs)} pair(s) sharing text, "
        f"{len(report.clusters)} cluster(s).",
    ]
    if not report.pairs:
        return "\n".join([*lines, "", "No shared passages found."]) + "\n"
    lines += [
        "",
        "| # | source | derived | direction | shared of derived | shared of source "
        "| passages | Jaccard |",
        "|---:|---|---|---|---:|---:|---:|---:|",
    ]
    for n, pair in enumerate(pairs, start=1):
        cells = [
            str(n),
            _code(pair.source).replace("|", "\\|"),
            _code(pair.derived).replace("|", "\\|"),
            "source → derived" if pair.direction == "source_to_derived" else "undetermined",
            pct(pair.containment_derived),
            pct(pair.containment_source),
            str(len(pair.passages)),
            f"{pair.jaccard:.2f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if report.clusters:
        lines += ["", "Clusters:", ""]
        for c in report.clusters:
            src = f"source {_code(c.source)}" if c.source else "source undetermined"
            lines.append(f"- {', '.join(_code(m) for m in c.members)} ({src})")
    for n, pair in enumerate(pairs, start=1):
        lines += ["", *_pair_section(n, pair, infos)]
    return "\n".join(lines) + "\n"
