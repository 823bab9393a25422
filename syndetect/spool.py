"""The texts and words of a scan's documents, kept in a temporary file.

Finding candidate pairs needs only each document's sentences and shingles;
its text and its words (with their offsets) are needed again only to align a
candidate pair and to quote the passages it shares. So a scan writes them to
a :class:`Spool` as documents are prepared and reads back those it aligns:
the process's memory holds the shingles and signatures of the collection,
not its text.

A record is the text (UTF-8, lone surrogates kept), the normalised words
joined by NUL (a word never holds one), and the words' start and end offsets
as arrays of native integers. Nothing in it is executable (no pickle).
"""

from __future__ import annotations

import mmap
import struct
import tempfile
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from syndetect.compact import int_array
from syndetect.errors import TemporaryFileError
from syndetect.normalize import Words

__all__ = ["Spool", "pack", "spooled", "unpack"]

# Text bytes, words bytes, number of words, offset typecode.
_HEADER = struct.Struct("<QQQc")
_UTF8 = "surrogatepass"


def pack(text: str, words: Words) -> bytes:
    """One document's record: its text and its words with their offsets."""
    encoded = text.encode("utf-8", _UTF8)
    joined = "\0".join(words.words).encode("utf-8", _UTF8)
    starts, ends = words.starts, words.ends
    if not isinstance(starts, array) or not isinstance(ends, array):
        starts, ends = int_array(starts), int_array(ends)
    if starts.typecode != ends.typecode:
        starts, ends = array("q", starts), array("q", ends)
    head = _HEADER.pack(len(encoded), len(joined), len(words), starts.typecode.encode())
    return b"".join((head, encoded, joined, starts.tobytes(), ends.tobytes()))


def unpack(record: bytes | memoryview) -> tuple[str, Words]:
    """The text and words :func:`pack` wrote into ``record``."""
    text_size, words_size, count, code = _HEADER.unpack_from(record)
    at = _HEADER.size
    data = memoryview(record)
    text = str(data[at : at + text_size], "utf-8", _UTF8)
    at += text_size
    joined = str(data[at : at + words_size], "utf-8", _UTF8)
    at += words_size
    typecode = code.decode()
    width = array(typecode).itemsize * count
    starts, ends = array(typecode), array(typecode)
    starts.frombytes(data[at : at + width])
    ends.frombytes(data[at + width : at + 2 * width])
    split = tuple(joined.split("\0")) if count else ()
    return text, Words(split, starts, ends)


class Spool:
    """Records appended one by one, then read back by number.

    Writing is done by one process; once :meth:`seal` is called the file is
    memory-mapped read-only, and forked processes read it through their
    inherited copy of this object. Each process keeps the last
    ``cache_size`` records it unpacked, since a document is usually aligned
    with several others in a row.

    Args:
        directory: Where the temporary file is made (default: the system's
            temporary directory, ``$TMPDIR``). It has no name and is removed
            on :meth:`close`, or by the system if the process dies.
        cache_size: Records kept unpacked per process.

    Raises:
        TemporaryFileError: The file cannot be made or written (no such
            directory, no room left).
    """

    def __init__(self, directory: str | None = None, *, cache_size: int = 1024) -> None:
        self._directory = directory or tempfile.gettempdir()
        try:
            # Open for the spool's life; close() closes it.
            self._file: IO[bytes] = tempfile.TemporaryFile(dir=self._directory)  # noqa: SIM115
        except OSError as exc:
            raise self._error(exc) from exc
        self._ends = array("q")
        self._sealed = False
        self._map: mmap.mmap | None = None  # None also when nothing was written
        self._cache: OrderedDict[int, tuple[str, Words]] = OrderedDict()
        self._cache_size = cache_size

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, record: bytes) -> int:
        """Write ``record``; returns its number."""
        if self._sealed:
            raise ValueError("the spool is sealed")
        try:
            self._file.write(record)
        except OSError as exc:
            raise self._error(exc) from exc
        self._ends.append((self._ends[-1] if self._ends else 0) + len(record))
        return len(self._ends) - 1

    def _error(self, exc: OSError) -> TemporaryFileError:
        return TemporaryFileError(
            self._directory,
            f"cannot write the scan's temporary file: {exc.strerror or exc}"
            " (set TMPDIR to a directory with room for about 14 KB per article)",
        )

    def seal(self) -> None:
        """Finish writing: map the file for reading."""
        if not self._sealed:
            try:
                self._file.flush()
            except OSError as exc:
                raise self._error(exc) from exc
            self._sealed = True
            if self._ends and self._ends[-1]:  # mmap refuses an empty file
                self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self, number: int) -> tuple[str, Words]:
        """The text and words of record ``number`` (after :meth:`seal`)."""
        found = self._cache.get(number)
        if found is not None:
            self._cache.move_to_end(number)
            return found
        self.seal()
        if self._map is None or not 0 <= number < len(self._ends):
            raise IndexError(f"no record {number}")
        start = self._ends[number - 1] if number else 0
        with memoryview(self._map)[start : self._ends[number]] as record:
            found = unpack(record)
        self._cache[number] = found
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return found

    def close(self) -> None:
        """Unmap and remove the file."""
        self._cache.clear()
        if self._map is not None:
            self._map.close()
            self._map = None
        self._file.close()


@contextmanager
def spooled(directory: str | None = None) -> Iterator[Spool]:
    """A :class:`Spool`, closed (and its file removed) on leaving."""
    spool = Spool(directory)
    try:
        yield spool
    finally:
        spool.close()
