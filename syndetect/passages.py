"""Passages seen from one document: where they lie, how much of them another
set covers, where their two sides differ, and the same passage seen from its
other side. Used by :func:`syndetect.derive.common_sources`."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from syndetect.model import DiffOp, Pair, Passage
from syndetect.normalize import word_starts

__all__ = ["edits", "forget", "side", "spans_covered", "swapped", "within"]

DiffWords = tuple[str, int, int, int]


def spans_covered(spans: Iterable[tuple[int, int]], cover: Iterable[tuple[int, int]]) -> float:
    """Share of the characters of ``spans`` that lie inside ``cover``."""
    merged: list[list[int]] = []
    for start, end in sorted(cover):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    total = inside = 0
    for start, end in spans:
        total += end - start
        for c0, c1 in merged:
            inside += max(0, min(end, c1) - max(start, c0))
    return inside / total if total else 0.0


def side(pair: Pair, doc: str) -> list[tuple[int, int]]:
    """The spans of ``pair``'s passages in document ``doc``."""
    if pair.source == doc:
        return [(x.source_start, x.source_end) for x in pair.passages]
    return [(x.derived_start, x.derived_end) for x in pair.passages]


@lru_cache(maxsize=4096)
def _diff_words(p: Passage) -> tuple[Sequence[int], Sequence[int], tuple[DiffWords, ...]]:
    """The word starts of ``p``'s two texts, and its diff as (op, words, first
    source word, first derived word): every op's words counted in the
    passage's own texts."""
    src, der = word_starts(p.source_text), word_starts(p.derived_text)
    out: list[DiffWords] = []
    si = di = offset = 0  # next word of each side, next character of the source side
    for op, chunk in p.diff:
        if op == "insert":  # a piece of the derived text, from its word di
            n = bisect_left(der, der[di] + len(chunk)) - di
        else:  # equal and delete pieces are the source text, in order
            n = bisect_left(src, offset + len(chunk)) - si
            offset += len(chunk)
        out.append((op, n, si, di))
        si += 0 if op == "insert" else n
        di += 0 if op == "delete" else n
    return src, der, tuple(out)


def swapped(p: Passage) -> Passage:
    """``p`` seen from the other side: offsets, texts and the diff swapped (the
    diff's equal words then keep the new source's spelling, as
    :func:`syndetect.align.build_passage` would write them)."""
    _, der, counted = _diff_words(p)

    def piece(first: int, n: int) -> str:
        end = der[first + n] if first + n < len(der) else len(p.derived_text)
        return p.derived_text[der[first] : end]

    diff: list[DiffOp] = []
    pending: dict[str, list[str]] = {"delete": [], "insert": []}

    def flush() -> None:
        for op in ("delete", "insert"):
            if pending[op]:
                diff.append((op, "".join(pending[op])))
                pending[op].clear()

    for (op, text), (_, n, _, di) in zip(p.diff, counted, strict=True):
        if op == "equal":
            flush()
            diff.append(("equal", piece(di, n)))
        elif op == "delete":
            pending["insert"].append(text)
        else:
            pending["delete"].append(piece(di, n))
    flush()
    return replace(
        p,
        source_start=p.derived_start,
        source_end=p.derived_end,
        derived_start=p.source_start,
        derived_end=p.source_end,
        diff=tuple(diff),
        source_text=p.derived_text,
        derived_text=p.source_text,
    )


def edits(pair: Pair, doc: str) -> list[int]:
    """Where the two sides of ``pair``'s passages differ, as offsets in
    document ``doc``: one per word that only one side has (a word only the
    other side has counts at the next word of ``doc``)."""
    out: list[int] = []
    is_source = pair.source == doc
    mine = "delete" if is_source else "insert"
    for x in pair.passages:
        if all(op == "equal" for op, _ in x.diff):
            continue  # a verbatim passage: no word differs (and none need counting)
        src, der, counted = _diff_words(x)
        starts, start = (src, x.source_start) if is_source else (der, x.derived_start)
        last = len(starts) - 1
        for op, n, si, di in counted:
            first = si if is_source else di
            if op == mine:
                out.extend(start + starts[i] for i in range(first, first + n))
            elif op != "equal":
                out.extend([start + starts[min(first, last)]] * n)
    return out


def within(offsets: Iterable[int], spans: Sequence[tuple[int, int]]) -> int:
    """How many of ``offsets`` lie inside one of ``spans``."""
    return sum(1 for o in offsets if any(a <= o < b for a, b in spans))


def forget() -> None:
    """Drop the word positions kept of the passages seen so far."""
    _diff_words.cache_clear()
