"""Test helpers: locating expected passages by their words."""

from __future__ import annotations

import syndetect
from syndetect.normalize import words

# The five Reuters passages 001 and 003 share (examples/seeds/README.md), as
# word sequences present in both documents.
REUTERS_PASSAGES = (
    "Separately, Moscow said Ukrainian military saboteurs had tried to enter Russian "
    "territory in armed vehicles leading to five deaths, an accusation dismissed as fake "
    "news by Kyiv.",
    "Both developments fit a pattern repeatedly predicted by Western governments, who "
    "accuse Russia of preparing to fabricate a pretext to invade",
    "will narrow the diplomatic options to avoid war, since it is an explicit rejection of "
    "a seven-year-old ceasefire mediated by France and Germany, touted as the framework "
    "for future negotiations on the wider crisis.",
    "Washington says Russia has massed a force numbering 169,000-190,000 troops in the region",
    "But the Kremlin said there were no specific plans for a summit. The White House said "
    "Biden had accepted the meeting",
)


# The same five passages in full, as hand-labelled spans: (text in 003, text in 001).
SEED_TRUTH = (
    (
        "Separately, Moscow said Ukrainian military saboteurs had tried to enter Russian "
        "territory in armed vehicles leading to five deaths, an accusation dismissed as fake "
        "news by Kyiv.",
        "Separately, Moscow said Ukrainian military saboteurs had tried to enter Russian "
        "territory in armed vehicles leading to five deaths, an accusation dismissed as “fake "
        "news” by Kyiv.",
    ),
    (
        "Both developments fit a pattern repeatedly predicted by Western governments, who "
        "accuse Russia of preparing to fabricate a pretext to invade by blaming Kyiv for "
        "attacks and relying on pleas for help from separatist proxies.",
        "Both developments fit a pattern repeatedly predicted by Western governments, who "
        "accuse Russia of preparing to fabricate a pretext to invade Ukraine by blaming Kyiv "
        "for attacks and relying on pleas for help from separatist proxies.",
    ),
    (
        "will narrow the diplomatic options to avoid war, since it is an explicit rejection of "
        "a seven-year-old ceasefire mediated by France and Germany, touted as the framework "
        "for future negotiations on the wider crisis.",
    )
    * 2,
    (
        "Washington says Russia has massed a force numbering 169,000-190,000 troops in the "
        "region, including the separatists in the breakaway regions, and could invade within "
        "days.",
        "Washington says Russia has massed a force numbering 169,000-190,000 troops in the "
        "region, including the pro-Russian rebels in the breakaway regions in eastern Ukraine, "
        "and could invade within days.",
    ),
    (
        "But the Kremlin said there were no specific plans for a summit. The White House said "
        "Biden had accepted the meeting in principle but only if an invasion hasnt happened.",
        "But the Kremlin said there were no specific plans for a summit. The White House said "
        "Biden had accepted the meeting ‘in principle’ but only ‘if an invasion hasn’t happened",
    ),
)


def exact_span(text: str, passage: str) -> tuple[int, int]:
    """Offsets of ``passage`` in ``text``; it must occur exactly once."""
    start = text.find(passage)
    assert start >= 0 and text.find(passage, start + 1) < 0, passage[:40]
    return start, start + len(passage)


def word_span(text: str, snippet: str) -> tuple[int, int]:
    """Offsets in ``text`` of the words of ``snippet`` (after normalisation)."""
    hay = words(text)
    needle = words(snippet).words
    for i in range(len(hay.words) - len(needle) + 1):
        if hay.words[i : i + len(needle)] == needle:
            return hay.starts[i], hay.ends[i + len(needle) - 1]
    raise AssertionError(f"snippet not in text: {snippet[:40]!r}")


def covering_passage(
    pair: syndetect.Pair, source_span: tuple[int, int], derived_span: tuple[int, int]
) -> syndetect.Passage | None:
    """The passage of ``pair`` that covers both spans, if any."""
    for p in pair.passages:
        if (
            p.source_start <= source_span[0]
            and p.source_end >= source_span[1]
            and p.derived_start <= derived_span[0]
            and p.derived_end >= derived_span[1]
        ):
            return p
    return None
