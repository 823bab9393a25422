"""HTML reader: one page, one article, main text extracted by trafilatura.

This module is also the one seam through which every other reader turns HTML
into text: the WARC reader passes each response body to :func:`extract_html`
and the feed reader passes entry content to :func:`fragment_text`.

Decoding. trafilatura itself ignores the charset a page declares and guesses
from the bytes; syndetect decodes first, taking the first of these that
decodes the whole page strictly:

1. a byte-order mark (UTF-8, UTF-16);
2. UTF-8: bytes that are valid UTF-8 are read as UTF-8 whatever the page
   declares (legacy-encoded text almost never is valid UTF-8, while UTF-8
   pages labelled ``iso-8859-1`` are common);
3. the charset of the HTTP ``Content-Type`` header (WARC records only);
4. the charset the page declares in its first 4 KiB (``<meta charset>``,
   ``<meta http-equiv="Content-Type" content="...; charset=...">`` or an
   ``<?xml ... encoding=...?>`` declaration);
5. windows-1252 with replacement characters, the web's default for legacy
   pages that declare nothing (or declare a wrong or unknown charset).

As in browsers, the labels ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean
windows-1252, and a UTF-16 label in a ``<meta>`` of an ASCII-compatible page
means UTF-8. A page holding NUL bytes (and no UTF-16 BOM) is refused as binary.
"""

from __future__ import annotations

import codecs
import html as html_module
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from syndetect.errors import DecodeError, NoArticleError, UnsupportedFormatError
from syndetect.metadata import parse_date
from syndetect.model import Document
from syndetect.readers.text import read_bytes

__all__ = [
    "Extracted",
    "decode_html",
    "extract_html",
    "fragment_text",
    "missing_library",
    "read_html_file",
]

_SNIFF = 4096
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.I,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WINDOWS_1252 = {"iso8859-1", "latin-1", "latin1", "iso-8859-1", "ascii", "us-ascii", "cp1252"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Extracted:
    """Main text and metadata of one HTML page (``date`` as ``YYYY-MM-DD``)."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None


def missing_library(path: str, library: str, extra: str, what: str) -> UnsupportedFormatError:
    """The error for an optional library that is not installed."""
    return UnsupportedFormatError(
        path, f'reading {what} needs {library}: pip install "syndetect[{extra}]"'
    )


def _codec(label: str | bytes | None, *, from_meta: bool = False) -> str | None:
    if not label:
        return None
    name = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    if codec in _WINDOWS_1252 or name.strip().lower() in _WINDOWS_1252:
        return "cp1252"
    if from_meta and codec.startswith(("utf-16", "utf-32")):
        return "utf-8"  # the page is readable as ASCII, so it is not really UTF-16
    return codec


def _declared(data: bytes) -> str | None:
    match = _DECLARED.search(data[:_SNIFF])
    return _codec(match.group(1) or match.group(2), from_meta=True) if match else None


def decode_html(data: bytes, path: str, *, charset: str | None = None) -> str:
    """Decode an HTML page's bytes (the module docstring gives the order).

    Args:
        data: The page as bytes.
        path: Name used in error messages.
        charset: The charset of an HTTP ``Content-Type`` header, if any.

    Raises:
        DecodeError: The data is binary.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, "replace")
    if b"\x00" in data:
        raise DecodeError(path, "binary file, not HTML")
    candidates = ["utf-8", _codec(charset), _declared(data)]
    for codec in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):  # LookupError: not a text codec (base64...)
            continue
    return data.decode("cp1252", "replace")


def _iso_date(value: str | None) -> str | None:
    parsed = parse_date(value) if value else None
    return parsed.isoformat() if parsed else None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def extract_html(
    html: str, path: str, *, url: str | None = None, extra: str = "html"
) -> Extracted | None:
    """Extract the main text, title, date, canonical URL and site name of a page.

    Args:
        html: The page, decoded (:func:`decode_html`).
        path: Name used in error messages.
        url: The page's address, if known (a WARC target URI); it wins over
            the page's own canonical/``og:url``.
        extra: The syndetect extra to name when trafilatura is missing.

    Returns:
        ``None`` when trafilatura finds no main text.

    Raises:
        UnsupportedFormatError: trafilatura is not installed.
    """
    try:
        import trafilatura
        from trafilatura.settings import Document as TrafilaturaDocument
    except ImportError:
        raise missing_library(path, "trafilatura", extra, "HTML") from None
    result = trafilatura.bare_extraction(
        _XML_DECL.sub("", html, count=1),  # lxml refuses str input with an encoding declaration
        url=url,
        with_metadata=True,
        include_comments=False,
        deduplicate=False,  # trafilatura's cache would drop paragraphs seen on earlier pages
        # dates from markup only: htmldate's extensive search takes "© 2024" for 2024-01-01;
        # syndetect infers a date from the text's first lines itself (metadata.describe)
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (result.text or "").strip() if isinstance(result, TrafilaturaDocument) else ""
    if not isinstance(result, TrafilaturaDocument) or not text:
        return None
    return Extracted(
        text=text,
        title=_clean(result.title),
        date=_iso_date(result.date),
        url=url or result.url or None,
        outlet=_clean(result.sitename),
    )


class _TextOnly(HTMLParser):
    """Plain-text fallback: block elements become line breaks, tags vanish."""

    _BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 blockquote tr section article".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _strip_tags(fragment: str) -> str:
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def fragment_text(fragment: str, path: str, *, is_html: bool = True) -> str:
    """The text of an HTML fragment (a feed entry's content or summary).

    trafilatura extracts it when it can; a fragment too short or too plain for
    it falls back to stripping the tags. ``is_html=False`` only unescapes.

    Raises:
        UnsupportedFormatError: trafilatura is not installed.
    """
    if not is_html:
        return html_module.unescape(fragment).strip()
    try:
        import trafilatura
    except ImportError:
        raise missing_library(path, "trafilatura", "feeds", "feeds") from None
    page = f"<html><body><article>{fragment}</article></body></html>"
    text = trafilatura.extract(page, include_comments=False, deduplicate=False)
    return text.strip() if text and text.strip() else _strip_tags(fragment)


def read_html_file(path: str | Path, *, id: str | None = None) -> Document:
    """Read an ``.html``/``.htm`` page as one document.

    Args:
        path: The file.
        id: Document id; defaults to the file name without extension.

    Raises:
        MissingPathError: The file does not exist.
        DecodeError: The file cannot be read or is binary.
        NoArticleError: trafilatura finds no main text.
        UnsupportedFormatError: trafilatura is not installed.
    """
    p = Path(path)
    data = read_bytes(p)
    page = extract_html(decode_html(data, str(path)), str(path))
    if page is None:
        raise NoArticleError(str(path), "no main text found in the HTML page")
    return Document(
        id=id if id is not None else p.stem,
        text=page.text,
        title=page.title,
        date=page.date,
        url=page.url,
        outlet=page.outlet,
        path=str(path),
    )
