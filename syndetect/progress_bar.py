"""A progress bar for long scans, on standard error (the rich seam for progress)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from syndetect.parallel import Progress as ProgressCallback

__all__ = ["progress_bar"]

_LABELS = {"prepare": "Reading articles", "align": "Aligning candidate pairs"}


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
        if stage not in tasks:
            tasks[stage] = bar.add_task(_LABELS.get(stage, stage), total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update
