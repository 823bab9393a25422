"""Ground truth of a topic: which documents share text, with passages.

Every unit of text carries the identity of the place it was first written; two
documents share a passage wherever they hold units of the same identity.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

from newsgen.model import Doc, Key
from newsgen.surface import MIN_PASSAGE_WORDS, ranks, words


def topic_truth(
    docs: list[Doc], rng: random.Random, negatives_per_topic: int
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Pairs (with passages) and sampled hard negatives of one topic."""
    pairs: list[dict[str, Any]] = []
    by_id = {d.id: d for d in docs}
    ancestors: dict[str, set[str]] = {}

    def anc(doc_id: str) -> set[str]:
        if doc_id not in ancestors:
            out: set[str] = set()
            for p in by_id[doc_id].parents:
                out.add(p)
                out |= anc(p)
            ancestors[doc_id] = out
        return ancestors[doc_id]

    index: list[dict[Key, list[int]]] = []
    origins: dict[str, list[int]] = defaultdict(list)
    for di, d in enumerate(docs):
        idx: dict[Key, list[int]] = {}
        for ui, u in enumerate(d.units):
            key = u.key
            if key is not None:
                if key in idx:
                    idx[key].append(ui)
                else:
                    idx[key] = [ui]
        index.append(idx)
        for origin in sorted({k[0] for k in idx}):
            origins[origin].append(di)
    candidates = sorted(
        {
            (ds[x], ds[y])
            for ds in origins.values()
            for x in range(len(ds))
            for y in range(x + 1, len(ds))
        }
    )
    matches: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for da, db in candidates:
        ia, ib = index[da], index[db]
        # a unit repeated in a document (a headline printed twice) is
        # paired occurrence by occurrence
        ms = [p for k, la in ia.items() if k in ib for p in zip(la, ib[k], strict=False)]
        if ms:
            matches[(da, db)] = ms
    related = set(matches)
    for (da, db), ms in matches.items():
        a, b = docs[da], docs[db]
        if a.id in anc(b.id):
            flip = False
            relation = "copy" if a.id in b.parents else "chain"
        elif b.id in anc(a.id):
            flip = True
            relation = "copy" if b.id in a.parents else "chain"
        else:
            relation = "sibling"
            flip = _sibling_order(a, b)
        if flip:
            ms = [(ub, ua) for ua, ub in ms]
            da, db = db, da
        src, der = docs[da], docs[db]
        passages, content = _passages(src, der, ms)
        # two copies sharing only a headline line are not a reuse pair
        if relation != "copy" and not content:
            continue
        pairs.append(
            {"source": src.id, "derived": der.id, "relation": relation, "passages": passages}
        )
    # negatives: same topic, written independently (no derivation, no
    # shared unit of text)
    cands = [
        (i, j)
        for i in range(len(docs))
        for j in range(i + 1, len(docs))
        if (i, j) not in related
        and docs[i].id not in anc(docs[j].id)
        and docs[j].id not in anc(docs[i].id)
    ]
    negatives: list[dict[str, str]] = []
    for i, j in rng.sample(cands, min(len(cands), negatives_per_topic)):
        first, second = sorted((docs[i].id, docs[j].id))
        negatives.append({"a": first, "b": second})
    return pairs, negatives


def _sibling_order(a: Doc, b: Doc) -> bool:
    """True if ``b`` is the source: published earlier (the true time, which
    the record may not give), else the smaller id."""
    if a.when != b.when:
        return b.when < a.when
    return b.id < a.id


def _passages(src: Doc, der: Doc, ms: list[tuple[int, int]]) -> tuple[list[dict[str, int]], bool]:
    """Maximal runs of matched units that are contiguous on both sides, and
    whether any holds more than headlines."""
    ms = sorted(set(ms))
    rank_s, rank_d = ranks(src), ranks(der)
    content = False
    by_rank = {(rank_s[i], rank_d[j]): (i, j) for i, j in ms}
    out = []
    for i, j in ms:
        if (rank_s[i] - 1, rank_d[j] - 1) in by_rank:
            continue  # not the start of a run
        ei, ej = i, j
        while (rank_s[ei] + 1, rank_d[ej] + 1) in by_rank:
            ei, ej = by_rank[(rank_s[ei] + 1, rank_d[ej] + 1)]
        s0, s1 = src.units[i].start, src.units[ei].end
        d0, d1 = der.units[j].start, der.units[ej].end
        if min(words(src.text, s0, s1), words(der.text, d0, d1)) < MIN_PASSAGE_WORDS:
            continue
        if not content:
            content = any(
                (key := src.units[k].key) is not None and key[1] != "H" for k in range(i, ei + 1)
            )
        out.append({"source_start": s0, "source_end": s1, "derived_start": d0, "derived_end": d1})
    out.sort(key=lambda p: (p["source_start"], p["derived_start"]))
    return out, content
