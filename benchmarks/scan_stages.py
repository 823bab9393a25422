"""Time each stage of one scan, with the process's memory as it goes.

    python benchmarks/scan_stages.py gen30k/docs.jsonl --jobs 2
    python benchmarks/scan_stages.py gen10k/docs.jsonl --jobs 1 --set sentence_perm=16 \\
        --set document_threshold=0.1 --json report.json

Prints, at the start and end of every stage ``syndetect.scan`` reports through its
``progress`` callback (prepare, candidates, align), the wall-clock seconds since the
scan began, this process's CPU seconds and resident memory; then the peak RSS. The
documents are read as the scan goes, as ``syndetect scan`` reads them.
``--set NAME=VALUE`` overrides a scan option (also those without a CLI flag);
``--json FILE`` writes the report, as ``syndetect scan --format json`` would;
``--candidates`` only counts the candidate pairs the scan would align.
"""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace
from pathlib import Path

import syndetect
from syndetect.options import DEFAULT_OPTIONS
from syndetect.pipeline import candidate_pairs
from syndetect.shingle import prepare


def _rss_mb() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 2**20


def option_changes(items: list[str]) -> dict[str, int | float]:
    """``NAME=VALUE`` settings as scan option overrides, each of its option's type."""
    changes: dict[str, int | float] = {}
    for item in items:
        name, _, text = item.partition("=")
        changes[name] = type(getattr(DEFAULT_OPTIONS, name))(text)
    return changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="what syndetect scan would read")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--candidates", action="store_true", help="only count the candidate pairs")
    args = parser.parse_args()
    changes = option_changes(args.set)

    if args.candidates:
        documents = list(syndetect.read_paths(args.paths))
        print(f"read {len(documents)} documents, RSS {_rss_mb()} MB", flush=True)
        options = replace(DEFAULT_OPTIONS, **changes)
        prepared = [prepare(d, options) for d in sorted(documents, key=lambda d: d.id)]
        _, candidates = candidate_pairs(prepared, options, jobs=args.jobs)
        print(f"{len(candidates)} candidate pairs")
        return
    print(f"before reading, RSS {_rss_mb()} MB", flush=True)
    wall, cpu = time.perf_counter(), time.process_time()
    last: list[tuple[str, int, int]] = []

    def show(stage: str, done: int, total: int) -> None:
        print(
            f"{stage:<10} {done:>9}/{total or '?':<9} {time.perf_counter() - wall:8.1f} s"
            f" {time.process_time() - cpu:8.1f} CPU s  RSS {_rss_mb()} MB",
            flush=True,
        )

    def progress(stage: str, done: int, total: int) -> None:
        # The documents are read as a stream: the prepare stage's total is not
        # known, so a stage's end is also shown when the next one starts.
        if last and last[-1][0] != stage and last[-1][1] != last[-1][2]:
            show(*last[-1])
        if not last or last[-1][0] != stage or done == total:
            show(stage, done, total)
        last[:] = [(stage, done, total)]

    documents = syndetect.read_paths(args.paths)  # read as the scan goes, as the CLI does
    report = syndetect.scan(documents, jobs=args.jobs, progress=progress, **changes)
    print(
        f"done: {len(report.pairs)} pairs in {time.perf_counter() - wall:.1f} s; peak RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB (this process)"
    )
    if args.json:
        args.json.write_text(report.to_json(), encoding="utf-8")


if __name__ == "__main__":
    main()
