"""Data model of the generator: units of text, people, outlets, topics, documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Expansion ops of the grammar, in reverse order for a stack: (0, text) emit
# text, (1, rule) expand a rule, (2, rule) expand it capitalised, (3, index)
# capitalise the output from index on, (4, words) emit one of the words.
Op = tuple[int, Any]
Key = tuple[str, Any]


@dataclass(slots=True)
class Unit:
    """One piece of text: a sentence, dateline, headline, credit or chrome line.

    ``key`` is the identity of the place the text was first written (None for
    site chrome, which is no one's content); ``glue`` is the separator after
    the unit when it must stay on its line (a dateline before its sentence),
    ``before`` overrides the separator before it (a closing quote mark).
    """

    text: str
    key: Key | None
    glue: str | None = None
    before: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Person:
    title: str
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.title} {self.first} {self.last}"


@dataclass(slots=True)
class Outlet:
    index: int
    name: str
    host: str
    agency: bool
    chrome: float
    header: tuple[str, ...]
    mid: tuple[str, ...]
    footer: tuple[str, ...]
    layout: str
    strip_apostrophes: bool
    quotes: str  # "curly", "straight" or "keep"
    date_style: int
    repeat_headline: int


@dataclass(slots=True)
class Topic:
    index: int
    domain: str
    rules: dict[str, tuple[tuple[Op, ...], ...]]
    leaves: dict[str, tuple[str, ...]]
    people: list[Person]
    when: datetime
    country: str
    cities: tuple[str, ...]
    tags: tuple[str, ...]
    used: set[str] = field(default_factory=set)
    headlines: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Doc:
    id: str
    kind: str
    outlet: Outlet
    when: datetime
    title: str
    paras: list[list[Unit]]
    title_key: Key | None = None
    layout: str = "paragraphs"
    parents: tuple[str, ...] = ()
    transforms: tuple[str, ...] = ()
    root: str = ""  # the wire this document's copied text comes from
    text: str = ""
    units: list[Unit] = field(default_factory=list)
    date: str | None = None


@dataclass(slots=True)
class TopicResult:
    """Records and truth of one topic."""

    records: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    negatives: list[dict[str, str]]
    categories: list[tuple[str, str]]
    transforms: list[tuple[str, list[str]]]
    topic: int = 0


@dataclass(slots=True)
class TopicPlan:
    """What one topic holds: its wire agencies, copy jobs and distractors."""

    agencies: list[str]
    jobs: list[tuple[str, Any]] = field(default_factory=list)
    distractors: int = 0
