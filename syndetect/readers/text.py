"""Plain-text reader: one file, one article; and the text-encoding rules that
the plain-text and JSONL readers share."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from syndetect.errors import DecodeError, EmptyInputError, MissingPathError
from syndetect.model import Document

__all__ = [
    "ascii_compatible",
    "check_encoding",
    "decode",
    "encoding_label",
    "open_binary",
    "read_bytes",
    "read_text_file",
]

_PROBE = '\n\x00{}[]":,az09'


def check_encoding(encoding: str) -> str:
    """``encoding`` itself when Python can decode bytes with it.

    Raises:
        LookupError: No such codec, or one that does not decode bytes to text
            (``rot13``, ``base64``).
    """
    b"a".decode(encoding, "replace")  # LookupError for unknown and non-text codecs
    return encoding


def encoding_label(encoding: str) -> str:
    """How messages name ``encoding``: ``UTF-8`` for any spelling of it, else as given."""
    return "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding


def ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` writes ASCII (line feeds, NUL, JSON punctuation) as
    ASCII bytes, so that bytes can be split into lines before decoding: true of
    UTF-8, Latin-1, the Windows code pages, Shift JIS; false of UTF-16, UTF-32,
    ``utf-8-sig`` (it adds a byte-order mark) and EBCDIC."""
    try:
        return _PROBE.encode(encoding) == _PROBE.encode("ascii")
    except UnicodeError:
        return False


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode file bytes strictly with ``encoding``, refusing binary data.

    Raises:
        DecodeError: The data is binary (holds a NUL character) or not valid
            in ``encoding``; the message names the encoding.
    """
    binary = DecodeError(path, "binary file, not text")
    if b"\x00" in data and ascii_compatible(encoding):
        raise binary
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise DecodeError(
            path, f"not valid {encoding_label(encoding)} (byte 0x{bad} at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise binary
    return text


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


def read_text_file(path: str | Path, *, id: str | None = None, encoding: str = "utf-8") -> Document:
    """Read a ``.txt`` file as one document.

    Args:
        path: The file.
        id: Document id; defaults to the file name without extension.
        encoding: Text encoding of the file, any codec Python knows
            (``"cp1252"``, ``"latin-1"``, ``"utf-16"``). A byte-order mark
            is kept as part of the text, except by the codecs that remove it
            (``"utf-8-sig"``, ``"utf-16"``).

    Raises:
        MissingPathError: The file does not exist.
        DecodeError: The file is binary or not valid in ``encoding``.
        EmptyInputError: The file holds no text.
        LookupError: ``encoding`` is not a text encoding Python knows.
    """
    check_encoding(encoding)
    p = Path(path)
    text = decode(read_bytes(p), str(path), encoding)
    if not text.strip():
        raise EmptyInputError(str(path), "empty file, no text")
    return Document(id=id if id is not None else p.stem, text=text, path=str(path))
