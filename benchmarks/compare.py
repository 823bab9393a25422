"""Side-by-side benchmark: syndetect against the pipelines a user would write instead.

    python benchmarks/compare.py --docs 10000
    python benchmarks/compare.py --docs 1000 --only datasketch,floor,syndetect --json out.json

On one corpus from ``benchmarks/generate.py`` (generated once per size and
seed, then reused from the cache folder), each pipeline runs in its own
process, one after the other:

``datasketch``, ``datasketch-update``, ``rensa``, ``floor``
    The baselines of ``benchmarks/baselines.py``: the idiomatic datasketch
    pipeline with ``update_batch`` and with per-shingle ``update``, rensa's
    ``RMinHash`` + ``RMinHashLSH`` (skipped when rensa is not installed), and
    the floor, syndetect's reader + word tokeniser alone.
``syndetect``
    ``syndetect scan docs.jsonl --format json -o FILE`` through the CLI: the
    complete report (candidates, alignment, direction, clusters).

The baselines stop at candidate pairs: they align nothing and say nothing of
who copied whom. Their "pairs" are LSH candidate pairs, syndetect's are
reported pairs; recall is against every pair of ``truth.json``.

Seconds are the wall time of the pipeline's process, from start to exit (the
interpreter, imports and reading included). Peak RSS is that process's own
``ru_maxrss`` as ``os.wait4`` returns it (what ``/usr/bin/time`` prints); the
sum of RSS over the process and its descendants, sampled every 0.25 s, is
recorded as well and shown when a pipeline runs worker processes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from baselines import BASELINES, Outcome, Pair, run_baseline  # noqa: E402

PIPELINES = (*BASELINES, "syndetect")
DEFAULT_THRESHOLD = 0.5
SAMPLE_SECONDS = 0.25
RSS_METHOD = (
    "peak_rss_mb: ru_maxrss of the pipeline's own process from os.wait4 (kernel high-water "
    "mark; with worker processes, the largest of the process and its descendants, not their "
    "sum). tree_rss_mb: sum of VmRSS over the process and its descendants, sampled every "
    f"{SAMPLE_SECONDS} s (pages shared between processes counted once per process)."
)
# Issue 5's speed targets: (baseline, syndetect must be at least this many times
# faster than it; a bound under 1 allows syndetect to be that much slower).
TARGETS = (
    ("datasketch", 10.0, "syndetect >= 10x faster than the idiomatic datasketch pipeline"),
    ("rensa", 1.5, "syndetect >= 1.5x faster than the rensa pipeline"),
    ("floor", 0.5, "syndetect within 2x of the time of the read + tokenise floor"),
)


@dataclass(frozen=True)
class Measurement:
    """One pipeline's figures in one run."""

    pipeline: str
    seconds: float
    cpu_seconds: float
    articles: int
    articles_per_s: float
    peak_rss_mb: float
    tree_rss_mb: float
    processes: int
    pairs: int | None = None
    true_pairs_found: int | None = None
    recall: float | None = None
    time_vs_syndetect: float | None = None
    details: dict[str, Any] = field(default_factory=dict)


# --- one pipeline in this process, one run of the whole comparison -------------------


def _run_one(name: str, docs: Path, threshold: float, result: Path) -> None:
    outcome = run_baseline(name, docs, threshold)
    with result.open("w", encoding="utf-8") as handle:
        head = {"articles": outcome.articles, "pairs": outcome.pairs is not None}
        json.dump({**head, "details": outcome.details}, handle)
        handle.write("\n")
        for a, b in sorted(outcome.pairs or ()):
            handle.write(f"{a}\t{b}\n")
    sys.stdout.flush()
    os._exit(0)  # skip tearing down every sketch: the pipeline is done


def _read_result(path: Path) -> Outcome:
    with path.open(encoding="utf-8") as handle:
        head = json.loads(handle.readline())
        pairs = frozenset((a, b) for a, b in (line.rstrip("\n").split("\t") for line in handle))
    return Outcome(head["articles"], pairs if head["pairs"] else None, head["details"])


def _read_report(path: Path) -> Outcome:
    report = json.loads(path.read_text(encoding="utf-8"))
    pairs = frozenset(
        (min(p["source"], p["derived"]), max(p["source"], p["derived"])) for p in report["pairs"]
    )
    return Outcome(len(report["documents"]), pairs, {})


# --- measuring a process -------------------------------------------------------------


def _ppids() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _tree_rss(root: int) -> tuple[int, int]:
    """Summed VmRSS (bytes) and count of ``root`` and its live descendants."""
    parents = _ppids()
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total * os.sysconf("SC_PAGE_SIZE"), len(tree)


@dataclass(frozen=True)
class ProcessStats:
    """What one process cost: wall and CPU seconds (user + system, its reaped
    descendants included), peak RSS (wait4) and sampled tree RSS in MB, and the
    most processes seen at once."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    tree_rss_mb: float
    processes: int


def measure_process(command: Sequence[str], env: dict[str, str]) -> ProcessStats:
    """Run ``command`` and measure it. Raises RuntimeError if it fails."""
    peak = [0, 1]
    done = threading.Event()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                if Path(f"/proc/{proc.pid}").exists():
                    rss, count = _tree_rss(proc.pid)
                    peak[0], peak[1] = max(peak[0], rss), max(peak[1], count)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{tail}")
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    cpu = usage.ru_utime + usage.ru_stime
    return ProcessStats(seconds, cpu, peak_mb, max(peak[0] / 2**20, peak_mb), peak[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def scan_options(env: dict[str, str]) -> set[str]:
    """The options of ``syndetect scan`` among ``--jobs`` and ``--quiet``."""
    out = subprocess.run(
        [sys.executable, "-m", "syndetect", "scan", "--help"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return {opt for opt in ("--jobs", "--quiet") if re.search(rf"{opt}\b", out)}


def measure(
    name: str, corpus: Path, work: Path, *, threshold: float, scan_args: Sequence[str] = ()
) -> tuple[ProcessStats, Outcome]:
    """Run pipeline ``name`` on ``corpus/docs.jsonl`` in a process of its own
    (``scan_args``: extra options of ``syndetect scan``)."""
    env, docs = _env(), corpus / "docs.jsonl"
    result = work / f"{name}.out"
    if name == "syndetect":
        command = [sys.executable, "-m", "syndetect", "scan", str(docs)]
        command += ["--format", "json", "-o", str(result), *scan_args]
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--run-one", name]
        command += ["--corpus", str(corpus), "--threshold", str(threshold), "--result", str(result)]
    stats = measure_process(command, env)
    if name == "syndetect":
        report = _read_report(result)
        command = ["syndetect", "scan", "docs.jsonl", "--format", "json", "-o", "REPORT"]
        outcome = Outcome(report.articles, report.pairs, {"command": [*command, *scan_args]})
    else:
        outcome = _read_result(result)
    result.unlink()
    return stats, outcome


# --- the run -------------------------------------------------------------------------


def truth_pairs(corpus: Path) -> frozenset[Pair]:
    """Every pair of ``truth.json``, ids in sorted order."""
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    return frozenset(
        (min(p["source"], p["derived"]), max(p["source"], p["derived"])) for p in truth["pairs"]
    )


def corpus_dir(docs: int, seed: int, corpus: Path | None, cache: Path) -> Path:
    """The corpus folder, generated with ``benchmarks/generate.py`` unless it holds one."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate  # type: ignore[import-not-found]

    target = corpus or cache / f"docs{docs}-seed{seed}-v{generate.GENERATOR_VERSION}"
    if (target / "docs.jsonl").is_file() and (target / "truth.json").is_file():
        return target
    print(f"generating {docs} articles (seed {seed}) in {target}", file=sys.stderr, flush=True)
    partial = target.with_name(target.name + f".partial-{os.getpid()}")
    generate.write_corpus(partial, docs, seed=seed)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():  # an empty or incomplete folder
        for child in target.iterdir():
            child.unlink()
        target.rmdir()
    partial.rename(target)
    return target


def machine() -> dict[str, Any]:
    """CPU, cores, memory, Python and library versions, and the commit measured."""
    cpu = platform.processor() or platform.machine()
    meminfo: dict[str, str] = {}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = dict(
            line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines()
        )
    except OSError:
        pass
    versions = {}
    for package in (
        "syndetect",
        "datasketch",
        "rensa",
        "numpy",
        "numba",
        "xxhash",
        "rapidfuzz",
    ):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    git = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "memory_gb": round(int(meminfo.get("MemTotal", "0 kB").split()[0]) / 2**20, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        # syndetect's compiled loops: numba installed and SYNDETECT_PURE_PYTHON unset
        "compiled_loops": versions["numba"] is not None
        and not os.environ.get("SYNDETECT_PURE_PYTHON"),
        "syndetect_source": str(ROOT),
        "syndetect_commit": git or None,
    }


def compare(
    corpus: Path, names: Sequence[str], *, threshold: float, scan_args: Sequence[str] = ()
) -> list[Measurement]:
    """Measure each pipeline of ``names`` on ``corpus``, in order, each in a
    process of its own (``scan_args``: extra options of ``syndetect scan``)."""
    truth = truth_pairs(corpus)
    raw: dict[str, tuple[ProcessStats, Outcome]] = {}
    with tempfile.TemporaryDirectory(prefix="syndetect-compare-") as work:
        for name in names:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            raw[name] = measure(name, corpus, Path(work), threshold=threshold, scan_args=scan_args)
    reference = raw["syndetect"][0].seconds if "syndetect" in raw else None
    results = []
    for name, (stats, outcome) in raw.items():
        found = None if outcome.pairs is None else len(outcome.pairs & truth)
        results.append(
            Measurement(
                pipeline=name,
                seconds=round(stats.seconds, 3),
                cpu_seconds=round(stats.cpu_seconds, 3),
                articles=outcome.articles,
                articles_per_s=round(outcome.articles / stats.seconds, 1),
                peak_rss_mb=round(stats.peak_rss_mb, 1),
                tree_rss_mb=round(stats.tree_rss_mb, 1),
                processes=stats.processes,
                pairs=None if outcome.pairs is None else len(outcome.pairs),
                true_pairs_found=found,
                recall=None if found is None or not truth else round(found / len(truth), 4),
                time_vs_syndetect=None
                if reference is None
                else round(stats.seconds / reference, 3),
                details=outcome.details,
            )
        )
    return results


def targets(results: Sequence[Measurement]) -> list[dict[str, Any]]:
    """The speed targets of issue 5 that this run can check: ``speedup`` is the
    baseline's time divided by syndetect's."""
    by_name = {m.pipeline: m for m in results}
    checks = []
    if "syndetect" in by_name:
        for baseline, bound, text in TARGETS:
            if baseline in by_name:
                speedup = by_name[baseline].seconds / by_name["syndetect"].seconds
                checks.append(
                    {
                        "target": text,
                        "baseline": baseline,
                        "required_speedup": bound,
                        "speedup": round(speedup, 3),
                        "met": speedup >= bound,
                    }
                )
    return checks


def _cell(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"


def table(results: Sequence[Measurement], n_truth: int) -> str:
    """The results as a Markdown table, with notes."""
    lines = [
        "| pipeline | seconds | CPU s | articles/s | time ÷ syndetect's | peak RSS MB | pairs "
        f"| recall ({n_truth:,} true pairs) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in results:
        lines.append(
            f"| {m.pipeline} | {_cell(m.seconds, 2)} | {_cell(m.cpu_seconds, 2)} "
            f"| {_cell(m.articles_per_s, 0)} "
            f"| {_cell(m.time_vs_syndetect, 2)} | {_cell(m.peak_rss_mb, 0)} | {_cell(m.pairs)} "
            f"| {_cell(m.recall, 3)} |"
        )
    for m in results:
        if m.processes > 1:
            lines.append(
                f"\n{m.pipeline} ran {m.processes} processes at once: their summed RSS "
                f"peaked at {m.tree_rss_mb:,.0f} MB (sampled)."
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, help="articles in the generated corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus")
    parser.add_argument("--corpus", type=Path, help="corpus folder (docs.jsonl + truth.json)")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--only", help=f"comma-separated pipelines among {','.join(PIPELINES)}")
    parser.add_argument(
        "--threshold", type=float, default=DEFAULT_THRESHOLD,
        help="Jaccard threshold of the baselines' LSH index",
    )  # fmt: skip
    parser.add_argument("--jobs", type=int, help="passed to syndetect scan --jobs")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "syndetect-bench",
        help="folder of generated corpora, reused across runs",
    )  # fmt: skip
    parser.add_argument("--run-one", choices=PIPELINES[:-1], help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_one:
        _run_one(args.run_one, args.corpus / "docs.jsonl", args.threshold, args.result)
    if args.docs is None and not (args.corpus and (args.corpus / "docs.jsonl").is_file()):
        parser.error("give --docs N, or --corpus with a generated corpus in it")
    names = list(PIPELINES)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        if unknown := sorted(set(names) - set(PIPELINES)):
            parser.error(f"unknown pipeline(s) {', '.join(unknown)}; choose among {PIPELINES}")
    if not 0 < args.threshold <= 1:
        parser.error("--threshold must be in (0, 1]")
    notes = []
    if "rensa" in names and importlib.util.find_spec("rensa") is None:
        names.remove("rensa")
        notes.append("rensa skipped: not installed (pip install rensa)")
    if not names:
        parser.error("no pipeline to run")
    scan_args: list[str] = []
    if "syndetect" in names:
        supported = scan_options(_env())
        if "--quiet" in supported:
            scan_args.append("--quiet")
        if args.jobs is not None:
            if "--jobs" not in supported:
                parser.error("this syndetect scan has no --jobs option")
            scan_args += ["--jobs", str(args.jobs)]
    corpus = corpus_dir(args.docs or 0, args.seed, args.corpus, args.cache)
    load_before = os.getloadavg()
    try:
        results = compare(corpus, names, threshold=args.threshold, scan_args=scan_args)
    except RuntimeError as exc:
        print(f"compare.py: {exc}", file=sys.stderr)
        return 1
    n_truth = len(truth_pairs(corpus))
    checks = targets(results)
    info = machine()
    info["load_average_1m"] = {"before": load_before[0], "after": os.getloadavg()[0]}
    print(
        f"\n{results[0].articles:,} articles ({corpus}), {info['cpu']}, {info['cores']} cores, "
        f"Python {info['python']}, load average {load_before[0]:.2f} before the run; "
        f"baselines' LSH threshold {args.threshold}\n"
    )
    print(table(results, n_truth))
    for check in checks:
        mark = "met" if check["met"] else "NOT met"
        print(
            f"- {check['target']}: {check['baseline']} time / syndetect time = "
            f"{check['speedup']:.2f}, needs >= {check['required_speedup']} ({mark})"
        )
    for note in notes:
        print(f"- {note}")
    if args.json:
        document = {
            "schema": "syndetect/compare/1",
            "machine": info,
            "corpus": {"path": str(corpus), "docs": results[0].articles, "seed": args.seed},
            "true_pairs": n_truth,
            "threshold": args.threshold,
            "scan_options": scan_args,
            "rss_method": RSS_METHOD,
            "seconds_method": "wall time of the pipeline's process, start to exit; cpu_seconds: "
            "its user + system time, reaped descendants included",
            "results": [asdict(m) for m in results],
            "targets": checks,
            "notes": notes,
        }
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
