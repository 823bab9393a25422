"""The text report in colour, for a terminal.

This is the one module that uses `rich <https://rich.readthedocs.io>`_. It
styles the runs of :func:`syndetect.report.styled_lines`, so the colour report
with its ANSI escape codes removed is exactly the plain text report of
``syndetect.report.render_text``.

Examples:
    >>> import re
    >>> import syndetect
    >>> from syndetect.formats import terminal
    >>> report = syndetect.scan([])
    >>> coloured = terminal.render(report)
    >>> "\\x1b[" in coloured
    True
    >>> re.sub(r"\\x1b\\[[0-9;]*m", "", coloured) == report.to_text()
    True
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from syndetect.model import Report
from syndetect.report import styled_lines

__all__ = ["STYLES", "render"]

STYLES: dict[str, str] = {
    "title": "bold",
    "source": "bold cyan",
    "derived": "bold magenta",
    "id": "bold",
    "arrow": "bold yellow",
    "undetermined": "yellow",
    "rule": "dim",
    "label": "bold",
    "evidence": "italic",
    "verbatim": "green",
    "near": "yellow",
    "separator": "dim",
    "delete": "red strike",
    "insert": "green",
    "marker": "dim",
}
"""Style tag of the text report (:data:`syndetect.report.STYLE_TAGS`) → rich style:
deleted words red and struck through, inserted words green, the source id cyan,
the derived id magenta."""


def render(report: Report) -> str:
    """The text report with ANSI colours and styles (16 standard colours).

    Args:
        report: The report of a scan.

    Returns:
        The text of ``syndetect.report.render_text`` with ANSI escape codes
        around its styled runs; nothing else differs, not even line breaks.
    """
    out = io.StringIO()
    console = Console(
        file=out,
        force_terminal=True,
        force_jupyter=False,
        force_interactive=False,
        color_system="standard",
        no_color=False,
        legacy_windows=False,
        soft_wrap=True,
        highlight=False,
        markup=False,
        emoji=False,
        width=1_000_000,
    )
    for line in styled_lines(report):
        console.print(Text.assemble(*((text, STYLES.get(tag, "")) for text, tag in line)))
    return out.getvalue()
