"""The ``syndetect index`` commands and ``syndetect check``: parsing and printing only."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

import click

import syndetect.formats
from syndetect.check import DEFAULT_POLICY, RULES, Policy, Rule, baseline_text, check, read_baseline
from syndetect.check_formats import CHECK_FORMATS, render_check
from syndetect.cli_common import (
    EXIT_INPUT_ERROR,
    color_option,
    encoding_option,
    errors,
    read_documents,
    text_or_json,
    tuning_options,
    write_output,
    write_report,
)
from syndetect.options import DEFAULT_OPTIONS, ScanOptions
from syndetect.store import create_index, open_index

__all__ = ["check_command", "index_group"]

EXIT_FINDINGS = 1

F = TypeVar("F", bound=Callable[..., Any])


def _output_option(f: F) -> F:
    return click.option(
        "--output",
        "-o",
        metavar="FILE",
        default="-",
        help="Write to FILE (UTF-8, replacing the file) instead of standard output.",
    )(f)


@click.group(name="index")
def index_group() -> None:
    """Keep a persistent index of articles to check new ones against.

    INDEX is a file, an embedded SQLite database holding each article's
    text, metadata, signatures and LSH buckets; or a Redis URL,
    redis://HOST:PORT/DB?prefix=NAME (port, database and prefix optional),
    for an index kept in Redis under keys starting with NAME: (needs the
    redis extra). Adding is idempotent
    by id (same id and content: nothing to do; new content: replaced) and
    each add or remove is one transaction, so an interrupted command leaves
    the index as it was. Readers may query while a writer adds.

    Examples:

    \b
        syndetect index create archive.db
        syndetect index add archive.db feeds/2024-05/
        syndetect index query archive.db today.jsonl --format json
        syndetect index stats 'redis://127.0.0.1:6379/0?prefix=news'

    Exit status: 0 on success, 2 on a usage, input or index error.
    """


D = DEFAULT_OPTIONS


@index_group.command(name="create")
@click.argument("index", metavar="INDEX")
@click.option(
    "--exist-ok",
    is_flag=True,
    help="Succeed when INDEX already is an index; its stored options are left unchanged.",
)
@tuning_options
def create_command(index: str, exist_ok: bool, options: ScanOptions) -> None:
    """Create an empty INDEX with the given scan options.

    The options are stored in the index: every later add, query and check
    uses them, so the results equal those of `syndetect scan` with them.
    """
    with errors():
        store = (
            open_index(index, create=True, options=options)
            if exist_ok
            else create_index(index, options=options)
        )
        store.close()
    click.echo(f"{index}: index ready")


@index_group.command(name="add")
@click.argument("index", metavar="INDEX")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@encoding_option
def add_command(index: str, paths: tuple[str, ...], encoding: str) -> None:
    """Add the articles under PATH... to INDEX, all or none.

    PATH is read as by `syndetect scan` (files, directories, - for JSONL on
    standard input). An article whose id is already indexed with the same
    content is left alone; with other content, it replaces the indexed one.
    """
    with errors():
        documents = read_documents(paths, encoding=encoding)
        with open_index(index) as store:
            result = store.add(documents)
            total = len(store.ids())
    click.echo(
        f"{index}: {len(result.added)} added, {len(result.replaced)} replaced, "
        f"{len(result.unchanged)} unchanged; {total} document(s) indexed"
    )


@index_group.command(name="remove")
@click.argument("index", metavar="INDEX")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
def remove_command(index: str, ids: tuple[str, ...]) -> None:
    """Remove the articles with these ids from INDEX.

    Ids not in the index are listed on standard error; that is not an error.
    """
    with errors(), open_index(index) as store:
        result = store.remove(ids)
    if result.missing:
        click.echo(f"not in {index}: {', '.join(result.missing)}", err=True)
    click.echo(f"{index}: {len(result.removed)} removed")


@index_group.command(name="query")
@click.argument("index", metavar="INDEX")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(syndetect.formats.FORMATS)),
    default="text",
    show_default=True,
    help="Report format, as for `syndetect scan --format`.",
)
@_output_option
@encoding_option
@color_option
def query_command(
    index: str, paths: tuple[str, ...], fmt: str, output: str, encoding: str, no_color: bool
) -> None:
    """Compare the articles under PATH... with INDEX and with each other.

    Prints the report `syndetect scan` would give on the indexed articles
    plus these, restricted to pairs involving one of these. The index is
    not changed. The text report is in colour on a terminal (see --no-color).
    """
    with errors():
        documents = read_documents(paths, encoding=encoding)
        with open_index(index) as store:
            report = store.query(documents)
    write_report(output, report, fmt, no_color=no_color)


def _stats_text(data: dict[str, Any]) -> str:
    size = data["size_bytes"]
    lines = [
        f"index:                 {data['location']}",
        f"schema version:        {data['schema_version']}",
        f"documents:             {data['documents']}",
        f"sentences:             {data['sentences']}",
        f"boilerplate sentences: {data['boilerplate_sentences']}",
        f"sentence LSH rows:     {data['sentence_band_rows']}",
        f"document LSH rows:     {data['document_band_rows']}",
        f"size:                  {size / 1e6:.1f} MB",
        "options:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(data["options"].items())),
    ]
    if "problems" in data:
        lines.append(f"integrity:             {'ok' if not data['problems'] else 'FAILED'}")
        lines.extend(f"  - {p}" for p in data["problems"])
    return "\n".join(lines) + "\n"


@index_group.command(name="stats")
@click.argument("index", metavar="INDEX")
@text_or_json
@click.option(
    "--verify",
    is_flag=True,
    help="Also check the index's integrity (exit status 2 when it fails); slow on large "
    "indexes: every article is re-read.",
)
def stats_command(index: str, fmt: str, verify: bool) -> None:
    """Show the size and settings of INDEX.

    Counts of documents, sentences and LSH rows, the size on disk and the
    scan options stored in the index; with --verify, its integrity too.
    """
    with errors(), open_index(index) as store:
        data = store.stats().to_dict()
        if verify:
            data["problems"] = list(store.integrity_check(deep=True))
    click.echo(json.dumps(data, indent=2) + "\n" if fmt == "json" else _stats_text(data), nl=False)
    if data.get("problems"):
        sys.exit(EXIT_INPUT_ERROR)


@click.command(name="check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--index",
    "index",
    required=True,
    metavar="INDEX",
    help="The index of known articles: a file, or a redis:// URL. When missing, it is "
    "created (with the default scan options), a file along with its folder, so a CI cache "
    "may start empty.",
)
@click.option(
    "--baseline",
    metavar="FILE",
    help="JSON file of accepted findings: they are reported but do not fail the check.",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    help="Write every finding of this run to FILE as a baseline (the exit status is unchanged).",
)
@click.option(
    "--no-update",
    is_flag=True,
    help="Leave the index untouched (by default the checked articles are added to it).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
    help="text for logs; json (the report plus findings); sarif (SARIF 2.1.0, e.g. for "
    "GitHub code scanning); junit (JUnit XML test report).",
)
@_output_option
@encoding_option
@click.option(
    "--rule",
    "rules",
    type=click.Choice(list(RULES)),
    multiple=True,
    help="A rule to enforce (repeat for several; default: all). duplicate: the new "
    "article is (nearly) all shared text; uncredited: it is derived from another without "
    "crediting its outlet or wire; containment: much of it is shared.",
)
@click.option(
    "--duplicate-threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_POLICY.duplicate_threshold,
    show_default=True,
    help="Share of a new article's text shared with one other that makes it a duplicate.",
)
@click.option(
    "--containment-threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_POLICY.containment_threshold,
    show_default=True,
    help="Share of a new article's text shared with one other that breaks the containment rule.",
)
def check_command(
    paths: tuple[str, ...],
    index: str,
    baseline: str | None,
    write_baseline: str | None,
    no_update: bool,
    fmt: str,
    output: str,
    encoding: str,
    rules: tuple[str, ...],
    duplicate_threshold: float,
    containment_threshold: float,
) -> None:
    """Check new articles against an index of known ones: the CI gate.

    Reads the articles under PATH..., compares them with INDEX and with each
    other, reports the findings, then adds them to INDEX (unless
    --no-update). A finding is a new article that duplicates another, copies
    one without credit, or shares much of its text with one (see --rule).

    Examples:

    \b
        syndetect check feeds/today/ --index archive.db
        syndetect check feeds/ --index archive.db --baseline accepted.json -f sarif -o out.sarif

    Exit status: 0 when no finding violates the policy (beyond the baseline),
    1 when some do, 2 on a usage, input or index error.
    """
    policy = Policy(
        rules=frozenset(cast("tuple[Rule, ...]", rules) or RULES),
        duplicate_threshold=duplicate_threshold,
        containment_threshold=containment_threshold,
    )
    with errors():
        documents = read_documents(paths, encoding=encoding)
        accepted = read_baseline(baseline) if baseline else frozenset()
        with open_index(index, create=True) as store:
            result = check(store, documents, policy=policy, baseline=accepted, update=not no_update)
    write_output(output, render_check(result, fmt))
    if write_baseline:
        write_output(write_baseline, baseline_text(result.findings))
    if result.failed:
        sys.exit(EXIT_FINDINGS)
