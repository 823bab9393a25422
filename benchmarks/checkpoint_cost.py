"""What checkpointing the adds to a SQLite index costs: adds of one article
each, the write-ahead log copied into the index file every ``--every`` adds.

    python benchmarks/checkpoint_cost.py --index 100k.db --docs 100000 --probes 300

Reuses an index built by ``bench_index.py`` (the ``--docs``, ``--probes`` and
``--seed`` of its build): the first ``--adds`` of its probes are added one at
a time, with the index's own checkpoints (its thread and the writer's
automatic one) turned off, and a PASSIVE checkpoint is run after every
``--every`` adds and timed. Prints, per ``--every``, the add time, the
checkpoint time per add and the log pages written per add. The added articles
are removed again after each round.

An add changes pages all over the index; the checkpoint writes each changed
page once however many adds changed it, and syncs the file once, so
checkpointing several adds together costs less per add. Whatever the index's
policy, the checkpoint work per add bounds how many adds a second the disk
sustains.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_index import reuse  # noqa: E402

from syndetect.store import open_index  # noqa: E402
from syndetect.store.sqlite import SQLiteStore  # noqa: E402


class _NoCheckpoints:
    """Stands in for the index's checkpoint thread: asked, does nothing."""

    def request(self) -> None:
        pass

    def close(self) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, help="an index built by bench_index.py")
    parser.add_argument("--docs", type=int, required=True, help="articles in the index")
    parser.add_argument("--probes", type=int, required=True, help="probes of its build")
    parser.add_argument("--seed", type=int, default=1, help="seed of its build")
    parser.add_argument("--adds", type=int, default=48, help="articles added per round")
    parser.add_argument("--every", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args(argv)

    store = open_index(args.index)
    if not isinstance(store, SQLiteStore):
        parser.error(f"{args.index} is not a SQLite index")
    try:
        probes = reuse(store, args.docs, args.probes, args.seed)[: args.adds]
    except ValueError as exc:
        store.close()
        parser.error(f"{args.index}: {exc}")
    conn = store._conn
    conn.execute("PRAGMA wal_autocheckpoint=0")
    store._checkpointer = _NoCheckpoints()  # type: ignore[assignment]
    print("| adds per checkpoint | add ms (mean) | checkpoint ms per add | log pages per add |")
    print("|---:|---:|---:|---:|")
    try:
        for every in args.every:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            adding = checkpointing = 0.0
            pages = 0
            for n, doc in enumerate(probes, 1):
                t = time.perf_counter()
                store.add([doc])
                adding += time.perf_counter() - t
                if n % every == 0 or n == len(probes):
                    t = time.perf_counter()
                    _, log, _ = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    checkpointing += time.perf_counter() - t
                    pages += log
            store.remove([d.id for d in probes])
            k = len(probes)
            print(
                f"| {every} | {adding * 1000 / k:.1f} | {checkpointing * 1000 / k:.1f} "
                f"| {pages / k:.0f} |",
                flush=True,
            )
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
