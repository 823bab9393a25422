"""Report formats: every format renders from the same :class:`~syndetect.model.Report`.

Examples:
    >>> from syndetect.formats import FORMATS, render
    >>> sorted(FORMATS)
    ['csv', 'dot', 'html', 'json', 'markdown', 'ndjson', 'text']
"""

from __future__ import annotations

from collections.abc import Callable

from syndetect.formats import csv_format, dot, html, markdown, ndjson
from syndetect.model import Report
from syndetect.report import render_json, render_text

__all__ = ["FORMATS", "render"]

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
