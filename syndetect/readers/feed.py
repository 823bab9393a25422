"""RSS and Atom reader (feedparser): each feed entry is one article.

For every entry:

* text: the entry's content (RSS ``content:encoded``, Atom ``<content>``),
  else its summary (RSS ``<description>``, Atom ``<summary>``). HTML goes
  through :func:`syndetect.readers.html.fragment_text` (trafilatura, or tag
  stripping when trafilatura keeps nothing); plain text is only unescaped. An
  entry with neither content nor summary (a link-only item) is skipped.
* title: the entry's title; outlet: the feed's title; url: the entry's link.
* date: ``published``, else ``updated``, as ``YYYY-MM-DD`` in the entry's
  own time zone (feedparser's parsed dates are in UTC, which can move an
  evening item to the next day).
* id: the entry's id (RSS ``<guid>``, Atom ``<id>``), else its link, else
  ``FILE#N`` where FILE is the file's id (as for ``.txt``) and N the entry's
  1-based position.

The file is given to feedparser as bytes, so it never fetches anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from syndetect.errors import EmptyInputError, MalformedRecordError, NoArticleError
from syndetect.model import Document
from syndetect.readers.html import fragment_text, missing_library
from syndetect.readers.text import read_bytes

__all__ = ["read_feed"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        raw = _text(entry.get(key))
        if raw:
            try:
                return datetime.fromisoformat(raw).date().isoformat()
            except ValueError:
                pass
            try:
                return parsedate_to_datetime(raw).date().isoformat()
            except (TypeError, ValueError, IndexError):
                pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                return datetime(*parsed[:3]).date().isoformat()
            except (TypeError, ValueError):
                pass
    return None


def _body(entry: Any, where: str) -> str | None:
    parts: list[Any] = [c for c in entry.get("content") or [] if c.get("value")]
    if not parts and entry.get("summary"):
        parts = [entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}]
    texts = []
    for part in parts:
        is_html = (part.get("type") or "text/html").lower() in _HTML_TYPES
        text = fragment_text(part["value"], where, is_html=is_html)
        if text:
            texts.append(text)
    return "\n\n".join(texts) or None


def _entries(result: Any, path: str, base_id: str) -> Iterator[Document]:
    outlet = _text(result.feed.get("title"))
    count = 0
    for number, entry in enumerate(result.entries, start=1):
        where = f"{path}#{number}"
        body = _body(entry, where)
        if body is None:
            continue
        link = _text(entry.get("link"))
        count += 1
        yield Document(
            id=_text(entry.get("id")) or link or f"{base_id}#{number}",
            text=body,
            title=_text(entry.get("title")),
            date=_date(entry),
            url=link,
            outlet=outlet,
            path=where,
        )
    if count == 0:
        raise EmptyInputError(path, "no feed entry has content or a summary")


def read_feed(path: str | Path, *, id: str | None = None) -> Iterator[Document]:
    """Read an RSS or Atom feed (``.xml``, ``.rss``, ``.atom``): one document per entry.

    Args:
        path: The file.
        id: The file's id, used for entries with neither id nor link
            (``ID#N``); defaults to the file name without extension.

    Raises:
        MissingPathError: The file does not exist.
        MalformedRecordError: The file is a broken RSS or Atom feed.
        NoArticleError: The file is well-formed but not a feed (a sitemap).
        EmptyInputError: The feed has no entry with text.
        UnsupportedFormatError: feedparser or trafilatura is not installed.
    """
    p = Path(path)
    data = read_bytes(p)
    try:
        import feedparser
    except ImportError:
        raise missing_library(str(path), "feedparser", "feeds", "feeds") from None
    result = feedparser.parse(data, resolve_relative_uris=False)
    if not result.entries:
        if result.get("bozo"):
            reason = " ".join(str(result.get("bozo_exception", "")).split())[:200]
            raise MalformedRecordError(str(path), f"not a valid RSS or Atom feed: {reason}")
        if not result.get("version"):
            raise NoArticleError(str(path), "not an RSS or Atom feed")
        raise EmptyInputError(str(path), "feed has no entries")
    yield from _entries(result, str(path), id if id is not None else p.stem)
