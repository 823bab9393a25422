"""What the command-line modules share: the error model (one line on stderr,
exit 2), reading inputs (and their ``--encoding``), writing outputs (the report
in colour on a terminal), and the tuning options of ``scan`` and ``index create``."""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

import syndetect.formats
from syndetect.errors import EmptyInputError, SkippedFileWarning, SyndetectError
from syndetect.model import Document, Report
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.readers import read_paths
from syndetect.readers.text import check_encoding

__all__ = [
    "EXIT_INPUT_ERROR",
    "color_option",
    "encoding_option",
    "errors",
    "fail",
    "read_documents",
    "stream_documents",
    "text_or_json",
    "tuning_options",
    "use_color",
    "write_output",
    "write_report",
]

EXIT_INPUT_ERROR = 2


def fail(message: str) -> NoReturn:
    """Print ``Error: message`` on stderr and exit with status 2."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


@contextmanager
def errors() -> Iterator[None]:
    """Report a SyndetectError as one line on stderr, exit status 2, and a
    skipped file as one ``Warning:`` line."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", SkippedFileWarning)
        others = warnings.showwarning

        def show(
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: Any = None,
            line: str | None = None,
        ) -> None:
            if issubclass(category, SkippedFileWarning):
                click.echo(f"Warning: {message}", err=True)
            else:
                others(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        try:
            yield
        except SyndetectError as exc:
            fail(str(exc))


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return check_encoding(value)
    except LookupError:
        fail(f"Invalid value for '--encoding': unknown text encoding {value!r}")


encoding_option = click.option(
    "--encoding",
    metavar="NAME",
    default="utf-8",
    show_default=True,
    callback=_check_encoding,
    help="Text encoding of .txt and .jsonl inputs (and of - on standard input): any "
    "Python codec name, e.g. cp1252, latin-1, utf-16. HTML pages, WARC archives and "
    "feeds detect their own encoding and ignore it.",
)
"""The ``--encoding NAME`` option of the commands that read articles."""


def stream_documents(paths: tuple[str, ...], *, encoding: str = "utf-8") -> Iterator[Document]:
    """The documents under ``paths``, read as they are asked for (a scan never
    holds all their texts); an input with none is an error, raised once it
    is read to the end."""
    empty = True
    for document in read_paths(paths, encoding=encoding):
        empty = False
        yield document
    if empty:
        raise EmptyInputError(", ".join(paths), "no documents to read")


def read_documents(paths: tuple[str, ...], *, encoding: str = "utf-8") -> list[Document]:
    """Every document under ``paths`` (plain text and JSONL decoded with
    ``encoding``), read at once; an input with none is an error."""
    return list(stream_documents(paths, encoding=encoding))


def write_output(output: str, text: str | Iterable[str], *, color: bool | None = None) -> None:
    """Write ``text`` (a string, or pieces of one) to the file ``output``, or to
    stdout for ``-``; ``color=True`` keeps ANSI codes that click would strip
    from a stdout that is not a terminal."""
    blocks = (text,) if isinstance(text, str) else _blocks(text)
    if output == "-":
        for block in blocks:
            click.echo(block, nl=False, color=color)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            for block in blocks:
                handle.write(block)
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")


def _blocks(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Small pieces joined into blocks of about ``size`` characters."""
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


color_option = click.option(
    "--no-color",
    "no_color",
    is_flag=True,
    help="Never colour the text report. Without it, the report is coloured on a terminal "
    "only; the NO_COLOR and FORCE_COLOR environment variables turn colour off and on.",
)
"""The ``--no-color`` option of the commands that print a report."""


def use_color(output: str, no_color: bool) -> bool:
    """Whether the text report written to ``output`` gets colour.

    Never with ``--no-color``, for an ``-o`` file or when ``NO_COLOR`` is set
    (https://no-color.org); else always when ``FORCE_COLOR`` is set; else when
    standard output is a terminal and ``TERM`` is not ``dumb``. Empty variables
    count as unset.
    """
    if no_color or output != "-" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stdout
    return stream is not None and stream.isatty()


def write_report(output: str, report: Report, fmt: str, *, no_color: bool = False) -> None:
    """Write ``report`` in format ``fmt`` to ``output`` (``-``: stdout); the text
    format in colour when :func:`use_color` says so."""
    if fmt == "text" and use_color(output, no_color):
        from syndetect.formats import terminal

        write_output(output, terminal.render(report), color=True)
    else:
        write_output(output, syndetect.formats.render_pieces(report, fmt))


D = DEFAULT_OPTIONS

text_or_json = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format: text (a table for people) or json (for programs).",
)
"""The ``--format text|json`` option of the commands that print a table."""
_OPTIONS = (
    click.option(
        "--threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=D.threshold,
        show_default=True,
        help="Jaccard similarity of two sentences' shingle sets that the candidate search "
        "is tuned for. Lower finds more heavily edited copies but compares more pairs.",
    ),
    click.option(
        "--document-threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=D.document_threshold,
        show_default=True,
        help="Jaccard similarity of whole documents that the second, document-level "
        "candidate search is tuned for: it catches copies rewritten so much (sentences "
        "merged or split) that no sentence pair is found. Lower compares more pairs.",
    ),
    click.option(
        "--near-threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=D.near_threshold,
        show_default=True,
        help="How similar the two sides of a shared passage must be (1 = identical after "
        "normalisation). Heavily edited stretches fall below it.",
    ),
    click.option(
        "--shingle-size",
        type=click.IntRange(1, 20),
        default=D.shingle_size,
        show_default=True,
        help="Words per shingle: the word n-grams, taken inside sentences, that texts are "
        "compared by.",
    ),
    click.option(
        "--num-perm",
        type=click.IntRange(2, 4096),
        default=D.num_perm,
        show_default=True,
        help="MinHash permutations of the document signatures (the reported Jaccard "
        "estimate and the document-level candidate search): more is more precise.",
    ),
    click.option(
        "--sentence-perm",
        type=click.IntRange(2, 4096),
        default=D.sentence_perm,
        show_default=True,
        help="MinHash permutations of each sentence's sketch in the sentence-level "
        "candidate search: more makes it sharper (fewer sentences that merely share a "
        "topic compared) but costs memory and time.",
    ),
    click.option(
        "--min-passage-words",
        type=click.IntRange(1),
        default=D.min_passage_words,
        show_default=True,
        help="Shortest shared passage reported, in words (counted on its shorter side).",
    ),
    click.option(
        "--min-pair-words",
        type=click.IntRange(1),
        default=D.min_pair_words,
        show_default=True,
        help="Words two articles must share in passages (edited words do not count) to be "
        "reported as a pair: one shared stock sentence is not a copy, a quoted paragraph is.",
    ),
    click.option(
        "--short-sentence-docs",
        type=click.IntRange(2),
        default=D.short_sentence_docs,
        show_default=True,
        help="A sentence too short to make a pair alone (fewer than --min-pair-words words) "
        "stops making candidate pairs when more articles than this share its bucket of the "
        "sentence index: headline templates and credit lines. Higher compares more pairs.",
    ),
    click.option(
        "--seed",
        type=int,
        default=D.seed,
        show_default=True,
        help="Seed of the MinHash permutations (as in datasketch.MinHash): the same seed "
        "gives the same report.",
    ),
)
_NAMES = (
    "threshold",
    "document_threshold",
    "near_threshold",
    "shingle_size",
    "num_perm",
    "sentence_perm",
    "min_passage_words",
    "min_pair_words",
    "short_sentence_docs",
    "seed",
)


def tuning_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the tuning options to a click command, which receives them as one
    ``options: ScanOptions`` keyword argument."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _NAMES}
        return command(*args, options=ScanOptions(**values), **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
