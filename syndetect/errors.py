"""Exceptions raised by syndetect.

Every error a user can cause derives from
[`SyndetectError`][syndetect.errors.SyndetectError]; the CLI turns them into a
one-line message on stderr and exit status 2.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "DuplicateIdError",
    "EmptyInputError",
    "InputError",
    "MalformedRecordError",
    "MissingPathError",
    "NoArticleError",
    "SkippedFileWarning",
    "SyndetectError",
    "TemporaryFileError",
    "UnsupportedFormatError",
]


class SyndetectError(Exception):
    """Base class of every error syndetect raises on purpose."""


class InputError(SyndetectError):
    """An input path or record cannot be read or is invalid.

    Args:
        path: The file (or ``"<stdin>"``) the problem is in.
        message: What is wrong, without the path.
        line: 1-based line number for line-oriented inputs such as JSONL.
    """

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class MissingPathError(InputError):
    """A path given on the command line or to a reader does not exist."""


class UnsupportedFormatError(InputError):
    """A file's extension names no format syndetect can read."""


class DecodeError(InputError):
    """A file is binary, or not valid in its text encoding (UTF-8 unless told otherwise)."""


class MalformedRecordError(InputError):
    """A JSONL line is not a JSON object with the required fields."""


class DuplicateIdError(InputError):
    """Two documents have the same id."""


class EmptyInputError(InputError):
    """An input holds no document, or a document holds no text."""


class NoArticleError(EmptyInputError):
    """A file of an article format holds no article: an ``.xml`` file that is
    not a feed (a sitemap), an HTML page with no main text (an index page).

    Named explicitly, such a file is an error; met while reading a directory,
    it is skipped with a [`SkippedFileWarning`][syndetect.errors.SkippedFileWarning].
    """


class TemporaryFileError(SyndetectError):
    """A scan cannot write its temporary file (the texts of the documents it
    scans, see :mod:`syndetect.spool`): the directory is missing, not
    writable or full.

    Args:
        directory: Where the file was to be (``$TMPDIR`` by default).
        message: What is wrong, without the directory.
    """

    def __init__(self, directory: str, message: str) -> None:
        self.directory = directory
        self.message = message
        super().__init__(f"{directory}: {message}")


class SkippedFileWarning(UserWarning):
    """A file in a directory being read was skipped: it holds no article."""


__all__ += [
    "BaselineError",
    "IndexCorruptError",
    "IndexExistsError",
    "IndexLockedError",
    "IndexNotFoundError",
    "IndexStoreError",
    "IndexVersionError",
    "NotAnIndexError",
    "UnsupportedIndexError",
]


class IndexStoreError(SyndetectError):
    """A persistent index cannot be opened, read or written.

    Args:
        path: The index file (or URL) the problem is in.
        message: What is wrong, without the path.
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class IndexNotFoundError(IndexStoreError):
    """The index does not exist (create it first)."""


class IndexExistsError(IndexStoreError):
    """``create`` was asked for an index that already exists."""


class IndexCorruptError(IndexStoreError):
    """The file is not a readable SQLite database, or its tables are inconsistent."""


class NotAnIndexError(IndexStoreError):
    """The file is a SQLite database, but not a syndetect index."""


class IndexVersionError(IndexStoreError):
    """The index was written by a newer syndetect (its schema version is unknown)."""


class IndexLockedError(IndexStoreError):
    """Another process kept the index locked for too long."""


class UnsupportedIndexError(IndexStoreError):
    """The index location names a backend this installation cannot use."""


class BaselineError(InputError):
    """A ``check`` baseline file cannot be read or is invalid."""
