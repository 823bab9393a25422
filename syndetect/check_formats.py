"""Output formats of ``syndetect check``: text, JSON, SARIF 2.1.0 and JUnit XML.

Every renderer takes a :class:`~syndetect.check.CheckResult` and returns text;
the same result always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from syndetect import __version__
from syndetect.check import RULE_DESCRIPTIONS, RULES, CheckResult, Finding
from syndetect.model import Document, Pair

__all__ = ["CHECK_FORMATS", "render_check"]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def _count(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: "1 new document", "2 new documents"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_text(result: CheckResult) -> str:
    """A summary for a CI log: one line per finding."""
    violations = result.violations
    accepted = len(result.findings) - len(violations)
    lines = [
        f"syndetect check: {_count(len(result.documents), 'new document')}, "
        f"{_count(len(result.report.pairs), 'pair')} sharing text, "
        f"{_count(len(violations), 'finding')} violating the policy"
        + (f", {accepted} accepted by the baseline" if accepted else "")
    ]
    for f in result.findings:
        mark = "accepted" if f.baselined else "FAIL"
        lines.append(f"  {mark} [{f.rule}] {f.message}")
    if result.added is not None:
        a = result.added
        lines.append(
            f"index: {len(a.added)} added, {len(a.replaced)} replaced, {len(a.unchanged)} unchanged"
        )
    lines.append("FAILED" if violations else "OK")
    return "\n".join(lines) + "\n"


def render_json(result: CheckResult) -> str:
    """The report's JSON (schema ``syndetect/report/1``) plus ``findings``."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


# Where a reader found a document that is one of several in a file (see
# syndetect.readers): "FILE:LINE" for a JSONL line, "FILE#N" for the N-th record
# of a WARC file or entry of a feed.
_JSONL_LINE = re.compile(r"(?P<file>.+\.jsonl|<stdin>):(?P<line>[1-9][0-9]*)", re.IGNORECASE)
_RECORD = re.compile(
    r"(?P<file>.+\.(?:warc|warc\.gz|xml|rss|atom))#(?P<record>[1-9][0-9]*)", re.IGNORECASE
)


@dataclass(frozen=True)
class _Source:
    """The file a document was read from, and where in it.

    Attributes:
        file: The file (None: standard input, or no file).
        line: The JSONL line of the document.
        record: The number of its WARC record or feed entry.
    """

    file: str | None
    line: int | None = None
    record: int | None = None


def _source(document: Document) -> _Source:
    path = document.path
    if not path or path == "<stdin>":
        return _Source(None)
    if m := _JSONL_LINE.fullmatch(path):
        file = m["file"]
        return _Source(None if file == "<stdin>" else file, line=int(m["line"]))
    if m := _RECORD.fullmatch(path):
        return _Source(m["file"], record=int(m["record"]))
    return _Source(path)


def _uri(document: Document, file: str | None) -> str:
    if file:
        p = Path(file)
        if p.is_absolute():
            return p.as_uri()
        return quote(p.as_posix(), safe="/")
    if document.url:
        return document.url
    return quote(document.id, safe="/")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _pair_of(result: CheckResult, f: Finding) -> Pair | None:
    for p in result.report.pairs:
        if {p.source, p.derived} == {f.source, f.derived}:
            return p
    return None


def _region(result: CheckResult, f: Finding, document: Document) -> dict[str, int]:
    """Where the first shared passage is in the derived file, when the file's
    text is the document's text (a ``.txt`` file); its line in a JSONL file;
    else the file's first line."""
    where = _source(document)
    if where.line is not None:
        return {"startLine": where.line}
    pair = _pair_of(result, f)
    if pair is None or not pair.passages or not (where.file or "").endswith(".txt"):
        return {"startLine": 1}
    first = pair.passages[0]
    is_derived = pair.derived == f.derived
    start = first.derived_start if is_derived else first.source_start
    end = first.derived_end if is_derived else first.source_end
    start_line, start_column = _line_column(document.text, start)
    end_line, end_column = _line_column(document.text, end)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _fingerprint(f: Finding) -> str:
    data = "\x00".join(f.key).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _logical(document: Document) -> dict[str, str]:
    """The derived article as a logical location: its id (a WARC record's id
    is its target URI) and, for one of several articles in a file, the
    reader's name for it (``FILE:LINE``, ``FILE#RECORD``)."""
    where = _source(document)
    entry = {"name": document.id, "kind": "document"}
    if (where.line is not None or where.record is not None) and document.path:
        entry["fullyQualifiedName"] = document.path
    return entry


def render_sarif(result: CheckResult) -> str:
    """SARIF 2.1.0: one result per finding, located at the derived article,
    naming the source in the message. Findings the baseline accepts carry an
    external suppression.

    The location is the derived article's file (a path, as code scanning
    wants): at its first shared passage for a ``.txt`` file, at its line for a
    JSONL line. A WARC record's target URI (or a feed entry's number) is its
    logical location, and in the result's ``properties``."""
    documents = {d.id: d for d in result.documents}
    rules = [
        {
            "id": rule,
            "name": rule.capitalize(),
            "shortDescription": {"text": RULE_DESCRIPTIONS[rule]},
            "defaultConfiguration": {"level": "error"},
        }
        for rule in RULES
    ]
    results = []
    for f in result.findings:
        document = documents[f.derived]
        where = _source(document)
        properties: dict[str, object] = {"derived": f.derived, "source": f.source}
        if where.record is not None:
            properties["record"] = where.record
            if document.url:
                properties["uri"] = document.url
        entry: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": RULES.index(f.rule),
            "level": "error",
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(document, where.file)},
                        "region": _region(result, f, document),
                    },
                    "logicalLocations": [_logical(document)],
                }
            ],
            "partialFingerprints": {"syndetectFinding/v1": _fingerprint(f)},
            "baselineState": "unchanged" if f.baselined else "new",
            "properties": properties,
        }
        if f.baselined:
            entry["suppressions"] = [
                {"kind": "external", "justification": "accepted in the syndetect baseline"}
            ]
        results.append(entry)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "syndetect",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(result: CheckResult) -> str:
    """JUnit XML: one test case per new document, one failure per finding
    that the baseline does not accept."""
    by_derived: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_derived.setdefault(f.derived, []).append(f)
    failures = sum(1 for f in result.findings if not f.baselined)
    counts = {
        "tests": str(len(result.documents)),
        "failures": str(failures),
        "errors": "0",
        "skipped": "0",
    }
    root = ET.Element("testsuites", {"name": "syndetect check", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "syndetect check", **counts})
    for document in result.documents:
        attrs = {"classname": "syndetect.check", "name": _xml(document.id)}
        where = _source(document)
        if where.file:
            attrs["file"] = _xml(where.file)
        if where.line is not None:
            attrs["line"] = str(where.line)
        case = ET.SubElement(suite, "testcase", attrs)
        accepted = []
        for f in by_derived.get(document.id, ()):
            if f.baselined:
                accepted.append(f"accepted by the baseline: [{f.rule}] {f.message}")
                continue
            failure = ET.SubElement(case, "failure", {"type": f.rule, "message": _xml(f.message)})
            failure.text = _xml(f"{f.message}\nsource: {f.source}\nrule: {f.rule}")
        if accepted:
            ET.SubElement(case, "system-out").text = _xml("\n".join(accepted))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


CHECK_FORMATS: dict[str, Callable[[CheckResult], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
}
"""Format name → renderer; the names accepted by ``syndetect check --format``."""


def render_check(result: CheckResult, fmt: str) -> str:
    """Render ``result`` in format ``fmt`` (a key of ``CHECK_FORMATS``: text, json, sarif, junit).

    Raises:
        ValueError: ``fmt`` is not a known format.
    """
    renderer = CHECK_FORMATS.get(fmt)
    if renderer is None:
        known = ", ".join(sorted(CHECK_FORMATS))
        raise ValueError(f"unknown check format {fmt!r} (known: {known})")
    return renderer(result)
