"""Readers: turn paths into :class:`~syndetect.model.Document` objects.

Each input format has its own module; :func:`read_paths` picks one by file
extension and walks directories recursively.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from syndetect.errors import (
    DuplicateIdError,
    EmptyInputError,
    MissingPathError,
    UnsupportedFormatError,
)
from syndetect.model import Document
from syndetect.readers.jsonl import read_jsonl, read_jsonl_stream
from syndetect.readers.text import read_text_file

__all__ = ["SUFFIXES", "read_jsonl", "read_paths", "read_text_file"]

SUFFIXES = (".txt", ".jsonl")
STDIN = "-"


def _read_file(path: Path, id: str | None) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield read_text_file(path, id=id)
    elif suffix == ".jsonl":
        yield from read_jsonl(path)
    else:
        raise UnsupportedFormatError(
            str(path),
            f"unsupported input format {suffix or '(no extension)'!r}; expected .txt or .jsonl",
        )


def _read_directory(root: Path) -> Iterator[Document]:
    found = False
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in SUFFIXES:
            continue
        found = True
        yield from _read_file(path, rel.with_suffix("").as_posix())
    if not found:
        raise EmptyInputError(str(root), "directory holds no .txt or .jsonl file")


def _read_one(path: str) -> Iterator[Document]:
    if path == STDIN:
        yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(p)
    elif p.exists():
        yield from _read_file(p, None)
    else:
        raise MissingPathError(path, "no such file or directory")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Read every document under ``paths``.

    Args:
        paths: Files, directories (read recursively: ``*.txt``, ``*.jsonl``) or
            ``"-"`` for JSONL on standard input.

    Yields:
        Documents, in path order.

    Raises:
        SyndetectError: A subclass naming the path (and line) of the problem.
    """
    seen: dict[str, str] = {}
    done: set[str] = set()
    for path in paths:
        key = str(path) if str(path) == STDIN else str(Path(path).resolve())
        if key in done:  # the same path given twice is read once
            continue
        done.add(key)
        for doc in _read_one(str(path)):
            where = doc.path or str(path)
            if doc.id in seen:
                raise DuplicateIdError(
                    where, f"duplicate id {doc.id!r}, first read from {seen[doc.id]}"
                )
            seen[doc.id] = where
            yield doc
