"""Metadata found in the text itself: headline, dateline, URL and credits.

Scraped articles often carry their metadata as lines at the top (seed 003
starts with its headline, ``20220222`` and its URL) and credit their source
in the text ("(Reuters) -", "via Newsmax:", "Le Monde with AFP and Reuters").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from syndetect.model import Document, DocumentInfo

__all__ = [
    "Credits",
    "agency_name",
    "describe",
    "find_credits",
    "find_date",
    "parse_date",
    "parse_time",
]

# Agency name -> lower-case spellings.
WIRES: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters", "thomson reuters"),
    "AFP": ("afp", "agence france-presse", "agence france presse"),
    "AP": ("ap", "associated press", "the associated press"),
    "Bloomberg": ("bloomberg",),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "Xinhua": ("xinhua",),
    "UPI": ("upi", "united press international"),
    "EFE": ("efe",),
    "ANSA": ("ansa",),
    "Kyodo": ("kyodo", "kyodo news"),
    "Yonhap": ("yonhap",),
    "TASS": ("tass",),
    "Interfax": ("interfax",),
    "PTI": ("pti", "press trust of india"),
    "IANS": ("ians",),
    "ANI": ("ani",),
    "Anadolu": ("anadolu", "anadolu agency"),
}
_SPELLING = {s: name for name, spellings in WIRES.items() for s in spellings}
_WIRE = "|".join(sorted((re.escape(s) for s in _SPELLING), key=len, reverse=True))
# The agency's own dateline opens a paragraph: "MOSCOW (Reuters) -",
# "BEIJING, May 15 (Xinhua) --", "(Bloomberg) --". It says whose story the
# text is, not that the text is a reprint.
_DATELINE = re.compile(
    rf"^[^\S\n]*[^\n()]{{0,60}}?\(\s*({_WIRE})\s*\)(?=[^\S\n]*(?:--|[-—–:])?[^\S\n]*\S)",
    re.I | re.M,
)
_PAREN_WIRE = re.compile(rf"\(\s*({_WIRE})\s*(?:/\s*({_WIRE})\s*)?\)", re.I)  # "(Reuters)"
# Credit lines a reprinting outlet adds. A mention inside a sentence ("a
# document seen by Reuters", "told AFP") credits nothing.
# Each pattern comes with words one of which any match contains (case-folded):
# a text without them is not searched, which saves most of the time spent here.
_REPRINT_CREDIT = [
    # a byline or credit line: "By AFP", "With Reuters", "— With AFP and Reuters", "via AP:"
    (
        ("by", "with", "from", "via"),
        re.compile(rf"^[^\S\n]*(?:[-—–][^\S\n]*)?(?:by|with|from|via)\s+({_WIRE})\b", re.I | re.M),
    ),
    (
        ("source:", "published", "appeared"),
        re.compile(
            rf"\b(?:source:|(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on|at))\s*({_WIRE})\b",
            re.I,
        ),
    ),
    (("contributed",), re.compile(rf"\b({_WIRE})\s+contributed\s+to\s+this\s+report", re.I)),
    # "...plunged. — Reuters" (needles: see _LINE_END)
    ((), re.compile(rf"(?:^|[.!?\"”]\s+|[-—–]\s*)({_WIRE})\s*$", re.I | re.M)),
]
_LINE_END = tuple(_SPELLING)
_COPYRIGHT = (
    ("copyright", "©"),
    re.compile(rf"(?:copyright|©)\s*(?:\d{{4}}\s+)?({_WIRE})\b", re.I),
)
_WIRE_LIST = (
    ("with",),
    re.compile(rf"\bwith\s+(?:{_WIRE})(?:\s*(?:,|and|&)\s*(?:{_WIRE}))+", re.I),
)
# Patterns whose needles are in most texts, with the start of any of their
# matches (less its "\b"): searched after the needles and before the pattern,
# as it is quicker than the pattern and rarely found ("with" is everywhere).
_STARTS = {_WIRE_LIST[1]: re.compile(rf"with\s+(?:{_WIRE})\s*(?:,|and|&)", re.I)}
# An outlet's name never runs over a line break ("via Incheon Courier\n\nSend").
_NAME = r"((?:[A-Z][\w.&'’-]*|[A-Z]{2,})(?:[ \t]+(?:[A-Z][\w.&'’-]*|of|the|de)){0,3})"
_OUTLET_CREDIT = [
    (("via",), re.compile(rf"\bvia[ \t]+{_NAME}")),
    (("source:",), re.compile(rf"\b[Ss]ource:[ \t]*{_NAME}")),
    (
        ("published", "appeared"),
        re.compile(
            rf"\b(?:[Ff]irst|[Oo]riginally)\s+(?:published|appeared)\s+(?:in|on|by|at)[ \t]+{_NAME}"
        ),
    ),
]

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ]
    )
    for m in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = [
    (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"), "ymd"),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s*((?:19|20)\d\d)\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b", re.I), "dmy"),
]
_URL_LINE = re.compile(r"^https?://\S+$")
# Only the first lines are searched, and only short ones: a date inside a
# body sentence is not the article's date.
_HEAD_LINES = 6
_MAX_META_LINE = 80
# A headline line is short; a long first line is body text, not a title.
_MAX_TITLE = 200


@dataclass(frozen=True)
class Credits:
    """Sources a text credits: news agencies and other outlets.

    Attributes:
        wires: Every news agency credited, by a dateline ("MOSCOW (Reuters)
            -"), a copyright notice or a credit line.
        outlets: Other outlets credited ("via Newsmax").
        reprints: The agencies credited by a credit line that a reprinting
            outlet adds ("Source: AFP", "By AFP", "— Reuters", "Reuters
            contributed to this report"); not those named only in the
            opening dateline, which the agency writes itself.
    """

    wires: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    reprints: tuple[str, ...] = ()


def parse_date(value: str) -> date | None:
    """Parse an ISO 8601 date or datetime (``2022-02-22``, ``2022-02-22T10:00Z``)."""
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def parse_time(value: str) -> datetime | None:
    """The moment of an ISO 8601 datetime that has a time of day, else None.

    A time without a zone is taken as UTC, so that it compares with zoned ones.
    """
    value = value.strip()
    if "T" not in value and " " not in value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def agency_name(outlet: str | None) -> str | None:
    """The news agency an outlet name stands for ("The Associated Press" -> "AP"), if any."""
    if not outlet:
        return None
    return _SPELLING.get(" ".join(outlet.lower().split()))


def _date_in(line: str) -> date | None:
    for pattern, order in _DATE_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        g = m.groups()
        try:
            if order == "ymd":
                return date(int(g[0]), int(g[1]), int(g[2]))
            if order == "mdy":
                return date(int(g[2]), _MONTHS[g[0].lower()], int(g[1]))
            return date(int(g[2]), _MONTHS[g[1].lower()], int(g[0]))
        except (ValueError, KeyError):
            continue
    return None


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line][:_HEAD_LINES]


def find_date(text: str) -> date | None:
    """The date of a dateline among the first short lines of ``text``, if any."""
    for line in _head(text):
        if len(line) <= _MAX_META_LINE:
            found = _date_in(line)
            if found:
                return found
    return None


def find_credits(text: str) -> Credits:
    """News agencies and outlets that ``text`` credits as its source."""
    return _find_credits(text, prefilter=True)


def _find_credits(text: str, *, prefilter: bool) -> Credits:
    """:func:`find_credits`; without ``prefilter``, every pattern is run on
    every text (what the prefilter must never change)."""
    folded = text.casefold()

    def matches(needles: tuple[str, ...], pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        if not prefilter:
            found = True
        elif needles:
            found = any(n in folded for n in needles)
        else:  # a wire's name ends a line
            found = any(line.rstrip().endswith(_LINE_END) for line in folded.splitlines())
        if found and prefilter and pattern in _STARTS:
            found = _STARTS[pattern].search(text) is not None
        if found:
            yield from pattern.finditer(text)

    reprints: set[str] = set()
    found_datelines = list(_DATELINE.finditer(text))
    datelines = [m.span(1) for m in found_datelines]
    wires = {_SPELLING[m.group(1).lower()] for m in found_datelines}
    wires.update(_SPELLING[m.group(1).lower()] for m in matches(*_COPYRIGHT))
    for m in _PAREN_WIRE.finditer(text):
        if m.span(1) not in datelines:  # "(Reuters)" ending a reprint, "(AFP/Reuters)"
            reprints.update(_SPELLING[g.lower()] for g in m.groups() if g)
    for needles, pattern in _REPRINT_CREDIT:
        reprints.update(_SPELLING[m.group(1).lower()] for m in matches(needles, pattern))
    for m in matches(*_WIRE_LIST):
        found = re.findall(_WIRE, m.group(0)[4:], re.I)
        reprints.update(_SPELLING[w.lower()] for w in found)
    outlets: set[str] = set()
    for needles, pattern in _OUTLET_CREDIT:
        for m in matches(needles, pattern):
            name = m.group(1).rstrip(".:,;")
            if name.lower() in _SPELLING:
                reprints.add(_SPELLING[name.lower()])
            else:
                outlets.add(name)
    return Credits(tuple(sorted(wires | reprints)), tuple(sorted(outlets)), tuple(sorted(reprints)))


def describe(document: Document) -> DocumentInfo:
    """Report entry for ``document``: its metadata, completed from the text."""
    head = _head(document.text)
    title = document.title
    if title is None:
        title = next(
            (
                line
                for line in head
                if len(line) <= _MAX_TITLE
                and len(line.split()) >= 4
                and not _URL_LINE.match(line)
                and not _date_in(line)
            ),
            None,
        )
    given = parse_date(document.date) if document.date else None
    day = given or find_date(document.text)
    url = document.url or next((line for line in head if _URL_LINE.match(line)), None)
    credits = find_credits(document.text)
    return DocumentInfo(
        id=document.id,
        title=title,
        date=document.date if given else (day.isoformat() if day else None),
        url=url,
        length=len(document.text),
        outlet=document.outlet,
        wires=credits.wires,
        credited_outlets=credits.outlets,
        reprinted_wires=credits.reprints,
    )
