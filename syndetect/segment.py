"""Sentence segmentation of scraped news text, with offsets.

Scraped text comes in every shape: paragraphs separated by blank lines, one
sentence per line with no blank lines at all (seed 003), or prose hard-wrapped
at a fixed width. Lines are first grouped into blocks, then blocks are split
into sentences at terminal punctuation that is not part of an abbreviation
such as "U.S." or "Gen.".
"""

from __future__ import annotations

import re

__all__ = ["sentences"]

# Titles and other abbreviations that end in a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres
    rev hon st mt ft jr sr inc corp ltd co bros vs etc no nos fig approx dept est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun
    """.split()
)
_TERMINAL = "!?.…"
_CLOSERS = "\"'”’»)]"
_LINE_END_TERMINAL = _TERMINAL + _CLOSERS + ":;"
# A sentence ends at terminal punctuation, optionally followed by closing
# quotes or brackets, then whitespace.
_BOUNDARY = re.compile(r"[!?.…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([^\W_][\w.]*)\.$")
_SOFT_WRAP_MIN_WORDS = 6
# How far back from a period to look for the word it ends ("U.S.S.R.", "sept").
_LONGEST_ABBREVIATION = 24


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        else:
            spans.append((pos, pos))  # blank line marker
        pos += len(line)
    return spans


def _starts_lowercase(text: str) -> bool:
    return text[:1].islower() or text[:1].isdigit()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Group lines into blocks: blank lines always separate blocks; a single
    line break joins two lines only when the first looks hard-wrapped: it does
    not end like a sentence, and either the next line goes on in lower case or
    the first ends mid-sentence (a comma, a hyphen, or a lower-case word after
    several words; title-case headlines do not)."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _lines(text):
        if start == end:
            if current:
                blocks.append(current)
            current = None
            continue
        if current is None:
            current = (start, end)
            continue
        previous = text[current[0] : current[1]]
        last_line = previous[previous.rfind("\n") + 1 :]
        wrapped = not last_line.endswith(tuple(_LINE_END_TERMINAL)) and (
            _starts_lowercase(text[start:end])
            or last_line.endswith(",")
            or (last_line.endswith("-") and not last_line.endswith(" -"))
            or (
                len(last_line.split()) >= _SOFT_WRAP_MIN_WORDS
                and _starts_lowercase(last_line.split()[-1])
            )
        )
        if wrapped:
            current = (current[0], end)
        else:
            blocks.append(current)
            current = (start, end)
    if current:
        blocks.append(current)
    return blocks


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` closes an abbreviation or initial."""
    window = max(0, dot - _LONGEST_ABBREVIATION)
    match = _WORD_BEFORE.search(text, window, dot + 1)
    if match is None:
        return False
    word = match.group(1)
    if "." in word:  # U.S., a.m., e.g.
        return True
    if len(word) == 1 and word.isalpha():  # initials: "J. Smith"
        return True
    return word.lower() in ABBREVIATIONS


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct_end = match.end()
        nxt = punct_end
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        follower = text[nxt]
        if not (follower.isupper() or follower.isdigit() or follower in "\"'“‘«([-—–"):
            continue
        last_punct = text[match.start() : punct_end].rstrip(_CLOSERS)
        if last_punct == "." and _is_abbreviation(text, match.start()):
            continue
        spans.append((sentence_start, punct_end))
        sentence_start = nxt
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: Original text.

    Returns:
        ``(start, end)`` offsets into ``text`` of each sentence, end-exclusive,
        in text order, never empty and never starting or ending in whitespace.

    Examples:
        >>> text = 'Gen. Smith met U.S. envoys. "We agree." Talks end.'
        >>> [text[s:e] for s, e in sentences(text)]
        ['Gen. Smith met U.S. envoys.', '"We agree."', 'Talks end.']
    """
    spans: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        spans.extend(_split_block(text, start, end))
    return spans
