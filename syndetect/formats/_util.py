"""Helpers shared by the report formats (not part of the public API)."""

from __future__ import annotations

from syndetect.model import DiffOp, Pair, Passage
from syndetect.normalize import words

__all__ = ["derived_segments", "pct", "source_segments", "strength_order"]


def pct(x: float) -> str:
    """A share 0..1 as a whole percentage: ``0.3737`` → ``"37%"``."""
    return f"{round(100 * x)}%"


def strength_order(pairs: tuple[Pair, ...]) -> list[Pair]:
    """Pairs strongest first: by the share of the derived document that is
    copied, then by the number of passages; ties in id order."""
    return sorted(
        pairs, key=lambda p: (-p.containment_derived, -len(p.passages), p.source, p.derived)
    )


def source_segments(p: Passage) -> list[DiffOp]:
    """The source side of a passage as ``equal``/``delete`` segments that
    concatenate to :attr:`Passage.source_text` (one ``equal`` segment if the
    diff does not add up to it)."""
    segs: list[DiffOp] = [(op, text) for op, text in p.diff if op != "insert"]
    if "".join(text for _, text in segs) != p.source_text:
        return [("equal", p.source_text)]
    return segs


def derived_segments(p: Passage) -> list[DiffOp]:
    """The derived side of a passage as ``equal``/``insert`` segments that
    concatenate to :attr:`Passage.derived_text`.

    The diff's ``equal`` texts are spelled as in the source, so the derived
    spelling of each is cut from the derived text by counting words (equal
    runs have as many words on both sides). Falls back to one ``equal``
    segment when that does not reproduce the derived text exactly.
    """
    text = p.derived_text
    dw = words(text)
    segs: list[DiffOp] = []
    i = 0
    for op, part in p.diff:
        if op == "delete":
            continue
        k = len(words(part))
        if k == 0 or i + k > len(dw):
            return [("equal", text)]
        start = 0 if i == 0 else dw.starts[i]
        end = dw.starts[i + k] if i + k < len(dw) else len(text)
        piece = text[start:end]
        if op == "insert" and piece != part:
            return [("equal", text)]
        segs.append((op, piece))
        i += k
    if i != len(dw) or "".join(s for _, s in segs) != text:
        return [("equal", text)]
    return segs
