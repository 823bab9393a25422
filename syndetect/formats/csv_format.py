"""CSV report: one row per shared passage (RFC 4180, header row).

Spreadsheets (Excel, LibreOffice Calc, Google Sheets) read a cell that begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula, so an
article could run one in the reader's spreadsheet. Following OWASP's advice on
CSV injection (https://owasp.org/www-community/attacks/CSV_Injection), such an
id or passage text is written with a single quote ``'`` in front, which
spreadsheets show as text. The offsets and the similarity are numbers and are
written as they are; a program that needs the raw text should read the JSON
report.
"""

from __future__ import annotations

import csv
import io

from syndetect.model import Report

__all__ = ["COLUMNS", "FORMULA_STARTS", "cell", "render"]

COLUMNS = (
    "source",
    "derived",
    "direction",
    "passage",
    "source_start",
    "source_end",
    "derived_start",
    "derived_end",
    "similarity",
    "kind",
    "source_text",
    "derived_text",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def cell(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula: with a
    leading ``'`` when it starts with one of :data:`FORMULA_STARTS`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render(report: Report) -> str:
    """The passages of all pairs as CSV, in report order.

    ``passage`` numbers a pair's passages from 1. Fields are quoted when they
    contain a comma, quote or line break; rows end with CRLF (RFC 4180). Ids
    and passage texts that a spreadsheet would take for a formula get a
    leading ``'`` (see the module docstring); numbers are left as they are.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for pair in report.pairs:
        for n, p in enumerate(pair.passages, start=1):
            writer.writerow(
                (
                    cell(pair.source),
                    cell(pair.derived),
                    pair.direction,
                    n,
                    p.source_start,
                    p.source_end,
                    p.derived_start,
                    p.derived_end,
                    p.similarity,
                    p.kind,
                    cell(p.source_text),
                    cell(p.derived_text),
                )
            )
    return out.getvalue()
