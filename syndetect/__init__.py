"""syndetect: find syndicated and near-duplicate news articles.

Examples:
    >>> import syndetect
    >>> report = syndetect.scan(syndetect.read_paths(["examples/seeds"]))  # doctest: +SKIP
    >>> print(report.to_text())  # doctest: +SKIP
"""

from syndetect.errors import (
    DecodeError,
    DuplicateIdError,
    EmptyInputError,
    InputError,
    MalformedRecordError,
    MissingPathError,
    SyndetectError,
    TemporaryFileError,
    UnsupportedFormatError,
)
from syndetect.evaluation import Evaluation, evaluate, evaluate_files
from syndetect.model import Cluster, Document, DocumentInfo, Pair, Passage, Report
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.pipeline import scan
from syndetect.readers import read_jsonl, read_paths, read_text_file

__all__ = [
    "DEFAULT_OPTIONS",
    "Cluster",
    "DecodeError",
    "Document",
    "DocumentInfo",
    "DuplicateIdError",
    "EmptyInputError",
    "Evaluation",
    "InputError",
    "MalformedRecordError",
    "MissingPathError",
    "Pair",
    "Passage",
    "Report",
    "ScanOptions",
    "SyndetectError",
    "TemporaryFileError",
    "UnsupportedFormatError",
    "__version__",
    "evaluate",
    "evaluate_files",
    "read_jsonl",
    "read_paths",
    "read_text_file",
    "scan",
]

__version__ = "0.1.0"
