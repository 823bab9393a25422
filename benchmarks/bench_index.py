"""Latency of the persistent index: add and query of one article (p50/p99)
against an index of N articles, as ``syndetect check`` does per new item.

    python benchmarks/bench_index.py --docs 10000 --probes 200
    python benchmarks/bench_index.py --docs 100000 --probes 300 --index /tmp/100k.db

The articles come from ``benchmarks/generate.py`` (wire stories, copies of many
kinds, same-topic distractors). The first N are added in batches to a fresh
SQLite index; each of the following ``--probes`` articles is then queried
against the index and added to it, one at a time, and both steps are timed.
With ``--index`` an existing index is reused (its build is not timed again):
it must hold the first N articles of the same corpus (``--docs``, ``--probes``
and ``--seed`` of its build: the generator makes another corpus for another
total), and the probes a previous run added to it are removed first.
Target of issue 6: add + query of one article <= 50 ms p99.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from statistics import quantiles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

import syndetect  # noqa: E402
from syndetect.store import IndexStore, create_index, open_index  # noqa: E402

_FIELDS = ("id", "text", "title", "date", "url", "outlet")


def documents(n: int, seed: int) -> list[syndetect.Document]:
    records, _ = generate(n, seed=seed)
    return [syndetect.Document(**{k: r[k] for k in _FIELDS if k in r}) for r in records]


def reuse(store: IndexStore, docs: int, probes: int, seed: int) -> list[syndetect.Document]:
    """The probes of an index built by this script (``docs``, ``probes`` and
    ``seed`` of its build), those an earlier run added removed from it.

    Raises:
        ValueError: The index holds other articles than those of its build
            and its probes (another corpus).
    """
    generated = documents(docs + probes, seed)
    base, extra = generated[:docs], generated[docs:]
    held = set(store.ids())
    known = {d.id for d in base}
    again = [d.id for d in extra if d.id in held]
    if not known <= held or len(held) != len(known) + len(again):
        raise ValueError(
            f"it does not hold the first {docs} of {docs + probes} articles generated with "
            f"seed {seed}: pass the --docs, --probes and --seed of its build"
        )
    if again:  # added by an earlier run
        store.remove(again)
        print(f"removed the {len(again)} probes an earlier run added", flush=True)
    return extra


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0]
    return quantiles(values, n=100, method="inclusive")[p - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="articles in the index")
    parser.add_argument("--probes", type=int, default=200, help="articles queried and added")
    parser.add_argument("--batch", type=int, default=1000, help="add batch size of the build")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--index", help="index file (default: a temporary one, deleted after)")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    path = Path(args.index or f"/tmp/syndetect-bench-{os.getpid()}.db")
    build_rate = None
    if path.exists():
        store = open_index(path)
        try:
            probes = reuse(store, args.docs, args.probes, args.seed)
        except ValueError as exc:
            store.close()
            parser.error(f"{path}: {exc}")
        print(f"generated the corpus in {time.perf_counter() - t:.1f} s", flush=True)
    else:
        docs = documents(args.docs + args.probes, args.seed)
        base, probes = docs[: args.docs], docs[args.docs :]
        print(f"generated {len(docs)} articles in {time.perf_counter() - t:.1f} s", flush=True)
        store = create_index(path)
        t = time.perf_counter()
        for i in range(0, len(base), args.batch):
            store.add(base[i : i + args.batch])
            done = min(i + args.batch, len(base))
            print(f"  built {done}/{len(base)}", end="\r", file=sys.stderr, flush=True)
        build_rate = len(base) / (time.perf_counter() - t)
        print(f"built the index: {build_rate:.0f} articles/s", flush=True)

    query_ms: list[float] = []
    add_ms: list[float] = []
    pairs = 0
    try:
        for doc in probes:
            t0 = time.perf_counter()
            report = store.query([doc])
            t1 = time.perf_counter()
            store.add([doc])
            t2 = time.perf_counter()
            query_ms.append((t1 - t0) * 1000)
            add_ms.append((t2 - t1) * 1000)
            pairs += len(report.pairs)
        stats = store.stats()
    finally:
        store.close()
        if not args.index:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    total_ms = [q + a for q, a in zip(query_ms, add_ms, strict=True)]
    print()
    print(
        f"index: {args.docs} articles (+{len(probes)} probes), "
        f"{stats.size_bytes / 1e6:.0f} MB, {pairs} pairs found by the probes"
    )
    print("| step (one article)  |  p50 ms |  p99 ms | mean ms |")
    print("|---------------------|--------:|--------:|--------:|")
    for name, values in (("query", query_ms), ("add", add_ms), ("query + add", total_ms)):
        mean = sum(values) / len(values)
        print(
            f"| {name:<19} | {percentile(values, 50):7.1f} | {percentile(values, 99):7.1f} "
            f"| {mean:7.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
