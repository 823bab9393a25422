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
from pathlib import Path
from urllib.parse import quote

from syndetect import __version__
from syndetect.check import RULE_DESCRIPTIONS, RULES, CheckResult, Finding
from syndetect.model import Document, Pair

__all__ = ["CHECK_FORMATS", "render_check"]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def render_text(result: CheckResult) -> str:
    """A summary for a CI log: one line per finding."""
    violations = result.violations
    accepted = len(result.findings) - len(violations)
    lines = [
        f"syndetect check: {len(result.documents)} new document(s), "
        f"{len(result.report.pairs)} pair(s) sharing text, "
        f"{len(violations)} finding(s) violating the policy"
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


def _uri(document: Document) -> str:
    if document.path and document.path != "<stdin>":
        p = Path(document.path)
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
    text is the document's text (a ``.txt`` file); else its first line."""
    pair = _pair_of(result, f)
    if pair is None or not pair.passages or not (document.path or "").endswith(".txt"):
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


def render_sarif(result: CheckResult) -> str:
    """SARIF 2.1.0: one result per finding, located at the derived article
    (its file, or its URL), naming the source in the message. Findings the
    baseline accepts carry an external suppression."""
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
        entry: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": RULES.index(f.rule),
            "level": "error",
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(document)},
                        "region": _region(result, f, document),
                    },
                    "logicalLocations": [{"name": f.derived, "kind": "document"}],
                }
            ],
            "partialFingerprints": {"syndetectFinding/v1": _fingerprint(f)},
            "baselineState": "unchanged" if f.baselined else "new",
            "properties": {"derived": f.derived, "source": f.source},
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
        if document.path:
            attrs["file"] = _xml(document.path)
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
