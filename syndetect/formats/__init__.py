"""Report formats: every format renders from the same :class:`~syndetect.model.Report`.

Examples:
    >>> from syndetect.formats import FORMATS, render
    >>> sorted(FORMATS)
    ['csv', 'dot', 'html', 'json', 'markdown', 'ndjson', 'text']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from syndetect.formats import csv_format, dot, html, markdown, ndjson
from syndetect.model import Report
from syndetect.report import iter_json, render_json, render_text

__all__ = ["FORMATS", "render", "render_pieces"]

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "ndjson": ndjson.render,
    "csv": csv_format.render,
    "markdown": markdown.render,
    "html": html.render,
    "dot": dot.render,
}
"""Format name → renderer; the names accepted by ``syndetect scan --format``."""


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in format ``fmt`` (a key of [`FORMATS`][syndetect.formats.FORMATS]).

    Raises:
        ValueError: ``fmt`` is not a known format.
    """
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown report format {fmt!r} (known: {known})") from None
    return renderer(report)


# Formats that render piece by piece (the machine-readable ones, which big
# scans write): a report of 100,000 articles is hundreds of MB of JSON.
_PIECES: dict[str, Callable[[Report], Iterator[str]]] = {
    "json": iter_json,
    "ndjson": ndjson.lines,
}


def render_pieces(report: Report, fmt: str) -> Iterator[str]:
    """``render(report, fmt)`` as pieces whose concatenation it is; made one
    after the other for ``json`` and ``ndjson``, at once for the others.

    Raises:
        ValueError: ``fmt`` is not a known format.
    """
    if fmt in _PIECES:
        return _PIECES[fmt](report)
    return iter((render(report, fmt),))
