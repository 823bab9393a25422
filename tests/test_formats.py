"""Tests of the report formats in ``syndetect.formats`` (and ``scan --format``)."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import syndetect
from syndetect.cli import cli
from syndetect.formats import (
    FORMATS,
    csv_format,
    dot,
    html,
    markdown,
    ndjson,
    render,
    render_pieces,
)
from syndetect.formats._util import derived_segments, source_segments
from syndetect.model import Cluster, Document, DocumentInfo, Pair, Passage, Report

from .conftest import REPRINT, SEEDS, WIRE_SOURCE

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
XSS = '<img src=x onerror="window.__xss=1">'
PAYLOADS = (SCRIPT, IMG, XSS)

_HARBOUR = (
    "The city council voted on Tuesday to expand the harbour ferry service to three new "
    "stops along the eastern shore.",
    f"Officials said the code {SCRIPT} appeared in a leaked memo about the ticketing system "
    "and was reported to the vendor.",
    f"A second string, {IMG} and {XSS}, was found in the same memo by researchers at the "
    "local university.",
    "The mayor said the new route would cut commuting times by up to twenty minutes for "
    "about nine thousand residents.",
    "Construction of the three piers is expected to begin next spring and to take roughly "
    "eighteen months to complete.",
)
_ORCHARD = (
    "Farmers in the northern valley reported the largest apple harvest in a decade after a "
    "mild and unusually wet summer.",
    "The regional cooperative said prices would fall slightly as warehouses filled with more "
    "fruit than expected this autumn.",
    "Exporters hope to ship a third of the crop to markets in Asia where demand for premium "
    "varieties has grown steadily.",
    "Growers warned that a shortage of seasonal pickers could still leave some orchards "
    "unharvested before the first frosts.",
)


def injection_report() -> Report:
    """A report whose ids, titles, metadata, evidence and passage text (including
    diff insertions) carry HTML/script payloads, plus one harmless pair."""
    copy = " ".join(_HARBOUR).replace("harbour ferry", f"harbour {XSS} ferry")
    docs = [
        Document(
            id=IMG + "src",
            text="WELLINGTON (Reuters) - " + " ".join(_HARBOUR),
            title=f"{SCRIPT} title {XSS}",
            url="javascript:alert(1)",
            outlet=IMG,
        ),
        Document(id=XSS + "der", text=copy + " Published via Newsmax.", title=IMG),
        Document(id="orchard-wire", text="(AFP) - " + " ".join(_ORCHARD), title="Apple harvest"),
        Document(id="orchard-copy", text=" ".join(_ORCHARD) + " Via Newsmax.", title="Apples"),
    ]
    scanned = syndetect.scan(docs)
    assert len(scanned.pairs) == 2
    assert any(op != "equal" for p in scanned.pairs for x in p.passages for op, _ in x.diff)
    text = f"Shared words {SCRIPT} and {IMG} and {XSS} end."
    extra_doc = DocumentInfo(
        id=SCRIPT,
        title=XSS,
        date=IMG,
        url=f'https://x.test/"{IMG}',
        length=len(text),
        outlet=XSS,
        wires=(SCRIPT,),
        credited_outlets=(IMG,),
    )
    passage = Passage(0, len(text), 0, len(text), 1.0, "verbatim", (("equal", text),), text, text)
    extra_pair = Pair(SCRIPT, IMG + "src", "undetermined", 0.5, 0.5, 0.5, (XSS, IMG), (passage,))
    return Report(
        documents=(*scanned.documents, extra_doc),
        pairs=(*scanned.pairs, extra_pair),
        clusters=(*scanned.clusters, Cluster(None, (SCRIPT, IMG + "src"))),
    )


def _passages(report: Report) -> list[tuple[Pair, Passage]]:
    return [(pair, p) for pair in report.pairs for p in pair.passages]


def test_registry_has_every_cli_format() -> None:
    assert set(FORMATS) == {"text", "json", "ndjson", "csv", "markdown", "html", "dot"}
    with pytest.raises(ValueError, match="unknown report format"):
        render(Report((), (), ()), "pdf")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_deterministic_and_handles_empty_reports(
    seed_report: Report, fmt: str
) -> None:
    assert render(seed_report, fmt) == render(seed_report, fmt)
    assert isinstance(render(Report((), (), ()), fmt), str)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_pieces_make_the_rendered_report(
    seed_report: Report, generated_report: Report, fmt: str
) -> None:
    """What the CLI writes piece by piece is the rendered report, byte for byte."""
    for report in (seed_report, generated_report, Report((), (), ())):
        assert "".join(render_pieces(report, fmt)) == render(report, fmt)
    with pytest.raises(ValueError, match="unknown report format"):
        render_pieces(seed_report, "pdf")


def test_json_and_ndjson_are_written_in_many_pieces(seed_report: Report) -> None:
    assert len(list(render_pieces(seed_report, "json"))) > 100
    assert len(list(render_pieces(seed_report, "ndjson"))) == len(seed_report.pairs)


def test_markdown_has_the_pair_table_and_passages(seed_report: Report) -> None:
    out = markdown.render(seed_report)
    assert f"| `{WIRE_SOURCE}` | `{REPRINT}` | source → derived |" in out
    assert f"`{REPRINT}` copies from `{WIRE_SOURCE}`" in out
    unescaped = re.sub(r"\\(.)", r"\1", out)
    for _, p in _passages(seed_report):
        assert f"> {' '.join(p.source_text.split())}" in unescaped
        assert f"> {' '.join(p.derived_text.split())}" in unescaped
    assert "**Ukraine**" in out and "~~separatists~~" in out


def test_markdown_escapes_syntax() -> None:
    assert markdown.escape("a*b_c [x](y) <b> |") == r"a\*b\_c \[x\](y) \<b\> \|"
    assert markdown.escape("# head") == r"\# head"
    assert markdown.escape("1. item") == r"1\. item"


def test_csv_has_one_row_per_passage_with_the_report_offsets(seed_report: Report) -> None:
    out = csv_format.render(seed_report)
    assert out.startswith(",".join(csv_format.COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    expected = _passages(seed_report)
    assert len(rows) == len(expected) == 5
    for row, (pair, p) in zip(rows, expected, strict=True):
        assert (row["source"], row["derived"], row["direction"]) == (
            pair.source,
            pair.derived,
            pair.direction,
        )
        offsets = [int(row[k]) for k in ("source_start", "source_end")]
        offsets += [int(row[k]) for k in ("derived_start", "derived_end")]
        assert offsets == [p.source_start, p.source_end, p.derived_start, p.derived_end]
        assert float(row["similarity"]) == p.similarity and row["kind"] == p.kind
        assert (row["source_text"], row["derived_text"]) == (p.source_text, p.derived_text)
    assert [row["passage"] for row in rows] == ["1", "2", "3", "4", "5"]


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    text = 'He said, "stop"\nthen left.'
    passage = Passage(0, len(text), 0, len(text), 1.0, "verbatim", (("equal", text),), text, text)
    report = Report((), (Pair("a,b", 'c"d', "undetermined", 1, 1, 1, (), (passage,)),), ())
    (row,) = list(csv.DictReader(io.StringIO(csv_format.render(report), newline="")))
    assert (row["source"], row["derived"], row["source_text"]) == ("a,b", 'c"d', text)


@pytest.mark.parametrize(
    "text",
    ["=SUM(A1) was typed", "-5 percent fell", "+1 point", "@user said", "\tindented", "\rback"],
)
def test_csv_prefixes_cells_a_spreadsheet_would_run_as_formulas(text: str) -> None:
    passage = Passage(3, 40, 7, 44, 0.95, "edited", (("equal", text),), text, "plain " + text)
    report = Report((), (Pair("=HYPERLINK(1)", "ok", "undetermined", 1, 1, 1, (), (passage,)),), ())
    (row,) = list(csv.DictReader(io.StringIO(csv_format.render(report), newline="")))
    assert (row["source"], row["derived"]) == ("'=HYPERLINK(1)", "ok")
    assert (row["source_text"], row["derived_text"]) == ("'" + text, "plain " + text)
    offsets = [row[k] for k in ("source_start", "source_end", "derived_start", "derived_end")]
    assert (offsets, row["similarity"], row["passage"]) == (["3", "40", "7", "44"], "0.95", "1")


def test_csv_leaves_ordinary_text_and_numbers_alone(seed_report: Report) -> None:
    assert csv_format.cell("5 percent") == "5 percent" and csv_format.cell("") == ""
    assert csv_format.cell("a=b") == "a=b" and csv_format.cell("'quoted") == "'quoted"
    rows = list(csv.DictReader(io.StringIO(csv_format.render(seed_report), newline="")))
    assert rows and not any(v.startswith("'") for row in rows for v in row.values())


def test_scan_csv_prefixes_formula_ids_from_a_real_file(tmp_path: Path) -> None:
    body = " ".join(_HARBOUR[:1] + _HARBOUR[3:] + _ORCHARD)
    path = tmp_path / "docs.jsonl"
    records = [{"id": "=cmd|' /C calc'!A0", "text": body}, {"id": "-5", "text": body}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan", str(path), "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output, newline="")))
    assert rows and {(r["source"], r["derived"]) for r in rows} <= {
        ("'=cmd|' /C calc'!A0", "'-5"),
        ("'-5", "'=cmd|' /C calc'!A0"),
    }
    assert all(
        r["source_text"] == r["derived_text"] and r["source_text"][0].isalnum() for r in rows
    )


def test_ndjson_lines_are_the_json_reports_pairs(seed_report: Report) -> None:
    out = ndjson.render(seed_report)
    assert out.endswith("\n")
    lines = out.split("\n")[:-1]
    assert [json.loads(line) for line in lines] == json.loads(seed_report.to_json())["pairs"]


def test_ndjson_escapes_unicode_line_separators() -> None:
    text = "one\u2028two\u2029three\x85four"
    passage = Passage(0, len(text), 0, len(text), 1.0, "verbatim", (("equal", text),), text, text)
    out = ndjson.render(Report((), (Pair("a", "b", "undetermined", 1, 1, 1, (), (passage,)),), ()))
    assert len(out.splitlines()) == 1
    assert json.loads(out)["passages"][0]["source_text"] == text


def test_dot_has_the_directed_edge(seed_report: Report) -> None:
    out = dot.render(seed_report)
    assert out.startswith("digraph syndetect {")
    assert f'"{WIRE_SOURCE}" -> "{REPRINT}" [label="37%"];' in out
    assert '"000_3af67e71ffc612f1"' not in out  # only documents in pairs


def test_dot_quotes_ids_and_draws_undetermined_pairs_dashed() -> None:
    assert dot.quote('a"b\\') == '"a\\"b\\\\"'
    assert dot.quote("x\ny") == '"x\\ny"'
    out = dot.render(injection_report())
    assert f"{dot.quote(SCRIPT)} -> {dot.quote(IMG + 'src')}" in out
    assert "dir=none, style=dashed" in out
    for line in out.splitlines()[1:-1]:  # every quote inside a string is escaped
        assert len(re.findall(r'(?<!\\)"', line.replace("\\\\", ""))) % 2 == 0, line


def test_derived_side_keeps_the_derived_spelling(seed_report: Report) -> None:
    for _, p in _passages(seed_report):
        assert "".join(t for _, t in source_segments(p)) == p.source_text
        assert "".join(t for _, t in derived_segments(p)) == p.derived_text
    near = [p for _, p in _passages(seed_report) if p.kind == "near"]
    inserted = [t for op, t in derived_segments(near[-1]) if op == "insert"]
    deleted = [t for op, t in source_segments(near[-1]) if op == "delete"]
    assert any(t.startswith("pro-Russian") for t in inserted)
    assert "separatists " in deleted


EXTERNAL = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""", re.I)


def test_html_has_passages_graph_and_no_external_resources(seed_report: Report) -> None:
    out = html.render(seed_report)
    assert out.startswith("<!DOCTYPE html>")
    for _, p in _passages(seed_report):
        if p.kind == "verbatim":
            assert escape(p.source_text) in out and escape(p.derived_text) in out
    assert "<ins>pro-Russian " in out and "<del>separatists </del>" in out
    assert "<svg" in out and 'data-source="003_962932a17c688422"' in out
    assert EXTERNAL.search(out) is None
    assert (
        "<link" not in out and "@import" not in out and "url(" not in out.replace("url(#arrow)", "")
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def test_html_escapes_every_payload() -> None:
    report = injection_report()
    out = html.render(report)
    for payload in PAYLOADS:
        assert payload not in out
    assert "<img" not in out.lower()
    assert out.lower().count("<script") == 1  # the report's own script only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in out
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in out
    assert "javascript:alert(1)" in out  # shown as text ...
    assert EXTERNAL.search(out) is None  # ... never linked
    parser = _Tags()
    parser.feed(out)
    assert "img" not in parser.tags
    assert parser.tags.count("script") == 1
    assert not [a for a in parser.attrs if a.startswith("on")]
    # payloads inside the word diff are escaped too
    assert re.search(r"<(ins|del)>img src=x onerror=&quot;window.__xss=1&quot;&gt; </\1>", out)


def test_html_sorts_pairs_by_strength() -> None:
    report = injection_report()
    out = html.render(report)
    numbers = re.findall(r'<details class="pair" id="pair-(\d+)"', out)
    assert numbers == ["1", "2", "3"]
    shares = [int(x) for x in re.findall(r'<span class="ssum"><b>(\d+)%</b> of derived', out)]
    assert len(shares) == 3 and shares == sorted(shares, reverse=True)
    assert shares[0] == round(100 * max(p.containment_derived for p in report.pairs))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_scan_every_format(fmt: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["scan", str(SEEDS), "--format", fmt])
    assert result.exit_code == 0, (result.output, result.exception)
    assert result.stdout.strip()
    target = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["scan", str(SEEDS), "-f", fmt, "-o", str(target)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert target.read_bytes().decode("utf-8") == render(
        syndetect.scan(syndetect.read_paths([SEEDS])), fmt
    )
