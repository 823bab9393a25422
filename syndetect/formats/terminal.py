"""What syndetect draws on a terminal: the text report in colour, and the
progress bar of a long scan.

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

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from rich.color import ColorSystem
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.style import Style

from syndetect.model import Report
from syndetect.parallel import Progress as ProgressCallback
from syndetect.report import styled_lines

__all__ = ["STYLES", "progress_bar", "render"]

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
    styles = {tag: Style.parse(style) for tag, style in STYLES.items()}
    lines = []
    for line in styled_lines(report):
        lines.append(
            "".join(
                styles[tag].render(text, color_system=ColorSystem.STANDARD)
                if tag in styles and text
                else text
                for text, tag in line
            )
        )
    return "\n".join(lines) + "\n"


_LABELS = {
    "prepare": "Reading articles",
    "candidates": "Finding candidates",
    "align": "Aligning candidates",
}


@contextmanager
def progress_bar(stream: IO[str], *, enabled: bool) -> Iterator[ProgressCallback | None]:
    """A ``progress(stage, done, total)`` callback drawing one bar per stage on
    ``stream``, or None when ``enabled`` is false or ``stream`` is not a
    terminal (a CI log or a redirected file gets no bar)."""
    if not enabled or not stream.isatty():
        yield None
        return
    bar = Progress(
        TextColumn("{task.description:<26}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        size = total or None  # 0: not known yet (documents still being read)
        if stage not in tasks:
            tasks[stage] = bar.add_task(_LABELS.get(stage, stage), total=size)
        bar.update(tasks[stage], completed=done, total=size)

    with bar:
        yield update
