"""The baseline pipelines of ``benchmarks/compare.py``: what a user would write
instead of syndetect, each as plainly as its library's documentation shows.

``datasketch``
    Read the JSONL, lowercase, split with ``re.findall(r"\\w+")``, take the
    set of word 4-grams, one ``MinHash(num_perm=256)`` per article fed with
    ``update_batch``, then a ``MinHashLSH(threshold=...)``: insert every
    article, query every article.
``datasketch-update``
    The same, feeding the shingles one at a time with ``MinHash.update``.
``rensa``
    The same shingles, ``RMinHash`` signatures made in one batch call
    (``RMinHash.from_token_sets``) and an ``RMinHashLSH`` (insert all, query
    all) with as many bands as rensa's own LSH benchmark would choose.
``floor``
    Read with syndetect's reader and split every text into normalised words
    (``syndetect.normalize.words``): no pure-Python pipeline that reads and
    tokenises the same text the same way can be faster.

They stop at candidate pairs: they align nothing and say nothing of who
copied whom. Each imports its library when it runs, so that a process running
one pipeline loads only what that pipeline needs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["BASELINES", "Outcome", "run_baseline", "shingle_set"]

BASELINES = ("datasketch", "datasketch-update", "rensa", "floor")
NUM_PERM = 256
SHINGLE_WORDS = 4
RENSA_SEED = 42

Pair = tuple[str, str]


@dataclass(frozen=True)
class Outcome:
    """What one pipeline produced: articles read and pairs found (None: no pairs)."""

    articles: int
    pairs: frozenset[Pair] | None
    details: dict[str, Any] = field(default_factory=dict)


def records(path: Path) -> Iterator[dict[str, Any]]:
    """The JSONL records of ``path``, read line by line."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


_WORD = re.compile(r"\w+")


def shingle_set(text: str) -> set[str]:
    """Word 4-grams of ``text`` as a user would write them: lowercase, ``\\w+``."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _pairs(ids: Sequence[str], candidates: Iterator[tuple[int, Sequence[int]]]) -> frozenset[Pair]:
    found: set[Pair] = set()
    for i, others in candidates:
        for j in others:
            if j != i:
                a, b = sorted((ids[i], ids[int(j)]))
                found.add((a, b))
    return frozenset(found)


def run_datasketch(docs: Path, threshold: float, batch: bool = True) -> Outcome:
    """The idiomatic datasketch pipeline (``batch=False``: per-shingle ``update``)."""
    from datasketch import MinHash, MinHashLSH

    ids: list[str] = []
    sketches: list[Any] = []
    for record in records(docs):
        sketch = MinHash(num_perm=NUM_PERM)
        if batch:
            sketch.update_batch([s.encode("utf-8") for s in shingle_set(record["text"])])
        else:
            for shingle in shingle_set(record["text"]):
                sketch.update(shingle.encode("utf-8"))
        ids.append(record["id"])
        sketches.append(sketch)
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for i, sketch in enumerate(sketches):
        lsh.insert(i, sketch, check_duplication=False)
    pairs = _pairs(ids, ((i, lsh.query(s)) for i, s in enumerate(sketches)))
    bands, rows = lsh.b, lsh.r
    return Outcome(len(ids), pairs, {"threshold": threshold, "bands": bands, "rows": rows})


def rensa_bands(threshold: float, num_perm: int) -> int:
    """Bands as rensa's own LSH benchmark picks them: the divisor of ``num_perm``
    whose collision probability at ``threshold`` is closest to 1/2."""
    divisors = [b for b in range(1, num_perm + 1) if num_perm % b == 0]
    return min(divisors, key=lambda b: abs(1 - (1 - threshold ** (num_perm // b)) ** b - 0.5))


def run_rensa(docs: Path, threshold: float) -> Outcome:
    """The rensa pipeline: batch ``RMinHash`` signatures, ``RMinHashLSH`` insert and query."""
    from rensa import RMinHash, RMinHashLSH

    ids: list[str] = []
    shingles: list[list[str]] = []
    for record in records(docs):
        ids.append(record["id"])
        shingles.append(list(shingle_set(record["text"])))
    sketches = RMinHash.from_token_sets(shingles, num_perm=NUM_PERM, seed=RENSA_SEED)
    del shingles
    bands = rensa_bands(threshold, NUM_PERM)
    try:  # rensa > 0.5 ties an index to the seed of its sketches
        lsh = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=bands, seed=RENSA_SEED)
    except TypeError:
        lsh = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=bands)
    lsh.insert_many(sketches)
    pairs = _pairs(ids, enumerate(lsh.query_all(sketches)))
    details = {"threshold": threshold, "bands": bands, "rows": NUM_PERM // bands}
    return Outcome(len(ids), pairs, details)


def run_floor(docs: Path) -> Outcome:
    """Read with syndetect's reader and split every text into normalised words."""
    import syndetect
    from syndetect.normalize import words

    articles = total = 0
    for document in syndetect.read_paths([docs]):
        total += len(words(document.text))
        articles += 1
    return Outcome(articles, None, {"words": total})


def run_baseline(name: str, docs: Path, threshold: float) -> Outcome:
    """Run baseline ``name`` on the JSONL file ``docs`` in this process."""
    if name == "datasketch":
        return run_datasketch(docs, threshold)
    if name == "datasketch-update":
        return run_datasketch(docs, threshold, batch=False)
    if name == "rensa":
        return run_rensa(docs, threshold)
    if name == "floor":
        return run_floor(docs)
    raise ValueError(f"no baseline {name!r}; choose among {BASELINES}")
