"""Running one stage of the pipeline over many items on several cores.

Worker processes are forked, so they inherit the stage's shared data (the
prepared documents, say) instead of receiving a pickled copy; only the items'
results travel back. Results come back in input order, so a scan with
``jobs=4`` gives byte-for-byte the report of ``jobs=1``. Where ``fork`` is
not available (Windows, and macOS where it is unsafe) the stage runs in this
process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

__all__ = ["Progress", "available_cores", "run_stage", "run_stream"]

Item = TypeVar("Item")
Result = TypeVar("Result")
Shared = TypeVar("Shared")

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``, called as a stage advances; ``total`` is
0 while it is not known (documents still being read)."""

# The data a forked worker inherits; set only while a pool is alive.
_shared: Any = None


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where known)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def _run_chunk(task: tuple[Callable[[Any, Any], Any], Sequence[Any]]) -> list[Any]:
    func, items = task
    return [func(_shared, item) for item in items]


def run_stage(
    name: str,
    func: Callable[[Shared, Item], Result],
    items: Sequence[Item],
    shared: Shared,
    *,
    jobs: int = 1,
    chunk_size: int = 64,
    progress: Progress | None = None,
) -> list[Result]:
    """``[func(shared, item) for item in items]``, on up to ``jobs`` processes.

    Args:
        name: The stage's name, passed to ``progress``.
        func: A module-level function (workers find it by name).
        items: The work; each item and each result must pickle.
        shared: Read-only data every call needs; workers inherit it.
        jobs: Processes to use; 1 runs everything in this process.
        chunk_size: Items handed to a worker at a time.
        progress: Called after every chunk with ``(name, done, len(items))``.

    Returns:
        The results, in the order of ``items``.
    """
    return list(
        run_stream(name, func, items, shared, jobs=jobs, chunk_size=chunk_size, progress=progress)
    )


def run_stream(
    name: str,
    func: Callable[[Shared, Item], Result],
    items: Iterable[Item],
    shared: Shared,
    *,
    jobs: int = 1,
    chunk_size: int = 64,
    progress: Progress | None = None,
) -> Iterator[Result]:
    """:func:`run_stage`, yielding the results as they come: ``items`` is read
    a chunk at a time, only a few chunks ahead of the workers, so that it is
    never all in memory (it may be a generator). Results are yielded in the
    order of ``items``; ``progress`` gets the length of ``items`` as its total
    when it has one, else 0.
    """
    global _shared
    total = len(items) if isinstance(items, Sized) else 0
    read = iter(items)
    chunks = iter(lambda: list(islice(read, chunk_size)), [])
    ahead = list(islice(chunks, 2))
    done = 0
    if progress:
        progress(name, 0, total)
    if jobs <= 1 or len(ahead) <= 1 or not _can_fork():
        for chunk in _chain(ahead, chunks):
            for item in chunk:
                yield func(shared, item)
            done += len(chunk)
            if progress:
                progress(name, done, total)
        return
    _shared = shared
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs) as pool:
            pending: deque[tuple[int, AsyncResult[list[Result]]]] = deque()

            def submit(chunk: list[Item]) -> None:
                pending.append((len(chunk), pool.apply_async(_run_chunk, ((func, chunk),))))

            try:
                for chunk in _chain(ahead, islice(chunks, 2 * jobs - len(ahead))):
                    submit(chunk)
                while pending:
                    size, result = pending.popleft()
                    part = result.get()
                    following = next(chunks, None)
                    if following is not None:
                        submit(following)
                    yield from part
                    done += size
                    if progress:
                        progress(name, done, total)
            except (Exception, GeneratorExit):
                _wind_down(pool, [result for _, result in pending])
                raise
    finally:
        _shared = None


# How long a failed stage waits for each chunk its workers still hold.
_WIND_DOWN_SECONDS = 60.0


def _wind_down(pool: Any, pending: Sequence[AsyncResult[Any]]) -> None:
    """Let the workers finish the chunks they hold and exit, before the pool
    is terminated: a worker killed while it sends a result leaves part of it
    in the pool's result pipe, and the pool's clean-up then waits for the
    rest forever (seen once, a bad input line ending a parallel scan)."""
    pool.close()
    for result in pending:
        result.wait(_WIND_DOWN_SECONDS)
    if all(result.ready() for result in pending):
        pool.join()


def _chain(first: list[list[Item]], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield from first
    yield from rest
