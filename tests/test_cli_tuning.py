"""The candidate-search flags ``--sentence-perm``, ``--document-threshold`` and
``--short-sentence-docs`` of ``scan`` and ``index create`` reach the scan options."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import syndetect
from syndetect.cli import cli
from syndetect.options import DEFAULT_OPTIONS

SENTENCES = (
    "The regional water authority announced on Monday that it would raise prices for "
    "households by six percent next year.",
    "Engineers blamed the increase on the rising cost of replacing pipes laid more than a "
    "century ago under the old town.",
    "Consumer groups said the decision would hit pensioners and young families hardest "
    "during an already difficult winter.",
    "A spokeswoman for the authority said leaks currently waste almost a quarter of the "
    "treated water before it reaches any tap.",
    "The work on the northern reservoir is due to start in March and should be finished "
    "before the summer holidays begin.",
    "Opposition councillors demanded an independent review of the contracts awarded to "
    "the two construction firms involved.",
    "Several villages on the coast have faced repeated shortages during heatwaves in each "
    "of the past three summers.",
    "The authority promised to publish a detailed breakdown of its spending on its website "
    "before the end of the month.",
    "Farmers in the valley asked to be exempted from the increase because irrigation "
    "already makes up most of their costs.",
    "The minister responsible for the environment said she would meet both sides to discuss "
    "the plan next week.",
    "Residents who want to comment on the proposal can write to the authority until the "
    "middle of January.",
)


def _merged() -> str:
    """All the sentences run into one: each original sentence shares little with it
    (sentence Jaccard about 0.1), the whole document shares almost everything."""
    parts = [s.rstrip(".") for s in SENTENCES]
    return ", and ".join([parts[0]] + [p[0].lower() + p[1:] for p in parts[1:]]) + "."


@pytest.fixture
def rewritten(tmp_path: Path) -> Path:
    """An article and a copy of it whose sentences were all merged into one."""
    (tmp_path / "original.txt").write_text(" ".join(SENTENCES) + "\n", encoding="utf-8")
    (tmp_path / "merged.txt").write_text(_merged() + "\n", encoding="utf-8")
    return tmp_path


def scan_json(folder: Path, *flags: str) -> Result:
    result = CliRunner().invoke(cli, ["scan", str(folder), "-f", "json", "-q", *flags])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    ("flags", "sentence_perm", "document_threshold", "pairs"),
    [
        ((), 64, 0.2, 1),  # found by the document-level search
        (("--document-threshold", "1.0"), 64, 1.0, 0),  # that search off: no sentence collides
        (("--document-threshold", "1", "--sentence-perm", "4"), 4, 1.0, 1),  # 4 bands of 1 row
    ],
)
def test_scan_flags_reach_the_candidate_search(
    rewritten: Path,
    flags: tuple[str, ...],
    sentence_perm: int,
    document_threshold: float,
    pairs: int,
) -> None:
    options = replace(
        DEFAULT_OPTIONS, sentence_perm=sentence_perm, document_threshold=document_threshold
    )
    expected = syndetect.scan(syndetect.read_paths([rewritten]), options=options)
    result = scan_json(rewritten, *flags)
    assert result.stdout == expected.to_json()
    assert len(json.loads(result.stdout)["pairs"]) == pairs


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--sentence-perm", "1"),
        ("--sentence-perm", "4097"),
        ("--document-threshold", "0"),
        ("--short-sentence-docs", "1"),
    ],
)
def test_out_of_range_values_are_usage_errors(rewritten: Path, flag: str, value: str) -> None:
    result = CliRunner().invoke(cli, ["scan", str(rewritten), flag, value])
    assert result.exit_code == 2
    assert f"Invalid value for '{flag}'" in result.stderr


def test_index_create_stores_the_flags(tmp_path: Path, rewritten: Path) -> None:
    db = str(tmp_path / "archive.db")
    runner = CliRunner()
    flags = ["--sentence-perm", "32", "--document-threshold", "0.35", "--short-sentence-docs", "9"]
    assert runner.invoke(cli, ["index", "create", db, *flags]).exit_code == 0
    stats = runner.invoke(cli, ["index", "stats", db, "-f", "json"])
    assert stats.exit_code == 0, stats.output
    stored = json.loads(stats.stdout)["options"]
    assert (stored["sentence_perm"], stored["document_threshold"]) == (32, 0.35)
    assert stored["short_sentence_docs"] == 9
    assert stored["num_perm"] == DEFAULT_OPTIONS.num_perm


def test_short_sentence_docs_stops_short_sentences_shared_by_more_articles(
    tmp_path: Path,
) -> None:
    """Three articles reprint the same three sentences (17-20 words each, under the
    25 of --min-pair-words): with the default, every two of them pair; with
    --short-sentence-docs 2 each sentence's bucket holds too many articles, and no
    pair is even a candidate."""
    short = SENTENCES[:3]
    assert all(len(s.split()) < DEFAULT_OPTIONS.min_pair_words for s in short)
    for k in range(3):
        own = " ".join(SENTENCES[3 + 2 * k : 5 + 2 * k])
        (tmp_path / f"a{k}.txt").write_text(own + " " + " ".join(short) + "\n", "utf-8")
    off = ("--document-threshold", "1")  # the document-level search would find them too
    assert len(json.loads(scan_json(tmp_path, *off).stdout)["pairs"]) == 3
    few = scan_json(tmp_path, *off, "--short-sentence-docs", "2")
    assert json.loads(few.stdout)["pairs"] == []
