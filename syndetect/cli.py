"""The ``syndetect`` command line: argument parsing and printing only."""

from __future__ import annotations

import json
import sys

import click

from syndetect import __version__
from syndetect.cli_common import (
    color_option,
    encoding_option,
    errors,
    fail,
    stream_documents,
    text_or_json,
    tuning_options,
    write_report,
)
from syndetect.errors import SyndetectError
from syndetect.evaluation import evaluate_files
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.parallel import available_cores
from syndetect.pipeline import scan as run_scan

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="syndetect")
def cli() -> None:
    """Find syndicated and near-duplicate news articles.

    syndetect reads articles, finds the passages they share (even when
    sentences are shuffled, trimmed or re-punctuated), shows what changed,
    and says which article was copied from which.

    Start with:  syndetect scan examples/seeds
    """


D = DEFAULT_OPTIONS


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "ndjson", "csv", "markdown", "html", "dot"]),
    default="text",
    show_default=True,
    help="Report format: text for the terminal; json or ndjson (one pair per line) for "
    "programs; csv (one row per passage); markdown for tickets; html (one self-contained "
    "page with side-by-side passages and a graph); dot (Graphviz derivation graph).",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    default="-",
    help="Write the report to FILE (UTF-8, replacing the file) instead of standard output.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to use for reading and aligning articles. The report is the same for "
    "any number.  [default: all available cores]",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="No progress bar. (It is only drawn when standard error is a terminal.)",
)
@encoding_option
@color_option
@tuning_options
def scan(
    paths: tuple[str, ...],
    fmt: str,
    output: str,
    jobs: int | None,
    quiet: bool,
    encoding: str,
    no_color: bool,
    options: ScanOptions,
) -> None:
    """Find articles that share passages, and who copied whom.

    PATH is a .txt file (one article), a .jsonl file (one JSON object per
    line with "id" and "text", optionally "title", "date", "url", "outlet"),
    an .html/.htm page, a .warc/.warc.gz archive (each HTML response is an
    article), an RSS/Atom feed (.xml, .rss, .atom: each entry is an article),
    a directory (read recursively), or - for JSONL on standard input.

    The text report is in colour on a terminal (see --no-color).

    Examples:

    \b
        syndetect scan examples/seeds
        syndetect scan feed.jsonl --format json -o report.json

    Exit status: 0 on success, 2 when an input is missing or invalid.
    """
    with errors():
        documents = stream_documents(paths, encoding=encoding)
        from syndetect.formats.terminal import progress_bar  # rich: only when scanning

        with progress_bar(sys.stderr, enabled=not quiet) as progress:
            report = run_scan(
                documents, options=options, jobs=jobs or available_cores(), progress=progress
            )
    write_report(output, report, fmt, no_color=no_color)


_MEASURES = (
    ("pair precision", "pair_precision"),
    ("pair recall", "pair_recall"),
    ("pair F1", "pair_f1"),
    ("direction accuracy", "direction_accuracy"),
    ("undetermined rate", "undetermined_rate"),
    ("siblings undetermined", "common_source_undetermined"),
    ("passage precision", "passage_precision"),
    ("passage recall", "passage_recall"),
    ("granularity", "granularity"),
    ("plagdet", "plagdet"),
    ("hard-negative FP rate", "hard_negative_fp_rate"),
    ("cluster ARI", "cluster_ari"),
)


@cli.command(name="eval")
@click.argument("truth", metavar="TRUTH")
@click.argument("report", metavar="REPORT")
@text_or_json
def eval_command(truth: str, report: str, fmt: str) -> None:
    """Score a JSON REPORT against a ground TRUTH (syndetect/truth/1).

    Prints pair precision/recall/F1, direction accuracy, the PAN passage
    measures (precision, recall, granularity, plagdet), the hard-negative
    false-positive rate and the cluster adjusted Rand index. A measure that
    the truth cannot support (e.g. passages of a document-level corpus) is
    shown as "n/a" (null in JSON).

    Example:

    \b
        syndetect scan docs.jsonl -f json -o report.json
        syndetect eval truth.json report.json

    Exit status: 0 when both files were read, 2 when one is missing or invalid.
    """
    try:
        result = evaluate_files(truth, report)
    except SyndetectError as exc:
        fail(str(exc))
    data = result.to_dict()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(
        f"true pairs {data['pairs_true']}, reported pairs {data['pairs_reported']}, "
        f"negatives {data['negatives']}"
    )
    for label, key in _MEASURES:
        value = data[key]
        click.echo(f"  {label:<22} {'n/a' if value is None else f'{value:.4f}'}")


def main() -> None:
    """Entry point of the ``syndetect`` console script."""
    cli(prog_name="syndetect")


from syndetect.cli_index import check_command, index_group  # noqa: E402

cli.add_command(index_group)
cli.add_command(check_command)
