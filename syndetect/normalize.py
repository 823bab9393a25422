"""Text normalisation with an offset map back to the original text.

Normalisation makes copies that differ only in typography compare equal:
Unicode NFKC, case folding, typographic quotes and dashes unified, apostrophes
removed (so "Russia's", "Russia’s" and "Russias" are the same word) and runs of
whitespace collapsed to one space. Every normalised character remembers the
span of original characters it came from, so anything found in normalised
text can be reported with offsets into the text as read.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np
import numpy.typing as npt

from syndetect import kernels
from syndetect.compact import int_array, sorted_unique

__all__ = [
    "NormalizedText",
    "WordBytes",
    "Words",
    "encoded_words",
    "normalize",
    "offsets",
    "word_starts",
    "words",
]

# Removed outright: an apostrophe inside a word must not split it, and a
# single quote used as a quotation mark carries no content.
APOSTROPHES = frozenset("'’‘‛ʼʻ`´ʹ′")
_UNIFY = {
    **{c: '"' for c in "“”„‟«»″〝〞＂"},
    **{c: "-" for c in "‐‑‒–—―−﹘﹣－"},
}
_WORD = re.compile(r"[^\W_]+")
# On ASCII text normalisation only lower-cases, drops apostrophes and
# collapses spaces, so words can be found in the original text directly:
# letters and digits, possibly joined by apostrophes.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['`]+[A-Za-z0-9]+)*")
_ASCII_APOSTROPHES = str.maketrans("", "", "'`")


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text and, per normalised character, the original span.

    Attributes:
        text: The normalised text.
        starts: ``starts[i]`` is the original offset where ``text[i]`` begins.
        ends: ``ends[i]`` is the original offset (exclusive) where it ends.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty normalised span ``[start, end)`` to the original text."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) out of range")
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split into base characters with their combining marks: ``[(start, end)]``."""
    if text.isascii():
        return [(i, i + 1) for i in range(len(text))]
    spans: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if spans and unicodedata.combining(ch):
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for comparison, keeping an offset map.

    Args:
        text: Original text.

    Returns:
        The normalised text with the original span of every character.

    Examples:
        >>> n = normalize("Russia’s  “fake news”")
        >>> n.text
        'russias "fake news"'
        >>> n.original_span(9, 18)
        (11, 20)
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # Original span of the whitespace run waiting to become one space.
    pending: tuple[int, int] | None = None
    ascii_text = text.isascii()
    for start, end in _clusters(text):
        segment = text[start:end]
        if segment.isspace():
            if out:
                pending = (pending[0] if pending else start, end)
            continue
        folded = (
            segment.lower() if ascii_text else unicodedata.normalize("NFKC", segment).casefold()
        )
        for ch in folded:
            ch = _UNIFY.get(ch, ch)
            if ch in APOSTROPHES:
                continue
            if ch.isspace():
                if out:
                    pending = (pending[0] if pending else start, end)
                continue
            if pending:
                out.append(" ")
                starts.append(pending[0])
                ends.append(pending[1])
                pending = None
            out.append(ch)
            starts.append(start)
            ends.append(end)
    return NormalizedText("".join(out), tuple(starts), tuple(ends))


def offsets(values: Iterable[int]) -> array[int]:
    """Character offsets as a compact array: of 32-bit integers, 64-bit only
    for a text longer than 2**31 characters."""
    return int_array(values)


@dataclass(frozen=True)
class Words:
    """The words of a text after normalisation, with original offsets.

    Attributes:
        words: Normalised words (runs of letters and digits).
        starts: Original start offset of each word (an ``array`` of 32-bit
            integers, 64-bit past 2**31 characters: a large scan holds
            millions of them).
        ends: Original end offset (exclusive) of each word.
    """

    words: tuple[str, ...]
    starts: array[int]
    ends: array[int]

    def __len__(self) -> int:
        return len(self.words)


# Per character, how normalisation treats it when it stands alone (not followed
# by a combining mark): its normalised form ("" when it is an apostrophe), or
# None when it cannot be handled one character at a time (a combining mark,
# "ß" -> "ss", "ﬁ" -> "fi", a character whose word/non-word class changes).
_FORMS: dict[str, str | None] = {}
_APOS_CLASS = re.escape("".join(sorted(APOSTROPHES)))
_WORD_CHAR = re.compile(rf"[^\W_{_APOS_CLASS}]")
# Words of the original text when every character is handled alone: runs of
# word characters, possibly joined by apostrophes (which normalisation drops).
_FAST_WORD = re.compile(rf"[^\W_{_APOS_CLASS}]+(?:[{_APOS_CLASS}]+[^\W_{_APOS_CLASS}]+)*")


def _form(ch: str) -> str | None:
    if unicodedata.combining(ch):
        return None
    folded = unicodedata.normalize("NFKC", ch).casefold()
    if len(folded) != 1:
        return None
    folded = _UNIFY.get(folded, folded)
    if folded in APOSTROPHES:
        # Dropped; the fast pattern joins words across exactly these.
        return "" if ch in APOSTROPHES else None
    if ch.isspace() != folded.isspace():
        return None
    if bool(_WORD_CHAR.match(ch)) != bool(_WORD.match(folded)):
        return None
    return folded


def _char_by_char(text: str) -> dict[int, str] | None:
    """A ``str.translate`` table that normalises the words of ``text`` one
    character at a time, or None when some character needs the full
    :func:`normalize` (combining marks, characters that expand)."""
    table: dict[int, str] = {}
    for ch in set(text):
        try:
            form = _FORMS[ch]
        except KeyError:
            form = _FORMS[ch] = _form(ch)
        if form is None:
            return None
        if form != ch:
            table[ord(ch)] = form
    return table


def words(text: str) -> Words:
    """Split ``text`` into normalised words with offsets into ``text``.

    Examples:
        >>> w = words("Putin’s move, U.S. said")
        >>> w.words
        ('putins', 'move', 'u', 's', 'said')
        >>> w.starts[0], w.ends[0]
        (0, 7)
    """
    if kernels.enabled():
        compiled = _compiled_words(text)
        if compiled is not None:
            return compiled[0]
    if text.isascii():
        # Lowercasing ASCII keeps every offset.
        found = list(_ASCII_WORD.finditer(text.lower()))
        return Words(
            tuple([m.group().translate(_ASCII_APOSTROPHES) for m in found]),
            *_spans(found),
        )
    table = _char_by_char(text)
    if table is not None:
        # Same result as below, without building the normalised text: every
        # character maps to at most one, so words keep their original spans.
        found = list(_FAST_WORD.finditer(text))
        return Words(tuple([m.group().translate(table) for m in found]), *_spans(found))
    return _normalized_words(text)


def _spans(found: Sequence[re.Match[str]]) -> tuple[array[int], array[int]]:
    """The start and end offsets of the matches ``found``."""
    flat = offsets(chain.from_iterable(m.span() for m in found))
    return flat[0::2], flat[1::2]


def word_starts(text: str) -> Sequence[int]:
    """``words(text).starts``, faster: the words themselves are not built
    when the text allows it."""
    if kernels.enabled():
        scan = _compiled_scan(text)
        if scan is not None:
            starts: list[int] = scan[0].tolist()
            return starts
    if text.isascii():
        return [m.start() for m in _ASCII_WORD.finditer(text)]
    if _char_by_char(text) is not None:
        return [m.start() for m in _FAST_WORD.finditer(text)]
    return _normalized_words(text).starts


def _normalized_words(text: str) -> Words:
    """:func:`words` through the full :func:`normalize`, for any text."""
    norm = normalize(text)
    found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(norm.text)]
    return Words(
        tuple(w for w, _, _ in found),
        offsets(norm.starts[s] for _, s, _ in found),
        offsets(norm.ends[e - 1] for _, _, e in found),
    )


@dataclass(frozen=True)
class WordBytes:
    """The words of a :class:`Words`, UTF-8 encoded and joined by single
    spaces, with each word's byte range: a shingle or a sentence is then one
    range of :attr:`data`, as :mod:`syndetect.shingle` hashes it.

    Attributes:
        data: The bytes.
        starts: Where each word begins in ``data``.
        ends: Where each word ends (exclusive).
    """

    data: npt.NDArray[np.uint8]
    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]

    @classmethod
    def of(cls, ws: Words) -> WordBytes:
        """The bytes of ``ws``'s words."""
        encoded = [w.encode("utf-8", "surrogatepass") for w in ws.words]
        sizes = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        ends = np.cumsum(sizes + 1) - 1
        data = np.frombuffer(bytearray(b" ".join(encoded)), dtype=np.uint8)
        return cls(data, ends - sizes, ends)


def encoded_words(text: str) -> tuple[Words, WordBytes]:
    """:func:`words` of ``text``, and their bytes.

    Examples:
        >>> ws, wb = encoded_words("It’s a Café")
        >>> ws.words, wb.data.tobytes(), wb.starts.tolist()
        (('its', 'a', 'café'), b'its a caf\\xc3\\xa9', [0, 4, 6])
    """
    if kernels.enabled():
        compiled = _compiled_words(text)
        if compiled is not None:
            return compiled
    found = words(text)
    return found, WordBytes.of(found)


# What the compiled word scan reads, per code point: its class, and the code
# point it is folded to (the character's form when it stands alone).
@cache
def _tables() -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.uint32]]:
    """The class and folded form of each code point, 0 until first seen (the
    arrays are zero pages until written: 5.5 MB of address space)."""
    classes = np.zeros(0x110000, dtype=np.uint8)
    folded = np.zeros(0x110000, dtype=np.uint32)
    for code in range(128):
        _learn(code, classes, folded)
    return classes, folded


def _learn(code: int, classes: npt.NDArray[np.uint8], folded: npt.NDArray[np.uint32]) -> None:
    ch = chr(code)
    try:
        form = _FORMS[ch]
    except KeyError:
        form = _FORMS[ch] = _form(ch)
    if form is None:
        classes[code] = kernels.SLOW
    elif form == "":
        classes[code] = kernels.APOSTROPHE
    elif _WORD_CHAR.match(ch):
        classes[code], folded[code] = kernels.WORD, ord(form)
    else:
        classes[code] = kernels.OTHER


_Scan = tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.uint8],
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
]


def _compiled_scan(text: str) -> _Scan | None:
    """The compiled scan of ``text``'s words (see
    :func:`syndetect.kernels_numba.scan_words`), or None when some character
    of ``text`` needs the full :func:`normalize` (as in :func:`_char_by_char`)."""
    classes, folded = _tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not text.isascii():
        distinct = sorted_unique(codes)
        for code in distinct[classes[distinct] == 0].tolist():
            _learn(code, classes, folded)
        if (classes[distinct] == kernels.SLOW).any():
            return None
    found: _Scan = kernels.compiled().scan_words(codes, classes, folded)
    return found


def _compiled_words(text: str) -> tuple[Words, WordBytes] | None:
    """:func:`words` and their bytes by the compiled scan, or None when some
    character of ``text`` needs the full :func:`normalize`."""
    scan = _compiled_scan(text)
    if scan is None:
        return None
    starts, ends, data, byte_starts, byte_ends = scan
    found = tuple(data.tobytes().decode("utf-8").split(" ")) if len(starts) else ()
    typecode = "i" if not len(ends) or ends[-1] < 2**31 else "q"
    kind = np.int32 if typecode == "i" else np.int64
    first, last = array(typecode), array(typecode)
    first.frombytes(starts.astype(kind).tobytes())
    last.frombytes(ends.astype(kind).tobytes())
    return Words(found, first, last), WordBytes(data, byte_starts, byte_ends)
