"""Compiled loops for a scan's per-word, per-shingle and per-pair work, when
numba is installed.

Preparing a document is, per word and per shingle, a few Python operations:
find the word, fold it, join a shingle, hash it; finding the sentence pairs
worth aligning and numbering band rows are, per candidate pair and per row,
more; the MinHash signatures of documents and sentences, in numpy, make a
temporary array of every hash under every permutation. With numba
(``pip install "syndetect[fast]"``) these loops run compiled instead, with
the same results to the bit. The callers
(:mod:`syndetect.normalize`, :mod:`syndetect.shingle`, :mod:`syndetect.index`,
:mod:`syndetect.align`) keep their pure-Python path, which is the reference
the tests compare the compiled one with.

numba is imported by :mod:`syndetect.kernels_numba` only, on first use, so
that a command that prepares nothing does not pay for importing it (about
half a second). Its functions are compiled then (about 8 s the first time on
the benchmark machine) and cached on disk by numba; a scan loads them before
it forks its workers.
"""

from __future__ import annotations

import os
from functools import cache
from types import ModuleType

__all__ = ["APOSTROPHE", "OTHER", "SLOW", "WORD", "compiled", "enabled"]

# The classes of characters in the table the compiled word scan reads (0:
# not yet classified); see syndetect.normalize.
OTHER, WORD, APOSTROPHE, SLOW = 1, 2, 3, 4


def enabled() -> bool:
    """Whether documents are prepared by the compiled loops: numba imports,
    and the environment variable ``SYNDETECT_PURE_PYTHON`` is unset or empty."""
    return not os.environ.get("SYNDETECT_PURE_PYTHON") and _loaded() is not None


def compiled() -> ModuleType:
    """:mod:`syndetect.kernels_numba`; call only when :func:`enabled`."""
    module = _loaded()
    if module is None:
        raise RuntimeError("numba is not installed")
    return module


@cache
def _loaded() -> ModuleType | None:
    # numba's coloured error messages start colorama, which then writes a
    # colour reset to a terminal's standard output when the process exits:
    # syndetect's output would not be free of escape codes under --no-color.
    os.environ.setdefault("NUMBA_DISABLE_ERROR_MESSAGE_HIGHLIGHTING", "1")
    try:
        from syndetect import kernels_numba
    except ImportError:
        return None
    kernels_numba.warm()
    return kernels_numba
