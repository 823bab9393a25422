"""Command-line tuning options shared by ``scan`` and ``index create``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from syndetect.options import DEFAULT_OPTIONS, ScanOptions

__all__ = ["tuning_options"]

D = DEFAULT_OPTIONS
_OPTIONS = (
    click.option(
        "--threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=D.threshold,
        show_default=True,
        help="Jaccard similarity of two sentences' shingle sets that the candidate search "
        "is tuned for. Lower finds more heavily edited copies but compares more pairs.",
    ),
    click.option(
        "--near-threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=D.near_threshold,
        show_default=True,
        help="How similar the two sides of a shared passage must be (1 = identical after "
        "normalisation). Heavily edited stretches fall below it.",
    ),
    click.option(
        "--shingle-size",
        type=click.IntRange(1, 20),
        default=D.shingle_size,
        show_default=True,
        help="Words per shingle (word n-grams inside sentences).",
    ),
    click.option(
        "--num-perm",
        type=click.IntRange(2, 4096),
        default=D.num_perm,
        show_default=True,
        help="MinHash permutations of the document signatures (the reported Jaccard "
        "estimate and the document-level candidate search): more is more precise.",
    ),
    click.option(
        "--min-passage-words",
        type=click.IntRange(1),
        default=D.min_passage_words,
        show_default=True,
        help="Shortest shared passage reported, in words.",
    ),
    click.option(
        "--min-pair-words",
        type=click.IntRange(1),
        default=D.min_pair_words,
        show_default=True,
        help="Words two articles must share, in passages, to be reported as a pair.",
    ),
    click.option(
        "--seed",
        type=int,
        default=D.seed,
        show_default=True,
        help="Seed of the MinHash permutations (as in datasketch.MinHash).",
    ),
)
_NAMES = (
    "threshold",
    "near_threshold",
    "shingle_size",
    "num_perm",
    "min_passage_words",
    "min_pair_words",
    "seed",
)


def tuning_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the tuning options to a click command, which receives them as one
    ``options: ScanOptions`` keyword argument."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _NAMES}
        return command(*args, options=ScanOptions(**values), **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
