"""NDJSON report: one JSON object per pair per line, streamable.

Each line is the pair object of the JSON report (``syndetect/report/1``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from syndetect.model import Report
from syndetect.report import pair_to_dict

__all__ = ["lines", "render"]

# Characters that some line splitters (str.splitlines, JavaScript) treat as
# line breaks; JSON allows them raw in strings, NDJSON readers may not.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _line(obj: object) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, escaped in _LINE_BREAKS.items():
        text = text.replace(ch, escaped)
    return text


def render(report: Report) -> str:
    """The report's pairs, one compact JSON object per line (empty if none)."""
    return "".join(lines(report))


def lines(report: Report) -> Iterator[str]:
    """The lines of :func:`render`, each made as it is asked for."""
    return (_line(pair_to_dict(p)) + "\n" for p in report.pairs)
