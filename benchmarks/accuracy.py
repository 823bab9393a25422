"""Accuracy of syndetect on every labelled corpus available, as a Markdown table.

    python benchmarks/accuracy.py                      # seeds + shared corpora
    python benchmarks/accuracy.py --generated 2000     # plus a generated corpus
    python benchmarks/accuracy.py --json results.json
    python benchmarks/accuracy.py --set sentence_perm=16     # with other scan options

The shared corpora are read from ../shared/corpora/ (or the folder the
environment variable SYNDETECT_CORPORA names) when present (they are not
redistributed with syndetect). The figures in docs/accuracy.md come from here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

import syndetect
from syndetect.corpora import Corpus, load_clough_stevenson, load_pan13

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scan_stages import option_changes  # noqa: E402

from tests.helpers import SEED_TRUTH, exact_span  # noqa: E402

SHARED = Path(os.environ.get("SYNDETECT_CORPORA") or ROOT.parent / "shared" / "corpora")
MEASURES = (
    "pair_precision", "pair_recall", "pair_f1", "direction_accuracy", "undetermined_rate",
    "direction_accuracy_dated", "common_source_undetermined",
    "passage_precision", "passage_recall", "granularity", "plagdet",
    "hard_negative_fp_rate", "cluster_ari",
)  # fmt: skip


def seeds() -> Corpus:
    docs = tuple(syndetect.read_paths([ROOT / "examples" / "seeds"]))
    texts = {d.id: d.text for d in docs}
    src, der = "003_962932a17c688422", "001_a26ea54cb45c7aeb"
    passages = []
    for in_source, in_derived in SEED_TRUTH:
        s0, s1 = exact_span(texts[src], in_source)
        d0, d1 = exact_span(texts[der], in_derived)
        passages.append(
            {"source_start": s0, "source_end": s1, "derived_start": d0, "derived_end": d1}
        )
    truth = {
        "schema": "syndetect/truth/1",
        "pairs": [{"source": src, "derived": der, "passages": passages}],
        "negatives": [
            {"a": a, "b": b} for a, b in combinations(sorted(texts), 2) if {a, b} != {src, der}
        ],
    }
    return Corpus("seeds", docs, truth, {})


def generated(n_docs: int, seed: int) -> Corpus:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate  # type: ignore[import-not-found]

    records, truth = generate(n_docs, seed=seed)
    docs = tuple(
        syndetect.Document(
            r["id"], r["text"], title=r.get("title"), date=r.get("date"),
            url=r.get("url"), outlet=r.get("outlet"),
        )
        for r in records
    )  # fmt: skip
    return Corpus(f"generated-{n_docs}-seed{seed}", docs, truth, {})


def run(corpus: Corpus, changes: dict[str, int | float]) -> dict[str, Any]:
    start = time.perf_counter()
    report = syndetect.scan(corpus.documents, **changes).to_dict()
    seconds = time.perf_counter() - start
    result: dict[str, Any] = syndetect.evaluate(corpus.truth, report).to_dict()
    # direction where both articles of a true pair carry a date
    dated = {d.id for d in corpus.documents if d.date}
    both = [p for p in corpus.truth["pairs"] if p["source"] in dated and p["derived"] in dated]
    result["direction_accuracy_dated"] = syndetect.evaluate(
        {**corpus.truth, "pairs": both, "negatives": []}, report
    ).direction_accuracy
    result.update(corpus=corpus.name, documents=len(corpus.documents), seconds=round(seconds, 2))
    if corpus.categories:
        found = {frozenset((p["source"], p["derived"])) for p in report["pairs"]}
        hits, totals = Counter[str](), Counter[str]()
        for answer, category in corpus.categories.items():
            totals[category] += 1
            hits[category] += frozenset((f"orig_task{answer[-1]}", answer)) in found
        result["categories"] = {c: f"{hits[c]}/{totals[c]}" for c in sorted(totals)}
    return result


def _cell(value: object) -> str:
    return "n/a" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--generated", type=int, default=0, help="also a generated corpus of N docs"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a scan option"
    )
    args = parser.parse_args()
    changes = option_changes(args.set)
    loaders: list[Callable[[], Corpus]] = [seeds]
    for name, load in (("clough-stevenson", load_clough_stevenson), ("pan13-dev", load_pan13)):
        if (SHARED / name).is_dir():
            loaders.append(lambda load=load, name=name: load(SHARED / name))  # type: ignore[misc]
        else:
            print(f"skipping {name}: not found in {SHARED}", file=sys.stderr)
    if args.generated:
        loaders.append(lambda: generated(args.generated, args.seed))
    results = [run(load(), changes) for load in loaders]
    print("| measure | " + " | ".join(r["corpus"] for r in results) + " |")
    print("|---" * (len(results) + 1) + "|")
    for key in ("documents", "seconds", *MEASURES):
        print(f"| {key} | " + " | ".join(_cell(r[key]) for r in results) + " |")
    for r in results:
        if "categories" in r:
            print(f"\n{r['corpus']} pairs found by category: {r['categories']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
