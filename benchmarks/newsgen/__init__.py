"""The parts of ``benchmarks/generate.py``: a synthetic news corpus with known
syndication ground truth.

- ``entities.json``: countries, names, companies, agencies, outlet names and
  site chrome; ``grammar.json``: the sentence grammar (shared rules, one rule
  set per news domain) and the interchangeable words.
- :mod:`newsgen.grammar` expands the grammar into sentences;
  :mod:`newsgen.surface` holds the surface transforms (quotes, apostrophes,
  word edits, layouts); :mod:`newsgen.corpus` writes topics, wire stories and
  distractors, :mod:`newsgen.copies` the copies and site chrome, and
  :mod:`newsgen.truth` the ground truth.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> Any:
    """The parsed JSON data file ``name`` of this package."""
    return json.loads((HERE / name).read_text(encoding="utf-8"))
