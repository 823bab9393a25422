"""Synthetic news corpus with known syndication ground truth.

``python benchmarks/generate.py --docs N --seed S --out DIR`` writes
``DIR/docs.jsonl`` (the JSONL input format of ``docs/report.md``) and
``DIR/truth.json`` (schema ``syndetect/truth/1``); :func:`generate` returns the
same records and truth in memory, and :func:`iter_corpus` streams them. Pure
Python, deterministic by seed (same seed and options give byte-identical
files; every topic has its own random generator, seeded by the seed and the
topic number), written line by line. 100,000 articles (~400 MB) take about
40 s of CPU time.

What the corpus holds
=====================

Articles come in **topics**: one news event (a country, its cities, three or
four named people, a company or region, key numbers, a key phrase and, in some
domains, the event's own product, court case or site, such as "the Altaris
Retail factory in Addis Ababa", named in several ways) in one of ten domains (conflict, economy,
election, disaster, business, courts, health, energy, labour, technology).
Text comes from a combinatorial sentence grammar (frames × domain phrases with
inline alternatives ``<a|b>`` and interchangeable words × entities × numbers ×
dates × quotes), so two articles written independently share names and
vocabulary but rarely sentences. They do share stock phrases, as news does
("did not respond to a request for comment", "spoke on condition of
anonymity"), and names with titles ("Foreign Minister Anna Kovalenko said on
Monday"). In 1,000 articles (seed 1), 0.5% of the pairs on different events
hold an identical run of 8 words outside site furniture (0.2% of the pairs on
different domains, 3% of the pairs on different events of one domain);
articles written independently on the same event share more (29%: names,
places, the event's phrases and short quotes).

Documents are written in topic order and shuffled through a buffer of
``shuffle_buffer`` records. Ids are 16 hex digits, a bijective mix of the
document's index: unique by construction and saying nothing about the truth.

Default mix (keyword arguments of :func:`generate`):

==============================  =======  ====================================
share of documents              default  what it is
==============================  =======  ====================================
``wire_fraction``               40%      wire/original stories (Reuters, AFP,
                                         AP, ...), 400-900 words in 8-25
                                         paragraphs, often with a dateline
                                         (``MOSCOW (Reuters) -``) and sign-off
``derived_fraction``            35%      copies of wire stories (kinds below)
``distractor_fraction``         25%      independent articles on a wire's
                                         topic by other outlets: the hard
                                         negatives
==============================  =======  ====================================

Derived kinds (``derived_mix``, shares of the derived documents):

==========  =======  ==========================================================
kind        default  what it is
==========  =======  ==========================================================
reprint     24%      the whole wire story (sometimes trimmed at the end)
partial     22%      one or two runs of consecutive wire paragraphs inside the
                     outlet's own, independently written text
shuffled    12%      the wire's sentences in another order, usually one
                     sentence per line and apostrophes stripped
edited      14%      the whole story with a word inserted, deleted or replaced
                     about every 20 words
merged      8%       paragraphs of two wire stories on the same event ("with
                     AFP and Reuters"); both wires are sources
chain       20%      a copy of another copy (A -> B -> C), often "via <B>"
==========  =======  ==========================================================

On top of its kind, each copy may get: apostrophes stripped ("Russia's" ->
"Russias"), quotes turned straight <-> curly, light word edits, site chrome
("You are here", "Share this article", newsletter footer, headline repeated,
advertisements between paragraphs, a date and URL line), a layout (blank-line
paragraphs, one paragraph per line, one sentence per line, hard-wrapped lines)
and a credit ("(Reuters)", "via <outlet>", "with AFP and Reuters").
Outlets behave consistently: each has its own chrome, preferred layout and
quote/apostrophe habits, and runs a story once (never two copies of one
wire). ``undated_fraction`` (15%) of the records have no ``date``; copies are
dated the same day as their source or later.

Ground truth
============

Every unit of text (sentence, dateline, headline) carries the identity of the
place it was first written. Two documents share a passage wherever they hold
units of the same identity, and one passage is each maximal run of such units
that is contiguous in both texts (only whitespace or punctuation between
them). Runs under 8 words are dropped. Offsets are end-exclusive character
offsets into the exact ``text`` written, computed on the final strings.

``truth["pairs"]`` lists, with passages, every pair sharing text, each with a
``relation``:

- ``copy``: ``derived`` copied ``source`` directly;
- ``chain``: ``derived`` copied a copy of ``source`` (A -> C of A -> B -> C);
- ``sibling``: both copied a common source (two reprints of one wire); the
  one published first is the ``source`` (its true time, which the record may
  not carry: an undated record can print its date in the text), by id when
  the times are equal.

``truth["negatives"]`` samples up to ``negatives_per_topic`` pairs per topic
written independently on the same event (no derivation, no shared unit of
text): wires of different agencies, distractors, copies of another wire of
the event. Extra fields: ``categories`` (document id -> kind: ``wire``,
``distractor`` or a derived kind), ``transforms`` (derived id -> the surface
changes applied), ``topics`` (document id -> event number: false positives
within an event are the topic-similarity trap, across events stock phrases)
and ``generator`` (the parameters).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgen.corpus import DEFAULT_DERIVED_MIX, GENERATOR_VERSION, Corpus

__all__ = ["DEFAULT_DERIVED_MIX", "GENERATOR_VERSION", "generate", "iter_corpus", "write_corpus"]


def iter_corpus(
    n_docs: int,
    *,
    seed: int = 0,
    wire_fraction: float = 0.40,
    derived_fraction: float = 0.35,
    distractor_fraction: float = 0.25,
    derived_mix: Mapping[str, float] | None = None,
    undated_fraction: float = 0.15,
    negatives_per_topic: int = 3,
    shuffle_buffer: int = 1000,
) -> tuple[Iterator[dict[str, Any]], Callable[[], dict[str, Any]]]:
    """Stream ``n_docs`` articles and their ground truth.

    Args:
        n_docs: Number of documents (exactly).
        seed: Same seed and options give the same corpus.
        wire_fraction: Share of wire/original stories.
        derived_fraction: Share of copies (of the kinds in ``derived_mix``).
        distractor_fraction: Share of independent same-topic articles.
        derived_mix: Shares of the derived kinds (``reprint``, ``partial``,
            ``shuffled``, ``edited``, ``merged``, ``chain``); default
            :data:`DEFAULT_DERIVED_MIX`.
        undated_fraction: Share of records without a ``date``.
        negatives_per_topic: Hard negatives sampled per topic.
        shuffle_buffer: Records held back to mix topics in the output order.

    Returns:
        An iterator of the JSONL records, and a function that returns the
        truth dict (schema ``syndetect/truth/1``) once the iterator is exhausted.
    """
    corpus = Corpus(
        n_docs,
        seed,
        wire_fraction,
        derived_fraction,
        distractor_fraction,
        DEFAULT_DERIVED_MIX if derived_mix is None else derived_mix,
        undated_fraction,
        negatives_per_topic,
        shuffle_buffer,
    )

    def truth() -> dict[str, Any]:
        if corpus.truth is None:
            raise RuntimeError("the records iterator is not exhausted yet")
        return corpus.truth

    return corpus.records(), truth


def generate(n_docs: int, **options: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Generate ``n_docs`` articles and their ground truth in memory.

    Args:
        n_docs: Number of documents (exactly).
        **options: The keyword arguments of :func:`iter_corpus` (``seed``,
            ``wire_fraction``, ``derived_mix`` and so on), with its defaults.

    Returns:
        The JSONL records and the truth dict (schema ``syndetect/truth/1``).
    """
    records, truth = iter_corpus(n_docs, **options)
    docs = list(records)
    return docs, truth()


def write_corpus(
    outdir: str | Path, n_docs: int, *, seed: int = 0, **options: Any
) -> dict[str, Any]:
    """Write ``docs.jsonl`` (line by line) and ``truth.json`` into ``outdir``."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    records, truth = iter_corpus(n_docs, seed=seed, **options)
    with (out / "docs.jsonl").open("w", encoding="utf-8", newline="\n") as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
    data = truth()
    with (out / "truth.json").open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(dumps_truth(data))
    return data


def dumps_truth(truth: Mapping[str, Any]) -> str:
    """The truth as JSON with one pair, negative or document per line."""
    lines = ["{"]
    items = list(truth.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        head = f"{json.dumps(key)}: "
        if isinstance(value, list) and value:
            rows = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f"{head}[\n  {rows}\n]{comma}")
        elif isinstance(value, dict) and value and key != "generator":
            rows = ",\n  ".join(
                f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()
            )
            lines.append(f"{head}{{\n  {rows}\n}}{comma}")
        else:
            lines.append(f"{head}{json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--wire-fraction", type=float, default=0.40)
    parser.add_argument("--derived-fraction", type=float, default=0.35)
    parser.add_argument("--distractor-fraction", type=float, default=0.25)
    parser.add_argument("--undated-fraction", type=float, default=0.15)
    parser.add_argument("--negatives-per-topic", type=int, default=3)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    truth = write_corpus(
        args.out,
        args.docs,
        seed=args.seed,
        wire_fraction=args.wire_fraction,
        derived_fraction=args.derived_fraction,
        distractor_fraction=args.distractor_fraction,
        undated_fraction=args.undated_fraction,
        negatives_per_topic=args.negatives_per_topic,
    )
    relations: dict[str, int] = defaultdict(int)
    for p in truth["pairs"]:
        relations[p["relation"]] += 1
    print(
        f"{args.docs} docs, {len(truth['pairs'])} pairs "
        f"({', '.join(f'{k} {v}' for k, v in sorted(relations.items()))}), "
        f"{len(truth['negatives'])} negatives in {time.perf_counter() - started:.1f}s "
        f"-> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
