"""CSV report: one row per shared passage (RFC 4180, header row)."""

from __future__ import annotations

import csv
import io

from syndetect.model import Report

__all__ = ["COLUMNS", "render"]

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


def render(report: Report) -> str:
    """The passages of all pairs as CSV, in report order.

    ``passage`` numbers a pair's passages from 1. Fields are quoted when they
    contain a comma, quote or line break; rows end with CRLF (RFC 4180).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for pair in report.pairs:
        for n, p in enumerate(pair.passages, start=1):
            writer.writerow(
                (
                    pair.source,
                    pair.derived,
                    pair.direction,
                    n,
                    p.source_start,
                    p.source_end,
                    p.derived_start,
                    p.derived_end,
                    p.similarity,
                    p.kind,
                    p.source_text,
                    p.derived_text,
                )
            )
    return out.getvalue()
