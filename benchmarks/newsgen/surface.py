"""Surface changes a copy goes through (quotes, apostrophes, word edits,
line layout) and rendering of a document's units into its text."""

from __future__ import annotations

import random
import re

from newsgen import load
from newsgen.grammar import cap
from newsgen.model import Doc, Unit

_G = load("grammar.json")
_SYNONYMS: dict[str, list[str]] = _G["synonyms"]
_INSERTABLE: tuple[str, ...] = tuple(_G["insertable"])
_INSERT_BEFORE = frozenset(_G["insert_before"])
_DELETABLE = frozenset(_G["deletable"])
MIN_PASSAGE_WORDS = 8


_OPEN_DQ = re.compile(r'(^|[\s(\[—-])"')
_OPEN_SQ = re.compile(r"(^|[\s(\[“\"—-])'")


def to_curly(text: str) -> str:
    """Straight quotes and apostrophes to typographic ones (same length)."""
    if '"' in text:
        text = _OPEN_DQ.sub(r"\1“", text).replace('"', "”")
    if "'" in text:
        if "'" in text[:1] or " '" in text or "(" in text or "—" in text or "-'" in text:
            text = _OPEN_SQ.sub(r"\1‘", text)  # an opening single quote
        text = text.replace("'", "’")
    return text


def to_straight(text: str) -> str:
    """Typographic quotes to straight ones (same length)."""
    if "“" in text or "”" in text:
        text = text.replace("“", '"').replace("”", '"')
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    return text


def strip_apostrophes(text: str) -> str:
    """Drop apostrophes and single quotes ("Russia's" -> "Russias")."""
    return text.replace("'", "").replace("’", "").replace("‘", "")


def edit_words(text: str, rng: random.Random, every: float = 20.0) -> str:
    """Insert, delete or replace a word about every ``every`` words."""
    tokens = text.split(" ")
    if len(tokens) < 4:
        return text
    out: list[str] = [tokens[0]]
    gap = rng.expovariate(1 / every)
    due = False
    for tok in tokens[1:]:
        gap -= 1
        if gap <= 0:
            due = True
        if not due:
            out.append(tok)
            continue
        core = tok.strip(",.;:!?\"'“”‘’()")
        lower = core.lower()
        if lower in _SYNONYMS and core == tok.rstrip(",.;:"):
            repl = _SYNONYMS[lower][int(rng.random() * len(_SYNONYMS[lower]))]
            if core[0].isupper():
                repl = cap(repl)
            out.append(tok.replace(core, repl, 1))
        elif lower in _INSERT_BEFORE and core == tok:
            out.append(_INSERTABLE[int(rng.random() * len(_INSERTABLE))])
            out.append(tok)
        elif lower in _DELETABLE and core == tok:
            pass
        else:
            out.append(tok)
            continue
        due = False
        gap = rng.expovariate(1 / every)
    return " ".join(out)


def hard_wrap(paragraph: str, width: int) -> str:
    """Replace spaces by newlines so lines stay under ``width`` (same length)."""
    if len(paragraph) <= width:
        return paragraph
    out: list[str] = []
    line = 0
    for i, word in enumerate(paragraph.split(" ")):
        if i:
            if line + 1 + len(word) > width:
                out.append("\n")
                line = 0
            else:
                out.append(" ")
                line += 1
        out.append(word)
        line += len(word)
    return "".join(out)


LAYOUTS = ("paragraphs", "compact", "lines", "wrapped")


def render(doc: Doc, rng: random.Random) -> None:
    """Join the units into ``doc.text`` and record each unit's offsets."""
    layout = doc.layout
    para_sep = "\n\n" if layout in ("paragraphs", "wrapped") else "\n"
    sent_sep = "\n" if layout == "lines" else " "
    width = 60 + int(rng.random() * 21)
    pieces: list[str] = []
    units: list[Unit] = []
    pos = 0
    for p in doc.paras:
        if not p:
            continue
        if pieces:
            pieces.append(para_sep)
            pos += len(para_sep)
        buf: list[str] = []
        for j, u in enumerate(p):
            if j:
                sep = u.before if u.before is not None else p[j - 1].glue
                sep = sent_sep if sep is None else sep
                buf.append(sep)
                pos += len(sep)
            u.start = pos
            buf.append(u.text)
            pos += len(u.text)
            u.end = pos
            units.append(u)
        block = "".join(buf)
        if layout == "wrapped":
            block = hard_wrap(block, width)
        pieces.append(block)
    doc.text = "".join(pieces)
    doc.units = units


# ---------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------


def ranks(doc: Doc) -> list[int] | range:
    """Position of each unit among the units that can break a passage:
    punctuation-only chrome (a lone quote mark) does not."""
    units = doc.units
    if all(u.key is not None or _ALNUM.search(u.text) for u in units):
        return range(1, len(units) + 1)
    out, r = [], 0
    for u in units:
        if u.key is not None or _ALNUM.search(u.text):
            r += 1
        out.append(r)
    return out


def words(text: str, start: int, end: int) -> int:
    """Whitespace-separated words of ``text[start:end]`` (exact when few)."""
    n = text.count(" ", start, end) + text.count("\n", start, end) + 1
    return len(text[start:end].split()) if n < 2 * MIN_PASSAGE_WORDS else n


_ALNUM = re.compile(r"[^\W_]")
