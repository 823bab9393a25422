"""Plain-text reader: one file, one article."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from syndetect.errors import DecodeError, EmptyInputError, MissingPathError
from syndetect.model import Document

__all__ = ["decode", "open_binary", "read_bytes", "read_text_file"]


def decode(data: bytes, path: str) -> str:
    """Decode file bytes as strict UTF-8, refusing binary data.

    Raises:
        DecodeError: The data is binary or not valid UTF-8.
    """
    if b"\x00" in data:
        raise DecodeError(path, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise DecodeError(path, f"not valid UTF-8 (byte 0x{bad} at offset {exc.start})") from None


def open_binary(path: str | Path) -> BinaryIO:
    """Open ``path`` for reading bytes, with errors that name it.

    Raises:
        MissingPathError: The file does not exist.
        DecodeError: The file cannot be read.
    """
    try:
        return Path(path).open("rb")
    except FileNotFoundError:
        raise MissingPathError(str(path), "no such file or directory") from None
    except OSError as exc:
        raise DecodeError(str(path), f"cannot read: {exc.strerror}") from None


def read_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``, with the errors of :func:`open_binary`."""
    with open_binary(path) as handle:
        return handle.read()


def read_text_file(path: str | Path, *, id: str | None = None) -> Document:
    """Read a ``.txt`` file as one document.

    Args:
        path: The file.
        id: Document id; defaults to the file name without extension.

    Raises:
        MissingPathError: The file does not exist.
        DecodeError: The file is binary or not UTF-8.
        EmptyInputError: The file holds no text.
    """
    p = Path(path)
    text = decode(read_bytes(p), str(path))
    if not text.strip():
        raise EmptyInputError(str(path), "empty file, no text")
    return Document(id=id if id is not None else p.stem, text=text, path=str(path))
