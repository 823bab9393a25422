"""Loaders for labelled development corpora (not redistributed with syndetect).

Each loader turns a corpus folder into documents plus a ground truth in the
``syndetect/truth/1`` format, ready for :func:`syndetect.scan` and
:func:`syndetect.evaluation.evaluate`. Truths made here carry an extra
``scope`` field: only reported pairs between a ``sources`` document and a
``derived`` document are scored, because these corpora label only those
(two answers copied from the same source do share text, but the corpus does
not say so), or, for PAN, only the listed pairs.

Run ``python -m syndetect.corpora NAME FOLDER OUTDIR`` to write
``docs.jsonl`` and ``truth.json``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from syndetect.model import Document

__all__ = ["Corpus", "checksum", "load_clough_stevenson", "load_pan13", "write_corpus"]


@dataclass(frozen=True)
class Corpus:
    """Documents and their ground truth (``syndetect/truth/1`` data)."""

    name: str
    documents: tuple[Document, ...]
    truth: dict[str, Any]
    categories: dict[str, str]  # derived id -> corpus label (e.g. "cut")


def _decode(data: bytes) -> str:
    """UTF-8, else cp1252 (the Clough-Stevenson files mix both)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def checksum(folder: str | Path) -> str:
    """SHA-256 over the names and bytes of every file under ``folder``."""
    digest = hashlib.sha256()
    root = Path(folder)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_clough_stevenson(folder: str | Path) -> Corpus:
    """Clough & Stevenson's plagiarised short answers (document-level labels).

    ``cut``/``light``/``heavy`` answers derive from ``orig_task<t>``; ``non``
    answers are hard negatives (same task, written without the source).
    """
    root = Path(folder)
    docs = [
        Document(id=p.stem, text=_decode(p.read_bytes()), path=str(p))
        for p in sorted(root.glob("*.txt"))
    ]
    pairs, negatives, categories = [], [], {}
    with (root / "file_information.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            answer, task, category = Path(row["File"]).stem, row["Task"], row["Category"]
            if category == "orig":
                continue
            source = f"orig_task{task}"
            categories[answer] = category
            if category == "non":
                negatives.append({"a": source, "b": answer})
            else:
                pairs.append({"source": source, "derived": answer})
    sources = sorted(d.id for d in docs if d.id.startswith("orig_"))
    truth = {
        "schema": "syndetect/truth/1",
        "pairs": pairs,
        "negatives": negatives,
        "scope": {"sources": sources, "derived": sorted(categories)},
    }
    return Corpus("clough-stevenson", tuple(docs), truth, categories)


def _source_start(span: dict[str, int]) -> int:
    return span["source_start"]


def load_pan13(folder: str | Path) -> Corpus:
    """PAN 2013 text alignment, "no obfuscation" development half, with the
    re-anchored passage offsets of ``truth_reanchored.jsonl``."""
    root = Path(folder)
    docs = [
        Document(id=p.stem, text=_decode(p.read_bytes()), path=str(p))
        for sub in ("src", "susp")
        for p in sorted((root / sub).glob("*.txt"))
    ]
    by_pair: dict[tuple[str, str], list[dict[str, int]]] = {}
    for line in (root / "truth" / "pairs").read_text(encoding="utf-8").split("\n"):
        if line.strip():
            susp, src = line.split()
            by_pair[(Path(src).stem, Path(susp).stem)] = []
    for line in (root / "truth_reanchored.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        key = (Path(case["src"]).stem, Path(case["susp"]).stem)
        by_pair.setdefault(key, []).append(
            {
                "source_start": case["source_offset"],
                "source_end": case["source_offset"] + case["source_length"],
                "derived_start": case["this_offset"],
                "derived_end": case["this_offset"] + case["this_length"],
            }
        )
    pairs: list[dict[str, Any]] = [
        {"source": src, "derived": susp, "passages": sorted(spans, key=_source_start)}
        for (src, susp), spans in sorted(by_pair.items())
    ]
    truth = {
        "schema": "syndetect/truth/1",
        "pairs": pairs,
        "negatives": [],
        # PAN gives the pairs and asks for the passages; this half also holds
        # verbatim reuse from other PAN subsets between unlisted pairs.
        "scope": {"listed_pairs_only": True},
    }
    return Corpus("pan13-dev", tuple(docs), truth, {})


LOADERS = {"clough-stevenson": load_clough_stevenson, "pan13-dev": load_pan13}


def write_corpus(corpus: Corpus, outdir: str | Path) -> None:
    """Write ``docs.jsonl`` and ``truth.json`` into ``outdir``."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "docs.jsonl").open("w", encoding="utf-8") as handle:
        for d in corpus.documents:
            handle.write(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n")
    (out / "truth.json").write_text(json.dumps(corpus.truth, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - thin command wrapper
    if len(sys.argv) != 4 or sys.argv[1] not in LOADERS:
        sys.exit(f"usage: python -m syndetect.corpora {{{','.join(LOADERS)}}} FOLDER OUTDIR")
    write_corpus(LOADERS[sys.argv[1]](sys.argv[2]), sys.argv[3])
