"""Compact read-only sequences for the fields of a prepared document.

A large scan keeps every prepared document in memory, less its text and
words (which wait in a :mod:`~syndetect.spool`): any two may be aligned.
So their per-sentence fields are kept in flat arrays rather than
tuples of Python objects: a tuple of ``(start, end)`` tuples costs about 100
bytes a sentence, the same spans in an array 8. Each class is a
:class:`~collections.abc.Sequence` of the same values as the tuple it
replaces, and compares equal to that tuple.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain
from typing import Any, cast, overload

import numpy as np
import numpy.typing as npt

__all__ = [
    "Flags",
    "Keys",
    "SentenceShingles",
    "Spans",
    "as_sequence",
    "int_array",
    "sorted_unique",
]

HashArray = npt.NDArray[np.uint32]
IndexArray = npt.NDArray[np.integer[Any]]


def int_array(values: Iterable[int]) -> array[int]:
    """Integers as a compact array: 32-bit, or 64-bit when one does not fit."""
    items = values if isinstance(values, list) else list(values)
    try:
        return array("i", items)
    except OverflowError:
        return array("q", items)


def sorted_unique(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """``np.unique(values)`` of a 1-d array, by sorting: quicker, both on
    small arrays (numpy's own has a large cost per call, and a scan calls it
    per document) and on the large arrays of candidate codes."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    first = np.empty(len(ordered), dtype=bool)  # the first of each run of equal values
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    found: npt.NDArray[Any] = ordered[first]
    return found


def in_sorted(wanted: npt.NDArray[Any], values: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """Which of ``values`` are in ``wanted`` (sorted, not empty), by bisection:
    quicker than ``np.isin``, which sorts both, when ``wanted`` is the smaller."""
    at = np.searchsorted(wanted, values)
    return cast(npt.NDArray[np.bool_], wanted[np.minimum(at, len(wanted) - 1)] == values)


class _Packed:
    """A read-only sequence kept in one flat array, equal to the tuple of its
    items (and hashed as that tuple)."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Packed | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class Spans(_Packed, Sequence[tuple[int, int]]):
    """``(start, end)`` pairs, kept as one array of integers."""

    __slots__ = ("_flat",)

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._flat = int_array(chain.from_iterable(spans))

    def __len__(self) -> int:
        return len(self._flat) // 2

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[int, int], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | tuple[tuple[int, int], ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index = range(len(self))[index]  # IndexError below -len
        # Past the end, the array raises IndexError.
        return self._flat[2 * index], self._flat[2 * index + 1]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        items = iter(self._flat)
        return zip(items, items, strict=True)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_spans, (self._flat,))

    def array(self) -> npt.NDArray[np.int64]:
        """The spans as one flat array ``start0, end0, start1, ...`` of 64-bit integers."""
        return np.frombuffer(self._flat, dtype=f"i{self._flat.itemsize}").astype(np.int64)

    @classmethod
    def from_flat(cls, flat: npt.NDArray[np.int32]) -> Spans:
        """The spans of one flat array ``start0, end0, start1, ...`` of 32-bit integers."""
        packed = array("i")
        packed.frombytes(np.ascontiguousarray(flat, dtype=np.int32).tobytes())
        return _spans(packed)

    @classmethod
    def from_bounds(cls, starts: IndexArray, ends: IndexArray) -> Spans:
        """The spans ``(starts[i], ends[i])``, from two integer arrays."""
        flat = np.column_stack((starts, ends)).ravel()
        return _spans(int_array(flat.tolist()))


def _spans(flat: array[int]) -> Spans:
    spans = Spans()
    spans._flat = flat
    return spans


class Keys(_Packed, Sequence[int]):
    """Unsigned 64-bit integers (sentence keys), kept as one array."""

    __slots__ = ("_values",)

    def __init__(self, values: Iterable[int] = ()) -> None:
        self._values = array("Q", values)

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...
    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self._values[index])
        return self._values[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._values)

    def __contains__(self, value: object) -> bool:
        return value in self._values

    @classmethod
    def from_array(cls, values: npt.NDArray[np.uint64]) -> Keys:
        """The keys of a numpy array."""
        keys = cls()
        keys._values.frombytes(np.ascontiguousarray(values, dtype=np.uint64).tobytes())
        return keys

    def array(self) -> npt.NDArray[np.uint64]:
        """The keys as a read-only numpy array (no copy)."""
        out = np.frombuffer(self._values, dtype=np.uint64)
        out.flags.writeable = False
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        return (Keys, (self._values,))


class Flags(_Packed, Sequence[bool]):
    """Booleans, kept one byte each."""

    __slots__ = ("_bytes",)

    def __init__(self, values: Iterable[bool] = ()) -> None:
        self._bytes = bytes(bool(v) for v in values)

    def __len__(self) -> int:
        return len(self._bytes)

    @overload
    def __getitem__(self, index: int) -> bool: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[bool, ...]: ...
    def __getitem__(self, index: int | slice) -> bool | tuple[bool, ...]:
        if isinstance(index, slice):
            return tuple(b != 0 for b in self._bytes[index])
        return self._bytes[index] != 0

    def __iter__(self) -> Iterator[bool]:
        return (b != 0 for b in self._bytes)

    @classmethod
    def from_array(cls, values: npt.NDArray[Any]) -> Flags:
        """The flags of a numpy array (true where not zero)."""
        flags = cls()
        flags._bytes = np.asarray(values != 0, dtype=np.uint8).tobytes()
        return flags

    def array(self) -> npt.NDArray[np.bool_]:
        """The flags as a read-only numpy array (no copy)."""
        return np.frombuffer(self._bytes, dtype=np.bool_)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Flags, (self._bytes,))


class SentenceShingles(Sequence[HashArray]):
    """The shingle hashes of each sentence of a document.

    Kept as what alignment looks them up by (:attr:`sorted_view`): all hashes
    in one sorted array, the sentence of each, and the number per sentence.
    Iterating gives one array per sentence, its hashes in ascending order;
    they are made on demand, so hold on to them only as long as needed.
    """

    __slots__ = ("_hashes", "_sentence", "_sizes")

    def __init__(self, sentences: Iterable[npt.ArrayLike] = ()) -> None:
        parts = [np.asarray(s, dtype=np.uint32).reshape(-1) for s in sentences]
        sizes = np.array([len(p) for p in parts], dtype=np.int32)
        self._set(np.concatenate([np.zeros(0, dtype=np.uint32), *parts]), sizes)

    @classmethod
    def from_flat(cls, flat: HashArray, sizes: npt.ArrayLike) -> SentenceShingles:
        """The hashes of every sentence one after the other, and how many
        each sentence has."""
        out = cls.__new__(cls)
        out._set(np.asarray(flat, dtype=np.uint32), np.asarray(sizes, dtype=np.int32))
        return out

    def _set(self, flat: HashArray, sizes: npt.NDArray[np.int32]) -> None:
        kind = np.uint16 if len(sizes) <= 2**16 else np.int32
        sentence = np.repeat(np.arange(len(sizes), dtype=kind), sizes)
        order = np.argsort(flat, kind="stable")
        self._hashes: HashArray = flat[order]
        self._sentence: IndexArray = cast(IndexArray, sentence[order])
        self._sizes = sizes

    @classmethod
    def from_sorted(
        cls, hashes: HashArray, sentence: IndexArray, sizes: npt.NDArray[np.int32]
    ) -> SentenceShingles:
        """The table of a :attr:`sorted_view` ``(hashes, sentence, sizes)``,
        its arrays kept as given (views of larger ones, say)."""
        return cls._of(hashes, sentence, sizes)

    @classmethod
    def _of(
        cls, hashes: HashArray, sentence: IndexArray, sizes: npt.NDArray[np.int32]
    ) -> SentenceShingles:
        out = cls.__new__(cls)
        out._hashes, out._sentence, out._sizes = hashes, sentence, sizes
        return out

    @property
    def sorted_view(self) -> tuple[HashArray, IndexArray, npt.NDArray[np.int32]]:
        """Every hash, sorted (stable: in sentence order where equal), the
        index of its sentence, and the number of hashes of each sentence."""
        return self._hashes, self._sentence, self._sizes

    @property
    def total(self) -> int:
        """The number of hashes of all sentences."""
        return len(self._hashes)

    def distinct(self) -> HashArray:
        """The distinct hashes of all sentences, sorted."""
        return sorted_unique(self._hashes)  # sorted already: sorting again is quick

    def keep(
        self, sentences: npt.NDArray[np.bool_] | None, hashes: npt.NDArray[np.bool_] | None
    ) -> SentenceShingles:
        """Only the hashes of the ``sentences`` marked true (one flag per
        sentence) and only the ``hashes`` marked true (one flag per hash of
        :attr:`sorted_view`); ``None`` keeps all."""
        mask = np.ones(len(self._hashes), dtype=bool) if hashes is None else hashes
        if sentences is not None:
            mask = mask & sentences[self._sentence]
        sentence = self._sentence[mask]
        sizes = np.bincount(sentence, minlength=len(self._sizes)).astype(np.int32)
        return self._of(self._hashes[mask], sentence, sizes)

    def flat(self) -> HashArray:
        """The hashes of every sentence one after the other, each sentence's
        in ascending order."""
        return self._hashes[np.argsort(self._sentence, kind="stable")]

    def __len__(self) -> int:
        return len(self._sizes)

    def __iter__(self) -> Iterator[HashArray]:
        flat = self.flat()
        start = 0
        for end in accumulate(self._sizes.tolist()):
            yield flat[start:end]
            start = end

    @overload
    def __getitem__(self, index: int) -> HashArray: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[HashArray, ...]: ...
    def __getitem__(self, index: int | slice) -> HashArray | tuple[HashArray, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        i = range(len(self))[index]
        found: HashArray = self._hashes[self._sentence == i]
        return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(
            np.array_equal(a, b) for a, b in zip(self, other, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SentenceShingles({[a.tolist() for a in self]!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (SentenceShingles._of, (self._hashes, self._sentence, self._sizes))


def as_sequence(values: Sequence[Any], kind: type[Any]) -> Any:
    """``values`` as ``kind`` (one of the classes above), unless it is one."""
    return values if isinstance(values, kind) else kind(values)
